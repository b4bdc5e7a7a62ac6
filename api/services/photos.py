"""Photos people send (a face for a registration, papers attached to a service request):
base64 in, the bytes out only when they are a picture of an allowed format that opens, within
its size in bytes and in pixels. Opened with Pillow, not judged by their first bytes: a few
small bytes may declare a huge picture (a decompression bomb), and a file may start like a
JPEG and be something else."""

from __future__ import annotations

import base64
import binascii
import io

from PIL import Image, UnidentifiedImageError

# Pillow's format name -> the media type the photo is kept and served with.
TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


class PhotoError(ValueError):
    """Not a photo this check accepts (the caller says why, in the user's language)."""


def decoded(text: str) -> bytes:
    """The bytes of a data URL or bare base64 text; PhotoError if it is not base64."""
    if text.startswith("data:") and "," in text:
        text = text.split(",", 1)[1]
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise PhotoError("not base64") from exc


def checked(data: bytes, formats: tuple[str, ...], max_kb: int, max_pixels: int) -> str:
    """The media type of `data` if it is a picture in one of `formats` (Pillow's names) of at
    most `max_kb` kilobytes and `max_pixels` pixels that opens; PhotoError otherwise."""
    if not data or len(data) > max_kb * 1024:
        raise PhotoError("size")
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format not in formats or image.width * image.height > max_pixels:
                raise PhotoError("format or pixels")
            kind = TYPES[image.format]
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError,
            Image.DecompressionBombError) as exc:
        raise PhotoError("does not open") from exc
    return kind
