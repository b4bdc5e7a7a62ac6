"""The clinic's "Check a card" page (/clinic) in Chromium: a camera fed a video of a real
card QR (Chromium's fake camera playing a Y4M file made here from a QR the app's own code
signed) gives a verdict with the network off; a tampered QR and a QR that is not a wallet
card get their own messages; no camera, or a refused one, says what to do instead."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import segno
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from PIL import Image
from playwright.sync_api import Browser, BrowserContext, Page, expect

from api.card import keys, qr
from api.card.base45 import b45decode, b45encode
from tests.browser.conftest import CHROMIUM, HYDRATED, PHONE, Server, log_in, log_in_desk, shot

pytestmark = pytest.mark.browser
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu",
        "--disable-component-update", "--no-first-run"]
NAME = "Trần Thị Bích Ngọc"


def issuer(server: Server) -> ec.EllipticCurvePrivateKey:
    """The test server's issuer key (CARD_KEY_FILE beside its database)."""
    pem = Path(server.db_url.removeprefix("sqlite:///")).parent / "issuer.pem"
    key = serialization.load_pem_private_key(pem.read_bytes(), password=None)
    assert isinstance(key, ec.EllipticCurvePrivateKey)
    return key


def card_qr(server: Server, valid_to: dt.date | None = None) -> str:
    """A card QR text signed by the server's issuer key, as the card screen shows it."""
    key = issuer(server)
    valid_to = valid_to or dt.date.today() + dt.timedelta(days=365)
    return qr.sign(qr.CardClaims("7912345678", NAME, dt.date(1994, 9, 2), "F", "DN", 80,
                                 "79003", valid_to, dt.date.today(),
                                 keys.key_id(key.public_key())), key)


def tampered(text: str) -> str:
    """The same QR with one letter of the name changed and the signature kept."""
    blob = bytearray(b45decode(text[4:]))
    at = blob.index("Ngọc".encode())
    blob[at:at + 1] = b"M"
    return "BV1:" + b45encode(bytes(blob))


def y4m(text: str, path: Path, width: int = 640, height: int = 480, frames: int = 4) -> Path:
    """A YUV4MPEG2 (4:2:0) video of `text` as a QR code centred on white, for Chromium's
    fake camera (`--use-file-for-fake-video-capture`), which plays it in a loop."""
    code = segno.make(text, error="m", micro=False)
    side = code.symbol_size(scale=1, border=4)[0]
    scale = max(1, min(width, height) * 8 // 10 // side)
    symbol = Image.new("L", (side, side), 255)
    for y, row in enumerate(code.matrix_iter(scale=1, border=4)):
        for x, dark in enumerate(row):
            if dark:
                symbol.putpixel((x, y), 0)
    return y4m_picture(symbol.resize((side * scale, side * scale), Image.NEAREST), path,
                       width, height, frames)


def y4m_picture(symbol: Image.Image, path: Path, width: int = 640, height: int = 480,
                frames: int = 4) -> Path:
    """A YUV4MPEG2 video of a picture (grey) centred on white, scaled to fit."""
    symbol = symbol.convert("L")
    fit = min(width * 9 // 10 / symbol.width, height * 9 // 10 / symbol.height)
    if fit < 1:
        symbol = symbol.resize((int(symbol.width * fit), int(symbol.height * fit)))
    picture = Image.new("L", (width, height), 255)
    picture.paste(symbol, ((width - symbol.width) // 2, (height - symbol.height) // 2))
    luma = picture.tobytes()
    chroma = bytes([128]) * (width // 2 * height // 2)
    with path.open("wb") as out:
        out.write(f"YUV4MPEG2 W{width} H{height} F10:1 Ip A1:1 C420\n".encode())
        for _ in range(frames):
            out.write(b"FRAME\n" + luma + chroma + chroma)
    return path


def camera_browser(browser: Browser, video: Path | None) -> Browser:
    """A second Chromium whose camera is the fake one (playing `video`) and whose permission
    prompt says yes; with no video, one without any camera."""
    args = ARGS + (["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                    f"--use-file-for-fake-video-capture={video}"] if video else [])
    return browser.browser_type.launch(executable_path=CHROMIUM, args=args)


def clinic(chromium: Browser, server: Server, locale: str = "en-US",
           permissions: list[str] | None = None) -> tuple[BrowserContext, Page]:
    ctx = chromium.new_context(viewport=PHONE, device_scale_factor=1, locale=locale,
                               base_url=server.url, service_workers="allow",
                               permissions=permissions if permissions is not None
                               else ["camera"])
    page = ctx.new_page()
    log_in_desk(page, server)
    page.wait_for_function(HYDRATED, arg="#camera-toggle")
    return ctx, page


def ready_offline(page: Page) -> None:
    """Wait until the page can work with no network: the service worker controls it, the
    decoder's .wasm is in the scanner cache and the issuer keys are stored."""
    page.wait_for_function(
        "() => navigator.serviceWorker && navigator.serviceWorker.controller",
        polling=250, timeout=60000)
    page.wait_for_function(
        "() => caches.open('clinic-scanner').then(c => c.keys()).then(k => k.length === 1)",
        polling=250, timeout=30000)
    page.wait_for_function("() => Boolean(localStorage.getItem('card-keys'))", timeout=10000)


def scan(page: Page) -> str:
    """Start the camera and wait for a verdict; returns its key (ok_not_bound, qr_...)."""
    page.locator("#camera-toggle").click()
    verdict = page.locator("#verdict [data-verdict]")
    verdict.wait_for(timeout=30000)
    return verdict.get_attribute("data-verdict") or ""


@pytest.fixture
def video_dir(tmp_path: Path) -> Path:
    return tmp_path


@pytest.fixture
def closing() -> Iterator[list[Browser]]:
    opened: list[Browser] = []
    yield opened
    for chromium in opened:
        chromium.close()


def test_camera_frame_to_verdict_offline(browser: Browser, server: Server, video_dir: Path,
                                         closing: list[Browser]) -> None:
    chromium = camera_browser(browser, y4m(card_qr(server), video_dir / "card.y4m"))
    closing.append(chromium)
    ctx, page = clinic(chromium, server)
    foreign: list[str] = []
    page.on("request", lambda r: foreign.append(r.url)
            if not r.url.startswith((server.url, "data:", "blob:")) else None)
    ready_offline(page)
    shot(page, "clinic-idle-en")
    ctx.set_offline(True)
    page.reload()
    page.wait_for_function(HYDRATED, arg="#camera-toggle")
    assert scan(page) == "ok_not_bound"
    expect(page.locator("#verdict-name")).to_have_text(NAME)
    expect(page.locator("#verdict-title")).to_contain_text("not holder-bound")
    expect(page.locator("#verdict-facility")).to_have_text("79003")
    assert page.locator("#verdict").get_attribute("role") == "status"
    shot(page, "clinic-valid-en")
    # The next card: the camera is still on and reads again.
    page.locator("#scan-next").click()
    page.locator("#verdict [data-verdict]").wait_for(timeout=30000)
    # The desk leaving the page (here: the tab going to the background) stops the camera.
    page.evaluate("""() => { window.__stream = document.querySelector('#camera').srcObject;
        Object.defineProperty(document, 'visibilityState', {value: 'hidden',
                                                            configurable: true});
        document.dispatchEvent(new Event('visibilitychange')); }""")
    assert page.evaluate("""() => window.__stream !== null &&
        window.__stream.getTracks().every(t => t.readyState === 'ended') &&
        document.querySelector('#camera').srcObject === null""")
    assert not foreign, f"requests left the app's origin: {foreign}"
    ctx.close()


def test_the_phone_screen_to_the_desk_camera_offline(browser: Browser, page: Page,
                                                     server: Server, video_dir: Path,
                                                     closing: list[Browser]) -> None:
    """The citizen's live QR as the card screen draws it, filmed by the desk's camera with
    both offline: holder-bound and valid, its name shown."""
    log_in(page, server)
    page.goto("/card")
    code = page.locator("#card-qr[data-kind=live]")
    code.wait_for(timeout=20000)
    page.context.set_offline(True)
    # The desk must read it within the two minutes a live code is good for.
    code.evaluate("(el) => el.scrollIntoView({block: 'center'})")  # clear of the bottom bar
    screen = code.screenshot()
    video = y4m_picture(Image.open(io.BytesIO(screen)), video_dir / "phone.y4m")
    chromium = camera_browser(browser, video)
    closing.append(chromium)
    ctx, desk = clinic(chromium, server)
    ready_offline(desk)
    ctx.set_offline(True)
    desk.reload()
    desk.wait_for_function(HYDRATED, arg="#camera-toggle")
    assert scan(desk) == "ok_bound"
    expect(desk.locator("#verdict-name")).to_have_text("Nguyễn Văn An")
    shot(desk, "clinic-phone-live-en")
    ctx.close()


@pytest.mark.parametrize(("what", "verdict", "words"), [
    ("tampered", "qr_bad_signature", "changed after signing"),
    ("foreign", "qr_format", "Not a wallet card QR code"),
])
def test_bad_codes_have_their_own_message(browser: Browser, server: Server, video_dir: Path,
                                          closing: list[Browser], what: str, verdict: str,
                                          words: str) -> None:
    text = tampered(card_qr(server)) if what == "tampered" else "https://example.com/card"
    chromium = camera_browser(browser, y4m(text, video_dir / f"{what}.y4m"))
    closing.append(chromium)
    ctx, page = clinic(chromium, server, locale="vi-VN" if what == "tampered" else "en-US")
    assert scan(page) == verdict
    if what == "tampered":
        shot(page, "clinic-tampered-vi")
        page.evaluate("() => localStorage.setItem('lang', 'en')")
        page.reload()
        page.wait_for_function(HYDRATED, arg="#camera-toggle")
        assert scan(page) == verdict
        shot(page, "clinic-tampered-en")
    expect(page.locator("#verdict-title")).to_contain_text(words)
    assert page.locator("#verdict-name").count() == 0
    ctx.close()


def test_a_qr_reader_typing_into_the_field_is_checked_too(page: Page, server: Server) -> None:
    log_in_desk(page, server)
    page.wait_for_function(HYDRATED, arg="#typed-code")
    shot(page, "clinic-idle-vi")
    cases = [(card_qr(server), "ok_not_bound"), (tampered(card_qr(server)), "qr_bad_signature"),
             (card_qr(server, dt.date(2020, 1, 1)), "qr_expired")]
    for text, verdict in cases:
        page.locator("#typed-code").fill(text)
        page.locator("form button[type=submit]").click()
        shown = page.locator("#verdict [data-verdict]")
        shown.wait_for()
        assert shown.get_attribute("data-verdict") == verdict
        shot(page, f"clinic-{verdict}-vi")
        page.locator("#scan-next").click()


def test_typed_codes_are_checked_and_need_the_network(page: Page, server: Server) -> None:
    log_in_desk(page, server)
    page.wait_for_function(HYDRATED, arg="#typed-code")
    message = page.locator("#typed-message")
    page.locator("#typed-code").fill("12345")
    page.locator("form button[type=submit]").click()
    expect(message).to_contain_text("10")  # the three forms a code may take
    page.locator("#typed-code").fill("DN4 79 0123456789")
    page.context.set_offline(True)
    page.locator("form button[type=submit]").click()
    expect(message).to_have_text(re.compile(".+"))
    text = message.inner_text()
    page.context.set_offline(False)
    assert text and "10" not in text  # not the format message: the offline one


def test_no_camera_or_refused_says_type_the_code(browser: Browser, server: Server,
                                                 video_dir: Path,
                                                 closing: list[Browser]) -> None:
    # A camera exists but the permission is refused.
    chromium = browser.browser_type.launch(executable_path=CHROMIUM, args=ARGS + [
        "--use-fake-device-for-media-stream"])
    closing.append(chromium)
    ctx, page = clinic(chromium, server, permissions=[])
    page.locator("#camera-toggle").click()
    expect(page.locator("#camera-message")).to_have_text(
        "Allow the camera, or type the code below.")
    expect(page.locator("#camera-toggle")).to_have_text("Start camera")
    shot(page, "clinic-denied-en")
    ctx.close()
    # No camera at all.
    ctx, page = clinic(camera_browser(browser, None), server)
    closing.append(ctx.browser)
    page.locator("#camera-toggle").click()
    expect(page.locator("#camera-message")).to_contain_text("No camera found")
    ctx.close()


def test_page_title_width_and_accessibility(page: Page, server: Server) -> None:
    from tests.browser.test_accessibility import AXE, serious_violations

    log_in_desk(page, server)
    page.wait_for_function(HYDRATED, arg="#typed-code")
    expect(page.locator("h1.page-title")).to_have_text("Kiểm tra thẻ")
    expect(page).to_have_title("Kiểm tra thẻ · BHXH")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    if not AXE.exists():
        pytest.skip("axe-core missing: `make test` installs tools/node_modules")
    assert serious_violations(page) == []
    page.locator("#typed-code").fill(card_qr(server))
    page.locator("form button[type=submit]").click()
    page.locator("#verdict-name").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert serious_violations(page) == []
    page.locator("#scan-next").click()
    page.locator("#typed-code").fill("not a code")
    page.locator("form button[type=submit]").click()
    page.locator("#typed-message.alert").wait_for()
    assert serious_violations(page) == []


def test_typed_identifiers_follow_the_python_rules(page: Page, server: Server) -> None:
    from api.domain.codes import IdentifierError, parse_identifier

    samples = ["0123456789", " 0123-456.789 ", "001072012345", "DN4010123456789",
               "dn4 01 0123456789", "DN6010123456789", "D14010123456789", "012345678",
               "01234567890", "", "   ", "ABCDEFGHIJ", "0123456789012"]
    log_in_desk(page, server)
    got = page.evaluate("""async (samples) => {
        const m = await import('/clinic/identifier.js');
        return samples.map((s) => m.parseIdentifier(s));
    }""", samples)
    for text, js in zip(samples, got, strict=True):
        try:
            kind = parse_identifier(text).kind
        except IdentifierError as exc:
            assert js == {"error": str(exc)}, text
        else:
            assert js.get("kind") == kind, text
