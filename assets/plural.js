// Gettext Plural-Forms expressions ("(n != 1)", "n%10==1 && n%100!=11 ? 0 : ...") turned into
// functions without eval: a small parser for the C subset gettext allows (n, integers,
// arithmetic, comparisons, !, &&, ||, ?:, parentheses). The expression comes from a
// catalog's header (locales/build.py); an expression it cannot read picks form 0.

const TOKEN = /\s*(\d+|n|\|\||&&|==|!=|<=|>=|[-+*/%<>!?:()])/y;

function tokens(text) {
  const out = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match) {
      if (/^\s*;?\s*$/.test(text.slice(start))) break;
      throw new Error(`plural rule: cannot read "${text.slice(start)}"`);
    }
    out.push(match[1]);
  }
  return out;
}

// Binary operators by precedence, lowest first (C's order).
const LEVELS = [["||"], ["&&"], ["==", "!="], ["<", ">", "<=", ">="], ["+", "-"], ["*", "/", "%"]];
const APPLY = {
  "||": (a, b) => (a || b ? 1 : 0), "&&": (a, b) => (a && b ? 1 : 0),
  "==": (a, b) => (a === b ? 1 : 0), "!=": (a, b) => (a !== b ? 1 : 0),
  "<": (a, b) => (a < b ? 1 : 0), ">": (a, b) => (a > b ? 1 : 0),
  "<=": (a, b) => (a <= b ? 1 : 0), ">=": (a, b) => (a >= b ? 1 : 0),
  "+": (a, b) => a + b, "-": (a, b) => a - b, "*": (a, b) => a * b,
  "/": (a, b) => (b ? Math.trunc(a / b) : 0), "%": (a, b) => (b ? a % b : 0),
};

function parser(list) {
  let pos = 0;
  const peek = () => list[pos];
  const take = (want) => {
    const token = list[pos++];
    if (want && token !== want) throw new Error(`plural rule: expected ${want}`);
    return token;
  };
  function unary() {
    const token = take();
    if (token === "n") return (n) => n;
    if (token === "!") {
      const inner = unary();
      return (n) => (inner(n) ? 0 : 1);
    }
    if (token === "(") {
      const inner = ternary();
      take(")");
      return inner;
    }
    if (/^\d+$/.test(token || "")) {
      const value = Number(token);
      return () => value;
    }
    throw new Error(`plural rule: unexpected ${token}`);
  }
  function binary(level) {
    if (level === LEVELS.length) return unary();
    let left = binary(level + 1);
    while (LEVELS[level].includes(peek())) {
      const op = APPLY[take()];
      const a = left;
      const b = binary(level + 1);
      left = (n) => op(a(n), b(n));
    }
    return left;
  }
  function ternary() {
    const test = binary(0);
    if (peek() !== "?") return test;
    take("?");
    const yes = ternary();
    take(":");
    const no = ternary();
    return (n) => (test(n) ? yes(n) : no(n));
  }
  const whole = ternary();
  if (pos !== list.length) throw new Error("plural rule: trailing text");
  return whole;
}

/** A function from a count to the index of its plural form, within [0, nplurals). */
export function pluralRule(expr, nplurals) {
  let rule;
  try {
    rule = parser(tokens(String(expr)));
  } catch (e) {
    rule = () => 0;
  }
  const max = Math.max(1, Number(nplurals) || 1) - 1;
  return (count) => {
    const index = Number(rule(Math.abs(Math.trunc(Number(count) || 0))));
    return Math.min(Math.max(index, 0), max);
  };
}

/**
 * The text of a message for `count` from a compiled catalog ({plural_forms, messages}, see
 * locales/build.py): its form by the catalog's rule, or English's rule when untranslated.
 */
export function pluralText(catalog, singular, plural, count) {
  const forms = catalog.messages[singular];
  if (!Array.isArray(forms)) return Number(count) === 1 ? singular : plural;
  if (!catalog.rule) {
    const how = catalog.plural_forms || { nplurals: 2, expr: "n != 1" };
    catalog.rule = pluralRule(how.expr, how.nplurals);
  }
  return forms[catalog.rule(count)] || singular;
}
