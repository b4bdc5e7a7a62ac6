// Each service request's own fields (api/services/request_forms.py holds the rules; these
// checks run as the person types, the server's word is final): re-issue reason, how a pension
// is paid, who may collect a benefit, the voluntary income and period, the primary-care
// facility chosen from the person's province (a document synced for offline use), the child
// whose card a parent asks to show (code, relation; the birth certificate's photo).
import { formatMoney, label, labelCodes, limit, useLang, useT } from "../i18n.js";
import { useDocs } from "./shared.jsx";

const digits = (value) => String(value || "").replace(/[\s.,-]/g, "");

/** What is wrong with a form, field by field ({} when it can be sent), in the reader's words.
 * `photos`: how many photos are attached (a family link needs the birth certificate's). */
export function fieldProblems(kind, fields, text, t, lang, photos = 0) {
  const out = {};
  const need = (name, ok, message) => { if (!ok) out[name] = message; };
  const choose = t("Choose one of the options.");
  if (kind === "reissue_card" || kind === "reissue_book") {
    need("reason", labelCodes("reissue_reasons").includes(fields.reason), choose);
  } else if (kind === "pension_payment") {
    need("method", ["post", "bank"].includes(fields.method), choose);
    if (fields.method === "post") need("post_office", (fields.post_office || "").trim(), t("Type a name (at most {max} characters).", { max: 80 }));
    if (fields.method === "bank") {
      need("bank", (fields.bank || "").trim(), t("Type a name (at most {max} characters).", { max: 80 }));
      need("account", /^\d{6,19}$/.test(digits(fields.account)), t("Type the bank account number: 6 to 19 digits."));
    }
  } else if (kind === "authorise") {
    need("name", (fields.name || "").trim(), t("Type a name (at most {max} characters).", { max: 80 }));
    need("citizen_id", /^\d{12}$/.test((fields.citizen_id || "").trim()), t("Type the 12-digit personal ID number."));
    need("benefit", labelCodes("benefits").includes(fields.benefit), choose);
    need("until", fields.until && fields.until > new Date().toISOString().slice(0, 10),
      t("Choose a date after today and at most {months} months ahead.", { months: limit("authorise_months") }));
  } else if (kind === "voluntary") {
    const income = Number(digits(fields.income));
    need("income", income >= limit("income_min") && income <= limit("income_max"),
      t("Type an amount from {low} to {high}.", {
        low: formatMoney(limit("income_min"), lang), high: formatMoney(limit("income_max"), lang) }));
    need("months", ["1", "3", "6", "12"].includes(String(fields.months || "")), choose);
  } else if (kind === "change_facility") {
    need("facility", fields.facility, choose);
  } else if (kind === "family_link") {
    need("child", /^\d{10}$/.test(digits(fields.child)), t("No child under six has this social-insurance code. Check it on the child's card or birth certificate."));
    need("relation", labelCodes("relations").includes(fields.relation), choose);
    need("photos", photos > 0, t("Attach a photo of the child's birth certificate."));
  } else if (kind === "other") {
    need("text", text.trim(), t("Write what you need."));
  }
  return out;
}

function Field({ id, name, text, problem, children }) {
  return (
    <div className="form-field">
      <label className="label" htmlFor={id}>{text}</label>
      {children}
      {problem ? <p className="field-error" id={`${id}-error`} role="alert">{problem}</p> : null}
    </div>
  );
}

/** A select of codes with their labels. */
function Choice({ name, text, codes, labelOf, fields, problems, set }) {
  const t = useT();
  const id = `field-${name}`;
  return (
    <Field id={id} name={name} text={text} problem={problems[name]}>
      <select id={id} className="input" value={fields[name] || ""}
        aria-invalid={!!problems[name]} aria-describedby={problems[name] ? `${id}-error` : undefined}
        onChange={(e) => set(name, e.target.value)}>
        <option value="">{t("Choose…")}</option>
        {codes.map((code) => <option key={code} value={code}>{labelOf(code)}</option>)}
      </select>
    </Field>
  );
}

function Text({ name, text, fields, problems, set, type = "text", inputMode, hint }) {
  const id = `field-${name}`;
  return (
    <Field id={id} name={name} text={text} problem={problems[name]}>
      <input id={id} className="input" type={type} inputMode={inputMode} value={fields[name] || ""}
        aria-invalid={!!problems[name]} aria-describedby={problems[name] ? `${id}-error` : undefined}
        onChange={(e) => set(name, e.target.value)} />
      {hint ? <p className="small muted">{hint}</p> : null}
    </Field>
  );
}

function FacilityChoice({ fields, problems, set }) {
  const t = useT();
  const state = useDocs("choices");
  const list = (state.items.find((d) => d.id === "facilities") || { doc: { facilities: [] } }).doc.facilities;
  const names = Object.fromEntries(list.map((f) => [f.code, `${f.name} (${f.code})`]));
  return (
    <>
      <p className="small muted" id="facility-rule">{t("You can change it in the first {days} days of January, April, July and October, once a quarter. Outside those days keep the draft and send it then.", { days: limit("facility_window_days") })}</p>
      <Choice name="facility" text={t("New primary-care facility")} codes={list.map((f) => f.code)}
        labelOf={(code) => names[code]} fields={fields} problems={problems} set={set} />
    </>
  );
}

/** The fields of a request of `kind`; `set(name, value)` changes one. */
export function RequestFields({ kind, fields, problems, set }) {
  const t = useT();
  const lang = useLang();
  const common = { fields, problems, set };
  const labelled = (group) => (code) => t(label(group, code));
  if (kind === "reissue_card" || kind === "reissue_book") {
    return <Choice name="reason" text={t("Why?")} codes={labelCodes("reissue_reasons")}
      labelOf={labelled("reissue_reasons")} {...common} />;
  }
  if (kind === "pension_payment") {
    return (
      <>
        <Choice name="method" text={t("How should the pension be paid?")} codes={labelCodes("payout_methods")}
          labelOf={labelled("payout_methods")} {...common} />
        {fields.method === "post" ? <Text name="post_office" text={t("Post office")} {...common} /> : null}
        {fields.method === "bank" ? (
          <>
            <Text name="bank" text={t("Bank")} {...common} />
            <Text name="account" text={t("Account number")} inputMode="numeric" {...common} />
          </>
        ) : null}
      </>
    );
  }
  if (kind === "authorise") {
    return (
      <>
        <Text name="name" text={t("Full name of the person you authorise")} {...common} />
        <Text name="citizen_id" text={t("Their 12-digit personal ID number")} inputMode="numeric" {...common} />
        <Choice name="benefit" text={t("Which benefit may they collect?")} codes={labelCodes("benefits")}
          labelOf={labelled("benefits")} {...common} />
        <Text name="until" text={t("Until")} type="date" {...common} />
      </>
    );
  }
  if (kind === "voluntary") {
    const income = Number(digits(fields.income));
    return (
      <>
        <Text name="income" text={t("Monthly income you contribute on (đồng)")} inputMode="numeric"
          hint={income > 0 ? t("Contribution: {amount} a month (22 %).", { amount: formatMoney(Math.floor(income * 22 / 100), lang) }) : null}
          {...common} />
        <Choice name="months" text={t("Pay for how many months at a time?")} codes={["1", "3", "6", "12"]}
          labelOf={(m) => (m === "1" ? t("Every month") : t("Every {n} months", { n: m }))} {...common} />
      </>
    );
  }
  if (kind === "change_facility") return <FacilityChoice {...common} />;
  if (kind === "family_link") {
    return (
      <>
        <Text name="child" text={t("The child's social-insurance code (10 digits)")} inputMode="numeric"
          hint={t("It is on the child's card or birth certificate. Attach a photo of the birth certificate below.")} {...common} />
        <Choice name="relation" text={t("Your relation to the child")} codes={labelCodes("relations")}
          labelOf={labelled("relations")} {...common} />
      </>
    );
  }
  return null;
}
