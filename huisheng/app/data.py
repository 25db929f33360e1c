"""What the pages show, loaded through the storage package and shaped into plain values and DataFrames.

Pages call these with an open session and render the result; nothing here touches Streamlit.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pandas as pd
from sqlalchemy.orm import Session

from huisheng.app.safe import one_line
from huisheng.models import CATEGORIES
from huisheng.storage import clusters as cstore
from huisheng.storage import curation, queue, stats
from huisheng.storage.ingest import list_quarantine
from huisheng.storage.schema import CLUSTER_STATUSES

CATEGORY_LABELS = {
    "bug": "缺陷 (bug)",
    "feature_request": "需求 (feature_request)",
    "quality_content": "优质内容 (quality_content)",
    "spam": "垃圾 (spam)",
    "other": "其他 (other)",
}
CLUSTER_STATUS_LABELS = {
    "new": "新建 (new)",
    "triaged": "已分诊 (triaged)",
    "handed_off": "已移交 (handed_off)",
    "done": "已完成 (done)",
    "declined": "不处理 (declined)",
}
MODERATION_STATUS_LABELS = {
    "pending": "待审 (pending)",
    "approved": "已通过 (approved)",
    "rejected": "已拒绝 (rejected)",
    "all": "全部 (all)",
}
ORDER_LABELS = {
    "quality": "质量优先 (quality)",
    "newest": "最新 (newest)",
    "least_confident": "模型最不确定 (least confident)",
}
ALL = "all"
# the clusters page opens on what a PM files tickets for; praise and chit-chat (other) are the biggest clusters of a
# real feed (two thirds of a real app's reviews) and pushed every bug and request below the fold
TRIAGE = "bug+feature_request"
TRIAGE_CATEGORIES = ("bug", "feature_request")
assert set(CLUSTER_STATUS_LABELS) == set(CLUSTER_STATUSES) and set(CATEGORY_LABELS) == set(CATEGORIES)


def category_label(cat: str | None) -> str:
    return CATEGORY_LABELS.get(cat or "", cat or "—")


def fmt_time(dt: datetime | None, tz: str) -> str:
    """Stored timestamps are naive UTC; show local minutes."""
    if dt is None:
        return "—"
    return dt.replace(tzinfo=ZoneInfo("UTC")).astimezone(ZoneInfo(tz)).strftime("%Y-%m-%d %H:%M")


def score_bars(scores: dict | None, width: int = 12) -> str:
    """Every category's probability as a fixed-width text bar chart (for st.code)."""
    scores = scores or {}
    lines = []
    for cat in CATEGORIES:
        p = float(scores.get(cat, 0.0) or 0.0)
        n = max(0, min(width, round(p * width)))
        lines.append(f"{cat:<16}{'█' * n}{'░' * (width - n)} {p:.2f}")
    return "\n".join(lines)


def none_if_all(value: str | None) -> str | None:
    return None if value in (None, "", ALL) else value


def cluster_category_filter(value: str | None) -> str | tuple[str, ...] | None:
    """The clusters page's category choice as storage takes it (TRIAGE: bugs and requests)."""
    return TRIAGE_CATEGORIES if value == TRIAGE else none_if_all(value)


# ---------------------------------------------------------------------------------------------------- overview
@dataclass
class Overview:
    totals: dict
    categories: pd.DataFrame  # index: category label, column: 条数
    per_day: pd.DataFrame  # index: day, one column per category
    quarantine: pd.DataFrame

    @property
    def empty(self) -> bool:
        return not any(self.totals.values())


def overview(s: Session, tz: str, quarantine_rows: int = 50, days: int | None = None) -> Overview:
    """``days``: the per-day chart's window, the last ``days`` days up to the newest item (None: every day)."""
    totals = stats.totals(s)
    counts = stats.effective_category_counts(s)
    cats = [c for c in CATEGORIES] + sorted(set(counts) - set(CATEGORIES))
    categories = pd.DataFrame({"条数 (count)": [int(counts.get(c, 0)) for c in cats]},
                              index=pd.Index([category_label(c) for c in cats], name="类别 (category)"))
    return Overview(totals=totals, categories=categories, per_day=per_day_frame(stats.per_day(s, tz, days)),
                    quarantine=quarantine_frame(list_quarantine(s, limit=quarantine_rows), tz))


def per_day_frame(days: dict[date, dict]) -> pd.DataFrame:
    """Local day (ISO string, so charts draw one bar per day) → counts per category; every day of the range is
    present (zeros where quiet)."""
    days = {d: c for d, c in days.items() if d is not None}
    index = stats.date_range(list(days))
    cats = list(CATEGORIES) + sorted({k for c in days.values() for k in c} - set(CATEGORIES))
    data = {category_label(cat): [int(days.get(d, {}).get(cat, 0)) for d in index] for cat in cats}
    return pd.DataFrame(data, index=pd.Index([d.isoformat() for d in index], name="日期 (day)"))


def quarantine_frame(rows, tz: str, raw_chars: int = 300) -> pd.DataFrame:
    return pd.DataFrame(
        [{"来源 (source)": q.source_name, "文件 (file)": q.file, "行号 (row)": q.row_number,
          "原因 (reason)": q.reason, "原始内容 (raw)": one_line(q.raw, raw_chars), "时间 (when)": fmt_time(q.created_at, tz)}
         for q in rows],
        columns=["来源 (source)", "文件 (file)", "行号 (row)", "原因 (reason)", "原始内容 (raw)", "时间 (when)"])


# -------------------------------------------------------------------------------------------------- moderation
@dataclass
class QueueRow:
    id: int
    source: str
    kind: str
    created_at: datetime | None
    author: str | None
    title: str | None
    text: str
    model_category: str
    scores: dict
    quality_score: float
    human_category: str | None
    featured: bool
    status: str
    model_version: str = ""
    explanation: list = field(default_factory=list)
    quality_parts: dict = field(default_factory=dict)
    meta: dict = field(default_factory=dict)
    cluster_id: int | None = None

    @property
    def effective_category(self) -> str:
        return self.human_category or self.model_category

    @property
    def confidence(self) -> float:
        return float(self.scores.get(self.model_category, 0.0) or 0.0)


def queue_count(s: Session, flt: "queue.QueueFilter") -> int:
    """Matching items, counted up to queue.COUNT_CAP (a result above it means "more than that": see ``count_text``)."""
    return queue.count(s, flt, cap=queue.COUNT_CAP)


def count_text(n: int) -> str:
    """A count for display: "10,000+" once it passed the cap it was counted to."""
    return f"{queue.COUNT_CAP:,}+" if n > queue.COUNT_CAP else str(n)


def queue_page(s: Session, flt: "queue.QueueFilter", order: str, page: int, page_size: int) -> list[QueueRow]:
    rows = queue.items(s, flt, order=order, limit=page_size, offset=max(page - 1, 0) * page_size)
    return [QueueRow(id=it.id, source=src, kind=it.kind, created_at=it.created_at, author=it.author, title=it.title,
                     text=it.text, model_category=a.category, scores=dict(a.scores or {}),
                     quality_score=float(a.quality_score or 0.0), human_category=it.human_category,
                     featured=bool(it.featured), status=it.moderation_status, model_version=a.model_version or "",
                     explanation=list(a.explanation or []), quality_parts=dict(a.quality_parts or {}),
                     meta=dict(it.meta or {}), cluster_id=a.cluster_id)
            for it, a, src in rows]


QUEUE_TABLE_COLUMNS = ["id", "内容 (text)", "模型 (model)", "置信 (confidence)", "人工 (human)", "质量 (quality)",
                       "状态 (status)", "精选 (featured)", "来源 (source)", "评分 (rating)", "版本 (version)",
                       "时间 (created)"]


def queue_frame(rows: list[QueueRow], tz: str, chars: int = 120) -> pd.DataFrame:
    """The queue as a table for row selection (plain text cells: never Markdown)."""
    return pd.DataFrame(
        [{"id": r.id, "内容 (text)": one_line(f"{r.title} | {r.text}" if r.title else r.text, chars),
          "模型 (model)": r.model_category, "置信 (confidence)": round(r.confidence, 2),
          "人工 (human)": r.human_category or "", "质量 (quality)": round(r.quality_score, 2),
          "状态 (status)": r.status, "精选 (featured)": r.featured, "来源 (source)": r.source,
          "评分 (rating)": r.meta.get("rating"), "版本 (version)": str(r.meta.get("app_version") or ""),
          "时间 (created)": fmt_time(r.created_at, tz)} for r in rows], columns=QUEUE_TABLE_COLUMNS)


QUALITY_PART_LABELS = {"length": "长度 length", "structure": "结构 structure", "density": "信息密度 density",
                       "originality": "原创 originality", "engagement": "互动 engagement"}


def why_text(explanation: list) -> str:
    """The terms that pushed the model's call, as plain text (they come from user text: never markdown)."""
    return "依据 (why): " + (" · ".join(str(t) for t, _ in explanation) if explanation else "—")


def quality_text(parts: dict) -> str:
    """Numbers only, so safe in a caption."""
    shown = [f"{label} {float(parts[k]):.2f}" for k, label in QUALITY_PART_LABELS.items() if k in parts]
    return " · ".join(shown)


def page_count(total: int, page_size: int) -> int:
    return max(1, -(-total // max(page_size, 1)))


# ---------------------------------------------------------------------------------------------------- clusters
def cluster_choices(s: Session) -> list[tuple[int, str]]:
    """(id, one-line description) of every live cluster, largest first: merge targets and export choices."""
    return [(c.id, f"#{c.id} {one_line(c.label, 40) or '(未命名 unnamed)'} · {category_label(c.category)} · {c.size} 条")
            for c in cstore.board_cluster_rows(s)]


# ---------------------------------------------------------------------------------------------------- audit log
AUDIT_COLUMNS = ["时间 (when)", "操作人 (who)", "操作 (action)", "对象 (target)", "之前 (before)", "之后 (after)"]


def decisions_frame(s: Session, tz: str, limit: int = 200) -> pd.DataFrame:
    return audit_frame(curation.decisions(s, limit=limit), tz)


def audit_frame(rows, tz: str) -> pd.DataFrame:
    """Decisions as a table (before/after as JSON text): the global log and each cluster's own."""
    def j(d: dict | None) -> str:
        return json.dumps(d or {}, ensure_ascii=False, sort_keys=True, default=str)

    return pd.DataFrame(
        [{"时间 (when)": fmt_time(d.at, tz), "操作人 (who)": d.actor, "操作 (action)": d.action,
          "对象 (target)": f"{d.target_type} #{d.target_id}", "之前 (before)": j(d.before), "之后 (after)": j(d.after)}
         for d in rows], columns=AUDIT_COLUMNS)


def csv_frame(content: str) -> pd.DataFrame:
    """An exported CSV as a table for the preview (every cell a string, as written)."""
    rows = list(csv.reader(io.StringIO(content)))
    if not rows:
        return pd.DataFrame()
    return pd.DataFrame(rows[1:], columns=rows[0])
