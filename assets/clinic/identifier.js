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

/** A QR reader (a keyboard wedge) types the QR's text into the field: "BV1:...", "BVD1:..."
 * and the like, or any other QR's text (a web address...), which then gets the "not a
 * wallet card" verdict: text a person types as a code holds only letters, digits, spaces,
 * dots and dashes. */
export const isQrText = (text) => /[^\sA-Za-z0-9.-]/.test(String(text || "").trim());
