"""Identity across articles: which reports are one real event (`cluster_id`), which names one person (`person_id`).

Both depend on every article, so they are computed over the whole lake when the warehouse is built
(`akhbar.warehouse.build`), never per arrival day: a report that arrives tonight joins the cluster of
an event reported last year, and a name spelled in Latin joins the person first seen in Arabic. The
result is two small tables in the warehouse, `event_identity` and `participant_identity`, that the
`events` and `event_participants` views join to.

Stable ids: a cluster's id is derived from its representative event (the member that arrived first:
earliest `ingest_date`, then `event_id`); a person's from the well-known figure it is (lexicon id),
else from its first-seen spelling. Reruns give the same ids; a new report joining a cluster keeps the
cluster's id (it arrived later); two clusters merged by a new report keep the older one's id.

Events (one block per event type and party; no cluster crosses a block):
- members are taken most specific first (day before month before year before undated; commune before
  province before region before no place), and each joins the one existing cluster it is compatible
  with: a date the cluster's date lies in (a day in a month, a month in a year), or for an undated
  report, a publication day within a few days of the cluster's; a place equal to or nested in the
  cluster's (a missing place is compatible); coarse matches (a year, or no date) also need a shared
  participant or the same known place;
- when several clusters are compatible, a shared participant decides; otherwise the report starts its
  own cluster (precision first: two congresses of one party on one day in two provinces stay two).

People (one node per spelling: the name folded within its script, `akhbar.extract.identity.name_key`):
- one node per folded spelling (titles, بن/ben, hamza and alef forms, spacing folded);
- spellings of one well-known figure (`akhbar/lexicons/figures.tsv`) are linked;
- Arabic and Latin spellings with the same transliteration key (`skeleton`) are linked when something
  else agrees: they are named in one event cluster, or with the same party and the same role code;
- inside one event cluster, two spellings from different articles with compatible roles are linked
  when their keys are close (`rapidfuzz` ratio, the first names agreeing), so a name cut short by the
  extraction (`محمد نبيل بن عبد`) meets its full form;
- never on a shared family name alone, and never across two different known parties.

How (so that 100,000 documents fit in memory and time): the lake is read as Arrow columns (only the
columns used), strings become integer codes, and events are clustered one block at a time in
specificity order; a block's clusters are indexed by bucket (month, year, undated month), then by
day (the day of a day-precise cluster, the publication day of an undated one; dated ones also by
year) and by place (commune; province and region), so a report is compared only with the clusters
whose date and place could fit it, not with every cluster of its month (at 100,000 documents the
scan took 16 minutes and 2.5 GB, this 30 s). The outcome only depends on the set of clusters
compatible with a report, so the index changes the cost, never the result
(`tests/test_identity_index.py` compares it with a scan). People are one node per spelling key
with integer ids in key order; participants stay columns.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from rapidfuzz import fuzz

from akhbar.extract.identity import (
    figure_names,
    known_figure,
    name_key,
    role_code,
    script,
    skeleton_words,
)

DAY, MONTH, YEAR = "day", "month", "year"
_PRECISION_RANK = defaultdict(lambda: 3, {DAY: 0, MONTH: 1, YEAR: 2})  # anything else: undated
UNDATED_WINDOW_DAYS = (-3, 10)  # an undated report published this many days before/after the event
NAME_SIMILARITY = 85  # rapidfuzz ratio (0-100) for two spellings named in one event cluster

NULL = -1  # a missing code (place, article, party) once strings are integer codes
_EPOCH = dt.date(1970, 1, 1)
_NO_DAY = np.iinfo(np.int32).min  # a missing date in the integer columns (epoch days)


def _short_hash(prefix: str, seed: str) -> str:
    return prefix + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:15]


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


# ---------------------------------------------------------------- columns


_NUMPY_TYPES = {pa.int32(): np.int32, pa.int64(): np.int64, pa.uint64(): np.uint64}


def _numpy(column: pa.ChunkedArray | pa.Array) -> np.ndarray:
    """An integer column without nulls as numpy, read from its buffers. pyarrow's `to_numpy` imports
    pandas on its first call (0.2 s of a small run, for a conversion that needs none of it)."""
    chunks = column.chunks if isinstance(column, pa.ChunkedArray) else [column]
    dtype = _NUMPY_TYPES.get(column.type)
    if dtype is None or any(c.null_count for c in chunks):
        return column.to_numpy(zero_copy_only=False)
    size = np.dtype(dtype).itemsize
    parts = [np.frombuffer(c.buffers()[1], dtype=dtype, count=len(c), offset=c.offset * size) for c in chunks]
    return np.concatenate(parts) if parts else np.empty(0, dtype=dtype)


def _codes(column: pa.ChunkedArray | pa.Array, blank_is_null: bool = False) -> tuple[np.ndarray, list]:
    """Each row's position in the column's distinct values (null is a value too), and those values.

    With `blank_is_null`, null and '' get NULL: the rules test these columns for truth, not for None.
    """
    values = pc.unique(column)
    codes = _numpy(pc.index_in(column, value_set=values, skip_nulls=False)).astype(np.int32)
    listed = values.to_pylist()
    if blank_is_null:
        blank = np.array([not v for v in listed] + [False], dtype=bool)  # last: the NULL position
        codes[blank[codes]] = NULL
    return codes, listed


def _days(column: pa.ChunkedArray | pa.Array) -> np.ndarray:
    """A date column as epoch days, `_NO_DAY` where null."""
    days = pc.fill_null(pc.cast(column, pa.int32()), _NO_DAY)
    return np.array(_numpy(days), dtype=np.int32)  # a copy: the buffer is read-only


def _optional(values: np.ndarray) -> list[int | None]:
    """`_NO_DAY` back to None, as Python ints (what the clustering loop compares)."""
    return [None if v == _NO_DAY else v for v in values.tolist()]


_YM_CACHE: dict[int, int] = {}


def _ym(day: int) -> int:
    """Year * 12 + month - 1 of an epoch day."""
    found = _YM_CACHE.get(day)
    if found is None:
        date = _EPOCH + dt.timedelta(days=day)
        found = _YM_CACHE[day] = date.year * 12 + date.month - 1
    return found


# ---------------------------------------------------------------- people, first pass (no clusters)


@dataclass
class _Node:
    """One spelling of a name: script and folded key, with what the mentions of it say."""

    key: tuple[str, str]  # (script, loose key)
    skeleton: str
    first_word: str
    figure: str | None
    parties: Counter = field(default_factory=Counter)
    roles: Counter = field(default_factory=Counter)
    first_arrival: int | None = None  # epoch day
    spellings: Counter = field(default_factory=Counter)


def _loose_key(name: str) -> str:
    """The folded name, Latin articles (el, al) dropped and doubled letters folded."""
    return _loose(name_key(name), script(name))


def _loose(folded: str, name_script: str) -> str:
    words = folded.split()
    if name_script != "ar":
        words = [w for w in words if w not in ("el", "al", "d", "l")]
    return " ".join("".join(ch for i, ch in enumerate(w) if i == 0 or ch != w[i - 1]) for w in words)


@dataclass(frozen=True, slots=True)
class _Name:
    """What the identity functions say of one spelling (all pure functions of the string)."""

    script: str
    name_key: str
    skeleton_words: tuple[str, ...]

    @property
    def node_key(self) -> tuple[str, str]:
        return (self.script, _loose(self.name_key, self.script))

    @property
    def skeleton(self) -> str:
        return " ".join(self.skeleton_words)


class _Names:
    """`akhbar.extract.identity`'s name and role functions asked once per distinct spelling or role of
    one resolution (a name recurs in many events: at 1,000 documents 5,304 participants hold a few
    hundred spellings), not once per row. Lives as long as the `resolve` call."""

    def __init__(self) -> None:
        self._names: dict[str, _Name] = {}
        self._keys: dict[str, tuple[str, str]] = {}
        self._roles: dict[str | None, str | None] = {}

    def of(self, name: str) -> _Name:
        found = self._names.get(name)
        if found is None:
            found = self._names[name] = _Name(script(name), name_key(name), tuple(skeleton_words(name)))
        return found

    def node_key(self, name: str) -> tuple[str, str]:
        found = self._keys.get(name)
        if found is None:
            found = self._keys[name] = self.of(name).node_key
        return found

    def role(self, role: str | None) -> str | None:
        if role not in self._roles:
            self._roles[role] = role_code(role)
        return self._roles[role]


def _parties_compatible(a: _Node, b: _Node) -> bool:
    return not a.parties or not b.parties or bool(set(a.parties) & set(b.parties))


def _roles_compatible(a: set[str | None], b: set[str | None]) -> bool:
    a, b = {r for r in a if r}, {r for r in b if r}
    return not a or not b or bool(a & b)


def _close(a: _Node, b: _Node) -> bool:
    """Two spellings close enough to be one person when the same event names both."""
    if a.key[0] == b.key[0]:
        left, right = a.key[1].split(), b.key[1].split()
        if not left or not right or left[0] != right[0]:
            return False
        shorter, longer = sorted((left, right), key=len)
        cut_short = len(shorter) >= 2 and all(
            longer[i].startswith(w) for i, w in enumerate(shorter)
        )  # a name cut by the extraction: محمد نبيل بن عبد / ... بن عبد الله
        return cut_short or fuzz.ratio(a.key[1], b.key[1]) >= NAME_SIMILARITY
    if not a.skeleton or not b.skeleton or a.first_word != b.first_word:
        return False
    return a.skeleton == b.skeleton or fuzz.ratio(a.skeleton, b.skeleton) >= NAME_SIMILARITY


@dataclass
class _People:
    """The participants as columns: one node per spelling key, node ids in key order (so the smallest
    id is the smallest key, as the union-find's roots and the pair loops expect)."""

    nodes: list[_Node]
    node: np.ndarray  # each participant row's node id
    name: np.ndarray  # each row's position in `names`
    names: list[str]  # distinct spellings


def _people(participants: pa.Table, names: _Names) -> _People:
    """Nodes with their parties, roles, spellings and first arrival, counted over distinct values.

    A node's skeleton, first word and figure come from its first spelling in row order (what a node
    made row by row would keep)."""
    name, spellings = _codes(participants.column("person_name"))
    keys = [names.node_key(s) for s in spellings]
    ordered = sorted(set(keys))
    node_of_key = {k: i for i, k in enumerate(ordered)}
    node_of_name = np.array([node_of_key[k] for k in keys], dtype=np.int64)
    node = node_of_name[name] if len(name) else np.zeros(0, dtype=np.int64)
    first_row = np.full(len(spellings), len(name), dtype=np.int64)
    np.minimum.at(first_row, name, np.arange(len(name), dtype=np.int64))
    first_name: list[int | None] = [None] * len(ordered)
    for i in np.argsort(first_row, kind="stable").tolist():
        if first_name[node_of_name[i]] is None:
            first_name[node_of_name[i]] = i
    nodes = []
    for k, i in zip(ordered, first_name, strict=True):
        words = names.of(spellings[i]).skeleton_words
        nodes.append(_Node(k, " ".join(words), words[0] if words else "", known_figure(spellings[i])))
    for i, count in enumerate(np.bincount(name, minlength=len(spellings)).tolist()):
        if count:
            nodes[node_of_name[i]].spellings[spellings[i]] += count
    party, parties = _codes(participants.column("party"), blank_is_null=True)
    for n, p, count in _counted(node[party != NULL], party[party != NULL]):
        nodes[n].parties[parties[p]] += count
    role, roles = _codes(participants.column("role"))
    for n, r, count in _counted(node, role):
        nodes[n].roles[names.role(roles[r])] += count
    arrival = _days(participants.column("ingest_date"))
    known = arrival != _NO_DAY
    first = np.full(len(nodes), np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(first, node[known], arrival[known])
    for n, day in enumerate(first.tolist()):
        nodes[n].first_arrival = None if day == np.iinfo(np.int64).max else day
    return _People(nodes, node, name, spellings)


def _counted(a: np.ndarray, b: np.ndarray) -> Iterator[tuple[int, int, int]]:
    """The distinct (a, b) pairs with how many rows hold each."""
    if not len(a):
        return iter(())
    pairs, counts = np.unique(np.stack([a, b], axis=1), axis=0, return_counts=True)
    return zip(pairs[:, 0].tolist(), pairs[:, 1].tolist(), counts.tolist(), strict=True)


def _link_spellings(nodes: list[_Node], uf: _UnionFind) -> None:
    """Union spellings: figures, and transliteration keys with agreeing party and role."""
    by_figure: dict[str, list[int]] = defaultdict(list)
    by_skeleton: dict[str, list[int]] = defaultdict(list)
    for i, node in enumerate(nodes):
        uf.find(i)
        if node.figure:
            by_figure[node.figure].append(i)
        if len(node.skeleton.split()) >= 2 and len(node.skeleton.replace(" ", "")) >= 4:
            by_skeleton[node.skeleton].append(i)
    for ids in by_figure.values():
        for other in ids[1:]:
            uf.union(ids[0], other)
    for group in by_skeleton.values():  # same key, other script: linked when party and role agree
        for i, ia in enumerate(group):
            a = nodes[ia]
            for ib in group[i + 1 :]:
                b = nodes[ib]
                if a.key[0] == b.key[0] or (a.figure and b.figure and a.figure != b.figure):
                    continue
                parties = set(a.parties) & set(b.parties)
                roles = {r for r in a.roles if r} & {r for r in b.roles if r}
                if parties and roles:
                    uf.union(ia, ib)


def _link_in_clusters(nodes: list[_Node], uf: _UnionFind, clusters: Iterator[tuple[list, list]]) -> None:
    """Inside each event cluster, union two spellings close enough, from different articles, with
    compatible roles and parties, each the other's only close spelling of its script there.

    `clusters` gives each cluster's node ids (ascending, i.e. in key order) and the node ids of each
    of its articles."""
    for ids, by_article in clusters:
        together = set()  # two people of one article are two people
        for named in by_article:
            for i, ka in enumerate(named):
                for kb in named[i + 1 :]:
                    together.add((ka, kb))
        for i, ka in enumerate(ids):
            a = nodes[ka]
            for kb in ids[i + 1 :]:
                b = nodes[kb]
                if uf.find(ka) == uf.find(kb) or (ka, kb) in together:
                    continue
                if a.figure and b.figure and a.figure != b.figure:
                    continue
                if not _parties_compatible(a, b) or not _roles_compatible(set(a.roles), set(b.roles)):
                    continue
                if _close(a, b) and _unique_match(ka, kb, ids, nodes):
                    uf.union(ka, kb)


def _unique_match(ka: int, kb: int, ids: list[int], nodes: list[_Node]) -> bool:
    """`b` is the only spelling in the cluster close to `a` of its script, and the other way round."""
    a, b = nodes[ka], nodes[kb]
    others_a = [k for k in ids if k != ka and nodes[k].key[0] == b.key[0] and _close(a, nodes[k])]
    others_b = [k for k in ids if k != kb and nodes[k].key[0] == a.key[0] and _close(b, nodes[k])]
    return len(others_a) == 1 and len(others_b) == 1


# ---------------------------------------------------------------- events

_LO, _HI = UNDATED_WINDOW_DAYS
_SAME, _OPEN, _NO = 0, 1, 2  # how two places fit
_ANY = -2  # a place level a pattern leaves out
_AUTO, _SHARED, _CHECK = 0, 1, 2  # a set of candidates: all fit, those naming a person fit, ask each


class _Event:
    """One report as the clustering reads it: precision rank, epoch days, place codes, people."""

    __slots__ = ("pos", "rank", "date", "year", "ym", "ref", "commune", "province", "region", "people")

    def __init__(
        self,
        pos: int,
        rank: int,
        date: int | None,
        ref: int | None,
        place: tuple[int, int, int],
        people: frozenset[int],
    ) -> None:
        self.pos, self.rank, self.date, self.ref, self.people = pos, rank, date, ref, people
        self.year = self.ym = None
        if date is not None:
            self.ym = _ym(date)
            self.year = self.ym // 12
        self.commune, self.province, self.region = place


_NOBODY: frozenset[int] = frozenset()


class _Cluster:
    """What a cluster's members say so far (the first day-precise date, the first place codes...) and
    where it is filed (`home`, fixed when it starts). Slots: ~650,000 of them at 100,000 documents."""

    __slots__ = ("number", "home", "rank", "date", "year", "ym", "ref", "commune", "province", "region")
    __slots__ += ("people",)

    def __init__(self, number: int) -> None:
        self.number = number
        self.rank, self.date, self.year, self.ym, self.ref = 3, None, None, None, None
        self.commune = self.province = self.region = NULL
        self.people = _NOBODY  # shared until someone is named: most clusters name nobody
        self.home = 0

    def add(self, event: _Event) -> None:
        if event.people:
            self.people = self.people | event.people
        if event.rank < self.rank or (self.date is None and event.date is not None):
            self.date, self.rank, self.year, self.ym = event.date, event.rank, event.year, event.ym
        if self.commune == NULL:
            self.commune = event.commune
        if self.province == NULL:
            self.province = event.province
        if self.region == NULL:
            self.region = event.region
        if self.ref is None:
            self.ref = event.ref


def _place_fit(event: _Event, cluster: _Cluster) -> int:
    """_SAME (a known place agrees), _OPEN (one side has no place) or _NO (places differ)."""
    for mine, theirs in (
        (event.commune, cluster.commune),
        (event.province, cluster.province),
        (event.region, cluster.region),
    ):
        if mine != NULL and theirs != NULL:
            return _SAME if mine == theirs else _NO
    return _OPEN


def _compatible(event: _Event, cluster: _Cluster) -> bool:
    place = _place_fit(event, cluster)
    if place == _NO:
        return False
    shared = not event.people.isdisjoint(cluster.people)
    if event.date is not None and cluster.date is not None:
        coarse = max(event.rank, cluster.rank)
        if coarse == 0:
            if event.date != cluster.date:
                return False
        elif coarse == 1:
            if event.ym != cluster.ym:
                return False
        elif event.year != cluster.year:
            return False
        if event.rank == 2 or cluster.rank == 2:  # a year alone is weak evidence
            return shared or place == _SAME
        return True
    # one side undated: the report must be published near the event, and agree on more than that
    day = event.date if event.date is not None else event.ref
    other = cluster.date if cluster.date is not None else cluster.ref
    rank = event.rank if event.date is not None else cluster.rank
    if day is None or other is None:
        return False
    if rank in (1, 2):  # month or year
        return False
    gap = day - other if event.date is None else other - day
    return _LO <= gap <= _HI and (shared or place == _SAME)


def _month_bucket(ym: int) -> int:
    return 3 * ym


def _undated_bucket(ym: int) -> int:
    return 3 * ym + 1


def _year_bucket(year: int) -> int:
    return 3 * year + 2


def _bucket_keys(event: _Event) -> list[int]:
    """The buckets a report's candidate clusters sit in (clusters are filed under `_home`)."""
    if event.date is not None and event.rank <= 1:  # day or month
        return [_month_bucket(event.ym), _year_bucket(event.year)]
    if event.date is not None:
        return [_year_bucket(event.year), *(_month_bucket(event.year * 12 + m) for m in range(12))]
    ref = event.ref
    if ref is None:
        return []
    months = {_ym(ref - _HI), _ym(ref), _ym(ref - _LO)}
    return [key for ym in sorted(months) for key in (_month_bucket(ym), _undated_bucket(ym))]


def _home(cluster: _Cluster) -> int:
    if cluster.date is not None and cluster.rank <= 1:
        return _month_bucket(cluster.ym)
    if cluster.date is not None:
        return _year_bucket(cluster.year)
    return _undated_bucket(_ym(cluster.ref) if cluster.ref is not None else 12)  # date.min: year 1, Jan


def _place_patterns(commune: int, province: int, region: int) -> tuple[tuple[int, int, int], ...]:
    """The place patterns of the clusters that fit a report at this place (`_place_fit` is not _NO),
    disjoint: at the first level where the report has a code, the cluster has the same code (_SAME,
    whatever its other levels) or none (the next level decides); a level the report lacks decides
    nothing (_ANY). The last pattern is the _OPEN one: no level known on both sides."""
    patterns, prefix = [], ()
    for level, code in enumerate((commune, province, region)):
        if code != NULL:
            patterns.append((*prefix, code, *(_ANY,) * (2 - level)))
            prefix += (NULL,)
        else:
            prefix += (_ANY,)
    patterns.append(prefix)
    return tuple(patterns)


def _put(sets: dict, key: object, number: int) -> None:
    found = sets.get(key)
    if found is None:
        sets[key] = {number}
    else:
        found.add(number)


def _drop(sets: dict, key: object, number: int) -> None:
    found = sets[key]
    found.discard(number)
    if not found:
        del sets[key]


class _Places:
    """Cluster numbers by place, for every pattern of `_place_patterns`: by commune; and by province
    and region (each a code, NULL, or _ANY) those without a commune (`bare`) and all of them (`any`).
    A cluster sits in 5 sets (8 without a commune), 4 of them shared with the clusters of its
    province or region: cheaper than one set per projection of all three levels."""

    __slots__ = ("commune", "bare", "any")

    def __init__(self) -> None:
        self.commune: dict[int, set[int]] = {}
        self.bare: dict[tuple[int, int], set[int]] = {}
        self.any: dict[tuple[int, int], set[int]] = {}

    @staticmethod
    def _keys(province: int, region: int) -> tuple[tuple[int, int], ...]:
        return ((province, region), (province, _ANY), (_ANY, region), (_ANY, _ANY))

    def _slots(self, place: tuple[int, int, int]) -> list[tuple[dict, object]]:
        """The (index, key) pairs a cluster at `place` is filed under: its commune, or every
        province/region pattern when it has none; and every pattern in `any`."""
        commune, province, region = place
        keys = self._keys(province, region)
        own = [(self.commune, commune)] if commune != NULL else [(self.bare, key) for key in keys]
        return own + [(self.any, key) for key in keys]

    def add(self, number: int, place: tuple[int, int, int]) -> None:
        for sets, key in self._slots(place):
            _put(sets, key, number)

    def remove(self, number: int, place: tuple[int, int, int]) -> None:
        for sets, key in self._slots(place):
            _drop(sets, key, number)

    def find(self, asks: tuple, out: list[tuple[int, set[int]]]) -> None:
        """Append (kind, clusters) for each (pattern, kind) of `asks` that has clusters."""
        for (commune, province, region), kind in asks:
            if commune == _ANY:
                found = self.any.get((province, region))
            elif commune == NULL:
                found = self.bare.get((province, region))
            else:  # a commune: the rest of the pattern is _ANY
                found = self.commune.get(commune)
            if found:
                out.append((kind, found))

    def empty(self) -> bool:
        return not self.any


class _Bucket:
    """The clusters filed under one bucket, by place, in one part by their day: `day` (day-precise
    clusters, by date), `ref` (undated ones, by publication day), `other` (month, year, an undated
    month or year); and the dated ones again by year (`year`: what a month or a year report asks)."""

    __slots__ = ("year", "day", "ref", "other")

    def __init__(self) -> None:
        self.year: dict[int, _Places] = {}
        self.day: dict[int, _Places] = {}
        self.ref: dict[int, _Places] = {}
        self.other = _Places()

    def _parts(self, filed: tuple) -> Iterator[tuple[dict[int, _Places] | None, int | None]]:
        kind, day, year = filed
        if year is not None:
            yield self.year, year
        if kind == "other":
            yield None, None
        else:
            yield (self.day if kind == "day" else self.ref), day

    def file(self, number: int, filed: tuple, place: tuple[int, int, int]) -> None:
        for parts, key in self._parts(filed):
            if parts is None:
                self.other.add(number, place)
                continue
            found = parts.get(key)
            if found is None:
                found = parts[key] = _Places()
            found.add(number, place)

    def unfile(self, number: int, filed: tuple, place: tuple[int, int, int]) -> None:
        for parts, key in self._parts(filed):
            if parts is None:
                self.other.remove(number, place)
                continue
            parts[key].remove(number, place)
            if parts[key].empty():
                del parts[key]

    def everything(self) -> Iterator[_Places]:
        yield self.other
        yield from self.day.values()
        yield from self.ref.values()

    def find(self, event: _Event, asks: _Asks, out: list[tuple[int, set[int]]]) -> None:
        """The clusters of this bucket whose day and place could fit `event`, in sets marked by what
        decides (see `_compatible` and `_Asks`)."""
        if event.date is None:  # undated: clusters dated or published within the window of its day
            first, last = event.ref - _HI, event.ref - _LO
            for parts in (self.day, self.ref):
                if parts:
                    for day in range(first, last + 1):
                        found = parts.get(day)
                        if found is not None:
                            found.find(asks.split, out)
            self.other.find(asks.check, out)
        elif event.rank == 0:  # a day: clusters of that day, coarser ones, undated ones published near
            found = self.day.get(event.date)
            if found is not None:
                found.find(asks.auto, out)
            self.other.find(asks.check, out)
            if self.ref:
                for day in range(event.date + _LO, event.date + _HI + 1):
                    found = self.ref.get(day)
                    if found is not None:
                        found.find(asks.check, out)
        elif event.rank == 2:  # a year: the dated clusters of that year, on a known place or a person
            found = self.year.get(event.year)
            if found is not None:
                found.find(asks.split, out)
        elif event.rank == 1:  # a month: dated clusters of its year
            found = self.year.get(event.year)
            if found is not None:
                found.find(asks.check, out)
        else:
            for places in self.everything():
                places.find(asks.check, out)


class _Asks:
    """A report's place patterns with what decides for the clusters found: `auto` (they fit),
    `check` (ask `_compatible`), `split` (fit on a known place, else when naming one of its people).
    `open_`: whether the _OPEN pattern (no place known on both sides) is asked at all."""

    __slots__ = ("auto", "check", "split")

    def __init__(self, patterns: tuple, open_: bool) -> None:
        same, last = patterns[:-1], (patterns[-1:] if open_ else ())
        self.auto = tuple((p, _AUTO) for p in same + last)
        self.check = tuple((p, _CHECK) for p in same + last)
        self.split = tuple((p, _AUTO) for p in same) + tuple((p, _SHARED) for p in last)


def _filed(cluster: _Cluster) -> tuple:
    """Where a cluster sits in its bucket as it is now: its day part (kind, day) and its year if dated."""
    if cluster.date is None and cluster.rank not in (1, 2) and cluster.ref is not None:
        kind, day = "ref", cluster.ref
    elif cluster.date is not None and cluster.rank == 0:
        kind, day = "day", cluster.date
    else:
        kind, day = "other", None
    return kind, day, cluster.year if cluster.date is not None else None


def _place(cluster: _Cluster) -> tuple[int, int, int]:
    return cluster.commune, cluster.province, cluster.region


class _Block:
    """The clusters of one block (event type, party), their index, and the clusters naming each
    person. With `scan`, a report is compared with every cluster of its buckets, as the index must
    agree with (the tests)."""

    def __init__(self, no_party: bool, first_number: int, scan: bool = False) -> None:
        self.no_party = no_party
        self.clusters: list[_Cluster] = []
        self.buckets: dict[int, _Bucket] = {}
        self.persons: dict[int, set[int]] = {}
        self.first_number = first_number
        self.scan = scan
        self._asks: dict[tuple[int, int, int], _Asks] = {}

    def _sharing(self, people: frozenset[int], numbers: set[int]) -> set[int]:
        """The clusters of `numbers` that name one of `people` (set intersections: each costs the
        smaller side, a popular person's many clusters or the few candidates)."""
        hits: set[int] = set()
        for person in people:
            found = self.persons.get(person)
            if found:
                hits |= numbers & found
        return hits

    def _fits(self, event: _Event) -> list[_Cluster]:
        """The clusters the report fits after the party and people rules: join it if there is one."""
        if self.no_party and event.rank != 0:  # no party: only reports that agree on day and place meet
            return []
        place = (event.commune, event.province, event.region)
        asks = self._asks.get(place)
        if asks is None:  # no party: only a known place agreeing, never _OPEN
            asks = self._asks[place] = _Asks(_place_patterns(*place), open_=not self.no_party)
        found: list[tuple[int, set[int]]] = []
        for key in _bucket_keys(event):
            bucket = self.buckets.get(key)
            if bucket is not None:
                bucket.find(event, asks, found)
        if self.no_party and event.date is None:  # an undated day (no such row yet): ask each
            found = [(_CHECK, numbers) for _, numbers in found]
        first, clusters, people = self.first_number, self.clusters, event.people
        fits: list[_Cluster] = []  # those that fit, but for the _AUTO ones: only counted
        auto: list[set[int]] = []
        count = 0
        for kind, numbers in found:
            if kind == _AUTO:
                auto.append(numbers)
                count += len(numbers)
            elif kind == _SHARED:
                if people:
                    hits = self._sharing(people, numbers)
                    if len(hits) > 1:  # two fit and name one of its people: a cluster of its own
                        return []
                    fits.extend(clusters[n - first] for n in hits)
            else:
                fits.extend(c for n in numbers if _compatible(event, c := clusters[n - first]))
        if self.no_party:
            fits = [c for c in fits if c.rank == 0 and _place_fit(event, c) == _SAME]
        count += len(fits)
        if count <= 1:
            return [clusters[n - first] for numbers in auto for n in numbers] + fits
        if not people:  # several fit and none shares a person: a cluster of its own
            return []
        sharing = [c for c in fits if not people.isdisjoint(c.people)]
        for numbers in auto:
            hits = self._sharing(people, numbers)
            if len(sharing) + len(hits) > 1:  # several share a person too: a cluster of its own
                return []
            sharing.extend(clusters[n - first] for n in hits)
        return sharing

    def _scanned(self, event: _Event) -> list[_Cluster]:
        """`_fits` by comparing the report with every cluster of its buckets."""
        candidates = [
            self.clusters[n - self.first_number]
            for key in _bucket_keys(event)
            if key in self.buckets
            for places in self.buckets[key].everything()
            for n in sorted(places.any.get((_ANY, _ANY), ()))
        ]
        fits = [c for c in candidates if _compatible(event, c)]
        if self.no_party:
            fits = [c for c in fits if event.rank == 0 and c.rank == 0 and _place_fit(event, c) == _SAME]
        if len(fits) > 1:
            fits = [c for c in fits if not event.people.isdisjoint(c.people)]
        return fits

    def place(self, event: _Event) -> _Cluster:
        """Join the one cluster the report fits, else start a cluster (see the module docstring)."""
        fits = self._scanned(event) if self.scan else self._fits(event)
        if len(fits) == 1:
            cluster = fits[0]
            filed, place = _filed(cluster), _place(cluster)
            named = event.people - cluster.people
            cluster.add(event)
            if _filed(cluster) != filed or _place(cluster) != place:  # the index follows
                bucket = self.buckets[cluster.home]
                bucket.unfile(cluster.number, filed, place)
                bucket.file(cluster.number, _filed(cluster), _place(cluster))
        else:
            cluster = _Cluster(self.first_number + len(self.clusters))
            named = event.people
            cluster.add(event)
            cluster.home = _home(cluster)
            self.clusters.append(cluster)
            bucket = self.buckets.get(cluster.home)
            if bucket is None:
                bucket = self.buckets[cluster.home] = _Bucket()
            bucket.file(cluster.number, _filed(cluster), _place(cluster))
        for person in named:
            _put(self.persons, person, cluster.number)
        return cluster


class _Named:
    """The persons named in each event, as sorted columns: `of(i)` is a new set for event `i`."""

    def __init__(self, event: np.ndarray, person: np.ndarray, events: int) -> None:
        known = event >= 0
        order = np.argsort(event[known], kind="stable")
        self._persons = person[known][order].tolist()
        self._offsets = np.searchsorted(event[known][order], np.arange(events + 1))

    def of(self, event: int) -> frozenset[int]:
        start, end = self._offsets[event], self._offsets[event + 1]
        return frozenset(self._persons[start:end]) if end > start else _NOBODY


def cluster_events(
    events: pa.Table, named: _Named | None = None, scan: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    """Each event's cluster number (see the module docstring), one block at a time, and each
    cluster's representative event (the member that arrived first: earliest ingest_date, then
    event_id). Clusters are numbered from 0, by block, in the order they start.

    `events` columns: event_id, event_type, event_date, date_precision, party, commune_code,
    province_code, region_code, ingest_date, reference_day. `named`: the persons (union-find roots)
    named in each event. `scan`: compare each report with every cluster of its buckets (the tests).
    """
    n = events.num_rows
    precision, precisions = _codes(events.column("date_precision"))
    rank = np.array([_PRECISION_RANK[p] for p in precisions], dtype=np.int8)[precision]
    date, ref = _days(events.column("event_date")), _days(events.column("reference_day"))
    ingest = _days(events.column("ingest_date"))
    levels = ("commune_code", "province_code", "region_code")
    place = np.stack([_codes(events.column(c), blank_is_null=True)[0] for c in levels]).reshape(3, n)
    place_rank = np.where(
        place[0] != NULL, 0, np.where(place[1] != NULL, 1, np.where(place[2] != NULL, 2, 3))
    ).astype(np.int8)
    event_type, _ = _codes(events.column("event_type"))
    party, parties = _codes(events.column("party"))
    block = event_type.astype(np.int64) * (len(parties) + 1) + party
    id_rank = _rank(events.column("event_id"))
    order = np.lexsort((id_rank, ingest, place_rank, rank, block))  # blocks, each most specific first
    starts = np.flatnonzero(np.diff(block[order], prepend=-1)).tolist() + [n]
    del place_rank, event_type, block
    out = np.full(n, -1, dtype=np.int64)
    first_number = 0
    for start, end in zip(starts[:-1], starts[1:], strict=True):
        at = order[start:end]
        ids = at.tolist()
        b = _Block(parties[party[ids[0]]] is None, first_number, scan)
        columns = zip(
            ids,
            rank[at].tolist(),
            _optional(date[at]),
            _optional(ref[at]),
            place[0, at].tolist(),
            place[1, at].tolist(),
            place[2, at].tolist(),
            strict=True,
        )
        for pos, r, d, f, commune, province, region in columns:
            people = named.of(pos) if named is not None else _NOBODY
            out[pos] = b.place(_Event(pos, r, d, f, (commune, province, region), people)).number
        first_number += len(b.clusters)
    del rank, date, ref, place, order
    by_cluster = np.lexsort((id_rank, ingest, out))
    first = np.flatnonzero(np.diff(out[by_cluster], prepend=-1))
    return out, by_cluster[first]  # numbers 0..k-1, each with a member: the k-th first is cluster k's


def _rank(column: pa.ChunkedArray | pa.Array) -> np.ndarray:
    """Each row's rank in the column's sort order (strings: by code point, as Python compares)."""
    order = _numpy(pc.sort_indices(column))
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order), dtype=np.int64)
    return rank


# ---------------------------------------------------------------- both


@dataclass
class Identities:
    events: pa.Table  # event_identity: event_id, cluster_id
    participants: pa.Table  # participant_identity: event_id, person_name, person_id, role_code, name_key
    persons: pa.Table  # person_names: person_id, name_ar, name_latin, figure


EVENT_COLUMNS = {
    "event_id": pa.string(),
    "event_type": pa.string(),
    "event_date": pa.date32(),
    "date_precision": pa.string(),
    "party": pa.string(),
    "commune_code": pa.string(),
    "province_code": pa.string(),
    "region_code": pa.string(),
    "ingest_date": pa.date32(),
    "reference_day": pa.date32(),
}
PARTICIPANT_COLUMNS = {
    "event_id": pa.string(),
    "article_id": pa.string(),
    "person_name": pa.string(),
    "role": pa.string(),
    "party": pa.string(),
    "ingest_date": pa.date32(),
}


def resolve(events: list[dict], participants: list[dict]) -> Identities:
    """Cluster ids for `events` and person ids for `participants` (rows from the lake, latest arrival).

    `events` rows: event_id, event_type, event_date, date_precision, party, commune_code,
    province_code, region_code, ingest_date, reference_day (the article's publication day, else its
    arrival day). `participants` rows: event_id, article_id, person_name, role, party, ingest_date.
    """
    return resolve_tables(_table(events, EVENT_COLUMNS), _table(participants, PARTICIPANT_COLUMNS))


def _table(rows: list[dict], columns: dict[str, pa.DataType]) -> pa.Table:
    return pa.table({name: pa.array([row.get(name) for row in rows], type) for name, type in columns.items()})


_LIBC: ctypes.CDLL | None = None


def release_memory() -> None:
    """Give freed memory back to the system. Arrow's pool (mimalloc) and glibc's malloc keep what was
    freed for reuse: after the clustering at 100,000 documents that is ~350 MB, under which the SQL
    models of the build would otherwise run."""
    global _LIBC
    pa.default_memory_pool().release_unused()
    try:
        _LIBC = _LIBC or ctypes.CDLL("libc.so.6")
        _LIBC.malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: its allocator keeps what it keeps
        pass


def resolve_tables(events: pa.Table, participants: pa.Table) -> Identities:
    """`resolve` on Arrow tables with those columns: what the warehouse build calls."""
    names = _Names()
    people = _people(participants, names)
    nodes = people.nodes
    uf = _UnionFind()
    _link_spellings(nodes, uf)
    root = np.array([uf.find(i) for i in range(len(nodes))], dtype=np.int64)
    event_of = pc.index_in(participants.column("event_id"), value_set=events.column("event_id"))
    event_of = _numpy(pc.fill_null(event_of, -1)).astype(np.int64)
    named = _Named(event_of, root[people.node], events.num_rows)
    release_memory()
    cluster, representative = cluster_events(events, named)
    del named
    release_memory()

    article, _ = _codes(participants.column("article_id"))
    _link_in_clusters(nodes, uf, _cluster_members(cluster, event_of, article, people.node))

    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(nodes)):
        groups[uf.find(i)].append(i)
    person_of = np.zeros(len(nodes), dtype=np.int64)
    person_rows = []
    figures = figure_names()
    for members in groups.values():
        figure = min((nodes[i].figure for i in members if nodes[i].figure), default=None)
        if figure:
            person_id = _short_hash("p", f"figure:{figure}")
        else:
            first = min(
                (nodes[i] for i in members),
                key=lambda n: (n.first_arrival if n.first_arrival is not None else _LAST_DAY, n.key),
            )
            person_id = _short_hash("p", f"{first.key[0]}:{first.key[1]}")
        spellings = {"ar": Counter(), "latin": Counter()}
        for i in members:
            spellings[nodes[i].key[0]].update(nodes[i].spellings)
            person_of[i] = len(person_rows)
        listed = figures.get(figure, {}) if figure else {}
        person_rows.append(
            {
                "person_id": person_id,
                "name_ar": listed.get("ar") or _most_common(spellings["ar"]),
                "name_latin": listed.get("latin") or _most_common(spellings["latin"]),
                "figure": figure,
            }
        )
    persons = pa.Table.from_pylist(person_rows, schema=PERSON_NAMES)
    return Identities(
        events=_event_identity(events, cluster, representative),
        participants=_participant_identity(participants, people, persons, person_of, names),
        persons=persons,
    )


_LAST_DAY = (dt.date.max - _EPOCH).days


def _cluster_members(
    cluster: np.ndarray, event_of: np.ndarray, article: np.ndarray, node: np.ndarray
) -> Iterator[tuple[list[int], list[list[int]]]]:
    """Each cluster naming two spellings or more: its node ids, and each of its articles' node ids
    (ascending). Clusters naming one spelling (most) are left out before any Python loop."""
    known = event_of >= 0
    rows = np.unique(np.stack([cluster[event_of[known]], article[known], node[known]], axis=1), axis=0)
    pairs = np.unique(rows[:, [0, 2]], axis=0)  # (cluster, node)
    numbers, spellings = np.unique(pairs[:, 0], return_counts=True)
    rows = rows[np.isin(rows[:, 0], numbers[spellings > 1])]
    for _, members in groupby(rows.tolist(), key=itemgetter(0)):
        ids: set[int] = set()
        by_article: list[list[int]] = []
        for _, named in groupby(members, key=itemgetter(1)):
            named = [row[2] for row in named]
            ids.update(named)
            if len(named) > 1:
                by_article.append(named)
        yield sorted(ids), by_article


def _event_identity(events: pa.Table, cluster: np.ndarray, first: np.ndarray) -> pa.Table:
    """event_id -> cluster_id, the cluster's id hashed from its representative's (`first`) event_id."""
    event_id = events.column("event_id")
    seeds = pc.take(event_id, pa.array(first)).to_pylist()
    cluster_ids = pa.array([_short_hash("c", e) for e in seeds], pa.string())
    return pa.table(
        {"event_id": event_id, "cluster_id": pc.take(cluster_ids, pa.array(cluster))},
        schema=EVENT_IDENTITY,
    )


def _participant_identity(
    participants: pa.Table, people: _People, persons: pa.Table, person_of: np.ndarray, names: _Names
) -> pa.Table:
    """One row per (event_id, person_name), the first in row order: its person id, role code and keys."""
    # the first row of each (event_id, person_name), by numpy on the two columns' codes: Arrow's
    # group_by would load pyarrow.dataset, and pandas with it, into every run for this one step
    event_code, _ = _codes(participants.column("event_id"))
    name_code, names_seen = _codes(participants.column("person_name"))
    pair = event_code.astype(np.int64) * (len(names_seen) + 1) + name_code
    keep = pa.array(np.sort(np.unique(pair, return_index=True)[1]).astype(np.int64))
    role, roles = _codes(participants.column("role"))
    spelled = [names.of(s) for s in people.names]
    by_name = {
        "name_key": pa.array([n.name_key for n in spelled], pa.string()),
        "name_translit": pa.array([n.skeleton for n in spelled], pa.string()),
    }
    name = pa.array(people.name).take(keep)
    return pa.table(
        {
            "event_id": participants.column("event_id").take(keep),
            "person_name": participants.column("person_name").take(keep),
            "person_id": persons.column("person_id").take(pa.array(person_of[people.node]).take(keep)),
            "role_code": pa.array([names.role(r) for r in roles], pa.string()).take(
                pa.array(role).take(keep)
            ),
            "name_key": by_name["name_key"].take(name),
            "name_translit": by_name["name_translit"].take(name),
        },
        schema=PARTICIPANT_IDENTITY,
    )


def _most_common(counter: Counter) -> str | None:
    if not counter:
        return None
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0]


EVENT_IDENTITY = pa.schema([("event_id", pa.string()), ("cluster_id", pa.string())])
PARTICIPANT_IDENTITY = pa.schema(
    [
        ("event_id", pa.string()),
        ("person_name", pa.string()),
        ("person_id", pa.string()),
        ("role_code", pa.string()),
        ("name_key", pa.string()),
        ("name_translit", pa.string()),
    ]
)
PERSON_NAMES = pa.schema(
    [
        ("person_id", pa.string()),
        ("name_ar", pa.string()),
        ("name_latin", pa.string()),
        ("figure", pa.string()),
    ]
)


# ---------------------------------------------------------------- in the warehouse build

LEXICONS = ("figures.tsv", "name_particles.tsv", "transliteration.tsv", "role_codes.tsv", "honorifics.tsv")

CODE_SYSTEMS = {"place": "hcp", "party": "party", "date": "iso_date"}


def identities(con, lake_sql: dict[str, str]) -> Identities:
    """Read the lake's events and participants (each article's latest arrival) and resolve them.

    Only the columns the resolution uses, as Arrow: at 100,000 documents that is ~800,000 events
    and ~470,000 participants, which as Python rows took 2 GB."""
    latest = "qualify ingest_date = max(ingest_date) over (partition by article_id)"
    events = con.sql(
        f"""
        with a as (select article_id, published_date, published_precision
                   from ({lake_sql["articles"]}) {latest}),
             e as (select * from ({lake_sql["events"]}) {latest})
        select distinct on (e.event_id)
            e.event_id, e.event_type, e.event_date, e.date_precision, e.party,
            e.commune_code, e.province_code, e.region_code, e.ingest_date,
            coalesce(case when coalesce(a.published_precision, 'day') = 'day' then a.published_date end,
                     e.ingest_date) as reference_day
        from e left join a using (article_id)
        order by e.event_id
        """
    ).to_arrow_table()
    participants = con.sql(
        f"""
        select event_id, article_id, person_name, role, party, ingest_date
        from ({lake_sql["event_participants"]}) {latest} and person_name <> ''
        order by event_id, person_name
        """
    ).to_arrow_table()
    return resolve_tables(events, participants)


def view_sql(table: str, lake_sql: str) -> str:
    """The warehouse view of a lake table: the Parquet plus the identity columns resolved over the lake."""
    key = "ingest_date"
    if table == "events":
        return (
            f"select l.* exclude ({key}), i.cluster_id, l.{key} from ({lake_sql}) as l "
            "left join event_identity as i on i.event_id = l.event_id"
        )
    if table == "event_participants":
        return (
            f"select l.* exclude ({key}), i.person_id, i.role_code, l.{key} from ({lake_sql}) as l "
            "left join participant_identity as i on i.event_id = l.event_id and i.person_name = l.person_name"
        )
    if table == "mentions":
        cases = " ".join(f"when '{k}' then '{v}'" for k, v in CODE_SYSTEMS.items())
        return (
            f"select l.* exclude ({key}), case when l.code is not null then case l.entity_type {cases} end end "
            f"as code_system, l.{key} from ({lake_sql}) as l"
        )
    return lake_sql
