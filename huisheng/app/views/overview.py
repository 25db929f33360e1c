"""概览 (Overview): totals, categories, volume per day, quarantined rows."""

import streamlit as st

from huisheng.app import cached, layout, state

db = layout.page_setup("overview")
tz = state.settings().timezone
# the per-day chart's window, up to the newest item; counting every day of a million items took seconds
WINDOWS = {"最近 90 天 (90 days)": 90, "最近一年 (365 days)": 365, "全部 (all)": None}
window = st.session_state.get("overview_window", next(iter(WINDOWS)))
ov = cached.overview(db, tz, WINDOWS.get(window, 90))

st.title("概览 (Overview)")
t = ov.totals
cols = st.columns(5)
cols[0].metric("条目 (items)", t["items"])
cols[1].metric("已分析 (analysed)", t["analysed"])
cols[2].metric("聚类 (clusters)", t["clusters"])
cols[3].metric("隔离行 (quarantined)", t["quarantined"])
cols[4].metric("精选 (featured)", t["featured"])

if ov.empty:
    st.info("还没有数据: run `huisheng demo` or `huisheng ingest FILE` (no data yet).")
    st.stop()

left, right = st.columns([2, 3])
with left:
    st.subheader("各类别条数 (items per category)")
    st.caption("人工标签优先，否则为模型类别 (human label if any, else the model's).")
    st.bar_chart(ov.categories, horizontal=True)
with right:
    st.subheader("每日条数 (items per day)")
    st.caption(f"按创建日期，时区 {tz}，截至最新一条 (by creation day, local time, up to the newest item).")
    st.radio("时间范围 (window)", list(WINDOWS), key="overview_window", horizontal=True, label_visibility="collapsed")
    if ov.per_day.empty:
        st.info("暂无已分析的条目 (nothing analysed yet).")
    else:
        st.bar_chart(ov.per_day)

st.subheader("最近的隔离行 (latest quarantined rows)")
if ov.quarantine.empty:
    st.caption("没有被隔离的行 (no quarantined rows).")
else:
    st.dataframe(ov.quarantine, hide_index=True, width="stretch")
