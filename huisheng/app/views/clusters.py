"""聚类 (Clusters): triage clusters: sort, see trends, rename, set status, merge, split, read the audit log."""

import streamlit as st

from huisheng.app import actions, clusters_data, data, handoff_panel, layout, queue_ui, state
from huisheng.app.actions import key
from huisheng.app.safe import display_text, md_escape
from huisheng.models import CATEGORIES
from huisheng.storage.schema import CLUSTER_STATUSES


def _reset_page() -> None:
    st.session_state["cl_page"] = 1


def _category_choice(c: str) -> str:
    if c == data.TRIAGE:
        return "缺陷与需求 (bugs & requests)"
    return "全部 (all)" if c == data.ALL else data.category_label(c)


db = layout.page_setup("clusters")
st.title("聚类 (Clusters)")
tz = state.settings().timezone

f0, f1, f2, f3 = st.columns(4)
order = f0.selectbox("排序 (sort)", list(clusters_data.SORT_LABELS), key="cl_order", on_change=_reset_page,
                     format_func=clusters_data.SORT_LABELS.get, help=clusters_data.SORT_HELP)
category = f1.selectbox("类别 (category)", [data.TRIAGE, data.ALL, *CATEGORIES], key="cl_category",
                        on_change=_reset_page, format_func=_category_choice)
status = f2.selectbox("状态 (status)", [data.ALL, *CLUSTER_STATUSES], key="cl_status", on_change=_reset_page,
                      format_func=lambda c: "全部 (all)" if c == data.ALL else data.CLUSTER_STATUS_LABELS[c])
page_size = f3.selectbox("每页 (page size)", [10, 20, 50], key="cl_page_size", on_change=_reset_page)
query = st.text_input("搜索 (search): 名称、关键词或成员内容 (label, keywords or member text)", key="cl_search",
                      on_change=_reset_page, max_chars=200)

with db.session() as s:
    only = clusters_data.search_cluster_ids(s, query)
    page = layout.pager(clusters_data.cluster_total(s, category, status, only), page_size, "cl_page")
    cards, total = clusters_data.cluster_cards(s, category, status, tz, page=int(page), page_size=page_size, order=order,
                                               only=only)
    choices = data.cluster_choices(s)
    members = {c.id: clusters_data.members_frame(s, c.id, tz) for c in cards}

st.caption(f"共 {total} 个聚类 (clusters), 排序 (order): {clusters_data.SORT_LABELS[order]}.")
handoff_panel.failed_deliveries(db, tz)
if not cards:
    hint = "" if category == data.ALL else f" 当前类别 (category): {_category_choice(category)}; 选“全部 (all)”看所有聚类."
    st.info("没有符合筛选的聚类 (no clusters for these filters)." + hint
            + " 聚类由 `huisheng run` 生成 (clusters come from pipeline runs).")
else:
    st.dataframe(clusters_data.overview_frame(cards), hide_index=True, width="stretch",
                 column_config={
                     **{col: st.column_config.NumberColumn(width="small") for col in clusters_data.NUMBER_COLUMNS},
                     "近30天 (daily, 30 d)": st.column_config.LineChartColumn(y_min=0, help="每日条数 (items per day)"),
                     "每周 (weekly)": st.column_config.BarChartColumn(
                         y_min=0, help=f"近 {clusters_data.WEEKS_SHOWN} 周，周一起 (last weeks, Monday start)")})

choice_text = dict(choices)
for c in cards:
    with st.container(border=True):
        locked = " :material/lock:" if c.label_locked else ""
        st.markdown(f"#### #{c.id} · {md_escape(c.label) or '(未命名 unnamed)'}{locked}")
        st.caption(" · ".join([
            md_escape(data.category_label(c.category)), f"{c.size} 条 (items)",
            md_escape(data.CLUSTER_STATUS_LABELS.get(c.status, c.status)),
            f"首次 (first) {data.fmt_time(c.first_seen, tz)}", f"最近 (last) {data.fmt_time(c.last_seen, tz)}",
            f"版本 (version) {c.version}"]))
        if c.spike:  # numbers only: nothing user-written reaches this line
            st.warning(f"突增 (spike): {c.spike.day.isoformat()} 有 {c.spike.count} 条, "
                       f"而此前基线约 {c.spike.baseline:g} 条/天 (baseline per day)", icon=":material/trending_up:")
        left, right = st.columns([3, 2])
        with left:
            st.text("关键词 (keywords): " + (display_text("、".join(c.keywords)) if c.keywords else "—"))
            for q in c.quotes:
                st.text("“" + display_text(q) + "”")
        with right:
            if c.daily.empty:
                st.caption("无日期数据 (no dates).")
            else:
                daily_tab, weekly_tab, history_tab = st.tabs(["近30天 (30 days)", "每周 (weekly)", "全部 (all days)"])
                if c.trend:
                    st.caption(f"近7天 {c.trend.recent} 条, 前7天 {c.trend.previous} 条, 增长 (growth) {c.growth:.2f}")
                    if any(c.trend.daily.values()):
                        daily_tab.vega_lite_chart(clusters_data.chart_data(clusters_data.daily_frame(c.trend.daily)),
                                                  clusters_data.chart_spec("line", 140), width="stretch")
                    else:  # a flat line at 0 (its axis read "0.000000") says less than this
                        daily_tab.caption("近30天没有新的反馈 (no items in the feed's last 30 days); 见“全部 (all days)”.")
                    weekly_tab.dataframe(clusters_data.weekly_frame(c.trend).T, width="stretch")
                history_tab.vega_lite_chart(clusters_data.chart_data(c.daily), clusters_data.chart_spec("bar", 140),
                                            width="stretch")

        r1, r2, r3 = st.columns(3, vertical_alignment="bottom")
        with r1:
            st.text_input("名称 (label)", value=c.label, key=key("cl", c.id, "label"), max_chars=256)
            st.button("重命名 (rename)", key=key("cl", c.id, "rename"), on_click=actions.rename_cluster,
                      args=(c.id, c.version, c.label))
        with r2:
            st.selectbox("状态 (status)", CLUSTER_STATUSES, index=CLUSTER_STATUSES.index(c.status)
                         if c.status in CLUSTER_STATUSES else 0, format_func=data.CLUSTER_STATUS_LABELS.get,
                         key=key("cl", c.id, "status"))
            st.button("更新状态 (set status)", key=key("cl", c.id, "status_btn"), on_click=actions.set_cluster_status,
                      args=(c.id, c.version, c.status))
        with r3:
            targets = [cid for cid, _ in choices if cid != c.id]
            st.selectbox("并入 (merge into)", targets, index=None, placeholder="选择目标聚类 (target cluster)",
                         format_func=lambda cid: choice_text.get(cid, f"#{cid}"), key=key("cl", c.id, "merge_target"))
            st.checkbox("确认合并，不可撤销 (confirm: cannot be undone)", key=key("cl", c.id, "merge_confirm"))
            st.button("合并 (merge)", key=key("cl", c.id, "merge"), on_click=actions.merge_cluster, args=(c.id, c.version),
                      disabled=not targets)
        with st.expander(f"成员 (members): {c.size}"):
            st.dataframe(members[c.id], hide_index=True, width="stretch")
            options = clusters_data.member_options(members[c.id])
            s1, s2 = st.columns([3, 2], vertical_alignment="bottom")
            s1.multiselect("拆分出的成员 (members to split off)", list(options), format_func=options.get,
                           key=key("cl", c.id, "split_items"), placeholder="选择成员 (choose members)")
            s2.text_input("新聚类名称 (new cluster name)", key=key("cl", c.id, "split_label"), max_chars=256)
            st.button("拆分为新聚类 (split into a new cluster)", key=key("cl", c.id, "split"),
                      on_click=actions.split_cluster, args=(c.id, c.version), disabled=len(options) < 2)
        queue_ui.cluster_items_panel(c.id, c.size)
        handoff_panel.cluster_handoff(db, c.id, tz)
        with st.expander(f"审计记录 (audit log): {len(c.audit)}"):
            if c.audit.empty:
                st.caption("还没有人工决定 (no decisions yet).")
            else:
                st.dataframe(c.audit, hide_index=True, width="stretch")
