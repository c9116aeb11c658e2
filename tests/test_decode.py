import codecs

import pytest

from akhbar.ingest.decode import DecodeError, decode

ARABIC = "عقد المكتب السياسي لحزب التقدم والاشتراكية اجتماعه الأسبوعي"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARABIC.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARABIC.encode("utf-8"), "utf-8-sig"),
        (ARABIC.encode("utf-16"), "utf-16"),  # Python writes a BOM
        (codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"), "utf-16"),
        (ARABIC.encode("utf-32"), "utf-32"),
        (ARABIC.encode("cp1256"), "cp1256"),
        ("Le Premier secrétaire de l'USFP".encode(), "utf-8"),
    ],
)
def test_each_encoding_decodes_to_the_same_text(data: bytes, encoding: str) -> None:
    text, used = decode(data)
    assert used == encoding
    assert text in (ARABIC, "Le Premier secrétaire de l'USFP")


def test_binary_is_refused_with_a_reason() -> None:
    with pytest.raises(DecodeError) as err:
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert err.value.reason == "binary"


def test_control_characters_mean_binary() -> None:
    with pytest.raises(DecodeError) as err:
        decode(bytes([1, 2, 3, 4, 5, 6, 7, 8] * 100))
    assert err.value.reason == "binary"


def test_invalid_utf16_after_bom_is_undecodable() -> None:
    with pytest.raises(DecodeError) as err:
        decode(codecs.BOM_UTF16_LE + b"\x00\xd8\x41")  # lone surrogate, odd length
    assert err.value.reason == "undecodable"
