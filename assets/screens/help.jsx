// Help and support, open to everyone, logged in or not, and offline: the FAQ (bundled in
// i18n/formats.json by locales/build.py from locales/faq.py, searched here without accents),
// the help assistant (GET /api/help/ask: the server matches the question to an FAQ entry;
// offline, the closest FAQ entries are offered instead), the hotline and the support e-mail
// as tap-to-call and tap-to-mail links, and "invite someone to install" (share or copy the
// app's address, and its QR code).
import { useEffect, useMemo, useState } from "react";
import qrcode from "qrcode-generator";
import formats from "../i18n/formats.json";
import { useLang, useT } from "../i18n.js";
import { qrPath } from "../qr_svg.js";

const FAQ = formats.faq.entries;
const TOPIC_ORDER = formats.faq.topics.map(([id]) => id);
const TOPICS = Object.fromEntries(formats.faq.topics);
const HOTLINE = "1900 9068";
const TEL = "tel:19009068";

/** Accent- and case-insensitive form, as api/domain/codes.py fold(): "Mất" -> "mat". */
export function fold(text) {
  const kept = [];
  for (const ch of String(text).replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD")) {
    // Marks on Latin letters only: kana keep their voicing marks.
    if (/\p{M}/u.test(ch) && kept.length && kept[kept.length - 1] <= "\u024f") continue;
    kept.push(ch);
  }
  return kept.join("").normalize("NFC").toLowerCase().split(/\s+/).filter(Boolean).join(" ");
}

/** FAQ entries whose question or answer (in the reader's language or in English) holds
 * every word of the query, those matching in the question first. */
export function searchFaq(query, t) {
  const words = fold(query).split(" ").filter(Boolean);
  if (!words.length) return FAQ;
  const scored = [];
  for (const entry of FAQ) {
    const question = fold(`${t(entry.q)} ${entry.q}`);
    const all = `${question} ${fold(`${t(entry.a)} ${entry.a}`)}`;
    if (words.every((w) => all.includes(w))) {
      scored.push([words.filter((w) => question.includes(w)).length, entry]);
    }
  }
  return scored.sort((a, b) => b[0] - a[0]).map(([, entry]) => entry);
}

/** The closest entries to a question while offline: most of its words found. */
function closest(query, t) {
  const words = fold(query).split(" ").filter((w) => w.length > 1);
  if (!words.length) return [];
  return FAQ.map((entry) => {
    const all = fold(`${t(entry.q)} ${t(entry.a)} ${entry.q}`);
    return [words.filter((w) => all.includes(w)).length / words.length, entry];
  }).filter(([share]) => share >= 0.5).sort((a, b) => b[0] - a[0]).slice(0, 3).map(([, e]) => e);
}

function ScreenLink({ screen }) {
  const t = useT();
  if (screen === "/help") return null;
  return (
    <a className="btn btn-wide faq-go" href={screen}>
      {t("Open: {page}", { page: t(formats.pages[screen] || screen) })}</a>
  );
}

function Entry({ entry, open, anchor = false }) {
  const t = useT();
  return (
    <details className="faq-item" id={anchor ? `faq-${entry.id}` : undefined} data-id={entry.id} open={open}>
      <summary>{t(entry.q)}</summary>
      <p>{t(entry.a)}</p>
      <ScreenLink screen={entry.screen} />
    </details>
  );
}

function Contact({ email }) {
  const t = useT();
  return (
    <section className="panel" aria-labelledby="contact-title">
      <h2 className="section-title" id="contact-title">{t("Contact us")}</h2>
      <p>{t("Hotline {hotline}, every day. BHXH staff never ask for your SMS code.", { hotline: HOTLINE })}</p>
      <div className="help-contacts">
        <a className="btn btn-primary" href={TEL} id="help-tel">{t("Call {hotline}", { hotline: HOTLINE })}</a>
        <a className="btn" href={`mailto:${email}`} id="help-mail">{t("E-mail {email}", { email })}</a>
      </div>
    </section>
  );
}

function Assistant({ email }) {
  const t = useT();
  const lang = useLang();
  const [question, setQuestion] = useState("");
  const [reply, setReply] = useState(null);
  const [busy, setBusy] = useState(false);
  const ask = async (event) => {
    event.preventDefault();
    const q = question.trim();
    if (!q) return;
    setBusy(true);
    try {
      const answer = await fetch(`/api/help/ask?q=${encodeURIComponent(q)}&lang=${lang}`,
        { credentials: "same-origin" });
      const body = await answer.json();
      setReply(answer.ok ? body : { error: body.message });
    } catch {
      setReply({ offline: true, entries: closest(q, t) });
    } finally {
      setBusy(false);
    }
  };
  // The bundled entry (translated here); the server's words if this build lacks it.
  const entryOf = (e) => FAQ.find((f) => f.id === e.id)
    || { id: e.id, q: e.question, a: e.answer, screen: e.screen };
  return (
    <section className="panel" aria-labelledby="assistant-title">
      <h2 className="section-title" id="assistant-title">{t("Ask the assistant")}</h2>
      <p className="hint">{t("It answers from the questions below and shows the screen that helps. It is not a person.")}</p>
      <form className="form" onSubmit={ask}>
        <label className="label" htmlFor="assistant-q">{t("Your question")}</label>
        <input className="input" id="assistant-q" type="text" maxLength={300} value={question}
          onChange={(e) => setQuestion(e.target.value)} placeholder={t("e.g. I lost my phone")} />
        <button className="btn btn-primary" type="submit" disabled={busy}>{t("Ask")}</button>
      </form>
      <div id="assistant-reply" aria-live="polite">
        {!reply ? null : reply.error ? <p className="alert alert-error" role="alert">{reply.error}</p>
          : reply.offline ? (
            <>
              <p className="alert alert-info" id="assistant-offline">
                {t("The assistant needs the network. These questions may help:")}</p>
              {reply.entries.map((e) => <Entry key={e.id} entry={e} open={false} />)}
              {!reply.entries.length ? <p><a href={TEL}>{t("Call {hotline}", { hotline: HOTLINE })}</a></p> : null}
            </>
          ) : reply.known ? (
            <div className="assistant-answer" data-id={reply.entry.id}>
              <Entry entry={entryOf(reply.entry)} open />
            </div>
          ) : (
            <div className="assistant-unknown" id="assistant-unknown">
              <p>{reply.message}</p>
              <div className="help-contacts">
                <a className="btn btn-primary" href={TEL}>{t("Call {hotline}", { hotline: HOTLINE })}</a>
                <a className="btn" href={`mailto:${email}`}>{t("E-mail {email}", { email })}</a>
              </div>
            </div>
          )}
        {reply && reply.related && reply.related.length ? (
          <>
            <p className="small muted">{t("Related questions")}</p>
            {reply.related.map((e) => <Entry key={e.id} entry={entryOf(e)} open={false} />)}
          </>
        ) : null}
      </div>
    </section>
  );
}

function Faq() {
  const t = useT();
  const [query, setQuery] = useState("");
  const found = searchFaq(query, t);
  const topics = TOPIC_ORDER.filter((topic) => found.some((e) => e.topic === topic));
  return (
    <section className="panel" aria-labelledby="faq-title">
      <h2 className="section-title" id="faq-title">{t("Frequently asked questions")}</h2>
      <label className="label" htmlFor="faq-q">{t("Search the questions")}</label>
      <input className="input" id="faq-q" type="search" value={query} maxLength={100}
        onChange={(e) => setQuery(e.target.value)} placeholder={t("e.g. mat dien thoai")} />
      <p className="small muted" id="faq-count" aria-live="polite">
        {t("{n} of {total} questions", { n: found.length, total: FAQ.length })}</p>
      {query.trim() ? found.map((e) => <Entry key={e.id} entry={e} open={found.length === 1} anchor />)
        : topics.map((topic) => (
          <div key={topic} className="faq-topic">
            <h3 className="faq-topic-title">{t(TOPICS[topic])}</h3>
            {found.filter((e) => e.topic === topic).map((e) => <Entry key={e.id} entry={e} open={false} anchor />)}
          </div>
        ))}
      {query.trim() && !found.length ? (
        <p id="faq-none">{t("No question matches. Ask the assistant above or call {hotline}.", { hotline: HOTLINE })}</p>
      ) : null}
    </section>
  );
}

function Invite() {
  const t = useT();
  const [url, setUrl] = useState("");
  const [note, setNote] = useState("");
  useEffect(() => setUrl(`${window.location.origin}/`), []);
  // Upper case: scheme and host are case-insensitive, and the QR's alphanumeric mode
  // (qr_svg.js) then holds the address in a smaller code.
  const code = useMemo(() => (url ? qrPath(qrcode, url.toUpperCase()) : null), [url]);
  const share = async () => {
    const title = t("Social insurance wallet");
    try {
      if (navigator.share) {
        await navigator.share({ title, text: t("Install the social-insurance wallet from this link:"), url });
        return;
      }
      await navigator.clipboard.writeText(url);
      setNote(t("Link copied."));
    } catch (error) {
      if (error && error.name === "AbortError") return;
      setNote(t("Copy this link: {url}", { url }));
    }
  };
  return (
    <section className="panel" aria-labelledby="invite-title" id="invite">
      <h2 className="section-title" id="invite-title">{t("Invite someone to install")}</h2>
      <p className="hint">{t("They scan this code with their phone's camera, open the page and choose Install app or Add to Home screen in the browser menu.")}</p>
      {code ? (
        <svg viewBox={`0 0 ${code.n + 4} ${code.n + 4}`} className="qr invite-qr" id="invite-qr" role="img"
          width="200" height="200" data-text={url} shapeRendering="crispEdges">
          <title>{t("QR code of the app's address")}</title>
          <rect width={code.n + 4} height={code.n + 4} fill="#fff" />
          <path d={code.path} fill="#0b2545" />
        </svg>
      ) : null}
      <p className="small muted" id="invite-url">{url}</p>
      <button className="btn btn-wide" type="button" id="invite-share" onClick={share}>{t("Share the link")}</button>
      {note ? <p className="small" role="status" id="invite-note">{note}</p> : null}
    </section>
  );
}

export function HelpScreen({ email }) {
  const t = useT();
  return (
    <>
      <Contact email={email} />
      <a className="btn btn-wide" href="/news" id="news-link">{t("News and guides")}</a>
      <Assistant email={email} />
      <Faq />
      <Invite />
    </>
  );
}
