"""Data-quality rules on the lake tables, per arrival day: what must hold for every row written.

Each rule is a plain function `(lake_root, days) -> failing rows`: it reads only the
partitions of `days` (the ones a run just wrote) plus, where a rule needs context, the rows
those reference (an event's article, a participant's event). An empty list means the rule
holds. The Dagster asset checks (`assets/checks.py`) report the count and a sample; a
notebook or a test can call the same functions.

Rules state the contract (`/work/shared/contract.md`), not the extractor's current habits:
vocabularies come from `akhbar.schema`, offsets index `articles.text_clean` in code points
(Python string slicing), and a partial date is stored as its first day (2015 -> 2015-01-01).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pyarrow.fs as pafs
import pyarrow.parquet as pq

from akhbar import lake
from akhbar.schema import DATE_PRECISIONS, ENTITY_TYPES, EVENT_TYPES, PARTITION_KEY

LANGUAGES = ("ar", "fr")
SAMPLE_SIZE = 5

Row = dict
RuleFunction = Callable[[str, list[dt.date]], list[Row]]


@dataclass(frozen=True)
class Rule:
    """One data-quality rule on one table; `find` returns the rows that break it."""

    table: str
    name: str
    description: str
    find: RuleFunction


@dataclass(frozen=True)
class Outcome:
    """What a rule found on some days: how many rows break it and a few of them."""

    rule: Rule
    failures: int
    sample: list[Row]

    @property
    def passed(self) -> bool:
        return self.failures == 0


def read_rows(lake_root: str, table: str, days: Iterable[dt.date | str], columns: list[str]) -> list[Row]:
    """The rows of `table` on `days`, every part file of each partition (rejected_files has one per stage).

    Each row also carries its partition day as `ingest_date`, so a failure names where it is.
    """
    fs, base = lake.filesystem(lake_root)
    rows: list[Row] = []
    for day in days:
        selector = pafs.FileSelector(lake.partition_path(base, table, day), allow_not_found=True)
        parts = sorted(i.path for i in fs.get_file_info(selector) if i.path.endswith(".parquet"))
        for path in parts:
            with fs.open_input_file(path) as handle:
                for row in pq.read_table(handle, columns=columns).to_pylist():
                    row[PARTITION_KEY] = str(day)
                    rows.append(row)
    return rows


def _all_days(lake_root: str, table: str) -> list[str]:
    return lake.partitions(lake_root, table)


# --- articles ---------------------------------------------------------------------------------


def articles_id_unique_not_null(lake_root: str, days: list[dt.date]) -> list[Row]:
    """article_id is set, and no other article row in the whole lake has it (ids are content hashes)."""
    mine = read_rows(lake_root, "articles", days, ["article_id", "source_path"])
    if not mine:
        return []
    wanted = {str(d) for d in days}
    others = read_rows(
        lake_root,
        "articles",
        [d for d in _all_days(lake_root, "articles") if d not in wanted],
        ["article_id"],
    )
    counts = Counter(r["article_id"] for r in mine + others)
    return [r for r in mine if not r["article_id"] or counts[r["article_id"]] > 1]


def articles_language_supported(lake_root: str, days: list[dt.date]) -> list[Row]:
    """Only Arabic and French articles are accepted; anything else belongs in rejected_files."""
    rows = read_rows(lake_root, "articles", days, ["article_id", "source_path", "language"])
    return [r for r in rows if r["language"] not in LANGUAGES]


def articles_language_score_in_range(lake_root: str, days: list[dt.date]) -> list[Row]:
    """language_score is a probability: set and within 0..1."""
    rows = read_rows(lake_root, "articles", days, ["article_id", "source_path", "language_score"])
    return [r for r in rows if r["language_score"] is None or not 0.0 <= r["language_score"] <= 1.0]


def articles_text_clean_not_empty(lake_root: str, days: list[dt.date]) -> list[Row]:
    """An accepted article keeps some text after cleaning (else it should have been rejected)."""
    rows = read_rows(lake_root, "articles", days, ["article_id", "source_path", "text_clean"])
    bad = [r for r in rows if not (r["text_clean"] or "").strip()]
    for r in bad:
        r.pop("text_clean")
    return bad


# --- normalization_edits, rejected_files ------------------------------------------------------


def edits_start_char_not_negative(lake_root: str, days: list[dt.date]) -> list[Row]:
    """An edit's offset in the raw text is set and not negative."""
    rows = read_rows(lake_root, "normalization_edits", days, ["article_id", "rule", "before", "start_char"])
    return [r for r in rows if r["start_char"] is None or r["start_char"] < 0]


def rejected_reason_not_null(lake_root: str, days: list[dt.date]) -> list[Row]:
    """Every refused file says why."""
    rows = read_rows(lake_root, "rejected_files", days, ["source_path", "reason", "detail"])
    return [r for r in rows if not r["reason"]]


# --- events, event_participants, mentions -----------------------------------------------------


def _texts(lake_root: str, days: list[dt.date]) -> dict[str, str]:
    """article_id -> text_clean for the articles of `days` (the extract layer reads the same day)."""
    return {
        r["article_id"]: r["text_clean"] or ""
        for r in read_rows(lake_root, "articles", days, ["article_id", "text_clean"])
    }


def events_type_in_vocabulary(lake_root: str, days: list[dt.date]) -> list[Row]:
    rows = read_rows(lake_root, "events", days, ["event_id", "article_id", "event_type"])
    return [r for r in rows if r["event_type"] not in EVENT_TYPES]


def date_precision_problem(event_date: dt.date | None, precision: str | None) -> str | None:
    """Why a date and its precision disagree, or None: both null or both set, and a partial
    date stored as its first day (month -> day 1, year -> January 1st)."""
    if event_date is None or precision is None:
        return None if event_date is None and precision is None else "date and precision not both set"
    if precision not in DATE_PRECISIONS:
        return f"unknown precision {precision!r}"
    if precision == "month" and event_date.day != 1:
        return "month precision but not the first day"
    if precision == "year" and (event_date.month, event_date.day) != (1, 1):
        return "year precision but not January 1st"
    return None


def events_date_precision_consistent(lake_root: str, days: list[dt.date]) -> list[Row]:
    rows = read_rows(lake_root, "events", days, ["event_id", "article_id", "event_date", "date_precision"])
    bad = []
    for r in rows:
        problem = date_precision_problem(r["event_date"], r["date_precision"])
        if problem:
            bad.append({**r, "event_date": str(r["event_date"]), "problem": problem})
    return bad


def span_problem(text: str | None, start: int | None, end: int | None, quoted: str | None) -> str | None:
    """Why a span (start, end, the text it claims to quote) does not fit its article, or None."""
    if text is None:
        return "article not found on the same day"
    if start is None or end is None or not 0 <= start < end <= len(text):
        return f"offsets {start}..{end} outside text_clean (length {len(text)})"
    if quoted is not None and text[start:end] != quoted:
        return "text_clean[start:end] differs from the quoted text"
    return None


def _span_failures(rows: list[Row], texts: dict[str, str], quoted: str) -> list[Row]:
    bad = []
    for r in rows:
        problem = span_problem(texts.get(r["article_id"]), r["start_char"], r["end_char"], r[quoted])
        if problem:
            bad.append({**r, "problem": problem})
    return bad


def events_offsets_inside_text(lake_root: str, days: list[dt.date]) -> list[Row]:
    """The evidence offsets point inside the article's text_clean."""
    rows = read_rows(lake_root, "events", days, ["event_id", "article_id", "start_char", "end_char"])
    for r in rows:
        r["evidence"] = None  # position only; the quote has its own rule
    return _span_failures(rows, _texts(lake_root, days), "evidence")


def events_evidence_matches_offsets(lake_root: str, days: list[dt.date]) -> list[Row]:
    """evidence == text_clean[start_char:end_char], so a reader can find the sentence again."""
    rows = read_rows(
        lake_root, "events", days, ["event_id", "article_id", "evidence", "start_char", "end_char"]
    )
    texts = _texts(lake_root, days)
    return [
        r
        for r in _span_failures(rows, texts, "evidence")
        if r["problem"] == "text_clean[start:end] differs from the quoted text"
    ]


def participants_event_exists(lake_root: str, days: list[dt.date]) -> list[Row]:
    """Every participant row belongs to an event of the same day."""
    events = {r["event_id"] for r in read_rows(lake_root, "events", days, ["event_id"])}
    rows = read_rows(lake_root, "event_participants", days, ["event_id", "article_id", "person_name"])
    return [r for r in rows if r["event_id"] not in events]


def mentions_type_in_vocabulary(lake_root: str, days: list[dt.date]) -> list[Row]:
    rows = read_rows(lake_root, "mentions", days, ["article_id", "entity_type", "text"])
    return [r for r in rows if r["entity_type"] not in ENTITY_TYPES]


def mentions_offsets_valid(lake_root: str, days: list[dt.date]) -> list[Row]:
    """A mention's offsets lie inside text_clean and cover exactly its `text`.

    Both offsets null is allowed: an entity read outside text_clean (the published date of the
    metadata line) has no position there.
    """
    rows = read_rows(
        lake_root, "mentions", days, ["article_id", "entity_type", "text", "start_char", "end_char"]
    )
    located = [r for r in rows if r["start_char"] is not None or r["end_char"] is not None]
    return _span_failures(located, _texts(lake_root, days), "text")


RULES: tuple[Rule, ...] = (
    Rule("articles", "article_id_unique_not_null", "article_id is set and unique in the lake.",
         articles_id_unique_not_null),
    Rule("articles", "language_is_ar_or_fr", "language is `ar` or `fr`.", articles_language_supported),
    Rule("articles", "language_score_in_0_1", "language_score is within 0..1.", articles_language_score_in_range),
    Rule("articles", "text_clean_not_empty", "text_clean is not empty.", articles_text_clean_not_empty),
    Rule("normalization_edits", "start_char_not_negative", "start_char >= 0.", edits_start_char_not_negative),
    Rule("rejected_files", "reason_not_null", "Every rejected file has a reason.", rejected_reason_not_null),
    Rule("events", "event_type_in_vocabulary", f"event_type in {', '.join(EVENT_TYPES)}.",
         events_type_in_vocabulary),
    Rule("events", "date_precision_consistent", "date_precision is set exactly when event_date is, and a "
         "month/year date is its first day.", events_date_precision_consistent),
    Rule("events", "offsets_inside_text", "0 <= start_char < end_char <= len(text_clean).",
         events_offsets_inside_text),
    Rule("events", "evidence_matches_offsets", "evidence == text_clean[start_char:end_char].",
         events_evidence_matches_offsets),
    Rule("event_participants", "event_exists", "Every participant's event_id is an event of the same day.",
         participants_event_exists),
    Rule("mentions", "entity_type_in_vocabulary", f"entity_type in {', '.join(ENTITY_TYPES)}.",
         mentions_type_in_vocabulary),
    Rule("mentions", "offsets_valid", "Offsets (when set) lie inside text_clean and text == text_clean[start:end].",
         mentions_offsets_valid),
)  # fmt: skip


def rules_for(table: str) -> list[Rule]:
    return [r for r in RULES if r.table == table]


def evaluate(rule: Rule, lake_root: str, days: list[dt.date], sample_size: int = SAMPLE_SIZE) -> Outcome:
    """Run one rule on the partitions of `days`."""
    failures = rule.find(lake_root, days)
    return Outcome(rule, len(failures), failures[:sample_size])


def evaluate_table(lake_root: str, table: str, days: list[dt.date]) -> list[Outcome]:
    return [evaluate(rule, lake_root, days) for rule in rules_for(table)]
