"""Bytes to text: byte-order marks, UTF-8, UTF-16/32 and legacy code pages.

Order of evidence: a byte-order mark (UTF-8, UTF-16, UTF-32) is decisive; then strict
UTF-8; then ``charset-normalizer``. NUL bytes alone do not make a file binary: UTF-16 and
UTF-32 text without a mark is full of them. Data with NUL bytes is accepted only as
UTF-16/32 whose decoded text is mostly Latin letters, digits and punctuation (Dotterel
codes English); anything else with NULs is binary. Among equally good single-byte code
pages, Windows-1252 is preferred: it is what legacy English news files are.
"""

from __future__ import annotations

import codecs
import re

from dotterel.errors import BinaryInputError, EncodingError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_WIDE = ("utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be")
#: Share of characters that must be Latin-script text for BOM-less UTF-16/32.
_LATIN_SHARE = 0.95
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _latin_share(text: str) -> float:
    if not text:
        return 0.0
    good = sum(1 for ch in text if (ch < "\u0250" and (ch.isprintable() or ch.isspace())))
    return good / len(text)


def detect_bom(data: bytes) -> tuple[str, int] | None:
    """(codec, length of the mark) of a leading byte-order mark, or ``None``."""
    for mark, codec in _BOMS:
        if data.startswith(mark):
            return codec, len(mark)
    return None


def decode_bytes(data: bytes) -> str:
    """The text of ``data`` with ``\\n`` line ends, or a coded input error.

    Raises :class:`~dotterel.errors.BinaryInputError` (``DOT102``) for binary data and
    :class:`~dotterel.errors.EncodingError` (``DOT103``) for text in no encoding found.
    """
    text = _decode(data)
    if "\x00" in text:
        raise BinaryInputError(f"binary data, not text (NUL character at {text.index(chr(0))})")
    # One newline convention so that offsets do not depend on the platform that wrote it.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes) -> str:
    bom = detect_bom(data)
    if bom is not None:
        codec, length = bom
        try:
            return data[length:].decode(codec)
        except UnicodeDecodeError as exc:
            raise EncodingError(
                f"starts with a {codec.upper()} byte-order mark but is not valid {codec.upper()} "
                f"(offset {exc.start + length})"
            ) from None
    if b"\x00" not in data:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as exc:
            utf8_error = exc
    else:
        utf8_error = None
    from charset_normalizer import from_bytes  # lazily: most inputs are UTF-8

    matches = list(from_bytes(data))
    if b"\x00" in data:
        for match in matches:
            if match.encoding in _WIDE:
                text = str(match)
                if _latin_share(text) >= _LATIN_SHARE:
                    return text
        offset = data.index(b"\x00")
        raise BinaryInputError(f"binary data, not text (NUL byte at offset {offset})")
    if not matches:
        assert utf8_error is not None
        bad = data[utf8_error.start : utf8_error.start + 1].hex()
        raise EncodingError(
            f"not valid UTF-8 (byte 0x{bad} at offset {utf8_error.start}) and no other "
            "encoding fits; re-save the file as UTF-8"
        )
    least = min(match.chaos for match in matches)
    for match in matches:
        if match.chaos <= least and "cp1252" in match.could_be_from_charset:
            return data.decode("cp1252", errors="replace")
    return str(matches[0])


def lone_surrogate(text: str) -> int | None:
    """Offset of the first lone surrogate (text no file can hold), or ``None``."""
    found = _LONE_SURROGATE.search(text)
    return found.start() if found else None
