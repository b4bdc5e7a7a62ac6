// The verdict on a checked card at the clinic desk: colour, icon and words for each result
// (valid and holder-bound, valid but not bound, and one for each refusal), the card's
// fields, whether this desk's facility is the holder's primary-care facility, the photo
// after an online check, and the form that records the visit.
import { useEffect, useState } from "react";
import { formatDay as day, label } from "../i18n.js";
import { HolderPhoto } from "./holder_photo.jsx";
import { RecordVisit } from "./record_visit.jsx";

// Marks a message for translation where it is defined; translated where it is shown.
const N_ = (text) => text;

// SVG icons (no icon font: they must draw on any phone, offline).
const PATHS = {
  check: "M5 12.5l4.5 4.5L19 7.5",
  idcard: "M3 6h18v12H3z M7 10h4 M7 14h6 M15 10h3v4h-3z",
  cross: "M6 6l12 12 M18 6L6 18",
  hourglass: "M7 3h10 M7 21h10 M8 3c0 5 8 5 8 9s-8 4-8 9 M16 3c0 5-8 5-8 9s8 4 8 9",
  clock: "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z M12 7v5l3 3",
  question: "M9 9a3 3 0 1 1 4 2.8c-.7.3-1 1-1 1.7v1 M12 18.5v.5",
  ban: "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z M5.6 5.6l12.8 12.8",
  refresh: "M20 12a8 8 0 1 1-2.3-5.7 M20 4v5h-5",
  phones: "M4 4h8v15H4z M12 8h8v13h-8 M7 16h2 M15 18h2",
  qr: "M4 4h6v6H4z M14 4h6v6h-6z M4 14h6v6H4z M14 14h2v2h-2z M18 18h2v2h-2z M14 18h2 M18 14h2",
};

function Icon({ name }) {
  return (
    <svg className="verdict-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="2.4"
        strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

// Each verdict: its own colour (tone, in styles.css), icon and words.
const VERDICTS = {
  ok_bound: { tone: "ok", icon: "check", title: N_("Valid — this phone holds the card"),
    detail: N_("The card and the phone it is bound to were both checked.") },
  ok_not_bound: { tone: "caution", icon: "idcard",
    title: N_("Valid card, not holder-bound: check an ID document"),
    detail: N_("A printed card, a picture or the static code: compare the name and date of birth with an ID document.") },
  qr_expired: { tone: "expired", icon: "hourglass", title: N_("Card expired"),
    detail: N_("Do not accept it as valid. The holder can renew the card.") },
  qr_not_yet_valid: { tone: "early", icon: "clock", title: N_("Card not valid yet"),
    detail: N_("Its validity starts later. Check this device's date and time.") },
  qr_bad_signature: { tone: "tampered", icon: "cross",
    title: N_("Tampered: the card data was changed after signing"),
    detail: N_("Do not accept it.") },
  qr_unknown_key: { tone: "unknown", icon: "question",
    title: N_("Unknown issuer: not signed by a known key"),
    detail: N_("Do not accept it. If this device was offline for a long time, connect it once to update the keys.") },
  qr_revoked: { tone: "revoked", icon: "ban", title: N_("Card revoked: reported lost or replaced"),
    detail: N_("Do not accept it.") },
  qr_stale: { tone: "stale", icon: "refresh",
    title: N_("Screenshot or old code: ask for the live code"),
    detail: N_("Ask the holder to open the card on their phone and show the code that renews itself.") },
  qr_wrong_device: { tone: "copied", icon: "phones",
    title: N_("Card copied to another phone"),
    detail: N_("This code was not made by the phone the card is bound to. Do not accept it.") },
  qr_format: { tone: "format", icon: "qr", title: N_("Not a wallet card QR code"),
    detail: N_("Scan the QR code on the card screen of the wallet, or type the code below.") },
};

function verdictKey(verdict) {
  if (verdict.ok) return verdict.holderBound ? "ok_bound" : "ok_not_bound";
  return VERDICTS[verdict.reason] ? verdict.reason : "qr_format";
}

function Row({ label: name, value, id }) {
  return (
    <div className="field">
      <dt>{name}</dt>
      <dd id={id}>{value}</dd>
    </div>
  );
}

function Facility({ code, t }) {
  const [mine, setMine] = useState(null);
  useEffect(() => {
    try {
      setMine(window.localStorage.getItem("clinic-facility") || "");
    } catch (e) {
      setMine("");
    }
  }, []);
  if (mine === null) return null;
  if (!mine) return <p className="alert alert-info" id="facility-match">{t("This desk's facility is not set: compare the code yourself.")}</p>;
  return code === mine
    ? <p className="alert alert-ok" id="facility-match" data-match="yes">{t("This clinic is the holder's registered primary-care facility.")}</p>
    : <p className="alert alert-warn" id="facility-match" data-match="no">{t("Registered at another facility: the benefit level may be lower here.")}</p>;
}

export function Verdict({ verdict, onNext, t, lang }) {
  const key = verdictKey(verdict);
  // Recorded as checked offline unless the server checked it too (an online scan or look-up).
  const how = verdict.kind === "lookup" ? "typed" : "scan";
  const shown = VERDICTS[key];
  const c = verdict.ok ? verdict.claims : null;
  return (
    <div className={`verdict verdict-${shown.tone}`} data-verdict={key}>
      <div className="verdict-head">
        <Icon name={shown.icon} />
        <div>
          <p className="verdict-title" id="verdict-title">{t(shown.title)}</p>
          <p className="verdict-detail">{t(shown.detail)}</p>
        </div>
      </div>
      {c ? (
        <div className="verdict-card">
          <p className="verdict-name" id="verdict-name">{c.fullName}</p>
          <p className="card-number">{c.code}</p>
          <dl className="fields">
            <Row label={t("Date of birth")} value={day(c.dob, lang)} id="verdict-dob" />
            {c.sex ? <Row label={t("Sex")} value={t(label("sex", c.sex))} /> : null}
            {c.group ? <Row label={t("Beneficiary group")} value={`${c.group} · ${t(label("beneficiary_groups", c.group))}`} /> : null}
            {c.level ? <Row label={t("Benefit level")} value={`${c.level}%`} /> : null}
            <Row label={t("Valid to")} value={day(c.validTo, lang)} id="verdict-valid-to" />
            {c.facility ? <Row label={t("Primary-care facility")} value={c.facility} id="verdict-facility" /> : null}
          </dl>
          {c.facility ? <Facility code={c.facility} t={t} /> : null}
          {verdict.photo ? <HolderPhoto code={c.code} /> : null}
        </div>
      ) : null}
      {c ? (
        <RecordVisit key={`${c.code}-${verdict.frameAt || ""}-${verdict.seen || ""}`}
          code={c.code} name={c.fullName} how={how} checkedOffline={!verdict.server} />
      ) : null}
      <button type="button" className="btn btn-primary btn-wide" id="scan-next" onClick={onNext}>
        {t("Check the next card")}
      </button>
    </div>
  );
}
