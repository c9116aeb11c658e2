"""Date expressions in Arabic and French news text, read to ISO dates with an honest precision.

Why not `dateparser.search_dates`: on Moroccan text it finds none of the ar-MA month names in
running text and invents a month and a day for bare numbers (162 مليون, a year alone). So the
finder is one compiled regex built from the lexicons (`akhbar/lexicons/months.tsv`, `weekdays.tsv`,
`relative_dates.tsv`, `date_*.tsv`), matched on a length-preserving fold of the text (the
`akhbar.text.keys.match_key` folding: offsets on the key are offsets on the text). Every match is already
split into day, month number and year by the lexicon lookup, so it is read with `datetime.date`
directly (which refuses impossible dates such as 31/02): dateparser would only re-parse a canonical
numeric form, and the lexicon is checked against dateparser's own month names in the tests.

Speed (100k documents): a regex tried at every position of a 5,000-character article costs
milliseconds in CPython, so the pattern is only matched around triggers found with C-level
`str.find` (digit runs, one rare word of each relative expression, qualifiers, day words), at the
start of the trigger's word and of the date words just before it. A test checks this finds exactly
what a scan of every position finds. The fold is `match_key` (one `str.translate` pass), computed
once per document for the date, people and event finders (`akhbar.text.tokens.text_key`).

Decisions (what a reader would understand, never more precise than the text):
- Full dates (الأحد 19 فبراير 2012, 1er mars 2026, 12/03/2026 = dd/mm/yyyy, 2026-03-12) -> day.
  A weekday before a date is part of the date text; `يوم`, `le`, `ce` and clitics (ل، ب) are not.
  A range or a list of days (12 و13 مارس 2026, les 11, 12 et 13 mars, 09-10-11 يناير) is read as its first day;
  in Arabic each later day written in it is a date of its own too, `listed` (an event takes the first): the
  Arabic news and the corpus's Arabic readers count every day of 09-10-11 يناير, the French readers only the
  first of les 11, 12 et 13 mars (eval/real/README.md).
- Month and year (يناير 2020, mars 2026) -> month. A month alone only after a month cue (في شهر مارس,
  au mois d'avril: date_month_cues.tsv) or with a qualifier (mars dernier): the last such month not
  after the anchor (the next one for prochain/المقبل), relative; no anchor -> iso None.
- A year alone only after a cue word (date_year_cues.tsv): سنة 1976 / l'année 2015 (cue in the text),
  في 2015 / en 2015 / depuis 2015 (the year alone is the text) and dated event nouns: انتخابات 2011
  is read as the year 2011, as a reader would. Never when a counted word follows (2000 درهم).
  Bare numbers (162 مليون, 21 عضوا, a year inside a phone number or an ID) are never dates.
- Day and month without a year (يوم 10 دجنبر, le 12 mars): the year comes from the anchor (the
  published date): the most recent such day not after it; a weekday given with it picks the year
  where it falls on that weekday (nearest the anchor); `prochain`/`المقبل` after it takes the next one,
  `الجاري` the anchor's year. No anchor -> iso None.
- Relative expressions (أمس, hier, الأسبوع الماضي, samedi dernier, يوم السبت الماضي) are read
  against the anchor; without one they keep iso None and precision None. A weekday with a qualifier
  fixes a day (the last such weekday strictly before the anchor, or the next one after it). A week
  or a weekend does not fix a day: it resolves to its month when it lies within one month, else to
  its year (precision month/year), see relative_dates.tsv.
- Vague expressions (récemment, مؤخرا, في الفترة الأخيرة) are returned with iso None and precision
  None even with an anchor, so an event extractor knows its event is dated vaguely.
- `relative` is True for every value that needs the anchor to be read (year-less days included).
- The anchor has a precision (`anchor_precision`): `day` (a publication day or a dateline) reads
  everything above; `month` (a ` date 2021-09` header: the anchor is the month's last day) and `year`
  (the year the text itself states) read year-less days and months (a year anchor puts them in its
  year), never a day-relative expression (أمس, samedi dernier): the text does not give the day they
  count from; under a year anchor no relative expression is read at all (لسنة الجارية stays unread).
- A weekday alone is a date only with a cue (`date_weekday_cues.tsv`: ce samedi, يوم السبت, jeudi
  matin) and a day anchor; dateparser reads it (RELATIVE_BASE = the anchor, past preferred). In French
  the verb of its clause may stand for the cue (un congrès tenu dimanche, se tiendra samedi), not after
  le / chaque (a habit); Arabic keeps its cues (الأحد, الاثنين are also `anyone`, `the two`).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib import resources
from typing import TypeVar

from akhbar.text.keys import match_key
from akhbar.text.spans import DateValue
from akhbar.text.tokens import strip_clitics, text_key

# Year-only and month-year mentions are accepted in this range (older numbers after a cue are counts
# or Hijri years).
YEAR_ONLY_MIN, YEAR_ONLY_MAX = 1800, 2099
# Dates with a day or a month name may be older (12 مارس 1956).
YEAR_MIN, YEAR_MAX = 1000, 2999
LIST_MAX_MORE_DAYS = 9  # days after the first in one list of days (les 12-13-14-15-16-17 mars: five)
# a list with commas has three days or more, or ends with و/et before its last day (les 11, 12 et 13 mars):
# `4، 12 مارس` is a number and a date

_ARABIC_CLITICS = "وفبلك"
T = TypeVar("T")
_SPACES = re.compile(r"\s+")


# ---------------------------------------------------------------- lexicons


def _read_lexicon(name: str) -> list[dict[str, str]]:
    """Rows of a TSV lexicon in `akhbar/lexicons/` (header line, `#` comments, UTF-8)."""
    text = resources.files("akhbar").joinpath("lexicons", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return [
        {k: (v or "").strip() for k, v in row.items()}
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    ]


@lru_cache(maxsize=8192)
def _key(text: str) -> str:
    """The lexicon key of a phrase: `match_key`, runs of spaces folded, a final dot dropped."""
    return _SPACES.sub(" ", match_key(text)).strip().rstrip(".")


@dataclass(frozen=True)
class _Lexicons:
    months: dict[str, int]
    weekdays: dict[str, int]
    relatives: dict[str, tuple[str, int]]  # key -> (unit, offset)
    qualifiers: dict[str, int]  # key -> direction
    year_cues: dict[str, str]  # key -> kind
    blockers: frozenset[str]
    day_words: dict[str, int]
    connectors: dict[str, str]  # key -> kind (range | of)
    month_cues: frozenset[str]
    name_heads: frozenset[str]  # حركة (20 فبراير), mouvement du (20 février): a name, not a date


@lru_cache(maxsize=1)
def _lexicons() -> _Lexicons:
    return _Lexicons(
        months={_key(r["name"]): int(r["month"]) for r in _read_lexicon("months.tsv")},
        weekdays={_key(r["name"]): int(r["weekday"]) for r in _read_lexicon("weekdays.tsv")},
        relatives={
            k: (r["unit"], int(r["offset"] or 0))
            for r in _read_lexicon("relative_dates.tsv")
            for k in (_key(r["expression"]), _joined(_key(r["expression"])))
        },
        qualifiers={_key(r["word"]): int(r["direction"]) for r in _read_lexicon("date_qualifiers.tsv")},
        year_cues={_key(r["cue"]): r["kind"] for r in _read_lexicon("date_year_cues.tsv")},
        blockers=frozenset(_key(r["word"]) for r in _read_lexicon("date_year_blockers.tsv")),
        day_words={_key(r["word"]): int(r["day"]) for r in _read_lexicon("date_day_words.tsv")},
        connectors={_key(r["word"]): r["kind"] for r in _read_lexicon("date_connectors.tsv")},
        month_cues=frozenset(_key(r["cue"]) for r in _read_lexicon("date_month_cues.tsv")),
        name_heads=frozenset(_key(r["head"]) for r in _read_lexicon("date_name_heads.tsv")),
    )


# ---------------------------------------------------------------- the pattern


_SEPARATOR = r"[\s\-']"  # between a phrase's words: spaces, hyphens and apostrophes are interchangeable
_SEPARATORS = re.compile(_SEPARATOR + "+")


def _phrase(key: str) -> str:
    """Regex of a lexicon key: spaces, hyphens and apostrophes between words are interchangeable."""
    return (_SEPARATOR + "*").join(re.escape(p) for p in _SEPARATORS.split(key) if p)


def _alternation(keys: Iterable[str]) -> str:
    """Longest first, so `يوليوز` wins over `يوليو` and `نهاية الأسبوع الماضي` over `الأسبوع الماضي`."""
    words = sorted(set(keys), key=len, reverse=True)
    # Arabic ل before ال drops the alef: للسنة الجارية = the clitic ل + لسنة الجارية
    after_lam = [k[1:] for k in words if k.startswith("ال")]
    return "|".join([_phrase(k) for k in words] + ["(?<=ل)" + _phrase(k) for k in after_lam])


# right edge of a number: no more digits, no letters glued (but 2011م, the Arabic "AD", and the
# time of an ISO timestamp, 2026-03-12T10:00)
_NUM_END = r"(?![./\-]?\d)(?!(?!م(?!\w)|t\d)\w)"


def _not_counted() -> str:
    """No counted word after the number (2000 درهم, 2000 سنة)."""
    return rf"(?!\s*(?:{_alternation(_lexicons().blockers)})(?!\w))"


@lru_cache(maxsize=1)
def _year_list() -> re.Pattern[str]:
    """One more year of a list after a cued year: سنتي 2015 و2016, entre 2015 et 2020, 2002، 2005."""
    ranges = _alternation(k for k, kind in _lexicons().connectors.items() if kind == "range")
    return re.compile(rf"\s*(?:,|،|{ranges})\s*(\d{{4}}){_NUM_END}{_not_counted()}")


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    lex = _lexicons()
    abbreviations = {_key(r["name"]) for r in _read_lexicon("months.tsv") if r["name"].endswith(".")}
    by_length = sorted(lex.months, key=len, reverse=True)

    def months(dot: str) -> str:
        """Month names; a second name for the same month may follow: شباط (فبراير), فبراير/شباط."""
        words = "|".join(_phrase(k) + (dot if k in abbreviations else "") for k in by_length)
        one = rf"(?:{words})(?![^\W\d_])"  # a year may be glued: دجنبر2016
        return rf"{one}(?:\s*[(/]\s*{one}\s*\)?)?"

    month_alt = months(r"\.?")  # after a day: 7 sept 2015
    # without a day an abbreviation needs its dot: "sept 2000 militants" is seven, not September
    month_alone = months(r"\.")
    weekday = rf"(?:{_alternation(lex.weekdays)})(?![^\W\d_])"
    qualifier = rf"(?:{_alternation(lex.qualifiers)})(?!\w)"
    day_word = _alternation(lex.day_words)
    # 25دجنبر too; an ordinal with its article only before من (الثامن من شتنبر; المؤتمر الثاني ماي 2019
    # is the second congress)
    day = rf"(?:ال(?:{day_word})(?=\s+من\s)|(?:{day_word})(?!\w)|(?:[12]\d|3[01]|0?[1-9])(?:er(?!\w))?(?!\d))"
    ranges = _alternation(k for k, kind in lex.connectors.items() if kind == "range")
    of = rf"(?:(?:{_alternation(k for k, kind in lex.connectors.items() if kind == 'of')})\s+)"
    # left edge: not inside a word or a number; an Arabic clitic glued before it is skipped
    edge = rf"(?<![\w])(?:[{_ARABIC_CLITICS}]{{1,2}}(?=[\w]))??"
    num_edge = r"(?<![\w])(?<!\d[./\-])(?:[" + _ARABIC_CLITICS + r"](?=\d))?"
    num_end = _NUM_END
    year_cue = _alternation(k for k, kind in lex.year_cues.items() if kind == "year")
    any_cue = _alternation(lex.year_cues)
    not_counted = _not_counted()
    sep = r"(?:\s*[,،]\s*|\s*)"
    relatives = _alternation(lex.relatives)
    month_cue = _alternation(lex.month_cues)

    alternatives = [
        # 2026-03-12, 2026/03/12
        rf"{num_edge}(?P<iso>(?P<iy>\d{{4}})(?P<isep>[\-/.])(?P<im>\d{{1,2}})(?P=isep)(?P<id>\d{{1,2}})){num_end}",
        # 12/03/2026, 12-03-2026, 12.03.2026 (day first)
        rf"{num_edge}(?P<dmy>(?:(?P<nw>{weekday}){sep})?(?P<nd>\d{{1,2}})(?P<nsep>[\-/.])(?P<nm>\d{{1,2}})"
        rf"(?P=nsep)(?P<ny>\d{{4}})){num_end}",
        # الأحد 19 فبراير 2012, 1er mars 2026, 12 و13 مارس 2026, le 12 mars (dernier)
        rf"{edge}(?P<full>(?:(?P<fw>{weekday}){sep})?(?P<fd>{day})"
        rf"(?:(?:\s*[,،]\s*(?:{day}))+\s*(?:{ranges})\s*(?:{day})|(?:\s*[,،]\s*(?:{day})){{2,{LIST_MAX_MORE_DAYS}}}"
        rf"|(?:\s*(?:-|{ranges})\s*(?:{day})){{1,{LIST_MAX_MORE_DAYS}}})?"
        rf"\s*(?:-\s*)?{of}?(?P<fm>{month_alt})"
        rf"(?:{sep}{of}?(?:(?:{year_cue})\s*)?(?P<fy>\d{{4}}){num_end}|\s+(?P<fq>{qualifier}))?)",
        # يناير 2020, mars 2026, شهر مارس من سنة 2015
        rf"{edge}(?P<my>(?P<mm>{month_alone}){sep}(?:{of}?(?:{year_cue})\s*)?(?P<myy>\d{{4}})){num_end}{not_counted}",
        # مارس الماضي, mars dernier
        rf"{edge}(?P<mq>(?P<mqm>{month_alone})\s+(?P<mqq>{qualifier}))",
        # في شهر مارس, au mois de mars (no year after it: شهر مارس 2015 is a month and year)
        rf"{edge}(?:{month_cue})[\s']*(?P<mo>(?P<mom>{month_alone}))(?!{sep}{of}?(?:(?:{year_cue})\s*)?\d|\s+{qualifier})",
        # السبت الماضي, samedi prochain
        rf"{edge}(?P<wq>(?P<wqw>{weekday})\s+(?P<wqq>{qualifier}))",
        # سنة 1976, في 2015, انتخابات 2011, en 2015
        rf"{edge}(?P<cy>(?P<cue>{any_cue})\s*(?P<cyy>\d{{4}})){num_end}{not_counted}",
        # أمس, la semaine dernière, مؤخرا
        rf"{edge}(?P<rel>{relatives})(?!\w)",
    ]
    return re.compile("|".join(f"(?:{a})" for a in alternatives))


# ---------------------------------------------------------------- reading


def _iso(d: date, precision: str) -> str:
    return {"day": d.isoformat(), "month": d.isoformat()[:7], "year": str(d.year)}[precision]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # 31/02, month 13
        return None


def _span_precision(first: date, last: date) -> tuple[str | None, str | None]:
    """The finest precision that holds the whole span first..last (a week is not a day)."""
    if (first.year, first.month) == (last.year, last.month):
        return _iso(first, "month"), "month"
    if first.year == last.year:
        return str(first.year), "year"
    return None, None


def _shift_month(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


COMING_MAX_DAYS = 90  # a year-less day this soon after the anchor, told in no past verb, is the coming one


def _day_month_year(
    day: int, month: int, anchor: date, weekday: int | None, direction: int | None, told: bool = False
) -> date | None:
    """The year of a year-less day and month, from the anchor (see the module docstring)."""
    candidates = [d for y in range(anchor.year - 1, anchor.year + 2) if (d := _safe_date(y, month, day))]
    if not candidates:
        return None
    if direction == 0:
        return next((d for d in candidates if d.year == anchor.year), None)
    if direction == 1:
        after = [d for d in candidates if d > anchor]
        return after[0] if after else None
    if weekday is not None:
        # the weekday picks the year; none of the candidate years has it: the anchor is not this story's
        same_weekday = [d for d in candidates if d.isoweekday() == weekday]
        return min(same_weekday, key=lambda d: abs((d - anchor).days)) if same_weekday else None
    if direction == -1:
        before = [d for d in candidates if d < anchor]
    else:
        before = [d for d in candidates if d <= anchor]
        coming = next((d for d in candidates if d > anchor), None)
        if not told and coming is not None and (coming - anchor).days <= COMING_MAX_DAYS:
            return coming  # يومي 4 و5 مارس under a 8 January dateline: the coming March, not last year's
    return before[-1] if before else None


def _relative(unit: str, offset: int, anchor: date) -> tuple[str | None, str | None]:
    if unit == "day":
        return _iso(anchor + timedelta(days=offset), "day"), "day"
    if unit in ("week", "weekend"):
        monday = anchor - timedelta(days=anchor.isoweekday() - 1) + timedelta(weeks=offset)
        first = monday + timedelta(days=5) if unit == "weekend" else monday
        return _span_precision(first, monday + timedelta(days=6))
    if unit == "month":
        return _iso(_shift_month(anchor, offset), "month"), "month"
    if unit == "year":
        return str(anchor.year + offset), "year"
    return None, None  # vague


def _weekday_relative(weekday: int, direction: int, anchor: date) -> date:
    """The last such weekday strictly before the anchor (-1), the next one after it (1), or the one
    of the anchor's week (0)."""
    delta = weekday - anchor.isoweekday()
    if direction < 0:
        return anchor + timedelta(days=delta - 7 if delta >= 0 else delta)
    if direction > 0:
        return anchor + timedelta(days=delta + 7 if delta <= 0 else delta)
    return anchor + timedelta(days=delta)


def _group_key(m: re.Match[str], name: str) -> str:
    return _key(m.group(name))


def _lookup(table: Mapping[str, T], key: str) -> T:
    """A lexicon entry by key, also when ل + ال was written للـ (للسنة الجارية), or when the text joins
    or splits what the lexicon hyphenates (ce weekend for ce week-end: `_phrase` matches both)."""
    for k in (key, "ا" + key, _joined(key)):
        if k in table:
            return table[k]
    raise KeyError(key)


def _joined(key: str) -> str:
    """A key without the spaces, hyphens and apostrophes `_phrase` lets the text write or leave out."""
    return _SEPARATORS.sub("", key)


def month_number(word: str) -> int | None:
    """The month a word names (دجنبر, décembre, déc.), or None."""
    return _lexicons().months.get(_key(word))


def _month_of(text: str) -> int:
    """Month number of a matched month (the first name of `شباط (فبراير)`)."""
    months = _lexicons().months
    first = re.split(r"\s*[(/]", text, maxsplit=1)[0]
    return months[_key(first)]


def _day_of(text: str) -> int:
    k = _key(text)
    words = _lexicons().day_words
    return words.get(k) or words.get(k.removeprefix("ال")) or int(k.removesuffix("er"))


_Reading = tuple[str | None, str | None, bool]  # iso, precision, relative
_DAY_UNITS = frozenset({"day", "week", "weekend"})  # relative units that need a day to count from


def _read(m: re.Match[str], anchor: date | None, precision: str = "day") -> tuple[str, _Reading | None]:
    """Which alternative matched (its group name) and what it means; None = not a date after all.

    `precision` is the anchor's: below `day`, expressions counted from a day stay unread."""
    lex = _lexicons()
    if anchor is not None and precision != "day":
        # under a month header a day-relative expression (samedi dernier, hier) is only known to its month
        month_only = (
            (f"{anchor.year:04d}-{anchor.month:02d}", "month", True) if precision == "month" else None
        )
        if m.group("wq") is not None:
            return "wq", month_only or (None, None, True)
        if m.group("rel") is not None and (
            precision == "year" or _lookup(lex.relatives, _group_key(m, "rel"))[0] in _DAY_UNITS
        ):
            unit = _lookup(lex.relatives, _group_key(m, "rel"))[0]
            if unit in ("vague", "not_a_date"):
                return "rel", ((None, None, True) if unit == "vague" else None)
            return "rel", month_only or (None, None, True)
        if precision == "year" and m.group("full") is not None and m["fy"] is None:
            day, month = _day_of(m["fd"]), _month_of(m["fm"])
            d = _safe_date(anchor.year, month, day)
            weekday = _lookup(lex.weekdays, _group_key(m, "fw")) if m["fw"] else None
            if d is not None and weekday is not None and d.isoweekday() != weekday:
                return "full", (None, None, True)  # samedi 16 novembre is no Saturday in that year
            return "full", ((d.isoformat(), "day", True) if d else None)
        if precision == "year" and (m.group("mq") is not None or m.group("mo") is not None):
            kind = "mq" if m.group("mq") is not None else "mo"
            return kind, (f"{anchor.year:04d}-{_month_of(m[kind + 'm']):02d}", "month", True)
    if m.group("iso") is not None:
        d = _safe_date(int(m["iy"]), int(m["im"]), int(m["id"]))
        return "iso", ((d.isoformat(), "day", False) if d and YEAR_MIN <= d.year <= YEAR_MAX else None)
    if m.group("dmy") is not None:
        d = _safe_date(int(m["ny"]), int(m["nm"]), int(m["nd"]))
        return "dmy", ((d.isoformat(), "day", False) if d and YEAR_MIN <= d.year <= YEAR_MAX else None)
    if m.group("full") is not None:
        day, month = _day_of(m["fd"]), _month_of(m["fm"])
        if m["fy"] is not None:
            year = int(m["fy"])
            d = _safe_date(year, month, day) if YEAR_MIN <= year <= YEAR_MAX else None
            return "full", ((d.isoformat(), "day", False) if d else None)
        if _safe_date(2000, month, day) is None:  # 31 نونبر (2000: a leap year keeps 29 فبراير)
            return "full", None
        if anchor is None:
            return "full", (None, None, True)
        weekday = _lookup(lex.weekdays, _group_key(m, "fw")) if m["fw"] else None
        direction = _lookup(lex.qualifiers, _group_key(m, "fq")) if m["fq"] else None
        told = _tense_near(m.string, m.start("full")) < 0  # s'est tenu le 20 février: the last one
        d = _day_month_year(day, month, anchor, weekday, direction, told)
        return "full", ((d.isoformat(), "day", True) if d else (None, None, True))
    if m.group("my") is not None:
        year = int(m["myy"])
        if not YEAR_ONLY_MIN <= year <= YEAR_ONLY_MAX:  # sept 1000 militants: no day to vouch for it
            return "my", None
        return "my", (f"{year:04d}-{_month_of(m['mm']):02d}", "month", False)
    if m.group("mq") is not None:
        if anchor is None:
            return "mq", (None, None, True)
        month, direction = _month_of(m["mqm"]), _lookup(lex.qualifiers, _group_key(m, "mqq"))
        year = anchor.year
        if direction < 0 and month >= anchor.month:
            year -= 1
        elif direction > 0 and month <= anchor.month:
            year += 1
        return "mq", (f"{year:04d}-{month:02d}", "month", True)
    if m.group("mo") is not None:
        if anchor is None:
            return "mo", (None, None, True)
        month = _month_of(m["mom"])
        year = anchor.year if month <= anchor.month else anchor.year - 1
        return "mo", (f"{year:04d}-{month:02d}", "month", True)
    if m.group("wq") is not None:
        if anchor is None:
            return "wq", (None, None, True)
        weekday, direction = (
            _lookup(lex.weekdays, _group_key(m, "wqw")),
            _lookup(lex.qualifiers, _group_key(m, "wqq")),
        )
        return "wq", (_weekday_relative(weekday, direction, anchor).isoformat(), "day", True)
    if m.group("cy") is not None:
        year = int(m["cyy"])
        if not YEAR_ONLY_MIN <= year <= YEAR_ONLY_MAX:
            return "cy", None
        return "cy", (str(year), "year", False)
    if m.group("rel") is not None:
        unit, offset = _lookup(lex.relatives, _group_key(m, "rel"))
        if unit == "not_a_date":  # اليوم الوطني: matched only to hide the اليوم it holds
            return "rel", None
        if anchor is None or unit == "vague":
            return "rel", (None, None, True)
        iso, precision = _relative(unit, offset, anchor)
        return "rel", (iso, precision, True)
    raise AssertionError("unhandled date alternative")  # pragma: no cover


def _span(m: re.Match[str], kind: str) -> tuple[int, int]:
    """Offsets of the date text: the year alone after a weak or event cue, else the whole match."""
    if kind == "cy" and _lookup(_lexicons().year_cues, _group_key(m, "cue")) != "year":
        return m.span("cyy")
    return m.span(kind)


def find_dates(
    text: str, language: str, published: date | None = None, anchor_precision: str = "day"
) -> list[DateValue]:
    """All date expressions in `text`, in order, non-overlapping (longest match wins).

    The lexicons of every language are matched (their scripts differ), so a French date in an
    Arabic article is found too; `language` picks dateparser's locale for weekdays alone.
    `published` anchors relative and year-less expressions (at `anchor_precision`: day, month or
    year, see the module docstring); without it they get iso None.
    """
    if not text:
        return []
    key = text_key(text)  # the people and event finders fold the same text: once for all three
    out: list[DateValue] = []
    later_days: dict[int, list[DateValue]] = {}  # a list's first day (its start) -> the days after it
    for m in _matches(key):
        kind, reading = _read(m, published, anchor_precision)
        if reading is None or kind == "full" and m["fy"] is None and _named_day(key, m.start("full")):
            continue
        start, end = _span(m, kind)
        while end < len(text) and key[end] == " " and not text[end].isspace():
            end += 1  # a diacritic the fold made a space (مؤخراً) belongs to its word
        iso, precision, relative = reading
        out.append(DateValue(iso, precision, text[start:end], start, end, relative))
        if kind == "cy":
            out.extend(_listed_years(key, text, end))
        if kind == "full" and precision == "day" and iso and _ARABIC_LETTER.search(m["fm"]):
            later_days[start] = _later_days(key, text, m, out[-1])
    out.extend(_year_ranges(text))
    if published is not None and anchor_precision in ("day", "month"):
        out.extend(_cued_weekdays(text, key, language, published, out, anchor_precision))
    out.sort(key=lambda d: d.start_char)
    kept = _without_apposed_relatives(text, _without_overlaps(out))
    if not any(later_days.values()):
        return kept
    return [day for value in kept for day in (value, *later_days.get(value.start_char, ()))]


_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")  # a list whose month is written in Arabic: every day counts
_LIST_DAY = re.compile(r"(?<!\d)(?:[12]\d|3[01]|0?[1-9])(?!\d)")


def _later_days(key: str, text: str, m: re.Match[str], first: DateValue) -> list[DateValue]:
    """The days a list writes after its first (09-10-11 يناير, 15 و16 و18 نونبر, les 11, 12 et 13 mars,
    ما بين 2 و4 شتنبر: 10 and 11, 16 and 18, 12 and 13, 4), each a day of the first one's month and year."""
    out = []
    head = date.fromisoformat(first.iso)
    for day in _LIST_DAY.finditer(key, m.end("fd"), m.start("fm")):
        d = _safe_date(head.year, head.month, int(day.group()))
        if d is not None and d > head:
            out.append(
                DateValue(
                    d.isoformat(), "day", text[day.start() : day.end()], *day.span(), first.relative, True
                )
            )
    return out


# two years joined by a hyphen, the second later (la législature 2016-2021, الموسم 2012-2013): both years,
# as the text fixes them; not a day written 2015-06-01, not a number inside a longer one
_YEAR_RANGE = re.compile(
    r"(?<![\d\-/.])((?:19[5-9]|20[0-4])\d)\s*[-–]\s*((?:19[5-9]|20[0-4])\d)(?![\d\-/]|\.\d)"
)


def _year_ranges(text: str) -> list[DateValue]:
    out = []
    for m in _YEAR_RANGE.finditer(text):
        if int(m[2]) > int(m[1]):
            out += [DateValue(m[n], "year", m[n], m.start(n), m.end(n)) for n in (1, 2)]
    return out


APPOSITION_GAP = 3  # characters (a comma, spaces) between `hier` and the full date it is apposed to


def _without_apposed_relatives(text: str, values: list[DateValue]) -> list[DateValue]:
    """`hier, dimanche 12 septembre 2021`, `أمس الأحد 12 شتنبر 2021`: the relative word names the full
    date that follows it, not another day; counted from a reference day that is that very date, it
    would read as the day before."""
    kept = []
    for n, value in enumerate(values):
        following = values[n + 1] if n + 1 < len(values) else None
        apposed = (
            value.relative
            and following is not None
            and not following.relative
            and following.precision == "day"
            and following.start_char - value.end_char <= APPOSITION_GAP
            and not text[value.end_char : following.start_char].strip(" ,،")
        )
        if not apposed:
            kept.append(value)
    return kept


def _named_day(key: str, start: int) -> bool:
    """Is the day and month at `start` part of a name (حركة 20 فبراير, mouvement du 20 février)?"""
    words = key[max(0, start - 40) : start].lower().split()
    heads = _lexicons().name_heads
    if not words:
        return False
    last = words[-1]
    return last in heads or last[1:] in heads and last[0] in "وبل" or " ".join(words[-2:]) in heads


@lru_cache(maxsize=1)
def _weekday_cues() -> dict[tuple[str, str], int]:
    """(where, folded cue) -> direction, from date_weekday_cues.tsv."""
    return {(r["where"], _key(r["cue"])): int(r["direction"]) for r in _read_lexicon("date_weekday_cues.tsv")}


def _cued_weekdays(
    text: str, key: str, language: str, anchor: date, taken: Sequence[DateValue], precision: str = "day"
) -> list[DateValue]:
    """Weekdays alone with a cue (ce samedi, يوم السبت الذي..., jeudi matin, `a été élu, vendredi,`) read
    against a day anchor; under a month anchor (a ` date 2021-09` header) only their month is known."""
    import dateparser  # only articles with a weekday alone and a day anchor get here

    cues, weekdays = _weekday_cues(), _lexicons().weekdays
    words = list(_WORD.finditer(key))
    found = []
    for i, w in enumerate(words):
        name = w.group().lower()
        if name not in weekdays or any(d.start_char <= w.start() < d.end_char for d in taken):
            continue
        before = words[i - 1].group().lower() if i else ""
        after = words[i + 1].group().lower() if i + 1 < len(words) else ""
        direction = cues.get(("before", before), cues.get(("after", after)))
        if (
            direction is None
            and text[max(0, w.start() - 2) : w.start()] == ", "
            and text[w.end() : w.end() + 1] == ","
        ):
            direction = -1  # a été élu, vendredi, président: the weekday set off by commas
        this_week = direction == 0 and i > 0  # ce samedi: the cue is part of the date's text
        tense = _tense_near(key, w.start()) if direction is not None else 0
        if direction is None and language == "fr" and before not in _HABIT_WORDS | _AIM_WORDS:
            # un congrès tenu dimanche, se tiendra samedi: a French weekday names one day only, which
            # the verb right before it places (Arabic الأحد, الاثنين are also `anyone`, `the two`)
            direction = tense = _tense_near(key, w.start(), ADJACENT_TENSE_WORDS) or None
        if direction is None:
            continue
        if direction < 0 and tense > 0:
            direction = 1  # l'élection sera organisée samedi: the coming one
        elif direction == 0 and tense < 0:
            direction = -1  # il a présidé, ce samedi, la réunion: this week's, told as past (the last one)
        if precision == "month":
            month = f"{anchor.year:04d}-{anchor.month:02d}"
            found.append(DateValue(month, "month", text[w.start() : w.end()], w.start(), w.end(), True))
            continue
        if direction >= 0:
            day = _weekday_relative(weekdays[name], direction, anchor)
        else:
            base = datetime.combine(anchor, datetime.min.time()) + timedelta(
                days=1
            )  # the anchor day itself counts
            settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
            locale = ["ar-MA"] if language == "ar" else ["fr"]
            parsed = dateparser.parse(text[w.start() : w.end()], locales=locale, settings=settings)
            if parsed is None:
                continue
            day = parsed.date()
        start = words[i - 1].start() if this_week else w.start()
        found.append(DateValue(day.isoformat(), "day", text[start : w.end()], start, w.end(), True))
    return found


_HABIT_WORDS = frozenset({"le", "les", "chaque"})  # le lundi, chaque samedi: a habit, not a day
_AIM_WORDS = frozenset({"pour", "jusqu", "avant", "d"})  # convoqué pour samedi, jusqu'à vendredi: a deadline
ADJACENT_TENSE_WORDS = 3  # tenu dimanche, s'est réuni mardi, se tiendra samedi: the verb right before it


SENTENCE_MARK = re.compile(r"[.!?؟\n]")  # a sentence ends at one of these (events read it too)
_CLAUSE_OPENERS = frozenset({"que", "qu", "ان", "بان"})  # il a dit samedi qu'il sera candidat: another verb's
TENSE_WINDOW_WORDS = (
    15  # a verb this close to the date, in its own clause, tells whether it is past or coming
)


def _tense_near(key: str, at: int, before_only: int = 0) -> int:
    """1 when a future verb (date_weekday_cues.tsv, where sentence, direction 1: sera, présidera,
    سيعقد) stands near `at` in its sentence and clause (no que/أن between), else -1 when a past one does
    (s'est tenu, انعقد), else 0. `before_only`: only the verb among that many words right before `at`
    (a weekday with no cue of its own: un congrès tenu dimanche)."""
    cues = _weekday_cues()
    start = max(key.rfind(mark, 0, at) for mark in ".!?؟\n") + 1
    stop = SENTENCE_MARK.search(key, at)
    words = list(_WORD.finditer(key, start, stop.start() if stop else len(key)))
    here = next((n for n, w in enumerate(words) if w.end() > at), len(words))
    lo, hi = max(0, here - TENSE_WINDOW_WORDS), min(len(words), here + TENSE_WINDOW_WORDS + 1)
    if before_only:
        lo, hi = max(0, here - before_only), here
    found = set()
    for n in range(lo, hi):
        between = words[min(n, here) + 1 : max(n, here)]
        if any(w.group().lower() in _CLAUSE_OPENERS for w in between):
            continue
        found.update(cues.get(("sentence", rest)) for rest, _ in strip_clitics(words[n].group().lower()))
    return 1 if 1 in found else -1 if -1 in found else 0  # sera organisée: the auxiliary tells


def _listed_years(key: str, text: str, end: int) -> list[DateValue]:
    """The years listed after a cued year (سنتي 2015 و2016: 2016 too), each its own year mention."""
    found = []
    while (m := _year_list().match(key, end)) is not None:
        year = int(m.group(1))
        if not YEAR_ONLY_MIN <= year <= YEAR_ONLY_MAX:
            break
        start, end = m.span(1)
        found.append(DateValue(str(year), "year", text[start:end], start, end, False))
    return found


def _without_overlaps(values: list[DateValue]) -> list[DateValue]:
    kept: list[DateValue] = []
    for value in values:
        if not kept or value.start_char >= kept[-1].end_char:
            kept.append(value)
    return kept


# How many words before a trigger a date may start (شباط (فبراير) من سنة 2012: four; le week-end dernier: three).
_WORDS_BEFORE_TRIGGER = 6
_DIGITS = "0123456789"


@lru_cache(maxsize=1)
def _trigger_words() -> tuple[str, ...]:
    """A word every non-numeric date expression holds: the longest word of each relative
    expression, every qualifier (السبت الماضي, mars dernier), day word (فاتح ماي) and month cue."""
    lex = _lexicons()
    words = set(lex.qualifiers) | set(lex.day_words)
    words |= {max(_SEPARATORS.split(k), key=len) for k in lex.month_cues}
    phrases = [[w for w in _SEPARATORS.split(k) if w] for k in lex.relatives]
    for parts in sorted(phrases, key=len):  # single words first: avant-hier is found through hier
        if not words.intersection(parts):
            words.add(max(reversed(parts), key=len))  # the longest, the last of equals: rarer
    # a word holding another trigger is found through it (الماضية through الماضي)
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


def _trigger_positions(key: str) -> list[int]:
    """Where a date may be: each run of digits and each trigger word (found with C-level `find`:
    a regex tried at every position of a long article costs ten times more)."""
    found: set[int] = set()
    for needle in (*_DIGITS, *_trigger_words()):
        at = key.find(needle)
        while at != -1:
            found.add(at)
            at = key.find(needle, at + 1)
    return sorted(p for p in found if not (p and key[p] in _DIGITS and key[p - 1] in _DIGITS))


@lru_cache(maxsize=1)
def _date_words() -> frozenset[str]:
    """Every word a date expression can hold before its trigger (weekdays, month names, cues,
    qualifiers, relative expressions) and the connectors of ranges: only a chain of these words
    before a trigger is worth matching the pattern at."""
    lex = _lexicons()
    phrases = [*lex.months, *lex.weekdays, *lex.relatives, *lex.qualifiers, *lex.year_cues, *lex.day_words]
    phrases += [*lex.connectors, *lex.month_cues]
    words = {w for phrase in phrases for w in _SEPARATORS.split(phrase) if w}
    words |= {w[1:] for w in words if w.startswith("ال")}  # للسنة = ل + لسنة
    return frozenset(words | set(lex.connectors) | {"-"})


_WORD = re.compile(r"\w+")  # a date starts where a word does: after a space, a bracket, a quote...


def _is_date_word(token: str) -> bool:
    """A word (a run of letters and digits) that can be inside a date, with its Arabic clitics."""
    words = _date_words()
    for cut in (0, 1, 2):
        word = token[cut:]
        if word and (word.isdigit() or word in words):
            return True
        if cut < len(token) and token[cut] not in _ARABIC_CLITICS:
            return False
    return False


def _starts_before(key: str, trigger: int, reach: int = 40) -> list[int]:
    """Where a date holding `trigger` may start, farthest first: its word, and the words before it
    as long as they are date words (الأحد 19, شباط (فبراير) من سنة 2012, نهاية الأسبوع)."""
    low = max(0, trigger - reach)
    tokens = [(m.start(), m.group()) for m in _WORD.finditer(key, low, trigger + 1)]
    cut = low > 0 and bool(tokens) and tokens[0][0] == low and (key[low - 1].isalnum() or key[low - 1] == "_")
    if cut:
        tokens = tokens[1:]  # a word cut by the window
    if not tokens:
        return [trigger]
    starts = [tokens[-1][0]]
    for start, token in reversed(tokens[:-1]):
        if len(starts) > _WORDS_BEFORE_TRIGGER or not _is_date_word(token):
            break
        starts.append(start)
    else:
        if low > 0 and reach < 160 and len(starts) <= _WORDS_BEFORE_TRIGGER:
            return _starts_before(key, trigger, reach * 4)  # the chain may go on before the window
    starts.reverse()
    if trigger != starts[-1]:
        starts.append(trigger)
    return starts


@lru_cache(maxsize=4)
def _matches(key: str) -> tuple[re.Match[str], ...]:
    """The pattern's matches on `key`, in order and non-overlapping, tried only around triggers.

    Cached per text (a tuple: no caller can change it): an article without a publication day is read
    once to find its reference date and once against it, and the matching is the costly part.

    For each trigger, the pattern is matched at the start of the words before it, farthest first:
    the earliest start whose match reaches the trigger wins, and the pattern's alternatives are
    ordered so that the longest reading at a start comes first.
    """
    pattern = _pattern()
    tried: dict[int, re.Match[str] | None] = {}
    out: list[re.Match[str]] = []
    done = 0  # end of the last match taken
    for trigger in _trigger_positions(key):
        if trigger < done:
            continue
        for start in _starts_before(key, trigger):
            if start < done:
                continue
            if start not in tried:
                tried[start] = pattern.match(key, start)
            m = tried[start]
            if m is not None and m.end() > trigger:
                out.append(m)
                done = m.end()
                break
    return tuple(out)


RANGE_GAP_CHARS = 6  # ` au `, ` إلى `, ` - `: what may stand between the two ends of a range of days
RANGE_MAX_DAYS = 14  # longer is a tenure (من 15 أبريل 2015 إلى 15 أبريل 2018), not the days of one event


@lru_cache(maxsize=1)
def _range_words() -> frozenset[str]:
    return frozenset({k for k, kind in _lexicons().connectors.items() if kind == "range"} | {"-", "–"})


def range_ends(text: str, dates: Sequence[DateValue]) -> set[int]:
    """Indexes of the dates that close a range of days (du 30 avril au 2 mai 2026, من 28 دجنبر إلى 3 يناير):
    the range is told by its first day, as a range within one month is (12 و13 مارس: the 12)."""
    ranges = _range_words()
    out = set()
    for n in range(1, len(dates)):
        first, last = dates[n - 1], dates[n]
        gap = text[first.end_char : last.start_char]
        if (
            first.precision == last.precision == "day"
            and len(gap) <= RANGE_GAP_CHARS
            and _key(gap) in ranges
            and first.iso is not None
            and last.iso is not None
            and 0 < (date.fromisoformat(last.iso) - date.fromisoformat(first.iso)).days <= RANGE_MAX_DAYS
        ):
            out.add(n)
    return out


def to_date(value: DateValue | None) -> date | None:
    """The first day a DateValue can mean (2015 -> 2015-01-01; its precision says how much is known)."""
    if value is None or not value.iso:
        return None
    parts = [int(x) for x in value.iso.split("-")] + [1, 1]
    return _safe_date(parts[0], parts[1], parts[2])
