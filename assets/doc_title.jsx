// Keeps the browser tab / task-switcher title in the reader's language. The head script
// (assets/lang_boot.js) has already shown the title in the chosen language; until that
// language's catalog is in, the app still renders the default one, and its title would flash:
// meanwhile the head script's title stands (hydration may have put the prerendered one back).
import { useLayoutEffect } from "react";
import { titleIn, useLang } from "./i18n.js";

export function DocTitle({ text }) {
  const lang = useLang();
  // A layout effect runs in the same task as React's commit, which (hydrating) may have put
  // the prerendered title back: the reader never sees that one painted.
  useLayoutEffect(() => {
    if (lang !== document.documentElement.lang) {
      if (self.BHXH_BOOT_TITLE) document.title = self.BHXH_BOOT_TITLE;
    } else if (text) {
      document.title = titleIn(text);
    }
  }, [text, lang]);
  return null;
}
