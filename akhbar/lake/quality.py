"""Data-quality rules on the lake tables, per arrival day: what must hold for every row written.

Each rule is a DuckDB query over the Parquet files of the partitions of `days` (the ones a
run just wrote) plus, where a rule needs context, the rows those reference (an event's
article, a participant's event). The query selects the failing rows only; `evaluate` counts
them and keeps a small sample. A rule that joins rows to their article's text runs on
batches of days, and a big day in buckets of articles (by hash of article_id), so what
DuckDB holds follows the batch, not the run or the lake; past `duck.MEMORY_LIMIT` it spills. The
Dagster asset checks (`assets/checks.py`) report the count and the sample; a notebook or a
test can call `evaluate` or `Rule.find` directly.

These are the rules about one lake table's rows, and about keys pointing at rows of the same
arrival day; the rules that need the warehouse (gazetteer, party vocabulary, joins across staging
models, identity) are the SQL data tests of `dbt_like_sql/tests/`. Each rule lives in one place
(docs/quality.md). The key-integrity rules are `blocking`; every other rule warns.

Rules state the contract (the output contract: README, "Tables"), not the extractor's current habits:
vocabularies come from `akhbar.tables.schema`, offsets index `articles.text_clean` in code points
(Python string slicing; DuckDB's `substring` and `length` count code points too), and a
partial date is stored as its first day (2015 -> 2015-01-01).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import duckdb
import pyarrow.fs as pafs

from akhbar.lake import duck
from akhbar.lake import parquet as lake
from akhbar.tables.schema import (
    DATE_PRECISIONS,
    ENTITY_TYPES,
    EVENT_TYPES,
    PARTITION_KEY,
    PLACE_PRECISIONS,
    SCHEMAS,
)

LANGUAGES = ("ar", "fr")
SAMPLE_SIZE = 5
# A span rule holds one batch's spans and texts: 14k articles and their 750k mentions took
# ~150 MB (measured on the 100k benchmark corpus); 20k keeps `duck.MEMORY_LIMIT` with room.
ARTICLES_PER_BUCKET = 20_000
# Python's str.strip() whitespace (Unicode separators plus the control characters it strips), for RE2.
NOT_WHITESPACE = r"[^\pZ\x09-\x0d\x1c-\x1f\x{85}]"

Row = dict


class Tables:
    """The lake's tables as DuckDB relations over the Parquet files of some days, in one connection.

    `tables.sql("events")` is a subquery over the run's days; `tables.sql("articles", days)`
    over other days. Each relation adds `ingest_date` (from the file's partition folder, so a
    failure names where it is), `filename` and `file_row_number` (which identify a row).
    """

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        lake_root: str,
        days: Iterable[dt.date | str],
        bucket: tuple[int, int] = (0, 1),
    ) -> None:
        self.con = con
        self.lake_root = lake_root
        self.days = [str(d) for d in days]
        self.bucket = bucket  # (k, n): only the articles whose id hashes to k modulo n (span rules)
        self._fs, self._base = lake.filesystem(lake_root)
        self._uri_prefix = (
            "" if isinstance(self._fs, pafs.LocalFileSystem) else lake_root.split("://")[0] + "://"
        )

    def files(self, table: str, days: Iterable[str]) -> list[str]:
        """Every part file of each partition (rejected_files has one per stage), in day and name order."""
        found: list[str] = []
        for day in days:
            selector = pafs.FileSelector(lake.partition_path(self._base, table, day), allow_not_found=True)
            infos = self._fs.get_file_info(selector)
            found += sorted(self._uri_prefix + i.path for i in infos if i.path.endswith(".parquet"))
        return found

    def sql(self, table: str, days: Iterable[str] | None = None) -> str:
        files = self.files(table, self.days if days is None else days)
        if not files:
            return self._empty(table)
        listed = ", ".join(_literal(f) for f in files)
        return (
            f"(select *, regexp_extract(filename, '{PARTITION_KEY}=([^/]+)', 1) as {PARTITION_KEY} "
            f"from read_parquet([{listed}], hive_partitioning = false, union_by_name = true, "
            "filename = true, file_row_number = true))"
        )

    def in_bucket(self) -> str:
        """A SQL condition keeping the rows of this bucket's articles (true when there is one bucket)."""
        k, n = self.bucket
        return "true" if n == 1 else f"hash(article_id) % {n} = {k}"

    def other_days(self, table: str) -> list[str]:
        return [d for d in lake.partitions(self.lake_root, table) if d not in self.days]

    def _empty(self, table: str) -> str:
        """A relation with the table's columns and no row, for days without a partition."""
        name = f"empty_{table}"
        self.con.register(name, SCHEMAS[table].empty_table())
        return (
            f"(select *, null::varchar as filename, null::bigint as file_row_number, "
            f"null::varchar as {PARTITION_KEY} from {name})"
        )


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _python_str(column: str) -> str:
    """SQL for str(value) as Python writes it, `None` for null (the messages are Python's f-strings)."""
    return f"coalesce({column}::varchar, 'None')"


def _in_list(values: Iterable[str]) -> str:
    return "(" + ", ".join(_literal(v) for v in values) + ")"


RuleQuery = Callable[[Tables], str]


@dataclass(frozen=True)
class Rule:
    """One data-quality rule on one table; `query` selects the rows that break it.

    `blocking`: a key-integrity rule (unique ids, keys set, rows pointing at the rows they belong
    to). Its failure stops the run before anything downstream reads the rows; every other rule warns.
    """

    table: str
    name: str
    description: str
    query: RuleQuery
    per_article: bool = False  # joins each row to its article's text: evaluated in buckets of articles
    blocking: bool = False

    def find(self, lake_root: str, days: list[dt.date], limit: int | None = None) -> list[Row]:
        """The failing rows (all of them unless `limit`), for a notebook or a test; batched as `evaluate`."""
        found: list[Row] = []
        with _connect() as con:
            for batch_days, bucket in _batches(self, lake_root, days):
                left = None if limit is None else limit - len(found)
                if left == 0:
                    break
                found += _rows(con, self.query(Tables(con, lake_root, batch_days, bucket)), left)
        return found


@dataclass(frozen=True)
class Outcome:
    """What a rule found on some days: how many rows break it and a few of them."""

    rule: Rule
    failures: int
    sample: list[Row]

    @property
    def passed(self) -> bool:
        return self.failures == 0


def _connect() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB, capped (`akhbar.lake.duck`), that keeps each join's build side where the query puts it."""
    con = duck.connect(spill="akhbar-quality")
    con.execute("set preserve_insertion_order = false")
    # Keep the build side of a join where the query puts it (the right side): the small table of
    # spans, not the articles with their text, which stream through on the probe side. The optimizer
    # would pick the side with fewer rows, i.e. the articles, and hold every text_clean in memory.
    con.execute("set disabled_optimizers = 'join_order,build_side_probe_side'")
    return con


def _rows(con: duckdb.DuckDBPyConnection, sql: str, limit: int | None = None) -> list[Row]:
    """Failing rows as dicts; a sample is the first `limit` in sorted order (a top-N, not a full sort)."""
    if limit is not None:
        sql = f"select * from ({sql}) order by all limit {int(limit)}"
    cursor = con.execute(sql)
    columns = [c[0] for c in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


# --- articles ---------------------------------------------------------------------------------


def _id_unique_not_null(tables: Tables, table: str, id_column: str, shown: str) -> str:
    """Rows of the run's days whose `id_column` is unset, or that another row in the whole lake shares.

    Other days are read for the run's ids only (a semi-join), so the run's ids are what is held.
    """
    return f"""
        with mine as (select {id_column}, {shown}, {PARTITION_KEY} from {tables.sql(table)}),
        ids as (
            select {id_column} from mine
            union all
            select {id_column} from {tables.sql(table, tables.other_days(table))}
            where {id_column} in (select {id_column} from mine)
        ),
        counts as (select {id_column}, count(*) as n from ids group by {id_column})
        select mine.* from mine left join counts using ({id_column})
        where mine.{id_column} is null or mine.{id_column} = '' or counts.n > 1
    """


def articles_id_unique_not_null(tables: Tables) -> str:
    """article_id is set, and no other article row in the whole lake has it (ids are content hashes)."""
    return _id_unique_not_null(tables, "articles", "article_id", "source_path")


def articles_source_path_not_null(tables: Tables) -> str:
    """source_path is set: the raw file an article came from (the key of its rejections and reruns)."""
    return f"""
        select article_id, source_path, {PARTITION_KEY} from {tables.sql("articles")}
        where source_path is null or source_path = ''
    """


def articles_language_supported(tables: Tables) -> str:
    """Only Arabic and French articles are accepted; anything else belongs in rejected_files."""
    return f"""
        select article_id, source_path, language, {PARTITION_KEY} from {tables.sql("articles")}
        where language is null or language not in {_in_list(LANGUAGES)}
    """


def articles_language_score_in_range(tables: Tables) -> str:
    """language_score is a probability: set and within 0..1."""
    return f"""
        select article_id, source_path, language_score, {PARTITION_KEY} from {tables.sql("articles")}
        where language_score is null or not (language_score between 0.0 and 1.0)
    """


def articles_text_clean_not_empty(tables: Tables) -> str:
    """An accepted article keeps some text after cleaning (else it should have been rejected)."""
    return f"""
        select article_id, source_path, {PARTITION_KEY} from {tables.sql("articles")}
        where not regexp_matches(coalesce(text_clean, ''), '{NOT_WHITESPACE}')
    """


def articles_published_date_not_future(tables: Tables) -> str:
    """No article is published after today (DuckDB's current_date): a later date is a misread header."""
    return f"""
        select article_id, source_path, published_date, {PARTITION_KEY} from {tables.sql("articles")}
        where published_date > current_date
    """


# --- normalization_edits, rejected_files ------------------------------------------------------


def edits_start_char_not_negative(tables: Tables) -> str:
    """An edit's offset in the raw text is set and not negative."""
    return f"""
        select article_id, "rule", "before", start_char, {PARTITION_KEY}
        from {tables.sql("normalization_edits")}
        where start_char is null or start_char < 0
    """


def rejected_reason_not_null(tables: Tables) -> str:
    """Every refused file says why."""
    return f"""
        select source_path, reason, detail, {PARTITION_KEY} from {tables.sql("rejected_files")}
        where reason is null or reason = ''
    """


# --- events, event_participants, mentions -----------------------------------------------------


def events_id_unique_not_null(tables: Tables) -> str:
    """event_id is set, and no other event row in the whole lake has it (a hash of article, type, offset)."""
    return _id_unique_not_null(tables, "events", "event_id", "article_id")


def _article_exists(tables: Tables, table: str, shown: str) -> str:
    """Rows whose article_id is not an article of the same arrival day (a null article_id never is):
    a day's events and mentions are extracted from that day's articles."""
    return f"""
        select {shown}, r.{PARTITION_KEY} from {tables.sql(table)} r
        anti join (select article_id, {PARTITION_KEY} from {tables.sql("articles")}) a
            on r.article_id = a.article_id and r.{PARTITION_KEY} = a.{PARTITION_KEY}
    """


def events_article_exists(tables: Tables) -> str:
    return _article_exists(tables, "events", "r.event_id, r.article_id, r.evidence")


def events_type_in_vocabulary(tables: Tables) -> str:
    return f"""
        select event_id, article_id, event_type, {PARTITION_KEY} from {tables.sql("events")}
        where event_type is null or event_type not in {_in_list(EVENT_TYPES)}
    """


def date_precision_problem(event_date: dt.date | None, precision: str | None) -> str | None:
    """Why a date and its precision disagree, or None: both null or both set, and a partial
    date stored as its first day (month -> day 1, year -> January 1st). The SQL of
    `events_date_precision_consistent` states the same; this one is for single values."""
    if event_date is None or precision is None:
        return None if event_date is None and precision is None else "date and precision not both set"
    if precision not in DATE_PRECISIONS:
        return f"unknown precision {precision!r}"
    if precision == "month" and event_date.day != 1:
        return "month precision but not the first day"
    if precision == "year" and (event_date.month, event_date.day) != (1, 1):
        return "year precision but not January 1st"
    return None


def events_date_precision_consistent(tables: Tables) -> str:
    return f"""
        select * from (
            select event_id, article_id, coalesce(event_date::varchar, 'None') as event_date,
                date_precision, {PARTITION_KEY},
                case
                    when event_date is null and date_precision is null then null
                    when event_date is null or date_precision is null then 'date and precision not both set'
                    when date_precision not in {_in_list(DATE_PRECISIONS)}
                        then 'unknown precision ''' || date_precision || ''''
                    when date_precision = 'month' and day(event_date) <> 1
                        then 'month precision but not the first day'
                    when date_precision = 'year' and (month(event_date) <> 1 or day(event_date) <> 1)
                        then 'year precision but not January 1st'
                end as problem
            from {tables.sql("events")}
        ) where problem is not null
    """


def events_place_precision_consistent(tables: Tables) -> str:
    """place_precision is null or a contract value, and the code of that level is set."""
    return f"""
        select event_id, article_id, place_name, place_precision, commune_code, province_code, region_code,
            {PARTITION_KEY}
        from {tables.sql("events")}
        where (place_precision is not null and place_precision not in {_in_list(PLACE_PRECISIONS)})
           or (place_precision = 'commune' and commune_code is null)
           or (place_precision = 'province' and province_code is null)
           or (place_precision = 'region' and region_code is null)
    """


QUOTE_DIFFERS = "text_clean[start:end] differs from the quoted text"


def span_problem(text: str, start: int | None, end: int | None, quoted: str | None) -> str | None:
    """Why a span (start, end, the text it claims to quote) does not fit its article's text, or None.

    `_span_failures` states the same in SQL; this one is for single values. A span whose article
    is missing is not a span problem: the blocking `article_exists` rules report it."""
    if start is None or end is None or not 0 <= start < end <= len(text):
        return f"offsets {start}..{end} outside text_clean (length {len(text)})"
    if quoted is not None and text[start:end] != quoted:
        return QUOTE_DIFFERS
    return None


def _span_failures(tables: Tables, spans_sql: str, quoted: str | None) -> str:
    """The rows of `spans_sql` (with article_id, start_char, end_char, ingest_date and the `quoted`
    column if any) whose span does not fit the text_clean of their article on the same arrival
    day, with a `problem` column (`span_problem`'s messages). A span without its article is left
    to the `article_exists` rules (one rule per failure).

    The spans are the build side of the join and the articles stream past them, so the texts
    are never all in memory. When an article_id appears twice (its own rule fails), a span is
    checked against the last row with it, once.
    """
    articles = tables.sql("articles")
    differs = (
        f"s.{quoted} is not null "
        f"and substring(a.text, s.start_char + 1, s.end_char - s.start_char) <> s.{quoted}"
    )
    return f"""
        with latest as (
            select article_id, {PARTITION_KEY}, max({{'f': filename, 'r': file_row_number}}) as k
            from {articles} where {tables.in_bucket()} group by article_id, {PARTITION_KEY}
        ),
        texts as (
            select a.article_id, a.{PARTITION_KEY}, coalesce(a.text_clean, '') as text
            from {articles} a semi join latest l
                on a.article_id = l.article_id and a.filename = l.k.f and a.file_row_number = l.k.r
        ),
        spans as (select * from ({spans_sql}) where {tables.in_bucket()}),
        checked as (
            select s.*,
                case
                    when s.start_char is null or s.end_char is null
                        or not (0 <= s.start_char and s.start_char < s.end_char
                                and s.end_char <= length(a.text))
                        then 'offsets ' || {_python_str("s.start_char")}
                            || '..' || {_python_str("s.end_char")}
                            || ' outside text_clean (length ' || length(a.text) || ')'
                    {f"when {differs} then '{QUOTE_DIFFERS}'" if quoted else ""}
                end as problem
            from texts a join spans s
                on a.article_id = s.article_id and a.{PARTITION_KEY} = s.{PARTITION_KEY}
        )
        select * from checked where problem is not null
    """


def events_offsets_inside_text(tables: Tables) -> str:
    """The evidence offsets point inside the article's text_clean (the quote has its own rule)."""
    spans = f"select event_id, article_id, start_char, end_char, {PARTITION_KEY} from {tables.sql('events')}"
    return _span_failures(tables, spans, quoted=None)


def events_evidence_matches_offsets(tables: Tables) -> str:
    """evidence == text_clean[start_char:end_char], so a reader can find the sentence again."""
    spans = (
        f"select event_id, article_id, evidence, start_char, end_char, {PARTITION_KEY} "
        f"from {tables.sql('events')}"
    )
    return f"select * from ({_span_failures(tables, spans, 'evidence')}) where problem = '{QUOTE_DIFFERS}'"


def participants_event_exists(tables: Tables) -> str:
    """Every participant row belongs to an event of the same day (a null event_id never does)."""
    return f"""
        select p.event_id, p.article_id, p.person_name, p.{PARTITION_KEY}
        from {tables.sql("event_participants")} p
        anti join (select event_id, {PARTITION_KEY} from {tables.sql("events")}) e
            on p.event_id = e.event_id and p.{PARTITION_KEY} = e.{PARTITION_KEY}
    """


def participants_person_name_not_empty(tables: Tables) -> str:
    """A participant has a name: some character that is not white space."""
    return f"""
        select event_id, article_id, person_name, role, {PARTITION_KEY} from {tables.sql("event_participants")}
        where not regexp_matches(coalesce(person_name, ''), '{NOT_WHITESPACE}')
    """


def mentions_article_exists(tables: Tables) -> str:
    return _article_exists(tables, "mentions", 'r.article_id, r.entity_type, r."text"')


def mentions_type_in_vocabulary(tables: Tables) -> str:
    return f"""
        select article_id, entity_type, "text", {PARTITION_KEY} from {tables.sql("mentions")}
        where entity_type is null or entity_type not in {_in_list(ENTITY_TYPES)}
    """


def mentions_offsets_valid(tables: Tables) -> str:
    """A mention's offsets lie inside text_clean and cover exactly its `text`.

    Both offsets null is allowed: an entity read outside text_clean (the published date of the
    metadata line) has no position there.
    """
    spans = f"""
        select article_id, entity_type, "text", start_char, end_char, {PARTITION_KEY}
        from {tables.sql("mentions")}
        where start_char is not null or end_char is not null
    """
    return _span_failures(tables, spans, '"text"')


# Blocking rules are key integrity: ids unique and set, keys set, rows pointing at the rows they
# belong to. Everything else warns. docs/quality.md says why each rule lives here or in the SQL tests.
RULES: tuple[Rule, ...] = (
    Rule("articles", "article_id_unique_not_null", "article_id is set and unique in the lake.",
         articles_id_unique_not_null, blocking=True),
    Rule("articles", "source_path_not_null", "source_path is set.", articles_source_path_not_null,
         blocking=True),
    Rule("articles", "language_is_ar_or_fr", "language is `ar` or `fr`.", articles_language_supported),
    Rule("articles", "language_score_in_0_1", "language_score is within 0..1.", articles_language_score_in_range),
    Rule("articles", "text_clean_not_empty", "text_clean is not empty.", articles_text_clean_not_empty),
    Rule("articles", "published_date_not_future", "published_date is not after today.",
         articles_published_date_not_future),
    Rule("normalization_edits", "start_char_not_negative", "start_char >= 0.", edits_start_char_not_negative),
    Rule("rejected_files", "reason_not_null", "Every rejected file has a reason.", rejected_reason_not_null),
    Rule("events", "event_id_unique_not_null", "event_id is set and unique in the lake.",
         events_id_unique_not_null, blocking=True),
    Rule("events", "article_exists", "Every event's article_id is an article of the same day.",
         events_article_exists, blocking=True),
    Rule("events", "event_type_in_vocabulary", f"event_type in {', '.join(EVENT_TYPES)}.",
         events_type_in_vocabulary),
    Rule("events", "date_precision_consistent", "date_precision is set exactly when event_date is, and a "
         "month/year date is its first day.", events_date_precision_consistent),
    Rule("events", "place_precision_consistent", f"place_precision is null or in {', '.join(PLACE_PRECISIONS)}, "
         "and the code of that level is set.", events_place_precision_consistent),
    Rule("events", "offsets_inside_text", "0 <= start_char < end_char <= len(text_clean).",
         events_offsets_inside_text, per_article=True),
    Rule("events", "evidence_matches_offsets", "evidence == text_clean[start_char:end_char].",
         events_evidence_matches_offsets, per_article=True),
    Rule("event_participants", "event_exists", "Every participant's event_id is an event of the same day.",
         participants_event_exists, blocking=True),
    Rule("event_participants", "person_name_not_empty", "Every participant has a name.",
         participants_person_name_not_empty),
    Rule("mentions", "article_exists", "Every mention's article_id is an article of the same day.",
         mentions_article_exists, blocking=True),
    Rule("mentions", "entity_type_in_vocabulary", f"entity_type in {', '.join(ENTITY_TYPES)}.",
         mentions_type_in_vocabulary),
    Rule("mentions", "offsets_valid", "Offsets (when set) lie inside text_clean and text == text_clean[start:end].",
         mentions_offsets_valid, per_article=True),
)  # fmt: skip


def rules_for(table: str) -> list[Rule]:
    return [r for r in RULES if r.table == table]


def evaluate(
    rule: Rule,
    lake_root: str,
    days: list[dt.date],
    sample_size: int = SAMPLE_SIZE,
    con: duckdb.DuckDBPyConnection | None = None,
) -> Outcome:
    """Run one rule on the partitions of `days`: the failing count and a sample, on `con` (a fresh
    capped DuckDB when None; `evaluate_tables` passes one connection for all its rules).

    A rule that joins rows to their article's text runs on batches of days holding at most
    ARTICLES_PER_BUCKET articles, a bigger day in buckets of articles, so what DuckDB holds
    follows the batch, not the run: a 100k-document week checked in one query ran out of its
    memory limit. Other rules stream, and run once over all the days. The sample comes from
    the earliest batches with failures.
    """
    if con is None:
        with _connect() as own:
            return evaluate(rule, lake_root, days, sample_size, own)
    failures, sample = 0, []
    for batch_days, bucket in _batches(rule, lake_root, days):
        sql = rule.query(Tables(con, lake_root, batch_days, bucket))
        found = con.execute(f"select count(*) from ({sql})").fetchall()[0][0]  # all: frees the cursor
        failures += found
        if found and len(sample) < sample_size:
            sample += _rows(con, sql, sample_size - len(sample))
    return Outcome(rule, failures, sample)


def _batches(
    rule: Rule, lake_root: str, days: list[dt.date]
) -> Iterator[tuple[list[dt.date], tuple[int, int]]]:
    """(days, (k, n) bucket) to evaluate `rule` on: all days at once unless it is `per_article`."""
    if not rule.per_article:
        yield days, (0, 1)
        return
    batch: list[dt.date] = []
    held = 0
    for day in days:
        articles = lake.row_count(lake_root, "articles", str(day), str(day))
        if batch and held + articles > ARTICLES_PER_BUCKET:
            yield batch, (0, 1)
            batch, held = [], 0
        if articles > ARTICLES_PER_BUCKET:  # one big day (a backfill): in buckets of articles
            n = -(-articles // ARTICLES_PER_BUCKET)
            yield from (([day], (k, n)) for k in range(n))
            continue
        batch.append(day)
        held += articles
    if batch:
        yield batch, (0, 1)


def evaluate_tables(lake_root: str, tables: Iterable[str], days: list[dt.date]) -> Iterator[Outcome]:
    """Every rule of `tables`, in order, on the partitions of `days`, on one DuckDB connection (opening
    one costs ~15 ms, more than most rules on a small run; each query still streams or runs in batches)."""
    with _connect() as con:
        for table in tables:
            for rule in rules_for(table):
                yield evaluate(rule, lake_root, days, con=con)


def evaluate_table(lake_root: str, table: str, days: list[dt.date]) -> list[Outcome]:
    return list(evaluate_tables(lake_root, [table], days))
