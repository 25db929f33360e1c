"""数据源 (Sources): health of every configured source: cursor, last run, rows fetched, last error."""

import streamlit as st

from huisheng.app import layout, state
from huisheng.app.sources_data import health_table

db = layout.page_setup("sources")
st.title("数据源 (Sources)")
configured = state.settings().sources
with db.session() as s:
    table, failing = health_table(s, configured)

if table.empty:
    st.info("没有配置数据源 (no sources configured): add `[[sources]]` tables (name, kind, options) to the settings "
            "TOML; `huisheng run` pulls them, `huisheng sources` lists them.")
    st.stop()
if failing:
    st.error(f"{failing} 个数据源最近一次运行失败 ({failing} source(s) failed on their last run): see the last error.")
else:
    st.success("所有数据源正常 (every source ran cleanly last time).")
# a dataframe renders cells as text: an error message or a cursor from a remote API cannot inject markup
st.dataframe(table, hide_index=True, width="stretch")
st.caption("游标在每页数据提交后才前进：崩溃后最多重读一页 (a cursor moves only after its page's rows are committed: "
           "a crash re-reads at most one page). Secrets are never shown: they live in environment variables.")
