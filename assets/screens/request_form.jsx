// The service-request form: kind, its own fields (request_fields.jsx), the person's words and
// photos. "Save draft" keeps it on the phone (and on the account, at the next sync); "Send
// request" queues it for the agency: offline it waits in the sync queue and goes when the
// phone is online, once, under the draft's id (the server keeps a retry as the same request).
import { useState } from "react";
import { FileButton } from "../file_button.jsx";
import { label, labelCodes, limit, useLang, useT, useTn } from "../i18n.js";
import * as engine from "../sync/engine.js";
import * as store from "../sync/store.js";
import { RequestFields, fieldProblems } from "./request_fields.jsx";
import { shrinkPhoto } from "./request_photos.js";

const DRAFT_MAX = limit("draft_text");
export const BLANK = { id: "", kind: "reissue_card", text: "", fields: {}, replaces: "" };
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

/** Pick up to `photos` images; each is shrunk on the phone before it is kept. `title`: the
 * field's label where the photos are not optional (a family link's birth certificate). */
export function PhotoPicker({ id, photos, setPhotos, title }) {
  const t = useT();
  const [problem, setProblem] = useState("");
  const most = limit("photos");
  const pick = async (event) => {
    const files = [...event.target.files];
    event.target.value = "";
    setProblem("");
    const added = [];
    for (const file of files.slice(0, Math.max(0, most - photos.length))) {
      const photo = await shrinkPhoto(file);
      if (!photo) {
        setProblem(t("This file is not a photo this phone can read. Choose a JPEG or PNG photo."));
        continue;
      }
      added.push({ ...photo, name: file.name });
    }
    if (files.length > most - photos.length) setProblem(t("At most {n} photos.", { n: most }));
    setPhotos([...photos, ...added]);
  };
  return (
    <div className="form-field photos">
      <label className="label" htmlFor={id}>{title || t("Photos (optional, at most {n})", { n: most })}</label>
      <FileButton id={id} text={t("Add a photo")} accept="image/*" multiple
        disabled={photos.length >= most} onChange={pick} />
      {photos.length ? (
        <ul className="photo-list">
          {photos.map((p, i) => (
            <li key={i}>
              <img src={`data:${p.mime};base64,${p.data}`} alt={p.name || t("Photo")} />
              <button type="button" className="btn btn-small"
                onClick={() => setPhotos(photos.filter((_, j) => j !== i))}>{t("Remove")}</button>
            </li>
          ))}
        </ul>
      ) : null}
      {problem ? <p className="field-error" role="alert">{problem}</p> : null}
    </div>
  );
}

/** The form; `editing`/`setEditing` hold what is being written (a draft opened to edit, or a
 * refused change put back). */
export function RequestForm({ editing, setEditing }) {
  const t = useT();
  const lang = useLang();
  const [photos, setPhotos] = useState([]);
  const [problems, setProblems] = useState({});
  const [note, setNote] = useState(null); // {ok: bool, text}: what became of the last action
  const [done, setDone] = useState(0); // drafts saved and requests sent from this form
  const tooLong = charCount(editing.text) > DRAFT_MAX;
  const set = (name, value) => {
    setEditing({ ...editing, fields: { ...editing.fields, [name]: value } });
    if (problems[name]) setProblems({ ...problems, [name]: undefined });
  };
  const written = editing.text.trim() || Object.values(editing.fields).some((v) => String(v).trim());
  const finish = async (text) => {
    if (editing.replaces) await engine.resolve(editing.replaces);
    setEditing(BLANK);
    setPhotos([]);
    setProblems({});
    setNote({ ok: true, text });
    setDone(done + 1);
  };
  const save = async (event) => {
    event.preventDefault();
    if (tooLong || !written) {
      setNote(tooLong ? null : { ok: false, text: t("Write the details of your request first.") });
      document.getElementById("draft-text").focus();
      return;
    }
    const id = editing.id || crypto.randomUUID();
    const doc = { kind: editing.kind, text: editing.text, fields: editing.fields, updated: new Date().toISOString() };
    await engine.queue("draft.save", { draft_id: id, ...doc }, () => store.putDoc("draft", id, doc));
    await finish(t("Draft saved on this phone. It is sent when you are online."));
  };
  const send = async () => {
    const found = fieldProblems(editing.kind, editing.fields, editing.text, t, lang, photos.length);
    setProblems(found);
    if (tooLong || Object.keys(found).length) {
      setNote({ ok: false, text: t("Check the marked fields.") });
      const first = Object.keys(found)[0];
      const box = document.getElementById(first === "text" ? "draft-text" : first === "photos" ? "request-photos" : `field-${first}`);
      if (box) box.focus();
      return;
    }
    const id = editing.id || crypto.randomUUID();
    const sent = new Date().toISOString();
    const data = { request_id: id, kind: editing.kind, fields: editing.fields, text: editing.text,
      photos: photos.map(({ mime, data: bytes }) => ({ mime, data: bytes })) };
    await engine.queue("request.submit", data, async () => {
      await store.deleteDoc("draft", id);
      await store.putDoc("request", id, { kind: editing.kind, fields: editing.fields, text: editing.text,
        status: "pending", submitted: sent, updated: sent, reason: "", photos: photos.length, events: [] });
    });
    await finish(navigator.onLine ? t("Request sent to the agency. Follow it below.")
      : t("Request saved on this phone. It is sent to the agency when you are online."));
  };
  return (
    <form className="panel form" onSubmit={save} id="draft-form" noValidate data-done={done}>
      <h2 className="section-title">{t("New service request")}</h2>
      <label className="label" htmlFor="draft-kind">{t("What do you need?")}</label>
      <select id="draft-kind" className="input" value={editing.kind}
        onChange={(e) => { setEditing({ ...editing, kind: e.target.value, fields: {} }); setProblems({}); }}>
        {labelCodes("requests").map((kind) => <option key={kind} value={kind}>{t(label("requests", kind))}</option>)}
      </select>
      <RequestFields kind={editing.kind} fields={editing.fields} problems={problems} set={set} />
      <label className="label" htmlFor="draft-text">{editing.kind === "other" ? t("Details") : t("Details (optional)")}</label>
      <textarea id="draft-text" className="input" rows="4" value={editing.text}
        aria-invalid={tooLong || !!problems.text} aria-describedby="draft-count"
        onChange={(e) => setEditing({ ...editing, text: e.target.value })} />
      {problems.text ? <p className="field-error" role="alert">{problems.text}</p> : null}
      <DraftCounter text={editing.text} />
      <PhotoPicker id="request-photos" photos={photos} setPhotos={setPhotos}
        title={editing.kind === "family_link" ? t("Photo of the child's birth certificate (required)") : ""} />
      {problems.photos ? <p className="field-error" role="alert" id="photos-error">{problems.photos}</p> : null}
      <div className="row-gap">
        <button type="submit" className="btn">{t("Save draft")}</button>
        <button type="button" className="btn btn-primary" id="request-send" onClick={send}>{t("Send request")}</button>
      </div>
      {note ? <p className={note.ok ? "alert alert-ok" : "alert alert-error"}
        role={note.ok ? "status" : "alert"} id="draft-note">{note.text}</p> : null}
    </form>
  );
}
