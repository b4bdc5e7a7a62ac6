// A registration's status in words, the same for the applicant and the officer
// (api/domain/cases.py CaseStatus). Marked here, translated where shown.
const N_ = (text) => text;

export const STATUS_LABELS = {
  submitted: N_("Waiting for an officer"),
  needs_info: N_("More information needed"),
  done: N_("Approved"),
  rejected: N_("Refused"),
};

// The badge colour of each status (its words always say it too).
export const STATUS_TONES = {
  submitted: "badge-info", needs_info: "badge-warn", done: "badge-ok", rejected: "badge-error",
};
