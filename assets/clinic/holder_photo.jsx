// The holder's photo after an online scan: GET /api/clinic/photo/<code> (the server shows
// it only to a facility that checked this card lately, and logs the view for the holder).
import { useEffect, useState } from "react";
import { deviceFetch } from "../device.js";
import { useT } from "../i18n.js";

export function HolderPhoto({ code }) {
  const t = useT();
  const [url, setUrl] = useState("");
  useEffect(() => {
    let made = "";
    let live = true;
    deviceFetch(`/api/clinic/photo/${encodeURIComponent(code)}`)
      .then((r) => (r.ok ? r.blob() : null))
      .then((blob) => {
        if (blob && live) {
          made = URL.createObjectURL(blob);
          setUrl(made);
        }
      })
      .catch(() => null);
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [code]);
  if (!url) return null;
  return (
    <figure className="holder-photo">
      <img src={url} alt={t("Photo of the card holder")} id="holder-photo" width="96" height="128" />
      <figcaption className="hint">{t("Compare the face. This view is logged for the card holder.")}</figcaption>
    </figure>
  );
}
