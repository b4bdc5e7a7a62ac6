// The first script of the card page, inline in its prerendered HTML (bundled and put there
// by pwa/build/browser_modules.py; the page's Content-Security-Policy names it by its hash,
// api/http/web_surface.py): starts reading the card from the store while the rest of the
// page is parsed and its files come from the service worker. Nothing else: the painting is
// assets/card_boot.js's, which takes this read over when it arrives.
import { cardRead } from "./card_read.js";

cardRead();
