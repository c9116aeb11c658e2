"""Plain records passed between the core's stages.

Every extractor returns spans with offsets into `text_clean` (the normalized text), so
every row the pipeline lands can show its evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Edit:
    """One change the cleaning made: `start_char` is the offset in the raw decoded text."""

    rule: str
    before: str
    after: str
    start_char: int


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity found in `text_clean`.

    entity_type: person, place, party, organization, date.
    code: HCP code for places, party code for parties, ISO date (YYYY, YYYY-MM, YYYY-MM-DD)
    for dates, else None. `extra` carries typed details (precision, province_code, role...).
    """

    entity_type: str
    text: str
    normalized: str
    code: str | None
    start_char: int
    end_char: int
    extra: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True, slots=True)
class DateValue:
    """A date read from text: iso is YYYY-MM-DD, YYYY-MM or YYYY after `precision`."""

    iso: str | None
    precision: str | None  # day | month | year | None (relative with no anchor)
    text: str
    start_char: int
    end_char: int
    relative: bool = False
    listed: bool = False  # a later day of a list (the 16 of 15 و16 مارس): a date told, not the event's


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: the most specific level known, with its parents' codes."""

    name: str  # the official name in the language matched (Arabic or French)
    level: str  # commune | province | region
    commune_code: str | None
    province_code: str | None
    region_code: str | None

    @property
    def code(self) -> str:
        return self.commune_code or self.province_code or self.region_code or ""
