"""审核队列 (Moderation queue): search and filter, then decide on many items at once (table) or one by one (cards)."""

import streamlit as st

from huisheng.app import actions, data, layout, queue_ui, state
from huisheng.app.actions import key
from huisheng.app.safe import display_text, md_escape
from huisheng.models import CATEGORIES

db = layout.page_setup("moderation")
st.title("审核队列 (Moderation queue)")
tz = state.settings().timezone

with db.session() as s:
    flt, order, page_size, view = queue_ui.filters(s, "mod")
    total = data.queue_count(s, flt)
    page = layout.pager(total, page_size, "mod_page", open_ended=data.count_text(total) != str(total))
    rows = data.queue_page(s, flt, order, int(page), page_size)

shown = data.count_text(total)
st.caption(f"共 {shown} 条 (items), 第 {page} / {data.page_count(total, page_size)}{'+' if shown != str(total) else ''} 页 (page).")
if not rows:
    st.info("队列为空 (nothing to review for these filters).")
elif view == "table":
    queue_ui.table(rows, tz, "mod")

queue_ui.apply_to_all(total, "mod", shown=shown)
with db.session() as s:
    queue_ui.undo_panel(s, tz, "mod")

for r in rows if view == "cards" else []:
    with st.container(border=True):
        main, side = st.columns([3, 2])
        with main:
            st.caption(" · ".join([f"#{r.id}", md_escape(r.source, 60), md_escape(r.kind), data.fmt_time(r.created_at, tz),
                                   "作者 (author): " + (md_escape(r.author, 60) or "—")]))
            if r.title:
                st.text("标题 (title): " + display_text(r.title))
            st.text(display_text(r.text))
        with side:
            st.caption(f"模型 (model): {md_escape(data.category_label(r.model_category))} · "
                       f"质量 (quality) {r.quality_score:.2f} · {md_escape(r.model_version, 40)}")
            st.code(data.score_bars(r.scores), language=None)
            st.text(data.why_text(r.explanation))
            if r.quality_parts:
                st.caption(data.quality_text(r.quality_parts))
            st.caption(f"人工标签 (human label): {md_escape(data.category_label(r.human_category)) if r.human_category else '—'} · "
                       f"精选 (featured): {'是 (yes)' if r.featured else '否 (no)'} · "
                       f"状态 (status): {md_escape(data.MODERATION_STATUS_LABELS.get(r.status, r.status))}")
        a1, a2, a3, a4, a5 = st.columns([2, 1, 1, 1, 1], vertical_alignment="bottom")
        a1.selectbox("改为 (relabel to)", CATEGORIES, index=CATEGORIES.index(r.effective_category)
                     if r.effective_category in CATEGORIES else 0, format_func=data.category_label,
                     key=key("mod", r.id, "cat"))
        a2.button("改标签 (relabel)", key=key("mod", r.id, "relabel"), on_click=actions.relabel_item,
                   args=(r.id, r.human_category))
        if r.featured:
            a3.button("取消精选 (unfeature)", key=key("mod", r.id, "feature"), on_click=actions.feature_item,
                      args=(r.id, False))
        else:
            a3.button("精选 (feature)", key=key("mod", r.id, "feature"), on_click=actions.feature_item, args=(r.id, True))
        a4.button("垃圾 (spam)", key=key("mod", r.id, "spam"), on_click=actions.mark_spam, args=(r.id,))
        a5.button("通过 (approve)", key=key("mod", r.id, "approve"), on_click=actions.approve_item, args=(r.id,),
                  disabled=r.status == "approved")
