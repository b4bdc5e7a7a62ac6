// Translations in the browser: the gettext catalogs compiled to JSON by `locales/build.py`.
// Works offline: the default catalog is bundled, others are fetched once and cached by the
// browser (and later the service worker). The choice lives in localStorage (offline) and
// in a `lang` cookie (so the server formats money and dates in the same language).
// Each catalog carries its Plural-Forms rule; a message with a plural maps to its forms.
import { useEffect, useSyncExternalStore } from "react";
import { deviceFetch } from "./device.js";
import languages from "./i18n/languages.json";
import fallback from "./i18n/default.json";
import { pluralText } from "./plural.js";

import { fill } from "./formats.js";

export {
  fill, formatDay, formatMediumDay, formatMoment, formatMoney, formatMonth, formatNumber, label,
  labelCodes, limit, titleIn,
} from "./formats.js";

const catalogs = { [languages.default]: fallback };
let current = languages.default;
let booted = false;
const listeners = new Set();

const subscribe = (fn) => {
  listeners.add(fn);
  return () => listeners.delete(fn);
};

export const LANGUAGES = languages.enabled;
export const LANGUAGE_NAMES = languages.names;


const catalogIn = (lang) => catalogs[lang] || catalogs[languages.default];

export function translateIn(lang, msgid, values) {
  const found = catalogIn(lang).messages[msgid];
  return fill((Array.isArray(found) ? found[0] : found) || msgid, values);
}

/** The form of a message for `count` in `lang` (gettext's ngettext), placeholders filled. */
export function translatePlural(lang, singular, plural, count, values) {
  return fill(pluralText(catalogIn(lang), singular, plural, count), values);
}

function readStored() {
  try {
    const stored = window.localStorage.getItem("lang");
    if (stored && LANGUAGES.includes(stored)) return stored;
  } catch (e) {
    /* storage blocked: fall through */
  }
  const cookie = document.cookie.match(/(?:^|;\s*)lang=([a-z]{2})/);
  return cookie && LANGUAGES.includes(cookie[1]) ? cookie[1] : null;
}

export function preferredLang() {
  const stored = readStored();
  if (stored) return stored;
  for (const tag of navigator.languages || [navigator.language || ""]) {
    const lang = String(tag).slice(0, 2).toLowerCase();
    if (LANGUAGES.includes(lang)) return lang;
  }
  return languages.default;
}

async function load(lang) {
  if (catalogs[lang]) return;
  const response = await fetch(`/i18n/${lang}.json`);
  if (!response.ok) throw new Error(`catalog ${lang}: ${response.status}`);
  catalogs[lang] = await response.json();
}

function remember(lang) {
  try {
    window.localStorage.setItem("lang", lang);
  } catch (e) {
    /* private mode: the cookie still carries it */
  }
  document.cookie = `lang=${lang}; path=/; max-age=31536000; SameSite=Strict`;
}

// The install name and description follow the language (manifests made by locales/build.py).
function useManifest(lang) {
  const link = document.querySelector('link[rel="manifest"]');
  const href = `/i18n/manifest.${lang}.webmanifest`;
  if (link && link.getAttribute("href") !== href) link.setAttribute("href", href);
}

function apply(lang) {
  current = lang;
  document.documentElement.lang = lang;
  useManifest(lang);
  listeners.forEach((fn) => fn());
}

export async function boot() {
  if (booted) return;
  booted = true;
  const lang = preferredLang();
  remember(lang);
  if (lang !== current) {
    await load(lang);
    apply(lang);
  } else {
    document.documentElement.lang = lang;
    useManifest(lang);
  }
}

// Switch language; server-rendered data (money, dates) is re-fetched by reloading. When
// logged in, the account keeps the choice too (SMS texts, the card image); offline, or
// logged out, the phone's choice alone is enough.
export async function setLang(lang) {
  if (!LANGUAGES.includes(lang)) return;
  remember(lang);
  try {
    await load(lang);
  } catch (e) {
    /* offline and never fetched: the reload below shows the default until online */
  }
  apply(lang);
  if (navigator.onLine) {
    await deviceFetch("/api/me/language", { method: "POST", body: JSON.stringify({ lang }) })
      .catch(() => null);
  }
  window.location.reload();
}

// The current language, starting the language boot once; re-renders on a change.
function useBootedLang() {
  const lang = useSyncExternalStore(subscribe, () => current, () => languages.default);
  useEffect(() => {
    boot();
  }, []);
  return lang;
}

// React hook: returns t(msgid, values) in the current language, re-rendering on change.
export function useT() {
  const lang = useBootedLang();
  return (msgid, values) => translateIn(lang, msgid, values);
}

// React hook: returns tn(singular, plural, count, values), e.g.
// tn("{n} result", "{n} results", total, { n: total }).
export function useTn() {
  const lang = useBootedLang();
  return (singular, plural, count, values) => translatePlural(lang, singular, plural, count, values);
}

export function useLang() {
  return useSyncExternalStore(subscribe, () => current, () => languages.default);
}
