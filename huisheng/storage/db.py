"""Engine and sessions. SQLite by default (a file in the run-time home), PostgreSQL via postgresql+psycopg://."""

from __future__ import annotations

from contextlib import contextmanager
from functools import lru_cache
from typing import Iterator

from sqlalchemy import create_engine, event, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from huisheng.storage.schema import MIGRATIONS, SCHEMA_VERSION, Base, SchemaMeta


class SchemaVersionError(RuntimeError):
    pass


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
        """Create missing tables and stamp the schema version; upgrade an older database in place (MIGRATIONS);
        refuse one made by a newer huisheng."""
        Base.metadata.create_all(self.engine)
        with self.session() as s:
            row = s.get(SchemaMeta, "schema_version")
            if row is None:
                s.add(SchemaMeta(key="schema_version", value=str(SCHEMA_VERSION)))
                return self
            version = int(row.value)
            while version < SCHEMA_VERSION and version in MIGRATIONS:
                for ddl in MIGRATIONS[version]:
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
