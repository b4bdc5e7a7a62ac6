// The codes of the card screen: the live holder-bound QR (renewed every 30 s, signed by
// this phone), the light QR (identity and validity only) and the printed static QR (the
// paper fallback: valid, not holder-bound). All drawn on the phone, offline too.
import { useEffect, useState } from "react";
import qrcode from "qrcode-generator";
import { RENEW_SECONDS } from "../card_qr.js";
import { serverNow } from "../device.js";
import * as engine from "../sync/engine.js";
import { useT } from "../i18n.js";
import { QrCheck } from "../qr_check.jsx";
import { lightUsable, liveQrText, liveUsable, refreshCredentials } from "./credentials.js";
import * as store from "../sync/store.js";

/** A QR code as an SVG path (alphanumeric mode, error correction M, as the server draws). */
export function QrSvg({ text, title, kind }) {
  const qr = qrcode(0, "M");
  qr.addData(text, "Alphanumeric");
  qr.make();
  const n = qr.getModuleCount();
  useEffect(() => {
    // When the code is on screen (the offline start benchmark reads this mark).
    requestAnimationFrame(() => performance.mark(`painted:card-qr-${kind}`));
  }, [text]);
  let path = "";
  for (let r = 0; r < n; r += 1) {
    for (let c = 0; c < n; c += 1) if (qr.isDark(r, c)) path += `M${c + 2} ${r + 2}h1v1h-1z`;
  }
  return (
    <svg viewBox={`0 0 ${n + 4} ${n + 4}`} className="qr" id="card-qr" data-kind={kind} role="img" width="280"
      height="280" data-version={(n - 17) / 4} data-text={text} shapeRendering="crispEdges">
      <title>{title}</title>
      <rect width={n + 4} height={n + 4} fill="#fff" />
      <path d={path} fill="#0b2545" />
    </svg>
  );
}

function useCredential() {
  const [cred, setCred] = useState(null);
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
    const renew = () => read().then(() => refreshCredentials(held)).then((got) => got && read());
    renew();
    window.addEventListener("online", renew);
    const stop = engine.subscribe(renew);
    return () => {
      alive = false;
      window.removeEventListener("online", renew);
      stop();
    };
  }, []);
  return cred;
}

function useLiveText(cred, on) {
  const [text, setText] = useState("");
  const [clock, setClock] = useState(serverNow());
  useEffect(() => {
    if (!on) return undefined;
    let alive = true;
    const draw = () => liveQrText(cred).then((t) => alive && setText(t)).catch(() => null);
    draw();
    const renew = setInterval(draw, RENEW_SECONDS * 1000);
    const tick = setInterval(() => setClock(serverNow()), 1000);
    return () => {
      alive = false;
      clearInterval(renew);
      clearInterval(tick);
    };
  }, [cred, on]);
  return [text, clock];
}

export function CardCodes({ card }) {
  const t = useT();
  const cred = useCredential();
  const canLive = liveUsable(cred);
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
