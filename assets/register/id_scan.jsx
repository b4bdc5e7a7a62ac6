// Scan the chip ID card's QR code with the phone's camera to fill the registration form. The
// camera and the decoder are the clinic scanner's (assets/clinic/scanner.js); a QR code
// that is not an ID card's keeps the camera on and says so.
import { useEffect, useRef, useState } from "react";
import { useT } from "../i18n.js";
import { closeCamera, openScanner, scanFrames } from "../clinic/scanner.js";
import { parseIdCard } from "./id_card.js";

const N_ = (text) => text;
const MESSAGES = {
  denied: N_("Allow the camera, or type the details from your ID card below."),
  none: N_("No camera found. Type the details from your ID card below."),
  failed: N_("The camera could not start. Type the details below, or try again."),
  decoder: N_("The QR reader could not start on this device. Type the details below."),
  other: N_("This is not the QR code of a chip ID card. Hold the QR code on the front of your ID card to the camera."),
};
const RETRY_AFTER = 1500; // ms before another frame is read after a wrong QR code

export function IdCardScan({ onRead }) {
  const t = useT();
  const video = useRef(null);
  const stream = useRef(null);
  const stopScan = useRef(null);
  const [camera, setCamera] = useState("off"); // off | starting | on | a MESSAGES key

  const stop = () => {
    if (stopScan.current) stopScan.current();
    stopScan.current = null;
    closeCamera(stream.current, video.current);
    stream.current = null;
  };

  const read = (decoder) => {
    stopScan.current = scanFrames(video.current, decoder, (text) => {
      const fields = parseIdCard(text);
      if (fields) {
        stop();
        setCamera("off");
        onRead(fields);
        return;
      }
      setCamera("other");
      const timer = setTimeout(() => {
        if (stream.current) read(decoder);
      }, RETRY_AFTER);
      stopScan.current = () => clearTimeout(timer);
    });
  };

  const start = async () => {
    setCamera("starting");
    let opened;
    try {
      opened = await openScanner(video.current);
    } catch (e) {
      setCamera((e && e.reason) || "failed");
      return;
    }
    stream.current = opened.stream;
    setCamera("on");
    read(opened.decoder);
  };

  useEffect(() => stop, []);

  const on = camera === "on" || camera === "starting" || (camera === "other" && stream.current);
  return (
    <div className="id-scan">
      <div className={on ? "viewfinder on" : "viewfinder id-scan-off"}>
        <video ref={video} className="camera" id="id-camera" muted playsInline
          aria-label={t("Camera picture")} />
      </div>
      {MESSAGES[camera] ? (
        <p className="alert alert-warn" id="id-scan-message" role="status">{t(MESSAGES[camera])}</p>
      ) : null}
      <button type="button" className={on ? "btn btn-wide" : "btn btn-primary btn-wide"}
        id="scan-id" aria-pressed={Boolean(on)}
        onClick={() => {
          if (on) {
            stop();
            setCamera("off");
          } else {
            start();
          }
        }}>
        {camera === "starting" ? t("Starting the camera…") : on ? t("Stop camera")
          : t("Scan the QR code on your ID card")}
      </button>
    </div>
  );
}
