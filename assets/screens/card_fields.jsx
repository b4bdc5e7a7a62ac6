// The card's printed facts, as the holder's card (card.jsx) and a child's card
// (child_card.jsx) both show them: group, benefit level, primary-care facility, validity.
import { formatDay as day, label, useLang, useT } from "../i18n.js";
import { Field } from "./shared.jsx";

/** The facts every card shows, between the fields before (`lead`) and after (`children`). */
export function CardFields({ card, lead = null, children = null }) {
  const t = useT();
  const lang = useLang();
  return (
    <dl className="fields">
      {lead}
      <Field label={t("Sex")} value={t(label("sex", card.sex))} />
      <Field label={t("Beneficiary group")} value={`${card.group_code} · ${t(label("beneficiary_groups", card.group_code))}`} />
      <Field label={t("Benefit level")} value={`${card.level}%`} />
      <Field label={t("Primary-care facility")} value={card.facility} />
      <Field label={t("Valid from")} value={day(card.valid_from, lang)} />
      <Field label={t("Valid to")} value={day(card.valid_to, lang)} id="valid-to" />
      {children}
    </dl>
  );
}
