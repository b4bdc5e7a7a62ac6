// The top of the clinic page: who is at this desk and for which facility. Read from
// GET /api/clinic/me when online and kept in localStorage for offline days ("clinic-desk";
// "clinic-facility" holds the facility code the verdict compares with the card's).
import { useEffect, useState } from "react";
import { deviceFetch } from "../device.js";
import { useT } from "../i18n.js";

function kept() {
  try {
    return JSON.parse(window.localStorage.getItem("clinic-desk") || "null");
  } catch (e) {
    return null;
  }
}

export function DeskHeader() {
  const t = useT();
  const [desk, setDesk] = useState(null);
  useEffect(() => {
    setDesk(kept());
    if (!navigator.onLine) return;
    deviceFetch("/api/clinic/me").then((r) => (r.ok ? r.json() : null)).then((me) => {
      if (!me || !me.facility) return;
      const value = { staff: me.full_name, staffCode: me.staff_code, facility: me.facility.name,
        facilityCode: me.facility.code, province: me.facility.province };
      try {
        window.localStorage.setItem("clinic-desk", JSON.stringify(value));
        window.localStorage.setItem("clinic-facility", me.facility.code);
      } catch (e) {
        /* storage blocked: shown for this visit only */
      }
      setDesk(value);
    }).catch(() => null);
  }, []);
  if (!desk) return null;
  return (
    <section className="desk-header" aria-label={t("This desk")} id="desk-header">
      <p className="desk-facility" id="desk-facility">{desk.facility} <span className="desk-code">{desk.facilityCode}</span></p>
      <p className="desk-staff" id="desk-staff">{t("Staff: {name} ({code})", { name: desk.staff, code: desk.staffCode })}</p>
    </section>
  );
}
