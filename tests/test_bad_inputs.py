"""Bad input never crashes a run and is never dropped silently: each case with its expected outcome.

One raw folder holds every case; the raw and clean stages run over it (the stages `akhbar
run` uses, without Dagster around them, to stay fast). Each file must then be either an
article or a `rejected_files` row with the expected reason, never both and never neither.
"""

from __future__ import annotations

import codecs
import datetime as dt
import os
import shutil
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from akhbar.ingest import reader as ingest
from akhbar.ingest.reader import MAX_BYTES, RawFile, read_document
from akhbar.run import pipeline

REPO = Path(__file__).resolve().parents[1]
SAMPLES = sorted((REPO / "data" / "raw").glob("*.txt"))
DAY = dt.date(2026, 3, 1)
WHEN = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC).timestamp()

FR = (
    "Le conseil provincial du parti s'est réuni samedi à Fès pour préparer le congrès régional "
    "et désigner les membres de la commission préparatoire."
)
AR = "انعقد يوم السبت بمدينة فاس اجتماع المجلس الإقليمي للحزب لتحضير المؤتمر الجهوي وتشكيل اللجنة التحضيرية."
SECRET = "Texte secret hors du dossier brut : il ne doit jamais être lu par la chaîne de traitement."

# file name -> (content, expected outcome: "accepted" or the rejection reason)
CASES: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"  \n\t\r\n   \n", "empty"),
    "unicode_spaces.txt": ("\u00a0\u3000\u2003\n\u00a0".encode(), "no_text"),
    "bom_only.txt": (codecs.BOM_UTF8, "no_text"),
    "image.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16, "binary"),
    "control_chars.txt": (bytes(range(1, 32)) * 40, "binary"),
    "utf16_without_bom.txt": (FR.encode("utf-16-le"), "binary"),
    "damaged_utf8.txt": (FR.encode()[:40] + b"\xff\xfe" + FR.encode()[40:], "undecodable"),
    "short.txt": (b"Bonjour.", "no_text"),
    "boilerplate_only.txt": (
        "قد يعجبك أيضا\nاترك تعليقا\nالتعليقات مغلقة\nشارك هذا المقال\nاقرأ المزيد\n".encode(),
        "boilerplate_only",
    ),
    "english.txt": (
        b"The provincial council of the party met on Saturday in Fez to prepare the regional congress.",
        "unsupported_language",
    ),
    "spanish.txt": (
        "El consejo provincial del partido se reunió el sábado en Fez para preparar el congreso regional.".encode(),
        "unsupported_language",
    ),
    "tifinagh.txt": ("ⴰⵎⵓⵏ ⵏ ⵜⵎⵙⵙⵓⴷⵙ ⵉⵎⴰⵡⴰⵍⵏ ⵏ ⵜⵎⴰⵣⵉⵖⵜ ⴳ ⵜⵎⴷⵉⵏⵜ ⵏ ⴼⴰⵙ".encode(), "unsupported_language"),
    "digits_only.txt": (b"2026 2025 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26", "unsupported_language"),
    "mixed_ar_fr.txt": ((AR + "\n" + AR + "\nCitation : « " + FR[:60] + " »").encode(), "accepted"),
    "french_latin1.txt": (FR.encode("latin-1"), "accepted"),
    "arabic_cp1256.txt": (AR.encode("cp1256"), "accepted"),
    "french_utf16_bom.txt": (FR.encode("utf-16"), "accepted"),
    "french_bom_crlf.txt": (codecs.BOM_UTF8 + (FR + "\r\n" + FR).encode(), "accepted"),
    "nul_after_text.txt": ((FR * 40).encode() + b"\x00 fin", "accepted"),
    "name with spaces.txt": (SAMPLES[0].read_bytes(), "accepted"),
    "مقال عن المؤتمر.txt": (SAMPLES[1].read_bytes(), "accepted"),
    "later/copy of sample.txt": (SAMPLES[1].read_bytes(), "duplicate_content"),  # subfolders come after
    "LOUD.TXT": (SAMPLES[2].read_bytes(), "accepted"),
    "sub/deeper/nested.txt": (SAMPLES[3].read_bytes(), "accepted"),
    "report.pdf": (b"%PDF-1.4 not text", "not_txt"),
}


def _build(raw: Path, outside: Path) -> dict[str, str]:
    """Write every case into `raw` (plus links, a FIFO, a sparse 50 MB file); return path -> outcome."""
    expected: dict[str, str] = {}
    for name, (data, outcome) in CASES.items():
        path = raw / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        expected[name] = outcome
    big = raw / "fifty_megabytes.txt"
    with big.open("wb") as handle:  # sparse: 50 MB long, nothing written, instant
        handle.truncate(50 * 1024 * 1024)
    expected[big.name] = "too_large"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET * 3, encoding="utf-8")
    (raw / "link_outside.txt").symlink_to(outside / "secret.txt")
    expected["link_outside.txt"] = "outside_raw_folder"
    (raw / "dir_link_outside").symlink_to(outside, target_is_directory=True)  # never walked into
    (raw / "broken_link.txt").symlink_to(raw / "does_not_exist.txt")
    expected["broken_link.txt"] = "unreadable"
    (raw / "loop_a.txt").symlink_to(raw / "loop_b.txt")
    (raw / "loop_b.txt").symlink_to(raw / "loop_a.txt")
    expected["loop_a.txt"] = expected["loop_b.txt"] = "unreadable"
    (raw / "link_inside.txt").symlink_to(raw / "LOUD.TXT")  # same bytes as LOUD.TXT: one article
    expected["link_inside.txt"] = "duplicate_content"
    os.mkfifo(raw / "pipe.txt")  # opening it would hang the run: it must be refused unopened
    expected["pipe.txt"] = "not_a_file"
    odd = os.path.join(os.fsencode(raw), b"latin1_name_\xe9t\xe9.txt")  # a name that is not UTF-8
    with open(odd, "wb") as handle:
        handle.write(SAMPLES[4].read_bytes())
    expected["latin1_name_\\xe9t\\xe9.txt"] = "accepted"
    (raw / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")  # dot files are not deliveries: no row
    for dirpath, dirnames, filenames in os.walk(raw):
        for name in dirnames + filenames:
            os.utime(os.path.join(dirpath, name), (WHEN, WHEN), follow_symlinks=False)
    return expected


def _rows(lake: Path, table: str) -> list[dict]:
    return [r for f in sorted((lake / table).glob("*/*.parquet")) for r in pq.read_table(f).to_pylist()]


@pytest.fixture(scope="module")
def outcome(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Run the raw and clean stages over the folder of bad inputs once; collect what happened."""
    work = tmp_path_factory.mktemp("bad")
    raw, lake = work / "raw", work / "lake"
    raw.mkdir()
    expected = _build(raw, work / "outside")
    started = time.perf_counter()
    for day, arrived in sorted(pipeline.files_by_day(str(raw)).items()):
        pipeline.ingest_day(str(lake), day, arrived)
        pipeline.clean_day(str(lake), day)
    return {
        "expected": expected,
        "seconds": time.perf_counter() - started,
        "raw": _rows(lake, "raw_documents"),
        "articles": _rows(lake, "articles"),
        "rejected": _rows(lake, "rejected_files"),
        "days": sorted(p.name for p in (lake / "raw_documents").iterdir()),
    }


def _result(outcome: dict, source_path: str) -> str:
    articles = [a for a in outcome["articles"] if a["source_path"] == source_path]
    rejected = [r for r in outcome["rejected"] if r["source_path"] == source_path]
    assert len(articles) + len(rejected) == 1, f"{source_path}: {articles} {rejected}"
    return "accepted" if articles else rejected[0]["reason"]


@pytest.mark.parametrize(
    "name",
    sorted(
        {
            *CASES,
            "fifty_megabytes.txt",
            "link_outside.txt",
            "broken_link.txt",
            "loop_a.txt",
            "loop_b.txt",
            "link_inside.txt",
            "pipe.txt",
            "latin1_name_\\xe9t\\xe9.txt",
        }
    ),
)
def test_each_bad_input_has_its_expected_outcome(outcome: dict, name: str) -> None:
    assert _result(outcome, name) == outcome["expected"][name]


def test_there_are_at_least_20_cases_and_nothing_is_dropped_silently(outcome: dict) -> None:
    assert len(outcome["expected"]) >= 20
    seen = {a["source_path"] for a in outcome["articles"]} | {r["source_path"] for r in outcome["rejected"]}
    assert seen == set(outcome["expected"])  # every file has its row; the dot file has none


def test_every_rejection_says_why_in_words(outcome: dict) -> None:
    for row in outcome["rejected"]:
        assert row["reason"] and len(row["detail"]) >= 15, row


def test_nothing_outside_the_raw_folder_is_read(outcome: dict) -> None:
    texts = [r["raw_text"] for r in outcome["raw"]]
    assert not any("Texte secret" in t for t in texts)
    assert not any(r["source_path"].startswith("dir_link_outside") for r in outcome["rejected"])


def test_the_same_bytes_under_two_names_are_one_article_with_both_paths_recorded(outcome: dict) -> None:
    dup = next(r for r in outcome["rejected"] if r["source_path"] == "link_inside.txt")
    assert "LOUD.TXT" in dup["detail"]
    copy = next(r for r in outcome["rejected"] if r["source_path"] == "later/copy of sample.txt")
    assert "مقال عن المؤتمر.txt" in copy["detail"]
    ids = [a["article_id"] for a in outcome["articles"]]
    assert len(ids) == len(set(ids))


def test_decoded_texts_are_right(outcome: dict) -> None:
    by_path = {r["source_path"]: r for r in outcome["raw"]}
    assert by_path["french_latin1.txt"]["raw_text"] == FR
    assert (
        by_path["arabic_cp1256.txt"]["raw_text"] == AR
        and by_path["arabic_cp1256.txt"]["encoding"] == "cp1256"
    )
    assert by_path["french_utf16_bom.txt"]["encoding"] == "utf-16"
    assert by_path["mixed_ar_fr.txt"]["language"] == "ar"
    assert by_path["latin1_name_\\xe9t\\xe9.txt"]["language"] in ("ar", "fr")


def test_damaged_utf8_is_refused_not_read_as_mojibake() -> None:
    got = ingest.document_from_bytes("x.txt", CASES["damaged_utf8.txt"][0])
    assert got.reason == "undecodable" and "byte 40" in got.detail


def test_the_fifty_megabyte_file_is_refused_unread_and_fast(outcome: dict, tmp_path: Path) -> None:
    assert outcome["seconds"] < 60
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    os.chmod(big, 0)  # unreadable to a non-root reader: the size alone decides
    st = big.stat()
    got = read_document(RawFile("big.txt", big, st.st_size, st.st_mtime_ns))
    assert got.reason == "too_large" and str(MAX_BYTES) in got.detail


def test_a_file_that_grew_after_the_scan_is_still_bounded(tmp_path: Path) -> None:
    path = tmp_path / "growing.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 10)
    got = read_document(RawFile("growing.txt", path, 100, 0))  # listed when it was 100 bytes
    assert got.reason == "too_large"


def test_a_file_deleted_after_the_scan_is_unreadable_not_a_crash(tmp_path: Path) -> None:
    got = read_document(RawFile("gone.txt", tmp_path / "gone.txt", 100, 0))
    assert got.reason == "unreadable"


def test_same_bytes_on_a_later_day_are_a_duplicate_of_the_earlier_article(tmp_path: Path) -> None:
    raw, lake = tmp_path / "raw", tmp_path / "lake"
    raw.mkdir()
    shutil.copy(SAMPLES[0], raw / "monday.txt")
    shutil.copy(SAMPLES[0], raw / "tuesday.txt")
    os.utime(raw / "monday.txt", (WHEN, WHEN))
    os.utime(raw / "tuesday.txt", (WHEN + 86400, WHEN + 86400))
    for day, arrived in sorted(pipeline.files_by_day(str(raw)).items()):
        pipeline.ingest_day(str(lake), day, arrived)
    assert [r["source_path"] for r in _rows(lake, "raw_documents")] == ["monday.txt"]
    (dup,) = _rows(lake, "rejected_files")
    assert dup["reason"] == "duplicate_content" and f"{DAY} monday.txt" in dup["detail"]


def test_a_file_changed_after_ingestion_is_a_new_version_in_its_new_day(tmp_path: Path) -> None:
    """The old version stays in its day's partition until that day is re-run (then it goes)."""
    raw, lake = tmp_path / "raw", tmp_path / "lake"
    raw.mkdir()
    path = raw / "story.txt"
    path.write_text(FR, encoding="utf-8")
    os.utime(path, (WHEN, WHEN))
    for day, arrived in pipeline.files_by_day(str(raw)).items():
        pipeline.ingest_day(str(lake), day, arrived)
    path.write_text(FR + " Mise à jour : le congrès aura lieu en mai.", encoding="utf-8")
    os.utime(path, (WHEN + 86400, WHEN + 86400))
    later = DAY + dt.timedelta(days=1)
    by_day = pipeline.files_by_day(str(raw))
    assert list(by_day) == [later]
    pipeline.ingest_day(str(lake), later, by_day[later])
    rows = _rows(lake, "raw_documents")
    assert [r["source_path"] for r in rows] == ["story.txt", "story.txt"]
    assert rows[0]["article_id"] != rows[1]["article_id"]
    assert "Mise à jour" in rows[1]["raw_text"] and "Mise à jour" not in rows[0]["raw_text"]
    pipeline.ingest_day(str(lake), DAY, pipeline.DayInput())  # re-running the old day: the old version goes
    assert [r["raw_text"] for r in _rows(lake, "raw_documents")] == [rows[1]["raw_text"]]
