"""The "card image": a picture of the card front (PNG) with the same signed QR, for
download and for printing as a paper fallback."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from api.card import qr
from api.card.drawn import Drawn
from locales import tr

WIDTH, HEIGHT = 1012, 638  # ID-1 card (85.6 x 54 mm) at 300 dpi
NAVY, BLUE, INK, MUTED = (11, 37, 69), (19, 99, 170), (20, 28, 38), (80, 92, 110)
_FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/opentype/noto"),
              Path("/usr/share/fonts/truetype/noto")]


@lru_cache(maxsize=16)
def _font(size: int, bold: bool = False, cjk: bool = False) -> ImageFont.FreeTypeFont:
    """DejaVu for Vietnamese, Noto CJK for Chinese/Japanese/Korean text (Debian fonts)."""
    names = (["NotoSansCJK-Bold.ttc", "NotoSansCJK-Regular.ttc"] if cjk else
             ["DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"])
    for folder in _FONT_DIRS:
        for name in names:
            if (folder / name).exists():
                return ImageFont.truetype(str(folder / name), size)
    return ImageFont.load_default(size)


def _needs_cjk(text: str) -> bool:
    return any(ord(ch) >= 0x2E80 for ch in text)


def _text(draw: ImageDraw.ImageDraw, xy: tuple[int, int], text: str, size: int,
          bold: bool = False, fill: tuple[int, int, int] = INK) -> None:
    draw.text(xy, text, font=_font(size, bold, _needs_cjk(text)), fill=fill)


def render_card(card: dict[str, str], photo: bytes | None, lang: str) -> bytes:
    """PNG bytes of the card front for the `card_view` dict."""
    image = Image.new("RGB", (WIDTH, HEIGHT), (246, 250, 255))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 118), fill=NAVY)
    _text(draw, (36, 22), "BẢO HIỂM XÃ HỘI VIỆT NAM", 26, True, (255, 255, 255))
    _text(draw, (36, 60), "THẺ BẢO HIỂM Y TẾ", 38, True, (255, 214, 102))
    draw.rectangle((0, 118, WIDTH, 126), fill=(218, 37, 29))
    if photo:
        portrait = Image.open(io.BytesIO(photo)).convert("RGB").resize((180, 240))
        image.paste(portrait, (36, 156))
    else:
        draw.rectangle((36, 156, 216, 396), fill=(220, 228, 238))
    draw.rectangle((36, 156, 216, 396), outline=BLUE, width=3)
    x, y = 246, 146
    rows = [
        (tr(lang, "Card number"), card["number"]),
        (tr(lang, "Full name"), card["full_name"]),
        (tr(lang, "Date of birth"), f"{card['dob']}   {card['sex']}"),
        (tr(lang, "Group / level"), f"{card['group_code']} · {card['level']}"),
        (tr(lang, "Primary-care facility"), card["facility"]),
        (tr(lang, "Valid"), f"{card['valid_from']} – {card['valid_to']}"),
    ]
    for label, value in rows:
        _text(draw, (x, y), label, 17, fill=MUTED)
        _text(draw, (x, y + 20), _fit(value, 33), 25, True)
        y += 54
    if card.get("five_years"):
        _text(draw, (36, 488), f"{tr(lang, 'Five consecutive years from')}: {card['five_years']}",
              19, fill=MUTED)
    _text(draw, (36, 518), _fit(card.get("agency", ""), 60), 19, fill=MUTED)
    qr_png = io.BytesIO()
    symbol = qr.symbol(card["qr_text"])  # the one the screen's SVG was drawn from
    # Whole pixels per module keep the code crisp for scanners (no resampling).
    scale = max(1, 240 // symbol.symbol_size(border=2)[0])
    symbol.save(qr_png, kind="png", scale=scale, border=2, dark="#0b2545")
    code = Image.open(qr_png).convert("RGB")
    image.paste(code, (WIDTH - code.width - 30, HEIGHT - code.height - 30))
    _text(draw, (36, HEIGHT - 62), tr(lang, "Signed QR: scan to verify"), 20, fill=BLUE)
    out = io.BytesIO()
    # zlib's default level: lossless like level 9 ("optimize") and 1-3 % larger, but about
    # 4x faster to encode (16 ms instead of 70 for this image), which is most of a first sync.
    image.save(out, format="PNG", compress_level=6)
    return out.getvalue()


def _fit(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


CACHE_BYTES = 32 * 2**20


# Card images by content, per worker: a card image is ~60 kB, so some 500 cards.
drawn: Drawn[bytes] = Drawn(CACHE_BYTES, weight=len)


def card_png(source: tuple, lang: str,
             draw: Callable[[], tuple[dict[str, str], qr.CardClaims, bytes | None]]) -> bytes:
    """The card image, drawn (~130 ms: fonts, QR, PNG) once per card version and language,
    then served from memory. `source` holds every stored value the image is drawn from
    (api/services/wallet.card_source: person, card, facility, agency and province columns,
    photo and issuer key id), so a changed card, name, photo or issuer key is a new image
    at once and the old one ages out. `draw` gives the fields, claims and photo to draw
    from, only on a miss. The signature in a reused image stays valid: the same claims."""
    def render() -> bytes:
        fields, claims, photo = draw()
        return render_card({**fields, "qr_text": qr.sign(claims)}, photo, lang)

    return drawn.get(hashlib.sha256(repr((lang, source)).encode()).digest(), render)
