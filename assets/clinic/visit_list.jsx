// Today's visits at this desk: each marked "waiting to send", "sent" or, when the server
// refused it (an unknown typed code...), with the server's message and a way to let it go.
// Visits recorded at the facility's other desks come from GET /api/clinic/visits.
import { useEffect, useState } from "react";
import { formatMoment, label, useLang, useT } from "../i18n.js";
import * as store from "./desk_store.js";
import { status, syncNow, todaysVisits } from "./desk_sync.js";

// Marks a message for translation where it is defined; translated where it is shown.
const N_ = (text) => text;

const BADGES = {
  waiting: ["badge badge-warn", N_("Waiting to send")],
  sent: ["badge badge-ok", N_("Sent")],
  refused: ["badge badge-error", N_("Needs attention")],
};

export function VisitList() {
  const t = useT();
  const lang = useLang();
  const [visits, setVisits] = useState(null);
  const [sync, setSync] = useState(status());

  useEffect(() => {
    let live = true;
    const read = () => todaysVisits().then((list) => {
      if (live) {
        setVisits(list);
        setSync(status());
      }
    }).catch(() => live && setVisits([]));
    read();
    const stop = store.subscribe(read);
    return () => {
      live = false;
      stop();
    };
  }, []);

  if (visits === null) return null;
  const waiting = visits.filter((v) => v.status === "waiting").length;
  return (
    <section className="panel visit-list" aria-labelledby="visits-title" id="visit-list">
      <h2 className="section-title" id="visits-title">{t("Today's visits")}</h2>
      {waiting && !sync.online ? (
        <p className="hint" id="visits-offline">{t("Offline: recorded visits are kept on this device and sent when the network is back.")}</p>
      ) : null}
      {visits.length === 0 ? <p className="hint" id="visits-empty">{t("No visit recorded today.")}</p> : null}
      <ul className="visits">
        {visits.map((v) => {
          const [badge, text] = BADGES[v.status] || BADGES.waiting;
          return (
            <li key={v.id} className={v.status === "refused" ? "visit attention" : "visit"}
              data-status={v.status} data-checkin={v.id}>
              <div className="visit-top">
                <span className="visit-name">{v.name || v.code}</span>
                <span className={badge}>{t(text)}</span>
              </div>
              <p className="visit-meta">
                {[v.name ? v.code : "", t(label("visit_reasons", v.reason)), formatMoment(v.at, lang),
                  v.checked_offline ? t("checked offline") : "",
                  v.elsewhere ? t("recorded at another desk") : ""].filter(Boolean).join(" · ")}
              </p>
              {v.status === "refused" ? (
                <>
                  <p className="alert alert-error visit-message">{v.message}</p>
                  <button type="button" className="btn btn-small" onClick={() => store.discard(v.id)}>
                    {t("Remove from the list")}
                  </button>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
      {waiting && sync.online ? (
        <button type="button" className="btn btn-small" id="visits-send" onClick={() => syncNow()}>
          {t("Send now")}
        </button>
      ) : null}
    </section>
  );
}
