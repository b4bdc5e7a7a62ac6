// Service-worker registration and the "update available" prompt. A new deployment installs
// in the background and waits; the reader chooses when to switch (an open tab never loses a
// lazily loaded chunk of the old version under its feet).
import { useEffect, useState } from "react";
import { useT } from "./i18n.js";

export function UpdatePrompt() {
  const t = useT();
  const [waiting, setWaiting] = useState(null);
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return undefined;
    let reloading = false;
    const onChange = () => {
      if (!reloading) {
        reloading = true;
        window.location.reload();
      }
    };
    navigator.serviceWorker.register("/sw.js").then((registration) => {
      const offer = (worker) => {
        if (worker && navigator.serviceWorker.controller) setWaiting(worker);
      };
      offer(registration.waiting);
      registration.addEventListener("updatefound", () => {
        const worker = registration.installing;
        if (!worker) return;
        worker.addEventListener("statechange", () => {
          if (worker.state === "installed") offer(worker);
        });
      });
      // Look for a new version on every app open and hourly while it stays open.
      registration.update().catch(() => {});
      setInterval(() => registration.update().catch(() => {}), 3600000);
    }).catch(() => {});
    navigator.serviceWorker.addEventListener("controllerchange", () => {
      if (window.__walletUpdating) onChange();
    });
    return undefined;
  }, []);
  if (!waiting) return null;
  return (
    <div className="update-prompt" role="status" id="update-prompt">
      <span>{t("A new version of the app is ready.")}</span>
      <button type="button" className="btn" onClick={() => {
        window.__walletUpdating = true;
        waiting.postMessage({ type: "SKIP_WAITING" });
      }}>{t("Update")}</button>
    </div>
  );
}
