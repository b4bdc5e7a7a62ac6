// Web push in the service worker. Bundled into /sw-push.js at build (pwa/build/
// browser_modules.py) and imported by the generated worker (tools/build-sw.mjs).
// A notice the server pushes (api/push/sender.py; the browser has decrypted it) is shown as a
// notification worded in the reader's language, from the same catalogs and formats as the
// app (precached: it works with no network), and open pages are told so their inbox syncs.
// Tapping it opens the notice's screen, which marks the notice read (assets/screens/notices.jsx).
import { fill, titleIn } from "./formats.js";
import languages from "./i18n/languages.json";
import { noticeText } from "./notice_text.js";

async function catalog(lang) {
  const url = `/i18n/${lang}.json`;
  const hit = await caches.match(url, { ignoreSearch: true, ignoreVary: true });
  return (hit || await fetch(url)).json();
}

function translator(messages) {
  return (msgid, values) => {
    const found = messages[msgid];
    return fill((Array.isArray(found) ? found[0] : found) || msgid, values);
  };
}

function readNotice(data) {
  try {
    const notice = data && data.json();
    return notice && typeof notice.kind === "string" ? notice : null;
  } catch (e) {
    return null;
  }
}

async function show(data) {
  const notice = readNotice(data);
  const lang = notice && languages.enabled.includes(notice.lang) ? notice.lang
    : languages.default;
  let t = (msgid, values) => fill(msgid, values);
  try {
    t = translator((await catalog(lang)).messages);
  } catch (e) {
    /* no catalog: the English message ids */
  }
  const url = notice && typeof notice.url === "string" && notice.url.startsWith("/")
    ? `${notice.url}${notice.url.includes("?") ? "&" : "?"}notice=${notice.id}` : "/notices";
  await self.registration.showNotification(titleIn(t("Notices")), {
    body: notice ? noticeText(notice, t, lang) : t("You have a new notice. Open the app to read it."),
    tag: notice ? `notice-${notice.id}` : "notice",
    lang,
    icon: "/icons/icon-192.png",
    data: { url },
  });
  const pages = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  pages.forEach((page) => page.postMessage({ type: "notice-pushed", id: notice && notice.id }));
}

self.addEventListener("push", (event) => {
  event.waitUntil(show(event.data));
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = new URL((event.notification.data && event.notification.data.url) || "/notices",
    self.location.origin).href;
  event.waitUntil((async () => {
    const pages = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
    const open = pages.find((page) => new URL(page.url).origin === self.location.origin);
    if (open) {
      const focused = await open.focus();
      return (focused || open).navigate(target);
    }
    return self.clients.openWindow(target);
  })());
});
