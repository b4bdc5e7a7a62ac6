"""The printable card image: its QR, read back by a decoder nobody here wrote (zbarimg from
Debian's zbar-tools), verifies with the issuer key."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from api.card import image, qr
from api.domain.models import Person
from api.services import wallet

ZBARIMG = shutil.which("zbarimg")


def zbar(png: bytes, tmp_path: Path) -> str:
    path = tmp_path / "scan.png"
    path.write_bytes(png)
    out = subprocess.run([ZBARIMG, "--raw", "-q", "-Sdisable", "-Sqrcode.enable", str(path)],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


@pytest.mark.skipif(ZBARIMG is None, reason="zbarimg missing: apt-get install zbar-tools "
                                            "(make test installs it)")
@pytest.mark.parametrize("code, lang", [("0123456789", "vi"), ("2712345670", "en")])
def test_card_png_qr_decodes_and_verifies(use_db: Engine, tmp_path: Path, code: str,
                                          lang: str) -> None:
    with Session(use_db) as s:
        person = s.exec(select(Person).where(Person.code == code)).one()
        view = wallet.card_view(s, person.id, lang)
        png = image.render_card(view, person.photo, lang)
    assert Image.open(io.BytesIO(png)).size == (image.WIDTH, image.HEIGHT)
    scanned = zbar(png, tmp_path)
    assert scanned == view["qr_text"]
    claims = qr.verify(scanned)
    assert claims.code == code and claims.full_name == person.full_name


@pytest.mark.skipif(ZBARIMG is None, reason="zbarimg missing: apt-get install zbar-tools")
def test_screen_svg_qr_decodes(use_db: Engine, tmp_path: Path) -> None:
    import segno

    with Session(use_db) as s:
        person = s.exec(select(Person).where(Person.code == "0123456789")).one()
        text = wallet.card_view(s, person.id, "vi")["qr_text"]
    out = io.BytesIO()
    segno.make(text, error="m", boost_error=False).save(out, kind="png", scale=4, border=2)
    assert qr.verify(zbar(out.getvalue(), tmp_path)).code == "0123456789"


def test_card_png_is_drawn_once_per_card_version_and_language(use_db: Engine) -> None:
    """The image (~100 ms to draw) is served from memory until the card or the language
    changes; a changed card is drawn again at once, never served stale."""
    from starlette.testclient import TestClient

    from api.domain.models import Facility, HealthCard
    from api.http.app import build
    from tests.api.test_http import AN, get, login
    from tests.devicekit import Device

    client, device = TestClient(build(), raise_server_exceptions=False), Device()
    login(client, use_db, device)
    image.drawn.clear()

    def card(lang: str = "vi") -> bytes:
        answer = get(client, device, f"/api/me/card.png?lang={lang}")
        assert answer.status_code == 200 and answer.content[:4] == b"\x89PNG"
        return answer.content

    first = card()
    assert image.drawn.draws == 1
    assert card() == first and image.drawn.draws == 1  # the second request: not drawn again
    assert card("en") != first and image.drawn.draws == 2  # another language: its own image
    card_table, facility_table = HealthCard.__table__, Facility.__table__

    def change(table, column: str, value: object) -> object:
        """Set `column` of the demo person's card (or its facility): returns the old value."""
        with use_db.begin() as conn:
            card_row = conn.execute(card_table.select().where(
                card_table.c.number == AN)).one()
            key = (table.c.id == (card_row.facility_id if table is facility_table
                                  else card_row.id))
            old = conn.execute(table.select().where(key)).one()._mapping[column]
            conn.execute(table.update().where(key).values({column: value}))
        return old

    old_valid_to = change(card_table, "valid_to", dt.date(2099, 12, 31))  # renewed
    try:
        renewed = card()
        assert renewed != first and image.drawn.draws == 3
        old_name = change(facility_table, "name", "Bệnh viện Mới")  # its facility renamed
        try:
            assert card() != renewed and image.drawn.draws == 4
        finally:
            change(facility_table, "name", old_name)
    finally:
        change(card_table, "valid_to", old_valid_to)
