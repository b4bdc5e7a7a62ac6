// Service-request drafts, saved offline too; changes the server refused are kept here.
// Values come raw (ISO dates, integer đồng, message ids) and are formatted here for the
// reader's language, from the same formats Python uses (locales/formats.py, labels.py).
import { useState } from "react";
import { formatMoment as moment, label, labelCodes, limit, useLang, useT, useTn } from "../i18n.js";
import * as engine from "../sync/engine.js";
import * as store from "../sync/store.js";
import { NeedsAttention } from "./attention.jsx";
import { useDocs } from "./shared.jsx";

const DRAFT_MAX = limit("draft_text");
const BLANK = { id: "", kind: "reissue_card", text: "", replaces: "" };
// Characters as the server counts them (code points, so an emoji is one).
const charCount = (text) => [...text].length;

/** Live count of the draft's characters, and what to do when there are too many. */
function DraftCounter({ text }) {
  const tn = useTn();
  const count = charCount(text);
  const over = count - DRAFT_MAX;
  return (
    <>
      <p className={over > 0 ? "small counter counter-over" : "small muted counter"} id="draft-count">
        {`${count} / ${DRAFT_MAX}`}</p>
      {over > 0 ? (
        <p className="alert alert-error" role="alert" id="draft-too-long">
          {tn("{n} character too many: shorten the text to at most {max} characters to save it.",
            "{n} characters too many: shorten the text to at most {max} characters to save it.",
            over, { n: over, max: DRAFT_MAX })}
        </p>
      ) : null}
    </>
  );
}

export function RequestsScreen() {
  const t = useT();
  const lang = useLang();
  const state = useDocs("draft");
  const [editing, setEditing] = useState(BLANK);
  const [note, setNote] = useState(null); // {ok: bool, text}: what became of the last save
  const tooLong = charCount(editing.text) > DRAFT_MAX;
  const save = async (event) => {
    event.preventDefault();
    if (tooLong || !editing.text.trim()) {
      setNote(tooLong ? null : { ok: false, text: t("Write the details of your request first.") });
      document.getElementById("draft-text").focus();
      return;
    }
    const id = editing.id || crypto.randomUUID();
    const doc = { kind: editing.kind, text: editing.text, updated: new Date().toISOString() };
    await engine.queue("draft.save", { draft_id: id, ...doc }, () => store.putDoc("draft", id, doc));
    if (editing.replaces) await engine.resolve(editing.replaces);
    setEditing(BLANK);
    setNote({ ok: true, text: t("Draft saved on this phone. It is sent when you are online.") });
  };
  const fix = (m) => {
    setNote(null);
    setEditing({ id: m.data.draft_id, kind: m.data.kind, text: m.data.text, replaces: m.id });
    document.getElementById("draft-text").focus();
  };
  const remove = (id) => engine.queue("draft.delete", { draft_id: id }, () => store.deleteDoc("draft", id));
  const drafts = state.items.sort((a, b) => (a.doc.updated < b.doc.updated ? 1 : -1));
  return (
    <>
      <NeedsAttention types={["draft.save", "draft.delete"]} onEdit={fix} />
      <form className="panel form" onSubmit={save} id="draft-form" noValidate>
        <h2 className="section-title">{t("New service request")}</h2>
        <label className="label" htmlFor="draft-kind">{t("What do you need?")}</label>
        <select id="draft-kind" className="input" value={editing.kind}
          onChange={(e) => setEditing({ ...editing, kind: e.target.value })}>
          {labelCodes("requests").map((kind) => <option key={kind} value={kind}>{t(label("requests", kind))}</option>)}
        </select>
        <label className="label" htmlFor="draft-text">{t("Details")}</label>
        <textarea id="draft-text" className="input" rows="4" required value={editing.text}
          aria-invalid={tooLong} aria-describedby="draft-count"
          onChange={(e) => setEditing({ ...editing, text: e.target.value })} />
        <DraftCounter text={editing.text} />
        <button type="submit" className="btn btn-primary">{t("Save draft")}</button>
        {note ? <p className={note.ok ? "alert alert-ok" : "alert alert-error"}
          role={note.ok ? "status" : "alert"} id="draft-note">{note.text}</p> : null}
      </form>
      <section className="panel">
        <h2 className="section-title">{t("Drafts")}</h2>
        {!drafts.length ? <p>{t("No drafts.")}</p> : (
          <ul className="list" id="draft-list">
            {drafts.map((d) => (
              <li className="item" key={d.id}>
                <div className="row-between"><strong>{t(label("requests", d.doc.kind))}</strong>
                  <span className="small muted">{moment(d.doc.updated, lang)}</span></div>
                <p className="draft-text">{d.doc.text}</p>
                <div className="row-gap">
                  <button type="button" className="btn btn-small" onClick={() => setEditing({ ...BLANK, id: d.id, kind: d.doc.kind, text: d.doc.text })}>{t("Edit")}</button>
                  <button type="button" className="btn btn-small" onClick={() => remove(d.id)}>{t("Delete")}</button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
