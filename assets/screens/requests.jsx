// Service requests: the form (request_form.jsx), drafts saved offline too, the requests sent
// with their status timelines (request_timeline.jsx), and changes the server refused, kept
// here to fix. Values come raw (ISO dates, integer đồng, codes) and are formatted here for
// the reader's language, from the same formats Python uses (locales/formats.py, labels.py).
import { useState } from "react";
import { formatMoment as moment, label, useLang, useT } from "../i18n.js";
import * as engine from "../sync/engine.js";
import * as store from "../sync/store.js";
import { NeedsAttention } from "./attention.jsx";
import { BLANK, RequestForm } from "./request_form.jsx";
import { SubmittedRequests } from "./request_timeline.jsx";
import { useDocs } from "./shared.jsx";

export function RequestsScreen() {
  const t = useT();
  const lang = useLang();
  const state = useDocs("draft");
  const [editing, setEditing] = useState(BLANK);
  const open = (next) => {
    setEditing(next);
    document.getElementById("draft-text").focus();
  };
  // A refused change put back in the form: a draft, or a request the agency's server refused.
  const fix = async (m) => {
    if (m.type === "request.submit") await store.deleteDoc("request", m.data.request_id);
    open({ id: m.data.draft_id || m.data.request_id, kind: m.data.kind, text: m.data.text || "",
      fields: m.data.fields || {}, replaces: m.id });
  };
  const remove = (id) => engine.queue("draft.delete", { draft_id: id }, () => store.deleteDoc("draft", id));
  const drafts = state.items.sort((a, b) => (a.doc.updated < b.doc.updated ? 1 : -1));
  return (
    <>
      <NeedsAttention types={["draft.save", "draft.delete", "request.submit", "request.answer",
        "request.withdraw"]} onEdit={fix} />
      <RequestForm editing={editing} setEditing={setEditing} />
      <section className="panel">
        <h2 className="section-title">{t("Drafts")}</h2>
        {!drafts.length ? <p id="draft-none">{t("No drafts.")}</p> : (
          <ul className="list" id="draft-list">
            {drafts.map((d) => (
              <li className="item" key={d.id}>
                <div className="row-between"><strong>{t(label("requests", d.doc.kind))}</strong>
                  <span className="small muted">{moment(d.doc.updated, lang)}</span></div>
                <p className="draft-text">{d.doc.text}</p>
                <div className="row-gap">
                  <button type="button" className="btn btn-small" onClick={() => open({ ...BLANK, id: d.id,
                    kind: d.doc.kind, text: d.doc.text, fields: d.doc.fields || {} })}>{t("Edit")}</button>
                  <button type="button" className="btn btn-small" onClick={() => remove(d.id)}>{t("Delete")}</button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <SubmittedRequests />
    </>
  );
}
