"""One document through one stage: the per-document steps the day stages map over processes.

Kept apart from `akhbar.run.pipeline` (which reads and writes the lake per day) so that the worker
pool in `akhbar.run.parallel` can import the steps without importing the day stages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from akhbar.ingest.reader import MIN_TEXT_CHARS, read_header
from akhbar.text.textedit import TrackedText


class NothingLeft(ValueError):
    """The cleaning removed (nearly) everything: the file held only site boilerplate."""


def clean_document(row: dict) -> tuple[dict, list[dict]]:
    """One raw_documents row -> (articles row, normalization_edits rows)."""
    from akhbar.clean.normalize import normalize_tracked
    from akhbar.lexicons import frequencies

    frequencies.install()  # wordfreq's lists from the cache file (same numbers, no slow build)
    text = TrackedText(row["raw_text"])
    read_header(text)
    normalize_tracked(text, row["language"])
    if len(text.text.strip()) < MIN_TEXT_CHARS:
        raise NothingLeft(f"only {len(text.text.strip())} characters left once boilerplate was removed")
    article = {k: row[k] for k in row if k != "raw_text"}
    article["text_clean"] = text.text
    edits = [
        {
            "article_id": row["article_id"],
            "rule": e.rule,
            "before": e.before,
            "after": e.after,
            "start_char": e.start_char,
        }
        for e in text.edits
    ]
    return article, edits


def extract_document(row: dict) -> tuple[list[dict], list[dict], list[dict]]:
    """One articles row -> (events, event_participants, mentions) rows."""
    from akhbar.extract.article import extract_article
    from akhbar.lexicons import frequencies

    frequencies.install()  # before the finders' first wordfreq lookup
    result = extract_article(
        row["article_id"],
        row["text_clean"],
        row["language"],
        row["published_date"],
        row.get("published_precision") or ("day" if row["published_date"] else None),
    )
    return result.events, result.participants, result.mentions


@dataclass(frozen=True)
class guarded:  # noqa: N801 - used like a decorator function
    """Wrap a per-document step so one bad document becomes a recorded failure, not a crashed run.

    A class rather than a closure so that it pickles into worker processes.
    """

    fn: Callable[[dict], object]

    def __call__(self, row: dict) -> object:
        try:
            return self.fn(row)
        except NothingLeft as exc:  # not a bug: a file with no article in it
            return DocumentFailure(row.get("source_path", "?"), str(exc), "boilerplate_only")
        except Exception as exc:  # any bug on one document must not stop the others
            return DocumentFailure(
                row.get("source_path") or row.get("article_id", "?"), f"{type(exc).__name__}: {exc}"
            )


@dataclass(frozen=True)
class DocumentFailure:
    source_path: str
    detail: str
    reason: str = ""  # default: "<stage>_error"
