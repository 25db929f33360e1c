"""The clusters page's hand-off action: choose a target, preview the exact payload, send; the cluster's hand-off
history with links; the failed deliveries with a retry button.

Kept in its own module, drawn by two calls from views/clusters.py, so the accounts work can gate it with one
permission check (``may_hand_off``) without touching the page.
"""

from __future__ import annotations

import streamlit as st

from huisheng.app import handoff_data, state
from huisheng.app.actions import key
from huisheng.app.safe import md_escape

SEND_RETRIES = 1  # the board waits for the answer: one quick retry, the rest is `huisheng handoff --retry` / the flow


def may_hand_off() -> bool:
    """Who may hand off: the permission table in services/accounts.py (pm, admin)."""
    from huisheng.app import auth

    return auth.can("handoff")


def _service():
    from huisheng.services import handoff as service

    return service


def _actor() -> str | None:
    """The signed-in user if they hold the "handoff" permission (see auth.permitted)."""
    from huisheng.app import auth

    principal = auth.permitted("handoff")
    return principal.name if principal else None


def send(cluster_id: int) -> None:
    target = st.session_state.get(key("ho", cluster_id, "target"))
    actor = _actor()
    if not actor:
        return
    if not target:
        state.flash("warning", "请选择交接目标 (choose a target).")
        return
    _deliver(cluster_id, target, actor)


def retry(cluster_id: int, target: str) -> None:
    actor = _actor()
    if actor:
        _deliver(cluster_id, target, actor)


def _deliver(cluster_id: int, target: str, actor: str) -> None:
    service = _service()
    try:
        r = service.deliver(state.get_db(), state.settings(), cluster_id, target, retries=SEND_RETRIES,
                            backoff=0.5, actor=actor)
    except (service.HandoffFailed, KeyError, ValueError) as e:
        state.flash("error", f"交接失败 (hand-off failed): 聚类 #{cluster_id} → {target}: {e}")
        return
    words = {"created": "已创建 (created)", "adopted": "已找回 (found existing)", "updated": "已更新 (updated)",
             "unchanged": "无变化，未重复发送 (unchanged, nothing sent)"}
    state.flash("success", f"聚类 #{cluster_id} → {target}: {r.external_ref} · {words.get(r.action, r.action)}")


def cluster_handoff(db, cluster_id: int, tz: str) -> None:
    """The hand-off expander of one cluster card."""
    if not may_hand_off():
        return
    choices = handoff_data.target_choices(state.settings())
    with db.session() as s:
        history = handoff_data.history_frame(s, cluster_id, tz)
    with st.expander(f"交接 (hand-off): {len(history)}"):
        if not choices:
            st.caption("没有配置交接目标 (no hand-off targets configured): add [handoff.targets.NAME] to the settings "
                       "TOML; see README.")
        else:
            c1, c2 = st.columns([3, 2], vertical_alignment="bottom")
            target = c1.selectbox("交接目标 (target)", list(choices), format_func=choices.get,
                                  key=key("ho", cluster_id, "target"))
            c2.button("发送 (send)", key=key("ho", cluster_id, "send"), on_click=send, args=(cluster_id,))
            if st.toggle("预览将要发送的内容 (preview the exact payload)", key=key("ho", cluster_id, "preview")):
                try:
                    text = _service().preview(db, state.settings(), cluster_id, target).text()
                except (KeyError, ValueError) as e:
                    st.error("无法预览 (cannot preview): " + md_escape(str(e), 300))
                else:
                    st.code(text, language="json", wrap_lines=True, height=300)
        if history.empty:
            st.caption("还没有交接过 (not handed off yet).")
        else:
            st.dataframe(history, hide_index=True, width="stretch",
                         column_config={"链接 (link)": st.column_config.LinkColumn(display_text="打开 (open)")})


def failed_deliveries(db, tz: str) -> None:
    """Failed (or interrupted) deliveries with a retry button each."""
    if not may_hand_off():
        return
    with db.session() as s:
        failures = handoff_data.failures_frame(s, tz)
    if failures.empty:
        return
    with st.expander(f"交接失败 (failed hand-offs): {len(failures)}", expanded=True, icon=":material/error:"):
        st.dataframe(failures, hide_index=True, width="stretch")
        for cid, target in zip(failures["聚类 (cluster)"], failures["目标 (target)"]):
            st.button(f"重试 (retry) #{int(cid)} → {md_escape(target)}", key=f"ho_retry_{int(cid)}_{target}", on_click=retry,
                      args=(int(cid), str(target)))
