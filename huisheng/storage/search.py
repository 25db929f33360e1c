"""Chinese full-text search over items (the queue's and the clusters page's search box).

``search_terms`` holds each item's jieba terms (models/search_terms.py), refreshed lazily: ``sync`` segments only
items that are new or whose content hash changed since, so ingest needs no change and a search after a run costs one
anti-join plus the new items. Matching, by backend:
- SQLite with FTS5: an FTS5 table ``items_fts`` (rowid = item id) mirrors the terms; the query is
  an AND of quoted terms, so no user input is ever FTS syntax.
- PostgreSQL: ``string_to_array(terms, ' ') @> ARRAY[...]`` with a GIN index on that expression.
- anything else (SQLite built without FTS5): ``terms LIKE '% term %'`` for each term (a scan of one short column).
"""

from __future__ import annotations

from sqlalchemy import Integer, and_, column, or_, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from huisheng.models.search_terms import query_terms, text_terms
from huisheng.storage.schema import Item, SearchTerms

_FTS5: list[bool] = []  # does this process's SQLite library have FTS5?


def _dialect(s: Session) -> str:
    return s.get_bind().dialect.name


def _fts(s: Session, create: bool = False) -> bool:
    """Whether the SQLite FTS5 mirror is used; ``create`` makes sure it exists (cheap: IF NOT EXISTS)."""
    if _dialect(s) != "sqlite" or _FTS5 == [False]:
        return False
    if create or not _FTS5:
        try:
            with s.begin_nested():
                s.execute(text("CREATE VIRTUAL TABLE IF NOT EXISTS items_fts USING fts5(terms, "
                               "tokenize='unicode61')"))
            _FTS5[:] = [True]
        except OperationalError:  # a SQLite built without FTS5: the LIKE fallback
            _FTS5[:] = [False]
    return _FTS5[0]


def sync(s: Session, batch: int = 2000) -> int:
    """Segment the items that are new or changed since they were last indexed; returns how many."""
    fts = _fts(s, create=True)
    if _dialect(s) == "postgresql" and not s.scalar(
            text("SELECT 1 FROM pg_indexes WHERE indexname = 'ix_search_terms_array'")):
        # looked up first: CREATE INDEX takes a lock that would wait for a running pipeline's transaction
        s.execute(text("CREATE INDEX IF NOT EXISTS ix_search_terms_array ON search_terms "
                       "USING gin (string_to_array(terms, ' '))"))
    done = 0
    while True:
        rows = s.execute(
            select(Item.id, Item.title, Item.text, Item.content_hash, SearchTerms.item_id)
            .outerjoin(SearchTerms, SearchTerms.item_id == Item.id)
            .where(or_(SearchTerms.item_id.is_(None), SearchTerms.content_hash != Item.content_hash))
            .limit(batch)).all()
        if not rows:
            return done
        new = [{"item_id": i, "content_hash": h, "terms": text_terms(f"{t}\n{b}" if t else b)}
               for i, t, b, h, _known in rows]
        stale = [i for i, *_r, known in rows if known is not None]
        table = SearchTerms.__table__
        for start in range(0, len(stale), 900):  # executemany, never a statement per item (1 ms each in SQLite)
            s.execute(table.delete().where(table.c.item_id.in_(stale[start : start + 900])))
        s.execute(table.insert(), new)
        if fts:
            ids = [{"i": r["item_id"]} for r in new]
            s.execute(text("DELETE FROM items_fts WHERE rowid = :i"), ids)
            s.execute(text("INSERT INTO items_fts (rowid, terms) VALUES (:item_id, :terms)"), new)
        done += len(rows)


def _fts_query(terms: list[str]) -> str:
    return " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)


def _like_escape(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def matches(s: Session, query: str):
    """A WHERE clause on ``Item.id`` for items holding every word of ``query`` (None for an empty query).
    Call ``sync`` first (``moderation_queue`` does)."""
    terms = query_terms(query)
    if not terms:
        return None
    if _fts(s):
        ids = text("SELECT rowid FROM items_fts WHERE items_fts MATCH :fts_q").bindparams(fts_q=_fts_query(terms))
        return Item.id.in_(ids.columns(column("rowid", Integer)))
    if _dialect(s) == "postgresql":  # the exact expression of the GIN index created by sync, so the index is used
        contains = text("string_to_array(search_terms.terms, ' ') @> CAST(:pg_terms AS text[])").bindparams(
            pg_terms=terms)
        return Item.id.in_(select(SearchTerms.item_id).where(contains))
    return Item.id.in_(select(SearchTerms.item_id).where(
        and_(*[SearchTerms.terms.like(f"% {_like_escape(t)} %", escape="\\") for t in terms])))
