// Keeps the browser tab / task-switcher title in the reader's language.
import { useEffect } from "react";

export function DocTitle({ text }) {
  useEffect(() => {
    if (text) document.title = `${text} · BHXH`;
  }, [text]);
  return null;
}
