// A badge under the card QR: the phone checks the QR's signatures itself (WebCrypto), the
// same checks a clinic's scanner makes, so the holder sees that the code will be accepted.
import { useEffect, useState } from "react";
import { issuerKeys, verifyAny } from "./card_qr.js";
import { useT } from "./i18n.js";

const REASONS = {
  qr_format: "This is not a wallet card QR code.",
  qr_unknown_key: "This card was not signed by a known issuer. Do not accept it.",
  qr_bad_signature: "The card data was changed after signing. Do not accept it.",
  qr_expired: "This card has expired.",
  qr_not_yet_valid: "This card is not valid yet. Check the dates on it.",
  qr_revoked: "This card or phone was reported lost or replaced. Do not accept it.",
  qr_stale: "This code is old: it may be a screenshot. Ask the holder to open the card on their phone and show the live code.",
  qr_wrong_device: "This card belongs to another phone: it was copied. Ask for an ID document.",
};

export function QrCheck({ text }) {
  const t = useT();
  const [result, setResult] = useState(null);
  useEffect(() => {
    if (!text) return undefined;
    let live = true;
    issuerKeys()
      .then((keys) => verifyAny(text, { keys }))
      .then((v) => live && setResult(v.ok ? "ok" : v.reason))
      .catch(() => live && setResult("qr_format"));
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
