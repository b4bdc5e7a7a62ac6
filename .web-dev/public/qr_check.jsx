// A badge under the card QR: the phone checks the QR's signature itself (WebCrypto), the
// same check a clinic's scanner makes, so the holder sees that the code will be accepted.
import { useEffect, useState } from "react";
import { issuerKeys, verifyCardQr } from "./card_qr.js";
import { useT } from "./i18n.js";

const REASONS = {
  qr_format: "This is not a wallet card QR code.",
  qr_unknown_key: "This card was not signed by a known issuer. Do not accept it.",
  qr_bad_signature: "The card data was changed after signing. Do not accept it.",
  qr_expired: "This card has expired.",
};

export function QrCheck({ text }) {
  const t = useT();
  const [result, setResult] = useState(null);
  useEffect(() => {
    if (!text) return undefined;
    let live = true;
    issuerKeys()
      .then((keys) => verifyCardQr(text, keys))
      .then(() => live && setResult("ok"))
      .catch((e) => live && setResult((e && e.reason) || "qr_format"));
    return () => {
      live = false;
    };
  }, [text]);
  if (!result) return null;
  const ok = result === "ok";
  return (
    <p className={ok ? "qr-check ok" : "qr-check bad"} role="status" data-result={result}>
      {ok ? t("Signature checked on this phone.") : t(REASONS[result] || REASONS.qr_format)}
    </p>
  );
}
