"""The board's gate: who is signed in, the login form, logout, and the check every page and action runs.

Rules (roles, permissions, hashing, lockout) live in huisheng/services/accounts.py; this module only keeps the
signed-in user in the Streamlit session and asks accounts.py. A Streamlit session is one browser tab's websocket:
a reload or a new tab asks for the password again, and nothing of the session is kept in a cookie. On every run the
user is re-read from the database, so disabling an account or changing its password ends its open sessions at the
next click; a session also ends after ``session_idle_minutes`` without a click or ``session_max_hours`` in all.
"""

from __future__ import annotations

from datetime import timedelta

import streamlit as st

from huisheng.app import state
from huisheng.services import accounts
from huisheng.services.accounts import Principal
from huisheng.storage.schema import utcnow

SESSION_KEY = "_huisheng_auth"
LOGIN_NAME, LOGIN_PASSWORD, LOGIN_SUBMIT = "login_name", "login_password", "login_submit"
LOGOUT_KEY = "logout"
_NOTICE_KEY = "_huisheng_auth_notice"
FIRST_ADMIN_HELP = ("还没有任何账号 (no accounts yet). 在服务器上创建第一个管理员 (create the first admin on the server):\n\n"
                    "    huisheng user add admin --role admin\n\n"
                    "密码只显示一次 (the password is printed once); 用 --password-stdin 自己设置 (or set your own). "
                    "演示数据 (demo): `huisheng demo` 会创建三个演示账号并打印密码.")


def _limits() -> tuple[timedelta, timedelta]:
    s = state.settings()
    return timedelta(minutes=s.session_idle_minutes), timedelta(hours=s.session_max_hours)


def current() -> Principal | None:
    """The signed-in user, checked against the database and the session's age; None (and the session ended)
    otherwise. Cheap: one primary-key read per run."""
    info = st.session_state.get(SESSION_KEY)
    if not info:
        return None
    now = utcnow()
    idle, maximum = _limits()
    if accounts.session_expired(info["signed_in_at"], info["last_seen"], now, idle=idle, maximum=maximum):
        end_session("会话已过期，请重新登录 (session expired: sign in again)")
        return None
    try:
        with state.get_db().session() as s:
            principal = accounts.session_principal(s, info["user_id"], info["signed_in_at"])
    except Exception:  # noqa: BLE001 - no database, no session: the login page says why
        return None
    if principal is None:
        end_session("账号已停用或密码已更改，请重新登录 (account disabled or password changed: sign in again)")
        return None
    info["last_seen"] = now
    return principal


def current_name() -> str:
    p = current()
    return p.name if p else ""


def end_session(notice: str | None = None) -> None:
    """Logout: forget everything this tab held (filters, selections, drafts), keep only a notice for the form."""
    for k in list(st.session_state.keys()):
        del st.session_state[k]
    if notice:
        st.session_state[_NOTICE_KEY] = notice


def _logout() -> None:
    end_session("已退出 (signed out)")


def _login() -> None:
    name = str(st.session_state.get(LOGIN_NAME) or "")
    password = str(st.session_state.get(LOGIN_PASSWORD) or "")
    st.session_state[LOGIN_PASSWORD] = ""  # never kept in the session
    with state.get_db().session() as s:
        result = accounts.authenticate(s, name, password)
    if result.principal is None:
        st.session_state[_NOTICE_KEY] = result.message
        return
    now = utcnow()
    st.session_state[SESSION_KEY] = {"user_id": result.principal.id, "signed_in_at": now, "last_seen": now}
    st.session_state.pop(_NOTICE_KEY, None)


def login_page() -> None:
    """The only page an anonymous visitor gets, whatever URL they open."""
    st.title("回声 huisheng · 登录 (Sign in)")
    try:
        with state.get_db().session() as s:
            n_users = accounts.count_users(s)
    except Exception as e:  # noqa: BLE001
        from huisheng.app.safe import md_escape

        st.error("无法打开数据库 (cannot open the database): " + md_escape(str(e), 500))
        return
    notice = st.session_state.pop(_NOTICE_KEY, None)
    if notice:
        (st.info if notice.startswith("已退出") else st.error)(notice)
    if n_users == 0:
        st.warning(FIRST_ADMIN_HELP)
    with st.form("login", clear_on_submit=False):
        st.text_input("用户名 (name)", key=LOGIN_NAME, max_chars=128, autocomplete="username")
        st.text_input("密码 (password)", key=LOGIN_PASSWORD, type="password", max_chars=256,
                      autocomplete="current-password")
        st.form_submit_button("登录 (sign in)", on_click=_login, key=LOGIN_SUBMIT, type="primary")


def gate(page: str) -> Principal:
    """Called first by every page: the page runs only for a signed-in user whose role may see it."""
    principal = current()
    if principal is None:
        st.error("请先登录 (sign in first).")
        st.stop()
    if not accounts.may_see_page(principal.role, page):
        st.error("无权访问此页面 (your role may not open this page).")
        st.stop()
    return principal


def can(permission: str) -> bool:
    """For pages that show or hide a control: the answer comes from accounts.py, never from the page."""
    p = current()
    return p is not None and p.can(permission)


def require(permission: str) -> Principal:
    """For actions: the signed-in user, or PermissionDenied."""
    return accounts.require(current(), permission)


def permitted(permission: str) -> Principal | None:
    """For button callbacks: the signed-in user if they hold ``permission``, else None with the reason flashed. The
    callback checks again because hiding a control is not enough (a session whose role changed can still click a
    button drawn before)."""
    try:
        return require(permission)
    except PermissionError as e:
        state.flash("error", f"不允许 (not allowed): {e}")
        return None


def sidebar_account() -> None:
    p = current()
    if p is None:
        return
    st.caption(f"已登录 (signed in): **{_md(p.name)}** · 角色 (role): {p.role}")
    st.button("退出登录 (sign out)", key=LOGOUT_KEY, on_click=_logout)


def _md(text: str) -> str:
    from huisheng.app.safe import md_escape

    return md_escape(text, 128)

