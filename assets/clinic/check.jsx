// The clinic's "Check a card" screen: scan the card QR with the desk's camera (or a QR
// reader that types into the field), or type a code. A scanned QR is checked here, with no
// network, against the cached issuer keys (verdict.js); a typed code needs the network.
import { useEffect, useRef, useState } from "react";
import { deviceFetch } from "../device.js";
import { formatDay as day, label, useLang, useT } from "../i18n.js";
import { isQrText, parseIdentifier } from "./identifier.js";
import { checkScanned, keepTrustFresh } from "./verdict.js";
import { cacheScanner, closeCamera, openCamera, qrDetector, scanFrames } from "./scanner.js";
import { DeskHeader } from "./desk_header.jsx";
import { localDay } from "./desk_store.js";
import { start as startDeskSync } from "./desk_sync.js";
import { HolderPhoto } from "./holder_photo.jsx";
import { RecordVisit } from "./record_visit.jsx";
import { VisitList } from "./visit_list.jsx";

// Marks a message for translation where it is defined; translated where it is shown.
const N_ = (text) => text;

// SVG icons (no icon font: they must draw on any phone, offline).
const PATHS = {
  check: "M5 12.5l4.5 4.5L19 7.5",
  idcard: "M3 6h18v12H3z M7 10h4 M7 14h6 M15 10h3v4h-3z",
  cross: "M6 6l12 12 M18 6L6 18",
  hourglass: "M7 3h10 M7 21h10 M8 3c0 5 8 5 8 9s-8 4-8 9 M16 3c0 5-8 5-8 9s8 4 8 9",
  clock: "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z M12 7v5l3 3",
  question: "M9 9a3 3 0 1 1 4 2.8c-.7.3-1 1-1 1.7v1 M12 18.5v.5",
  ban: "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z M5.6 5.6l12.8 12.8",
  refresh: "M20 12a8 8 0 1 1-2.3-5.7 M20 4v5h-5",
  phones: "M4 4h8v15H4z M12 8h8v13h-8 M7 16h2 M15 18h2",
  qr: "M4 4h6v6H4z M14 4h6v6h-6z M4 14h6v6H4z M14 14h2v2h-2z M18 18h2v2h-2z M14 18h2 M18 14h2",
};

function Icon({ name }) {
  return (
    <svg className="verdict-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="2.4"
        strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

// Each verdict: its own colour (tone, in styles.css), icon and words.
const VERDICTS = {
  ok_bound: { tone: "ok", icon: "check", title: N_("Valid — this phone holds the card"),
    detail: N_("The card and the phone it is bound to were both checked.") },
  ok_not_bound: { tone: "caution", icon: "idcard",
    title: N_("Valid card, not holder-bound: check an ID document"),
    detail: N_("A printed card, a picture or the static code: compare the name and date of birth with an ID document.") },
  qr_expired: { tone: "expired", icon: "hourglass", title: N_("Card expired"),
    detail: N_("Do not accept it as valid. The holder can renew the card.") },
  qr_not_yet_valid: { tone: "early", icon: "clock", title: N_("Card not valid yet"),
    detail: N_("Its validity starts later. Check this device's date and time.") },
  qr_bad_signature: { tone: "tampered", icon: "cross",
    title: N_("Tampered: the card data was changed after signing"),
    detail: N_("Do not accept it.") },
  qr_unknown_key: { tone: "unknown", icon: "question",
    title: N_("Unknown issuer: not signed by a known key"),
    detail: N_("Do not accept it. If this device was offline for a long time, connect it once to update the keys.") },
  qr_revoked: { tone: "revoked", icon: "ban", title: N_("Card revoked: reported lost or replaced"),
    detail: N_("Do not accept it.") },
  qr_stale: { tone: "stale", icon: "refresh",
    title: N_("Screenshot or old code: ask for the live code"),
    detail: N_("Ask the holder to open the card on their phone and show the code that renews itself.") },
  qr_wrong_device: { tone: "copied", icon: "phones",
    title: N_("Card copied to another phone"),
    detail: N_("This code was not made by the phone the card is bound to. Do not accept it.") },
  qr_format: { tone: "format", icon: "qr", title: N_("Not a wallet card QR code"),
    detail: N_("Scan the QR code on the card screen of the wallet, or type the code below.") },
};

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

function verdictKey(verdict) {
  if (verdict.ok) return verdict.holderBound ? "ok_bound" : "ok_not_bound";
  return VERDICTS[verdict.reason] ? verdict.reason : "qr_format";
}

function Row({ label: name, value, id }) {
  return (
    <div className="field">
      <dt>{name}</dt>
      <dd id={id}>{value}</dd>
    </div>
  );
}

function Facility({ code, t }) {
  const [mine, setMine] = useState(null);
  useEffect(() => {
    try {
      setMine(window.localStorage.getItem("clinic-facility") || "");
    } catch (e) {
      setMine("");
    }
  }, []);
  if (mine === null) return null;
  if (!mine) return <p className="alert alert-info" id="facility-match">{t("This desk's facility is not set: compare the code yourself.")}</p>;
  return code === mine
    ? <p className="alert alert-ok" id="facility-match" data-match="yes">{t("This clinic is the holder's registered primary-care facility.")}</p>
    : <p className="alert alert-warn" id="facility-match" data-match="no">{t("Registered at another facility: the benefit level may be lower here.")}</p>;
}

function Verdict({ verdict, onNext, t, lang }) {
  const key = verdictKey(verdict);
  // Recorded as checked offline unless the server checked it too (an online scan or look-up).
  const how = verdict.kind === "lookup" ? "typed" : "scan";
  const shown = VERDICTS[key];
  const c = verdict.ok ? verdict.claims : null;
  return (
    <div className={`verdict verdict-${shown.tone}`} data-verdict={key}>
      <div className="verdict-head">
        <Icon name={shown.icon} />
        <div>
          <p className="verdict-title" id="verdict-title">{t(shown.title)}</p>
          <p className="verdict-detail">{t(shown.detail)}</p>
        </div>
      </div>
      {c ? (
        <div className="verdict-card">
          <p className="verdict-name" id="verdict-name">{c.fullName}</p>
          <p className="card-number">{c.code}</p>
          <dl className="fields">
            <Row label={t("Date of birth")} value={day(c.dob, lang)} id="verdict-dob" />
            {c.sex ? <Row label={t("Sex")} value={t(label("sex", c.sex))} /> : null}
            {c.group ? <Row label={t("Beneficiary group")} value={`${c.group} · ${t(label("beneficiary_groups", c.group))}`} /> : null}
            {c.level ? <Row label={t("Benefit level")} value={`${c.level}%`} /> : null}
            <Row label={t("Valid to")} value={day(c.validTo, lang)} id="verdict-valid-to" />
            {c.facility ? <Row label={t("Primary-care facility")} value={c.facility} id="verdict-facility" /> : null}
          </dl>
          {c.facility ? <Facility code={c.facility} t={t} /> : null}
          {verdict.photo ? <HolderPhoto code={c.code} /> : null}
        </div>
      ) : null}
      {c ? (
        <RecordVisit key={`${c.code}-${verdict.frameAt || ""}-${verdict.seen || ""}`}
          code={c.code} name={c.fullName} how={how} checkedOffline={!verdict.server} />
      ) : null}
      <button type="button" className="btn btn-primary btn-wide" id="scan-next" onClick={onNext}>
        {t("Check the next card")}
      </button>
    </div>
  );
}

export function ClinicCheck() {
  const t = useT();
  const lang = useLang();
  const video = useRef(null);
  const stream = useRef(null);
  const stopScan = useRef(null);
  const decoder = useRef(null);
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
      decoder.current = await qrDetector();
    } catch (e) {
      setCamera("decoder");
      return;
    }
    try {
      stream.current = await openCamera(video.current);
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
