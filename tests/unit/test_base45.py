"""Base45 against the test vectors of RFC 9285."""

import pytest

from api.card.base45 import b45decode, b45encode

VECTORS = [(b"AB", "BB8"), (b"Hello!!", "%69 VD92EX0"), (b"base-45", "UJCLQE7W581"),
           (b"ietf!", "QED8WEX0"), (b"", "")]


@pytest.mark.parametrize("raw, text", VECTORS)
def test_rfc_vectors(raw: bytes, text: str) -> None:
    assert b45encode(raw) == text
    assert b45decode(text) == raw


def test_all_byte_values_round_trip() -> None:
    data = bytes(range(256)) * 3 + b"\xff"
    assert b45decode(b45encode(data)) == data


@pytest.mark.parametrize("bad", ["GGW", "ZZZZ", "a", "AB", "BB8!"])
def test_rejects_what_base45_cannot_produce(bad: str) -> None:
    # "GGW" decodes to 65535+ (RFC 9285 section 6), "ZZZZ" has a dangling char, lower-case
    # letters are outside the alphabet, "AB" is a pair above 255.
    with pytest.raises(ValueError):
        b45decode(bad)
