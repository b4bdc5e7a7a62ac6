// A page opened by tapping a push notification carries `?notice=<id>` (assets/sw_push.js):
// that notice has been read. It is marked read as the button on the notices screen does
// (offline too, synced later), and the parameter leaves the address bar.
import * as engine from "../sync/engine.js";
import * as store from "../sync/store.js";

export async function markOpenedNotice() {
  const url = new URL(window.location.href);
  const id = url.searchParams.get("notice");
  if (!id) return;
  url.searchParams.delete("notice");
  window.history.replaceState(window.history.state, "", url.pathname + url.search + url.hash);
  if (!/^\d{1,9}$/.test(id)) return;
  let known = null;
  try {
    known = (await store.docs("notice")).find((item) => item.id === id) || null;
  } catch (e) {
    /* records locked (passkey): the server still learns it was read */
  }
  if (known && known.doc.read) return;
  await engine.queue("notice.read", { notice_id: Number(id) },
    known ? () => store.putDoc("notice", id, { ...known.doc, read: true }) : undefined);
}
