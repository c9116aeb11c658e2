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
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyarrow as pa
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
    first_arrival: dt.date | None = None
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


def _nodes(participants: Iterable[dict], names: _Names | None = None) -> dict[tuple[str, str], _Node]:
    names = names or _Names()
    nodes: dict[tuple[str, str], _Node] = {}
    for row in participants:
        name = row["person_name"]
        key = names.node_key(name)
        node = nodes.get(key)
        if node is None:
            words = names.of(name).skeleton_words
            node = nodes[key] = _Node(key, " ".join(words), words[0] if words else "", known_figure(name))
        if row.get("party"):
            node.parties[row["party"]] += 1
        node.roles[names.role(row.get("role"))] += 1
        node.spellings[name] += 1
        arrival = row.get("ingest_date")
        if arrival is not None and (node.first_arrival is None or arrival < node.first_arrival):
            node.first_arrival = arrival
    return nodes


def _link_people(
    nodes: dict[tuple[str, str], _Node], uf: _UnionFind, clusters: dict[str, list[tuple[str, str]]] | None
) -> None:
    """Union spellings: figures, transliteration keys with agreeing party and role, and clusters."""
    by_figure: dict[str, list] = defaultdict(list)
    by_skeleton: dict[str, list[_Node]] = defaultdict(list)
    for node in nodes.values():
        uf.find(node.key)
        if node.figure:
            by_figure[node.figure].append(node.key)
        if len(node.skeleton.split()) >= 2 and len(node.skeleton.replace(" ", "")) >= 4:
            by_skeleton[node.skeleton].append(node)
    for keys in by_figure.values():
        for other in keys[1:]:
            uf.union(keys[0], other)
    for group in by_skeleton.values():  # same key, other script: linked when party and role agree
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if a.key[0] == b.key[0] or (a.figure and b.figure and a.figure != b.figure):
                    continue
                parties = set(a.parties) & set(b.parties)
                roles = {r for r in a.roles if r} & {r for r in b.roles if r}
                if parties and roles:
                    uf.union(a.key, b.key)
    if not clusters:
        return
    for members in clusters.values():  # (article_id, node key) pairs named in one cluster
        by_article: dict[str, set] = defaultdict(set)
        for article_id, key in members:
            by_article[article_id].add(key)
        keys = sorted({k for _, k in members})
        for i, ka in enumerate(keys):
            for kb in keys[i + 1 :]:
                a, b = nodes[ka], nodes[kb]
                if uf.find(ka) == uf.find(kb):
                    continue
                if any(ka in ks and kb in ks for ks in by_article.values()):
                    continue  # two people of one article are two people
                if a.figure and b.figure and a.figure != b.figure:
                    continue
                if not _parties_compatible(a, b) or not _roles_compatible(set(a.roles), set(b.roles)):
                    continue
                if _close(a, b) and _unique_match(a, b, keys, nodes):
                    uf.union(ka, kb)


def _unique_match(a: _Node, b: _Node, keys: list, nodes: dict) -> bool:
    """`b` is the only spelling in the cluster close to `a` of its script, and the other way round."""
    others_a = [k for k in keys if k != a.key and k[0] == b.key[0] and _close(a, nodes[k])]
    others_b = [k for k in keys if k != b.key and k[0] == a.key[0] and _close(b, nodes[k])]
    return len(others_a) == 1 and len(others_b) == 1


# ---------------------------------------------------------------- events


@dataclass
class _Cluster:
    block: tuple
    members: list[dict] = field(default_factory=list)
    date: dt.date | None = None
    precision: str | None = None
    commune: str | None = None
    province: str | None = None
    region: str | None = None
    reference_day: dt.date | None = None  # for undated clusters: the first report's publication day
    people: set = field(default_factory=set)

    def add(self, event: dict, people: set) -> None:
        self.members.append(event)
        self.people |= people
        if _PRECISION_RANK[event["date_precision"]] < _PRECISION_RANK[self.precision] or (
            self.date is None and event["event_date"] is not None
        ):
            self.date, self.precision = event["event_date"], event["date_precision"]
        self.commune = self.commune or event["commune_code"]
        self.province = self.province or event["province_code"]
        self.region = self.region or event["region_code"]
        if self.reference_day is None:
            self.reference_day = event["reference_day"]


def _same_period(d1: dt.date, p1: str, d2: dt.date, p2: str) -> bool:
    coarse = max(_PRECISION_RANK[p1], _PRECISION_RANK[p2])
    if coarse == 0:
        return d1 == d2
    if coarse == 1:
        return (d1.year, d1.month) == (d2.year, d2.month)
    return d1.year == d2.year


def _place_fit(event: dict, cluster: _Cluster) -> str:
    """'same' (a known place agrees), 'open' (one side has no place) or 'no' (places differ)."""
    pairs = [
        (event["commune_code"], cluster.commune),
        (event["province_code"], cluster.province),
        (event["region_code"], cluster.region),
    ]
    for mine, theirs in pairs:
        if mine and theirs:
            return "same" if mine == theirs else "no"
    return "open"


def _compatible(event: dict, cluster: _Cluster, people: set) -> bool:
    place = _place_fit(event, cluster)
    if place == "no":
        return False
    shared = bool(people & cluster.people)
    if event["event_date"] is not None and cluster.date is not None:
        if not _same_period(event["event_date"], event["date_precision"], cluster.date, cluster.precision):
            return False
        if YEAR in (event["date_precision"], cluster.precision):
            return shared or place == "same"  # a year alone is weak evidence
        return True
    # one side undated: the report must be published near the event, and agree on more than that
    day = event["event_date"] if event["event_date"] is not None else event["reference_day"]
    other = cluster.date if cluster.date is not None else cluster.reference_day
    precision = event["date_precision"] if event["event_date"] is not None else cluster.precision
    if day is None or other is None:
        return False
    if precision in (MONTH, YEAR):
        return False
    gap = (day - other).days if event["event_date"] is None else (other - day).days
    lo, hi = UNDATED_WINDOW_DAYS
    return lo <= gap <= hi and (shared or place == "same")


def _specificity(event: dict) -> tuple:
    place = 0 if event["commune_code"] else 1 if event["province_code"] else 2 if event["region_code"] else 3
    return (_PRECISION_RANK[event["date_precision"]], place, event["ingest_date"], event["event_id"])


def _bucket_keys(event: dict) -> list[tuple]:
    """The buckets a report's candidate clusters sit in (clusters are filed under `_home`)."""
    day, precision = event["event_date"], event["date_precision"]
    if day is not None and precision in (DAY, MONTH):
        return [("m", day.year, day.month), ("y", day.year)]
    if day is not None:
        return [("y", day.year), *(("m", day.year, m) for m in range(1, 13))]
    ref = event["reference_day"]
    if ref is None:
        return []
    lo, hi = UNDATED_WINDOW_DAYS
    months = {(d.year, d.month) for d in (ref - dt.timedelta(days=hi), ref, ref - dt.timedelta(days=lo))}
    return [(kind, y, m) for y, m in sorted(months) for kind in ("m", "u")]


def _home(cluster: _Cluster) -> tuple:
    if cluster.date is not None and cluster.precision in (DAY, MONTH):
        return ("m", cluster.date.year, cluster.date.month)
    if cluster.date is not None:
        return ("y", cluster.date.year)
    ref = cluster.reference_day or dt.date.min
    return ("u", ref.year, ref.month)


def cluster_events(events: list[dict], people_of: dict[str, set]) -> dict[str, str]:
    """event_id -> cluster_id for every event (see the module docstring)."""
    blocks: dict[tuple, list[dict]] = defaultdict(list)
    for event in events:
        blocks[(event["event_type"], event["party"])].append(event)
    out: dict[str, str] = {}
    for block, members in blocks.items():
        clusters: list[_Cluster] = []
        filed: dict[tuple, list[_Cluster]] = defaultdict(list)
        for event in sorted(members, key=_specificity):
            people = people_of.get(event["event_id"], set())
            candidates = [c for key in _bucket_keys(event) for c in filed.get(key, ())]
            fits = [c for c in candidates if _compatible(event, c, people)]
            if block[1] is None:  # no party: only reports that agree on day and place meet
                fits = [
                    c
                    for c in fits
                    if event["date_precision"] == DAY
                    and c.precision == DAY
                    and _place_fit(event, c) == "same"
                ]
            if len(fits) > 1:
                fits = [c for c in fits if people & c.people]
            if len(fits) == 1:
                fits[0].add(event, people)
            else:
                cluster = _Cluster(block)
                cluster.add(event, people)
                clusters.append(cluster)
                filed[_home(cluster)].append(cluster)
        for cluster in clusters:
            first = min(cluster.members, key=lambda e: (e["ingest_date"], e["event_id"]))
            cluster_id = _short_hash("c", first["event_id"])
            for event in cluster.members:
                out[event["event_id"]] = cluster_id
    return out


# ---------------------------------------------------------------- both


@dataclass
class Identities:
    events: pa.Table  # event_identity: event_id, cluster_id
    participants: pa.Table  # participant_identity: event_id, person_name, person_id, role_code, name_key
    persons: pa.Table  # person_names: person_id, name_ar, name_latin, figure


def resolve(events: list[dict], participants: list[dict]) -> Identities:
    """Cluster ids for `events` and person ids for `participants` (rows from the lake, latest arrival).

    `events` rows: event_id, article_id, event_type, event_date, date_precision, party, commune_code,
    province_code, region_code, ingest_date, reference_day (the article's publication day, else its
    arrival day). `participants` rows: event_id, article_id, person_name, role, party, ingest_date.
    """
    names = _Names()
    nodes = _nodes(participants, names)
    uf = _UnionFind()
    _link_people(nodes, uf, None)
    node_of = {id(row): names.node_key(row["person_name"]) for row in participants}
    people_of: dict[str, set] = defaultdict(set)
    for row in participants:
        people_of[row["event_id"]].add(uf.find(node_of[id(row)]))
    cluster_of = cluster_events(events, people_of)

    in_cluster: dict[str, list] = defaultdict(list)
    for row in participants:
        cluster = cluster_of.get(row["event_id"])
        if cluster:
            in_cluster[cluster].append((row["article_id"], node_of[id(row)]))
    _link_people(nodes, uf, in_cluster)

    groups: dict = defaultdict(list)
    for key in nodes:
        groups[uf.find(key)].append(nodes[key])
    person_of: dict = {}
    person_rows = []
    figures = figure_names()
    for members in groups.values():
        figure = min((n.figure for n in members if n.figure), default=None)
        if figure:
            person_id = _short_hash("p", f"figure:{figure}")
        else:
            first = min(members, key=lambda n: (n.first_arrival or dt.date.max, n.key))
            person_id = _short_hash("p", f"{first.key[0]}:{first.key[1]}")
        spellings = {"ar": Counter(), "latin": Counter()}
        for node in members:
            spellings[node.key[0]].update(node.spellings)
            person_of[node.key] = person_id
        listed = figures.get(figure, {}) if figure else {}
        person_rows.append(
            {
                "person_id": person_id,
                "name_ar": listed.get("ar") or _most_common(spellings["ar"]),
                "name_latin": listed.get("latin") or _most_common(spellings["latin"]),
                "figure": figure,
            }
        )
    participant_rows = [
        {
            "event_id": row["event_id"],
            "person_name": row["person_name"],
            "person_id": person_of[node_of[id(row)]],
            "role_code": names.role(row.get("role")),
            "name_key": names.of(row["person_name"]).name_key,
            "name_translit": names.of(row["person_name"]).skeleton,
        }
        for row in participants
    ]
    event_rows = [{"event_id": e["event_id"], "cluster_id": cluster_of[e["event_id"]]} for e in events]
    return Identities(
        events=pa.Table.from_pylist(event_rows, schema=EVENT_IDENTITY),
        participants=pa.Table.from_pylist(_distinct(participant_rows), schema=PARTICIPANT_IDENTITY),
        persons=pa.Table.from_pylist(person_rows, schema=PERSON_NAMES),
    )


def _most_common(counter: Counter) -> str | None:
    if not counter:
        return None
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _distinct(rows: list[dict]) -> list[dict]:
    seen: set = set()
    out = []
    for row in rows:
        key = (row["event_id"], row["person_name"])
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


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
    """Read the lake's events and participants (each article's latest arrival) and resolve them."""
    latest = "qualify ingest_date = max(ingest_date) over (partition by article_id)"
    events = con.sql(
        f"""
        with a as (select article_id, published_date, published_precision
                   from ({lake_sql["articles"]}) {latest}),
             e as (select * from ({lake_sql["events"]}) {latest})
        select distinct on (e.event_id)
            e.event_id, e.article_id, e.event_type, e.event_date, e.date_precision, e.party,
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
        from ({lake_sql["event_participants"]}) {latest}
        order by event_id, person_name
        """
    ).to_arrow_table()
    rows = [p for p in participants.to_pylist() if p["person_name"]]
    return resolve(events.to_pylist(), rows)


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
