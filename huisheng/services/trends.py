"""Which live clusters are spiking now (as of the newest item in the feed)."""

from __future__ import annotations

from sqlalchemy import func, select

from huisheng.models.trends import Spike, latest_spike
from huisheng.storage import clusters as cstore
from huisheng.storage.db import Database
from huisheng.storage.schema import Item
from huisheng.storage.stats import cluster_daily_counts, local_day


def cluster_spikes(db: Database, tz: str = "Asia/Shanghai", lookback: int | None = 7) -> dict[int, Spike]:
    """Latest spike per cluster within ``lookback`` days of the newest item (None: the whole history)."""
    with db.session() as s:
        first, last = s.execute(select(func.min(func.coalesce(Item.created_at, Item.ingested_at)),
                                       func.max(func.coalesce(Item.created_at, Item.ingested_at)))).one()
        if first is None:
            return {}
        live = cstore.board_clusters(s)
        daily = cluster_daily_counts(s, [c.id for c in live], tz)
    start, as_of = local_day(first, tz), local_day(last, tz)
    out = {}
    for cid, counts in daily.items():
        spike = latest_spike(dict(counts), as_of, lookback=lookback or (as_of - start).days + 1, observed_from=start)
        if spike:
            out[cid] = spike
    return out
