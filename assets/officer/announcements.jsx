// The agency console's announcements (role: officer): write one in one or more languages,
// choose who gets it (everyone, one province, one beneficiary group), and see whether each
// one has gone out and to how many people. `make notify` sends them (api/services/
// announcements.py); each person reads theirs in their language or the nearest one written.
import { useEffect, useState } from "react";
import {
  LANGUAGE_NAMES, LANGUAGES, formatMoment, label, labelCodes, useLang, useT, useTn,
} from "../i18n.js";
import { useOfficerDesk } from "./officer_api.js";

const EMPTY = Object.fromEntries(LANGUAGES.map((lang) => [lang, ""]));

function useProvinces() {
  const [provinces, setProvinces] = useState([]);
  useEffect(() => {
    fetch("/api/provinces").then((r) => r.json()).then((body) => setProvinces(body.provinces))
      .catch(() => setProvinces([]));
  }, []);
  return provinces;
}

function AudiencePicker({ audience, setAudience, code, setCode }) {
  const t = useT();
  const provinces = useProvinces();
  return (
    <fieldset className="choices" id="audience">
      <legend className="label">{t("Send to")}</legend>
      {[["all", t("Everyone")], ["province", t("One province")],
        ["group", t("One beneficiary group")]].map(([value, text]) => (
        <label className="choice" key={value}>
          <input type="radio" name="audience" value={value} checked={audience === value}
            onChange={() => { setAudience(value); setCode(""); }} /> {text}
        </label>
      ))}
      {audience === "province" && (
        <select id="audience-code" className="input" aria-label={t("Province")} value={code}
          onChange={(e) => setCode(e.target.value)}>
          <option value="">{t("Choose a province")}</option>
          {provinces.map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}
        </select>)}
      {audience === "group" && (
        <select id="audience-code" className="input" aria-label={t("Beneficiary group")}
          value={code}
          onChange={(e) => setCode(e.target.value)}>
          <option value="">{t("Choose a group")}</option>
          {labelCodes("beneficiary_groups").map((g) => (
            <option key={g} value={g}>{`${g} · ${t(label("beneficiary_groups", g))}`}</option>))}
        </select>)}
    </fieldset>
  );
}

function AnnouncementList({ items }) {
  const t = useT();
  const tn = useTn();
  const lang = useLang();
  if (!items.length) return <p>{t("No announcements yet.")}</p>;
  return (
    <ul className="list" id="announcement-list">
      {items.map((a) => (
        <li className="item" key={a.id}>
          <p className="small muted">{`${formatMoment(a.created, lang)} · ${a.by}`}</p>
          <p>{a.texts[lang] || Object.values(a.texts)[0]}</p>
          <p className="small">{a.sent
            ? tn("Sent to {n} person", "Sent to {n} people", a.recipients, { n: a.recipients })
            : t("Waiting to be sent (within five minutes)")}</p>
        </li>
      ))}
    </ul>
  );
}

export function Announcements() {
  const t = useT();
  const [texts, setTexts] = useState(EMPTY);
  const [audience, setAudience] = useState("all");
  const [code, setCode] = useState("");
  const { items, busy, message, post } = useOfficerDesk("/api/officer/announcements", {
    sent: t("Saved. It goes out within five minutes."),
    offline: t("Connect to the internet to send the announcement."),
    cleared: () => setTexts(EMPTY),
  });
  const send = (event) => {
    event.preventDefault();
    post({ texts, audience, code });
  };
  return (
    <>
      <section className="panel">
        <h2 className="section-title">{t("New announcement")}</h2>
        <p className="small muted">{t("Write it in one or more languages. Each person gets "
          + "it in their language, or else in English or Vietnamese.")}</p>
        <form id="announce" className="form" onSubmit={send}>
          {LANGUAGES.map((lang) => (
            <div key={lang}>
              <label className="label" htmlFor={`text-${lang}`}>{LANGUAGE_NAMES[lang]}</label>
              <textarea id={`text-${lang}`} className="input" lang={lang} rows={3}
                maxLength={800} value={texts[lang]}
                onChange={(e) => setTexts({ ...texts, [lang]: e.target.value })} />
            </div>
          ))}
          <AudiencePicker audience={audience} setAudience={setAudience} code={code}
            setCode={setCode} />
          {message.text && (
            <p className={message.kind === "error" ? "alert alert-error" : "alert alert-ok"}
              role={message.kind === "error" ? "alert" : "status"}>{message.text}</p>)}
          <button type="submit" className="btn" id="announce-send" disabled={busy}>
            {t("Send")}</button>
        </form>
      </section>
      <section className="panel">
        <h2 className="section-title">{t("Announcements")}</h2>
        <AnnouncementList items={items} />
      </section>
    </>
  );
}
