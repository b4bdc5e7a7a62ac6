// The modules of a QR code as one SVG path (alphanumeric mode, error correction M, a
// two-module margin: as the server draws the printed code). Shared by the card screen
// (assets/screens/card_codes.jsx, qrcode-generator from npm) and the card's early paint
// (assets/card_boot.js, bundled on its own by pwa/build/browser_modules.py), each passing
// the library it imports, so this file stays a plain module either can include.

/** {n, path}: the code's size in modules and its dark modules as path data. `mask` (0-7)
 * makes the code with that mask pattern instead of the best of the eight, where the library
 * allows it (the early paint's bundle of it does: tools/bundle-browser.mjs). */
export function qrPath(qrcode, text, mask) {
  const qr = qrcode(0, "M");
  if (mask !== undefined) qr.fixedMask = mask;
  qr.addData(text, "Alphanumeric");
  qr.make();
  const n = qr.getModuleCount();
  let path = "";
  for (let r = 0; r < n; r += 1) {
    for (let c = 0; c < n; c += 1) if (qr.isDark(r, c)) path += `M${c + 2} ${r + 2}h1v1h-1z`;
  }
  return { n, path };
}
