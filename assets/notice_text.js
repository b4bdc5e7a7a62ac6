// A notice in the reader's language: its kind names a message (locales/labels.py NOTICES) and
// its raw params (ISO dates, months, integer đồng) fill it, formatted for the language. The
// same words on the notices screen and in the push notification the service worker shows.
import { formatDay, formatMoney, formatMonth, label } from "./formats.js";

/** `translate(msgid, values)`: the app's `t` on a screen, a catalog look-up in the worker. */
export function noticeText(notice, translate, lang) {
  const p = { ...notice.params };
  if (p.day) p.day = formatDay(p.day, lang);
  if (p.month) p.month = formatMonth(`${p.month}-01`.slice(0, 10), lang);
  if (p.amount !== undefined) p.amount = formatMoney(p.amount, lang);
  // A service request's step names the request by its kind's label.
  if (p.request) p.request = translate(label("requests", p.request));
  return translate(label("notices", notice.kind), p);
}
