"""User-facing errors: a stable reason code and a message that says what to do."""

from __future__ import annotations

import datetime as dt
import re

from locales import N_, Nn_, format_day, format_money, labels, tr, trn

# reason -> message id, or (singular, plural) ids for a message about a number: the value
# of its first placeholder picks the form. Placeholders are filled from the error's values.
MESSAGES: dict[str, str | tuple[str, str]] = {
    "empty": N_("Type your 10-digit social-insurance code."),
    "format": N_("That is not a social-insurance code. Type the 10 digits on your card, "
                 "the 15 characters of an old card, or your 12-digit personal ID number."),
    "unknown_person": N_("No insured person has this number. Check the digits, or look up "
                         "your code under Look-ups."),
    "resend_too_soon": N_("A code was just sent. You can ask for a new one in {seconds} s."),
    "daily_cap": N_("Too many codes were sent today. Try again tomorrow or call 1900 9068."),
    "otp_format": N_("The code has 6 digits. Type the digits from the text message."),
    "otp_none": N_("Ask for a code first."),
    "otp_used": N_("This code was already used. Ask for a new code."),
    "otp_expired": N_("This code has expired (codes last 5 minutes). Ask for a new code."),
    "otp_wrong": Nn_("Wrong code. {tries} try left for this code.",
                     "Wrong code. {tries} tries left for this code."),
    "otp_locked": N_("Too many wrong tries. Ask for a new code."),
    "sms_failed": N_("The text message could not be sent. Try again in a minute."),
    "not_logged_in": N_("Please log in first."),
    "wrong_role": N_("This account cannot use this page. Log in with the right account."),
    "staff_empty": N_("Type your staff code."),
    "staff_format": N_("That is not a staff code. It is your facility's code, a dash and two "
                       "digits, like 01H01-01."),
    "unknown_staff": N_("No active staff account has this code. Check it with your "
                        "facility's administrator."),
    "unknown_facility": N_("No facility has this code."),
    "staff_facility": N_("A clinic staff account needs a facility."),
    "staff_phone": N_("That is not a mobile phone number. Type 10 digits starting with 0."),
    "staff_name": N_("Type the staff member's full name (at most 80 characters)."),
    "staff_role": N_("This role does not exist."),
    "staff_province": N_("An officer account needs its province: give the two-digit "
                         "province code."),
    "staff_full": N_("This facility already has 99 staff accounts."),
    "ticket_invalid": N_("This login link has expired. Log in again."),
    "bad_page": N_("There is no such page. Showing the first page."),
    "search_empty": N_("Type at least 2 letters to search."),
    "search_too_long": N_("The search is too long. Type at most {max} characters."),
    "question_too_long": N_("The question is too long. Ask it in at most {max} characters."),
    "lookup_missing": N_("Fill in your full name, date of birth and province."),
    "lookup_none": N_("No code matches these details. Check the spelling of the name with "
                      "its accents and the date of birth."),
    "bad_request": N_("The request could not be read. Reload the page and try again."),
    "bad_language": N_("This language is not available. Choose one from the list."),
    "not_found": N_("Nothing was found at this address."),
    "server": N_("Something went wrong on our side. Your data is safe; try again in a "
                 "few minutes."),
    "unavailable": N_("The service cannot answer right now. Try again in a few minutes."),
    "qr_format": N_("This is not a wallet card QR code."),
    "qr_unknown_key": N_("This card was not signed by a known issuer. Do not accept it."),
    "qr_bad_signature": N_("The card data was changed after signing. Do not accept it."),
    "qr_expired": N_("This card has expired."),
    "qr_not_yet_valid": N_("This card is not valid yet. Check the dates on it."),
    "qr_revoked": N_("This card or phone was reported lost or replaced. Do not accept it."),
    "qr_stale": N_("This code is old: it may be a screenshot. Ask the holder to open the "
                   "card on their phone and show the live code."),
    "qr_wrong_device": N_("This card belongs to another phone: it was copied. Ask for an "
                          "ID document."),
    "desk_format": N_("Type the 10-digit code, the 15-character card number or the 12-digit "
                      "personal ID number, in full."),
    "unknown_card": N_("No insured person has this number. Check the digits with the card "
                       "holder."),
    "photo_not_allowed": N_("The photo is shown only for a card this clinic scanned or typed "
                            "in the last 12 hours."),
    "visit_reason": N_("Choose the reason for the visit: outpatient, inpatient, emergency or "
                       "referral."),
    "visit_other_staff": N_("This visit was recorded under staff code {staff}. It is sent when "
                            "{staff} logs in on this device again."),
    "visit_time": N_("The visit time is not possible. Check this device's date and time, "
                     "then record the visit again."),
    "card_replaced_today": N_("This card was already issued today. Replace it tomorrow, or "
                              "keep today's card."),
    "device_key": N_("This browser could not create its device key. Update the browser or "
                     "leave private mode, then reload the page."),
    "device_in_use": N_("This account is in use on another device. If you continue and type "
                        "the code we send to the registered phone, that device will be "
                        "signed out."),
    "bind_conflict": N_("Another device was being bound at the same moment. Try again."),
    "device_proof": N_("This session belongs to another device. Log in on this device."),
    "device_key_lost": N_("This browser no longer holds the key of your login (its saved "
                          "data was cleared, or the session came from another browser). Log "
                          "in again with a code sent by SMS."),
    "device_rebind": N_("Your account is bound to another device. Confirm with a code sent "
                        "to your phone to use it here."),
    "proof_nonce": N_("This request needs a fresh proof from your phone. Reload the page."),
    "proof_clock": N_("Your phone's clock is far off. Set the date and time automatically, "
                      "then reload the page."),
    "proof_replayed": N_("This request was already made once and cannot be repeated. Reload "
                         "the page."),
    "too_large": N_("What was sent is too large (at most {limit} KB). Shorten it and try "
                    "again."),
    "bad_encoding": N_("The changes sent could not be unpacked. Reload the page and try "
                        "again; nothing was lost."),
    "news_empty": N_("Write a title and a text in at least one language."),
    "news_half": N_("Write both a title and a text in {language}, or leave both empty."),
    "news_title_too_long": N_("A title has at most {max} characters."),
    "news_body_too_long": N_("A text has at most {max} characters."),
    "news_kind": N_("Choose whether it is news or a guide."),
    "announcement_empty": N_("Write the announcement in at least one language."),
    "announcement_too_long": N_("An announcement has at most {max} characters in each "
                                "language. Shorten it."),
    "announcement_audience": N_("Choose who gets the announcement: everyone, one province or "
                                "one beneficiary group."),
    "push_subscription": N_("This browser's notification subscription could not be read. "
                            "Turn notifications off and on again."),
    "push_service": N_("This browser's notification service is not supported. Use Chrome, "
                       "Edge, Firefox or Safari, or read your notices in the app."),
    "push_too_many": N_("This phone already has {limit} notification subscriptions. Turn "
                        "notifications off and on again."),
    "json_only": N_("The request could not be read. Reload the page and try again."),
    "cross_site": N_("This request came from another website and was refused. Open the "
                     "wallet itself and try again."),
    "method_not_allowed": N_("This address does not accept this kind of request."),
    "too_many_changes": N_("Too many changes at once (at most {limit}). The rest are sent "
                           "at the next sync."),
    "moved": N_("You were signed out because your account was moved to another device. "
                "The data stored on this device was deleted."),
    "signed_out": N_("This device was signed out. The data stored on it was deleted."),
    "challenge_unknown": N_("This passkey request is not known. Start again."),
    "challenge_expired": N_("The passkey request expired (5 minutes). Start again."),
    "challenge_used": N_("This passkey request was already used. Start again."),
    "passkey_invalid": N_("The passkey could not be checked. Try again, or log in with a code "
                          "sent by SMS."),
    "passkey_unknown": N_("This passkey is not registered. Log in with a code sent by SMS."),
    "passkey_revoked": N_("This passkey was switched off (the account moved or the device was "
                          "signed out). Log in with a code sent by SMS."),
    "draft_too_long": Nn_("The text is {over} character too long (at most {max}). Shorten it "
                          "and save again.",
                          "The text is {over} characters too long (at most {max}). Shorten it "
                          "and save again."),
    # Public-service request forms (api/services/request_forms.py) and their steps
    # (api/services/service_requests.py).
    "form_choose": N_("Choose one of the options."),
    "form_name": N_("Type a name (at most {max} characters)."),
    "form_date": N_("Type a date."),
    "form_amount": N_("Type an amount from {low} to {high}."),
    "form_account": N_("Type the bank account number: 6 to 19 digits."),
    "form_citizen_id": N_("Type the 12-digit personal ID number."),
    "form_until": N_("Choose a date after today and at most {months} months ahead."),
    "form_text": N_("Write what you need."),
    "form_photo": N_("Attach photos as JPEG, PNG or WebP, at most {count} of at most {kb} KB "
                     "each."),
    "facility_not_allowed": N_("This facility cannot be chosen: choose a contracted facility "
                               "of your province from the list."),
    "facility_same": N_("This is already your registered facility."),
    "child_unknown": N_("No child under six has this social-insurance code. Check it on the "
                        "child's card or birth certificate."),
    "child_linked": N_("This child's card is already on your account."),
    "birth_certificate": N_("Attach a photo of the child's birth certificate."),
    "facility_window": N_("The primary-care facility can be changed in the first 15 days of "
                          "a quarter. Keep this draft and send it from {day}."),
    "facility_quarter_used": N_("Your primary-care facility was already changed this quarter. "
                                "Send the request from {day}."),
    "request_open": N_("You already have a request of this kind in progress. Wait for its "
                       "answer, or withdraw it first."),
    "request_closed": N_("This request is already closed: {state}."),
    "request_not_waiting": N_("This request is not waiting for an answer from you."),
    "decide_action": N_("Choose what to do: receive, ask for information, approve or reject."),
    "decide_note": N_("Write the reason or the question for the citizen (at most {max} "
                      "characters)."),
    "decide_not_received": N_("Receive the request first."),
    "not_registered": N_("This code has no account in the app yet. Register first (the link "
                         "“Register” below); an officer checks it, then you can log in."),
    "already_registered": N_("This code already has an account. Log in with it."),
    "registration_pending": N_("A registration for this code is already waiting for an "
                               "officer. Follow it on the phone you registered with, or call "
                               "1900 9068."),
    "phone_format": N_("That is not a mobile phone number. Type 10 digits starting with 0."),
    "reg_citizen_id": N_("Type the 12 digits of your personal ID number, as on the chip ID "
                         "card."),
    "reg_old_id": N_("The old ID number has 9 digits. Leave it empty if you have none."),
    "reg_name": N_("Type your full name as on your ID card (at most 80 characters)."),
    "reg_dob": N_("Type your date of birth as on your ID card."),
    "reg_sex": N_("Choose male or female, as on your ID card."),
    "reg_issued": N_("The ID card's issue date is not possible. Check it, or leave it empty."),
    "reg_address": N_("The address is too long (at most {max} characters)."),
    "reg_email": N_("That is not an e-mail address. Check it, or leave it empty."),
    "reg_photo": N_("Take a photo of your face: a JPEG or PNG picture of at most {max} KB."),
    "receipt_unknown": N_("This registration is not known. Register again, or call "
                          "1900 9068."),
    "registration_not_waiting": N_("This registration is not waiting for an answer from you "
                                   "any more. Reload the page."),
    "answer_empty": N_("Write your answer, or correct the form (at most {max} characters)."),
    "registration_unknown": N_("No registration has this number."),
    "other_province": N_("This registration belongs to another province's officers."),
    "registration_decided": N_("This registration was already decided (by another officer, "
                               "perhaps). Reload it."),
    "decision_action": N_("Choose approve, refuse or ask for more information."),
    "decision_reason": N_("Write the reason or the question for the applicant (at most {max} "
                          "characters)."),
    "decision_mismatch": N_("The registration differs from the record. Confirm that you "
                            "checked the ID card before approving."),
    "bad_filter": N_("This filter does not exist. Choose one from the list."),
    # Household health insurance (api/services/household.py).
    "not_household_head": N_("Only the head of a household insured together can see and "
                             "renew its members' cards. Log in with the head's code."),
    "household_members_empty": N_("Choose at least one member of your household to renew."),
    "household_member_unknown": N_("Choose the members to renew from your household's list: "
                                   "someone chosen is not in your household."),
    "household_member_group": N_("{name} is insured in another group, so their card is not "
                                 "renewed with the household."),
    "household_months": N_("Choose how long to renew: 3, 6 or 12 months."),
    # Payments (api/payments/).
    "payment_kind": N_("Choose what to pay: your household's health insurance or your "
                       "voluntary social insurance."),
    "payment_unknown": N_("No payment of yours has this number."),
    "payment_not_paid": N_("This payment has not been made, so it has no receipt yet."),
    "payment_closed": N_("This payment is closed: it was made, refused, cancelled or it "
                         "expired. Start a new payment from the app."),
    "passkey_cloned": N_("For your safety this passkey was switched off: it may have been "
                         "copied. Log in with a code sent by SMS, then create a new one."),
}


class UserError(Exception):
    """An error the user can act on."""

    def __init__(self, reason: str, status: int = 400, **values: object) -> None:
        super().__init__(reason)
        self.reason, self.status, self.values = reason, status, values

    def message(self, lang: str) -> str:
        """The message in the user's language."""
        return explain(self.reason, lang, **self.values)


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


class Money(int):
    """An amount of đồng in an error's values: written in the reader's money format."""


def _formatted(values: dict[str, object], lang: str) -> dict[str, object]:
    out = {}
    for name, value in values.items():
        if isinstance(value, Money):
            value = format_money(value, lang)
        elif isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            value = format_day(value, lang)
        elif isinstance(value, Status):
            value = tr(lang, value.msgid)
        out[name] = value
    return out


class Status(str):
    """A case status in an error's values: written as its label in the reader's language."""

    @property
    def msgid(self) -> str:
        return labels.CASE_STATUS.get(str(self), str(self))


def explain(reason: str, lang: str, **values: object) -> str:
    """Translated message for a reason code."""
    values = _formatted(values, lang)
    msgid = MESSAGES.get(reason, MESSAGES["bad_request"])
    if isinstance(msgid, tuple):
        count = values.get(_PLACEHOLDER.findall(msgid[0])[0])
        return trn(lang, *msgid, count if isinstance(count, int) else 0, **values)
    return tr(lang, msgid, **values)
