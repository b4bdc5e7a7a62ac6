"""Base45 (RFC 9285): bytes as QR alphanumeric characters, as the EU DCC does."""

from __future__ import annotations

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_INDEX = {ch: i for i, ch in enumerate(ALPHABET)}


def b45encode(data: bytes) -> str:
    """Encode bytes: each pair becomes three characters, a last odd byte two."""
    out = []
    for i in range(0, len(data) - 1, 2):
        n = data[i] * 256 + data[i + 1]
        n, c = divmod(n, 45)
        e, d = divmod(n, 45)
        out += [ALPHABET[c], ALPHABET[d], ALPHABET[e]]
    if len(data) % 2:
        d, c = divmod(data[-1], 45)
        out += [ALPHABET[c], ALPHABET[d]]
    return "".join(out)


def b45decode(text: str) -> bytes:
    """Decode; raises ValueError on characters or lengths base45 cannot produce."""
    try:
        values = [_INDEX[ch] for ch in text]
    except KeyError as exc:
        raise ValueError("not base45") from exc
    if len(values) % 3 == 1:
        raise ValueError("bad base45 length")
    out = bytearray()
    for i in range(0, len(values), 3):
        chunk = values[i:i + 3]
        if len(chunk) == 3:
            n = chunk[0] + chunk[1] * 45 + chunk[2] * 2025
            if n > 0xFFFF:
                raise ValueError("bad base45 triple")
            out += bytes(divmod(n, 256))
        else:
            n = chunk[0] + chunk[1] * 45
            if n > 0xFF:
                raise ValueError("bad base45 pair")
            out.append(n)
    return bytes(out)
