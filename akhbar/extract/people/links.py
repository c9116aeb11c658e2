"""Which role belongs to which name: apposition, a title before a list of names, an election
(انتخاب X كاتبا إقليميا, X a été élu ...), vote counts."""

from __future__ import annotations

import re
from collections.abc import Sequence

from akhbar.extract.people.lexicon import (
    _AR_GLUE_BACK,
    _ELECTION_CUES,
    _FR_GLUE_BACK,
    _MAX_FORWARD_GAP,
    LIST_JOINERS,
    TIME_WORDS,
    NameSpan,
    RoleSpan,
    _is_glue,
    _Lexicon,
    _mask,
)
from akhbar.text.keys import match_key
from akhbar.text.tokens import TOKEN, strip_clitics


def _clitic_then_skipped(skip: bytearray, start: int, end: int) -> bool:
    """Is the token a clitic or two (ل, وب) glued to a skipped span that runs to its end?"""
    return skip[end - 1] == 1 and any(skip[k] for k in range(start + 1, min(start + 3, end)))


def _gap_tokens(key: str, start: int, end: int, skip: bytearray | None = None) -> list[str] | None:
    """Keys of the tokens between start and end that no skipped span covers (None if too many); a
    token whose end a span covers is that span's with a clitic glued in front (لجبهة القوى الديمقراطية)."""
    out = []
    for m in TOKEN.finditer(key, start, end):
        if skip is not None and (skip[m.start()] or _clitic_then_skipped(skip, m.start(), m.end())):
            continue
        out.append(m.group().lower())
        if len(out) > _MAX_FORWARD_GAP:
            return None
    return out


def _forward_ok(gap: list[str] | None, lex: _Lexicon) -> bool:
    """May a role reach over these words to the name after them? Only over glue words, place and
    party words, and definite words of the complement (للجمعية, الوطني)."""
    if gap is None:
        return False
    for word in gap:
        readings = strip_clitics(word)
        if _is_glue(word):
            continue
        if lex.language == "ar" and any(
            rest.startswith("ال") and rest not in lex.stop for rest, _ in readings
        ):
            continue
        return False
    return True


_FR_CLAUSE_WORDS = frozenset({"a", "ont", "est", "sont", "été", "qui", "que", "et", "ou"})
APPOSED_MAX_GAP = 10  # Le secrétaire national du Front des forces démocratiques (FFD), | X,


def _apposed(key: str, lex: _Lexicon, gap: list[str] | None, name: NameSpan) -> bool:
    """French: a title, its complement (du parti de la Rose, sortant, de la jeunesse RNIste), a comma,
    then the name set off by a comma after it too (Le Premier secrétaire du parti de la Rose, Driss
    Lachguar, continue): the name is the title's, however the complement reads; no verb or clause
    word between (le président a reçu, X, ...)."""
    if lex.language != "fr" or not gap or gap[-1] != "," or len(gap) > APPOSED_MAX_GAP:
        return False
    if any(w in _FR_CLAUSE_WORDS for w in gap):
        return False
    return key[name.end : name.end + 2].lstrip()[:1] == ","


def _back_ok(gap: list[str] | None, language: str) -> bool:
    """May a title reach back over these words to the name before it? Glue words (X, élu président;
    X وهو الكاتب), and one aside in brackets (Ahmed Bouzahi (RNI) cinquième vice-président)."""
    glue = _AR_GLUE_BACK if language == "ar" else _FR_GLUE_BACK
    if gap is None:
        return False
    if "(" in gap and ")" in gap[gap.index("(") :]:
        opening = gap.index("(")
        gap = gap[:opening] + gap[gap.index(")", opening) + 1 :]
    gap = _without_time_aside(gap)
    return len(gap) <= 4 and all(w in glue for w in gap)


def _without_time_aside(gap: list[str]) -> list[str]:
    """The gap without a time set off by commas (a été élu, vendredi dernier, président; انتخب، أمس
    الأحد، رئيسا): weekdays, months, digits and the time words of people_words.tsv."""
    marks = [n for n, w in enumerate(gap) if w in (",", "،")]
    # the comma right before the title is read with the title (a clitic's place): the gap's end closes it
    for a, b in zip(marks, [*marks[1:], len(gap)], strict=False):
        inside = gap[a + 1 : b]
        if inside and all(w in TIME_WORDS or w.isdigit() for w in inside):
            return gap[:a] + gap[b:]  # the second comma stays: X, élu président
    return gap


def _link(
    text: str,
    key: str,
    lex: _Lexicon,
    names: list[NameSpan],
    roles: list[RoleSpan],
    skip: list[tuple[int, int]],
) -> None:
    """Give each role to the name(s) it qualifies (see the module docstring)."""
    items = sorted(
        [(r.start, "role", r) for r in roles] + [(nm.start, "name", nm) for nm in names], key=lambda x: x[0]
    )
    role_spans = [(r.start - 2, r.end) for r in roles]  # with a clitic in front
    skip_mask = _mask(len(key), list(skip) + role_spans)

    def next_name(pos: int) -> int | None:
        for idx, nm in enumerate(names):
            if nm.start >= pos:
                return idx
        return None

    forward: dict[int, int] = {}
    for r_idx, role in enumerate(roles):
        idx = next_name(role.end)
        if idx is None or names[idx].wa:
            continue
        gap = _gap_tokens(key, role.end, names[idx].start, skip_mask)
        if _forward_ok(gap, lex) or _apposed(key, lex, gap, names[idx]):
            forward[r_idx] = idx

    back: dict[int, int] = {}  # role index -> name index, in text order so chains can follow
    for pos, (_start, kind, obj) in enumerate(items):
        if kind != "role":
            continue
        r_idx = roles.index(obj)
        if pos == 0 or _labels(key, obj, names):
            continue
        _pstart, pkind, prev = items[pos - 1]
        prev_end = prev.end
        gap = _gap_tokens(key, prev_end, obj.start, skip_mask)  # X du PAM, secrétaire: over the party
        if (
            gap is not None
            and obj.start > 0
            and key[obj.start - 1 : obj.start] in "وفبلك"
            and gap
            and gap[-1].endswith(key[obj.start - 1])
        ):
            gap = gap[:-1]
        chained = pkind == "role" and gap is not None and len(gap) <= 4 and _forward_ok(gap, lex)
        if not (_back_ok(gap, lex.language) or chained):  # X عضو المكتب السياسي للحزب والكاتب العام
            continue
        if pkind == "name":
            back[r_idx] = names.index(prev)
        elif roles.index(prev) in back:
            back[r_idx] = back[roles.index(prev)]
        elif obj.wa and roles.index(prev) in forward and r_idx not in forward:
            continue

    for r_idx, role in enumerate(roles):
        # و + title: the next name if it follows at once; a bare title after a name: apposition
        target = forward.get(r_idx, back.get(r_idx)) if role.wa else back.get(r_idx, forward.get(r_idx))
        if target is None and _accusative(key, lex, role):
            after = roles[r_idx - 1].end if r_idx else 0  # انتخاب A نائبا أولا، وB نائبا ثانيا: B
            target = _elected(key, lex, names, role, after)
        if target is None:
            continue
        targets = [target]
        if role.title.number in ("dual", "plural") and target == forward.get(r_idx):
            k = target
            while k + 1 < len(names):
                gap = _gap_tokens(key, names[k].end, names[k + 1].start)
                if gap is None or not all(w in LIST_JOINERS for w in gap) or not (names[k + 1].wa or gap):
                    break
                k += 1
                targets.append(k)
        elif role.title.number in ("dual", "plural") and target == back.get(r_idx):
            # X et Y, membres du Comité exécutif: a plural title after a list goes back over it
            k = target
            while k > 0:
                gap = _gap_tokens(key, names[k - 1].end, names[k].start, skip_mask)
                if gap is None or not all(w in LIST_JOINERS for w in gap):
                    break
                k -= 1
                targets.append(k)
        for t in targets:
            role.targets.append(t)
            names[t].roles.append(role)


_LABEL_COLON = re.compile(r"[ \t]*:")


LABEL_NAME_CHARS = 16  # ` : ` and a title (السيد, M.) between a label's colon and its name


def _labels(key: str, role: RoleSpan, names: Sequence[NameSpan]) -> bool:
    """Is the title a label: a colon right after it, then a name (أمين المال: X; Trésorier : M. X)? It names
    the person after the colon, never the one before it (الكاتب المحلي: A، أمين المال: B); a title in
    apposition before a colon and a quote still does (قال X، الكاتب الإقليمي: إن ...)."""
    colon = _LABEL_COLON.match(key, role.end)
    if colon is None:
        return False
    return any(colon.end() <= nm.start <= colon.end() + LABEL_NAME_CHARS for nm in names)


def _accusative(key: str, lex: _Lexicon, role: RoleSpan) -> bool:
    """كاتبا إقليميا، منسقا: the form a title takes as the object of انتخب (French: any title); a feminine
    title shows no alef (نائبة ثانية, منسقة إقليمية): indefinite, it is the object too."""
    if lex.language != "ar":
        return True
    first_word = key[role.start : role.title_end].split(" ")[0]
    return first_word.endswith("ا") or (first_word.endswith("ه") and not first_word.startswith("ال"))


def _elected(
    key: str, lex: _Lexicon, names: Sequence[NameSpan], role: RoleSpan, after: int = 0
) -> int | None:
    """انتخاب الرفيق X، وهو ...، منسقا إقليميا: the first name after the election word (and after the
    role before this one, `after`, when a list of people is elected), in the same sentence."""
    sentence_start = max(key.rfind(".", 0, role.start), key.rfind("\n", 0, role.start)) + 1
    window = key[sentence_start : role.start]
    cue_at = None
    for m in TOKEN.finditer(window):
        if any(rest in _ELECTION_CUES for rest, _ in strip_clitics(m.group().lower())):
            cue_at = sentence_start + m.end()
    if cue_at is None:
        return None
    candidates = [
        idx for idx, nm in enumerate(names) if max(cue_at, after) <= nm.start and nm.end <= role.start
    ]
    return candidates[0] if candidates else None


_VOTES = re.compile(
    r"^\s*(?:a|ont)\s+(?:obtenu|recueilli|recolte|remporte)\b(?:[^.;]|\.(?=\d)){0,60}?\bvoix\b"
    r"|^\s*" + match_key("على") + r"(?:[^.;،]|\.(?=\d)){0,40}?صوت",
    re.IGNORECASE,
)
_AR_VOTE_VERB = re.compile(r"(?:^|\s)[وف]?(?:حصل|حصلت|نال|نالت)\s*$")
_CANDIDATE = {"ar": "مرشح", "fr": "candidat"}


def _vote_getters(key: str, lex: _Lexicon, names: Sequence[NameSpan]) -> set[int]:
    """Indexes of the names that are the subject of a vote count: the last name of a list joined
    by et/و/commas, right before the verb, and the names of that list."""
    out: set[int] = set()
    for idx, nm in enumerate(names):
        tail = key[nm.end : nm.end + 120]
        if lex.language == "fr":
            tail = tail.replace("respectivement", "")
        if not _VOTES.match(tail):
            continue
        if lex.language == "ar" and not _AR_VOTE_VERB.search(key, max(0, nm.start - 12), nm.start):
            continue  # حصل X على 900 صوت: the verb comes first
        out.add(idx)
        k = idx
        while k > 0:
            gap = _gap_tokens(key, names[k - 1].end, names[k].start)
            if gap is None or not all(w in LIST_JOINERS for w in gap):
                break
            k -= 1
            out.add(k)
    return out
