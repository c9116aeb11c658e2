"""Raw files to documents: find them, read them safely, decode, identify the language, read the header.

Every file ends as either a `Document` or a `Rejection` with a reason an operator
understands; nothing is dropped silently and nothing outside the raw folder is read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from akhbar.ingest.decode import DecodeError, decode
from akhbar.ingest.language import identify
from akhbar.lexicons import read_lexicon
from akhbar.text.keys import compact_key
from akhbar.text.textedit import TrackedText

MAX_BYTES = 10 * 1024 * 1024  # no news article is this long; bigger files are refused, not read
SUPPORTED_LANGUAGES = ("ar", "fr")
MIN_TEXT_CHARS = 20


FIRST_ARRIVAL_DAY = dt.date(2024, 1, 1)


def arrival_day_of(mtime_ns: int) -> dt.date:
    """The UTC day of a modification time; files older than the first arrival day (copied in
    with their old times kept) count as arriving on it. The partitions start there: every day
    a partition set spans costs Dagster work on every run, so it should not reach back decades."""
    return max(FIRST_ARRIVAL_DAY, dt.datetime.fromtimestamp(mtime_ns / 1e9, dt.UTC).date())


@dataclass(frozen=True, slots=True)
class RawFile:
    """A file under the raw folder: `source_path` is relative to the folder, POSIX style."""

    source_path: str
    path: Path
    size: int
    mtime_ns: int

    @property
    def arrival_day(self) -> dt.date:
        """The UTC day the file arrived (its modification time): the partition it belongs to."""
        return arrival_day_of(self.mtime_ns)


@dataclass(frozen=True, slots=True)
class Rejection:
    source_path: str
    reason: str
    detail: str
    mtime_ns: int = 0  # for paths refused while scanning: the link's own time, to file it under a day

    @property
    def arrival_day(self) -> dt.date:
        return arrival_day_of(self.mtime_ns)


@dataclass(slots=True)
class Document:
    """A decoded, accepted raw file with its header fields read."""

    article_id: str
    source_path: str
    raw_text: str
    encoding: str
    language: str
    language_score: float
    published_date: dt.date | None
    title: str | None
    author: str | None
    size_bytes: int
    published_precision: str | None = None  # day, month or year: how much of published_date the header gave
    source: str | None = None  # the outlet: the first folder under the raw root, if any


def article_id_for(data: bytes) -> str:
    """Stable id from the raw bytes: the same bytes under two names are one article."""
    return hashlib.sha256(data).hexdigest()[:20]


def scan(root: str | Path) -> tuple[list[RawFile], list[Rejection]]:
    """Every `*.txt` under `root`, recursively, sorted; links leading outside `root` are refused.

    A regular file costs one `lstat` (the nightly run lists the whole folder: 100k files took
    7-9 s when each was resolved and stat-ed again, as only links need to be).
    """
    base = Path(root).resolve()
    prefix = len(str(base)) + 1
    files: list[RawFile] = []
    rejected: list[Rejection] = []
    for dirpath, dirnames, filenames in os.walk(base, followlinks=False):
        dirnames.sort()
        folder = dirpath[prefix:]
        for name in sorted(filenames):
            path = Path(dirpath, name)
            rel = printable(f"{folder}/{name}" if folder else name)
            if not name.lower().endswith(".txt"):
                if not name.startswith("."):  # dot files (.DS_Store, .gitkeep) are not deliveries
                    rejected.append(_not_txt(rel, path))
                continue
            try:
                st = os.lstat(path)
            except OSError as exc:
                rejected.append(Rejection(rel, "unreadable", printable(str(exc)), 0))
                continue
            if stat.S_ISLNK(st.st_mode):
                found = _linked_file(base, rel, path, st.st_mtime_ns)
            elif stat.S_ISREG(st.st_mode):
                found = RawFile(rel, path, st.st_size, st.st_mtime_ns)
            else:
                found = Rejection(rel, "not_a_file", "not a regular file", st.st_mtime_ns)
            (files if isinstance(found, RawFile) else rejected).append(found)
    return files, rejected


def _linked_file(base: Path, rel: str, path: Path, link_time: int) -> RawFile | Rejection:
    """A symbolic link: read the file it leads to, if that is a regular file inside the raw folder."""
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        detail = f"cannot resolve the path (a broken link or a link loop?): {printable(str(exc))}"
        return Rejection(rel, "unreadable", detail, link_time)
    if not real.is_relative_to(base):
        detail = "a link to a file outside the raw folder; only files inside it are read"
        return Rejection(rel, "outside_raw_folder", detail, link_time)
    try:
        st = real.stat()
    except OSError as exc:
        return Rejection(rel, "unreadable", printable(str(exc)), link_time)
    if not stat.S_ISREG(st.st_mode):
        return Rejection(rel, "not_a_file", "not a regular file", link_time)
    return RawFile(rel, real, st.st_size, st.st_mtime_ns)


def printable(text: str) -> str:
    """A file name as text that can be stored: bytes that are not UTF-8 shown as `\\xff` escapes."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _lstat_time(path: Path) -> int:
    try:
        return path.lstat().st_mtime_ns
    except OSError:
        return 0


def _not_txt(rel: str, path: Path) -> Rejection:
    return Rejection(
        rel, "not_txt", "only *.txt files are read; convert it to UTF-8 text to include it", _lstat_time(path)
    )


def read_document(raw: RawFile) -> Document | Rejection:
    """Read, decode and identify one file; never raises for bad content."""
    if raw.size > MAX_BYTES:
        return Rejection(raw.source_path, "too_large", f"{raw.size} bytes, over the {MAX_BYTES} byte limit")
    try:
        with raw.path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # the file may have grown since it was listed
    except OSError as exc:
        return Rejection(raw.source_path, "unreadable", printable(str(exc)))
    if len(data) > MAX_BYTES:
        return Rejection(
            raw.source_path, "too_large", f"grew over the {MAX_BYTES} byte limit while being read"
        )
    return document_from_bytes(raw.source_path, data)


def document_from_bytes(source_path: str, data: bytes) -> Document | Rejection:
    """The pure part of `read_document`: bytes in, Document or Rejection out."""
    if not data.strip():
        return Rejection(source_path, "empty", "the file is empty or only white space")
    try:
        text, encoding = decode(data)
    except DecodeError as exc:
        return Rejection(source_path, exc.reason, exc.detail)
    if encoding == "cp1256" and (damage := _damaged_utf8(data)):
        return Rejection(source_path, "undecodable", damage)
    tracked = TrackedText(text)
    header = read_header(tracked)
    body = tracked.text
    if len(body.strip()) < MIN_TEXT_CHARS:
        return Rejection(
            source_path, "no_text", f"only {len(body.strip())} characters of text after the header"
        )
    language, score = identify(body)
    if language == "und":
        return Rejection(
            source_path,
            "unsupported_language",
            "no Arabic or Latin letters in the text; Akhbar reads ar and fr",
        )
    if language not in SUPPORTED_LANGUAGES:
        return Rejection(
            source_path,
            "unsupported_language",
            f"language {language} (score {score}); Akhbar reads ar and fr",
        )
    return Document(
        article_id=article_id_for(data),
        source_path=source_path,
        raw_text=text,
        encoding=encoding,
        language=language,
        language_score=score,
        published_date=header.published_date,
        title=header.title,
        author=header.author,
        size_bytes=len(data),
        published_precision=header.published_precision,
        source=source_of(source_path),
    )


def _damaged_utf8(data: bytes) -> str | None:
    """Why UTF-8 with a few bad bytes is refused rather than read as Windows-1256 mojibake.

    Real cp1256 Arabic has almost no byte pairs that are valid UTF-8; a damaged UTF-8 file
    is mostly valid multi-byte sequences with a few invalid bytes among them.
    """
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    good = sum(1 for ch in lenient if ch > "\x7f") - bad
    if bad and good >= 4 * bad:
        first = _first_bad_byte(data)
        return (
            f"UTF-8 text with {bad} invalid byte sequence(s), the first at byte {first}; re-save it as UTF-8"
        )
    return None


def _first_bad_byte(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start
    return -1


def source_of(source_path: str) -> str | None:
    """The outlet of a raw file laid out as `<raw>/<source>/...`: its first folder, else None."""
    parts = Path(source_path).parts
    return parts[0] if len(parts) > 1 else None


@dataclass(frozen=True, slots=True)
class Header:
    published_date: dt.date | None
    title: str | None
    author: str | None
    published_precision: str | None = (
        None  # day | month | year (a ` date 2021-09` line: month), None without a date
    )


_META = re.compile(
    r"\A[\ufeff\s]*(?:date|published|publié le|التاريخ|تاريخ النشر)\s*[:=]?\s*"
    r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\d-])(?:[T ][\d:.+Z-]*)?[ \t]*\n?",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^[ \t]*((?:بقلم|Par|By)[ \t]*:?[ \t]*)?([^\n:.،,]{3,60}?)[ \t]*:?[ \t]*$", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?؟:]\s*$")


def read_header(text: TrackedText) -> Header:
    """Take the metadata line and the byline off the text (edits recorded); read the title.

    A leading ` date 2026-03-12` line is the published date (` date 2021-09`: its month, precision
    month, the date kept as the month's first day). The first line is a title when
    it is short, has no final stop and more text follows; it stays in the text. A short
    line ending with `:` (`محمد الصفى :`) or starting with `Par`/`بقلم` right after the title
    (or at the top) is the byline, and is removed.
    """
    published = precision = None
    m = _META.match(text.text)
    if m:
        precision = "day" if m.group(3) else "month" if m.group(2) else "year"
        try:  # ` date 2021-09` is September 2021 (month precision), ` date 2021` the year
            published = dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
        except ValueError:
            published = precision = None
        if published is not None:
            text.replace_spans("metadata_line", [(0, m.end(), "")])
    lines = text.text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if not filled:
        return Header(published, None, None, precision)
    title = author = None
    byline_at = None
    for position, i in enumerate(filled[:2]):
        if position == 1 and title is None:
            break  # a byline stands first, or right after the title
        author = _byline(lines[i])
        if author:
            byline_at = i
            break
        if position == 0 and _is_title(lines[i], rest=len(filled) > 1):
            title = lines[i].strip()
    if byline_at is not None:
        start = sum(len(x) + 1 for x in lines[:byline_at])
        end = min(start + len(lines[byline_at]) + 1, len(text.text))
        text.replace_spans("byline", [(start, end, "")])
    if published is None:
        published = next(filter(None, map(dateline, (lines[i] for i in filled[:DATELINE_LINES]))), None)
    if published is None:  # Khénifra, 4 août 2023 - Le secrétariat ...: the lead opens with its dateline
        published = next(filter(None, map(_lead_dateline, (lines[i] for i in filled[:DATELINE_LINES]))), None)
    if published is None:  # a time stamp in the page's head is its dateline, after a lead too
        head = filled[DATELINE_LINES:STAMP_LINES]
        stamped = (lines[i] for i in head if _HOUR_OR_CLOCK.search(lines[i]))
        published = next(filter(None, map(dateline, stamped)), None)
    if published is None:  # Rédigé par L'Opinion Lundi 26 Février 2024: the author's line, dated
        signed = (lines[i] for i in filled[:SIGNED_LINES] if _SIGNED.match(lines[i]))
        published = next(filter(None, map(_signed_dateline, signed)), None)
    if precision is None:
        precision = "day" if published else None
    return Header(published, title, author, precision)


DATELINE_LINES = 4  # a dateline stands among the first lines of the text
STAMP_LINES = 12  # a date with its hour (Le 11/11/2024 à 19h34) may stand after captions and a lead:
# past these, such a line is more likely a programme (Samedi 15 juin 2024 à 10h00: the congress opens)
_DATELINE_HINT = re.compile(r"^.{0,25}\b(?:19|20)\d\d\b.{0,30}$")  # short, with a year: worth parsing
_DATELINE_LABEL = re.compile(
    r"^\W*(?:publié|mis à jour|posted|updated|نشر|تاريخ النشر|بتاريخ|آخر تحديث)[^\d]{0,12}?(?=\w)",
    re.IGNORECASE,
)
_HOUR = re.compile(r"(\d{1,2})\s*h\s*(\d{2})\b", re.IGNORECASE)
_HOUR_OR_CLOCK = re.compile(r"\b\d{1,2}\s*(?:h\s*|:)\d{2}\b", re.IGNORECASE)  # 19h34, 10:30
_DATELINE_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def dateline(line: str) -> dt.date | None:
    """The day a dateline gives (`lundi, 3 mars 2022 à 09:15`, `الأحد 12 ماي 2019 - 10:30`, `30/05/2024`),
    or None when the line is anything but a date. dateparser reads the line whole (day, month and year
    required, day first), so a sentence that merely holds a date is never taken for a dateline."""
    candidate = line.strip().strip("|-–— ")
    if "|" in candidate:  # اخبار جهة مراكش | الأحد 18 نوفمبر 2018 - 12:15: a page's head, field by field
        return next(filter(None, map(dateline, candidate.split("|"))), None)
    if not _DATELINE_HINT.match(candidate):
        return None
    candidate = _HOUR.sub(r"\1:\2", _DATELINE_LABEL.sub("", candidate))
    import dateparser  # here: most documents have no dateline, and the import costs a start-up

    arabic = any("\u0600" <= ch <= "\u06ff" for ch in candidate)
    settings = {"DATE_ORDER": "DMY", "STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}
    locales = ["ar-MA"] if arabic else ["fr", "en"]
    found = dateparser.parse(candidate, locales=locales, settings=settings)
    if found is None:  # a site's label after the date: `يوليوز 6, 2021 غير مصنف`, `12 mars 2022 Politique`
        year = _DATELINE_YEAR.search(candidate)
        if year is not None and year.end() < len(candidate):
            found = dateparser.parse(candidate[: year.end()], locales=locales, settings=settings)
    return found.date() if found is not None else None


# a news agency's dateline opening the lead: a place (a few words), a comma, the date, maybe the agency in
# brackets, then a dash: `Rabat, 12 mars 2023 (MAP) - Le ...`, `الرباط، 12 مارس 2023 (و م ع) - ...`
_LEAD_DATELINE = re.compile(
    r"\s*[^\W\d][^,،\n\d]{0,40}[,،]\s*([^\n]{6,40}?)\s*(?:\([^()\n]{1,20}\)\s*)?[-–—]\s"
)


def _lead_dateline(line: str) -> dt.date | None:
    """The day of the dateline a lead opens with (`Khénifra, 4 août 2023 - Le secrétariat ...`): a place
    the gazetteer knows before the comma (not `Selon lui, le 7 octobre 2016 - date des législatives -`)."""
    m = _LEAD_DATELINE.match(line)
    if m is None or compact_key(line[: m.start(1)].strip(" \t,،")) not in _place_names():
        return None
    return dateline(m.group(1))


@cache
def _place_names() -> frozenset[str]:
    """Every place's name, Arabic and French, and its aliases (lexicons/place_aliases.tsv), as keys."""
    from akhbar.lexicons.gazetteer import records  # only a lead that opens like a dateline gets here

    names = {n for r in records() for n in (r.name_ar, r.name_fr) if n}
    names.update(row["alias"] for row in read_lexicon("place_aliases.tsv"))
    return frozenset(compact_key(n) for n in names)


# `Par` alone also opens sentences (Par ailleurs, Par décret du 12 mars 2024): after it, only a name's
# capitalized words (and its particles: el, ben, ould) may stand before the date
_SIGNED = re.compile(r"^\s*(?:(rédigé par|écrit par|publié par|بقلم|كتبه)|par|by)\s*:?\s+", re.IGNORECASE)
SIGNED_LINES = 20  # an author's dated line may stand below a page's menu; nothing else reads like it
SIGNED_NAME_WORDS = 6  # at most this many words of a name between `Rédigé par` and the date
SIGNED_MAX_CHARS = 80  # an author's line is short; a longer one is a sentence


@cache
def _name_particles() -> frozenset[str]:
    """el, ben, ould, ait: lower-case words inside a name (lexicons/name_particles.tsv)."""
    rows = read_lexicon("name_particles.tsv")
    return frozenset(r["word"].lower() for r in rows if r["kind"] in ("join", "article"))


def _signed_dateline(line: str) -> dt.date | None:
    """The date an author's line ends with (`Rédigé par Anass Machloukh Mercredi 16 Juin 2021`): the
    name has no fixed length, so the line is read from each of its first words until a date remains."""
    m = _SIGNED.match(line)
    if m is None or len(line.strip()) > SIGNED_MAX_CHARS or not _DATELINE_YEAR.search(line):
        return None
    words = line[m.end() :].split()
    for skip in range(1, min(SIGNED_NAME_WORDS, len(words) - 1) + 1):
        word = words[skip - 1]
        if m.group(1) is None and word[:1].islower() and word.lower() not in _name_particles():
            return None  # Par ailleurs, ...: after a bare `Par`, a lower-case word is a sentence's
        found = dateline(" ".join(words[skip:]))
        if found is not None:
            return found
    return None


def _byline(line: str) -> str | None:
    """The author's name if `line` is a byline: `محمد الصفى :`, `Par Karim Benali`, `بقلم: ...`."""
    m = _BYLINE.match(line)
    if not m or not 1 <= len(m.group(2).split()) <= 4:
        return None
    return m.group(2).strip() if (m.group(1) or line.rstrip().endswith(":")) else None


def _is_title(line: str, rest: bool) -> bool:
    """A headline: a short line with no final stop, followed by more text."""
    candidate = line.strip()
    words = len(candidate.split())
    return rest and 3 <= words <= 30 and len(candidate) <= 250 and not _SENTENCE_END.search(candidate)


def documents(files: Iterable[RawFile]) -> Iterator[Document | Rejection]:
    """Read files one by one (a generator: memory stays flat however many files there are)."""
    for raw in files:
        yield read_document(raw)
