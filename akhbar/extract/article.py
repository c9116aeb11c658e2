"""Per-article extraction: the rows of `events`, `event_participants` and `mentions` for one article.

Runs the finders once each over `text_clean` (places, parties, organizations, dates, people),
then the event finder over their mentions. Only Arabic and French get events and participants;
other languages get their mentions only.

Participants: a person is a participant when the text gives them a role or a title (السيد، M.)
somewhere in the article, or a presence cue introduces them or the list they are in (بحضور، en
présence de); they join the event mentioned in their sentence, else the event mentioned
last before them, else the article's first event. A later mention adds a second event only with its
own role or title and that event named in its sentence. Bureau lists of bare names are not participants.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from rapidfuzz import fuzz

from akhbar.extract.dates import find_dates, to_date
from akhbar.extract.events import (
    GATHERINGS,
    Event,
    EventMention,
    find_event_mentions,
    group_mentions,
    is_comment,
    is_election,
    is_presence,
    is_speaker,
)
from akhbar.extract.identity import stable_event_ids
from akhbar.extract.parties import find_organizations, find_parties
from akhbar.extract.people import find_people, opens_list
from akhbar.extract.places import find_places
from akhbar.tables.schema import SCHEMAS
from akhbar.text.keys import compact_key
from akhbar.text.spans import DateValue, Mention
from akhbar.text.tokens import sentence_spans

EVENT_LANGUAGES = ("ar", "fr")


@dataclass
class Extraction:
    events: list[dict] = field(default_factory=list)  # keys = columns of SCHEMAS['events']
    participants: list[dict] = field(default_factory=list)  # keys = columns of SCHEMAS['event_participants']
    mentions: list[dict] = field(default_factory=list)  # keys = columns of SCHEMAS['mentions']


def _columns(table: str) -> list[str]:
    return [name for name in SCHEMAS[table].names if name != "ingest_date"]


def extract_article(
    article_id: str,
    text: str,
    language: str,
    published: date | None,
    published_precision: str | None = "day",
) -> Extraction:
    """Events, participants and mentions of one article (`text` = its text_clean)."""
    text = text or ""
    places = find_places(text, language)
    parties = find_parties(text, language)
    organizations = find_organizations(text, language, parties)
    published = _day(published)
    anchor, anchor_precision = reference_date(text, language, published, published_precision)
    dates = find_dates(text, language, anchor, anchor_precision)
    context = sorted(places + parties + organizations, key=lambda m: m.start_char)
    people = find_people(text, language, context) if language in EVENT_LANGUAGES else []

    out = Extraction()
    width = {"month": 7, "year": 4}.get(published_precision or "day", 10)
    published_iso = published.isoformat()[:width] if published else None
    out.mentions = _mention_rows(article_id, places, parties, organizations, people, dates, published_iso)
    if language not in EVENT_LANGUAGES:
        return out
    planned_after = anchor if anchor_precision in ("day", "month") else None  # later = a planned event
    mentions = find_event_mentions(text, language, dates, places, parties, organizations, planned_after)
    events = group_mentions(mentions)
    rows = [_event_row(article_id, "", e, text) for e in events]
    ids = dict(zip((id(e) for e in events), stable_event_ids(article_id, rows), strict=True))
    out.events = [{**row, "event_id": ids[id(e)]} for row, e in zip(rows, events, strict=True)]
    out.participants = _participants(article_id, text, language, events, ids, people)
    return out


def reference_date(
    text: str, language: str, published: date | None, precision: str | None
) -> tuple[date | None, str]:
    """The day (or month, or year) the article's relative and year-less dates count from.

    The publication day; else, under a month-only header, the first full date of that month in the
    text (a dateline: `30/05/2024`), else the header's month (its last day, precision month); under a
    year-only header, that year; else the year the text itself states most often in full dates, or
    in years alone when it has no full date (élections 2016 ... le 7 octobre; its last day, precision
    year)."""
    if published is not None and precision == "year":  # a ` date 2021` header: its year, as stated
        return date(published.year, 12, 31), "year"
    if published is not None and precision != "month":
        return published, "day"
    found = [d for d in find_dates(text, language) if d.iso and not d.relative and not d.listed]
    explicit = [d for d in found if d.precision != "year"] or found  # years alone when nothing finer
    if published is not None:
        month = published.isoformat()[:7]
        dateline = next((d for d in explicit if d.precision == "day" and d.iso.startswith(month)), None)
        if dateline is not None:
            return date.fromisoformat(dateline.iso), "day"
        following = date(published.year + published.month // 12, published.month % 12 + 1, 1)
        return following - timedelta(days=1), "month"
    years = Counter(int(d.iso[:4]) for d in explicit)
    if not years:
        return None, "day"
    top = max(years.values())
    year = max(y for y, n in years.items() if n == top)
    return date(year, 12, 31), "year"


def _day(value: date | None) -> date | None:
    """A datetime or pandas Timestamp from a table is its day; NaT and None are None."""
    if value is None or value != value:
        return None
    return value.date() if hasattr(value, "date") and callable(value.date) else value


def place_name(place: Mention) -> str:
    """The place as the text names it, without the preposition glued to it: a mention starts after
    its clitic (لفاس -> فاس), except ل + ال written لل, which keeps the ل of the article's place, and a
    و or ف before it (للعرائش, وللعرائش): the article is given back (العرائش)."""
    name = place.text
    if place.normalized.startswith("ال"):
        for glued in ("ولل", "فلل", "لل"):  # وللعرائش: the conjunction too
            if name.startswith(glued):
                return "ال" + name[len(glued) :]
    return name


def _event_row(article_id: str, event_id: str, event: Event, text: str) -> dict:
    best = event.best
    d = event.date
    place = event.place
    p = place.extra.get("place") if place is not None else None
    start, end = best.sentence
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    row = {
        "event_id": event_id,
        "article_id": article_id,
        "event_type": event.event_type,
        "event_date": to_date(d),
        "date_precision": d.precision if d is not None and to_date(d) else None,
        "date_text": d.text if d is not None and to_date(d) else None,
        "party": event.party,
        "place_name": place_name(place) if place is not None else None,
        "commune_code": p.commune_code if p else None,
        "province_code": p.province_code if p else None,
        "region_code": p.region_code if p else None,
        "place_precision": p.level if p else None,
        "evidence": text[start:end],
        "start_char": start,
        "end_char": end,
    }
    return {c: row.get(c) for c in _columns("events")}


def _participants(
    article_id: str,
    text: str,
    language: str,
    events: Sequence[Event],
    ids: dict[int, str],
    people: Sequence[Mention],
) -> list[dict]:
    if not events:
        return []
    full = _full_names(people)
    # a role or title given anywhere in the article holds for every mention of the same name
    roles: dict[str, dict] = {}
    for person in people:
        k = compact_key(full[person.normalized])
        info = roles.setdefault(k, {"role": None, "organization": None, "party": None, "titled": False})
        info["role"] = info["role"] or person.extra.get("role")
        info["organization"] = info["organization"] or person.extra.get("organization")
        info["party"] = info["party"] or person.extra.get("party")
        info["titled"] = info["titled"] or bool(person.extra.get("honorific"))
    anchors: list[tuple[EventMention, Event]] = sorted(
        ((m, e) for e in events for m in e.mentions), key=lambda me: me[0].start
    )
    sentences = sentence_spans(text)
    starts = [s for s, _ in sentences]
    rows: list[dict] = []
    seen: set[tuple[str, str]] = set()
    attached: set[str] = set()
    present = _present(text, language, people, sentences, starts)
    for index, person in enumerate(people):
        name_key = compact_key(full[person.normalized])
        info = roles[name_key]
        away = person.extra.get("not_present")
        if away and away != "rival":
            continue  # the replaced, the late, the absent, the represented, a commentator, a relative, a leader
            # the party is named after (feu X, le parti dirigé par X)
        # A later mention joins another event only when it carries its own role or title and that
        # event is named in its sentence (elected at the 2011 election, then "بحضور السيد X" at this
        # meeting); otherwise it is the same participant speaking on (ذكر X بالنتائج...).
        in_sentence = _event_in_sentence(person, anchors)
        sentence = sentences[max(0, bisect_right(starts, person.start_char) - 1)]
        # a bare name takes part only in an event its own sentence reports, when present, or when it
        # speaks or leads in the report of a gathering or a statement (a vote's speakers comment on it)
        if (
            not (info["role"] or info["titled"] or index in present)
            and in_sentence is None
            and not (
                _event_for(person, anchors).event_type in SPOKEN_AT
                and is_speaker(text, language, sentence[0], person.start_char, person.end_char)
            )
        ):
            continue
        if in_sentence is not None and is_presence(text, language, sentence[0], person.start_char):
            # برئاسة X، وأصدر على إثره بيانا: X chairs the meeting named before, not the statement after
            in_sentence = _event_before_in_sentence(person, anchors) or in_sentence
        local = person.extra.get("role") or person.extra.get("honorific")
        if name_key in attached and (in_sentence is None or not local):
            continue
        if in_sentence is None and name_key not in attached and is_comment(text, language, sentence):
            continue  # Le coordinateur X a salué ...: a comment on the event, not a part in it
        event = in_sentence or _event_for(person, anchors)
        if away == "rival" and event.event_type == "public_election":
            continue  # contre 12 voix pour son rival X: a council's losing candidate (a party's own vote,
            # at its congress, counts its losers among those who took part)
        attached.add(name_key)
        event_id = ids[id(event)]
        if (event_id, name_key) in seen:
            continue
        seen.add((event_id, name_key))
        row = {
            "event_id": event_id,
            "article_id": article_id,
            "person_name": full[person.normalized],
            "role": info["role"],
            "organization": info["organization"],
            "party": info["party"] or event.party,
        }
        rows.append({c: row.get(c) for c in _columns("event_participants")})
    return rows


LIST_GAP_CHARS = 80  # at most this much text (a title, و, a comma) between two names of one list


# who speaks or leads in the report of a gathering, a meeting or a statement took part in it
SPOKEN_AT = frozenset({*GATHERINGS, "meeting", "statement"})


def _present(
    text: str,
    language: str,
    people: Sequence[Mention],
    sentences: Sequence[tuple[int, int]],
    starts: list[int],
) -> set[int]:
    """Indexes of the people a presence cue introduces (بحضور X، en présence de X) or a sentence says
    were elected (X du PAM et Y du PI ont été élus), and of the names that continue such a list in the
    same sentence (بحضور A ورئيس المجلس B وC): they were there."""
    out: set[int] = set()
    elected: dict[tuple[int, int], bool] = {}  # one answer a sentence
    of_sentence = [sentences[max(0, bisect_right(starts, p.start_char) - 1)] for p in people]
    rosters = _rosters(text, language, people, of_sentence)
    for index, person in enumerate(people):
        sentence = of_sentence[index]
        if sentence not in elected:
            elected[sentence] = is_election(text, language, sentence) or sentence in rosters
        if elected[sentence] or is_presence(text, language, sentence[0], person.start_char):
            out.add(index)
            continue
        previous = people[index - 1] if index else None
        if (
            previous is not None
            and index - 1 in out
            and sentence[0] <= previous.start_char
            and person.start_char - previous.end_char <= LIST_GAP_CHARS
        ):
            out.add(index)
    return out


ROSTER_MIN_NAMES = 4  # a sentence naming this many people ...
ROSTER_MIN_SHARE = 0.5  # ... in at least this share of its letters is a list of members


def _rosters(
    text: str, language: str, people: Sequence[Mention], of_sentence: Sequence[tuple[int, int]]
) -> set[tuple[int, int]]:
    """Sentences that are lists of names (Abdellatif Ouahbi (secrétaire général), Leila Benali, Ghita
    Mezzour, ...; حميد الراضي، سعاد الزروالي، ...): the members of a body the event formed or gathered."""
    named: dict[tuple[int, int], list[Mention]] = {}
    for person, sentence in zip(people, of_sentence, strict=True):
        named.setdefault(sentence, []).append(person)
    out = set()
    for sentence, members in named.items():
        if len({m.normalized for m in members}) < ROSTER_MIN_NAMES:
            continue
        in_names = sum(ch.isalpha() for m in members for ch in m.text)
        letters = sum(ch.isalpha() for ch in text[sentence[0] : sentence[1]])
        # or the list closes a sentence that first says what it lists, and opens it (تشكيل مكتب جديد ...
        # ويتعلق الأمر بكل من A، B; not the ministers a government is `conduit par`)
        first = min(m.start_char for m in members)
        tail = sum(ch.isalpha() for ch in text[first : sentence[1]])
        whole = letters and in_names / letters >= ROSTER_MIN_SHARE
        closing = tail and in_names / tail >= ROSTER_MIN_SHARE and opens_list(text, first, language)
        if whole or closing:
            out.add(sentence)
    return out


SAME_NAME_MIN_RATIO = 85  # archane / arshane 86, bennani / bennouna 77: two spellings of one name


def _full_names(people: Sequence[Mention]) -> dict[str, str]:
    """Each name as the article gives it in full: a shorter mention whose words end exactly one longer
    name of the article is that person (M. El Bakkouri after Mustapha El Bakkouri, بنكيران after عبد الإله
    بنكيران); a name that ends two different longer names stays as written."""
    words = {p.normalized: tuple(map(compact_key, p.normalized.split())) for p in people}
    full = {}
    for name, key in words.items():
        longer = {n for n, k in words.items() if len(k) > len(key) and k[-len(key) :] == key}
        if not longer and len(key) == 1:
            # M. Arshane after Abdessamad Archane: one family name spelt two ways in one article
            longer = {
                n for n, k in words.items() if len(k) > 1 and fuzz.ratio(k[-1], key[0]) >= SAME_NAME_MIN_RATIO
            }
        full[name] = longer.pop() if len(longer) == 1 else name
    return full


def _event_in_sentence(person: Mention, anchors: Sequence[tuple[EventMention, Event]]) -> Event | None:
    same = [(m, e) for m, e in anchors if m.sentence[0] <= person.start_char < m.sentence[1]]
    if not same:
        return None
    return min(same, key=lambda me: abs(me[0].start - person.start_char))[1]


def _event_before_in_sentence(person: Mention, anchors: Sequence[tuple[EventMention, Event]]) -> Event | None:
    before = [
        e
        for m, e in anchors
        if m.sentence[0] <= person.start_char < m.sentence[1] and m.end <= person.start_char
    ]
    return before[-1] if before else None


def _event_for(person: Mention, anchors: Sequence[tuple[EventMention, Event]]) -> Event:
    before = [(m, e) for m, e in anchors if m.start < person.start_char]
    if before:
        return before[-1][1]
    return anchors[0][1]


def _mention_rows(
    article_id: str,
    places: Sequence[Mention],
    parties: Sequence[Mention],
    organizations: Sequence[Mention],
    people: Sequence[Mention],
    dates: Sequence[DateValue],
    published_iso: str | None,
) -> list[dict]:
    rows = []
    for m in sorted(
        [*places, *parties, *organizations, *people], key=lambda m: (m.start_char, m.entity_type)
    ):
        rows.append(
            _mention_row(article_id, m.entity_type, m.text, m.normalized, m.code, m.start_char, m.end_char)
        )
    for d in dates:
        if d.iso:
            rows.append(_mention_row(article_id, "date", d.text, d.iso, d.iso, d.start_char, d.end_char))
    if published_iso is not None:  # the header's date, at its own precision (2021-09 for a month)
        rows.append(_mention_row(article_id, "date", published_iso, published_iso, published_iso, None, None))
    return rows


def _mention_row(
    article_id: str,
    entity_type: str,
    text: str,
    normalized: str,
    code: str | None,
    start: int | None,
    end: int | None,
) -> dict:
    row = {
        "article_id": article_id,
        "entity_type": entity_type,
        "text": text,
        "normalized": normalized,
        "code": code,
        "start_char": start,
        "end_char": end,
    }
    return {c: row.get(c) for c in _columns("mentions")}
