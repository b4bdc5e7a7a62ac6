// The chip citizen-ID card's QR code: `ID|old ID|full name|date of birth|sex|address|issue
// date`, dates as ddmmyyyy, sex written "Nam" (male) or "Nữ" (female). Read here to fill the
// registration form; the server checks every field again (api/services/registrations.py).

/** ddmmyyyy -> yyyy-mm-dd (the value of an <input type="date">), or "" if it is no date. */
function isoDay(text) {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(text || "");
  if (!m) return "";
  const [, dd, mm, yyyy] = m;
  const day = new Date(Date.UTC(+yyyy, +mm - 1, +dd));
  const real = day.getUTCFullYear() === +yyyy && day.getUTCMonth() === +mm - 1
    && day.getUTCDate() === +dd;
  return real ? `${yyyy}-${mm}-${dd}` : "";
}

/** "Nam" -> "M", "Nữ" -> "F" (any case, composed or not); else "". */
function sexOf(text) {
  const word = (text || "").normalize("NFC").trim().toLowerCase();
  if (word === "nam") return "M";
  if (word === "nữ" || word === "nu") return "F";
  return "";
}

/**
 * The form fields an ID card's QR holds, or null when the text is not such a QR (a
 * wallet card, a web address...). The 12-digit ID and the full name must be there.
 */
export function parseIdCard(text) {
  const parts = (text || "").normalize("NFC").split("|").map((part) => part.trim());
  if (parts.length < 7 || !/^\d{12}$/.test(parts[0]) || !parts[2]) return null;
  const [citizenId, oldId, fullName, dob, sex, address, issued] = parts;
  return {
    citizen_id: citizenId,
    old_id: /^\d{9}$/.test(oldId) ? oldId : "",
    full_name: fullName.replace(/\s+/g, " "),
    dob: isoDay(dob),
    sex: sexOf(sex),
    address: address.replace(/\s+/g, " "),
    id_issued: isoDay(issued),
  };
}
