"""Identity keys: stable event ids, folded person names, cross-script name keys and role codes.

Pure functions over strings, used by the extraction (event ids) and by the warehouse's identity
resolution (`akhbar.warehouse.resolve`, which links events across articles and names across scripts).

- `stable_event_ids`: an event's id comes from its article and what was found (type, date, party,
  place) plus an ordinal among the article's events with the same finding, never from a character
  offset: a cleaning rule that changes text elsewhere in the article does not renumber events.
- `name_key`: a person's name folded within its script: honorifics and titles dropped, hamza and
  alef forms, ta marbuta and alef maqsura folded (`akhbar.text.keys`), the particles `بن`/`ben`/`ibn`
  and `عبد`/`abd` joined to the next word, a leading `محمد`/`Mohamed` dropped when two words remain
  (Moroccan usage: `محمد نبيل بنعبد الله` is `نبيل بنعبد الله`).
- `skeleton`: a key both scripts share: the consonants of the name in one Latin spelling, vowels and
  the letters that stand for vowels (ا و ي ع / a e i o u y w) dropped, the article ال / el / al
  dropped, doubled letters folded (`عبد الرحيم الوزاني` and `Abderrahim Ouazzani` -> `bdrhm zn`).
  Tables are in `akhbar/lexicons/transliteration.tsv`.
- `role_code`: the role in the text's own words mapped to one vocabulary across languages
  (`akhbar/lexicons/role_codes.tsv`: longest matching prefix of the folded role wins).
- `known_figure`: well-known national figures in both scripts (`akhbar/lexicons/figures.tsv`).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from functools import lru_cache

from akhbar.lexicons import read_lexicon
from akhbar.text.keys import compact_key

_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LATIN_ARTICLE = re.compile(r"^(?:el|al|el-|al-|d'|l')(?=\w{3,})")
_LATIN_ABD = re.compile(r"^abd(?:el|al|oul|ul|ou|u|e|a|i)?(?=[a-z]{2,})")


def script(name: str) -> str:
    """`ar` when the name is written in Arabic letters, else `latin`."""
    return "ar" if _ARABIC.search(name or "") else "latin"


@lru_cache(maxsize=1)
def _lexicon_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    rows = read_lexicon("name_particles.tsv")
    by_kind: dict[str, set[str]] = {"title": set(), "join": set(), "article": set(), "drop_first": set()}
    for row in rows:
        by_kind[row["kind"]].add(compact_key(row["word"]))
    for row in read_lexicon("honorifics.tsv"):
        by_kind["title"].add(compact_key(row["title"]).rstrip("."))
    return (
        frozenset(by_kind["title"]),
        frozenset(by_kind["join"]),
        frozenset(by_kind["article"]),
        frozenset(by_kind["drop_first"]),
    )


def _words(name: str) -> list[str]:
    key = compact_key(name or "")
    key = re.sub(r"[^\w\s]", " ", key)
    return key.split()


def name_words(name: str) -> list[str]:
    """The folded words of a name: titles dropped, particles joined, a leading Mohamed dropped."""
    titles, joins, articles, drop_first = _lexicon_sets()
    words = _words(name)
    for title in sorted(titles, key=len, reverse=True):  # titles of one or more words
        parts = title.split()
        while len(words) > len(parts) and words[: len(parts)] == parts:
            words = words[len(parts) :]
    joined: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        if (word in joins or word.endswith(("عبد", "abd"))) and i + 1 < len(words):
            # بن عبد الله -> بنعبدالله, ben abdallah -> benabdallah: particles stay with what follows
            nxt = i + 1
            while (words[nxt] in joins or words[nxt] in articles) and nxt + 1 < len(words):
                nxt += 1
            joined.append("".join(words[i : nxt + 1]))
            i = nxt + 1
            continue
        joined.append(word)
        i += 1
    if len(joined) >= 3 and joined[0] in drop_first:
        joined = joined[1:]
    return joined


def name_key(name: str) -> str:
    """The name folded within its script (see the module docstring); empty for an empty name."""
    return " ".join(name_words(name))


@lru_cache(maxsize=1)
def _transliteration() -> tuple[dict[str, str], list[tuple[str, str]]]:
    arabic: dict[str, str] = {}
    latin: list[tuple[str, str]] = []
    for row in read_lexicon("transliteration.tsv"):
        if row["script"] == "ar":
            arabic[row["letters"]] = row["sound"]
        else:
            latin.append((row["letters"], row["sound"]))
    latin.sort(key=lambda pair: -len(pair[0]))  # digraphs (ch, kh, ou) before single letters
    return arabic, latin


def _squeeze(sounds: str) -> str:
    return re.sub(r"(.)\1+", r"\1", sounds)


def _arabic_skeleton(word: str) -> str:
    arabic, _ = _transliteration()
    if word.startswith("عبدال") and len(word) > 6:
        word = "عبد" + word[5:]  # عبد الرحيم: the article of the second part is assimilated in Latin
    elif word.startswith("ال") and len(word) > 3:
        word = word[2:]
    if word.endswith("ه") and len(word) > 2 and not word.endswith("له"):
        word = word[:-1]  # ta marbuta (folded to ه): not written in Latin (Fatima, Zahra)
    return _squeeze("".join(arabic.get(ch, "") for ch in word))


def _latin_skeleton(word: str) -> str:
    _, latin = _transliteration()
    word = unicodedata.normalize("NFKD", word.lower())
    word = "".join(ch for ch in word if ch.isalpha())
    if len(word) > 5:
        word = _LATIN_ABD.sub("abd", word)
    word = _LATIN_ARTICLE.sub("", word)
    out = []
    i = 0
    while i < len(word):
        for letters, sound in latin:
            if word.startswith(letters, i):
                out.append(sound)
                i += len(letters)
                break
        else:
            i += 1  # a letter the table does not know is dropped
    return _squeeze("".join(out))


def skeleton_words(name: str) -> list[str]:
    """The cross-script key of each word of the name (empty words dropped)."""
    words = name_words(name)
    if script(name) == "ar":
        out = [_arabic_skeleton(w) for w in words]
    else:
        words = [w for w in words if w not in ("el", "al", "d", "l")]
        out = [_latin_skeleton(w) for w in words]
    return [w for w in out if w]


def skeleton(name: str) -> str:
    """The cross-script key of a name: `عبد الرحيم الوزاني` and `Abderrahim Ouazzani` give `bdrhm zn`."""
    return " ".join(skeleton_words(name))


@lru_cache(maxsize=1)
def _figures() -> dict[str, tuple[str, str]]:
    """name_key of every listed spelling -> (figure id, party)."""
    out: dict[str, tuple[str, str]] = {}
    for row in read_lexicon("figures.tsv"):
        out[name_key(row["name"])] = (row["figure"], row["party"])
    return out


def known_figure(name: str) -> str | None:
    """The figure id (`nabil_benabdallah`) when the name is a listed spelling of a well-known figure."""
    hit = _figures().get(name_key(name))
    return hit[0] if hit else None


def figure_names() -> dict[str, dict[str, str]]:
    """figure id -> {'ar': first Arabic spelling, 'latin': first Latin spelling, 'party': code}."""
    out: dict[str, dict[str, str]] = {}
    for row in read_lexicon("figures.tsv"):
        entry = out.setdefault(row["figure"], {"party": row["party"]})
        entry.setdefault(script(row["name"]), row["name"])
    return out


@lru_cache(maxsize=1)
def _role_prefixes() -> list[tuple[str, str]]:
    rows = [(compact_key(r["role"]), r["role_code"]) for r in read_lexicon("role_codes.tsv")]
    return sorted(rows, key=lambda pair: -len(pair[0]))


def role_code(role: str | None) -> str | None:
    """The role's code in one vocabulary across languages (`secretary_general`...), or None."""
    if not role:
        return None
    key = compact_key(role)
    for prefix, code in _role_prefixes():
        if key == prefix or key.startswith(prefix + " "):
            return code
    return None


def role_codes() -> list[str]:
    """Every role code of the vocabulary, sorted."""
    return sorted({code for _, code in _role_prefixes()})


def _place_key(row: Mapping[str, object]) -> str:
    for column in ("commune_code", "province_code", "region_code"):
        if row.get(column):
            return str(row[column])
    return compact_key(str(row.get("place_name") or ""))


def stable_event_ids(article_id: str, rows: Sequence[Mapping[str, object]]) -> list[str]:
    """One id per event row, from the article and what was found, in the order of `rows`.

    The seed is the article, the type, the date and its precision, the party and the place (its
    most specific code, else its folded name), and the ordinal of the event among the article's
    events with that same seed (in order of first mention). No character offset goes in.
    """
    seen: dict[str, int] = {}
    ids = []
    for row in rows:
        date = row.get("event_date")
        finding = "|".join(
            [
                str(row.get("event_type") or ""),
                date.isoformat() if hasattr(date, "isoformat") else str(date or ""),
                str(row.get("date_precision") or ""),
                str(row.get("party") or ""),
                _place_key(row),
            ]
        )
        ordinal = seen.get(finding, 0)
        seen[finding] = ordinal + 1
        seed = f"{article_id}|{finding}|{ordinal}"
        ids.append(hashlib.sha1(seed.encode("utf-8")).hexdigest()[:16])
    return ids
