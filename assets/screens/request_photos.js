// Photos attached to a request, shrunk on the phone before they are queued: a cheap phone's
// 12-megapixel photo (4 MB) becomes a JPEG of at most `photo_kb` KB (the server's limit,
// api/services/service_requests.PHOTO_KB), so a request with its photos fits one sync push
// and costs little on a slow link. Read as base64 for the push's JSON.
import { limit } from "../i18n.js";

const MAX_SIDE = 1600; // pixels: enough to read a paper document

function toBase64(blob) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(",", 2)[1]);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/** A picked image file as {mime, data (base64), size}, shrunk under the limit; null when it
 * is not an image the browser can read. */
export async function shrinkPhoto(file) {
  let bitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch (e) {
    return null;
  }
  const budget = limit("photo_kb") * 1024;
  let side = MAX_SIDE;
  for (let quality = 0.85; ; ) {
    const scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", quality));
    if (blob && blob.size <= budget) {
      return { mime: "image/jpeg", data: await toBase64(blob), size: blob.size };
    }
    if (quality > 0.5) quality -= 0.15;
    else side = Math.round(side * 0.75);
    if (side < 200) return null;
  }
}
