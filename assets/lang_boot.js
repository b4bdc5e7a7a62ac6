// Runs in <head> before anything is painted (a plain external script, so a Content Security
// Policy can allow it by its path): puts the page in the reader's chosen language at once,
// its `lang` (CJK glyphs) and its tab title, from /i18n/titles.js (written by
// locales/build.py). The app (assets/i18n.js) then loads the catalog and takes over with
// the same choice: localStorage "lang", else the `lang` cookie, else the browser's languages.
(function () {
  var titles = self.BHXH_TITLES || {};
  var lang = null;
  try {
    lang = window.localStorage.getItem("lang");
  } catch (e) {
    /* storage blocked: the cookie still carries the choice */
  }
  if (!titles[lang]) {
    var cookie = document.cookie.match(/(?:^|;\s*)lang=([a-z]{2})/);
    lang = cookie ? cookie[1] : null;
  }
  var wanted = navigator.languages || [navigator.language || ""];
  for (var i = 0; !titles[lang] && i < wanted.length; i++) {
    lang = String(wanted[i]).slice(0, 2).toLowerCase();
  }
  if (!titles[lang]) return; // no choice and no known language: the page's default stands
  document.documentElement.lang = lang;
  var path = window.location.pathname.replace(/\/+$/, "").replace(/\.html$/, "") || "/";
  // Kept for assets/doc_title.jsx: React's hydration may put the prerendered title back
  // before the app has the language's catalog.
  self.BHXH_BOOT_TITLE = titles[lang][path] || "";
  if (self.BHXH_BOOT_TITLE) document.title = self.BHXH_BOOT_TITLE;
})();
