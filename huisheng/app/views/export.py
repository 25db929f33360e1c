"""导出 (Export): clusters as Markdown or CSV (PII masked), and the audit log."""

from datetime import datetime

import streamlit as st

from huisheng.app import data, layout, state
from huisheng.services import export

db = layout.page_setup("export")
st.title("导出 (Export)")
tz = state.settings().timezone

with db.session() as s:
    choices = data.cluster_choices(s)
choice_text = dict(choices)

if not choices:
    st.info("还没有可导出的聚类 (no clusters to export yet).")
else:
    selected = st.multiselect("聚类 (clusters)", [cid for cid, _ in choices], key="export_clusters",
                              format_func=lambda cid: choice_text.get(cid, f"#{cid}"),
                              placeholder="选择要导出的聚类 (choose clusters)")
    c1, c2 = st.columns(2)
    fmt = c1.radio("格式 (format)", ["Markdown", "CSV"], horizontal=True, key="export_format")
    n_quotes = c2.number_input("每个聚类的引用数 (quotes per cluster)", min_value=1, max_value=20, value=5,
                               key="export_quotes", disabled=fmt != "Markdown")
    st.caption("导出内容中的手机号、QQ、微信号、邮箱、身份证号已打码 (personal data is masked).")
    if selected:
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        with db.session() as s:
            if fmt == "Markdown":
                content = export.clusters_markdown(s, selected, quotes_per_cluster=int(n_quotes), tz=tz)
            else:
                content = export.clusters_csv(s, selected, tz=tz)
        st.subheader("预览 (preview)")
        if fmt == "Markdown":
            st.code(content, language="markdown", wrap_lines=True, height=400)
            st.download_button("下载 Markdown (download)", data=content.encode("utf-8"), key="export_download",
                               file_name=f"huisheng-clusters-{stamp}.md", mime="text/markdown")
        else:
            st.dataframe(data.csv_frame(content), hide_index=True, width="stretch")
            # UTF-8 with BOM: Excel opens Chinese text correctly
            st.download_button("下载 CSV (download)", data=content.encode("utf-8-sig"), key="export_download",
                               file_name=f"huisheng-clusters-{stamp}.csv", mime="text/csv")
    else:
        st.caption("先选择聚类 (choose at least one cluster).")

st.divider()
st.subheader("审计日志 (audit log)")
st.caption("最近的人工决定 (latest human decisions): 谁、做了什么、何时、之前 → 之后.")
with db.session() as s:
    log = data.decisions_frame(s, tz, limit=200)
if log.empty:
    st.caption("还没有决定 (no decisions yet).")
else:
    st.dataframe(log, hide_index=True, width="stretch")
