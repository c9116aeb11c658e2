"""Bytes to text: the encodings news files actually arrive in, and a clear error otherwise."""

from __future__ import annotations

import codecs
import re


class DecodeError(ValueError):
    """The bytes are not text we can read; `reason` is a short code for `rejected_files`."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Letters, digits, punctuation and white space a news text is made of, in any script.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode(data: bytes) -> tuple[str, str]:
    """Decode raw bytes; return (text, encoding name).

    UTF-8 (with or without BOM), UTF-16/32 with BOM; legacy Arabic files in Windows-1256.
    Raises DecodeError for binary content or bytes no supported encoding reads as text.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), encoding), encoding
            except UnicodeDecodeError as exc:
                raise DecodeError("undecodable", f"{encoding} BOM but invalid bytes at {exc.start}") from exc
    if b"\x00" in data[:4096]:
        raise DecodeError("binary", "NUL bytes and no UTF-16/32 byte-order mark")
    try:
        return _checked(data.decode("utf-8"), "utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError as exc:
        raise DecodeError("undecodable", f"neither UTF-8 nor Windows-1256 (byte {exc.start})") from exc
    return _checked(text, "cp1256"), "cp1256"


def _checked(text: str, encoding: str) -> str:
    """Refuse text that is mostly control characters: that is binary data decoded by luck."""
    sample = text[:20000]
    if sample and len(_CONTROL.findall(sample)) > 0.01 * len(sample):
        raise DecodeError("binary", f"decodes as {encoding} but is mostly control characters")
    return text
