// The card page's frame while the card's early paint (assets/card_boot.js) is up.
//
// Opened offline on a slow phone, the first layout of the prerendered card page took longer
// than anything else before the card could be painted: the header, the tabs and the bottom
// bar ask for a dozen font faces (weights, sizes, the navigation's symbols), each a
// synchronous call to the system's font service. While the attribute below is on <html>,
// assets/styles.css keeps those parts out of layout (`content-visibility: hidden`, at their
// usual size: an empty navy bar, an empty tab strip, an empty bottom bar), so the first
// frames lay out little more than the card. CSS only: React's hydration never sees it (it
// leaves attributes it did not render alone, on <html> as anywhere).
//
// Held by the early paint as it starts on the card page; let go by the early paint whenever
// it does not paint (nothing stored, locked, an error), when its card goes, and by the card
// screen (assets/screens/card.jsx) in the frame where it shows the card itself.

const ATTRIBUTE = "data-early";

/** Keeps the card page's frame out of layout until `releaseFrame`. */
export function holdFrame() {
  document.documentElement.setAttribute(ATTRIBUTE, "card");
}

/** Lays the frame out again (harmless when it was not held). */
export function releaseFrame() {
  document.documentElement.removeAttribute(ATTRIBUTE);
}
