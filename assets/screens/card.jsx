// The card: use card (QR, photo, fields) and card image, from the phone's store.
// Values come raw (ISO dates, integer đồng, message ids) and are formatted here for the
// reader's language, from the same formats Python uses (locales/formats.py, labels.py).
import { useEffect, useLayoutEffect, useState } from "react";
import { formatDay as day, useLang, useT, useTn } from "../i18n.js";
import { CardCodes } from "./card_codes.jsx";
import { CardFields } from "./card_fields.jsx";
import { CardOwners, ChildCard, runningChildren } from "./child_card.jsx";
import { Field, useDocs, Waiting } from "./shared.jsx";
import { releaseFrame } from "../card_frame.js";
import { vietnamToday } from "../card_qr.js";

function cardStatus(card, t, tn, lang) {
  const today = vietnamToday();
  const days = Math.round((Date.parse(card.valid_to) - Date.parse(today)) / 86400000);
  if (days < 0) return ["badge badge-warn", t("Expired on {day}. Renew your card.", { day: day(card.valid_to, lang) })];
  if (days <= 30) return ["badge badge-warn", tn("Expires in {days} day. Renew it soon.", "Expires in {days} days. Renew it soon.", days, { days })];
  return ["badge badge-ok", t("Valid")];
}


export function CardScreen() {
  const t = useT();
  const tn = useTn();
  const lang = useLang();
  const state = useDocs("card");
  const children = runningChildren(useDocs("childcard").items);
  const [view, setView] = useState("use");
  // Whose card: "" the holder's own, else a child's code ("?child=<code>": a link, a
  // reload; the early paint, assets/card_boot.js, leaves such a page alone).
  const [owner, setOwner] = useState("");
  useEffect(() => {
    const query = new URLSearchParams(window.location.search);
    if (query.get("view") === "image") setView("image");
    if (query.get("child")) setOwner(query.get("child"));
  }, []);
  const choose = (code) => {
    setOwner(code);
    const query = new URLSearchParams(window.location.search);
    if (code) query.set("child", code);
    else query.delete("child");
    const search = query.toString();
    window.history.replaceState(window.history.state, "", `${window.location.pathname}${search ? `?${search}` : ""}`);
  };
  const child = owner ? children.find(({ id }) => id === owner) : null;
  const own = state.items.length ? state.items[0].doc : null;
  // A child's card not (or no longer) on the phone: the holder's own card.
  const card = child ? child.doc : own;
  const status = own ? cardStatus(own, t, tn, lang) : null;
  // The screen now shows the card (either view): the early paint's overlay
  // (assets/card_boot.js) goes before this frame is drawn, and the page's frame it kept out
  // of layout comes back in the same frame.
  useLayoutEffect(() => {
    if (!card) return;
    performance.mark("app:card"); // the offline-start benchmark and tests compare with this
    const early = document.getElementById("card-boot");
    if (early) early.remove();
    releaseFrame();
  }, [Boolean(card)]);
  const tab = (name, label) => (
    <button type="button" role="tab" aria-selected={view === name}
      className={view === name ? "tab active" : "tab"} onClick={() => setView(name)}>{label}</button>
  );
  return (
    <>
      {children.length ? <CardOwners children={children} shown={child ? child.id : ""} choose={choose} /> : null}
      <div className="tabs" role="tablist">{tab("use", t("Use card"))}{tab("image", t("Card image"))}</div>
      {!card ? <section className="panel"><Waiting state={state} /></section>
        : view === "image" ? (
          <section className="panel card-img" role="tabpanel">
            <img src={card.image} alt={t("Picture of the front of the card")} className="card-image" id="card-image" />
            <div className="row-gap">
              <a className="btn btn-primary" href={card.image} download={`the-bhyt-${card.number}.png`}>{t("Download (PNG)")}</a>
              <button type="button" className="btn" onClick={() => window.print()}>{t("Print")}</button>
            </div>
            <p className="hint">{t("A printed copy carries the same signed QR code and works as a paper fallback.")}</p>
          </section>
        ) : child ? <ChildCard card={card} /> : (
          <section className="panel card-use" role="tabpanel">
            <div className="card-head">
              {card.photo
                ? <img src={card.photo} alt={t("Photo of the card holder")} className="photo" width="96" height="128" />
                : <div className="photo" role="img" aria-label={t("Photo of the card holder")} />}
              <div>
                <p className="holder">{card.full_name}</p>
                <p className="card-number" id="card-number">{card.number}</p>
                <p className={status[0]}>{status[1]}</p>
                <button type="button" className="btn btn-small"
                  onClick={() => navigator.clipboard && navigator.clipboard.writeText(card.number)}>{t("Copy number")}</button>
              </div>
            </div>
            <CardCodes card={card} />
            <CardFields card={card} lead={<Field label={t("Date of birth")} value={day(card.dob, lang)} />}>
              {card.five_years ? <Field label={t("Five consecutive years from")} value={day(card.five_years, lang)} /> : null}
              <Field label={t("Old card number")} value={card.legacy_number} />
              <Field label={t("Issued by")} value={card.agency} />
            </CardFields>
          </section>
        )}
    </>
  );
}
