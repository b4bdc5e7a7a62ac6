// The agency console's news and guides (role: officer): a title and a text in one or more
// languages, marked as news or a guide, published at once on the public news screen
// (/news, api/services/news.py); the newest ones listed below the form.
import { useState } from "react";
import { LANGUAGE_NAMES, LANGUAGES, formatMoment, useLang, useT } from "../i18n.js";
import { useOfficerDesk } from "./officer_api.js";

const EMPTY = Object.fromEntries(LANGUAGES.map((lang) => [lang, { title: "", body: "" }]));

export function NewsDesk() {
  const t = useT();
  const lang = useLang();
  const [texts, setTexts] = useState(EMPTY);
  const [kind, setKind] = useState("news");
  const edit = (code, field, value) => setTexts({ ...texts, [code]: { ...texts[code], [field]: value } });
  const { items, busy, message, post } = useOfficerDesk("/api/officer/news", {
    sent: t("Published on the news screen."),
    offline: t("Connect to the internet to publish."),
    cleared: () => setTexts(EMPTY),
  });
  const publish = (event) => {
    event.preventDefault();
    post({ kind, texts });
  };
  return (
    <>
      <section className="panel">
        <h2 className="section-title">{t("Publish news or a guide")}</h2>
        <p className="small muted">{t("Everyone can read it on the news screen, logged in or "
          + "not, in their language or else in English or Vietnamese.")}</p>
        <form id="news-form" className="form" onSubmit={publish}>
          <fieldset className="choices" id="news-kind">
            <legend className="label">{t("Kind")}</legend>
            {[["news", t("News")], ["guide", t("Guide")]].map(([value, text]) => (
              <label className="choice" key={value}>
                <input type="radio" name="news-kind" value={value} checked={kind === value}
                  onChange={() => setKind(value)} /> {text}
              </label>
            ))}
          </fieldset>
          {LANGUAGES.map((code) => (
            <fieldset key={code} className="news-lang">
              <legend className="label">{LANGUAGE_NAMES[code]}</legend>
              <label className="small" htmlFor={`news-title-${code}`}>{t("Title")}</label>
              <input id={`news-title-${code}`} className="input" lang={code} maxLength={120}
                value={texts[code].title} onChange={(e) => edit(code, "title", e.target.value)} />
              <label className="small" htmlFor={`news-body-${code}`}>{t("Text")}</label>
              <textarea id={`news-body-${code}`} className="input" lang={code} rows={4}
                maxLength={4000} value={texts[code].body}
                onChange={(e) => edit(code, "body", e.target.value)} />
            </fieldset>
          ))}
          {message.text && (
            <p className={message.kind === "error" ? "alert alert-error" : "alert alert-ok"}
              role={message.kind === "error" ? "alert" : "status"} id="news-message">{message.text}</p>)}
          <button type="submit" className="btn" id="news-publish" disabled={busy}>
            {t("Publish")}</button>
        </form>
      </section>
      <section className="panel">
        <h2 className="section-title">{t("News and guides")}</h2>
        {!items.length ? <p>{t("Nothing published yet.")}</p> : (
          <ul className="list" id="news-desk-list">
            {items.map((n) => (
              <li className="item" key={n.id}>
                <p className="small muted">{`${formatMoment(n.published, lang)} · ${n.by}`}</p>
                <p><strong>{(n.texts[lang] || Object.values(n.texts)[0]).title}</strong></p>
              </li>
            ))}
          </ul>)}
      </section>
    </>
  );
}
