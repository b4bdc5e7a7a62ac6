// Keeps the browser tab / task-switcher title in the reader's language. The head script
// (assets/lang_boot.js) has already shown the title in the chosen language; until that
// language's catalog is in, the app still renders the default one, and its title would flash.
import { useEffect } from "react";
import { titleIn, useLang } from "./i18n.js";

export function DocTitle({ text }) {
  const lang = useLang();
  useEffect(() => {
    if (text && lang === document.documentElement.lang) document.title = titleIn(text);
  }, [text, lang]);
  return null;
}
