"""What the board's hand-off panel shows, as plain values and DataFrames (no Streamlit here): configured targets,
each cluster's hand-off history with links, and the failed deliveries. Secrets are never part of any of it."""

from __future__ import annotations

import pandas as pd
from sqlalchemy.orm import Session

from huisheng.app.data import fmt_time
from huisheng.app.safe import one_line
from huisheng.handoff.config import handoff_config
from huisheng.storage import handoffs as hstore

STATUS_LABELS = {"pending": "待发送 (pending)", "sending": "发送中/中断 (sending or interrupted)",
                 "delivered": "已交接 (delivered)", "failed": "失败 (failed)"}
HISTORY_COLUMNS = ["目标 (target)", "状态 (status)", "引用 (reference)", "链接 (link)", "条数 (voices at hand-off)",
                   "交接时间 (delivered)", "尝试 (attempts)", "外部状态 (ticket)", "错误 (last error)"]
FAILURE_COLUMNS = ["聚类 (cluster)", "目标 (target)", "状态 (status)", "尝试 (attempts)", "更新 (updated)", "错误 (last error)"]


def target_choices(settings) -> dict[str, str]:
    """Target name → "name (kind)" for the selector."""
    try:
        cfg = handoff_config(settings)
    except ValueError:
        return {}
    return {name: f"{name} ({t.kind})" for name, t in sorted(cfg.targets.items())}


def safe_link(url: str | None) -> str | None:
    """Only http(s) links are clickable; anything else a vendor might return is dropped."""
    return url if url and url.lower().startswith(("https://", "http://")) else None


def history_frame(s: Session, cluster_id: int, tz: str) -> pd.DataFrame:
    rows = hstore.for_cluster(s, cluster_id)
    return pd.DataFrame([{
        "目标 (target)": r.target, "状态 (status)": STATUS_LABELS.get(r.status, r.status),
        "引用 (reference)": r.external_ref or "", "链接 (link)": safe_link(r.external_url),
        "条数 (voices at hand-off)": r.delivered_size, "交接时间 (delivered)": fmt_time(r.delivered_at, tz),
        "尝试 (attempts)": r.attempts, "外部状态 (ticket)": r.external_state or "",
        "错误 (last error)": one_line(r.last_error, 200)} for r in rows], columns=HISTORY_COLUMNS)


def failures_frame(s: Session, tz: str) -> pd.DataFrame:
    return pd.DataFrame([{
        "聚类 (cluster)": r.cluster_id, "目标 (target)": r.target, "状态 (status)": STATUS_LABELS.get(r.status, r.status),
        "尝试 (attempts)": r.attempts, "更新 (updated)": fmt_time(r.updated_at, tz),
        "错误 (last error)": one_line(r.last_error, 200)} for r in hstore.failures(s)], columns=FAILURE_COLUMNS)
