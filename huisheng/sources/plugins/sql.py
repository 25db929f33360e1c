"""``sql``: rows of a table or a query in another database, read in keyset pages.

Options: url (SQLAlchemy URL) or url_env (environment variable holding it: the URL usually carries a password),
table or query, cursor_column (a column that only grows: an auto-increment id or an updated_at), id_column (the
row's id; default "id"), fields (canonical field → column), meta (columns kept), page_size (1000).

Pages are ``WHERE (cursor, id) > (last cursor, last id) ORDER BY cursor, id LIMIT page_size``, so rows sharing a
cursor value are neither skipped nor read twice across a page boundary. Cursor: {"after": [cursor, id]}, the last
committed row.
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Iterator

from sqlalchemy import create_engine, text

from huisheng.sources.plugins import Page, SourceConfigError, SourcePlugin
from huisheng.sources.plugins.mapping import ObjectMapper
from huisheng.sources.records import Record

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$")


def to_json(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    return value


def from_json(value: Any) -> Any:
    if isinstance(value, dict):
        if "datetime" in value:
            return datetime.fromisoformat(value["datetime"])
        if "date" in value:
            return date.fromisoformat(value["date"])
        if "decimal" in value:
            return Decimal(value["decimal"])
    return value


class SqlSource(SourcePlugin):
    kind = "sql"

    def __init__(self, name, options, context=None):
        super().__init__(name, options, context)
        url_env = self.option("url_env", None, (str,))
        if url_env:
            self.url = os.environ.get(url_env) or ""
            if not self.url:
                raise SourceConfigError(f"source {name!r}: the environment variable {url_env} (url_env) is not set")
        else:
            self.url = self.option("url", types=(str,))
        self.table = self.option("table", None, (str,))
        self.query = self.option("query", None, (str,))
        if bool(self.table) == bool(self.query):
            raise SourceConfigError(f"source {name!r}: give exactly one of table or query")
        self.cursor_column = self.option("cursor_column", types=(str,))
        self.id_column = self.option("id_column", "id", (str,))
        for key, ident in (("table", self.table), ("cursor_column", self.cursor_column), ("id_column", self.id_column)):
            if ident and not _IDENT.match(ident):
                raise SourceConfigError(f"source {name!r}: {key} {ident!r} is not a plain identifier")
        self.page_size = int(self.option("page_size", 1000, (int,)))
        fields = dict(self.option("fields", {}, (dict,)))
        fields.setdefault("id", self.id_column)
        self.mapper = ObjectMapper(name, fields, self.option("meta", [], (list,)), self.context.max_text_chars,
                                   self.context.timezone, self.option("default_kind", None, (str,)))

    def _statement(self, engine, first: bool):
        q = engine.dialect.identifier_preparer
        cur, ident = q.quote(self.cursor_column), q.quote(self.id_column)
        origin = ".".join(q.quote(p) for p in self.table.split(".")) if self.table else f"({self.query}) AS huisheng_q"
        where = "" if first else f"WHERE {cur} > :c OR ({cur} = :c AND {ident} > :i)"
        return text(f"SELECT * FROM {origin} {where} ORDER BY {cur}, {ident} LIMIT :n")

    def pages(self, cursor: dict) -> Iterator[Page]:
        after = cursor.get("after")
        engine = create_engine(self.url)
        where = f"{self.name}:{self.table or 'query'}"
        try:
            while True:
                params: dict[str, Any] = {"n": self.page_size}
                if after is not None:
                    params["c"], params["i"] = from_json(after[0]), from_json(after[1])
                with engine.connect() as conn:
                    rows = [dict(r._mapping) for r in conn.execute(self._statement(engine, after is None), params)]
                if not rows:
                    return
                records, bad = [], []
                for row in rows:
                    rid = row.get(self.id_column)
                    built = self.mapper.build(row, int(rid) if isinstance(rid, int) else 0, f"{where}#{rid}")
                    (records if isinstance(built, Record) else bad).append(built)
                last = rows[-1]
                if self.cursor_column not in last or self.id_column not in last:
                    raise SourceConfigError(f"source {self.name!r}: the rows have no column "
                                            f"{self.cursor_column!r} or {self.id_column!r}")
                after = [to_json(last[self.cursor_column]), to_json(last[self.id_column])]
                yield Page(records, bad, {"after": after}, f"{where} after {after}")
                if len(rows) < self.page_size:
                    return
        finally:
            engine.dispose()
