// "Who viewed my card": every time a clinic scanned or typed the card, looked at the photo
// or recorded a visit (sync "cardview" documents), newest first. Read from the encrypted
// store, so the list opens with no network once synced.
// Values come raw (ISO instants, codes) and are formatted here for the reader's language.
import { formatMoment as moment, label, useLang, useT } from "../i18n.js";
import { useDocs, Waiting } from "./shared.jsx";

const time = (doc) => {
  const ms = Date.parse(doc.at);
  return Number.isNaN(ms) ? 0 : ms;
};

export function CardViews() {
  const t = useT();
  const lang = useLang();
  const state = useDocs("cardview");
  const views = state.items.slice().sort((a, b) => time(b.doc) - time(a.doc));
  return (
    <section className="panel" id="card-views-panel" aria-labelledby="card-views-title">
      <h2 className="section-title" id="card-views-title">{t("Who viewed my card")}</h2>
      <p className="hint">{t("Every time a clinic scans or types your card, looks at your photo or records a visit, it shows here.")}</p>
      {!state.ready || state.locked ? <Waiting state={state} />
        : !views.length ? <p id="card-views-empty">{t("No clinic has looked at your card yet.")}</p> : (
          <ul className="list" id="card-views">
            {views.map(({ id, doc }) => (
              <li className="item card-view" key={id} data-id={id}>
                <p className="small muted"><time dateTime={doc.at}>{moment(doc.at, lang)}</time></p>
                <p><strong>{t(label("view_actions", doc.action))}</strong></p>
                <p>{doc.facility}{doc.facility_code ? ` (${doc.facility_code})` : ""}</p>
                <p className="muted">{t("Staff member: {name}", { name: doc.staff })}</p>
              </li>
            ))}
          </ul>
        )}
    </section>
  );
}
