"""What the board's buttons do. Each action first asks huisheng/app/auth.py whether the signed-in user holds the
permission it needs (services/accounts.PERMISSIONS), then runs one storage function in one transaction with that
user as actor (the storage functions write the audit log in that same transaction), then queues a message.

They are used as ``on_click`` callbacks: Streamlit runs a callback before the next script run, with the arguments
bound when the button was drawn. So the page re-renders with the new state (no explicit ``st.rerun()`` needed), a
click is never lost because the item left the current page in the meantime, and ``expected_version`` is the cluster
version the PM was looking at, which is what optimistic locking needs.
"""

from __future__ import annotations

from typing import Callable

import streamlit as st
from sqlalchemy.orm import Session

from huisheng.app import auth, state
from huisheng.app.safe import one_line
from huisheng.storage import clusters as cstore
from huisheng.storage import curation


def key(prefix: str, obj_id: int, name: str) -> str:
    """Widget keys unique per item / cluster: ``mod_12_relabel``, ``cl_3_rename``."""
    return f"{prefix}_{obj_id}_{name}"


def _apply(fn: Callable[[Session, str], object], done: str, permission: str = "curate_items") -> bool:
    principal = auth.permitted(permission)
    if principal is None:
        return False
    actor = principal.name
    try:
        with state.get_db().session() as s:
            fn(s, actor)
    except cstore.StaleEdit as e:
        state.flash("error", f"该聚类已被他人修改，请刷新后重试 (changed by someone else, reload and retry): {e}")
        return False
    except (ValueError, KeyError) as e:
        state.flash("error", f"操作失败 (failed): {e}")
        return False
    state.flash("success", done)
    return True


# ---------------------------------------------------------------------------------------------------- items
def relabel_item(item_id: int, current_human: str | None = None) -> None:
    category = st.session_state.get(key("mod", item_id, "cat"))
    if category is not None and category == current_human:
        state.flash("info", f"#{item_id} 标签未变 (label unchanged): {category}")
        return
    _apply(lambda s, a: curation.relabel(s, item_id, category, a), f"#{item_id} → {category}")


def feature_item(item_id: int, featured: bool) -> None:
    _apply(lambda s, a: curation.set_featured(s, item_id, featured, a),
           f"#{item_id} {'已精选 (featured)' if featured else '已取消精选 (unfeatured)'}")


def mark_spam(item_id: int) -> None:
    _apply(lambda s, a: curation.mark_spam(s, item_id, a), f"#{item_id} 已标记为垃圾 (marked as spam)")


def approve_item(item_id: int) -> None:
    _apply(lambda s, a: curation.approve(s, item_id, a), f"#{item_id} 已通过 (approved)")


# ---------------------------------------------------------------------------------------------------- clusters
def rename_cluster(cluster_id: int, expected_version: int, current_label: str | None = None) -> None:
    label = str(st.session_state.get(key("cl", cluster_id, "label")) or "")
    if current_label is not None and label.strip() == current_label.strip():
        state.flash("info", f"聚类 #{cluster_id} 名称未变 (label unchanged).")
        return
    _apply(lambda s, a: cstore.rename(s, cluster_id, label, a, expected_version=expected_version),
           f"聚类 #{cluster_id} 已重命名 (renamed): {one_line(label, 80)}", "edit_clusters")


def set_cluster_status(cluster_id: int, expected_version: int, current_status: str | None = None) -> None:
    status = st.session_state.get(key("cl", cluster_id, "status"))
    if status == current_status:
        state.flash("info", f"聚类 #{cluster_id} 状态未变 (status unchanged): {status}")
        return
    _apply(lambda s, a: cstore.set_status(s, cluster_id, status, a, expected_version=expected_version),
           f"聚类 #{cluster_id} 状态 (status) → {status}", "edit_clusters")


def merge_cluster(cluster_id: int, expected_version: int | None = None) -> None:
    target = st.session_state.get(key("cl", cluster_id, "merge_target"))
    if not st.session_state.get(key("cl", cluster_id, "merge_confirm")):
        state.flash("warning", "请先勾选确认 (tick the confirmation box) before merging.")
        return
    if target is None:
        state.flash("warning", "请选择目标聚类 (choose a target cluster).")
        return
    if _apply(lambda s, a: cstore.merge(s, cluster_id, int(target), a, expected_version=expected_version),
              f"聚类 #{cluster_id} 已并入 (merged into) #{target}", "edit_clusters"):
        st.session_state[key("cl", cluster_id, "merge_confirm")] = False


def _refresh_now(cluster_ids: set[int]) -> None:
    """Centroids, keywords and quotes of both halves of a split, in the clusters' own vector space, so new items
    follow the split from the very next run (the PM's label stays: it is locked)."""
    from huisheng.services.recluster import refresh_clusters

    try:
        refresh_clusters(state.get_db(), state.settings(), cluster_ids)
    except Exception as e:  # noqa: BLE001 - the split itself is saved; the next run refreshes them anyway
        state.flash("warning", f"拆分已保存，关键词将在下次运行时更新 (split saved; keywords refresh at the next run): {e}")


def split_cluster(cluster_id: int, expected_version: int) -> None:
    items = list(st.session_state.get(key("cl", cluster_id, "split_items")) or [])
    label = str(st.session_state.get(key("cl", cluster_id, "split_label")) or "")
    if not items:
        state.flash("warning", "请先选择要拆分出的成员 (choose the members to split off).")
        return
    if not label.strip():
        state.flash("warning", "请为新聚类命名 (name the new cluster).")
        return
    new_ids: list[int] = []

    def do(s: Session, actor: str) -> None:
        new_ids.append(cstore.split(s, cluster_id, items, label, actor, expected_version=expected_version).id)

    if _apply(do, f"聚类 #{cluster_id} 拆分出 (split off) {len(items)} 条 → 新聚类 (new cluster): {one_line(label, 80)}",
              "edit_clusters"):
        state.flash("info", f"新聚类编号 (new cluster id): #{new_ids[0]}")
        _refresh_now({cluster_id, new_ids[0]})
        st.session_state[key("cl", cluster_id, "split_items")] = []
        st.session_state[key("cl", cluster_id, "split_label")] = ""
