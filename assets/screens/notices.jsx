// Notices; marking one read works offline.
// Values come raw (ISO dates, integer đồng, message ids) and are formatted here for the
// reader's language, from the same formats Python uses (locales/formats.py, labels.py).
import { formatMoment as moment, useLang, useT } from "../i18n.js";
import { noticeText } from "../notice_text.js";
import * as engine from "../sync/engine.js";
import * as store from "../sync/store.js";
import { NeedsAttention } from "./attention.jsx";
import { PushSwitch } from "./push_switch.jsx";
import { useDocs, Waiting } from "./shared.jsx";


export function NoticesScreen() {
  const t = useT();
  const lang = useLang();
  const state = useDocs("notice");
  const items = state.items.sort((a, b) => (a.doc.created < b.doc.created ? 1 : -1));
  const markRead = (item) => engine.queue("notice.read", { notice_id: Number(item.id) },
    () => store.putDoc("notice", item.id, { ...item.doc, read: true }));
  return (
    <>
      <NeedsAttention types={["notice.read"]} />
      <section className="panel">
        <h2 className="section-title">{t("Notices")}</h2>
        <p className="small muted" id="anti-scam">{t("The social-insurance agency never asks "
          + "for money, passwords or login codes by phone or text message. Real notices appear "
          + "here, in the app.")}</p>
        {!state.ready || state.locked ? <Waiting state={state} />
          : !items.length ? <p>{t("No notices.")}</p> : (
            <ul className="list" id="notice-list">
              {items.map((item) => (
                <li className={item.doc.read ? "item notice read" : "item notice"} key={item.id}>
                  <p className="small muted">{moment(item.doc.created, lang)}</p>
                  <p>{noticeText(item.doc, t, lang)}</p>
                  {item.doc.read ? <span className="badge">{t("Read")}</span>
                    : <button type="button" className="btn btn-small" onClick={() => markRead(item)}>{t("Mark as read")}</button>}
                </li>
              ))}
            </ul>
          )}
      </section>
      <PushSwitch />
    </>
  );
}
