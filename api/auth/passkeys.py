"""Passkeys (WebAuthn, py_webauthn): registration on a bound device, and one-tap login.

Rules enforced here (see also device_binding.py):
- RP ID and allowed origins come from configuration (WEBAUTHN_RP_ID, WEBAUTHN_ORIGINS).
- Challenges are random, stored server-side, used once (consumed with
  `UPDATE ... WHERE consumed_at IS NULL`), expire after 5 minutes, and are tied to what asked
  for them: a registration to the person and device, a login to the device key that asked.
- User verification (fingerprint, face, PIN) is required; discoverable credentials are
  preferred so nobody has to type a code.
- The library is told the stored sign count is 0 and the app compares counts itself: a count
  that does not increase (when either is non-zero) is recorded, switches that passkey off and
  asks for an SMS code; synced passkeys that always report 0 keep working.
- A passkey logs in only on its own device while that device is the active one; a revoked
  device's passkeys never verify again.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from dataclasses import dataclass

from sqlalchemy import delete, update
from sqlmodel import Session, col, select
from webauthn import (
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import base64url_to_bytes, bytes_to_base64url
from webauthn.helpers.exceptions import (
    InvalidAuthenticationResponse,
    InvalidJSONStructure,
    InvalidRegistrationResponse,
)
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from api.auth import device_keys, events
from api.auth.models import Device, Passkey, StaffAccount, WebAuthnChallenge
from api.auth.secrets import digest
from api.clock import utcnow
from api.config import settings
from api.domain.models import Person
from api.services.errors import UserError

OPEN_PER_ASKER = 5
CHALLENGE_LIFETIME = dt.timedelta(minutes=5)
RP_NAME = "BHXH số"


@dataclass(frozen=True)
class PasskeyLogin:
    """A verified passkey login."""

    person: Person
    device: Device


def _new_challenge(session: Session, purpose: str, person_id: int | None = None,
                   device_id: int | None = None, key_thumbprint: str = "") -> bytes:
    """A stored challenge. Expired ones are swept here, and one asker (device key or
    device) keeps at most OPEN_PER_ASKER open ones (the oldest go), so asking again and
    again never fills the table and never locks the asker out."""
    raw = secrets.token_bytes(32)
    now = utcnow()
    session.execute(delete(WebAuthnChallenge).where(col(WebAuthnChallenge.expires_at) < now))
    mine = (col(WebAuthnChallenge.key_thumbprint) == key_thumbprint if key_thumbprint
            else col(WebAuthnChallenge.device_id) == device_id)
    open_ids = session.exec(select(WebAuthnChallenge.id).where(
        WebAuthnChallenge.purpose == purpose, mine,
        col(WebAuthnChallenge.consumed_at).is_(None))
        .order_by(col(WebAuthnChallenge.id).desc())).all()
    if len(open_ids) >= OPEN_PER_ASKER:
        session.execute(delete(WebAuthnChallenge).where(
            col(WebAuthnChallenge.id).in_(open_ids[OPEN_PER_ASKER - 1:])))
    session.add(WebAuthnChallenge(purpose=purpose, challenge=bytes_to_base64url(raw),
                                  person_id=person_id, device_id=device_id,
                                  key_thumbprint=key_thumbprint, created_at=now,
                                  expires_at=now + CHALLENGE_LIFETIME))
    return raw


def _client_challenge(credential: dict) -> str:
    """The challenge the browser signed, read from clientDataJSON (checked again by the
    library against the stored one)."""
    try:
        client_data = json.loads(base64url_to_bytes(credential["response"]["clientDataJSON"]))
        return str(client_data["challenge"])
    except (KeyError, TypeError, ValueError) as exc:
        raise UserError("passkey_invalid") from exc


def _consume(session: Session, purpose: str, challenge: str) -> WebAuthnChallenge:
    """Take a stored challenge once; refuses unknown, expired and replayed ones."""
    row = session.exec(select(WebAuthnChallenge).where(
        WebAuthnChallenge.challenge == challenge, WebAuthnChallenge.purpose == purpose)).first()
    if row is None:
        raise UserError("challenge_unknown")
    now = utcnow()
    if row.expires_at < now:
        raise UserError("challenge_expired")
    used = session.execute(update(WebAuthnChallenge).where(
        col(WebAuthnChallenge.id) == row.id, col(WebAuthnChallenge.consumed_at).is_(None))
        .values(consumed_at=now)).rowcount
    if used != 1:
        raise UserError("challenge_used")
    return row


def _as_dict(credential: str | dict) -> dict:
    try:
        data = json.loads(credential) if isinstance(credential, str) else credential
    except ValueError as exc:
        raise UserError("passkey_invalid") from exc
    if not isinstance(data, dict):
        raise UserError("passkey_invalid")
    return data


def _same_login(staff_id: int | None):
    """Passkeys of one login: the citizen's, or one staff account's (by their device)."""
    column = col(Device.staff_id)
    return column.is_(None) if staff_id is None else column == staff_id


def user_handle(session: Session, person_id: int, staff_id: int | None = None) -> bytes:
    """The person's WebAuthn user.id: opaque (no code or name in it), the same across their
    passkeys. Derived with the server key so options and registration agree without
    storing it; an existing passkey's handle wins if the key was ever rotated. A staff
    login has its own handle: on a phone that holds both, one passkey must not replace the
    other (an authenticator keeps one credential per site and user.id)."""
    existing = session.exec(select(Passkey.user_handle).join(
        Device, col(Device.id) == col(Passkey.device_id)).where(
        Passkey.person_id == person_id, _same_login(staff_id))).first()
    if existing:
        return base64url_to_bytes(existing)
    if staff_id is not None:
        return bytes.fromhex(digest("webauthn-staff", str(staff_id))[:32])
    return bytes.fromhex(digest("webauthn-user", str(person_id))[:32])


def registration_options(session: Session, person: Person, device: Device,
                         staff_code: str = "") -> str:
    """Options JSON for `navigator.credentials.create` (caller commits); a staff device's
    passkey is named by the staff code."""
    cfg = settings()
    excluded = session.exec(select(Passkey.credential_id).join(
        Device, col(Device.id) == col(Passkey.device_id)).where(
        Passkey.person_id == person.id, _same_login(device.staff_id),
        col(Passkey.revoked_at).is_(None))).all()
    options = generate_registration_options(
        rp_id=cfg.webauthn_rp_id, rp_name=RP_NAME, user_name=staff_code or person.code,
        user_display_name=person.full_name,
        user_id=user_handle(session, person.id, device.staff_id),
        challenge=_new_challenge(session, "register", person.id, device.id),
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.PREFERRED,
            user_verification=UserVerificationRequirement.REQUIRED),
        exclude_credentials=[PublicKeyCredentialDescriptor(id=base64url_to_bytes(c))
                             for c in excluded],
        timeout=int(CHALLENGE_LIFETIME.total_seconds() * 1000))
    return options_to_json(options)


def register(session: Session, person: Person, device: Device, credential: str | dict,
             client: str = "") -> Passkey:
    """Verify `credential.toJSON()` from the browser and store the passkey (commits)."""
    cfg = settings()
    data = _as_dict(credential)
    row = _consume(session, "register", _client_challenge(data))
    if row.person_id != person.id or row.device_id != device.id:
        raise UserError("challenge_unknown")
    try:
        verified = verify_registration_response(
            credential=data, expected_challenge=base64url_to_bytes(row.challenge),
            expected_rp_id=cfg.webauthn_rp_id, expected_origin=list(cfg.webauthn_origins),
            require_user_verification=True)
    except (InvalidRegistrationResponse, InvalidJSONStructure) as exc:
        session.commit()  # the challenge stays consumed
        raise UserError("passkey_invalid") from exc
    handle = bytes_to_base64url(user_handle(session, person.id, device.staff_id))
    passkey = Passkey(person_id=person.id, device_id=device.id,
                      credential_id=bytes_to_base64url(verified.credential_id),
                      public_key=verified.credential_public_key, user_handle=handle,
                      sign_count=verified.sign_count,
                      backed_up=bool(verified.credential_backed_up), created_at=utcnow())
    session.add(passkey)
    events.record(session, person.id, "passkey_created", device.name, client,
                  staff_id=device.staff_id)
    session.commit()
    return passkey


def login_options(session: Session, jwk: dict[str, str]) -> str:
    """Options JSON for `navigator.credentials.get`, tied to the asking device key."""
    options = generate_authentication_options(
        rp_id=settings().webauthn_rp_id,
        challenge=_new_challenge(session, "login", key_thumbprint=device_keys.thumbprint(jwk)),
        user_verification=UserVerificationRequirement.REQUIRED,
        timeout=int(CHALLENGE_LIFETIME.total_seconds() * 1000))
    session.commit()
    return options_to_json(options)


def login(session: Session, credential: str | dict, jwk: dict[str, str], device_signature: str,
          client: str = "") -> PasskeyLogin:
    """Verify a passkey assertion made on the device holding `jwk` (commits).

    `device_signature` is the device key's signature over the challenge: possession of the
    device key, not only of the passkey (which may be synced to other phones).
    """
    cfg = settings()
    data = _as_dict(credential)
    challenge = _client_challenge(data)
    row = _consume(session, "login", challenge)
    session.commit()  # consumed even if what follows fails: no second try with it
    if row.key_thumbprint != device_keys.thumbprint(jwk) or not device_keys.verify(
            jwk, base64url_to_bytes(challenge), device_signature):
        raise UserError("device_proof")
    passkey = session.exec(select(Passkey).where(
        Passkey.credential_id == str(data.get("id") or data.get("rawId") or ""))).first()
    if passkey is None:
        raise UserError("passkey_unknown")
    device = session.get(Device, passkey.device_id)
    person = session.get(Person, passkey.person_id)
    if passkey.revoked_at is not None or device is None or device.revoked_at is not None:
        events.record(session, passkey.person_id, "passkey_refused", device.name if device
                      else "", client, staff_id=device.staff_id if device else None)
        session.commit()
        raise UserError("passkey_revoked")
    try:
        verified = verify_authentication_response(
            credential=data, expected_challenge=base64url_to_bytes(row.challenge),
            expected_rp_id=cfg.webauthn_rp_id, expected_origin=list(cfg.webauthn_origins),
            credential_public_key=passkey.public_key, credential_current_sign_count=0,
            require_user_verification=True)
    except (InvalidAuthenticationResponse, InvalidJSONStructure) as exc:
        events.record(session, passkey.person_id, "passkey_refused", device.name, client,
                      staff_id=device.staff_id)
        session.commit()
        raise UserError("passkey_invalid") from exc
    handle = (data.get("response") or {}).get("userHandle")
    if handle and handle != passkey.user_handle:
        raise UserError("passkey_invalid")
    new_count = verified.new_sign_count
    if (new_count > 0 or passkey.sign_count > 0) and new_count <= passkey.sign_count:
        # A cloned authenticator, or a synced passkey misbehaving: neither accept silently
        # nor lock the person out; the SMS code re-binds and a new passkey can be made.
        passkey.revoked_at = utcnow()
        session.add(passkey)
        events.record(session, passkey.person_id, "sign_count_regression", device.name, client,
                      staff_id=device.staff_id)
        session.commit()
        raise UserError("passkey_cloned")
    if device.key_thumbprint != row.key_thumbprint:
        # The passkey is fine but this is not the bound device: moving needs an SMS code.
        staff = session.get(StaffAccount, device.staff_id) if device.staff_id else None
        raise UserError("device_rebind", status=409,
                        code=staff.staff_code if staff else person.code)
    now = utcnow()
    passkey.sign_count, passkey.last_used = new_count, now
    passkey.backed_up = bool(verified.credential_backed_up)
    device.last_seen = now
    session.add(passkey)
    session.add(device)
    events.record(session, person.id, "login_passkey", device.name, client,
                  staff_id=device.staff_id)
    session.commit()
    return PasskeyLogin(person, device)


def has_passkey(session: Session, device_id: int) -> bool:
    """Whether this device has a live passkey."""
    return session.exec(select(Passkey.id).where(
        Passkey.device_id == device_id, col(Passkey.revoked_at).is_(None))).first() is not None
