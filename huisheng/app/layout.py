"""What every page draws first: the login gate, the sidebar (who is signed in, sign out), the database check,
pending messages.

Each page calls ``page_setup()`` itself, so a page is complete however it is started (board.py via st.navigation,
or AppTest running the page file). The pages live in ``views/``: a folder named ``pages/`` next to the entry script
would make Streamlit run it as a legacy multipage app before st.navigation takes over.
"""

from __future__ import annotations

import streamlit as st

from huisheng.app import auth, state
from huisheng.app.safe import md_escape
from huisheng.runtime import configure
from huisheng.storage import Database

_ALERTS = ("success", "error", "warning", "info")


def sidebar() -> None:
    with st.sidebar:
        auth.sidebar_account()
        st.caption("回声 huisheng: 中文用户反馈的分类、聚类与整理。审核员处理队列，产品经理整理聚类并导出。"
                   " (Chinese user feedback, classified and clustered: moderators curate items, PMs triage "
                   "clusters and hand them off.)")
        st.caption("数据库 (database): " + md_escape(state.safe_url(state.settings().resolved_database_url)))


def page_setup(page: str) -> Database:
    """Gate (signed in, and the role may open ``page``: see services/accounts.PAGES; otherwise a message and
    stop), sidebar, database (or a clear error and stop), then the messages left by the last action."""
    configure()  # idempotent; covers a page started without board.py
    st.set_page_config(page_title="回声 huisheng", layout="wide")
    auth.gate(page)
    sidebar()
    try:
        db = state.get_db()
    except Exception as e:  # noqa: BLE001 - a wrong URL or schema version: say so instead of a traceback
        st.error("无法打开数据库 (cannot open the database): " + md_escape(str(e), 500))
        st.stop()
    for kind, message in state.pop_flash():
        getattr(st, kind if kind in _ALERTS else "info")(md_escape(message, 500))
    return db


def pager(total: int, page_size: int, key: str, open_ended: bool = False) -> int:
    """A page-number input that stays in range when filters shrink the list. ``open_ended``: ``total`` is a capped
    count ("10,000+"), so pages past it exist: no upper bound (a page past the end is simply empty)."""
    from huisheng.app.data import page_count

    pages = page_count(total, page_size)
    if open_ended:
        return int(st.number_input(f"页码 (page) / {pages}+", min_value=1, step=1, key=key))
    if st.session_state.get(key, 1) > pages:
        st.session_state[key] = pages
    return int(st.number_input(f"页码 (page) / {pages}", min_value=1, max_value=pages, step=1, key=key))
