"""Enum codes and the message ids that name them: the one list Python and the browser share.

`locales.build` writes these maps into `assets/i18n/formats.json` (key "labels"), which
`assets/i18n.js` reads, so a code shown on a server-rendered page and on an offline screen
gets the same words. Values are message ids (English), translated where they are shown.
"""

from __future__ import annotations

from locales import N_

# Insurance schemes (api.domain.models.Scheme values).
SCHEMES: dict[str, str] = {
    "BHXH": N_("Social insurance (BHXH)"),
    "BHTN": N_("Unemployment insurance (BHTN)"),
    "BHTNLD": N_("Occupational accident and disease insurance (BHTNLĐ-BNN)"),
    "BHYT": N_("Health insurance (BHYT)"),
}
BENEFITS: dict[str, str] = {
    "sickness": N_("Sickness"), "maternity": N_("Maternity"),
    "accident": N_("Occupational accident"), "one_time": N_("One-time payment"),
    "pension": N_("Monthly pension"),
}
BENEFIT_STATUS: dict[str, str] = {"paid": N_("Paid"), "processing": N_("Being processed")}
DOCUMENTS: dict[str, str] = {"sick_leave": N_("Sick-leave certificate"),
                             "discharge": N_("Discharge paper"),
                             "birth": N_("Birth certificate")}
SEX: dict[str, str] = {"M": N_("Male"), "F": N_("Female")}
FACILITY_LEVELS: dict[str, str] = {
    "central": N_("Central hospital"), "province": N_("Provincial hospital"),
    "district": N_("District health centre"), "commune": N_("Commune health station"),
    "private": N_("Private clinic"),
}
BENEFICIARY_GROUPS: dict[str, str] = {
    "DN": N_("Employees of enterprises"),
    "HC": N_("Civil servants"),
    "HT": N_("Pensioners"),
    "GD": N_("Household members"),
    "TE": N_("Children under six"),
    "HS": N_("School pupils"),
    "SV": N_("Students"),
    "CN": N_("Near-poor households"),
    "XK": N_("Workers abroad"),
}
# Service requests a person may draft (sync "draft.save" kinds), in the order shown.
REQUESTS: dict[str, str] = {
    "reissue_card": N_("Re-issue my health-insurance card"),
    "reissue_book": N_("Re-issue my social-insurance book"),
    "pension_payment": N_("Change where my pension is paid"),
    "authorise": N_("Authorise someone to collect my benefits"),
    "voluntary": N_("Continue voluntary social insurance"),
    "change_facility": N_("Change my registered primary-care facility"),
    "family_link": N_("Add my child's card (under six)"),
    "other": N_("Other request"),
}
# Who a parent or guardian is to a child whose card they show (api/domain/family.py).
RELATIONS: dict[str, str] = {
    "mother": N_("Mother"), "father": N_("Father"), "guardian": N_("Guardian"),
}
# Why a card or book is re-issued.
REISSUE_REASONS: dict[str, str] = {
    "lost": N_("Lost"), "damaged": N_("Damaged"), "details_changed": N_("My details changed"),
}
# How a pension is paid.
PAYOUT_METHODS: dict[str, str] = {
    "post": N_("Cash at a post office"), "bank": N_("Into a bank account"),
}
# Where a request or a registration stands (api/domain/cases.CaseStatus).
CASE_STATUS: dict[str, str] = {
    "submitted": N_("Submitted"), "received": N_("Received by the agency"),
    "needs_info": N_("More information needed"), "done": N_("Approved and done"),
    "rejected": N_("Rejected"), "withdrawn": N_("Withdrawn"),
}
# The longest text a service-request draft may have, in characters (Unicode code points):
# the server refuses a longer one with "draft_too_long"; the phone counts as it is typed.
DRAFT_TEXT_MAX = 4000
# Notice kinds; a notice's params fill the placeholders (the phone formats them).
NOTICES: dict[str, str] = {
    "card_expiring": N_("Your health-insurance card expires on {day}. Renew it in time."),
    "child_card_ending": N_("Your child {child}'s free health-insurance card ends on {day}, "
                            "the day before they turn six. From then on, insure them through "
                            "their school or with your household."),
    "contribution_due": N_("Your voluntary contribution for {month} is due."),
    "new_visit": N_("A new insured visit was recorded: {facility}, {amount}."),
    "pension_adjusted": N_("Your pension was adjusted from {day}."),
    "employer_arrears": N_("Your employer {employer} has not paid your insurance "
                           "contributions since {month}. Ask them to pay: until they do, "
                           "some benefits may be held back."),
    "visit_recorded": N_("{facility} recorded a visit with your health-insurance card on "
                         "{day}. If it was not you, call the hotline 1900 9068."),
    "announcement": N_("From the social-insurance agency: {text}"),
    # A service request's steps ({request} is a REQUESTS label, {reason} the officer's words).
    "request_submitted": N_("Your request was sent: {request}."),
    "request_received": N_("The agency received your request: {request}."),
    "request_needs_info": N_("The agency needs more information for your request "
                             "({request}): {reason}"),
    "request_done": N_("Your request was approved and done: {request}."),
    "request_rejected": N_("Your request was rejected ({request}): {reason}"),
    "request_withdrawn": N_("You withdrew your request: {request}."),
    "registration_approved": N_("Your account registration was approved. Welcome to "
                                "BHXH wallet."),
    "registration_rejected": N_("Your account registration was refused: {reason}"),
    "registration_needs_info": N_("Your account registration needs more information: "
                                  "{reason}"),
    # Payments (api/payments/orders.py).
    "card_renewed": N_("{name}'s health-insurance card was renewed until {day}. The new card "
                       "is on the phone."),
    "household_paid": N_("Your payment for your household's health insurance was received. "
                         "The members' cards are renewed."),
    "voluntary_paid": N_("Your voluntary contributions were received, paid until {month}."),
}
# The screen a notice opens when its push notification is tapped.
NOTICE_SCREENS: dict[str, str] = {
    "card_expiring": "/card", "child_card_ending": "/card", "contribution_due": "/history",
    "employer_arrears": "/history",
    "new_visit": "/medical", "visit_recorded": "/medical", "pension_adjusted": "/benefits",
    "announcement": "/notices", "request_submitted": "/requests",
    "request_received": "/requests", "request_needs_info": "/requests",
    "request_done": "/requests", "request_rejected": "/requests",
    "request_withdrawn": "/requests",
    "registration_approved": "/notices",
    "registration_rejected": "/register", "registration_needs_info": "/register",
    "card_renewed": "/card", "household_paid": "/notices", "voluntary_paid": "/history",
}
# Why a clinic checked a person in (a visit recorded at the desk).
VISIT_REASONS: dict[str, str] = {
    "outpatient": N_("Outpatient visit"), "inpatient": N_("Inpatient stay"),
    "emergency": N_("Emergency"), "referral": N_("Referral from another facility"),
}
# What a clinic did with a person's card: the citizen's "who viewed my card" list.
VIEW_ACTIONS: dict[str, str] = {
    "scan": N_("Card scanned"), "typed": N_("Card number typed in"),
    "photo": N_("Photo viewed"), "visit": N_("Visit recorded"),
}

ALL: dict[str, dict[str, str]] = {
    "schemes": SCHEMES, "benefits": BENEFITS, "benefit_status": BENEFIT_STATUS,
    "documents": DOCUMENTS, "sex": SEX, "facility_levels": FACILITY_LEVELS,
    "beneficiary_groups": BENEFICIARY_GROUPS, "requests": REQUESTS, "notices": NOTICES,
    "visit_reasons": VISIT_REASONS, "view_actions": VIEW_ACTIONS,
    "reissue_reasons": REISSUE_REASONS, "payout_methods": PAYOUT_METHODS,
    "case_status": CASE_STATUS, "relations": RELATIONS,
}

# Page route -> page title. The pages use it, and the head script (assets/lang_boot.js)
# shows the title in the reader's language before the app starts (assets/i18n/titles.js).
PAGES: dict[str, str] = {
    "/": N_("Home"),
    "/login": N_("Log in"),
    "/register": N_("Register for an account"),
    "/lookup": N_("Look-ups"),
    "/help": N_("Help and support"),
    "/news": N_("News and guides"),
    "/profile": N_("Profile"),
    "/security": N_("Devices and security"),
    "/card": N_("Health-insurance card"),
    "/history": N_("Participation history"),
    "/benefits": N_("Benefits"),
    "/medical": N_("Medical history"),
    "/notices": N_("Notices"),
    "/requests": N_("Service requests"),
    "/clinic": N_("Check a card"),
    "/officer": N_("Service requests to handle"),
    "/officer/registrations": N_("Account registrations"),
    "/officer/messages": N_("Announcements and news"),
}
# The browser tab shows "<page title> · BHXH" (assets/doc_title.jsx does the same).
TITLE_FORMAT = "{title} · BHXH"
