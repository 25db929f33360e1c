"""What the clusters page shows: live clusters in the PM's chosen order, each with its trend, members and audit
entries, shaped into plain values and DataFrames. Nothing here touches Streamlit."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import pandas as pd
from sqlalchemy.orm import Session

from huisheng.app.data import audit_frame, cluster_category_filter, fmt_time, none_if_all
from huisheng.app.safe import one_line
from huisheng.models.normalize import join_title, user_voice
from huisheng.models.trends import Spike
from huisheng.services import trends
from huisheng.storage import clusters as cstore
from huisheng.storage import stats

QUOTES_ON_CARD = 3
SPARK_DAYS = 30
WEEKS_SHOWN = 12
SORT_LABELS = {
    "size_growth": "规模 × 增长 (size × growth)",
    "largest": "最大 (largest)",
    "newest": "最新 (newest)",
}
SORT_HELP = ("规模 × 增长 = 条数 × (近7天 + 1) / (前7天 + 1)，以数据中最新的一天为准 (size × growth: growth compares the "
             "last 7 days of the feed with the 7 before, +1 so quiet clusters count as flat); 最新 = 首次出现最晚 (newest "
             "= latest first voice).")


@dataclass
class ClusterCard:
    id: int
    label: str
    label_locked: bool
    category: str
    size: int
    status: str
    version: int
    first_seen: datetime | None
    last_seen: datetime | None
    keywords: list[str]
    quotes: list[str]
    growth: float = 1.0
    trend: trends.ClusterTrend | None = None
    daily: pd.DataFrame = field(default_factory=pd.DataFrame)  # every day of the cluster's history
    spike: Spike | None = None  # the latest day this cluster clearly beat its own baseline
    audit: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def score(self) -> float:
        return self.size * self.growth


def rank(clusters: list, order: str, growth: dict[int, float]) -> list:
    """Clusters (anything with id, size and first_seen: Cluster objects or light rows) in the board's order.
    ``growth``: cluster id → growth (missing: 1.0, flat)."""
    if order == "largest":
        return sorted(clusters, key=lambda c: (-(c.size or 0), c.id))
    if order == "newest":
        # a cluster without a first date (a split can leave one) goes last; datetime.min has no timestamp()
        return sorted(clusters, key=lambda c: (c.first_seen is None,
                                               -c.first_seen.timestamp() if c.first_seen else 0.0, -c.id))
    if order == "size_growth":
        return sorted(clusters, key=lambda c: (-(c.size or 0) * growth.get(c.id, 1.0), -(c.size or 0), c.id))
    raise ValueError(f"unknown order {order!r}; one of {list(SORT_LABELS)}")


def search_cluster_ids(s: Session, query: str) -> set[int] | None:
    """Clusters whose label or keywords hold the words, or with a member whose text does (None: no search)."""
    from huisheng.models.search_terms import query_terms
    from huisheng.storage import queue

    if not (query or "").strip():
        return None  # before query_terms: segmenting loads jieba's dictionary (a second) on a process's first call
    words = query_terms(query)
    if not words:
        return None
    found = set(queue.cluster_ids(s, queue.QueueFilter(status=None, search=query)))
    for c in cstore.board_cluster_rows(s):
        hay = " ".join([c.label or "", *[str(k) for k in (c.keywords or [])]]).lower()
        if all(w in hay for w in words):
            found.add(c.id)
    return found


def _board_clusters(s: Session, category: str | None, status: str | None, only: set[int] | None) -> list:
    """Light rows (id, label, category, size, first_seen, keywords) of the live clusters the filters keep."""
    clusters = cstore.board_cluster_rows(s, category=cluster_category_filter(category), status=none_if_all(status))
    return clusters if only is None else [c for c in clusters if c.id in only]


def cluster_total(s: Session, category: str | None, status: str | None, only: set[int] | None = None) -> int:
    return len(_board_clusters(s, category, status, only))


def cluster_cards(s: Session, category: str | None, status: str | None, tz: str, page: int = 1, page_size: int = 20,
                  order: str = "size_growth", only: set[int] | None = None) -> tuple[list[ClusterCard], int]:
    """A page of live clusters in ``order`` with their trends and audit entries; and how many clusters match.
    ``only``: restrict to these cluster ids (a search)."""
    all_clusters = _board_clusters(s, category, status, only)
    growth = trends.growth_by_cluster(s, tz) if order == "size_growth" else {}
    start = max(page - 1, 0) * page_size
    ids = [c.id for c in rank(all_clusters, order, growth)[start : start + page_size]]
    chosen = cstore.clusters_by_id(s, ids)
    daily = stats.cluster_daily_counts(s, ids, tz) if chosen else {}
    spikes = trends.spikes_from_daily(daily, trends.feed_span(s, tz), lookback=None) if chosen else {}
    recent = trends.cluster_trends(s, ids, tz, days=SPARK_DAYS, weeks=WEEKS_SHOWN)
    audit = cstore.cluster_decisions(s, ids)
    cards = []
    for c in chosen:
        # the user's words (quotes stored before they were cleaned may still carry an export's developer reply)
        quotes = [q for q in (user_voice(q) for q in (c.quotes or [])) if q][:QUOTES_ON_CARD]
        if not quotes:  # a cluster not yet refreshed by a run: its most similar members stand in
            quotes = [q for q in (user_voice(join_title(it.title, it.text)) for it, _a in
                                  cstore.cluster_members(s, c.id, limit=QUOTES_ON_CARD)) if q]
        t = recent.get(c.id)
        cards.append(ClusterCard(id=c.id, label=c.label or "", label_locked=bool(c.label_locked), category=c.category,
                                 size=int(c.size or 0), status=c.status, version=int(c.version), first_seen=c.first_seen,
                                 last_seen=c.last_seen, keywords=[str(k) for k in (c.keywords or [])], quotes=quotes,
                                 growth=t.growth if t else 1.0, trend=t, daily=daily_frame(daily.get(c.id, {})),
                                 spike=spikes.get(c.id), audit=audit_frame(audit.get(c.id, []), tz)))
    return cards, len(all_clusters)


def daily_frame(counter: dict) -> pd.DataFrame:
    days = [d for d in counter if d is not None]
    index = stats.date_range(days)
    return pd.DataFrame({"条数 (count)": [int(counter.get(d, 0)) for d in index]},
                        index=pd.Index([d.isoformat() for d in index], name="日期 (day)"))


def chart_spec(mark: str, height: int) -> dict:
    """A small Vega-Lite spec (day on x, count on y) for a card's charts, drawn with st.vega_lite_chart from
    ``chart_data``: the same picture as st.line_chart / st.bar_chart without building an Altair chart, whose schema
    validation costs about 0.1 s per chart: twenty charts on a page of ten cards were most of its render time."""
    return {"height": height, "mark": {"type": mark, "tooltip": True, **({"point": False} if mark == "line" else {})},
            # "2026-03-01" is parsed by the browser as UTC midnight; without a UTC time unit and scale it is drawn in
            # the viewer's local time, i.e. on the previous day west of UTC
            "encoding": {"x": {"field": "day", "type": "temporal", "timeUnit": "utcyearmonthdate", "scale": {"type": "utc"}, "title": None},
                         "y": {"field": "count", "type": "quantitative", "title": None}}}


def chart_data(frame: pd.DataFrame) -> pd.DataFrame:
    """A day-indexed count frame (``daily_frame``) as the two columns ``chart_spec`` draws."""
    return pd.DataFrame({"day": list(frame.index), "count": list(frame.iloc[:, 0]) if frame.shape[1] else []})


def weekly_frame(trend: trends.ClusterTrend | None) -> pd.DataFrame:
    """Week (Monday, local calendar) → count, for a small chart."""
    weeks = trend.weekly if trend else {}
    return pd.DataFrame({"条数 (count)": list(weeks.values())},
                        index=pd.Index([w.isoformat() for w in weeks], name="周一 (week of)"))


NUMBER_COLUMNS = ("id", "条数 (size)", "近7天 (last 7 d)", "前7天 (previous 7 d)", "增长 (growth)", "得分 (score)")


def overview_frame(cards: list[ClusterCard]) -> pd.DataFrame:
    """One row per card: the numbers behind the order, a 30-day sparkline and the weekly counts (lists, drawn by
    the page as chart columns)."""
    return pd.DataFrame(
        [{"id": c.id, "名称 (label)": one_line(c.label, 60), "条数 (size)": c.size, "近7天 (last 7 d)": c.trend.recent if c.trend else 0,
          "前7天 (previous 7 d)": c.trend.previous if c.trend else 0, "增长 (growth)": round(c.growth, 2),
          "得分 (score)": round(c.score, 1),
          "近30天 (daily, 30 d)": list(c.trend.daily.values()) if c.trend else [],
          "每周 (weekly)": list(c.trend.weekly.values()) if c.trend else []} for c in cards],
        columns=["id", "名称 (label)", "条数 (size)", "近7天 (last 7 d)", "前7天 (previous 7 d)",
                 "增长 (growth)", "得分 (score)", "近30天 (daily, 30 d)", "每周 (weekly)"])


def members_frame(s: Session, cluster_id: int, tz: str, limit: int = 200) -> pd.DataFrame:
    rows = cstore.cluster_member_rows(s, cluster_id, limit=limit)
    return pd.DataFrame(
        [{"id": r.id, "类别 (category)": r.human_category or r.category,
          "相似度 (similarity)": None if r.cluster_similarity is None else round(float(r.cluster_similarity), 3),
          "质量 (quality)": round(float(r.quality_score or 0.0), 3), "时间 (created)": fmt_time(r.created_at, tz),
          "作者 (author)": r.author or "", "内容 (text)": one_line(f"{r.title}\n{r.text}" if r.title else r.text, 300)}
         for r in rows],
        columns=["id", "类别 (category)", "相似度 (similarity)", "质量 (quality)", "时间 (created)", "作者 (author)",
                 "内容 (text)"])


def member_options(members: pd.DataFrame, chars: int = 50) -> dict[int, str]:
    """Member id → "#id short text": the choices of the split selector (plain text, never Markdown)."""
    return {int(i): f"#{int(i)} {one_line(t, chars)}" for i, t in zip(members["id"], members["内容 (text)"])}
