// "Not sent: needs your attention": changes the server refused stay on the phone with its
// message, on the screen they belong to (drafts on the requests screen, mark-as-read on the
// notices screen), until the person fixes or discards them.
import { label, useT } from "../i18n.js";
import * as engine from "../sync/engine.js";
import { useStoreRead } from "./shared.jsx";

/** Changes the server refused, with its message: fix (edit) or discard each. Nothing is lost. */
export function NeedsAttention({ types, onEdit }) {
  const t = useT();
  const refused = (useStoreRead(engine.needsAttention, "refused") || [])
    .filter((m) => types.includes(m.type));
  if (!refused.length) return null;
  const what = (m) => (m.type === "notice.read" ? t("Mark as read")
    : m.type === "draft.delete" ? t("Delete")
      : m.type === "request.answer" ? t("Your answer")
        : m.type === "request.withdraw" ? t("Withdraw")
          : t(label("requests", m.data.kind)));
  const editable = (m) => m.type === "draft.save" || m.type === "request.submit";
  return (
    <section className="panel attention" id="needs-attention" aria-labelledby="attention-title">
      <h2 className="section-title" id="attention-title">{t("Not sent: needs your attention")}</h2>
      <ul className="list">
        {refused.map((m) => (
          <li className="item" key={m.id}>
            <strong>{what(m)}</strong>
            {editable(m) && m.data.text ? <p className="draft-text">{m.data.text.slice(0, 140)}</p> : null}
            <p className="alert alert-error" role="alert">{m.refused.message}</p>
            <div className="row-gap">
              {editable(m) ? (
                <button type="button" className="btn btn-small" onClick={() => onEdit(m)}>{t("Edit")}</button>
              ) : null}
              <button type="button" className="btn btn-small" onClick={() => engine.discard(m.id)}>{t("Discard")}</button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
