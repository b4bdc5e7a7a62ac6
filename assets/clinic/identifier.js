// What a desk typed: the 10-digit social-insurance code, the 15-character card number of
// before 2021 (group, benefit-level digit, province, code) or the 12-digit personal ID
// number. The same rules as api/domain/codes.py parse_identifier (spaces, dots, dashes and
// case ignored); tests/browser/test_clinic_scan.py checks both agree.

/** {kind, value} (value: the cleaned text) or {error: "empty" | "format"}. */
export function parseIdentifier(text) {
  const cleaned = String(text || "").replace(/[\s.-]/g, "").toUpperCase();
  if (!cleaned) return { error: "empty" };
  if (/^\d{10}$/.test(cleaned)) return { kind: "code", value: cleaned };
  if (/^\d{12}$/.test(cleaned)) return { kind: "citizen_id", value: cleaned };
  if (/^[A-Z]{2}[1-5]\d{2}\d{10}$/.test(cleaned)) return { kind: "legacy_card", value: cleaned };
  return { error: "format" };
}

/** A QR reader (a keyboard wedge) types the QR's text into the field: "BV1:..." and the like. */
export const isQrText = (text) => /^[A-Z0-9]{2,4}:\S{10,}/i.test(String(text || "").trim());
