"""Which live clusters are spiking (as of the newest item in the feed)."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huisheng.models.trends import Spike, latest_spike
from huisheng.storage import clusters as cstore
from huisheng.storage.db import Database
from huisheng.storage.schema import Cluster, Item
from huisheng.storage.stats import cluster_daily_counts, local_day


def feed_span(s: Session, tz: str) -> tuple[date, date] | None:
    """First and last local day with any item: the window the feed was observed in."""
    first, last = s.execute(select(func.min(func.coalesce(Item.created_at, Item.ingested_at)),
                                   func.max(func.coalesce(Item.created_at, Item.ingested_at)))).one()
    return None if first is None else (local_day(first, tz), local_day(last, tz))


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
        daily = cluster_daily_counts(s, [c.id for c in cstore.board_clusters(s)], tz) if span else {}
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
