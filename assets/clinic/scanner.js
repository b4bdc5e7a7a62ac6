// The camera and the QR decoder of the clinic's "Check a card" page.
//
// Decoding uses the browser's own BarcodeDetector where it exists and reads QR codes
// (Chrome on Android, Safari 17+), else the `barcode-detector` ponyfill: the same API on
// ZXing-C++ compiled to WebAssembly. The .wasm is never fetched from a CDN: Vite bundles it
// (`?url` gives its hashed address on this origin) and `cacheScanner()` keeps it in a cache
// the service worker answers from (assets/sw-routes.js), so a desk that opened this page
// once scans with no network. Only desks that open this page download it (~1 MB), not
// every citizen's phone.
import wasmUrl from "zxing-wasm/reader/zxing_reader.wasm?url";

export const SCANNER_CACHE = "clinic-scanner";
// How often a frame is decoded while the camera is on (ms).
const EVERY = 120;

export class CameraError extends Error {
  constructor(reason) {
    super(reason);
    this.reason = reason; // "denied" | "none" | "failed"
  }
}

const wasmHref = () => new URL(wasmUrl, window.location.href).href;

/** Whether the browser's own BarcodeDetector reads QR codes (then no .wasm is needed). */
async function nativeQr() {
  if (!("BarcodeDetector" in window)) return false;
  try {
    return (await window.BarcodeDetector.getSupportedFormats()).includes("qr_code");
  } catch (e) {
    return false;
  }
}

/** Keep the decoder's .wasm of this build in the scanner cache (older builds' removed). */
export async function cacheScanner() {
  if (!("caches" in window) || (await nativeQr())) return;
  const cache = await caches.open(SCANNER_CACHE);
  const want = wasmHref();
  for (const request of await cache.keys()) {
    if (request.url !== want) await cache.delete(request);
  }
  if (!(await cache.match(want))) await cache.add(want);
}

let detector = null;

/** A BarcodeDetector for QR codes: the native one if it reads QR, else the ponyfill. */
export function qrDetector() {
  if (!detector) {
    detector = (async () => {
      if (await nativeQr()) return new window.BarcodeDetector({ formats: ["qr_code"] });
      const m = await import("barcode-detector/ponyfill");
      await m.prepareZXingModule({
        overrides: {
          locateFile: (path, prefix) => (path.endsWith(".wasm") ? wasmHref() : prefix + path),
        },
        fireImmediately: true,
      });
      return new m.BarcodeDetector({ formats: ["qr_code"] });
    })();
    detector.catch(() => {
      detector = null;
    });
  }
  return detector;
}

/** Open the rear camera (any camera if there is no rear one) into `video`. */
export async function openCamera(video) {
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    throw new CameraError("none");
  }
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: { facingMode: { ideal: "environment" }, width: { ideal: 1280 },
        height: { ideal: 720 } },
    });
  } catch (e) {
    const name = e && e.name;
    if (name === "NotAllowedError" || name === "SecurityError") throw new CameraError("denied");
    if (name === "NotFoundError" || name === "OverconstrainedError") throw new CameraError("none");
    throw new CameraError("failed");
  }
  video.srcObject = stream;
  video.muted = true;
  video.setAttribute("playsinline", "");
  try {
    await video.play();
  } catch (e) {
    /* autoplay of a muted stream is allowed; a refusal still leaves frames to decode */
  }
  return stream;
}

/** The QR decoder and the camera opened into `video`, for a scanning screen: `{decoder,
 * stream}`, or a CameraError whose `reason` ("decoder", "denied", "none", "failed") the
 * screen explains. */
export async function openScanner(video) {
  let decoder;
  try {
    decoder = await qrDetector();
  } catch (e) {
    throw new CameraError("decoder");
  }
  return { decoder, stream: await openCamera(video) };
}

export function closeCamera(stream, video) {
  if (stream) stream.getTracks().forEach((track) => track.stop());
  if (video) video.srcObject = null;
}

/**
 * Decode frames of `video` until a QR code is read; then call onFound(text, frameAt), where
 * frameAt is the performance.now() at which that frame was taken. Returns a stop function.
 */
export function scanFrames(video, decoder, onFound) {
  let stopped = false;
  let timer = null;
  const tick = async () => {
    if (stopped) return;
    if (video.readyState >= 2 && video.videoWidth) {
      const frameAt = performance.now();
      try {
        const codes = await decoder.detect(video);
        const hit = codes.find((code) => code.rawValue);
        if (hit && !stopped) {
          stopped = true;
          onFound(hit.rawValue, frameAt);
          return;
        }
      } catch (e) {
        /* a frame that cannot be read: try the next one */
      }
    }
    if (!stopped) timer = setTimeout(tick, EVERY);
  };
  tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
