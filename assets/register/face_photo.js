// The applicant's face photo: whatever the camera or the gallery gives (often several MB) is
// drawn smaller and sent as a JPEG data URL of a few tens of KB (the server takes at most
// 150 KB: api/services/registrations.py PHOTO_MAX_KB).
const LONGEST_SIDE = 480;
const QUALITY = 0.82;

function loadImage(file) {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(file);
    const image = new Image();
    image.onload = () => {
      URL.revokeObjectURL(url);
      resolve(image);
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error("not a picture"));
    };
    image.src = url;
  });
}

/** A JPEG data URL of `file` with its longest side at most LONGEST_SIDE pixels. */
export async function facePhoto(file) {
  const image = await loadImage(file);
  const scale = Math.min(1, LONGEST_SIDE / Math.max(image.naturalWidth, image.naturalHeight));
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
  canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
  canvas.getContext("2d").drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL("image/jpeg", QUALITY);
}
