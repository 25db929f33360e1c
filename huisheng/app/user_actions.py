"""What the users page's buttons do (admins only): each checks ``manage_users`` through auth.py, changes the
account through services/accounts.py and writes the audit log (target ``user``) in the same transaction."""

from __future__ import annotations

import streamlit as st

from huisheng.app import auth, state
from huisheng.services import accounts
from huisheng.storage.curation import record_decision

NEW_NAME, NEW_ROLE, NEW_PASSWORD_SHOWN = "users_new_name", "users_new_role", "_users_new_password"


def _run(change, done: str) -> bool:
    try:
        actor = auth.require("manage_users").name
        with state.get_db().session() as s:
            user, action, before, after = change(s, actor)
            record_decision(s, actor, action, "user", user.id, before, after)
    except (PermissionError, accounts.AccountError, KeyError) as e:
        state.flash("error", f"操作失败 (failed): {e}")
        return False
    state.flash("success", done)
    return True


def add_user() -> None:
    name = str(st.session_state.get(NEW_NAME) or "").strip()
    role = st.session_state.get(NEW_ROLE) or "moderator"
    password = accounts.generate_password()

    def change(s, actor):
        u = accounts.add_user(s, name, role, password)
        return u, "add_user", {}, {"name": u.name, "role": u.role}

    if _run(change, f"已创建 (created) {name} ({role})"):
        st.session_state[NEW_PASSWORD_SHOWN] = (name, password)  # shown once on the next render, then dropped
        st.session_state[NEW_NAME] = ""


def reset_password(name: str) -> None:
    password = accounts.generate_password()

    def change(s, actor):
        u = accounts.set_password(s, name, password)
        return u, "reset_password", {}, {}

    if _run(change, f"已重置密码 (password reset): {name}"):
        st.session_state[NEW_PASSWORD_SHOWN] = (name, password)


def set_disabled(name: str, disabled: bool) -> None:
    def change(s, actor):
        if disabled and name == actor:
            raise accounts.AccountError("you cannot disable your own account")
        u = accounts.get_user(s, name)
        before = {"disabled": bool(u.disabled) if u else None}
        u = accounts.set_disabled(s, name, disabled)
        return u, "disable_user" if disabled else "enable_user", before, {"disabled": disabled}

    _run(change, f"{name}: {'已停用 (disabled)' if disabled else '已启用 (enabled)'}")


def set_role(name: str, key: str) -> None:
    role = st.session_state.get(key)

    def change(s, actor):
        u = accounts.get_user(s, name)
        before = {"role": u.role if u else None}
        if name == actor and role != "admin":
            raise accounts.AccountError("you cannot take admin away from yourself")
        u = accounts.set_role(s, name, role)
        return u, "set_role", before, {"role": role}

    _run(change, f"{name} → {role}")


def pop_new_password() -> tuple[str, str] | None:
    return st.session_state.pop(NEW_PASSWORD_SHOWN, None)
