"""Read-only aggregates for the overview page and the run summary."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Integer, and_, bindparam, case, cast, func, or_, select
from sqlalchemy.orm import Session

from huisheng.storage.schema import Analysis, Cluster, Decision, Item, Quarantine


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


def data_version(s: Session) -> tuple:
    """A cheap fingerprint of what the board's aggregates depend on (newest item, decision, quarantined row: three
    primary-key lookups): it changes when items arrive or a person decides something, so a cached aggregate keyed
    by it is recomputed then. A re-analysis of existing items does not change it: those caches also expire
    after a short time (app/cached.py)."""
    return (s.scalar(select(func.max(Item.id))), s.scalar(select(func.max(Decision.id))),
            s.scalar(select(func.max(Quarantine.id))))


def effective_category_counts(s: Session) -> dict[str, int]:
    """Effective category (a person's label wins over the model's) → analysed items. Counted as the model's
    categories (one scan of a small index) corrected by the items a person relabelled (their own index), not as a
    join of every item with its analysis: a fraction of a second at a million items instead of seconds."""
    counts: Counter = Counter()
    for cat, n in s.execute(select(Analysis.category, func.count()).group_by(Analysis.category)):
        counts[cat] += int(n)
    relabelled = (select(Analysis.category, Item.human_category, func.count()).join(Item, Item.id == Analysis.item_id)
                  # ">= ''" is IS NOT NULL for a text column, written as a range so SQLite reads the index
                  .where(Item.human_category >= "").group_by(Analysis.category, Item.human_category))
    for model_cat, human_cat, n in s.execute(relabelled):
        counts[model_cat] -= int(n)
        counts[human_cat] += int(n)
    return {cat: n for cat, n in counts.items() if n}


SLOT_SECONDS = 900  # every timezone's offset from UTC today is a multiple of 15 minutes


def _slot(s: Session, when):
    """SQL for the 15-minute slot (seconds since the epoch // SLOT_SECONDS) of a naive-UTC timestamp, so counts
    are grouped in the database and only the slots are turned into local days here; None on a backend without one
    (the caller then reads the timestamps)."""
    dialect = s.get_bind().dialect.name
    if dialect == "sqlite":
        return cast(func.strftime("%s", when), Integer).op("/")(SLOT_SECONDS)
    if dialect == "postgresql":
        return cast(func.floor(func.extract("epoch", when) / SLOT_SECONDS), Integer)
    return None


_EPOCH = datetime(1970, 1, 1)


def _slot_days(tz: str):
    """slot → local day (memoised: a slot repeats once per category or cluster)."""
    memo: dict = {}

    def day(slot) -> date | None:
        if slot is None:
            return None
        if slot not in memo:
            memo[slot] = local_day(_EPOCH + timedelta(seconds=int(slot) * SLOT_SECONDS), tz)
        return memo[slot]
    return day


def per_day(s: Session, tz: str = "Asia/Shanghai", days: int | None = None) -> dict[date, Counter]:
    """Local day → Counter of effective category; ``days``: only the last ``days`` local days up to the newest item's
    (the board's default window: a million items over nine months took seconds to count every day of).

    Counted in the database one local day at a time (a range of the created_at index, its few thousand rows
    grouped by category), not by reading every item's timestamp here nor by one GROUP BY over a computed day,
    which sorts every item: a million items in one to two seconds instead of fifteen. Items without a creation
    time count on the day they were ingested."""
    out: dict[date, Counter] = defaultdict(Counter)
    cat = func.coalesce(Item.human_category, Analysis.category)
    joined = select(cat, func.count()).select_from(Item).join(Analysis, Analysis.item_id == Item.id)
    lo, hi = s.scalar(select(func.min(Item.created_at))), s.scalar(select(func.max(Item.created_at)))
    first_day = None
    if days is not None:
        newest = max((w for w in (hi, s.scalar(select(func.max(Item.ingested_at)).where(Item.created_at.is_(None))))
                      if w is not None), default=None)
        if newest is None:
            return {}
        first_day = local_day(newest, tz) - timedelta(days=days - 1)
        if lo is not None:
            lo = max(lo, local_midnight_utc(first_day, tz))
    if lo is not None and lo <= hi:
        q = joined.where(Item.created_at >= bindparam("day_lo"), Item.created_at < bindparam("day_hi")).group_by(cat)
        day, last = local_day(lo, tz), local_day(hi, tz)
        start = local_midnight_utc(day, tz)
        nxt = select(func.min(Item.created_at)).where(Item.created_at >= bindparam("after"))
        while day <= last:
            end = local_midnight_utc(day + timedelta(days=1), tz)
            found = False
            for c, n in s.execute(q, {"day_lo": start, "day_hi": end}):
                out[day][c] += int(n)
                found = True
            day, start = day + timedelta(days=1), end
            if not found:  # a gap (e.g. one item dated 1970): jump to the next day with an item, one index seek
                after = s.scalar(nxt, {"after": end})
                if after is None:
                    break
                if local_day(after, tz) > day:
                    day = local_day(after, tz)
                    start = local_midnight_utc(day, tz)
    slot = _slot(s, Item.ingested_at)
    if slot is None:
        for when, c in s.execute(select(Item.ingested_at, cat).join(Analysis, Analysis.item_id == Item.id)
                                 .where(Item.created_at.is_(None))):
            out[local_day(when, tz)][c] += 1
    else:
        day_of = _slot_days(tz)
        undated = (select(slot, cat, func.count()).select_from(Item).join(Analysis, Analysis.item_id == Item.id)
                   .where(Item.created_at.is_(None)).group_by(slot, cat))
        for sl, c, n in s.execute(undated):
            out[day_of(sl)][c] += int(n)
    return dict(sorted(((d, c) for d, c in out.items() if c and (first_day is None or (d is not None and d >= first_day))),
                       key=lambda kv: (kv[0] is None, kv[0] or date.min)))


def since_clause(since: datetime):
    """``coalesce(created_at, ingested_at) >= since`` written so the created_at index can answer it."""
    return or_(Item.created_at >= since, and_(Item.created_at.is_(None), Item.ingested_at >= since))


def cluster_daily_counts(s: Session, cluster_ids: list[int] | None, tz: str = "Asia/Shanghai",
                         since: datetime | None = None) -> dict[int, Counter]:
    """Cluster → Counter of local day. ``cluster_ids=None``: every cluster (no huge IN list when ranking them all);
    ``since`` (naive UTC): only items from then on."""
    out: dict[int, Counter] = defaultdict(Counter)
    when_col = func.coalesce(Item.created_at, Item.ingested_at)
    slot = _slot(s, when_col)
    q = select(Analysis.cluster_id, when_col if slot is None else slot, *([] if slot is None else [func.count()]))
    q = q.select_from(Analysis).join(Item, Item.id == Analysis.item_id)
    q = q.where(Analysis.cluster_id.is_not(None) if cluster_ids is None else Analysis.cluster_id.in_(cluster_ids))
    if since is not None:
        q = q.where(since_clause(since))
    if slot is None:
        for cid, when in s.execute(q):
            out[cid][local_day(when, tz)] += 1
        return out
    day = _slot_days(tz)
    for cid, sl, n in s.execute(q.group_by(Analysis.cluster_id, slot)):
        out[cid][day(sl)] += int(n)
    return out


def cluster_window_counts(s: Session, since: datetime, split: datetime) -> dict[int, tuple[int, int]]:
    """Cluster → (items from ``since`` until ``split``, items from ``split`` on), both naive UTC, counted in the
    database: every cluster's growth without reading each recent item's timestamp."""
    when = func.coalesce(Item.created_at, Item.ingested_at)
    late = func.sum(case((when >= split, 1), else_=0))
    # grouped by "cluster_id + 0", not the column: otherwise SQLite walks the cluster index (every clustered item,
    # in group order) instead of the created_at index's few recent items
    cid = (Analysis.cluster_id + 0).label("cid")
    q = (select(cid, func.count(), late).select_from(Analysis).join(Item, Item.id == Analysis.item_id)
         .where(Analysis.cluster_id.is_not(None), since_clause(since)).group_by(cid))
    return {cid: (int(n) - int(n_late or 0), int(n_late or 0)) for cid, n, n_late in s.execute(q)}


def feed_span_utc(s: Session) -> tuple[datetime, datetime] | None:
    """Earliest and latest ``coalesce(created_at, ingested_at)`` of any item, read from the created_at index (and
    the few items without a creation time) rather than by scanning every item."""
    firsts = [s.scalar(select(func.min(Item.created_at))),
              s.scalar(select(func.min(Item.ingested_at)).where(Item.created_at.is_(None)))]
    lasts = [s.scalar(select(func.max(Item.created_at))),
             s.scalar(select(func.max(Item.ingested_at)).where(Item.created_at.is_(None)))]
    firsts, lasts = [d for d in firsts if d is not None], [d for d in lasts if d is not None]
    return (min(firsts), max(lasts)) if firsts else None


def local_midnight_utc(day: date, tz: str) -> datetime:
    """The naive-UTC instant a local day starts (how timestamps are stored)."""
    start = datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(tz))
    return start.astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


def date_range(days: list[date]) -> list[date]:
    if not days:
        return []
    start, end = min(days), max(days)
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]
