// The clinic's "Check a card" screen: scan the card QR with the desk's camera (or a QR
// reader that types into the field), or type a code. A scanned QR is checked here, with no
// network, against the cached issuer keys (verdict.js); a typed code needs the network.
import { useEffect, useRef, useState } from "react";
import { deviceFetch } from "../device.js";
import { formatMoment, useLang, useT, useTn } from "../i18n.js";
import { isQrText, parseIdentifier } from "./identifier.js";
import { checkScanned, keepTrustFresh, watchTrust } from "./verdict.js";
import { cacheScanner, closeCamera, openScanner, scanFrames } from "./scanner.js";
import { DeskHeader } from "./desk_header.jsx";
import { localDay } from "./desk_store.js";
import { start as startDeskSync } from "./desk_sync.js";
import { RecordVisit } from "./record_visit.jsx";
import { Verdict } from "./verdict_view.jsx";
import { VisitList } from "./visit_list.jsx";

// Marks a message for translation where it is defined; translated where it is shown.
const N_ = (text) => text;

const CAMERA_MESSAGES = {
  denied: N_("Allow the camera, or type the code below."),
  none: N_("No camera found. Type the code below, or use a QR reader."),
  failed: N_("The camera could not start. Type the code below, or try again."),
  decoder: N_("The QR reader could not start on this device. Type the code below."),
};

const TYPED_MESSAGES = {
  empty: N_("Type a code first."),
  format: N_("Type the 10-digit code, the 15-character card number or the 12-digit personal ID number."),
  offline: N_("Typing a code needs the network. You can still record the visit to check later."),
  login: N_("Log in as clinic staff to look up a typed code."),
  failed: N_("The look-up did not answer. Try again, or scan the QR code."),
};

export function ClinicCheck() {
  const t = useT();
  const lang = useLang();
  const video = useRef(null);
  const stream = useRef(null);
  const stopScan = useRef(null);
  const decoder = useRef(null);
  const tn = useTn();
  const [trustInfo, setTrustInfo] = useState(null);
  const [camera, setCamera] = useState("off"); // off | starting | on | denied | none | failed | decoder
  const [verdict, setVerdict] = useState(null);
  const [typed, setTyped] = useState("");
  const [typedMessage, setTypedMessage] = useState("");
  const [busy, setBusy] = useState(false);
  // A code typed while offline: the visit can still be recorded, to be checked when sent.
  const [typedLater, setTypedLater] = useState("");

  const stopCamera = () => {
    if (stopScan.current) stopScan.current();
    stopScan.current = null;
    closeCamera(stream.current, video.current);
    stream.current = null;
  };

  const show = (result, frameAt, text) => {
    const seen = Date.now();
    setVerdict({ ...result, frameAt, seen });
    // Online, the server checks the scan too (and logs it for the holder): its verdict is
    // the one that counts, and it says whether the holder's photo can be shown.
    if (result.ok && text && navigator.onLine) {
      deviceFetch("/api/clinic/scan", { method: "POST", body: JSON.stringify({ qr: text }) })
        .then(async (response) => {
          const body = await response.json().catch(() => ({}));
          setVerdict((now) => {
            if (!now || now.seen !== seen) return now; // the desk moved on meanwhile
            if (response.ok && body.ok) return { ...now, server: true, photo: body.photo };
            if (response.status === 422 && /^qr_/.test(body.error || "")) {
              return { ok: false, kind: now.kind, reason: body.error, frameAt, seen };
            }
            return now;
          });
        })
        .catch(() => null);
    }
  };

  const scan = () => {
    if (!stream.current || !decoder.current || !video.current) return;
    if (stopScan.current) stopScan.current();
    stopScan.current = scanFrames(video.current, decoder.current, async (text, frameAt) => {
      stopScan.current = null;
      show(await checkScanned(text), frameAt, text);
    });
  };

  const startCamera = async () => {
    setCamera("starting");
    try {
      ({ decoder: decoder.current, stream: stream.current } = await openScanner(video.current));
    } catch (e) {
      setCamera((e && e.reason) || "failed");
      return;
    }
    setCamera("on");
    setVerdict(null);
    scan();
  };

  const toggleCamera = () => {
    if (camera === "on" || camera === "starting") {
      stopCamera();
      setCamera("off");
    } else {
      startCamera();
    }
  };

  const next = () => {
    setVerdict(null);
    setTypedLater("");
    setTypedMessage("");
    setTyped("");
    if (stream.current) scan();
  };

  useEffect(() => {
    const stopWatching = watchTrust(setTrustInfo);
    const stopTrust = keepTrustFresh();
    startDeskSync();
    cacheScanner().catch(() => null);
    // Leaving the page, or the tab going to the background, turns the camera off.
    const hidden = () => {
      if (document.visibilityState === "hidden" && stream.current) {
        stopCamera();
        setCamera("off");
      }
    };
    document.addEventListener("visibilitychange", hidden);
    return () => {
      stopWatching();
      stopTrust();
      document.removeEventListener("visibilitychange", hidden);
      stopCamera();
    };
  }, []);

  // Frame-to-verdict time, once the verdict is on screen (read by the benchmark).
  useEffect(() => {
    // The verdict is at the top: bring it into view (the field typed in may be lower).
    if (verdict) window.scrollTo(0, 0);
    if (verdict && verdict.frameAt !== undefined) {
      const frameAt = verdict.frameAt;
      requestAnimationFrame(() => performance.measure("clinic-frame-to-verdict",
        { start: frameAt, end: performance.now() }));
    }
  }, [verdict]);

  const lookUp = async (event) => {
    event.preventDefault();
    setTypedMessage("");
    setTypedLater("");
    if (isQrText(typed)) {
      setBusy(true);
      show(await checkScanned(typed.trim()), undefined, typed.trim());
      setBusy(false);
      return;
    }
    const parsed = parseIdentifier(typed);
    if (parsed.error) {
      setTypedMessage(parsed.error);
      return;
    }
    if (!navigator.onLine) {
      setTypedMessage("offline");
      setTypedLater(parsed.value);
      return;
    }
    setBusy(true);
    try {
      const response = await deviceFetch("/api/clinic/lookup", {
        method: "POST", body: JSON.stringify({ query: parsed.value }) });
      if (response.ok) {
        const body = await response.json();
        if (body && body.card) {
          const today = localDay();
          show(body.revoked ? { ok: false, kind: "lookup", reason: "qr_revoked" }
            : body.card.validTo < today ? { ok: false, kind: "lookup", reason: "qr_expired" }
              : { ok: true, kind: "lookup", holderBound: false, claims: body.card, server: true });
        } else {
          setTypedMessage("failed");
        }
      } else {
        const body = await response.json().catch(() => ({}));
        // An unknown or malformed number: the server's own words, in the desk's language.
        setTypedMessage(response.status === 401 || response.status === 403 ? "login"
          : (response.status === 404 || response.status === 400) && body.message
            ? body.message : "failed");
      }
    } catch (e) {
      if (navigator.onLine) {
        setTypedMessage("failed");
      } else {
        setTypedMessage("offline");
        setTypedLater(parsed.value);
      }
    }
    setBusy(false);
  };

  const cameraOn = camera === "on" || camera === "starting";
  const cameraProblem = CAMERA_MESSAGES[camera];
  return (
    <>
      <DeskHeader />
      <div id="verdict" role="status" aria-live="polite" aria-atomic="true">
        {verdict ? <Verdict verdict={verdict} onNext={next} t={t} lang={lang} /> : null}
      </div>
      <section className="panel scanner" aria-labelledby="scan-title" hidden={Boolean(verdict)}>
        <h2 className="section-title" id="scan-title">{t("Scan the card QR code")}</h2>
        <div className={cameraOn ? "viewfinder on" : "viewfinder"}>
          <video ref={video} className="camera" id="camera" muted playsInline
            aria-label={t("Camera picture")} />
          {cameraOn ? null : <p className="viewfinder-hint">{t("Hold the QR code in front of the camera.")}</p>}
        </div>
        {cameraProblem ? <p className="alert alert-warn" id="camera-message">{t(cameraProblem)}</p> : null}
        <button type="button" className={cameraOn ? "btn btn-wide" : "btn btn-primary btn-wide"}
          id="camera-toggle" onClick={toggleCamera} aria-pressed={cameraOn}>
          {camera === "starting" ? t("Starting the camera…") : cameraOn ? t("Stop camera") : t("Start camera")}
        </button>
        <p className="hint">{t("The check works without network: the card's signature is verified on this device.")}</p>
        {trustInfo ? (
          <p className="hint" id="trust-status" data-count={trustInfo.count}>
            {trustInfo.checkedAt
              ? tn("Revocation list: {count} entry, checked {when}.", "Revocation list: {count} entries, checked {when}.",
                trustInfo.count, { count: trustInfo.count, when: formatMoment(new Date(trustInfo.checkedAt).toISOString(), lang) })
              : t("Revocation list not downloaded yet: connect this device once.")}
          </p>
        ) : null}
      </section>
      <section className="panel" aria-labelledby="typed-title" hidden={Boolean(verdict)}>
        <h2 className="section-title" id="typed-title">{t("Or type the code")}</h2>
        <form className="form" onSubmit={lookUp} noValidate>
          <label className="label" htmlFor="typed-code">{t("Social-insurance code, card number or personal ID")}</label>
          <input id="typed-code" className="input" value={typed} autoComplete="off"
            autoCapitalize="characters" spellCheck={false} inputMode="text"
            aria-describedby="typed-help typed-message" onChange={(e) => setTyped(e.target.value)} />
          <p className="hint" id="typed-help">{t("10 digits, 15 characters (old card) or 12 digits. A QR reader can type into this field too.")}</p>
          <p id="typed-message" className={typedMessage ? "alert alert-warn" : "sr-only"}>
            {typedMessage ? (TYPED_MESSAGES[typedMessage] ? t(TYPED_MESSAGES[typedMessage]) : typedMessage) : ""}
          </p>
          <button type="submit" className="btn btn-primary" disabled={busy}>{t("Check")}</button>
        </form>
        {typedLater ? (
          <RecordVisit key={typedLater} code={typedLater} name="" how="typed" checkedOffline
            onDone={() => {
              setTyped("");
              setTypedMessage("");
            }} />
        ) : null}
      </section>
      <VisitList />
    </>
  );
}
