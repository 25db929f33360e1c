"""Data for the sources page: one row per configured source, ready for a table (no Streamlit here)."""

from __future__ import annotations

import json
from datetime import datetime

import pandas as pd
from sqlalchemy.orm import Session

from huisheng.storage.sources import source_health

COLUMNS = ["名称 (name)", "类型 (kind)", "状态 (state)", "上次运行 (last run, UTC)", "上次成功 (last success, UTC)",
           "本次行数 (rows last run)", "累计行数 (rows fetched)", "条目 (items)", "隔离 (quarantined)",
           "游标 (cursor)", "最近错误 (last error)"]


def _when(dt: datetime | None) -> str:
    return dt.strftime("%Y-%m-%d %H:%M:%S") if dt else "—"


def health_table(s: Session, configured: list[dict]) -> tuple[pd.DataFrame, int]:
    """The table and how many sources are failing (their last run ended in an error)."""
    rows, failing = [], 0
    for h in source_health(s, configured):
        state = "失败 FAILING" if h.last_error else ("正常 ok" if h.last_success_at else "未运行 not run yet")
        failing += bool(h.last_error)
        cursor = json.dumps(h.cursor, ensure_ascii=False, default=str)
        rows.append([h.name, h.kind + ("" if h.configured else " (已移除 removed)"), state, _when(h.last_run_at),
                     _when(h.last_success_at), h.last_run_rows, h.rows_fetched, h.items, h.quarantined,
                     cursor if len(cursor) <= 120 else cursor[:117] + "...", h.last_error or ""])
    return pd.DataFrame(rows, columns=COLUMNS), failing
