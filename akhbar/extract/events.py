"""Events an article reports: congresses, meetings, general assemblies, public elections, statements.

A trigger word (`lexicons/event_triggers.tsv`) is a mention of an event. A mention becomes a new
event only when something fixes it in its sentence: a date, a place the trigger governs (the first
place within a few words after it: للمؤتمر الجهوي للحزب بجهة درعة تافيلالت), or, for singular
triggers, a verb saying the event took place (عقد، انعقد، احتضنت، a tenu, a publié). Cues around
the trigger (`lexicons/event_cues.tsv`) refuse planned events (الاجتماع المقبل، prochaines
élections), generic ones (مختلف المؤتمرات) and mark demonstratives (هذا اللقاء، ces réunions) as
pointing back to an event already found.

Coreference: mentions of the same type whose dates and places do not contradict those of any
mention of the event are one event (انتخابات 25 نونبر 2011 twice, a title and the body; two communes
of one region are two votes). Singular and plural mentions stay apart (the weekly meeting is not
the series of meetings it reviews). A congress, assembly or vote governing a list of places is one
event per place (les congrès de Khénifra, Azilal et Fquih Ben Salah); a series of meetings stays one.
The event keeps the most informative mention's sentence as evidence (the body over the headline,
then a vote's result, a place, a date, a verb telling it, the first).
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache, lru_cache, partial
from itertools import pairwise

from akhbar.extract.dates import SENTENCE_MARK, month_number, range_ends
from akhbar.extract.places import is_place_head, is_plural_place_head, place_opening
from akhbar.lexicons import read_lexicon
from akhbar.lexicons.frequencies import zipf
from akhbar.text.keys import match_key
from akhbar.text.spans import DateValue, Mention
from akhbar.text.tokens import sentence_spans, strip_clitics, text_key

GOVERNED_PLACE_TOKENS = 10  # a place this many words after the trigger is the event's place
DATE_ANCHOR_CHARS = 120  # a date this close to a trigger (same sentence) fixes the event
REFINE_CHARS = (
    80  # a finer place this close to the event's place refines it (بجهة سوس ماسة ... بمدينة أكادير)
)
HAND_OVER_CHARS = (
    20  # a remporté | la présidence du conseil: the result and the office it names, side by side
)
IMMINENT_DAYS = 14  # an event announced for a day this close is reported as an event
CUE_WINDOW_BEFORE = 4
CUE_WINDOW_AFTER = 3
GATHERINGS = ("congress", "general_assembly")
CONTEXT_NEEDS = ("context", "party_context")  # lexicons/event_triggers.tsv: a place and a vote near
_AR_SUFFIX = (
    # possessives of the third person and نا (news speaks of others; اجتماعي is the adjective
    # `social`, never `my meeting`), and the accusative alef (بلاغا; رئيسًا folds to رييس ا)
    "(?:ه|ها|هم|هما|نا| ?ا)?"
)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Trigger:
    event_type: str
    number: str  # sg | plural
    needs: str  # free | anchor | verb (an election verb only) | self (the words say it happened: مقاعد) |
    #              place (a place in its sentence: Errachidia: X, élu avec 24 voix) |
    #              place_before (a place right before it: جماعة الدريوش التي ترأسها) |
    #              context (a place in its sentence, in an article or sentence on a vote: sera gérée par) |
    #              party_context (the same and a party in its sentence: حل حزب X في المرتبة الأولى)
    scope: str = "event"  # office: the election of one office holder, never merged with the vote's results


@dataclass(frozen=True)
class _Tables:
    language: str
    alternatives: tuple[str, ...]  # one regex a trigger, longest first; group t{n} is alternative n
    by_stem: dict[str, tuple[int, ...]]  # a first word's literal -> the alternatives it opens
    stem_lengths: tuple[int, ...]  # the lengths those literals come in
    triggers: dict[str, Trigger]  # regex group name -> trigger
    prefilter: re.Pattern  # the triggers' first words: where a trigger is worth trying
    exclusions: re.Pattern | None  # names containing a trigger word (بيان اليوم, a newspaper)
    exclusion_words: tuple[tuple[str, ...], ...]  # each name's words: all must be in a text it is in
    cues: dict[tuple[str, str], frozenset[str]]  # (kind, where) -> its folded one-word cues
    phrases: dict[tuple[str, str], tuple[str, ...]]  # (kind, where) -> " cue " of its several-word cues


def _lang(language: str) -> str:
    return "ar" if language == "ar" else "fr"


def _fold(text: str, language: str) -> str:
    key = re.sub(r"\s+", " ", match_key(text.strip()))
    return key if language == "ar" else key.lower()


@lru_cache(maxsize=4)
def _tables(language: str) -> _Tables:
    lang = _lang(language)
    triggers: dict[str, Trigger] = {}
    for row in read_lexicon("event_triggers.tsv"):
        if row["language"] == lang:
            triggers[_fold(row["trigger"], lang)] = Trigger(
                row["event_type"], row["number"], row["needs"], row.get("scope") or "event"
            )
    for words, needs, number in _office_triggers(lang):
        key = " ".join(w if w == COUNT else _fold(w, lang) for w in words.split())
        triggers.setdefault(key, Trigger("public_election", number, needs, "office"))
    count = _count_pattern(lang)
    alternatives = []
    for key in sorted(triggers, key=len, reverse=True):
        words = [re.escape(w) for w in key.split(" ")]
        if lang == "ar":  # a final accusative alef may follow a tanween the fold made a space (رئيسًا)
            words = [w[:-1] + " ?ا" if w.endswith("ا") and len(w) > 2 else w for w in words]
            head = r"[وف]?(?:[بكل]?ال|لل|[بكل])?" + words[0] + _AR_SUFFIX
            alternatives.append(
                head
                + "".join(
                    r"\s+" + count if w == re.escape(COUNT) else r"\s+(?:و)?(?:ال)?" + w + "(?: ?ا)?"
                    for w in words[1:]
                )
            )
        else:
            alternatives.append(r"\s+".join(count if w == re.escape(COUNT) else w for w in words))
    cues: dict[tuple[str, str], set[str]] = {}
    for row in read_lexicon("event_cues.tsv"):
        if row["language"] == lang:
            # as the words the text is read in: "s'est ouvert" is the words s, est, ouvert
            cue = " ".join(_WORD.findall(_fold(row["cue"], lang)))
            cues.setdefault((row["kind"], row["where"]), set()).add(cue)
    order = sorted(triggers, key=len, reverse=True)
    ordered = {f"t{n}": triggers[k] for n, k in enumerate(order)}
    by_stem: dict[str, list[int]] = {}
    for n, k in enumerate(order):
        by_stem.setdefault(_stem(k.split(" ")[0], lang), []).append(n)
    firsts = sorted(by_stem, key=len, reverse=True)
    prefilter = re.compile("|".join(re.escape(w) for w in firsts))
    excluded = [
        _fold(r["phrase"], lang) for r in read_lexicon("event_exclusions.tsv") if r["language"] == lang
    ]
    exclusions = None
    if excluded:
        alternation = "|".join(r"\s+".join(map(re.escape, e.split(" "))) for e in excluded)
        exclusions = re.compile(r"(?<!\w)[وفبلك]{0,2}(?:" + alternation + r")(?!\w)")
    # a word's readings hold no space: only one-word cues can be among them, phrases are found in the
    # joined words (several future cues are all phrases: the word test is skipped for them)
    cue_sets = {k: frozenset(c for c in v if " " not in c) for k, v in cues.items()}
    phrases = {k: tuple(sorted(f" {c} " for c in v if " " in c)) for k, v in cues.items()}
    exclusion_words = tuple(tuple(e.split(" ")) for e in excluded)
    stems = {k: tuple(v) for k, v in by_stem.items()}
    lengths = tuple(sorted({len(k) for k in stems}))
    return _Tables(
        lang,
        tuple(alternatives),
        stems,
        lengths,
        ordered,
        prefilter,
        exclusions,
        exclusion_words,
        cue_sets,
        phrases,
    )


# clitics an Arabic trigger's first word may carry (و/ف, then ب/ك/ل and ال, or لل): up to four letters
MAX_CLITIC_LETTERS = {"ar": 4, "fr": 0}


@lru_cache(maxsize=4096)
def _pattern_of(language: str, indices: tuple[int, ...]) -> re.Pattern:
    """The alternation of the triggers `indices` (in the tables' order: the longest first), each in its
    own group t{n}: one regex of every trigger is slow to try; a word only needs those it can open."""
    alternatives = _tables(language).alternatives
    body = "|".join(f"(?P<t{n}>{alternatives[n]})" for n in indices)
    return re.compile(r"(?<!\w)(?:" + body + r")(?!\w)")


def _candidates(tables: _Tables, haystack: str, start: int) -> tuple[int, ...]:
    """The triggers whose first word may begin at `start`, behind up to the clitics it may carry."""
    found: set[int] = set()
    for k in range(MAX_CLITIC_LETTERS[tables.language] + 1):
        for length in tables.stem_lengths:
            found.update(tables.by_stem.get(haystack[start + k : start + k + length], ()))
    return tuple(sorted(found))


COUNT = "<n>"  # in lexicons/event_offices.tsv: a count, in digits or in words (رئاسة خمس جماعات)


@lru_cache(maxsize=4)
def _count_pattern(language: str) -> str:
    """A count of what follows: digits or a word of `lexicons/number_words.tsv`."""
    words = sorted(
        (_fold(r["word"], language) for r in read_lexicon("number_words.tsv") if r["language"] == language),
        key=len,
        reverse=True,
    )
    return r"(?:" + "|".join([r"\d+", *map(re.escape, words)]) + ")"


def _office_triggers(language: str) -> list[tuple[str, str, str]]:
    """Every head with every council of `lexicons/event_offices.tsv`, as (words, needs, number). A head
    joined by a preposition (رئيسا ل) takes no council in the plural: one head of several councils is not
    written (رئيسا لجماعتين, رئيسا لثلاث جماعات)."""
    rows = [r for r in read_lexicon("event_offices.tsv") if r["language"] == language]
    councils = [(r["text"], r["number"] or "sg") for r in rows if r["part"] == "council"]
    out = []
    for head in (r for r in rows if r["part"] == "head"):
        words, needs = head["text"], head["needs"]
        for council, number in councils:
            if head["join"] != "li":
                out.append((f"{words} {council}", needs, number))
                continue
            if number == "plural":  # رئيسا لجماعتين: one head of two councils is not written
                continue
            definite = council.startswith("ال")  # ل + المجلس is written للمجلس
            out.append((f"{words} {'ل' + council[1:] if definite else 'ل' + council}", needs, number))
            out.append((f"{words} ب{council}", needs, number))  # رئيسا بجماعة, رئيسا بالمجلس
            if not definite:
                out.append((f"{words} لل{council}", needs, number))  # رئيسا للجماعة
                out.append((f"{words} بال{council}", needs, number))  # رئيسا بالجماعة
    return out


def _stem(word: str, language: str) -> str:
    """The literal part of a trigger's first word the prefilter looks for (رييسا may be written رييس ا)."""
    return word[:-1] if language == "ar" and word.endswith("ا") and len(word) > 2 else word


def _scan(tables: _Tables, haystack: str) -> list[re.Match]:
    """Trigger matches, left to right. A regex of every trigger is slow when tried at every character:
    a literal prefilter finds the few words worth trying, and each is tried against the triggers its
    first letters may open."""
    out: list[re.Match] = []
    tried: set[int] = set()
    last_end = 0
    # the exclusion regex is slow at every character, and its names are rare: a text that lacks one
    # of each name's words (C-level `in`) holds none of them
    possible = any(all(w in haystack for w in words) for words in tables.exclusion_words)
    if tables.exclusions is not None and possible:
        for m in tables.exclusions.finditer(haystack):
            tried.update(range(m.start(), m.end()))
    for hit in tables.prefilter.finditer(haystack):
        start = hit.start()
        while start > 0 and (haystack[start - 1].isalnum() or haystack[start - 1] == "_"):
            start -= 1
        if start < last_end or start in tried:
            continue
        tried.add(start)
        m = _pattern_of(tables.language, _candidates(tables, haystack, start)).match(haystack, start)
        if m is not None:
            out.append(m)
            last_end = m.end()
    return out


# ---------------------------------------------------------------- mentions and events


@dataclass(slots=True)
class EventMention:
    """One trigger occurrence with what its sentence says about the event."""

    event_type: str
    number: str
    start: int  # trigger offsets in the text
    end: int
    sentence: tuple[int, int]
    in_title: bool
    status: str  # new | coref | weak (no date, place or verb) | future | generic
    scope: str = "event"  # the trigger's scope: mentions of two scopes are two events
    date: DateValue | None = None
    place: Mention | None = None
    party: str | None = None
    placed: bool = False  # the place is governed by the trigger, not just nearby
    home_place: bool = False  # the place is the article's own, not named with the mention
    told: bool = False  # its sentence has a verb saying the event took place (ترأس المؤتمر, a tenu)
    result: bool = False  # the words tell a vote's outcome (a remporté, 7 sièges, فاز بمقعد)
    described: bool = (
        False  # the subject of a verb describing it (وعرف اللقاء حضور, شهد المؤتمر), not its report
    )
    part: int = 0  # which place of a list the trigger governs (les congrès de X, Y et Z: 0, 1, 2)
    council: str | None = None  # an office's council named by words no gazetteer holds (رئيسا لجماعة X)
    # national | regional | provincial | local: the word right after it says (congrès national)
    level: str | None = None
    loose_day: str | None = None  # a day its sentence names, not fixed by the text (_day_key: 2 décembre)
    heading: bool = False  # its sentence is a line of its own with no final stop: a headline in the body
    another: bool = False  # told as one more (a également présidé un meeting): not the one told before
    holder: bool = False  # office words naming who holds it, in a sentence saying so (انتخاب X رئيسا للمجلس)
    party_named: bool = False  # its party is named in its sentence, not the article's main party

    @property
    def score(self) -> tuple[bool, bool, bool, bool, bool, bool, bool, bool, int]:
        """Which mention is its event's evidence: the body's before the headline's (the headline
        announces, the body tells), then a vote's result (who won is what an election is read for), a
        place of its own (a later mention naming none, that only brings a date, gives the event its
        date but not its sentence), a date, a sentence that is not a headline repeated in the body
        (`_is_heading`), a verb telling it, the first. A mention that is the subject
        of what follows (وعرف اللقاء حضور X, شهد المؤتمر تقديم) describes an event told before it: after a
        result, below every body mention that reports it."""
        return (
            not self.in_title,
            self.result,
            not self.described,
            self.place is not None and not self.home_place,
            self.date is not None,
            not self.heading,
            self.holder,
            self.told,
            -self.start,
        )


@dataclass(slots=True)
class Event:
    """One reported event: its mentions, the most informative one first in `best`."""

    mentions: list[EventMention] = field(default_factory=list)

    @property
    def event_type(self) -> str:
        return self.mentions[0].event_type

    @property
    def first(self) -> EventMention:
        return min(self.mentions, key=lambda m: m.start)

    @property
    def best(self) -> EventMention:
        """The most informative mention of the event's own type (the body, a result, a place, a date, the
        first: EventMention.score) among those that report it; a later `cette réunion` adds its place,
        but is not the evidence."""
        own = [m for m in self.mentions if m.event_type == self.event_type]
        reporting = [m for m in own if m.status == "new"] or own
        if all(m.in_title for m in reporting):
            # the headline fixed the event; the body tells it (ont assisté à la session ordinaire)
            body = [m for m in own if not m.in_title and m.status in ("weak", "coref")]
            if body:
                return min(body, key=lambda m: m.start)
        if all(m.described for m in reporting):
            # وعرف المؤتمر حضور X: the description; a sentence that named the event before it tells it
            first_described = min(m.start for m in reporting)
            told = [
                m
                for m in own
                if not m.described and not m.in_title and m.status != "coref" and m.start < first_described
            ]
            if told:
                return min(told, key=lambda m: m.start)
        return max(reporting, key=lambda m: m.score)

    @property
    def date(self) -> DateValue | None:
        best = self.best
        return best.date or next(
            (m.date for m in sorted(self.mentions, key=lambda m: m.start) if m.date), None
        )

    @property
    def place(self) -> Mention | None:
        best = self.best
        return best.place or next(
            (m.place for m in sorted(self.mentions, key=lambda m: m.start) if m.place), None
        )

    @property
    def party(self) -> str | None:
        """The party its evidence names; else one its other mentions name (the headline's الأحرار ينتزعون
        رئاسة المجلس, when the evidence sentence names none); else the article's main party."""
        best = self.best
        if best.party_named:
            return best.party
        named = next((m.party for m in sorted(self.mentions, key=lambda m: m.start) if m.party_named), None)
        return named or best.party or next((m.party for m in self.mentions if m.party), None)

    def event_id(self, article_id: str) -> str:
        """Stable: the article, the type and where the event is first mentioned."""
        seed = f"{article_id}|{self.event_type}|{self.first.start}"
        if self.first.part:  # the second and later places of one listing trigger
            seed += f"|{self.first.part}"
        return hashlib.sha1(seed.encode("utf-8")).hexdigest()[:16]


def find_events(
    text: str,
    language: str,
    dates: Sequence[DateValue] = (),
    places: Sequence[Mention] = (),
    parties: Sequence[Mention] = (),
    organizations: Sequence[Mention] = (),
    published: date | None = None,
) -> list[Event]:
    """The events `text` reports, in order of first mention (see the module docstring).

    `dates`, `places`, `parties`, `organizations` are the document's mentions (from akhbar.extract.dates,
    akhbar.extract.places, akhbar.extract.parties); they give each event its date, place and party. With the
    `published` day, an event dated after it is a planned one and is left out.
    """
    mentions = find_event_mentions(text, language, dates, places, parties, organizations, published)
    return group_mentions(mentions)


def find_event_mentions(
    text: str,
    language: str,
    dates: Sequence[DateValue] = (),
    places: Sequence[Mention] = (),
    parties: Sequence[Mention] = (),
    organizations: Sequence[Mention] = (),
    published: date | None = None,
) -> list[EventMention]:
    """Every trigger occurrence, with its status, date, place and party."""
    tables = _tables(language)
    haystack = _haystack(text, tables.language)
    sentences = sentence_spans(text)
    title_end = _title_end(text, sentences)
    body = [s for s in sentences if s[0] >= title_end]
    # the first sentence after the headline, past the page's date line (mercredi, 22 septembre, 2021 à 17:39)
    lead_sentence = next((b for b in body if not _only_a_date(text, b, dates)), body[0] if body else None)
    lead_start = lead_sentence[0] if lead_sentence else 0
    main_party = _main_party(parties, organizations)
    closing = range_ends(text, dates)  # du 30 avril au 2 mai: the congress opened on the 30th
    dated = [
        d
        for n, d in enumerate(dates)
        if d.iso
        and not d.listed
        and n not in closing
        and not _since(tables, haystack, d)
        and not _in_slogan(tables, text, haystack, d)
    ]
    # days the text names but does not fix (samedi 2 décembre, with no year anywhere): they tell two
    # events apart all the same
    unresolved = [d for d in dates if not d.iso and any(ch.isdigit() for ch in d.text)]
    found = _one_vote_side_by_side(
        [(m.start(), m.end(), tables.triggers[m.lastgroup]) for m in _scan(tables, haystack)], text
    )
    out: list[EventMention] = []
    starts = [s for s, _ in sentences]
    bodies = [o for o in organizations if o.extra.get("kind") == "body"]
    found = [  # دورة أكتوبر للمجلس الجماعي, دورة تكوينية: no party body's session, no trigger
        (start, end, trigger)
        for start, end, trigger in found
        if trigger.needs not in ("body", "body_before")
        or (trigger.needs == "body" and _body_beside(haystack, bodies, parties, start, end, starts, "after"))
        or (
            trigger.needs == "body_before"
            and _body_beside(haystack, bodies, [*parties, *places], start, end, starts, "before")
        )
    ]
    found = [  # la session du conseil communal: a council's name, unless it elects (le conseil communal a élu)
        (start, end, trigger)
        for start, end, trigger in found
        if trigger.needs != "subject"
        or _verb_right_after(
            tables, haystack, places, end, _sentence_of(sentences, starts, start)[1], "elects"
        )
    ]
    found = [  # عقد المكتب الإقليمي الجمع العام: what the body held is the event, not a meeting of its own
        (start, end, trigger)
        for n, (start, end, trigger) in enumerate(found)
        if trigger.needs != "holds"
        or n + 1 == len(found)
        or found[n + 1][0] >= _sentence_of(sentences, starts, start)[1]
    ]
    found = [
        (start, end, trigger)
        for start, end, trigger in found
        if not _delegates(text, tables.language, start, end)
    ]
    found = [  # الجمع العام لمؤتمر المنظمة, la séance d'ouverture du congrès: a part of the gathering after it
        (start, end, trigger)
        for n, (start, end, trigger) in enumerate(found)
        if n + 1 == len(found) or not _part_of_next(text, tables.language, (end, trigger), found[n + 1])
    ]
    trigger_sentences = [_sentence_of(sentences, starts, start) for start, _, _ in found]
    closest = {id(d): _closest_trigger(found, d, trigger_sentences) for d in dated} if found else {}
    for d in dated:  # un communiqué publié lundi, aux déclarations: the participle ties the day to the noun
        attached = _attached_trigger(tables, haystack, found, d)
        if attached is not None:
            closest[id(d)] = attached
    coded = [p for p in places if p.code]
    named = _named_parties(parties, organizations)
    home = _article_place(text, coded, title_end, lead_start)
    lead_end = next((e for s, e in sentences if s >= lead_start), len(text))
    on_a_vote = any(  # the headline or the lead is about a vote (élections communales, انتخاب رؤساء الجماعات)
        start < lead_end and trigger.event_type == "public_election" for start, _, trigger in found
    ) or any(_says_elected(tables, haystack, sentence) for sentence in sentences if sentence[0] < lead_end)

    @cache
    def sentence_words(sentence: tuple[int, int]) -> list[str]:
        return _words(haystack, *sentence)

    @cache
    def in_sentence(sentence: tuple[int, int], kind: str) -> bool:
        """Asked for every trigger of a sentence: its words and cues are read once."""
        if kind == "election":
            return _says_elected(tables, haystack, sentence, sentence_words(sentence))
        return _has_cue(tables, kind, "sentence", sentence_words(sentence))

    for n, (start, end, trigger) in enumerate(found):
        sentence = trigger_sentences[n]
        if start < title_end and _letters(text[sentence[0] : sentence[1]]) == _letters(text[start:end]):
            continue  # a line that is the word alone (بلاغ, Communiqué): the page's section label
        if _KICKER.match(text, end) and text[start:end].isupper() and not text[sentence[0] : start].strip():
            continue  # ÉLECTIONS - Après Errachidia, Dakhla: a rubric in capitals, not the event
        # a date or place past a neighbouring trigger belongs to that trigger
        low = max(sentence[0], found[n - 1][1] if n > 0 else 0)
        high = min(sentence[1], found[n + 1][0] if n + 1 < len(found) else len(text))
        mention = EventMention(
            trigger.event_type, trigger.number, start, end, sentence, start < title_end, "new", trigger.scope
        )
        mention.date = _nearest([d for d in dated if closest[id(d)] == n], start, end, sentence)
        if in_sentence(sentence, "postpone"):
            # أجل الاجتماع ... إلى يوم 9 شتنبر, la réunion a été reportée au 12 mars: the day it was moved to
            mention.date = _moved_to(tables, haystack, dated, start, end, (sentence[0], high)) or mention.date
        if mention.date is None:
            loose = _nearest(unresolved, start, end, sentence)
            mention.loose_day = _day_key(loose.text) if loose is not None else None
        inside = [p for p in coded if low <= p.start_char and p.end_char <= high]
        governed = _governed(haystack, inside, end)  # the place right after the trigger, if any
        mention.place = _place_for(inside, governed, start, end)
        if trigger.needs == "place_before":  # جماعة الدريوش والتي ترأسها X، ثم جماعة ...: the council before
            mention.place = _place_right_before(coded, start) or mention.place
        if trigger.scope == "office" and trigger.number == "sg":
            mention.council = _unnamed_council(text, tables.language, coded, start, end)
            if (
                mention.council is not None
                and mention.place is not None
                and (mention.place.start_char < end or _rank(mention.place) == 3)
            ):
                # another council's place, not this one's: no place rather than a wrong one
                mention.place = None
        listed = _listed_places(text, tables.language, coded, mention, high, governed)
        counted = trigger.scope == "office" and trigger.number == "plural"
        if counted and listed:
            mention.number = "sg"  # رئاسة ثلاث جماعات (أ، ب وج): one council's vote a place
        own_party = _party_for(named, start, sentence, trigger.event_type == "public_election")
        mention.party, mention.party_named = own_party or main_party, own_party is not None
        window = _words(haystack, low, high)
        lead = sentence[0] <= lead_start
        sentence_cue = partial(in_sentence, sentence)
        mention.status = _status(
            tables, haystack, mention, trigger, coded, high, sentence_cue, window, lead, on_a_vote
        )
        if trigger.needs in CONTEXT_NEEDS and any(
            other.event_type in ("meeting", *GATHERINGS) and trigger_sentences[k] == sentence
            for k, (_, _, other) in enumerate(found)
        ):
            mention.status = "weak"  # la réunion, présidée par X à Rabat: the gathering's chair
        if trigger.needs == "party_context" and _party_for(named, start, sentence) is None:
            mention.status = "weak"  # اكتسحت السيول المدينة, المرتبة الأولى في الإنتاج: no party placed
        if counted and not listed:
            mention.status = "weak"  # la présidence de quatre régions: counted, none named
        if trigger.scope == "office" and _body_right_after(text, bodies, end):
            mention.status = (
                "weak"  # الفوز برئاسة الكتابة الجهوية للحزب: a party body's head, not a council's
            )
        if (
            trigger.event_type == "meeting"
            and mention.status == "new"
            and _counts_votes(tables, haystack, sentence, sentence_words(sentence))
        ):
            # X a obtenu 25 voix ... lors de la session: the sitting is the council's vote for its head
            mention.event_type, mention.scope = "public_election", "office"
        mention.told = sentence_cue("occurrence")
        mention.heading = _is_heading(text, sentence)
        mention.level = _level_of(tables, haystack, parties, end, sentence[1]) or _own_level(
            tables, haystack, start, end
        )
        mention.described = _has_cue(
            tables, "describe", "before", _words(haystack, max(low, start - 20), start)[-1:]
        )
        if _has_cue(tables, "describe", "after", _words(haystack, end, min(high, end + 20))[:1]):
            mention.described = True
        # the gatherings told so far, the last first: a described one, a closing statement point back to them
        gatherings = [
            m for m in reversed(out) if m.status == "new" and m.event_type in (*GATHERINGS, "meeting")
        ]
        told_before = gatherings[0] if gatherings else None
        if (
            mention.described
            and mention.status == "new"
            and _definite(text[start:end], tables.language)
            and told_before is not None
            and mention.event_type in (told_before.event_type, "meeting")
            and mention.date is None
            and (not _own_place(mention) or _places_agree(mention.place, told_before.place))
        ):
            # اللقاء شهد تقديم عرض: the gathering told before, described (not وعرف المؤتمر الإقليمي بخنيفرة يوم
            # السبت ..., a gathering of its own day or place after a meeting)
            mention.status = "coref"
        mention.another = trigger.event_type in (*GATHERINGS, "meeting") and _told_as_another(
            tables, haystack, sentence[0], start
        )
        mention.result = (
            trigger.event_type == "public_election" and trigger.needs == "self" and trigger.scope == "event"
        )
        mention.holder = (
            mention.scope == "office"
            and not _has_cue(tables, "office_noun", "first", _words(haystack, start, end)[:1])
            and in_sentence(sentence, "election")
        )
        if mention.place is None:
            mention.place = _back_reference(haystack, tables.language, coded, mention.start, window)
        if mention.place is None and not in_sentence(sentence, "national"):
            mention.place = home  # the article's own place (its title, dateline or only province)
            mention.home_place = home is not None
        if (
            mention.date is None
            and out
            and out[-1].sentence == sentence
            and _has_cue(tables, "sequel", "window", window)
        ):
            mention.date = out[-1].date  # اجتماعه يوم ...، وأصدر على إثره بيانا: the meeting's day
        gathering = told_before
        if gathering is not None and not _own_place(gathering):
            # وأصدر المؤتمر في ختام أشغاله: the subject names no place; the same gathering told before does
            gathering = next(
                (m for m in gatherings if m.event_type == gathering.event_type and _own_place(m)),
                gathering,
            )
        if (
            trigger.event_type == "statement"
            and gathering is not None
            and (
                _has_cue(tables, "report", "after", _words(haystack, end, min(sentence[1], end + 30))[:1])
                or in_sentence(sentence, "closing")
            )
        ):
            # وفي بيانه الختامي أكد ... الكارثة التي وقعت بإقليم الحوز, un communiqué publié à l'issue de la
            # réunion: the statement of the gathering told before is issued where it sat; the places its words
            # name are what it speaks of (its day is its own: the readers of the corpus date it only when the
            # text does)
            mention.place, mention.home_place = gathering.place, gathering.home_place
        if mention.date is None and in_sentence(sentence, "sameday"):
            # Le même jour, le conseil s'est réuni: the date of the event reported just before
            mention.date = _last_date(out)
        if mention.date is None and in_sentence(sentence, "nextday"):
            # Le lendemain dimanche, il présidera le congrès de Taza: the day after the one just reported
            mention.date = _day_after(_last_date(out))
        if mention.status == "future" and mention.date is not None and mention.date.precision == "day":
            # تعقد مؤتمرها يوم السبت المقبل 3 ماي, la prochaine réunion le samedi 4 novembre: the text
            # fixes the day of what it announces (an event, as the samples' planned congress is); a
            # plan without a day stays out
            mention.status = "new"
        elif mention.status == "new" and _after(mention.date, published):
            mention.status = "future"
        if (
            mention.status == "future"
            and _imminent(mention.date, published)
            and in_sentence(sentence, "announce")
        ):
            mention.status = "new"  # l'USFP tient ce samedi son congrès: announced for a day this week
        out.append(mention)
        # les congrès provinciaux de Khénifra, Azilal et Fquih Ben Salah: one event per place listed
        out.extend(replace(mention, place=place, part=k) for k, place in enumerate(listed[1:], 1))
    _date_the_sentence_after(tables, haystack, sentences, starts, dated, out)
    _hand_over_places(out)
    # a vote the headline or lead reports (not one announced: les têtes de liste pour les prochaines élections)
    voted = ":" in text and (  # only a text with `Place : ...` lines has a list to read
        any(
            m.event_type == "public_election"
            and m.status not in ("future", "generic")
            and not m.in_title  # a headline's `Législatives :` is a rubric
            and m.start < lead_end
            for m in out
        )
        or any(
            _says_elected(tables, haystack, sentence) and not in_sentence(sentence, "future")
            for sentence in sentences
            if sentence[0] < lead_end
        )
    )
    out.extend(_list_line_results(text, tables.language, out, coded, named, voted))
    return out


_BULLET = re.compile(r"[ \t]*(?:([-–•*])[ \t]*)?")  # - Tarfaya: X du RNI, or a line with no bullet
_LINE_LABEL = re.compile(r"[^\W\d_]+(?:[\s'’-]+[^\W\d_]+)*[\s'’-]+")  # words only: Conseil de la région


_LABEL_ARTICLES = frozenset({"le", "la", "l"})  # - Le conseil provincial de Tiznit : ...


def _council_label(label: str, language: str) -> bool:
    """Is the start of a list line a council's name or office before its place (Conseil de la région, Le
    conseil provincial de, Présidence de la province de, مجلس جماعة, رئاسة إقليم): a few words, the first
    (past an article) a council word or an office noun (lexicons/event_cues.tsv, council_label, office_noun)?"""
    if not _LINE_LABEL.fullmatch(label) or len(label.split()) > LIST_LINE_LABEL_WORDS:
        return False
    tables = _tables(language)
    words = _words(_haystack(label, tables.language), 0, len(label))
    while words and words[0] in _LABEL_ARTICLES:
        words = words[1:]
    return _has_cue(tables, "council_label", "first", words[:1]) or _has_cue(
        tables, "office_noun", "first", words[:1]
    )


LIST_LINE_LABEL_CHARS = 3  # at most this much between a list line's place and its colon
LIST_LINE_MIN_RESULTS = 2  # lines of one list that report a vote, for its other lines to be read as results
LIST_LINE_MAX_STEP = 2  # a bulleted list's next line within this many lines (a `Lire aussi` between)
LIST_LINE_MIN_BARE = 3  # lines a list without bullets needs (a dateline `Rabat :` and one more are no list)
LIST_LINE_LABEL_WORDS = 4  # words before a line's place: its council (- Conseil de la région X : ...)


@dataclass(slots=True)
class _ListLine:
    start: int
    end: int
    place: Mention  # the council the line names before its colon (after its label, if any)
    bulleted: bool
    row: int  # which non-empty line of the text


def _list_lines(text: str, language: str, places: Sequence[Mention]) -> list[list[_ListLine]]:
    """The text's lists of `Place: ...` lines (the place may follow a council's name: - Conseil de la
    région X : ...), each a run of such lines close to one another."""
    by_start = {place_opening(p): p for p in places}  # جماعة تزنيت: from its head
    openings = sorted(by_start)
    lines: list[_ListLine] = []
    offset = row = 0
    for line in text.split("\n"):
        if line.strip():
            row += 1
            bullet = _BULLET.match(line)
            place = by_start.get(offset + bullet.end())
            if place is None:  # - Conseil de la région X : ...: the council's name, then its place
                k = bisect_right(openings, offset + bullet.end())
                if k < len(openings) and openings[k] < offset + len(line):
                    label = text[offset + bullet.end() : openings[k]]
                    if _council_label(label, language):
                        place = by_start[openings[k]]
            colon = place.end_char if place is not None else -1
            if place is not None and text[colon : colon + LIST_LINE_LABEL_CHARS].strip()[:1] == ":":
                lines.append(_ListLine(offset, offset + len(line), place, bullet.group(1) is not None, row))
        offset += len(line) + 1
    runs: list[list[_ListLine]] = []
    for line in lines:
        last = runs[-1][-1] if runs else None
        # one list: the same bullets (or none), and lines without bullets right after one another
        step = LIST_LINE_MAX_STEP if line.bulleted else 1
        if last is not None and last.bulleted == line.bulleted and line.row - last.row <= step:
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def _names_someone(text: str, start: int, end: int) -> bool:
    """After a list line's colon, a person: two words or more, the first capitalized in a Latin script
    (- Guelmim: Said Idrissi du PI; not - Tiznit: aucun changement)."""
    words = _WORD.findall(text, start, end)
    if len(words) < 2:
        return False
    first = words[0][0]
    return first.isupper() or first.lower() == first.upper()  # a capital, or a script without case


def _list_line_results(
    text: str,
    language: str,
    mentions: list[EventMention],
    places: Sequence[Mention],
    named: Sequence[tuple[int, str]],
    voted: bool = False,
) -> list[EventMention]:
    """A list of councils and who won them, a line each (- Safi: X, du PI, élu avec 43 voix / - Tarfaya:
    Y du RNI; جماعة تزنيت: X): once two lines of the list report the vote, a line that names its council
    and no event of its own, then two words or more (a person), is a result too; a vote in a line that
    names no place takes the line's. A list without bullets needs three lines. Under a headline or lead
    that reports a vote (`voted`), three lines or more that each name a council, someone and a party are
    the results without a word of the vote (- Conseil de la région Souss-Massa : X (RNI))."""
    votes = [m for m in mentions if m.event_type == "public_election" and m.status == "new"]
    if ":" not in text or (len(votes) < LIST_LINE_MIN_RESULTS and not voted):
        return []  # most texts: no list of results to read, and no lines to split
    out = []
    for run in _list_lines(text, language, places):
        in_line = [[m for m in votes if line.start <= m.start < line.end] for line in run]
        bare = not run[0].bulleted
        partisan = (
            voted
            and len(run) >= LIST_LINE_MIN_BARE
            and all(any(line.start <= pos < line.end for pos, _ in named) for line in run)
        )
        if (
            sum(1 for found in in_line if found) < LIST_LINE_MIN_RESULTS
            and not partisan
            or bare
            and len(run) < LIST_LINE_MIN_BARE
        ):
            continue
        kinds = Counter((m.scope, m.number) for found in in_line for m in found)
        scope, number = kinds.most_common(1)[0][0] if kinds else ("office", "sg")
        for line, found in zip(run, in_line, strict=True):
            for m in found:
                if m.place is None or m.home_place:
                    m.place, m.home_place = line.place, False
            told = any(line.start <= m.start < line.end and m.status == "new" for m in mentions)
            if found or told or not _names_someone(text, line.place.end_char, line.end):
                continue
            # the line is the row, all its sentences: Y du RNI. Il a obtenu 22 voix sur les 31.
            row = (line.start, line.end)
            place = line.place
            mention = EventMention(
                "public_election", number, place.start_char, place.end_char, row, False, "new", scope
            )
            mention.place = place
            mention.result = True
            mention.party = _party_for(named, place.start_char, row, True)
            mention.party_named = mention.party is not None
            out.append(mention)
    return out


def _hand_over_places(mentions: list[EventMention]) -> None:
    """Le RNI a remporté la présidence du conseil municipal de Targuist: the office words right after
    a result (weak: nobody is said elected) hold the place the result reports."""
    for before, mention in pairwise(mentions):
        if (
            before.result
            and before.status == "new"
            and (before.place is None or before.home_place)
            and mention.scope == "office"
            and mention.status == "weak"
            and mention.place is not None
            and not mention.home_place
            and before.sentence == mention.sentence
            and mention.start - before.end <= HAND_OVER_CHARS
        ):
            before.place, before.home_place, before.placed = mention.place, False, mention.placed


# each place holds its own congress, assembly or vote; a series of meetings in several towns is one
# tour, one event (as the samples count `une série de réunions` and `اللقاءات التواصلية ... في كل من`)
LISTED_PER_PLACE = frozenset({"congress", "general_assembly", "public_election"})
# the winner named with each place of a list (la présidence des régions A, avec Omar Moro, B avec Hro
# Abroue; X à la tête de la région A, Y à la région B et Z à C: the verb said once)
_LISTED_WINNER = re.compile(
    r"\bavec\s+(?:[A-Z][\w'’-]*\s*){1,4}"
    r"|(?:\b[A-Z][\w'’-]*\s+){1,4}(?:à|de|d['’])\s*(?:la\s+(?:région|commune|ville|province)\s+(?:de\s+|d['’])?)?"
)
_IN_ADDITION = frozenset({"بالإضافة", "بالاضافة"})  # X وY، بالإضافة (إلى) Z: the list's last place
_IN_ADDITION_TO = frozenset({"إلى", "الى"})  # the preposition بالإضافة takes
# the words between two places of a list (X, Y et Z; X, Y, ou encore à Z; X وY; أ - ب - وج), and those
# that close one
LIST_WORDS = frozenset(
    {
        "-",
        "–",
        "et",
        "ou",
        "encore",
        "ainsi",
        "que",
        "à",
        "au",
        "و",
        "أو",
        "في",
        "ثم",
        "ب",
        "وب",
        "وفي",
        *_IN_ADDITION,
    }
)
LIST_CONJUNCTIONS = frozenset({"et", "ou", "و", "أو", "ثم", "وب", "وفي", *_IN_ADDITION})


def _one_vote_side_by_side(
    found: list[tuple[int, int, Trigger]], text: str
) -> list[tuple[int, int, Trigger]]:
    """a remporté la présidence des régions A, B et C, حافظ على كرسيه على رأس جماعة X: the words of one
    vote side by side are one trigger (the first), whose place and list are those that follow the second."""
    out: list[tuple[int, int, Trigger]] = []
    for start, end, trigger in found:
        if (
            out
            and (trigger.needs in CONTEXT_NEEDS or trigger.scope == out[-1][2].scope == "office")
            and out[-1][2].event_type == trigger.event_type
            and not text[out[-1][1] : start].strip()
        ):
            if trigger.number == "plural" and trigger.scope == "office":  # ... على رأس مقاطعتين (أ وب)
                out[-1] = (out[-1][0], out[-1][1], replace(out[-1][2], number="plural"))
            continue
        out.append((start, end, trigger))
    return out


def _listed_places(
    text: str,
    language: str,
    places: Sequence[Mention],
    mention: EventMention,
    limit: int,
    governed: Mention | None = None,
) -> list[Mention]:
    """The places of a list a congress, assembly or election trigger governs (les congrès de Khénifra,
    Azilal et Fquih Ben Salah; المؤتمرات الإقليمية بكل من أزيلال وخنيفرة), its own place first; [] when it
    governs one place. Places that nest (Agadir, Souss-Massa) are one place told twice, not a list.
    `governed`: the place right after the trigger, when the mention's own place is a finer one named
    before it (بمدينة خنيفرة، أشغال المؤتمرات الإقليمية لخنيفرة وميدلت: the list is the trigger's)."""
    first = mention.place
    if first is None or mention.event_type not in LISTED_PER_PLACE:
        return []
    if mention.event_type != "public_election" and _one_event(text, language, mention):
        return []  # المؤتمر الإقليمي لإقليمي الداخلة وأوسرد: one congress for the two provinces
    if first.end_char <= mention.start:
        if governed is not None and governed.start_char >= mention.end and _within(first, governed):
            listed = _places_listed_after(text, language, places, mention, governed, limit)
            if listed:
                return [first, *listed[1:]]
        return _places_listed_before(text, language, places, first, mention.sentence[0])
    if first.start_char < mention.end:
        return []
    return _places_listed_after(text, language, places, mention, first, limit)


def _places_listed_after(
    text: str, language: str, places: Sequence[Mention], mention: EventMention, first: Mention, limit: int
) -> list[Mention]:
    """The list that `first`, a place after the trigger, opens (its own place first); [] when it is alone."""
    lead = text[mention.end : first.start_char]
    counted = mention.scope == "office" and mention.number == "plural" or _counts_places(lead, language)
    if lead.rfind("(") > lead.rfind(")") and not counted:
        # 3 sièges chacun (Errachidia, Midelt et Zagora): a breakdown in brackets, not events; but
        # رئاسة ثلاث جماعات (أ، ب وج) names the councils it counts
        return []
    listed, closed = [first], 1  # closed: how many places the list holds up to its last conjunction
    for place in sorted(
        (p for p in places if first.end_char <= p.start_char < limit), key=lambda p: p.start_char
    ):
        previous = listed[-1]
        if place.start_char < previous.end_char:
            continue
        gap = _LISTED_WINNER.sub("", text[previous.end_char : place.start_char])
        words = _list_gap(gap, language, heads=mention.event_type != "public_election")
        if words is None or any(_places_agree(p, place) for p in listed):
            break
        listed.append(place)
        if LIST_CONJUNCTIONS & set(words):  # X, Y et Z: a list ends with its conjunction
            closed = len(listed)  # (ايت ميلك، صباح يوم أمس is no list)
        if counted and _CLOSING_BRACKET.match(text, place.end_char):
            closed = len(listed)  # ثلاث جماعات (أ، ب، ج): the bracket closes what the count opened
            break
    if closed < len(listed) and _opens_with_conjunction(text[listed[-1].end_char : limit]):
        closed = len(listed)  # A (25 sur 35), B, C (33 sur 38) et dans les communes ...: `et` closes A, B, C
    return listed[:closed] if closed > 1 else []


@lru_cache(maxsize=4)
def _count_regex(language: str) -> re.Pattern:
    """The count pattern compiled once a language (asked for each list opened by a bracket or a colon)."""
    return re.compile(_count_pattern(language))


COUNTED_HEAD_WORDS = (
    3  # la présidence de | trois communes rurales ( ...: at most this many words after the count
)


def _counts_places(lead: str, language: str) -> bool:
    """Does the text between a trigger and its first place count the places that follow, in brackets or
    after a colon (la présidence de trois communes (A, B et C), 3 arrondissements : A, B et C)?"""
    opening = max(lead.rfind("("), lead.rfind(":"))
    if opening < 0:
        return False
    words = _fold(lead[:opening], language).split()
    count = _count_regex(_lang(language))
    for k in range(max(0, len(words) - COUNTED_HEAD_WORDS - 1), len(words) - 1):
        if count.fullmatch(words[k]) and is_plural_place_head(words[k + 1], language):
            return True
    return False


_CONJUNCTION_THEN_PHRASE = re.compile(r"\s*,?\s*(?:et|ou)\s+(?:[^\W\d_A-ZÀ-Ý][\w'’]*)")


def _opens_with_conjunction(after: str) -> bool:
    """Does the text after a listed place (its bracketed aside left out) go on with `et` and a phrase
    that is no name (et dans les communes de ..., not et Mechouar Fès-Jdid, a place the gazetteer
    spells otherwise)? French: a name is written with a capital."""
    return _CONJUNCTION_THEN_PHRASE.match(_ASIDE.sub(" ", after, count=1)) is not None


def _list_gap(gap: str, language: str, heads: bool = False) -> list[str] | None:
    """The words between two places of one list (`, `, ` et `, `، و`, `، بالإضافة إلى`), or None when the
    gap is none. `heads`: a list of gatherings may name each place with its head (بالإضافة لإقليم X,
    وإقليم Y); a vote's seats listed by district (بثلاث مقاعد بكل من دائرة A ودائرة B) are one result
    broken down, so there a head ends the list."""
    gap = _ASIDE.sub(" ", gap)  # Saiss (33 sur 38), Agdal (25 sur 35); تيفلت (العدالة والتنمية) والرماني
    if not gap.strip():
        return None
    words = gap.replace(",", " ").replace("،", " ").lower().split()
    if heads and words and language == "ar" and is_place_head(words[-1], language):
        head = words.pop()
        if head.startswith("و"):
            words.append("و")  # وإقليم: the conjunction glued to the head
    if len(words) >= 2 and words[-2] in _IN_ADDITION and words[-1] in _IN_ADDITION_TO:
        words.pop()  # بالإضافة إلى X (من الرباط وإلى طنجة is a route, not a list)
    return words if set(words) <= LIST_WORDS else None


_KICKER = re.compile(r"\s*[-–—:]")
_ASIDE = re.compile(r"\([^()]*\)")  # a bracketed aside after a listed place: its seats, its party
_CLOSING_BRACKET = re.compile(r"\s*\)")
_SINGULAR_BEFORE = re.compile(r"\b(?:le|son|du|au|un|ce|cet|leur)\s+$", re.IGNORECASE)


def _one_event(text: str, language: str, mention: EventMention) -> bool:
    """A singular trigger (المؤتمر, not المؤتمرات; le congrès, not les congrès: French writes both alike, its
    article tells) names one event, even when it serves two places (المؤتمر الإقليمي لإقليمي الداخلة وأوسرد,
    le congrès provincial de A et B)."""
    if language == "ar":
        return mention.number == "sg"
    return _SINGULAR_BEFORE.search(text, max(0, mention.start - 8), mention.start) is not None


def _places_listed_before(
    text: str, language: str, places: Sequence[Mention], last: Mention, floor: int
) -> list[Mention]:
    """The list a place right before its trigger closes (les villes de Fès, Meknès et Salé seront
    gérées par, la gestion de Salé et Taroudant revient à), its own place first; [] when it is alone."""
    listed = [last]
    for place in sorted(
        (p for p in places if floor <= p.start_char and p.end_char <= last.start_char),
        key=lambda p: -p.start_char,
    ):
        following = listed[-1]
        if place.end_char > following.start_char:
            continue
        words = _list_gap(text[place.end_char : following.start_char], language)
        if words is None or any(_places_agree(p, place) for p in listed):
            break
        if len(listed) == 1 and not LIST_CONJUNCTIONS & set(words) and not last.extra.get("head_inherited"):
            break  # a list ends with its conjunction: X, Y et Z (or shares a plural head: les communes de
            # A, B, C sont tombées)
        listed.append(place)
    return listed if len(listed) > 1 else []


_NEXT_WORD = re.compile(r"\s+([^\W\d_]{2,})")
UNNAMED_COUNCIL_MAX_ZIPF = 5.0  # a word after a council head this common is a function word, not its name


def _unnamed_council(text: str, language: str, places: Sequence[Mention], start: int, end: int) -> str | None:
    """The name of the council office words end on, when no known place is that name: رئيسا لجماعة
    بوياعمر (a commune the gazetteer lacks). Each such name is its own council: two in one sentence are
    two votes, and the nearest known place of the sentence is not theirs. Arabic: a council head in
    the construct state (جماعة, بلدية, not the definite الجماعة) takes its name right after it."""
    if language != "ar":
        return None
    head = text[start:end].split()[-1]
    if not is_place_head(head, language) or is_plural_place_head(head, language):
        return None
    if _definite(head, language):
        return None  # للجماعة الترابية: a definite head takes an adjective, its name comes later
    found = _NEXT_WORD.match(text, end)
    if found is not None and is_place_head(f"{head} {found.group(1)}", language):
        found = _NEXT_WORD.match(text, found.end())  # جماعة قروية X: the name after the kind
    if found is None or zipf(found.group(1), language) >= UNNAMED_COUNCIL_MAX_ZIPF:
        return None
    if is_place_head(found.group(1), language):
        return None  # رئيسا لجماعة قروية بإقليم الحوز: the province's head, not the commune's name
    if any(p.start_char < found.end(1) and found.start(1) < p.end_char for p in places):
        return None  # a known place (لأكادير)
    return _fold(found.group(1), language)


# الدورة | الواحدة والثلاثين | للمجلس الوطني; المجلس | (party) | المنعقد: words a body may stand from its word
BODY_GAP_WORDS = {"after": 3, "before": 1}


def _outside(lo: int, hi: int, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces of [lo, hi) that the spans (sorted, inside it) leave: a sentence without its dates, a
    gap without a party's name."""
    pieces, cursor = [], lo
    for start, end in spans:
        pieces.append((cursor, start))
        cursor = max(cursor, end)
    pieces.append((cursor, hi))
    return pieces


def _body_beside(
    haystack: str,
    bodies: Sequence[Mention],
    names: Sequence[Mention],
    start: int,
    end: int,
    starts: Sequence[int],
    side: str,
) -> bool:
    """Is a party's body (of kind body, its party known or a name only a party has: Bureau politique)
    named right after a session word (الدورة السابعة للجنة المركزية: side after, an ordinal between) or
    right before a word saying it sat (المجلس الإقليمي لحزب الاستقلال بتيزنيت المنعقد, le secrétariat de
    l'USFP à Tiznit, réuni: side before), in the same sentence? The `names` between (the party's, the
    body's town) are stepped over. An elected council (المجلس الجهوي لجهة سوس ماسة) is no party body."""
    for b in bodies:
        if not (b.extra.get("party") or b.extra.get("organ")):
            continue  # المجلس الجهوي with no party named: the region's elected council
        lo, hi = (end, b.start_char) if side == "after" else (b.end_char, start)
        if lo > hi or bisect_right(starts, lo) != bisect_right(starts, hi):
            continue
        # المجلس الإقليمي لحزب التجمع الوطني للأحرار المنعقد: the party's name stepped over (its clitic too)
        named = sorted((p.start_char, p.end_char) for p in names if lo <= p.start_char and p.end_char <= hi)
        words = [w for a, b in _outside(lo, hi, named) for w in _words(haystack, a, b)]
        if len([w for w in words if len(w) > 1]) <= BODY_GAP_WORDS[side]:
            return True
    return False


PLACE_BEFORE_CHARS = 8  # جماعة أزلاف التي ترأسها: the place ends this close before a `place_before` trigger


def _place_right_before(places: Sequence[Mention], start: int) -> Mention | None:
    near = [p for p in places if 0 <= start - p.end_char <= PLACE_BEFORE_CHARS]
    return max(near, key=lambda p: p.end_char) if near else None


NEXT_SENTENCE_GAP = 2  # characters (a space, a line break) between a sentence and the next one


def group_mentions(mentions: Sequence[EventMention]) -> list[Event]:
    """Merge coreferent mentions into events; drop mentions that fix nothing and point nowhere."""
    events: list[Event] = []
    for mention in mentions:
        if mention.status != "new":
            continue
        target = next((e for e in reversed(events) if _compatible(e, mention)), None)
        last = events[-1] if events else None
        if (
            target is None
            and mention.scope == "office"
            and last is not None
            and last.mentions[0].scope == "office"
            and last.event_type == mention.event_type
            and mention.sentence[0] - max(m.sentence[1] for m in last.mentions) <= NEXT_SENTENCE_GAP
            and _dates_agree(last.date, mention.date)
            and (
                (mention.place is None or mention.home_place and not mention.holder)
                and mention.council is None
                or all(_placeless(m) for m in last.mentions)
                and (mention.council is None or all(m.council is None for m in last.mentions))
            )
        ):
            # انتخاب X رئيسا لجهة كلميم. وفاز X برئاسة المجلس ...: an office named without a place of its
            # own (none; or only the article's, unless it names a holder elected: Y a été élu président du
            # conseil communal is another vote) in the very next sentence is the office just reported; and
            # انتخاب رئيس المجلس الجماعي الجديد. انتخاب X رئيسا لجماعة تاوريرت: the next sentence names it
            target = last
        if (
            target is None
            and mention.event_type == "meeting"
            and mention.date is None
            and mention.place is not None
            and not mention.another
        ):
            # "سعادته بلقاء مناضلي الحزب بالخميسات" during the assembly at Khemisset: the same gathering
            target = next(
                (e for e in events if e.event_type in GATHERINGS and _same_place(e.place, mention.place)),
                None,
            )
        if target is None:
            events.append(Event([mention]))
        else:
            target.mentions.append(mention)
    for mention in mentions:
        if mention.status == "coref":
            before = [e for e in events if e.first.start < mention.start]
            same = [e for e in before if e.event_type == mention.event_type]
            if not same and mention.event_type == "meeting":  # هذا اللقاء التأسيسي: the assembly itself
                same = [e for e in before if e.event_type in GATHERINGS]
            if same:
                same[-1].mentions.append(mention)
        elif mention.status == "weak" and mention.number == "sg":
            target = next((e for e in events if _compatible(e, mention)), None)
            if target is not None:
                target.mentions.append(mention)
    # in text order; the events of one listing trigger in the order their places are written
    events.sort(key=lambda e: (e.first.start, e.first.place.start_char if e.first.place else 0))
    return events


def is_comment(text: str, language: str, sentence: tuple[int, int]) -> bool:
    """Does this sentence comment on events (a salué, ثمن) rather than report one? A person named
    only there is not a participant (lexicons/event_cues.tsv, kind comment)."""
    tables = _tables(language)
    words = _words(_haystack(text, tables.language), *sentence)
    return _has_cue(tables, "comment", "sentence", words) and not _has_cue(
        tables, "speech", "sentence", words
    )


def is_election(text: str, language: str, sentence: tuple[int, int]) -> bool:
    """Does this sentence say someone was elected (élus, انتخب)? The people it names without a title
    were elected there (X du PAM et Y du PI ont été élus vice-présidents)."""
    tables = _tables(language)
    return _says_elected(tables, _haystack(text, tables.language), sentence)


def _says_elected(
    tables: _Tables, haystack: str, sentence: tuple[int, int], words: Sequence[str] | None = None
) -> bool:
    """Does the sentence say someone was elected: an election word (élu, انتخب) or votes counted for
    someone? The one question the office words, the headline and the people of a sentence ask."""
    if words is None:
        words = _words(haystack, *sentence)
    return _has_cue(tables, "election", "sentence", words) or _counts_votes(tables, haystack, sentence, words)


# votes counted (22 voix sur 32, بـ30 صوتا، 7 أصوات, 3 abstentions): a vote, in either language's folded text
_VOTE_COUNT = re.compile(
    r"(?<![\d.,/-])(?:\d{1,3}(?:[.,\s]\d{3})+|\d{1,6})\s*(?:voix|صوتا|صوت|اصوات|abstentions?)(?!\w)"
)  # 24.981 voix, 9000 voix


def _counts_votes(
    tables: _Tables, haystack: str, sentence: tuple[int, int], words: Sequence[str] | None = None
) -> bool:
    """Does the sentence count votes for someone (a number right before voix, صوتا, أصوات)? A voice
    raised or heard (à haute voix, les voix des habitants, ارتفعت أصوات) counts none, nor does a
    budget adopted by 20 voix contre 5 (an `adoption` cue: a text voted, no one elected)."""
    if _VOTE_COUNT.search(haystack, *sentence) is None:
        return False
    if words is None:
        words = _words(haystack, *sentence)
    return not _has_cue(tables, "adoption", "sentence", words)


def is_presence(text: str, language: str, sentence_start: int, pos: int) -> bool:
    """Is the person at `pos` introduced by a presence cue (برئاسة، بحضور، en présence de) in the
    words before it (a role title, a party, an enumeration may sit in between: برئاسة الأمين العام
    للحزب X; حضور قيادات اليسار مثل أمين عام حزب "التقدم والاشتراكية"، X)?"""
    tables = _tables(language)
    before = _words(_haystack(text, tables.language), max(sentence_start, pos - PRESENCE_CHARS), pos)
    before = before[-PRESENCE_WORDS:]
    # a cue in any tail of `before` is a cue in `before` itself: one test covers them all
    return _has_cue(tables, "presence", "before", before) or _has_cue(
        tables, "presence", "near", before[-PRESENCE_NEAR_WORDS:]
    )


SPEECH_AFTER_WORDS = 4  # a speech verb within this many words after the name (its apposition skipped)
_APPOSITION = re.compile(r"\s*,[^,.;:!?«»\"\n]{1,120},")  # X, membre du bureau politique, a déclaré
_CLAUSE_END = re.compile(r"[.!?؟;\n]")
# X, qui a présidé la commune de 2009 à 2015: the verb is the relative clause's, said of X, not by X
_RELATIVES = frozenset({"qui", "que", "qu", "dont", "الذي", "التي", "الذين"})


def is_speaker(text: str, language: str, sentence_start: int, start: int, end: int) -> bool:
    """Does the person at start..end speak or lead (X, membre du bureau politique, a souligné; souligne
    X; وأكد X; `speech` cues of lexicons/event_cues.tsv)? The verb stands in the name's own sentence,
    within SPEECH_AFTER_WORDS after it and its apposition, or right before it (ودعا الحزب X: X is the
    object, not the speaker). Who speaks in the report of a gathering took part in it."""
    tables = _tables(language)
    haystack = _haystack(text, tables.language)
    stop = _CLAUSE_END.search(haystack, end)
    limit = min(stop.start() if stop else len(haystack), end + PRESENCE_CHARS)
    apposed = _APPOSITION.match(haystack, end, limit)
    after = _words(haystack, apposed.end() if apposed else end, limit)[:SPEECH_AFTER_WORDS]
    if after and after[0] in _RELATIVES:
        return False
    before = _words(haystack, max(sentence_start, start - PRESENCE_CHARS), start)[-3:]
    return _has_cue(tables, "speech", "after", after) or _ends_with_cue(tables, "speech", "before", before)


def _ends_with_cue(tables: _Tables, kind: str, where: str, words: Sequence[str]) -> bool:
    """Do `words` end with a cue (the last word, or a phrase of the last ones: a souligné X)?"""
    if not words:
        return False
    if (kind, where) in _word_cues(words[-1], tables.language):
        return True
    joined = " " + " ".join(words) + " "
    return any(joined.endswith(cue) for cue in tables.phrases.get((kind, where), ()))


# ---------------------------------------------------------------- helpers


PRESENCE_WORDS = 16  # a presence cue this many words (and PRESENCE_CHARS) before a name introduces it
PRESENCE_NEAR_WORDS = 4  # ... a `near` one (a verb: ont pris part, ترأس) only this close
PRESENCE_CHARS = 220
TITLE_LINES = 3  # a headline may follow a section label and come with a subtitle or a byline


def _title_end(text: str, sentences: Sequence[tuple[int, int]]) -> int:
    """End of the headline: the first lines without a final stop, each on its own line, followed by
    more text (a section label, the headline, a byline: `Actualités`, `Lors d'une rencontre à
    Tinghir`, `Notre correspondant à Tinghir`)."""
    out = 0
    for n in range(min(TITLE_LINES, len(sentences) - 1)):
        start, end = sentences[n]
        line = text[start:end].strip()
        on_its_line = "\n" in text[end : sentences[n + 1][0] + 1] or text[end - 1 : end] == "\n"
        if not (on_its_line and _unstopped(line)):
            break
        title = _letters(line)
        again = next((s for s in sentences[n + 1 : n + 5] if _letters(text[s[0] : s[1]]) == title), None)
        out = again[1] if again else end  # the headline printed twice (page title, then article title)
        if again:
            break
    return out


ANOTHER_WORDS = 4  # an `another` cue (également, aussi) this many words before the trigger at most
INDEFINITE_ARTICLES = frozenset({"un", "une"})  # a également présidé un meeting; not le meeting, told before


def _told_as_another(tables: _Tables, haystack: str, sentence_start: int, start: int) -> bool:
    """Is the gathering at `start` told as one more (il a également présidé un meeting, a ensuite tenu un
    autre meeting): an indefinite article right before it, an `another` cue a few words before that?"""
    words = _words(haystack, max(sentence_start, start - 60), start)
    article = words[-2:-1] if words[-1:] == ["autre"] else words[-1:]  # un autre meeting
    return (
        article != []
        and article[0] in INDEFINITE_ARTICLES
        and _has_cue(tables, "another", "before", words[-ANOTHER_WORDS:])
    )


HEADLINE_CHARS = 200  # a line longer than this is a paragraph, whatever its last character


def _unstopped(line: str) -> bool:
    """A headline's shape: a short line with no final stop (the headline, a section label, a byline); one
    ending with a colon opens what follows (ينظم الحزب المؤتمر ... تحت رئاسة :), the body's."""
    return bool(line) and line[-1] not in ".!?؟:" and len(line) <= HEADLINE_CHARS


def _is_heading(text: str, sentence: tuple[int, int]) -> bool:
    """Is the sentence a line of its own in a headline's shape (a headline or a subheading the page
    repeats in the body: `Clôture en apothéose du congrès de l'USFP`)? The body tells what it
    announces. A paragraph of one sentence whose stop was lost has the same shape: see
    `EventMention.score`, where a place or a date of its own outweighs it."""
    start, end = sentence
    if not _unstopped(text[start:end].strip()):
        return False
    line_start = text.rfind("\n", 0, start) + 1  # 0 when the text's first line
    opens_line = not text[line_start:start].strip()
    closes_line = end >= len(text) or "\n" in text[end - 1 : end + 2]
    return opens_line and closes_line


def _letters(text: str) -> str:
    return "".join(ch for ch in match_key(text) if ch.isalpha())


DATELINE_LETTERS = 12  # a line with fewer letters than this besides its dates is a date line


def _only_a_date(text: str, sentence: tuple[int, int], dates: Sequence[DateValue]) -> bool:
    """Is the sentence a page's date line (الأحد 12 ماي 2019 - 10:30, mercredi, 22 septembre, 2021 à 17:39)?"""
    inside = [d for d in dates if sentence[0] <= d.start_char and d.end_char <= sentence[1]]
    if not inside:
        return False
    pieces = _outside(*sentence, [(d.start_char, d.end_char) for d in inside])
    return len(_letters("".join(text[a:b] for a, b in pieces))) < DATELINE_LETTERS


def _sentence_of(sentences: Sequence[tuple[int, int]], starts: Sequence[int], pos: int) -> tuple[int, int]:
    """The sentence holding `pos` (`starts`: the sentences' starts, to bisect)."""
    n = bisect_right(starts, pos) - 1
    if n >= 0 and pos < sentences[n][1]:
        return sentences[n]
    return pos, pos


def _closest_trigger(
    found: Sequence[tuple[int, int, Trigger]], d: DateValue, trigger_sentences: Sequence[tuple[int, int]]
) -> int:
    """Index of the trigger nearest to a date (a date between two triggers is the closer one's).

    A trigger of the date's own sentence comes first: a trigger just past the full stop would take
    the date and, being in another sentence, drop it (اجتماعه يوم 5 مارس 2024. وفي بلاغ ...)."""

    def key(n: int) -> tuple[bool, int]:
        sentence = trigger_sentences[n]
        same = sentence[0] <= d.start_char < sentence[1]
        distance = (
            found[n][0] - d.end_char if d.end_char <= found[n][0] else max(0, d.start_char - found[n][1])
        )
        return (not same, distance)

    return min(range(len(found)), key=key)


ATTACHED_GAP_WORDS = 4  # communiqué publié | lundi; le congrès qui s est tenu | dimanche


def _attached_trigger(
    tables: _Tables, haystack: str, found: Sequence[tuple[int, int, Trigger]], d: DateValue
) -> int | None:
    """The trigger a participle right after it ties the date to (un communiqué publié lundi, le congrès
    tenu dimanche, المؤتمر المنعقد يوم السبت: `attaches` cues of event_cues.tsv), however near a later
    trigger stands; None when no participle opens the words between them."""
    before = [n for n, (_, end, _) in enumerate(found) if end <= d.start_char]
    if not before:
        return None
    n = before[-1]
    gap = _words(haystack, found[n][1], d.start_char)
    if not gap or len(gap) > ATTACHED_GAP_WORDS or SENTENCE_MARK.search(haystack, found[n][1], d.start_char):
        return None
    return n if _has_cue(tables, "attaches", "after", gap[:1]) else None


def _nearest(dates: Sequence[DateValue], start: int, end: int, sentence: tuple[int, int]) -> DateValue | None:
    """The date in the sentence nearest to the trigger; a year alone only when close (a long sentence
    of a biography lists years that belong to other clauses: منسقا جهويا سنة 2005 ... بثلاث مقاعد)."""
    best, best_distance = None, None
    for d in dates:
        if d.start_char < sentence[0] or d.end_char > sentence[1]:
            continue
        distance = start - d.end_char if d.end_char <= start else max(0, d.start_char - end)
        if d.precision == "year" and distance > DATE_ANCHOR_CHARS:
            continue
        if best_distance is None or distance < best_distance:
            best, best_distance = d, distance
    if best is not None and best.precision == "month":
        # دورة دجنبر 2019 ... يوم الأحد 15 دجنبر 2019: the session's name gives its month, the day refines it
        finer = [
            d
            for d in dates
            if sentence[0] <= d.start_char
            and d.end_char <= sentence[1]
            and d.precision == "day"
            and d.iso.startswith(best.iso)
        ]
        if finer:
            return min(finer, key=lambda d: abs(d.start_char - start))
    return best


def _place_for(inside: Sequence[Mention], governed: Mention | None, start: int, end: int) -> Mention | None:
    """The place the trigger governs (`governed`), else the nearest of its part of the sentence (`inside`:
    the places with a code there); then the most specific place of it inside that one (بجهة سوس ماسة ...
    بمدينة أكادير -> أكادير)."""
    if not inside:
        return None
    chosen = governed
    if chosen is None:
        chosen = min(inside, key=lambda p: start - p.end_char if p.end_char <= start else p.start_char - end)
    finer = [
        p
        for p in inside
        if _within(p, chosen) and _rank(p) > _rank(chosen) and _near(p, chosen, REFINE_CHARS)
    ]
    if not finer and _rank(chosen) == 1:
        # احتضنت مدينة القنيطرة ... المؤتمر الجهوي ... بجهة الرباط سلا القنيطرة: the one city of the
        # sentence inside the region, however far (a list of several cities stays at the region)
        finer = [p for p in inside if _within(p, chosen) and _rank(p) > 1]
        if len({p.code for p in finer}) != 1:
            finer = []
    if finer:
        chosen = min(finer, key=lambda p: (-_rank(p), abs(p.start_char - start)))
    return chosen


_LEVEL_RANK = {"commune": 3, "province": 2, "region": 1}


@lru_cache(maxsize=4)
def _back_words(language: str) -> dict[str, int]:
    """Folded back-reference word -> the rank of the place it points to (lexicons/place_back_references.tsv)."""
    lang = _lang(language)
    return {
        _fold(r["word"], lang): _LEVEL_RANK[r["level"]]
        for r in read_lexicon("place_back_references.tsv")
        if r["language"] == lang
    }


@lru_cache(maxsize=200_000)
def _back_rank(word: str) -> int | None:
    """The rank a back-reference word points to, the word read with its clitics or without (Arabic)."""
    words = _back_words("ar")
    return next((words[r] for r, _ in strip_clitics(word) if r in words), None)


def _back_reference(
    haystack: str, language: str, places: Sequence[Mention], start: int, window: Sequence[str]
) -> Mention | None:
    """الحزب بالجماعة، dans la commune: the last place of that level named before the trigger."""
    if language == "ar":
        rank = next((r for w in window if (r := _back_rank(w)) is not None), None)
    else:
        joined = " " + " ".join(window) + " "
        rank = next((v for k, v in _back_words(language).items() if f" {k} " in joined), None)
    if rank is None:
        return None
    before = [p for p in places if p.end_char <= start and _rank(p) == rank]
    return before[-1] if before else None


_DATELINE_END = re.compile(r"\s*(?:[—–:|(-]|\(\w+\))")


def _article_place(text: str, places: Sequence[Mention], title_end: int, lead_start: int) -> Mention | None:
    """Where the article as a whole is: the place of its headline, else of its dateline (`Dakhla —`,
    `الرباط:` opening the body), else the one province every place it names lies in."""
    in_title = [p for p in places if p.end_char <= title_end]
    if in_title:
        return max(in_title, key=_rank)
    opening = [p for p in places if lead_start <= p.start_char <= lead_start + 3]
    if opening and _DATELINE_END.match(text, opening[0].end_char):
        return opening[0]
    provinces = {_level(p)[1] for p in places}
    if len(provinces) == 1 and None not in provinces:
        return min(places, key=lambda p: (_rank(p) != 2, p.start_char))  # the province itself if named
    return None


def _near(a: Mention, b: Mention, chars: int) -> bool:
    return a.start_char - b.end_char <= chars and b.start_char - a.end_char <= chars


def _governed(haystack: str, places: Sequence[Mention], end: int) -> Mention | None:
    after = [p for p in places if p.start_char >= end]
    if not after:
        return None
    first = min(after, key=lambda p: p.start_char)
    head = first.extra.get("head_start")
    begin = head if head is not None and head >= end else first.start_char
    if len(_words(haystack, end, begin)) <= GOVERNED_PLACE_TOKENS:
        return first
    return None


def _level(place: Mention) -> tuple[str | None, str | None, str | None]:
    p = place.extra.get("place")
    if p is None:
        return None, None, None
    return p.region_code, p.province_code, p.commune_code


def _rank(place: Mention) -> int:
    region, province, commune = _level(place)
    return 3 if commune else 2 if province else 1 if region else 0


def _within(inner: Mention, outer: Mention) -> bool:
    """Is `inner` inside `outer` (or the same place)? Two arrondissements of one city are two places
    (عين السبع, عين الشق: each council votes for its own head)."""
    ir, ip, ic = _level(inner)
    orr, op, oc = _level(outer)
    if orr is None or ir != orr:
        return False
    outer_district = outer.extra.get("arrondissement")
    if outer_district is not None and inner.extra.get("arrondissement") != outer_district:
        return False
    return (op is None or ip == op) and (oc is None or ic == oc)


def _places_agree(a: Mention | None, b: Mention | None) -> bool:
    if a is None or b is None:
        return True
    return _within(a, b) or _within(b, a)


def _same_place(a: Mention | None, b: Mention | None) -> bool:
    return a is not None and b is not None and _places_agree(a, b)


OFFICE_BODY_GAP = frozenset({"du", "de", "la", "le", "l", "d", "des"})  # what may stand before the body


def _body_right_after(text: str, bodies: Sequence[Mention], end: int) -> bool:
    """Do office words end right before a party body's name (برئاسة الكتابة الجهوية, la présidence du
    secrétariat provincial)? Then the office is the body's, an internal vote, not a council's public one."""
    for body in bodies:
        if body.start_char < end or body.start_char - end > BODY_GAP_CHARS:
            continue
        gap = _WORD.findall(text[end : body.start_char].lower())
        if len(gap) <= 2 and set(gap) <= OFFICE_BODY_GAP:
            return True
    return False


BODY_GAP_CHARS = 12  # ` de la `, ` du `


_PREVIOUS_WORD = re.compile(r"(\w+)\W*$")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _delegates(text: str, language: str, start: int, end: int) -> bool:
    """Arabic مؤتمر is also a delegate (مؤتمِر): 1200 مؤتمر ومؤتمرة are people, counted, not congresses; the
    feminine مؤتمرة is only ever a delegate."""
    if language != "ar":
        return False
    word = text[start:end]
    if not match_key(word).split()[0].endswith(match_key("مؤتمر")) and not word.endswith("مؤتمرة"):
        return False
    if word.endswith("مؤتمرة"):
        return True
    if _definite(word, language):
        return False  # 15 مارس 2026 المؤتمر: a date's year, then the congress
    before = _PREVIOUS_WORD.search(text, max(0, start - 30), start)
    if before is None or _YEAR.fullmatch(before.group(1)):
        return False  # 14 أكتوبر 2023 مؤتمر حزب الاستقلال: a date's year, then the congress
    return _count_regex(language).fullmatch(match_key(before.group(1))) is not None


_FR_OF_WORDS = frozenset({"du", "de", "la", "l", "d"})  # l'assemblée générale du congrès, de la session


def _part_of_next(
    text: str, language: str, this: tuple[int, Trigger], following: tuple[int, int, Trigger]
) -> bool:
    """Is a gathering's trigger the first half of a construct naming a part of the next gathering (الجمع
    العام لمؤتمر المنظمة, l'assemblée générale du congrès): nothing but `ل` or `du` between them?"""
    end, trigger = this
    start, _, nxt = following
    if trigger.event_type not in (*GATHERINGS, "meeting") or nxt.event_type not in GATHERINGS:
        return False
    gap = text[end:start]
    if language == "ar":
        return not gap.strip() and text[start : start + 1] == "ل"
    words = _WORD.findall(gap.lower())
    return bool(words) and set(words) <= _FR_OF_WORDS and words[0] in ("du", "de")


def _definite(words: str, language: str) -> bool:
    """Arabic: does the trigger carry the article (اللقاء, واللقاء, فالمؤتمر), as a noun told before does?"""
    if language != "ar":
        return False
    return any(rest.startswith("ال") for rest, _ in strip_clitics(words.split()[0])) if words else False


_MOVED_TO = re.compile(r"(?:^|\s)(?:الي|الى|حتي|حتى|au|a|jusqu)\W*(?:يوم|le)?\W*$")


def _moved_to(
    tables: _Tables,
    haystack: str,
    dated: Sequence[DateValue],
    start: int,
    end: int,
    sentence: tuple[int, int],
) -> DateValue | None:
    """The date the trigger's event was moved to: the first of its sentence after the trigger that `إلى` or
    `au` introduces, the postponing word right before the trigger or between it and the date (أجل الاجتماع
    ... إلى يوم 9 شتنبر 2016, la réunion a été reportée au 12 mars). `sentence`: the sentence up to the
    next trigger (what lies past it is that trigger's)."""
    postponed_before = _has_cue(
        tables, "postpone", "sentence", _words(haystack, max(sentence[0], start - 20), start)[-2:]
    )
    for d in sorted(dated, key=lambda d: d.start_char):
        if not end <= d.start_char < sentence[1]:
            continue
        if not _MOVED_TO.search(haystack, max(end, d.start_char - 14), d.start_char):
            continue
        if postponed_before or _has_cue(tables, "postpone", "sentence", _words(haystack, end, d.start_char)):
            return d
    return None


FOLLOWS_DATE_WORDS = 3  # وذلك | يوم | الأحد 4 ماي; Et ce, | samedi: the date right after the cue


def _date_the_sentence_after(
    tables: _Tables,
    haystack: str,
    sentences: Sequence[tuple[int, int]],
    starts: Sequence[int],
    dated: Sequence[DateValue],
    mentions: Sequence[EventMention],
) -> None:
    """ينظم الحزب المؤتمر ... تحت رئاسة X. وذلك يوم الأحد 4 ماي 2014 بالناظور: a sentence of its own that opens
    with `وذلك` (et ce) and names no event dates the last undated event told before it (`follows` cues)."""
    used = {id(m.date) for m in mentions if m.date is not None}
    for d in dated:
        if id(d) in used:
            continue
        sentence = _sentence_of(sentences, starts, d.start_char)
        if any(m.sentence == sentence for m in mentions):
            continue
        if d.precision == "year" or not _has_cue(tables, "follows", "first", _words(haystack, *sentence)[:2]):
            continue
        if len(_words(haystack, sentence[0], d.start_char)) > FOLLOWS_DATE_WORDS:
            continue  # وذلك تنفيذا لقرارات المجلس المنعقد يوم ...: another clause's date
        before = [m for m in mentions if m.start < sentence[0] and m.status == "new"]
        if before and before[-1].date is None:
            before[-1].date = d


def _placeless(mention: EventMention) -> bool:
    """Does the mention name no council of its own: no place, or only the article's, and no unnamed
    council (رئيسا لجماعة بوياعمر)?"""
    return not _own_place(mention) and mention.council is None


def _own_place(mention: EventMention) -> bool:
    return mention.place is not None and not mention.home_place


def _day_key(written: str) -> str:
    """A day as written, compared by its numbers and its month only (le samedi 04 décembre courant =
    samedi 4 déc. = 4 décembre)."""
    numbers = [str(int(n)) for n in re.findall(r"\d+", written)]
    months = [str(m) for w in re.findall(r"[^\W\d_]+\.?", written) if (m := month_number(w)) is not None]
    return " ".join([*numbers, *months[:1]])


def _dates_agree(a: DateValue | None, b: DateValue | None) -> bool:
    if a is None or b is None or not a.iso or not b.iso:
        return True
    return a.iso.startswith(b.iso) or b.iso.startswith(a.iso)


def _compatible(event: Event, mention: EventMention) -> bool:
    first = event.mentions[0]
    if event.event_type != mention.event_type or (first.number, first.scope) != (
        mention.number,
        mention.scope,
    ):
        return False
    if (
        mention.level is not None
        and mention.date is not None
        and any(m.level not in (None, mention.level) for m in event.mentions)
    ):
        # المؤتمر الإقليمي held today, المؤتمر الوطني الذي سينعقد أيام 4 و5 مارس it prepares: two gatherings
        # (a dateless mention of another level, named in passing, still tells nothing of its own)
        return False
    if mention.scope == "office" and any(
        m.sentence == mention.sentence and m.council != mention.council for m in event.mentions
    ):
        # رئيسا لجماعة أ، ... رئيسا لجماعة ب: a council named by a word of its own is its own vote
        return False
    if mention.scope == "office" and all(m.sentence != mention.sentence for m in event.mentions):
        # each council elects its own president: another sentence is another office unless the place is named
        named = not mention.home_place and not event.best.home_place
        # (and of the same level: the mayor of Salé is not the president of the region Rabat-Salé-Kénitra)
        return (
            named
            and _same_place(event.place, mention.place)
            and _rank(event.place) == _rank(mention.place)
            and _dates_agree(event.date, mention.date)
        )
    if (
        mention.result
        and _own_place(mention)
        and any(m.result and m.sentence != mention.sentence for m in event.mentions)
        and any(
            _own_place(m) and m.sentence != mention.sentence and not _within(m.place, mention.place)
            for m in event.mentions
        )
    ):
        # le RNI a remporté les partielles à Agadir. Dans la commune Aourir, un candidat du RNI a remporté:
        # a result told in another sentence for another place, even one inside the event's, is that
        # place's own vote
        return False
    if (
        mention.event_type == "statement"
        and mention.party_named
        and any(m.party_named and m.party != mention.party for m in event.mentions if m.status == "new")
    ):
        return False  # Dans un communiqué distinct, le bureau politique du PSU: each party issues its own
    if mention.another and all(m.sentence != mention.sentence for m in event.mentions):
        return False  # Il a également présidé un meeting populaire: one more gathering, not the last one told
    if mention.loose_day is not None and any(
        m.loose_day not in (None, mention.loose_day) for m in event.mentions if m.status == "new"
    ):
        return False  # la session des 25 et 26 novembre, sa réunion du samedi 2 décembre: two days, no year
    # every place and date the event's mentions name must nest with the mention's: two communes of one
    # region are two elections, even when the first mention named only the region
    return all(
        _dates_agree(m.date, mention.date) and _places_agree(m.place, mention.place)
        for m in event.mentions
        if m.status == "new"
    ) and _dates_agree(event.date, mention.date)


def _main_party(parties: Sequence[Mention], organizations: Sequence[Mention]) -> str | None:
    """The party the article is about: the most mentioned (ties: the first mentioned)."""
    codes = [p.code for p in parties if p.code] + [
        o.extra.get("party") for o in organizations if o.extra.get("party")
    ]
    if not codes:
        return None
    counts = Counter(codes)
    top = max(counts.values())
    return next(c for c in codes if counts[c] == top)


def _named_parties(parties: Sequence[Mention], organizations: Sequence[Mention]) -> list[tuple[int, str]]:
    """(offset, party code) of every party and party organization named in the document."""
    named = [(p.start_char, p.code) for p in parties if p.code]
    named += [(o.start_char, o.extra["party"]) for o in organizations if o.extra.get("party")]
    return named


def _party_for(
    named: Sequence[tuple[int, str]], start: int, sentence: tuple[int, int], subject_first: bool = False
) -> str | None:
    """A party named in the trigger's sentence (the nearest one). An election result belongs to the party
    that won it, named before the seats (فاز حزب X بمقعدين ... مقابل Y, le PJD a remporté 9 sièges, suivi
    du RNI): with `subject_first`, the nearest party before the trigger, if any."""
    inside = [(pos, code) for pos, code in named if sentence[0] <= pos < sentence[1]]
    if not inside:
        return None
    before = [(pos, code) for pos, code in inside if pos < start]
    if subject_first and before:
        return max(before)[1]
    return min(inside, key=lambda pc: abs(pc[0] - start))[1]


def _readings(word: str, language: str) -> list[str]:
    return [r for r, _ in strip_clitics(word)] if language == "ar" else [word]


@lru_cache(maxsize=200_000)
def _word_cues(word: str, language: str) -> frozenset[tuple[str, str]]:
    """The (kind, where) cue sets one of the word's readings is in. Cached: a cue test then costs
    one lookup per word instead of one per reading and cue set, and words recur across documents."""
    tables = _tables(language)
    readings = _readings(word, tables.language)
    return frozenset(k for k, cues in tables.cues.items() if any(r in cues for r in readings))


def _has_cue(tables: _Tables, kind: str, where: str, words: Sequence[str]) -> bool:
    key = (kind, where)
    if not words:
        return False
    if tables.cues.get(key) and any(key in _word_cues(w, tables.language) for w in words):
        return True
    phrases = tables.phrases.get(key)
    if not phrases:
        return False
    joined = " " + " ".join(words) + " "
    return any(c in joined for c in phrases)


CONVENE_CHARS = 80  # a convening verb, an aside in commas and an article: at most this much before the body


@cache
def _convening(language: str) -> re.Pattern | None:
    """A convening verb (a réuni, a convoqué: `convene` cues) right before a party body's name, nothing
    between but an aside in commas (ce week-end) and an article: the body met. A verb further back
    belongs to another clause (qui a présidé la commune, critique le conseil national)."""
    tables = _tables(language)  # the cues as the tables read them: folded, one word or a phrase
    key = ("convene", "before")
    cues = [*tables.cues.get(key, ()), *(phrase.strip() for phrase in tables.phrases.get(key, ()))]
    verbs = sorted((r"\s+".join(map(re.escape, cue.split(" "))) for cue in cues), key=len, reverse=True)
    if not verbs:
        return None
    articles = r"(?:(?:le|la|les|un|une|son|sa|ses|leur)\s+|l\W\s*)?"
    return re.compile(rf"(?<!\w)(?:{'|'.join(verbs)})\s*(?:,[^,.]{{0,40}},\s*)?{articles}$")


# a determiner between `selon` and the statement (selon un communiqué, selon le communiqué du parti); not
# `dans un communiqué`, which any body issues (le ministère de l'Intérieur a réagi dans un communiqué)
_DETERMINERS = frozenset({"un", "une", "le", "la", "l", "son", "sa", "leur", "ce", "cette"})


def _status(
    tables: _Tables,
    haystack: str,
    mention: EventMention,
    trigger: Trigger,
    places: Sequence[Mention],
    limit: int,
    sentence_cue: Callable[[str], bool],
    window: list[str],
    lead: bool,
    on_a_vote: bool = False,
) -> str:
    """new (fixed by a date, a governed place or an occurrence verb), coref, future, generic or weak.

    `places`: those with a code; `sentence_cue(kind)`: is a cue of that kind in the sentence?
    `on_a_vote`: the article's headline or lead is about a vote."""
    s0, s1 = mention.sentence
    before = _words(haystack, max(s0, mention.start - 60), mention.start)
    after = _words(haystack, mention.end, min(s1, mention.end + 60))[:CUE_WINDOW_AFTER]
    if _has_cue(tables, "coref", "before", before[-1:]):
        return "coref"
    # a future verb of the sentence (se tiendra, devrait) tells of every trigger of it (le congrès de Fès et
    # celui de Sefrou se tiendront), except one named as the occasion of what the sentence says (lors du
    # congrès régional, il a dit que le congrès national, qui se tiendra...): that one by its own part only
    occasion = _has_cue(tables, "occasion", "before", before[-3:])
    # ... and except one its own part says took place (a tenu samedi un conseil national, avant son
    # congrès qui aura lieu à la fin du mois): the future verb is the other trigger's
    own_part = occasion or _has_cue(tables, "occurrence", "sentence", window)
    planned = _has_cue(tables, "future", "window", window) or (
        _has_cue(tables, "future", "sentence", window) if own_part else sentence_cue("future")
    )
    if trigger.needs in CONTEXT_NEEDS and not (_has_cue(tables, "future", "after", after) or planned):
        # Casablanca sera gérée par X (PJD), in an article on the mayors' election: who runs a council
        # is the vote's outcome, told in `sera` as often as in the past (a plan still says prochain)
        return "new" if mention.place is not None and (on_a_vote or sentence_cue("election")) else "weak"
    if (
        _has_cue(tables, "future", "before", before[-CUE_WINDOW_BEFORE:])
        or _has_cue(tables, "future", "after", after)
        or planned
    ):
        return "future"
    if _has_cue(tables, "generic", "before", before[-2:]) or sentence_cue("generic"):
        return "generic"
    # المجلس الإقليمي للحزب المنعقد, le conseil communal a élu (kept only so): the words say it happened
    if trigger.needs in ("self", "body_before", "subject", "holds"):
        return "new"
    if trigger.needs == "verb":  # l'actuel président du conseil communal: a title, unless someone is elected
        return "new" if sentence_cue("election") or _office_went_to(tables, haystack, mention) else "weak"
    if trigger.needs == "place":  # - Errachidia: Said Karimi, du PI, élu avec 24 voix: a council's vote
        return "new" if mention.place is not None else "weak"
    if trigger.needs == "place_before":  # جماعة الدريوش التي ترأسها X: the council is named right before
        return "new" if _place_right_before(places, mention.start) is not None else "weak"
    if trigger.needs == "body" and trigger.event_type == "statement":
        # أدانت الكتابة الجهوية لحزب X opening the article is its statement; further on, dated or placed
        # or not, it is what the body said at a meeting told before
        return "new" if lead else "weak"
    dated = mention.date is not None and _distance(mention) <= DATE_ANCHOR_CHARS
    placed = _governed(haystack, [p for p in places if p.end_char <= limit], mention.end) is not None
    mention.placed = placed
    if dated or placed:
        return "new"
    if trigger.needs == "body":  # انعقدت الدورة الأولى للمجلس الوطني; not تفعيلا لمقررات الدورة السابعة
        told = _has_cue(tables, "occurrence", "before", before[-1:])
        return "new" if told or _has_cue(tables, "occurrence", "sentence", before[-2:]) else "weak"
    if trigger.needs == "anchor" and trigger.number == "sg" and trigger.event_type == "meeting":
        convened = _convening(tables.language)
        if convened is not None and convened.search(
            haystack, max(s0, mention.start - CONVENE_CHARS), mention.start
        ):
            return "new"  # X a réuni, ce week-end, le conseil national: the body met
    # a verb says it took place, or the article's lead sentence reports it (في بلاغ لمكتبه السياسي)
    # ... or right before it (وعرف الجمع العام: the gathering witnessed what follows)
    reported = lead or sentence_cue("occurrence") or _has_cue(tables, "occurrence", "before", before[-1:])
    # في كلمة خلال لقاء تواصلي, une allocution lors d'une rencontre: a speech given at it (no future verb
    # said otherwise above) tells that it took place
    reported = reported or (
        occasion and sentence_cue("speech") and not _future_verb(_words(haystack, s0, s1), tables.language)
    )
    if (
        trigger.event_type == "statement"
    ):  # أكدت الكتابة في بيانها, selon un communiqué: the statement is quoted
        reported = (
            reported
            or sentence_cue("report")
            or _has_cue(tables, "report", "before", before[-1:])
            or (before[-2:-1] == ["selon"] and before[-1] in _DETERMINERS)  # selon un communiqué
            or _has_cue(tables, "report", "after", after[:1])  # le communiqué final: what a meeting issued
        )
    if trigger.number == "sg" and trigger.needs == "free" and reported:
        return "new"
    return "weak"


FUTURE_VERB_MIN_ZIPF = 3.5  # يلقي in سيلقي: the verb without its future prefix is a common word


def _future_verb(words: Sequence[str], language: str) -> bool:
    """Arabic: a verb in the future (سيلقي, وستنظم: س before the present's prefix ي ت ن أ, أ read as ا in
    the folded words), however rare it is in the future lists of event_cues.tsv; not سيدي or سياسة (no
    common word once the س is gone)."""
    if language != "ar":
        return False
    for word in words:
        word = word[1:] if word[:1] in ("و", "ف") else word
        if len(word) >= 5 and word[0] == "س" and word[1] in "يتنا":
            rest = word[1:]
            if zipf(rest, language) >= FUTURE_VERB_MIN_ZIPF and zipf(rest, language) > zipf(word, language):
                return True
    return False


def _last_date(mentions: Sequence[EventMention]) -> DateValue | None:
    """The date of the latest dated mention before this one."""
    return next((m.date for m in reversed(mentions) if m.date is not None), None)


def _day_after(value: DateValue | None) -> DateValue | None:
    """The day after a day (le lendemain): None for a month, a year or no date."""
    if value is None or value.precision != "day" or not value.iso:
        return None
    following = (date.fromisoformat(value.iso) + timedelta(days=1)).isoformat()
    return DateValue(following, "day", value.text, value.start_char, value.end_char, True)


def _imminent(value: DateValue | None, published: date | None) -> bool:
    """A day fixed within IMMINENT_DAYS after the publication day. With a verb that announces it (tient,
    يعقد: `announce` cues) the article reports the event as it is about to happen; a past verb with a
    later date (a tenu samedi 6 mai, published 1 May) contradicts itself and stays out."""
    if value is None or value.precision != "day" or not value.iso or published is None:
        return False
    return 0 < (date.fromisoformat(value.iso) - published).days <= IMMINENT_DAYS


def _after(value: DateValue | None, published: date | None) -> bool:
    """Is the date later than the publication day (at the date's own precision)?"""
    if value is None or not value.iso or published is None:
        return False
    return value.iso > published.isoformat()[: len(value.iso)]


@lru_cache(maxsize=4)
def _haystack(text: str, language: str) -> str:
    """The folded text the cues are read in (French also lower-cased): once a text, however many
    mentions and people ask (is_presence runs for every person of an article)."""
    key = text_key(text)
    return key if language == "ar" else key.lower()


def _words(key: str, start: int, end: int) -> list[str]:
    """Word tokens of key[start:end] (an already folded text), without copying the slice."""
    return _WORD.findall(key, start, end)


def _office_went_to(tables: _Tables, haystack: str, mention: EventMention) -> bool:
    """La présidence du conseil municipal (de Tiznit) est revenue à X: an office, not a person's title
    (le président ... est revenu au Maroc), followed right after its words and its place by a verb of
    passing to someone (election cues `where = after`)."""
    # la présidence du conseil, le fauteuil de maire: the office noun opens the words or stands before
    words = _words(haystack, max(mention.sentence[0], mention.start - 20), mention.start)[-2:]
    words += _words(haystack, mention.start, mention.end)[:1]
    if not _has_cue(tables, "office_noun", "first", words):
        return False
    places = [mention.place] if mention.place is not None else []
    return _verb_right_after(tables, haystack, places, mention.end, mention.sentence[1], "election")


def _verb_right_after(
    tables: _Tables, haystack: str, places: Sequence[Mention], end: int, limit: int, kind: str
) -> bool:
    """Is a `kind` cue (where = after) right after words ending at `end` and the place they govern
    (la présidence du conseil municipal de Tiznit est revenue à; le conseil communal de Tiznit a élu)?"""
    start = end
    place = next((p for p in places if 0 <= p.start_char - end <= PLACE_COMPLEMENT_CHARS), None)
    if place is not None:
        start = place.end_char  # de Tiznit
    after = _words(haystack, start, min(limit, start + 60))[:CUE_WINDOW_AFTER]
    # le conseil communal, qui a élu X en 2021, a tenu sa session: a clause about the council, not its act
    if after and after[0] in _RELATIVES:
        return False
    return _has_cue(tables, kind, "after", after) and not _has_cue(tables, "idiom", "after", after)


PLACE_COMPLEMENT_CHARS = 6  # ` de `, ` d'`, ` لـ`: what may stand between office words and their place


SINCE_CHARS = 12  # enough text before a date to hold its preposition (و + منذ, depuis)


def _since(tables: _Tables, haystack: str, date: DateValue) -> bool:
    """Is the date the start of a state (président depuis 2003, منذ مارس 2014), not a day something
    happened? A year or a month only: a day after depuis is the first day of what is told (ouvert
    depuis vendredi 12 mai 2023)."""
    if date.precision == "day":
        return False
    before = _words(haystack, max(0, date.start_char - SINCE_CHARS), date.start_char)
    return _has_cue(tables, "since", "before", before[-1:])


LEVELS = ("national", "regional", "provincial", "local")


def _level_of(tables: _Tables, haystack: str, parties: Sequence[Mention], end: int, limit: int) -> str | None:
    """The level the word right after a trigger gives the gathering (المؤتمر الوطني, congrès provincial:
    lexicons/event_cues.tsv, level_*); a word of a party's name is none (مؤتمر التجمع الوطني للأحرار)."""
    word = _WORD.search(haystack, end, limit)
    if word is None or any(p.start_char <= word.start() < p.end_char for p in parties):
        return None
    after = [word.group()]
    return next((level for level in LEVELS if _has_cue(tables, f"level_{level}", "after", after)), None)


def _own_level(tables: _Tables, haystack: str, start: int, end: int) -> str | None:
    """The level a trigger's own last word gives (الانتخابات الجماعية, élections législatives)."""
    words = _words(haystack, start, end)
    if len(words) < 2:
        return None
    return next((level for level in LEVELS if _has_cue(tables, f"level_{level}", "after", words[-1:])), None)


_OPENING_QUOTES = '“«"„'
_CLOSING_QUOTES = '”»"'
SLOGAN_MAX_CHARS = 150  # a slogan's quote opens at most this far before a date inside it
SLOGAN_WORD_CHARS = 12  # enough text before the quote to hold its word (تحت شعار, sous le thème)


def _in_slogan(tables: _Tables, text: str, haystack: str, date: DateValue) -> bool:
    """Is the date inside a quoted slogan or theme (تحت شعار “الطريق نحو 4 و5 مارس”)? A quote opened
    right after a slogan word and not closed before the date."""
    start = max(0, date.start_char - SLOGAN_MAX_CHARS)
    opening = max(text.rfind(q, start, date.start_char) for q in _OPENING_QUOTES)
    if opening < 0:
        return False
    if any(q in text[opening + 1 : date.start_char] for q in _CLOSING_QUOTES if q != '"'):
        return False
    before = _words(haystack, max(0, opening - SLOGAN_WORD_CHARS), opening)
    return _has_cue(tables, "slogan", "before", before[-1:])


def _distance(mention: EventMention) -> int:
    d = mention.date
    if d is None:
        return 10**9
    if d.end_char <= mention.start:
        return mention.start - d.end_char
    return max(0, d.start_char - mention.end)
