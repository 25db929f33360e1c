"""回声 huisheng board: ``streamlit run huisheng/app/board.py`` (or ``huisheng board``).

Only navigation here: an anonymous visitor gets the login page whatever URL they open; a signed-in user gets the
pages their role may see (services/accounts.PAGES). Every page also runs the gate itself (layout.page_setup), so a
page is never shown to the wrong role however it is reached.
"""

from huisheng.runtime import configure

configure()  # offline defaults before anything else reads the environment

from pathlib import Path  # noqa: E402

import streamlit as st  # noqa: E402

from huisheng.app import auth  # noqa: E402
from huisheng.services import accounts  # noqa: E402

# page icons are emoji, not :material/…: icons: the browser tab's favicon is the current page's icon, and
# Streamlit fetches a material favicon from fonts.gstatic.com (the board must work offline)
st.set_page_config(page_title="回声 huisheng", page_icon="🔊", layout="wide")

VIEWS = Path(__file__).parent / "views"
PAGE_INFO = {  # page -> (title, icon); who sees which is decided in services/accounts.py
    "overview": ("概览 (Overview)", "📊"),
    "moderation": ("审核队列 (Moderation)", "✅"),
    "clusters": ("聚类 (Clusters)", "🧩"),
    "export": ("导出 (Export)", "📤"),
    "sources": ("数据源 (Sources)", "📥"),
    "users": ("账号 (Users)", "👥"),
}

principal = auth.current()
if principal is None:
    # every page URL answers with the login form (hidden twins of the login page): no "page not found" dialog for a
    # bookmarked link, and after signing in the visitor lands on the page they asked for if their role may see it
    st.navigation([st.Page(auth.login_page, title="登录 (Sign in)", icon="🔑", url_path="login", default=True)]
                  + [st.Page(auth.login_page, title="登录 (Sign in)", url_path=p, visibility="hidden")
                     for p in PAGE_INFO]).run()
else:
    visible = accounts.visible_pages(principal.role)
    st.navigation([st.Page(VIEWS / f"{p}.py", title=PAGE_INFO[p][0], icon=PAGE_INFO[p][1], default=i == 0)
                   for i, p in enumerate(visible)]).run()
