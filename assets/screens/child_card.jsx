// A young child's card, shown by a parent or guardian from their own phone (sync
// "childcard" documents, api/services/family_cards.py), offline too. It must never be taken
// for the parent's own card: a coloured band says whose card it is and who shows it, the
// child's name and date of birth come first and large, and the code is the card's printed
// (static, signed) QR only: a child has no phone of their own, so there is no live code.
import { formatDay as day, useLang, useT } from "../i18n.js";
import { QrCheck } from "../qr_check.jsx";
import { CardFields } from "./card_fields.jsx";
import { Field } from "./shared.jsx";

const today = () => new Date().toISOString().slice(0, 10);

/** The children's cards still running (a card past its end, the child six, is hidden even
 * before the next sync deletes it), youngest last as the server sends them. */
export function runningChildren(items) {
  return items.filter(({ doc }) => doc.valid_to >= today());
}

/** "My card" and each child's name: which card the screen shows. */
export function CardOwners({ children, shown, choose }) {
  const t = useT();
  const chip = (code, name) => (
    <button type="button" role="tab" aria-selected={shown === code} key={code || "own"}
      className={shown === code ? "chip active" : "chip"} data-owner={code || "own"}
      onClick={() => choose(code)}>{name}</button>
  );
  return (
    <div className="chips card-owners" role="tablist" aria-label={t("Whose card")} id="card-owners">
      {chip("", t("My card"))}
      {children.map(({ id, doc }) => chip(id, doc.full_name))}
    </div>
  );
}

export function ChildCard({ card }) {
  const t = useT();
  const lang = useLang();
  const title = t("Health insurance card QR code");
  return (
    <section className="panel card-use child-card" role="tabpanel" data-child={card.number}>
      <p className="child-band" id="child-band">
        {t("Child's card — shown by {guardian}", { guardian: card.guardian })}
      </p>
      <div className="card-head">
        {card.photo ? <img src={card.photo} alt={t("Photo of the card holder")} className="photo" width="96" height="128" /> : null}
        <div>
          <p className="holder child-name" id="child-name">{card.full_name}</p>
          <p className="child-dob" id="child-dob">{t("Date of birth")}: <strong>{day(card.dob, lang)}</strong></p>
          <p className="card-number" id="card-number">{card.number}</p>
          <p className="badge badge-ok">{t("Valid")}</p>
        </div>
      </div>
      <figure className="qr-box">
        <img src={card.qr_svg} alt={title} className="qr" id="card-qr" data-kind="printed"
          data-text={card.qr_text} data-child={card.number} width="280" height="280" />
        <figcaption>{t("A young child has no phone of their own, so their card has no live code. Show this printed code at the clinic: it is signed and can be checked without network.")}</figcaption>
        <QrCheck text={card.qr_text} />
      </figure>
      <p className="hint" id="child-ends">
        {t("The card ends on {day}, the day before {name} turns six.", { day: day(card.ends, lang), name: card.full_name })}
      </p>
      <CardFields card={card}>
        <Field label={t("Issued by")} value={card.agency} />
      </CardFields>
    </section>
  );
}
