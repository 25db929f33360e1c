"""回声 huisheng board: ``streamlit run huisheng/app/board.py`` (or ``huisheng board``).

Only navigation here; every page draws the shared sidebar itself (see huisheng/app/layout.py for why).
"""

from huisheng.runtime import configure

configure()  # offline defaults before anything else reads the environment

from pathlib import Path  # noqa: E402

import streamlit as st  # noqa: E402

st.set_page_config(page_title="回声 huisheng", layout="wide")

PAGES = Path(__file__).parent / "views"
st.navigation([
    st.Page(PAGES / "overview.py", title="概览 (Overview)", icon=":material/dashboard:", default=True),
    st.Page(PAGES / "moderation.py", title="审核队列 (Moderation)", icon=":material/fact_check:"),
    st.Page(PAGES / "clusters.py", title="聚类 (Clusters)", icon=":material/hub:"),
    st.Page(PAGES / "export.py", title="导出 (Export)", icon=":material/ios_share:"),
    st.Page(PAGES / "sources.py", title="数据源 (Sources)", icon=":material/input:"),
]).run()
