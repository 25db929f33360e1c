"""账号 (Users): admins add accounts, reset passwords, change roles, disable accounts. Everything is audit-logged."""

import pandas as pd
import streamlit as st

from huisheng.app import data, layout, state, user_actions
from huisheng.app.safe import md_escape
from huisheng.services import accounts
from huisheng.storage.schema import ROLES

db = layout.page_setup("users")
st.title("账号 (Users)")
tz = state.settings().timezone

shown = user_actions.pop_new_password()
if shown:
    st.warning(f"{shown[0]} 的新密码只显示这一次，请立即转交 (the new password is shown once, pass it on now):")
    st.code(shown[1], language=None)

with db.session() as s:
    users = [(u.name, u.role, bool(u.disabled), u.last_login_at, int(u.failed_logins or 0), u.locked_until)
             for u in accounts.list_users(s)]
st.dataframe(pd.DataFrame(
    [{"用户 (name)": n, "角色 (role)": r, "停用 (disabled)": d, "最近登录 (last login)": data.fmt_time(last, tz),
      "连续失败 (failed logins)": f, "锁定至 (locked until)": data.fmt_time(lock, tz)}
     for n, r, d, last, f, lock in users]), hide_index=True, width="stretch")

with st.form("users_add"):
    c1, c2 = st.columns(2)
    c1.text_input("新用户名 (new user name)", key=user_actions.NEW_NAME, max_chars=128)
    c2.selectbox("角色 (role)", ROLES, key=user_actions.NEW_ROLE)
    st.form_submit_button("创建并生成密码 (create, generate a password)", on_click=user_actions.add_user)

for name, role, disabled, *_ in users:
    with st.expander(f"{md_escape(name, 128)} · {role}" + (" · 已停用 (disabled)" if disabled else "")):
        a, b, c = st.columns(3, vertical_alignment="bottom")
        a.selectbox("角色 (role)", ROLES, index=ROLES.index(role) if role in ROLES else 0, key=f"users_{name}_role")
        a.button("更改角色 (set role)", key=f"users_{name}_set_role", on_click=user_actions.set_role,
                 args=(name, f"users_{name}_role"))
        b.button("重置密码 (reset password)", key=f"users_{name}_reset", on_click=user_actions.reset_password,
                 args=(name,))
        c.button("启用 (enable)" if disabled else "停用 (disable)", key=f"users_{name}_disable",
                 on_click=user_actions.set_disabled, args=(name, not disabled))
