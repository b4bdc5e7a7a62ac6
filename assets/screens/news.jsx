// News and guides from the agency, for everyone (logged in or not): fetched from /api/news
// in the reader's language, and the last list kept in localStorage, so it stays readable
// offline (with the time it was fetched).
import { useEffect, useState } from "react";
import { formatMoment, useLang, useT } from "../i18n.js";

const KEY = "bhxh.news";

function kept(lang) {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) || "null");
    return saved && saved.lang === lang ? saved : null;
  } catch (e) {
    return null;
  }
}

export function NewsScreen() {
  const t = useT();
  const lang = useLang();
  const [state, setState] = useState({ items: null, fetched: null, offline: false });
  useEffect(() => {
    let live = true;
    const saved = kept(lang);
    if (saved) setState({ items: saved.items, fetched: saved.fetched, offline: false });
    fetch(`/api/news?lang=${lang}`, { credentials: "same-origin" })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((body) => {
        const fresh = { lang, items: body.items, fetched: new Date().toISOString() };
        try {
          localStorage.setItem(KEY, JSON.stringify(fresh));
        } catch (e) {
          /* storage full or blocked: the list still shows */
        }
        if (live) setState({ items: body.items, fetched: fresh.fetched, offline: false });
      })
      .catch(() => {
        if (live) setState({ items: saved ? saved.items : [], fetched: saved && saved.fetched, offline: true });
      });
    return () => {
      live = false;
    };
  }, [lang]);
  if (state.items === null) return <p className="panel" aria-busy="true">{t("Loading…")}</p>;
  return (
    <section className="panel" aria-labelledby="news-title">
      <h2 className="section-title" id="news-title">{t("News and guides")}</h2>
      {state.offline ? (
        <p className="alert alert-info" id="news-offline">{state.fetched
          ? t("Offline: the news as of {time}.", { time: formatMoment(state.fetched, lang) })
          : t("Offline: connect once to read the news.")}</p>) : null}
      {!state.items.length && !state.offline ? <p id="news-empty">{t("Nothing published yet.")}</p> : null}
      <ul className="list" id="news-list">
        {state.items.map((n) => (
          <li className="item news-item" key={n.id} data-id={n.id} lang={n.lang}>
            <p className="small muted">
              {`${n.kind === "guide" ? t("Guide") : t("News")} · ${formatMoment(n.published, lang)}`}</p>
            <h3 className="news-title">{n.title}</h3>
            {n.body.split(/\n+/).map((line, i) => <p key={i}>{line}</p>)}
          </li>
        ))}
      </ul>
    </section>
  );
}
