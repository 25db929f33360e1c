"""What the bulk buttons do: selected rows, all items matching the filters, all items of a cluster, undo.

Same pattern as actions.py: ask auth.py for the permission, run one storage function (storage/bulk.py) in one
transaction with the signed-in user as actor, queue a message. The filters are rebuilt from the session at click
time (queue_ui.filter_from_state), so "apply to all" acts on exactly what the page shows; if the count changed since
the moderator confirmed, nothing happens and the page says so.
"""

from __future__ import annotations

import streamlit as st

from huisheng.app import auth, state
from huisheng.storage import bulk, queue

ACTION_LABELS = {
    "relabel": "改标签 (relabel)",
    "mark_spam": "标记垃圾 (mark spam)",
    "approve": "通过 (approve)",
    "feature": "精选 (feature)",
    "unfeature": "取消精选 (unfeature)",
}


def _report(result: bulk.BulkResult, what: str) -> None:
    msg = f"{what}: {len(result.changed)} 条已更改 (changed)"
    if result.unchanged:
        msg += f", {len(result.unchanged)} 条本已如此 (already so)"
    if result.missing:
        msg += f", {len(result.missing)} 条不存在 (gone)"
    state.flash("success", msg)


def _run(permission: str, item_ids: list[int] | None, action: str, category: str | None, what: str,
         flt: queue.QueueFilter | None = None, expected: int | None = None) -> bool:
    principal = auth.permitted(permission)
    if principal is None:
        return False
    actor = principal.name
    try:
        with state.get_db().session() as s:
            note = None
            if item_ids is None:
                item_ids = queue.ids(s, flt)
                if expected is not None and len(item_ids) != expected:
                    state.flash("warning", f"符合条件的条目已变为 {len(item_ids)} 条 (was {expected} when you confirmed): "
                                           "请重新确认 (confirm again).")
                    return False
                note = f"all matching: {flt.describe()}"
            result = bulk.apply(s, item_ids, action, actor, category=category, note=note)
    except (ValueError, KeyError) as e:
        state.flash("error", f"操作失败 (failed): {e}")
        return False
    _report(result, what)
    return True


def on_selected(action: str, prefix: str) -> None:
    """Bulk buttons under the table: act on the selected rows of the current page."""
    table_key = st.session_state.get(f"{prefix}_table_key")
    selection = st.session_state.get(table_key) if table_key else None
    rows = list(selection["selection"]["rows"]) if selection else []
    page_ids = st.session_state.get(f"{prefix}_table_ids") or []
    ids = [page_ids[r] for r in rows if 0 <= r < len(page_ids)]
    if not ids:
        state.flash("warning", "请先在表格中勾选条目 (select rows in the table first).")
        return
    category = st.session_state.get(f"{prefix}_bulk_category") if action == "relabel" else None
    if _run("curate_items", ids, action, category, f"{ACTION_LABELS[action]} × {len(ids)}"):
        st.session_state[f"{prefix}_table_gen"] = int(st.session_state.get(f"{prefix}_table_gen", 0)) + 1


def on_all_matching(prefix: str, expected: int | None) -> None:
    """``expected``: the count the moderator confirmed (None: the page showed a capped count such as "10,000+"; then
    the exact number is shown first and confirmed a second time)."""
    from huisheng.app.queue_ui import filter_from_state

    if not st.session_state.get(f"{prefix}_all_confirm"):
        state.flash("warning", "请先勾选确认 (tick the confirmation box): 将作用于全部 "
                               f"{'符合筛选的' if expected is None else expected} 条.")
        return
    flt = filter_from_state(prefix)
    if expected is None:
        # the page could only say "10,000+": nothing this large changes before the moderator has seen the exact
        # number, so the first confirmation counts and asks again; the second is held to that number
        expected = st.session_state.pop(f"{prefix}_all_exact", None)
        if expected is None:
            with state.get_db().session() as s:
                exact = len(queue.ids(s, flt))
            st.session_state[f"{prefix}_all_exact"] = exact
            st.session_state[f"{prefix}_all_confirm"] = False
            state.flash("warning", f"将作用于 {exact:,} 条 (this changes exactly {exact:,} items): "
                                   "请再次勾选确认并执行 (tick the box and apply again to go ahead).")
            return
    action = st.session_state.get(f"{prefix}_all_action")
    category = st.session_state.get(f"{prefix}_all_category") if action == "relabel" else None
    if _run("curate_items", None, action, category, f"{ACTION_LABELS.get(action, action)} × 全部 (all)",
            flt=flt, expected=expected):
        st.session_state[f"{prefix}_all_confirm"] = False


def on_cluster_items(cluster_id: int) -> None:
    key = f"cl_{cluster_id}_items"
    if not st.session_state.get(f"{key}_confirm"):
        state.flash("warning", "请先勾选确认 (tick the confirmation box).")
        return
    action = st.session_state.get(f"{key}_action")
    category = st.session_state.get(f"{key}_category") if action == "relabel" else None
    if _run("curate_cluster_items", None, action, category,
            f"聚类 #{cluster_id} 全部成员 (all members): {ACTION_LABELS.get(action, action)}",
            flt=queue.QueueFilter(status=None, cluster_id=cluster_id)):
        st.session_state[f"{key}_confirm"] = False


def on_undo(prefix: str) -> None:
    key = st.session_state.get(f"{prefix}_undo_group")
    if not key:
        state.flash("warning", "请选择要撤销的决定 (choose a decision to undo).")
        return
    principal = auth.permitted("curate_items")
    if principal is None:
        return
    only_by = None if principal.can("undo_any") else principal.name
    try:
        with state.get_db().session() as s:
            r = bulk.undo_group(s, key, principal.name, only_by=only_by)
    except (ValueError, KeyError, PermissionError) as e:
        state.flash("error", f"撤销失败 (undo failed): {e}")
        return
    msg = f"已撤销 (undone) {len(r.undone)} 条"
    if r.conflicts:
        msg += f"; {len(r.conflicts)} 条之后已被修改，保持不变 (changed since, left as they are)"
    if r.already:
        msg += f"; {len(r.already)} 条早已撤销 (undone before)"
    state.flash("success" if r.undone else "info", msg)
