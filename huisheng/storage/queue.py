"""The moderation queue with every filter the board offers, as one query that pages, counts, and feeds bulk actions
("apply to all N items matching these filters" acts on exactly the ids this query returns)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Float, cast, func, or_, select
from sqlalchemy.orm import Session

from huisheng.storage import search
from huisheng.storage.schema import Analysis, Item, Source

UNSURE_MARGIN = 0.2  # top-1 minus top-2 probability below this: the model is unsure (models/uncertainty.py)


@dataclass
class QueueFilter:
    category: str | None = None  # effective category: a person's label wins over the model's
    status: str | None = "pending"  # pending | approved | rejected | None (all)
    search: str = ""  # words that must all occur (jieba-segmented, storage/search.py)
    date_from: date | None = None  # local calendar days (``tz``), inclusive
    date_to: date | None = None
    tz: str = "UTC"
    sources: list[str] = field(default_factory=list)
    ratings: list[int] = field(default_factory=list)  # star ratings (metadata "rating")
    app_versions: list[str] = field(default_factory=list)  # metadata "app_version"
    quality_min: float | None = None
    quality_max: float | None = None
    confidence_min: float | None = None  # the model's probability for its own category
    confidence_max: float | None = None
    unsure_only: bool = False
    cluster_id: int | None = None
    featured: bool | None = None

    def describe(self) -> str:
        """One line for confirmations and the audit log."""
        parts = [f"{k}={v!r}" for k, v in vars(self).items()
                 if v not in (None, "", [], False) and k != "tz"]
        return ", ".join(parts) or "all items"


def _local_midnight_utc(d: date, tz: str) -> datetime:
    local = datetime.combine(d, time.min, tzinfo=ZoneInfo(tz))
    return local.astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


def _where(s: Session, q, f: QueueFilter):
    effective = func.coalesce(Item.human_category, Analysis.category)
    if f.category:
        q = q.where(effective == f.category)
    if f.status:
        q = q.where(Item.moderation_status == f.status)
    if f.search and f.search.strip():
        search.sync(s)
        clause = search.matches(s, f.search)
        if clause is not None:
            q = q.where(clause)
    if f.date_from:
        q = q.where(Item.created_at >= _local_midnight_utc(f.date_from, f.tz))
    if f.date_to:
        q = q.where(Item.created_at < _local_midnight_utc(f.date_to + timedelta(days=1), f.tz))
    if f.sources:
        q = q.where(Source.name.in_(f.sources))
    if f.ratings:
        q = q.where(cast(Item.meta["rating"].as_float(), Float).in_([float(r) for r in f.ratings]))
    if f.app_versions:
        q = q.where(Item.meta["app_version"].as_string().in_([str(v) for v in f.app_versions]))
    if f.quality_min is not None:
        q = q.where(Analysis.quality_score >= f.quality_min)
    if f.quality_max is not None:
        q = q.where(Analysis.quality_score <= f.quality_max)
    if f.confidence_min is not None or f.confidence_max is not None:
        conf = _own_probability()
        if f.confidence_min is not None:
            q = q.where(conf >= f.confidence_min)
        if f.confidence_max is not None:
            q = q.where(conf <= f.confidence_max)
    if f.unsure_only:
        q = q.where(Analysis.margin < UNSURE_MARGIN)
    if f.cluster_id is not None:
        q = q.where(Analysis.cluster_id == f.cluster_id)
    if f.featured is not None:
        q = q.where(Item.featured.is_(f.featured))
    return q


def _own_probability():
    """The model's probability for the category it chose, from the JSON scores (portable: one CASE per category)."""
    from sqlalchemy import case

    from huisheng.models import CATEGORIES

    return case(*[(Analysis.category == c, Analysis.scores[c].as_float()) for c in CATEGORIES], else_=0.0)


def _base(columns):
    return (select(*columns).select_from(Item).join(Analysis, Analysis.item_id == Item.id)
            .join(Source, Source.id == Item.source_id))


def _ordered(q, order: str):
    if order == "newest":
        return q.order_by(Item.created_at.desc().nulls_last(), Item.id.desc())
    if order == "least_confident":
        return q.order_by(Analysis.margin.asc().nulls_last(), Item.id)
    return q.order_by(Analysis.quality_score.desc(), Item.id)


def items(s: Session, f: QueueFilter, order: str = "quality", limit: int = 50,
          offset: int = 0) -> list[tuple[Item, Analysis, str]]:
    """One page of the queue in ``order``.

    The quality and least-confident orders add an always-true range on their ordering column (quality_score is
    NOT NULL; the margin's NULLs are read separately, after every non-null one): with it SQLite's planner walks
    that column's index and stops after the page instead of sorting every matching item (seconds at a million
    items); PostgreSQL gets the same plan without it and the same rows either way."""
    base = _where(s, _base([Item, Analysis, Source.name]), f)
    if order == "least_confident":
        known = base.where(Analysis.margin >= -math.inf)
        rows = list(s.execute(known.order_by(Analysis.margin.asc(), Item.id).offset(offset).limit(limit)).tuples())
        if len(rows) == limit:
            return rows
        # past the last item with a margin: the items without one follow, by id
        skip = 0 if rows else max(offset - int(s.scalar(select(func.count()).select_from(
            _where(s, _base([Item.id]), f).where(Analysis.margin.is_not(None)).subquery())) or 0), 0)
        unknown = base.where(Analysis.margin.is_(None)).order_by(Item.id)
        return rows + list(s.execute(unknown.offset(skip).limit(limit - len(rows))).tuples())
    if order != "newest":  # quality (the default)
        base = base.where(Analysis.quality_score >= -math.inf)  # (PostgreSQL sorts NaN above +inf: >= keeps it)
    return list(s.execute(_ordered(base, order).offset(offset).limit(limit)).tuples())


COUNT_CAP = 10_000  # the board counts up to here and shows more as "10,000+" (count(cap=...))


def count(s: Session, f: QueueFilter, cap: int | None = None) -> int:
    """How many items match; with ``cap``, stops counting at cap + 1 (so a result above ``cap`` means "more than
    cap"): a count of every pending item of a million joins them all, a capped one reads a few thousand rows."""
    if cap is None:
        return int(s.scalar(_where(s, _base([func.count()]), f)) or 0)
    matching = _where(s, _base([Item.id]), f).limit(cap + 1).subquery()
    return int(s.scalar(select(func.count()).select_from(matching)) or 0)


def ids(s: Session, f: QueueFilter, order: str = "quality") -> list[int]:
    """Every matching item id (for "apply to all N matching these filters")."""
    return list(s.scalars(_ordered(_where(s, _base([Item.id]), f), order)))


def cluster_ids(s: Session, f: QueueFilter) -> list[int]:
    """Clusters holding at least one matching item (the clusters page's search)."""
    q = _where(s, _base([Analysis.cluster_id]), f).where(Analysis.cluster_id.is_not(None)).distinct()
    return list(s.scalars(q))


def source_names(s: Session) -> list[str]:
    return list(s.scalars(select(Source.name).order_by(Source.name)))


def meta_options(s: Session, versions: int = 200) -> tuple[list[int], list[str]]:
    """``ratings`` and ``app_versions`` from one read of the items' metadata instead of two."""
    r, v = Item.meta["rating"].as_float(), Item.meta["app_version"].as_string()
    found = s.execute(select(r, v).where(or_(r.is_not(None), v.is_not(None))).distinct()).all()
    ratings = sorted({int(x) for x, _v in found if x is not None})
    return ratings, sorted({x for _r, x in found if x}, reverse=True)[:versions]


def app_versions(s: Session, limit: int = 200) -> list[str]:
    v = Item.meta["app_version"].as_string()
    return [x for x in s.scalars(select(v).where(v.is_not(None)).distinct().order_by(v.desc()).limit(limit)) if x]


def ratings(s: Session) -> list[int]:
    r = Item.meta["rating"].as_float()
    return sorted({int(x) for x in s.scalars(select(r).where(r.is_not(None)).distinct()) if x is not None})
