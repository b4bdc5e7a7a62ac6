// The printed QR code as the card's early paint (assets/card_boot.js) draws it: the server's
// own drawing (segno's SVG, stored in the card as a data: URL), put on the page as inline SVG
// rather than as an image.
//
// An SVG image gets a document of its own: on a cold start at 4x CPU, loading and decoding it
// took some 35 ms of the main thread right when the card could have been painted. Inline,
// the same path is a single element of the page. The markup is never parsed into the page:
// only the drawing's size, scale, colour and path data are read, each checked against what
// segno writes (path data: digits and a few letters), and the SVG is built element by
// element; anything else (another drawing library, a changed format) leaves the image as it
// was.

/** segno's SVG (api/card/qr.py: `svg_data_uri(scale=4, border=2, dark=…, title=…)`). */
const SEGNO = new RegExp(
  "^<svg xmlns='http://www\\.w3\\.org/2000/svg' width='(\\d+)' height='(\\d+)' class='segno'>"
  + "(?:<title>[^<]*</title>)?"
  + "<path transform='scale\\((\\d+)\\)' class='qrline' stroke='(#[0-9a-f]{6})' d='([MmHhVv0-9 .-]+)'/>"
  + "</svg>$");
const PREFIX = "data:image/svg+xml;charset=utf-8,";

const SVG = "http://www.w3.org/2000/svg";

/** {size, stroke, d} of the stored drawing (size in modules, margin included), or null. */
export function printedDrawing(uri) {
  if (typeof uri !== "string" || !uri.startsWith(PREFIX)) return null;
  let svg;
  try {
    svg = decodeURIComponent(uri.slice(PREFIX.length));
  } catch (e) {
    return null;
  }
  const found = SEGNO.exec(svg);
  if (!found) return null;
  const [, width, height, scale, stroke, d] = found;
  const size = Number(width) / Number(scale);
  if (width !== height || !Number.isInteger(size) || size < 21) return null;
  return { size, stroke, d };
}

function svgElement(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attrs).forEach(([name, value]) => node.setAttribute(name, value));
  children.forEach((child) => node.append(child));
  return node;
}

/** The stored drawing `uri` as an <svg> element titled `title` (one module per unit, white
 * behind), or null when it is not segno's SVG. */
export function printedSvg(uri, title) {
  const drawing = printedDrawing(uri);
  if (!drawing) return null;
  const { size, stroke, d } = drawing;
  return svgElement("svg", { viewBox: `0 0 ${size} ${size}`, role: "img",
    "shape-rendering": "crispEdges" },
  svgElement("title", {}, title), svgElement("rect", { width: size, height: size, fill: "#fff" }),
  svgElement("path", { d, stroke, fill: "none" }));
}
