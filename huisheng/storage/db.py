"""Engine and sessions. SQLite by default (a file in the run-time home), PostgreSQL via postgresql+psycopg://."""

from __future__ import annotations

import re
from contextlib import contextmanager
from functools import lru_cache
from typing import Iterator

from sqlalchemy import create_engine, event, inspect, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from huisheng.storage.schema import MIGRATIONS, SCHEMA_VERSION, Base, SchemaMeta


class SchemaVersionError(RuntimeError):
    pass


_ADD_COLUMN = re.compile(r"\s*ALTER\s+TABLE\s+(\w+)\s+ADD\s+COLUMN\s+(\w+)", re.I)
_CREATE_INDEX = re.compile(r"\s*CREATE\s+(?:UNIQUE\s+)?INDEX\s+(\w+)\s+ON\s+(\w+)", re.I)


def _already_applied(conn, ddl: str) -> bool:
    """Whether one migration statement's effect is already in the database, so it is skipped rather than failing.

    Why: ``create_all`` runs first and builds a table the old database did not have in its current shape, so a
    later step's ``ADD COLUMN`` on it would fail with "duplicate column" (a schema-2 database without a users table
    upgrading through the accounts step); and SQLite runs ALTER outside the transaction, so a process killed in the
    middle of a step leaves some of its columns behind, and the re-run must finish the step instead of failing."""
    insp = inspect(conn)
    if m := _ADD_COLUMN.match(ddl):
        table, column = m.group(1), m.group(2)
        return insp.has_table(table) and column.lower() in {c["name"].lower() for c in insp.get_columns(table)}
    if m := _CREATE_INDEX.match(ddl):
        index, table = m.group(1), m.group(2)
        return insp.has_table(table) and index.lower() in {i["name"].lower() for i in insp.get_indexes(table) if i["name"]}
    return False


def _sqlite_pragmas(dbapi_conn, _record):
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")  # the board reads while a scheduled run writes
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


class Database:
    def __init__(self, url: str):
        self.url = url
        if url.startswith("sqlite"):
            path = url.split("///", 1)[-1]
            if path and path != ":memory:":
                from pathlib import Path

                Path(path).parent.mkdir(parents=True, exist_ok=True)
            # hide_parameters: an error message never carries a row's data (it may hold personal data)
            self.engine: Engine = create_engine(url, connect_args={"check_same_thread": False}, hide_parameters=True)
            event.listen(self.engine, "connect", _sqlite_pragmas)
        else:
            self.engine = create_engine(url, pool_pre_ping=True, hide_parameters=True)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def create(self) -> "Database":
        """Create missing tables and stamp the schema version; upgrade an older database in place (MIGRATIONS, each
        statement skipped where its column or index already exists); refuse one made by a newer huisheng."""
        Base.metadata.create_all(self.engine)
        with self.session() as s:
            row = s.get(SchemaMeta, "schema_version")
            if row is None:
                s.add(SchemaMeta(key="schema_version", value=str(SCHEMA_VERSION)))
                return self
            version = int(row.value)
            while version < SCHEMA_VERSION and version in MIGRATIONS:
                for ddl in MIGRATIONS[version]:
                    if not _already_applied(s.connection(), ddl):
                        s.execute(text(ddl))
                version += 1
                row.value = str(version)
            if version != SCHEMA_VERSION:
                raise SchemaVersionError(
                    f"database {self.url} has schema version {row.value}, this huisheng expects {SCHEMA_VERSION}"
                )
        return self

    def schema_version(self) -> int:
        with self.session() as s:
            return int(s.scalar(select(SchemaMeta.value).where(SchemaMeta.key == "schema_version")))

    @contextmanager
    def session(self) -> Iterator[Session]:
        s = self._sessions()
        try:
            yield s
            s.commit()
        except BaseException:
            s.rollback()
            raise
        finally:
            s.close()


@lru_cache(maxsize=8)
def open_database(url: str) -> Database:
    return Database(url).create()
