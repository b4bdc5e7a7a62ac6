// Dates, numbers and money in the reader's language, from the same patterns and locale data
// as the Python formatters (locales/formats.py, compiled to i18n/formats.json by
// locales/build.py): four-digit years, Vietnam's time zone, the CLDR currency pattern.
import formats from "./i18n/formats.json";

const specOf = (lang) => formats.langs[lang] || formats.langs.vi;

/** Enum code -> message id (locales/labels.py), e.g. label("sex", "F") === "Female". */
export function label(group, code) {
  const table = formats.labels[group] || {};
  return table[code] || code;
}

/** The tab title around a page title: "Health-insurance card · BHXH". */
export const titleIn = (title) => formats.title_format.replace("{title}", title);

/** A limit the server enforces too (locales/labels.py), e.g. limit("draft_text"). */
export const limit = (name) => formats.limits[name];

/** The codes of an enum, in their order (e.g. the kinds of service request). */
export const labelCodes = (group) => Object.keys(formats.labels[group] || {});

/** A message's {placeholders} filled from `values` (unknown ones left as they are). */
export function fill(text, values) {
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (m, key) => (key in values ? String(values[key]) : m));
}

const pad = (value, width) => String(value).padStart(width, "0");

// One LDML field ("yyyy", "MMM", "h", "a", ...) from the date's numbers.
function field(letter, width, f, spec) {
  switch (letter) {
    case "y": return width === 2 ? pad(f.y % 100, 2) : pad(f.y, width);
    case "M":
    case "L":
      if (width >= 4) return spec.months.wide[f.M - 1];
      if (width === 3) return spec.months.abbreviated[f.M - 1];
      return pad(f.M, width);
    case "d": return pad(f.d, width);
    case "H": return pad(f.H, width);
    case "h": return pad(f.H % 12 || 12, width);
    case "m": return pad(f.m, width);
    case "s": return pad(f.s, width);
    case "a": return f.H < 12 ? spec.periods.am : spec.periods.pm;
    default: return letter.repeat(width);
  }
}

/** Fill an LDML date pattern ("dd/MM/yyyy", "y年M月", "h:mm a", quoted 'text'). */
export function applyPattern(pattern, f, spec) {
  let out = "";
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i];
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      const stop = end < 0 ? pattern.length : end;
      out += stop === i + 1 ? "'" : pattern.slice(i + 1, stop);
      i = stop + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j += 1;
      out += field(c, j - i, f, spec);
      i = j;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

function dateFields(iso) {
  const [y, M, d] = String(iso).slice(0, 10).split("-").map(Number);
  return { y, M, d, H: 0, m: 0, s: 0 };
}

// The wall clock in Vietnam at an instant (the phone may be set to another zone).
let zoneParts = null;
function zonedFields(iso, zone) {
  if (!zoneParts) {
    zoneParts = new Intl.DateTimeFormat("en-US", {
      timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric",
      hour: "numeric", minute: "numeric", second: "numeric",
    });
  }
  const got = {};
  for (const part of zoneParts.formatToParts(new Date(iso))) got[part.type] = Number(part.value);
  return { y: got.year, M: got.month, d: got.day, H: got.hour % 24, m: got.minute, s: got.second };
}

/** An ISO date as "15/02/1990" (vi), "02/15/1990" (en), "1990/02/15" (zh, ja), ... */
export function formatDay(iso, lang) {
  return iso ? applyPattern(specOf(lang).patterns.day, dateFields(iso), specOf(lang)) : "";
}

/** Month and year: "02/2024" (vi), "Feb 2024" (en), "2024年2月" (zh, ja), "2024년 2월" (ko). */
export function formatMonth(iso, lang) {
  return iso ? applyPattern(specOf(lang).patterns.month, dateFields(iso), specOf(lang)) : "";
}

/** A date in the language's medium form ("15 thg 2, 1990", "Feb 15, 1990"). */
export function formatMediumDay(iso, lang) {
  return iso ? applyPattern(specOf(lang).patterns.medium, dateFields(iso), specOf(lang)) : "";
}

/** An instant as date and time in Vietnam's time zone ("18:30 23/11/2026" in vi). */
export function formatMoment(iso, lang) {
  if (!iso) return "";
  const spec = specOf(lang);
  return applyPattern(spec.patterns.moment, zonedFields(iso, spec.time_zone), spec);
}

function digits(value, spec) {
  let fixed = Math.abs(value).toFixed(spec.number.max_fraction);
  if (fixed.includes(".")) fixed = fixed.replace(/0+$/, "").replace(/\.$/, "");
  const [whole, fraction] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, spec.number.group);
  return fraction ? `${grouped}${spec.number.decimal}${fraction}` : grouped;
}

/** A plain number with the language's separators (at most three decimals). Integers (all the
 * app shows) match babel exactly; a fourth decimal of exactly 5 may round differently, as
 * babel rounds half to even. */
export function formatNumber(value, lang) {
  const spec = specOf(lang);
  const text = digits(Number(value) || 0, spec);
  return Number(value) < 0 ? `${spec.number.minus}${text}` : text;
}

/** Integer đồng as currency: "1.250.000 ₫" (vi), "₫1,250,000" (en, zh, ja, ko). */
export function formatMoney(amount, lang) {
  const spec = specOf(lang);
  const value = Math.round(Number(amount) || 0);
  const m = spec.money;
  const text = digits(value, { ...spec, number: { ...spec.number, max_fraction: 0 } });
  return value < 0
    ? `${m.neg_prefix.replace("-", spec.number.minus)}${text}${m.neg_suffix}`
    : `${m.prefix}${text}${m.suffix}`;
}
