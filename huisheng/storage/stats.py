"""Read-only aggregates for the overview page and the run summary."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huisheng.storage.schema import Analysis, Cluster, Item, Quarantine


def local_day(dt: datetime | None, tz: str) -> date | None:
    if dt is None:
        return None
    return dt.replace(tzinfo=ZoneInfo("UTC")).astimezone(ZoneInfo(tz)).date()


def totals(s: Session) -> dict:
    return {
        "items": s.scalar(select(func.count(Item.id))) or 0,
        "analysed": s.scalar(select(func.count(Analysis.item_id))) or 0,
        "clusters": s.scalar(select(func.count(Cluster.id)).where(Cluster.merged_into.is_(None), Cluster.size > 0)) or 0,
        "quarantined": s.scalar(select(func.count(Quarantine.id))) or 0,
        "featured": s.scalar(select(func.count(Item.id)).where(Item.featured.is_(True))) or 0,
    }


def effective_category_counts(s: Session) -> dict[str, int]:
    effective = func.coalesce(Item.human_category, Analysis.category)
    rows = s.execute(select(effective, func.count()).join(Analysis, Analysis.item_id == Item.id).group_by(effective))
    # not dict(rows): a Result has keys(), so dict() would treat it as a mapping
    return {cat: int(n) for cat, n in rows}


def per_day(s: Session, tz: str = "Asia/Shanghai") -> dict[date, Counter]:
    """Local day → Counter of effective category."""
    out: dict[date, Counter] = defaultdict(Counter)
    q = (select(func.coalesce(Item.created_at, Item.ingested_at), func.coalesce(Item.human_category, Analysis.category))
         .join(Analysis, Analysis.item_id == Item.id))
    for when, cat in s.execute(q):
        out[local_day(when, tz)][cat] += 1
    return dict(sorted(out.items()))


def cluster_daily_counts(s: Session, cluster_ids: list[int] | None, tz: str = "Asia/Shanghai",
                         since: datetime | None = None) -> dict[int, Counter]:
    """Cluster → Counter of local day. ``cluster_ids=None``: every cluster (no huge IN list when ranking them all);
    ``since`` (naive UTC): only items from then on."""
    out: dict[int, Counter] = defaultdict(Counter)
    when_col = func.coalesce(Item.created_at, Item.ingested_at)
    q = select(Analysis.cluster_id, when_col).join(Item, Item.id == Analysis.item_id)
    q = q.where(Analysis.cluster_id.is_not(None) if cluster_ids is None else Analysis.cluster_id.in_(cluster_ids))
    if since is not None:
        q = q.where(when_col >= since)
    for cid, when in s.execute(q):
        out[cid][local_day(when, tz)] += 1
    return out


def local_midnight_utc(day: date, tz: str) -> datetime:
    """The naive-UTC instant a local day starts (how timestamps are stored)."""
    start = datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(tz))
    return start.astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


def date_range(days: list[date]) -> list[date]:
    if not days:
        return []
    start, end = min(days), max(days)
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]
