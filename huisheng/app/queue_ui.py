"""The moderation queue's controls, drawn by views/moderation.py (and the cluster cards' "all members" box, drawn
by views/clusters.py): the filters, the selectable table with its bulk bar, "apply to all N matching", undo.

The filters live in the session under ``<prefix>_*`` keys; ``filter_from_state`` turns them into the one
``storage.queue.QueueFilter`` that the page lists, counts and the "apply to all" button acts on.
"""

from __future__ import annotations

from datetime import date

import streamlit as st
from sqlalchemy.orm import Session

from huisheng.app import auth, bulk_actions, cached, data, state
from huisheng.models import CATEGORIES
from huisheng.storage import bulk, queue

VIEWS = {"table": "表格，可多选 (table, multi-select)", "cards": "卡片 (cards)"}
PAGE_SIZES = [10, 20, 50, 100, 200]


def _reset_page(prefix: str) -> None:
    st.session_state[f"{prefix}_page"] = 1


def filter_from_state(prefix: str) -> queue.QueueFilter:
    ss = st.session_state
    dates = ss.get(f"{prefix}_dates") or ()
    dates = tuple(dates) if isinstance(dates, (list, tuple)) else (dates,)
    qmin, qmax = ss.get(f"{prefix}_quality") or (0.0, 1.0)
    cmin, cmax = ss.get(f"{prefix}_confidence") or (0.0, 1.0)
    return queue.QueueFilter(
        category=data.none_if_all(ss.get(f"{prefix}_category")), status=data.none_if_all(ss.get(f"{prefix}_status", "pending")),
        search=str(ss.get(f"{prefix}_search") or ""),
        date_from=dates[0] if len(dates) > 0 and isinstance(dates[0], date) else None,
        date_to=dates[1] if len(dates) > 1 and isinstance(dates[1], date) else (dates[0] if len(dates) == 1 else None),
        tz=state.settings().timezone, sources=list(ss.get(f"{prefix}_sources") or []),
        ratings=[int(r) for r in ss.get(f"{prefix}_ratings") or []],
        app_versions=list(ss.get(f"{prefix}_versions") or []),
        quality_min=None if qmin <= 0 else float(qmin), quality_max=None if qmax >= 1 else float(qmax),
        confidence_min=None if cmin <= 0 else float(cmin), confidence_max=None if cmax >= 1 else float(cmax),
        unsure_only=bool(ss.get(f"{prefix}_unsure")))


def filters(s: Session, prefix: str = "mod") -> tuple[queue.QueueFilter, str, int, str]:
    """Draw the filter widgets; returns (filter, order, page size, view)."""
    reset = {"on_change": _reset_page, "args": (prefix,)}
    f1, f2, f3, f4, f5 = st.columns([3, 2, 2, 2, 2])
    f1.text_input("搜索 (search)", key=f"{prefix}_search", placeholder="中文关键词，空格分隔 (words, all must occur)",
                  max_chars=200, **reset)
    f2.selectbox("类别 (category)", [data.ALL, *CATEGORIES], key=f"{prefix}_category",
                 format_func=lambda c: "全部 (all)" if c == data.ALL else data.category_label(c), **reset)
    f3.selectbox("状态 (status)", list(data.MODERATION_STATUS_LABELS), key=f"{prefix}_status",
                 format_func=data.MODERATION_STATUS_LABELS.get, **reset)
    order = f4.selectbox("排序 (order)", list(data.ORDER_LABELS), key=f"{prefix}_order",
                         format_func=data.ORDER_LABELS.get, **reset)
    view = f5.radio("视图 (view)", list(VIEWS), key=f"{prefix}_view", format_func=VIEWS.get, horizontal=True)
    with st.expander("更多筛选 (more filters): 日期、来源、评分、版本、分数、不确定"):
        g1, g2, g3, g4 = st.columns(4)
        g1.date_input("日期范围 (date range)", value=(), key=f"{prefix}_dates", **reset)
        sources, ratings, versions = cached.filter_options(s)
        g2.multiselect("来源 (source)", sources, key=f"{prefix}_sources", **reset)
        g3.multiselect("评分 (rating)", ratings, key=f"{prefix}_ratings", **reset)
        g4.multiselect("版本 (app version)", versions, key=f"{prefix}_versions", **reset)
        h1, h2, h3 = st.columns(3)
        h1.slider("质量 (quality score)", 0.0, 1.0, (0.0, 1.0), 0.05, key=f"{prefix}_quality", **reset)
        h2.slider("模型置信 (model confidence)", 0.0, 1.0, (0.0, 1.0), 0.05, key=f"{prefix}_confidence", **reset)
        h3.checkbox(f"只看模型不确定的 (only unsure: margin < {queue.UNSURE_MARGIN})", key=f"{prefix}_unsure", **reset)
    page_size = st.selectbox("每页 (page size)", PAGE_SIZES, index=2, key=f"{prefix}_page_size", **reset)
    return filter_from_state(prefix), order, int(page_size), view


def table(rows: list[data.QueueRow], tz: str, prefix: str = "mod") -> None:
    """The page as a selectable table, and the bulk bar acting on the selected rows."""
    gen = int(st.session_state.get(f"{prefix}_table_gen", 0))  # a new key after each bulk action: selection cleared
    table_key = f"{prefix}_table_{gen}"
    st.session_state[f"{prefix}_table_key"] = table_key
    st.session_state[f"{prefix}_table_ids"] = [r.id for r in rows]
    st.dataframe(data.queue_frame(rows, tz), key=table_key, on_select="rerun", selection_mode="multi-row",
                 hide_index=True, width="stretch",
                 column_config={"内容 (text)": st.column_config.TextColumn(width="large")})
    sel = st.session_state.get(table_key)
    n = len(sel["selection"]["rows"]) if sel else 0
    b0, b1, b2, b3, b4 = st.columns([2, 1, 1, 1, 1], vertical_alignment="bottom")
    b0.selectbox("改为 (relabel to)", CATEGORIES, format_func=data.category_label, key=f"{prefix}_bulk_category")
    b1.button(f"改标签 (relabel) · {n}", key=f"{prefix}_bulk_relabel", on_click=bulk_actions.on_selected,
              args=("relabel", prefix), type="primary", disabled=not n)
    b2.button(f"垃圾 (spam) · {n}", key=f"{prefix}_bulk_spam", on_click=bulk_actions.on_selected,
              args=("mark_spam", prefix), disabled=not n)
    b3.button(f"通过 (approve) · {n}", key=f"{prefix}_bulk_approve", on_click=bulk_actions.on_selected,
              args=("approve", prefix), disabled=not n)
    b4.button(f"精选 (feature) · {n}", key=f"{prefix}_bulk_feature", on_click=bulk_actions.on_selected,
              args=("feature", prefix), disabled=not n)
    st.caption("在表格左侧勾选行，表头的勾选框选中本页全部 (tick rows on the left; the header box selects the page).")


def apply_to_all(total: int, prefix: str = "mod", shown: str | None = None) -> None:
    """``total``: the count the page showed; ``shown``: how it was shown ("10,000+" when the count stopped at its
    cap: then the action first shows the exact number and asks again)."""
    exact = shown is None or shown == str(total)
    shown = str(total) if shown is None else shown
    with st.expander(f"对全部 {shown} 条符合筛选的条目操作 (apply to all {shown} items matching these filters)"):
        _action_row(f"{prefix}_all", f"确认对全部 {shown} 条执行 (confirm: all {shown} items)",
                    bulk_actions.on_all_matching, (prefix, total if exact else None), disabled=not total,
                    primary=True)


def _action_row(base: str, confirm: str, on_click, args: tuple, disabled: bool = False, primary: bool = False) -> None:
    """Action, relabel target, confirmation box and apply button, keyed ``{base}_action`` … ``{base}_apply``."""
    c1, c2, c3, c4 = st.columns([2, 2, 3, 1], vertical_alignment="bottom")
    action = c1.selectbox("操作 (action)", list(bulk_actions.ACTION_LABELS), key=f"{base}_action",
                          format_func=bulk_actions.ACTION_LABELS.get)
    c2.selectbox("改为 (relabel to)", CATEGORIES, format_func=data.category_label, key=f"{base}_category",
                 disabled=action != "relabel")
    c3.checkbox(confirm, key=f"{base}_confirm")
    c4.button("执行 (apply)", key=f"{base}_apply", on_click=on_click, args=args, disabled=disabled,
              type="primary" if primary else "secondary")


def undo_panel(s: Session, tz: str, prefix: str = "mod") -> None:
    p = auth.current()
    if p is None:
        return
    groups = bulk.recent_groups(s, actor=None if p.can("undo_any") else p.name, limit=20)
    with st.expander("撤销 (undo): 最近的决定 (recent decisions)" + ("" if p.can("undo_any") else "，仅限自己的 (yours)")):
        if not groups:
            st.caption("还没有决定 (no decisions yet).")
            return
        text = {g.key: f"{data.fmt_time(g.at, tz)} · {g.actor} · {bulk_actions.ACTION_LABELS.get(g.action, g.action)}"
                       f" · {g.count} 条 (items)" + (f" · 已撤销 {g.undone} (undone)" if g.undone else "")
                for g in groups}
        u1, u2 = st.columns([4, 1], vertical_alignment="bottom")
        u1.selectbox("决定 (decision)", list(text), format_func=text.get, key=f"{prefix}_undo_group")
        u2.button("撤销 (undo)", key=f"{prefix}_undo", on_click=bulk_actions.on_undo, args=(prefix,))


def cluster_items_panel(cluster_id: int, size: int) -> None:
    """On a cluster card: one decision for every member (PMs and admins, see services/accounts.py)."""
    if not auth.can("curate_cluster_items"):
        return
    key = f"cl_{cluster_id}_items"
    with st.expander(f"对全部成员操作 (act on all {size} members)"):
        _action_row(key, f"确认对全部 {size} 条执行 (confirm)", bulk_actions.on_cluster_items, (cluster_id,))
