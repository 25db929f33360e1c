"""Configured sources' state: cursor and health. The cursor is written in the same transaction as the page's rows
(see services/sources.py), which is what makes a crash re-read at most one page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huisheng.storage.ingest import IngestSummary, quarantine_rows, upsert_records
from huisheng.storage.schema import Item, Quarantine, Source, utcnow


@dataclass
class SourceHealth:
    name: str
    kind: str
    cursor: dict
    last_run_at: datetime | None
    last_success_at: datetime | None
    last_error: str | None
    rows_fetched: int
    last_run_rows: int
    items: int
    quarantined: int
    configured: bool = True


def ensure_source(s: Session, name: str, kind: str, settings: dict) -> Source:
    src = s.scalar(select(Source).where(Source.name == name))
    if src is None:
        src = Source(name=name, kind=kind, settings=settings, cursor={})
        s.add(src)
        s.flush()
    elif src.kind != kind or src.settings != settings:
        src.kind, src.settings = kind, settings
    return src


def read_cursor(s: Session, name: str) -> dict:
    return dict(s.scalar(select(Source.cursor).where(Source.name == name)) or {})


def start_run(s: Session, name: str) -> None:
    src = s.scalar(select(Source).where(Source.name == name))
    src.last_run_at, src.last_run_rows = utcnow(), 0


def commit_page(s: Session, name: str, records, bad, cursor: dict) -> IngestSummary:
    """Land one page and move the cursor past it, in the caller's (single) transaction."""
    summary = upsert_records(s, name, records) if records else IngestSummary()
    summary.quarantined = quarantine_rows(s, name, bad)
    summary.read += len(bad)
    summary.errors = [str(b) for b in bad]
    src = s.scalar(select(Source).where(Source.name == name))
    src.cursor = dict(cursor)
    fetched = len(records) + len(bad)
    src.rows_fetched = (src.rows_fetched or 0) + fetched
    src.last_run_rows = (src.last_run_rows or 0) + fetched
    return summary


def finish_run(s: Session, name: str, error: str | None) -> None:
    src = s.scalar(select(Source).where(Source.name == name))
    src.last_error = error
    if error is None:
        src.last_success_at = utcnow()


def reset_cursor(s: Session, name: str) -> bool:
    src = s.scalar(select(Source).where(Source.name == name))
    if src is None:
        return False
    src.cursor = {}
    return True


def source_health(s: Session, configured: list[dict]) -> list[SourceHealth]:
    """One row per configured source (in configuration order), then sources known only from earlier runs."""
    rows = {src.name: src for src in s.scalars(select(Source))}
    items = dict(s.execute(select(Item.source_id, func.count()).group_by(Item.source_id)).all())
    quarantined = dict(s.execute(select(Quarantine.source_name, func.count()).group_by(Quarantine.source_name)).all())
    out: list[SourceHealth] = []
    names = [str(c.get("name")) for c in configured]
    for c in configured:
        src = rows.get(str(c.get("name")))
        out.append(SourceHealth(
            name=str(c.get("name")), kind=str(c.get("kind")), cursor=dict(src.cursor or {}) if src else {},
            last_run_at=src.last_run_at if src else None, last_success_at=src.last_success_at if src else None,
            last_error=src.last_error if src else None, rows_fetched=(src.rows_fetched or 0) if src else 0,
            last_run_rows=(src.last_run_rows or 0) if src else 0, items=items.get(src.id, 0) if src else 0,
            quarantined=quarantined.get(str(c.get("name")), 0)))
    for name, src in rows.items():
        if name not in names and src.last_run_at is not None:
            out.append(SourceHealth(name, src.kind, dict(src.cursor or {}), src.last_run_at, src.last_success_at,
                                    src.last_error, src.rows_fetched or 0, src.last_run_rows or 0,
                                    items.get(src.id, 0), quarantined.get(name, 0), configured=False))
    return out
