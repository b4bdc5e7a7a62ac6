// Registration for an account (/register): a person with a social-insurance code but no
// account fills the form (by scanning the chip ID card's QR code, or typing), proves the
// phone with an SMS code and adds a photo of the face. An officer of their province checks
// it against the record (api/services/registrations.py); this browser keeps the receipt and
// shows the status (status.jsx).
import { useEffect, useState } from "react";
import { FileButton } from "../file_button.jsx";
import { useT } from "../i18n.js";
import { facePhoto } from "./face_photo.js";
import { IdCardScan } from "./id_scan.jsx";
import { keepReceipt, postJson, savedReceipt } from "./register_api.js";
import { RegistrationStatus } from "./status.jsx";

const EMPTY = {
  code: "", citizen_id: "", old_id: "", full_name: "", dob: "", sex: "", address: "",
  id_issued: "", phone: "", email: "", otp: "",
};
// The field each refusal is about: its message shows there and it takes the focus.
const FIELD_OF = {
  empty: "code", format: "code", unknown_person: "code", already_registered: "code",
  registration_pending: "code", phone_format: "phone", reg_citizen_id: "citizen_id",
  reg_old_id: "old_id", reg_name: "full_name", reg_dob: "dob", reg_sex: "sex",
  reg_issued: "id_issued", reg_address: "address", reg_email: "email", reg_photo: "photo",
  otp_format: "otp", otp_wrong: "otp", otp_none: "otp", otp_used: "otp", otp_expired: "otp",
  otp_locked: "otp",
};
const fieldId = (name) => `reg-${name.replace(/_/g, "-")}`;

function Field({ name, label, hint, error, children }) {
  const describedBy = [hint ? `${fieldId(name)}-hint` : "", error ? `${fieldId(name)}-error` : ""]
    .filter(Boolean).join(" ") || undefined;
  return (
    <>
      <label className="label" htmlFor={fieldId(name)}>{label}</label>
      {children({ id: fieldId(name), "aria-describedby": describedBy,
        "aria-invalid": error ? true : undefined })}
      {hint ? <p className="hint" id={`${fieldId(name)}-hint`}>{hint}</p> : null}
      {error ? <p className="field-error" id={`${fieldId(name)}-error`}>{error}</p> : null}
    </>
  );
}

function RegistrationForm({ onDone }) {
  const t = useT();
  const [values, setValues] = useState(EMPTY);
  const [scanned, setScanned] = useState(false);
  const [photo, setPhoto] = useState("");
  const [sent, setSent] = useState(null); // {phone, resend_after} after the SMS code went
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState({ field: "", text: "" });
  const [scanNote, setScanNote] = useState("");
  const [codeNote, setCodeNote] = useState("");

  const set = (name) => (event) => {
    const { value } = event.target;
    setValues((now) => ({ ...now, [name]: value }));
  };
  const errorOf = (name) => (error.field === name ? error.text : "");
  const refuse = (answer) => {
    const field = FIELD_OF[answer.body.error] || "";
    const text = answer.status === 0 ? t("Connect to the internet to register.")
      : answer.body.message || t("The request could not be read. Reload the page and try again.");
    setError({ field, text });
    const target = field && document.getElementById(field === "sex" ? "reg-sex-f" : fieldId(field));
    if (target) target.focus();
  };

  const onScanned = (fields) => {
    setValues((now) => ({ ...now, ...fields }));
    setScanned(true);
    setError({ field: "", text: "" });
    setScanNote(t("The details of your ID card were filled in. Check them."));
  };

  const sendCode = async () => {
    setBusy(true);
    setError({ field: "", text: "" });
    const answer = await postJson("/api/register/code", { code: values.code, phone: values.phone });
    setBusy(false);
    if (!answer.ok) {
      refuse(answer);
      return;
    }
    setSent(answer.body);
    setCodeNote(t("We sent a 6-digit code to {phone}. It is valid for 5 minutes.",
      { phone: answer.body.phone }));
  };

  const pickPhoto = async (event) => {
    const file = event.target.files && event.target.files[0];
    if (!file) return;
    try {
      setPhoto(await facePhoto(file));
      setError({ field: "", text: "" });
    } catch (e) {
      setPhoto("");
      setError({ field: "photo", text: t("This file is not a picture. Take a photo of your face.") });
    }
  };

  const submit = async (event) => {
    event.preventDefault();
    if (!sent) {
      setError({ field: "phone", text: t("Ask for a code first.") });
      return;
    }
    setBusy(true);
    setError({ field: "", text: "" });
    const answer = await postJson("/api/register", { ...values, photo, scanned });
    setBusy(false);
    if (!answer.ok) {
      refuse(answer);
      return;
    }
    keepReceipt(answer.body.receipt);
    onDone(answer.body.receipt, answer.body);
  };

  return (
    <form className="form register" id="register-form" onSubmit={submit} noValidate>
      <p className="lead">{t("Have a social-insurance code but no account yet? Register here. An officer of your province checks your registration against your record; you get a text message with the outcome.")}</p>
      <section className="panel" aria-labelledby="reg-code-title">
        <h2 className="section-title" id="reg-code-title">{t("Your social-insurance code")}</h2>
        <Field name="code" label={t("Social-insurance code")} error={errorOf("code")}
          hint={<>{t("The 10 digits on your card or insurance book.")}{" "}
            <a href="/lookup?kind=code" id="find-my-code">{t("Find my code")}</a></>}>
          {(props) => <input {...props} className="input" inputMode="numeric" maxLength={20}
            autoComplete="username" value={values.code} onChange={set("code")} />}
        </Field>
      </section>

      <section className="panel" aria-labelledby="reg-id-title">
        <h2 className="section-title" id="reg-id-title">{t("Your chip ID card")}</h2>
        <p className="hint">{t("Scan the QR code on the front of your ID card to fill in the details, or type them.")}</p>
        <IdCardScan onRead={onScanned} />
        <div role="status">
          {scanNote ? <p className="alert alert-info" id="scan-note">{scanNote}</p> : null}
        </div>
        <Field name="citizen_id" label={t("Personal ID number")} error={errorOf("citizen_id")}
          hint={t("12 digits")}>
          {(props) => <input {...props} className="input" inputMode="numeric" maxLength={12}
            value={values.citizen_id} onChange={set("citizen_id")} />}
        </Field>
        <Field name="old_id" label={t("Old ID number (optional)")} error={errorOf("old_id")}>
          {(props) => <input {...props} className="input" inputMode="numeric" maxLength={9}
            value={values.old_id} onChange={set("old_id")} />}
        </Field>
        <Field name="full_name" label={t("Full name")} error={errorOf("full_name")}>
          {(props) => <input {...props} className="input" autoComplete="name" maxLength={80}
            value={values.full_name} onChange={set("full_name")} />}
        </Field>
        <Field name="dob" label={t("Date of birth")} error={errorOf("dob")}>
          {(props) => <input {...props} className="input" type="date" value={values.dob}
            onChange={set("dob")} />}
        </Field>
        <fieldset className="choices" aria-describedby={errorOf("sex") ? "reg-sex-error" : undefined}>
          <legend className="label">{t("Sex")}</legend>
          {[["M", t("Male")], ["F", t("Female")]].map(([value, text]) => (
            <label className="choice" key={value}>
              <input type="radio" name="sex" id={`reg-sex-${value.toLowerCase()}`} value={value}
                checked={values.sex === value}
                onChange={() => setValues((now) => ({ ...now, sex: value }))} /> {text}
            </label>
          ))}
          {errorOf("sex") ? <p className="field-error" id="reg-sex-error">{errorOf("sex")}</p> : null}
        </fieldset>
        <Field name="address" label={t("Address")} error={errorOf("address")}>
          {(props) => <input {...props} className="input" autoComplete="street-address"
            maxLength={200} value={values.address} onChange={set("address")} />}
        </Field>
        <Field name="id_issued" label={t("Date of issue of the ID card")} error={errorOf("id_issued")}>
          {(props) => <input {...props} className="input" type="date" value={values.id_issued}
            onChange={set("id_issued")} />}
        </Field>
      </section>

      <section className="panel" aria-labelledby="reg-contact-title">
        <h2 className="section-title" id="reg-contact-title">{t("Phone and e-mail")}</h2>
        <Field name="phone" label={t("Mobile phone number")} error={errorOf("phone")}
          hint={t("Your login codes will go to this phone.")}>
          {(props) => <input {...props} className="input" type="tel" inputMode="tel"
            autoComplete="tel" maxLength={20} value={values.phone} onChange={set("phone")} />}
        </Field>
        <button type="button" className="btn" id="send-code" disabled={busy} onClick={sendCode}>
          {sent ? t("Send a new code") : t("Send me a code")}</button>
        <div role="status">
          {codeNote ? <p className="alert alert-info" id="code-note">{codeNote}</p> : null}
        </div>
        {sent ? (
          <Field name="otp" label={t("Code from the text message")} error={errorOf("otp")}>
            {(props) => <input {...props} className="input input-otp" inputMode="numeric"
              autoComplete="one-time-code" maxLength={6} placeholder="••••••" value={values.otp}
              onChange={set("otp")} />}
          </Field>
        ) : null}
        <Field name="email" label={t("E-mail (optional)")} error={errorOf("email")}>
          {(props) => <input {...props} className="input" type="email" autoComplete="email"
            maxLength={120} value={values.email} onChange={set("email")} />}
        </Field>
      </section>

      <section className="panel" aria-labelledby="reg-photo-title">
        <h2 className="section-title" id="reg-photo-title">{t("Photo of your face")}</h2>
        <Field name="photo" label={t("Take a photo of your face, in good light, without glasses or a hat.")}
          error={errorOf("photo")}>
          {(props) => <FileButton {...props} text={t("Take a photo")} accept="image/*"
            capture="user" onChange={pickPhoto} />}
        </Field>
        {photo ? <img className="photo" id="reg-photo-preview" src={photo} alt={t("Your photo")} /> : null}
      </section>

      <div role="alert">
        {error.text ? <p className="alert alert-error" id="register-error">{error.text}</p> : null}
      </div>
      <button type="submit" className="btn btn-primary" id="register-submit" disabled={busy}>
        {t("Send the registration")}</button>
    </form>
  );
}

export function RegisterScreen() {
  const [receipt, setReceipt] = useState(null); // null: not read yet (prerendered page)
  const [first, setFirst] = useState(null);
  useEffect(() => {
    setReceipt(savedReceipt());
  }, []);
  if (receipt === null) return null;
  if (receipt) {
    return (
      <RegistrationStatus receipt={receipt} first={first}
        onForget={() => {
          keepReceipt("");
          setFirst(null);
          setReceipt("");
        }} />
    );
  }
  return <RegistrationForm onDone={(r, status) => { setFirst(status); setReceipt(r); }} />;
}
