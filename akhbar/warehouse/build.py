"""The analyst warehouse: DuckDB views over the lake, the gazetteer, and the SQL models.

A small dbt-like runner (see docs/analyst_layer.md for why not dbt-duckdb):

- `dbt_like_sql/staging/*.sql` and `dbt_like_sql/marts/*.sql` each hold one `select`; the file
  name is the model name. A model reads other models with `{{ ref('name') }}` (or by plain
  name), lake tables and `gazetteer` / `vocabularies` by plain name. Dependencies are read from
  the SQL, so the build order (and the Dagster lineage) never needs to be written by hand.
- A leading `-- materialized: table` comment makes a table; otherwise a view.
- `dbt_like_sql/tests/*.sql` each return the rows that break a rule (zero rows = pass); a
  leading `-- guards: <model>` comment names the model the test is about.

The warehouse is rebuilt whole, in a new file next to `warehouse.duckdb`, and swapped in
with one `os.replace`: an analyst holding the old file open (even read-only, which DuckDB
locks) never blocks a run, and nobody ever sees half a warehouse. Views read the Parquet by
absolute path, so the file only works for the lake it was built from.

`update_warehouse` rebuilds only when an input changed: each build stores a fingerprint of
what it read (the lake's Parquet files by path, inode, size and mtime; the models' SQL; the
gazetteer, vocabularies and contract schemas) in the `akhbar_build` table of the file, so a
nightly run with nothing new leaves the file alone instead of rewriting it.
"""

from __future__ import annotations

import contextlib
import graphlib
import hashlib
import json
import os
import re
import threading
import time
import uuid
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import duckdb
import pyarrow as pa

from akhbar.extract.identity import role_codes
from akhbar.lake import duck
from akhbar.lexicons import gazetteer
from akhbar.tables import dictionary, schema
from akhbar.warehouse import resolve

SQL_DIR = Path(str(resources.files("akhbar.sql")))  # `dbt_like_sql/`, installed as package data
WAREHOUSE_FILE = "warehouse.duckdb"
MODEL_LAYERS = ("staging", "marts")
# loaded from Python, not from the lake: the gazetteer, the vocabularies, and the identities that
# `akhbar.warehouse.resolve` computes over the whole lake (cluster and person ids)
BASE_TABLES = ("gazetteer", "vocabularies", "event_identity", "participant_identity", "person_names")
AUDIT_VIEWS = ("raw_documents",)  # lake tables exposed for audit, not part of the contract
SAMPLE_ROWS = 5
STALE_TMP_S = 6 * 3600  # a build takes seconds: an older temporary file is a killed build's leftover
BUILD_TABLE = "akhbar_build"  # one row: the fingerprint of the inputs and the build's row counts
BUILD_VERSION = "2"  # bump when this module changes what a build writes: forces one rebuild

_REF = re.compile(r"\{\{\s*ref\(\s*['\"](\w+)['\"]\s*\)\s*\}\}|\bref\(\s*['\"](\w+)['\"]\s*\)")
_CONFIG = re.compile(r"^--\s*(materialized|guards)\s*:\s*(\w+)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class SqlFile:
    """One model or test: its name, compiled SQL (refs resolved), config and description."""

    name: str
    path: Path
    sql: str
    config: dict[str, str]
    description: str

    @property
    def materialized(self) -> str:
        return self.config.get("materialized", "view")


@dataclass
class WarehouseReport:
    path: Path
    base_rows: dict[str, int] = field(default_factory=dict)  # lake views and base tables
    model_rows: dict[str, int] = field(default_factory=dict)  # in build order
    rebuilt: bool = True
    reason: str = ""  # why it was rebuilt, or why not


@dataclass(frozen=True)
class TestResult:
    name: str
    model: str
    failing: int
    columns: list[str]
    sample: list[tuple]
    description: str = ""

    @property
    def passed(self) -> bool:
        return self.failing == 0


# ---------------------------------------------------------------- reading the SQL files


def _read(path: Path) -> SqlFile:
    text = path.read_text(encoding="utf-8")
    config = {k.lower(): v for k, v in _CONFIG.findall(text)}
    header = []
    for line in text.splitlines():
        if not line.startswith("--"):
            break
        if not _CONFIG.match(line):
            header.append(line.removeprefix("--").strip())
    sql = _REF.sub(lambda m: m.group(1) or m.group(2), text).strip().rstrip(";")
    return SqlFile(path.stem, path, sql, config, " ".join(header))


def models(sql_dir: str | Path = SQL_DIR) -> dict[str, SqlFile]:
    """Every model by name (staging, then marts; names are unique across layers)."""
    found: dict[str, SqlFile] = {}
    for layer in MODEL_LAYERS:
        for path in sorted((Path(sql_dir) / layer).glob("*.sql")):
            if path.stem in found:
                raise ValueError(f"two models named {path.stem}: {found[path.stem].path} and {path}")
            found[path.stem] = _read(path)
    return found


def data_tests(sql_dir: str | Path = SQL_DIR) -> list[SqlFile]:
    return [_read(p) for p in sorted((Path(sql_dir) / "tests").glob("*.sql"))]


def known_relations(sql_dir: str | Path = SQL_DIR) -> set[str]:
    return set(schema.CONTRACT_TABLES) | set(BASE_TABLES) | set(models(sql_dir))


_parser_lock = threading.Lock()


@lru_cache(maxsize=1)
def _parser() -> duckdb.DuckDBPyConnection:
    """One in-memory connection for parsing: opening one costs ~20 ms, a parse ~1 ms."""
    return duckdb.connect()


def tables_in(sql: str) -> list[str]:
    """Every table or view name a query reads, in order, as DuckDB's own parser sees it
    (`json_serialize_sql`): `from a, b`, quoted and `main.`-qualified names included."""
    return list(_tables_in(sql))


@lru_cache(maxsize=512)
def _tables_in(sql: str) -> tuple[str, ...]:
    with _parser_lock:
        tree = json.loads(_parser().execute("select json_serialize_sql(?)", [sql]).fetchone()[0])
    if tree.get("error"):
        raise ValueError(f"cannot parse SQL: {tree.get('error_message')}")
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("type") == "BASE_TABLE" and node.get("schema_name") in ("", "main"):
                found.append(node["table_name"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(tree)
    return tuple(found)


def relations_read(sql: str, known: set[str]) -> set[str]:
    """Relations a query reads: the tables it names that are known relations (CTE names are not)."""
    return {name for name in tables_in(sql) if name in known}


def model_dependencies(sql_dir: str | Path = SQL_DIR) -> dict[str, set[str]]:
    """Each model's upstream relations (other models, lake tables, gazetteer, vocabularies)."""
    known = known_relations(sql_dir)
    return {name: relations_read(m.sql, known) - {name} for name, m in models(sql_dir).items()}


def build_order(sql_dir: str | Path = SQL_DIR) -> list[str]:
    """Models so that each comes after the models it reads (a cycle raises)."""
    deps = model_dependencies(sql_dir)
    graph = {name: {d for d in upstream if d in deps} for name, upstream in deps.items()}
    return list(graphlib.TopologicalSorter(graph).static_order())


def guarded_model(test: SqlFile, known: set[str]) -> str:
    """The model a test is about: its `-- guards:` line, else the first model it reads."""
    guardable = known - set(schema.CONTRACT_TABLES)  # lake tables belong to the lake's assets
    if "guards" in test.config:
        if test.config["guards"] not in guardable:
            raise ValueError(f"data test {test.path} guards {test.config['guards']!r}, not a model")
        return test.config["guards"]
    match = next((n for n in tables_in(test.sql) if n in guardable), None)
    if match is None:
        raise ValueError(f"data test {test.path} reads no model; add `-- guards: <model>`")
    return match


# ---------------------------------------------------------------- building


def _duckdb_types(table_schema: pa.Schema) -> list[str]:
    return [str(t) for t in duckdb.from_arrow(table_schema.empty_table()).types]


def _lake_view_sql(lake: Path, table: str, con: duckdb.DuckDBPyConnection | None = None) -> str:
    """A view over a lake table's Parquet, or a typed empty view when it has no file yet.

    With `con`, the view lists the contract's columns in order, and a column no file has yet (a
    partition written before the column was added) is a typed null, so the models always bind.
    """
    folder = lake / table
    table_schema = schema.SCHEMAS[table]
    types = dict(zip(table_schema.names, _duckdb_types(table_schema), strict=True))
    if folder.is_dir() and any(folder.rglob("*.parquet")):
        glob = str(folder / "**" / "*.parquet").replace("'", "''")
        source = (
            f"read_parquet('{glob}', hive_partitioning = true, union_by_name = true, "
            f"hive_types = {{'{schema.PARTITION_KEY}': DATE}})"
        )
        if con is None:
            return f"select * from {source}"
        present = {row[0] for row in con.execute(f"describe select * from {source}").fetchall()}
        columns = [f'"{n}"' if n in present else f'cast(null as {t}) as "{n}"' for n, t in types.items()]
        extra = [f'"{n}"' for n in sorted(present - set(types)) if n != schema.PARTITION_KEY]
        return f"select {', '.join([*columns, *extra, schema.PARTITION_KEY])} from {source}"
    columns = [f'cast(null as {t}) as "{n}"' for n, t in types.items()]
    columns.append(f"cast(null as date) as {schema.PARTITION_KEY}")
    return f"select {', '.join(columns)} where false"


# The base tables' types, given rather than inferred (pyarrow's inference imports pandas: ~0.2 s a run).
GAZETTEER_SCHEMA = pa.schema(
    [
        *((c, pa.string()) for c in ("code", "level", "kind", "name_ar", "name_fr", "commune_code")),
        *((c, pa.string()) for c in ("province_code", "region_code")),
        ("population", pa.int64()),
    ]
)
VOCABULARIES_SCHEMA = pa.schema([("vocabulary", pa.string()), ("value", pa.string())])


@lru_cache(maxsize=1)
def gazetteer_table() -> pa.Table:
    """Every HCP code the place linker can emit: regions, provinces, communes, arrondissements.

    From `gazetteer.records()`, the linker's own source, rather than `entries()`: that one
    also lists Casablanca's `prefecture_of_arrondissements` as provinces, which no event can
    carry and which would count as provinces "without activity".
    """
    columns = ("code", "level", "kind", "name_ar", "name_fr", "commune_code", "province_code", "region_code")
    rows = [{c: getattr(rec, c) for c in (*columns, "population")} for rec in gazetteer.records()]
    return pa.Table.from_pylist(rows, schema=GAZETTEER_SCHEMA)


@lru_cache(maxsize=1)
def vocabularies_table() -> pa.Table:
    """The contract's closed vocabularies, for accepted-values tests: one place, akhbar.schema."""
    from akhbar.lexicons import read_lexicon

    vocab = {
        "event_type": schema.EVENT_TYPES,
        "entity_type": schema.ENTITY_TYPES,
        "date_precision": schema.DATE_PRECISIONS,
        "place_precision": schema.PLACE_PRECISIONS,
        "party": sorted({row["code"] for row in read_lexicon("parties.tsv") if row["code"] != "*"}),
        "role_code": role_codes(),
        "code_system": sorted(set(resolve.CODE_SYSTEMS.values())),
        "published_precision": schema.DATE_PRECISIONS,
    }
    return pa.Table.from_pylist(
        [{"vocabulary": k, "value": v} for k, values in vocab.items() for v in values],
        schema=VOCABULARIES_SCHEMA,
    )


def _remove_stale_tmp(lake: Path) -> None:
    """Temporary files of builds killed before their `finally` ran (kill -9, power loss)."""
    now = time.time()
    for path in lake.glob(f".{WAREHOUSE_FILE}.*.tmp*"):
        with contextlib.suppress(FileNotFoundError):
            if now - path.stat().st_mtime > STALE_TMP_S:
                path.unlink()


def _connect(path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    return duck.connect(str(path), read_only=read_only, spill="akhbar-warehouse")


def _local_lake(lake_root: str | Path) -> Path:
    if "://" in str(lake_root):
        raise ValueError(f"the warehouse is built next to a local lake, not on {lake_root}")
    return Path(lake_root).resolve()


@lru_cache(maxsize=1)
def _reference_digest() -> str:
    """The inputs that only change with the code: gazetteer, vocabularies, contract schemas, builder."""
    digest = hashlib.sha256(f"{BUILD_VERSION}\0{duckdb.__version__}\0".encode())
    for table in (gazetteer_table(), vocabularies_table()):
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, table.schema) as writer:
            writer.write_table(table)
        digest.update(sink.getvalue().to_pybytes())
    for table in (*schema.CONTRACT_TABLES, *AUDIT_VIEWS):
        digest.update(f"{table}\0{schema.SCHEMAS[table]}\0".encode())
    for name in resolve.LEXICONS:  # what the identity resolution reads
        digest.update(resources.files("akhbar").joinpath("lexicons", name).read_bytes())
    digest.update(Path(resolve.__file__).read_bytes())
    return digest.hexdigest()


def fingerprint(lake_root: str | Path, sql_dir: str | Path = SQL_DIR) -> dict[str, str]:
    """A digest of each input a build reads, by name: if one differs from the stored build's, rebuild.

    The lake's files are known by path, inode, size and mtime (a rewritten partition gets a new
    file), not by content: listing them costs one `stat` a file, reading them would cost the build.
    """
    lake = _local_lake(lake_root)
    files = hashlib.sha256(f"{lake}\0".encode())
    for table in (*schema.CONTRACT_TABLES, *AUDIT_VIEWS):
        folder = lake / table
        for path in sorted(folder.rglob("*.parquet")) if folder.is_dir() else []:
            st = path.stat()
            files.update(f"{path.relative_to(lake)}\0{st.st_ino}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    sql = hashlib.sha256()
    for name, model in sorted(models(sql_dir).items()):
        sql.update(f"{name}\0{model.sql}\0".encode())
    return {
        "lake files": files.hexdigest(),
        "SQL models": sql.hexdigest(),
        "gazetteer, vocabularies, schemas or builder": _reference_digest(),
    }


def stored_build(warehouse_path: str | Path) -> dict | None:
    """What the last build recorded (fingerprint, row counts), read-only; None if there is none."""
    path = Path(warehouse_path)
    if not path.exists():
        return None
    try:
        with _connect(path, read_only=True) as con:
            row = con.execute(f"select build from {BUILD_TABLE}").fetchone()
    except duckdb.Error:  # built before fingerprints, or held open read-write by someone
        return None
    return json.loads(row[0]) if row else None


def update_warehouse(lake_root: str | Path, sql_dir: str | Path = SQL_DIR) -> WarehouseReport:
    """The warehouse for the lake as it is now: rebuilt only when something it reads changed.

    When nothing did, the file is not touched (not even opened read-write) and the report
    carries the row counts the last build stored.
    """
    final = _local_lake(lake_root) / WAREHOUSE_FILE
    stored = stored_build(final)
    current = fingerprint(lake_root, sql_dir)
    if stored is None:
        reason = "no warehouse yet" if not final.exists() else "the warehouse has no build record"
    else:
        changed = [name for name, digest in current.items() if stored["fingerprint"].get(name) != digest]
        if not changed:
            return WarehouseReport(
                final, stored["base_rows"], stored["model_rows"], rebuilt=False,
                reason="nothing it reads changed since the last build",
            )  # fmt: skip
        reason = "changed since the last build: " + ", ".join(changed)
    return _build(lake_root, sql_dir, current, reason)


def build_warehouse(lake_root: str | Path, sql_dir: str | Path = SQL_DIR) -> WarehouseReport:
    """Views over every lake table + gazetteer + every SQL model (in dependency order), built in a
    temporary file and swapped in atomically. Returns per-model row counts."""
    return _build(lake_root, sql_dir, fingerprint(lake_root, sql_dir), "built on request")


def _build(
    lake_root: str | Path, sql_dir: str | Path, inputs: dict[str, str], reason: str
) -> WarehouseReport:
    """`build_warehouse`, recording `inputs` (the fingerprint taken before reading anything: a change
    during the build shows next time)."""
    lake = _local_lake(lake_root)
    lake.mkdir(parents=True, exist_ok=True)
    final = lake / WAREHOUSE_FILE
    _remove_stale_tmp(lake)
    tmp = lake / f".{WAREHOUSE_FILE}.{uuid.uuid4().hex}.tmp"
    report = WarehouseReport(final, reason=reason)
    all_models = models(sql_dir)
    try:
        with _connect(tmp) as con:
            # One thread: at 100,000 documents the aggregates of event_clusters (arg_min on struct
            # keys) and events_with_participants keep a state per thread that does not spill, and
            # two threads run out of the 256 MB; one fits, and at 10,000 is no slower (4.5 vs 5.3 s).
            con.execute("set threads = 1")
            con.execute("set allocator_background_threads = true")
            con.execute("begin")  # one commit: a sync per statement would cost a second
            lake_sql = {t: _lake_view_sql(lake, t, con) for t in (*schema.CONTRACT_TABLES, *AUDIT_VIEWS)}
            base = {"gazetteer": gazetteer_table(), "vocabularies": vocabularies_table()}
            identities = resolve.identities(con, lake_sql)
            base |= {
                "event_identity": identities.events,
                "participant_identity": identities.participants,
                "person_names": identities.persons,
            }
            del identities
            for name in list(base):  # each Arrow table let go once copied (~100 MB at 100k)
                con.register("_arrow", base.pop(name))
                con.execute(f"create table {name} as select * from _arrow")
                con.unregister("_arrow")
            resolve.release_memory()
            for table, sql in lake_sql.items():
                con.execute(f"create view {table} as {resolve.view_sql(table, sql)}")
            for name in (*schema.CONTRACT_TABLES, *BASE_TABLES):
                report.base_rows[name] = con.execute(f"select count(*) from {name}").fetchone()[0]
            for name in build_order(sql_dir):
                model = all_models[name]
                kind = "table" if model.materialized == "table" else "view"
                try:
                    con.execute(f"create or replace {kind} {name} as {model.sql}")
                except duckdb.Error as exc:
                    raise RuntimeError(f"model {name} ({model.path}) failed: {exc}") from exc
                report.model_rows[name] = con.execute(f"select count(*) from {name}").fetchone()[0]
            build = {"fingerprint": inputs, "base_rows": report.base_rows, "model_rows": report.model_rows}
            con.execute(f"create table {BUILD_TABLE} (built_at timestamptz, build varchar)")
            con.execute(f"insert into {BUILD_TABLE} values (now(), ?)", [json.dumps(build)])
            _comment_everything(con)
            con.execute("commit")
            con.execute("checkpoint")
        # a log left by a crashed read-write session on the old file must not be replayed on the new one
        Path(f"{final}.wal").unlink(missing_ok=True)
        os.replace(tmp, final)
    finally:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}.wal").unlink(missing_ok=True)
    return report


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _comment_everything(con: duckdb.DuckDBPyConnection) -> None:
    """`COMMENT ON` every view, table and column from the data dictionary (`akhbar.tables.dictionary`)."""
    relations = con.execute(
        "select table_name, list(column_name order by column_index) from duckdb_columns() "
        "where not internal and schema_name = 'main' group by table_name"
    ).fetchall()
    kinds = dict(con.execute("select view_name, 'view' from duckdb_views() where not internal").fetchall())
    for table, columns in relations:
        kind = kinds.get(table, "table")
        if description := dictionary.table_description(table):
            con.execute(f"comment on {kind} {table} is {_sql_string(description)}")
        for column in columns:
            if description := dictionary.column_description(table, column):
                con.execute(f'comment on column {table}."{column}" is {_sql_string(description)}')


def catalog(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """Every relation of a built warehouse and its columns, in the order they were created."""
    rows = con.execute(
        "select table_name, list(column_name order by column_index) from duckdb_columns() "
        "where not internal and schema_name = 'main' group by table_name order by min(table_oid)"
    ).fetchall()
    return dict(rows)


def run_data_tests(warehouse_path: str | Path, sql_dir: str | Path = SQL_DIR) -> list[TestResult]:
    """Run every data test on a built warehouse (read-only): failing row count and a sample."""
    known = known_relations(sql_dir)
    results = []
    with _connect(Path(warehouse_path), read_only=True) as con:
        for test in data_tests(sql_dir):
            try:  # the count first: it reads only the columns the test needs, and is usually 0
                failing = con.execute(f"select count(*) from ({test.sql})").fetchall()[0][0]
                cursor = con.execute(f"select * from ({test.sql}) limit {SAMPLE_ROWS if failing else 0}")
            except duckdb.Error as exc:
                raise RuntimeError(f"data test {test.name} ({test.path}) failed to run: {exc}") from exc
            columns = [d[0] for d in cursor.description]
            sample = cursor.fetchall()
            results.append(
                TestResult(test.name, guarded_model(test, known), failing, columns, sample, test.description)
            )
    return results
