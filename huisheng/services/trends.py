"""How live clusters move: daily and weekly counts, growth, and which are spiking.

Everything is "as of" the feed's newest local day, not the wall clock: a feed loaded from last month's export
still shows its own recent week, and tests on the shipped sample do not drift with the calendar.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from huisheng.models.trends import (
    BASELINE_WINDOW,
    Spike,
    growth,
    latest_spike,
    week_start,
    weekly_counts,
    window_total,
)
from huisheng.storage import clusters as cstore
from huisheng.storage.db import Database
from huisheng.storage.schema import Cluster
from huisheng.storage.stats import (
    cluster_daily_counts,
    cluster_window_counts,
    feed_span_utc,
    local_day,
    local_midnight_utc,
)

GROWTH_WINDOW = 7  # days: growth compares the last week with the week before


def feed_span(s: Session, tz: str) -> tuple[date, date] | None:
    """First and last local day with any item: the window the feed was observed in."""
    span = feed_span_utc(s)
    return None if span is None else (local_day(span[0], tz), local_day(span[1], tz))


def spikes_from_daily(daily: dict[int, Counter], span: tuple[date, date] | None,
                      lookback: int | None = 7) -> dict[int, Spike]:
    """Latest spike per cluster within ``lookback`` days of the feed's last day (None: the whole history)."""
    if span is None:
        return {}
    start, as_of = span
    out = {}
    for cid, counts in daily.items():
        spike = latest_spike(dict(counts), as_of, lookback=lookback or (as_of - start).days + 1, observed_from=start)
        if spike:
            out[cid] = spike
    return out


def cluster_spikes(db: Database, tz: str = "Asia/Shanghai", lookback: int | None = 7) -> dict[int, Spike]:
    with db.session() as s:
        span = feed_span(s, tz)
        if span is None:
            return {}
        # a spike within ``lookback`` days is judged against the BASELINE_WINDOW days before it: older days are not
        # read (every run's summary counted every member of every cluster, a second at 100k items)
        since = None if not lookback else local_midnight_utc(span[1] - timedelta(days=lookback + BASELINE_WINDOW), tz)
        daily = cluster_daily_counts(s, [c.id for c in cstore.board_clusters(s)], tz, since=since)
    return spikes_from_daily(daily, span, lookback)


def spike_report(db: Database, tz: str = "Asia/Shanghai", lookback: int | None = 7) -> list[dict]:
    """Spiking clusters with their labels, as plain data for the run summary."""
    spikes = cluster_spikes(db, tz, lookback)
    if not spikes:
        return []
    with db.session() as s:
        labels = dict(s.execute(select(Cluster.id, Cluster.label).where(Cluster.id.in_(list(spikes)))).tuples().all())
    return [{"cluster_id": cid, "label": labels.get(cid, ""), "day": sp.day.isoformat(), "count": sp.count,
             "baseline": sp.baseline} for cid, sp in spikes.items()]


@dataclass
class ClusterTrend:
    daily: dict[date, int]  # the last ``days`` local days up to the feed's newest day, zeros included
    weekly: dict[date, int]  # Monday (local calendar) → count, the last ``weeks`` weeks
    recent: int  # items in the last GROWTH_WINDOW days
    previous: int  # items in the GROWTH_WINDOW days before those
    growth: float  # (recent + 1) / (previous + 1), see models.trends.growth


def cluster_trends(s: Session, cluster_ids: list[int], tz: str, days: int = 30, weeks: int = 12) -> dict[int, ClusterTrend]:
    """Daily and weekly counts per cluster in the configured timezone (weeks start on Monday)."""
    span = feed_span(s, tz)
    if span is None or not cluster_ids:
        return {}
    as_of = span[1]
    first_day = as_of - timedelta(days=days - 1)
    first_week = week_start(as_of) - timedelta(weeks=weeks - 1)
    since = min(first_day, first_week, as_of - timedelta(days=2 * GROWTH_WINDOW - 1))
    counts = cluster_daily_counts(s, cluster_ids, tz, since=local_midnight_utc(since, tz))
    out = {}
    for cid in cluster_ids:
        c = counts.get(cid, Counter())
        out[cid] = ClusterTrend(
            daily={first_day + timedelta(days=k): int(c.get(first_day + timedelta(days=k), 0)) for k in range(days)},
            weekly=weekly_counts(dict(c), first_week, as_of),
            recent=window_total(c, as_of, GROWTH_WINDOW),
            previous=window_total(c, as_of - timedelta(days=GROWTH_WINDOW), GROWTH_WINDOW),
            growth=growth(c, as_of, GROWTH_WINDOW))
    return out


def growth_by_cluster(s: Session, tz: str) -> dict[int, float]:
    """Growth of every cluster with items in the last two weeks (the rest are 1.0: flat), for ranking them all."""
    span = feed_span(s, tz)
    if span is None:
        return {}
    as_of = span[1]
    # growth() over local days, with the two windows' local midnights as UTC bounds: counted in the database
    since = local_midnight_utc(as_of - timedelta(days=2 * GROWTH_WINDOW - 1), tz)
    split = local_midnight_utc(as_of - timedelta(days=GROWTH_WINDOW - 1), tz)
    return {cid: (recent + 1) / (previous + 1)
            for cid, (previous, recent) in cluster_window_counts(s, since, split).items()}
