// The codes of the card screen: the live holder-bound QR (renewed every 30 s, signed by
// this phone), the light QR (identity and validity only) and the printed static QR (the
// paper fallback: valid, not holder-bound). All drawn on the phone, offline too.
import { useEffect, useState } from "react";
import qrcode from "qrcode-generator";
import { qrPath } from "../qr_svg.js";
import { RENEW_SECONDS } from "../card_qr.js";
import { serverNow } from "../device.js";
import * as engine from "../sync/engine.js";
import { useT } from "../i18n.js";
import { QrCheck } from "../qr_check.jsx";
import { lightUsable, liveQrText, liveUsable, refreshCredentials } from "./credentials.js";
import * as store from "../sync/store.js";

/** A QR code as an SVG path (alphanumeric mode, error correction M, as the server draws). */
export function QrSvg({ text, title, kind }) {
  const { n, path } = qrPath(qrcode, text);
  useEffect(() => {
    // When the code is on screen (the offline start benchmark reads this mark).
    requestAnimationFrame(() => performance.mark(`painted:card-qr-${kind}`));
  }, [text]);
  return (
    <svg viewBox={`0 0 ${n + 4} ${n + 4}`} className="qr" id="card-qr" data-kind={kind} role="img" width="280"
      height="280" data-version={(n - 17) / 4} data-text={text} shapeRendering="crispEdges">
      <title>{title}</title>
      <rect width={n + 4} height={n + 4} fill="#fff" />
      <path d={path} fill="#0b2545" />
    </svg>
  );
}

// What the card's early paint (assets/card_boot.js) showed before the app loaded: its
// credential and live code, still valid for the rest of its 30 seconds.
const booted = () => {
  const boot = typeof self === "undefined" ? null : self.BHXH_CARD_BOOT;
  return boot && Date.now() - boot.at < RENEW_SECONDS * 1000 ? boot : null;
};

function useCredential(card) {
  const [cred, setCred] = useState(() => (booted() ? booted().cred : null));
  useEffect(() => {
    let alive = true;
    let held = null;
    const read = () => store.docs("credential")
      .then((items) => {
        held = items.length ? items[0].doc : null;
        if (alive) setCred(held);
      })
      .catch(() => null);
    // Renew when this screen opens, after each sync (the phone is online; a reset of the
    // store drops the credential too) and when the network returns.
    const renew = () => read().then(() => refreshCredentials(held, card)).then((got) => got && read());
    renew();
    window.addEventListener("online", renew);
    const stop = engine.subscribe(renew);
    return () => {
      alive = false;
      window.removeEventListener("online", renew);
      stop();
    };
  }, [card && card.version]); // a new version of the card: renew for it at once
  return cred;
}

/** The live code of this credential, signed anew every 30 seconds. The early paint's code is
 * kept until its 30 seconds are up, so the takeover shows the very same code. */
function useLiveText(cred, on) {
  const live = cred && cred.live;
  const [text, setText] = useState(() => {
    const boot = booted();
    return boot && boot.live && boot.cred && boot.cred.live === live ? boot.live : "";
  });
  const [clock, setClock] = useState(serverNow());
  useEffect(() => {
    if (!on) return undefined;
    let alive = true;
    let renew = null;
    const draw = () => liveQrText(cred).then((t) => alive && setText(t)).catch(() => null);
    const boot = booted();
    const wait = boot && boot.live === text && text ? RENEW_SECONDS * 1000 - (Date.now() - boot.at) : 0;
    const first = setTimeout(() => {
      draw();
      renew = setInterval(draw, RENEW_SECONDS * 1000);
    }, Math.max(0, wait));
    const tick = setInterval(() => setClock(serverNow()), 1000);
    return () => {
      alive = false;
      clearTimeout(first);
      clearInterval(renew);
      clearInterval(tick);
    };
  }, [live, on]);
  return [text, clock];
}

export function CardCodes({ card }) {
  const t = useT();
  const cred = useCredential(card);
  const canLive = liveUsable(cred, card);
  const canLight = lightUsable(cred);
  const [chosen, setChosen] = useState(null);
  const mode = chosen || (canLive ? "live" : "printed");
  const [liveText, clock] = useLiveText(cred, mode === "live" && canLive);
  const option = (name, label, usable) => (
    <button type="button" role="tab" aria-selected={mode === name} disabled={!usable}
      className={mode === name ? "tab active" : "tab"} onClick={() => setChosen(name)}
      id={`code-${name}`}>{label}</button>
  );
  const title = t("Health insurance card QR code");
  let body;
  if (mode === "live" && canLive && !liveText) {
    body = <div className="qr qr-wait" id="card-qr" data-kind="wait" aria-busy="true" />;  // signing: a few milliseconds
  } else if (mode === "live" && canLive) {
    body = (
      <>
        <QrSvg text={liveText} title={title} kind="live" />
        <p className="live-clock" aria-live="off">
          <span className="live-dot" aria-hidden="true" />
          {new Date(clock * 1000).toLocaleTimeString(undefined, { hour12: false })}
        </p>
        <figcaption>{t("Live code: it changes every 30 seconds and only this phone can make it. A photo or screenshot of it stops working after two minutes.")}</figcaption>
        <QrCheck text={liveText} />
      </>
    );
  } else if (mode === "light" && canLight) {
    body = (
      <>
        <QrSvg text={cred.light} title={title} kind="light" />
        <figcaption>{t("Light code: only your name, date of birth and that the card is valid. For places that need no more.")}</figcaption>
        <QrCheck text={cred.light} />
      </>
    );
  } else {
    body = (
      <>
        <img src={card.qr_svg} alt={title} className="qr" id="card-qr" data-kind="printed" width="280" height="280"
          elementtiming="card-qr" />
        <figcaption>{canLive
          ? t("Printed code: the same as on the printed card. A clinic sees it as valid but not tied to this phone.")
          : `${t("Show this code at the clinic. It is signed and can be checked without network.")} ${t("The live code appears once this phone has been online.")}`}</figcaption>
        <QrCheck text={card.qr_text} />
      </>
    );
  }
  return (
    <figure className="qr-box">
      <div className="tabs tabs-small" role="tablist" aria-label={t("Which code to show")}>
        {option("live", t("Live"), canLive)}
        {option("light", t("Light"), canLight)}
        {option("printed", t("Printed"), true)}
      </div>
      {body}
    </figure>
  );
}
