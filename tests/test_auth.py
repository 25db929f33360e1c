"""Accounts and roles: password hashing, lockout, permissions, the board's gate per page and role (AppTest), the
`huisheng user` commands, the schema upgrade of an older database."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta

import pytest
from sqlalchemy import select, text

from huisheng.services import accounts
from huisheng.storage.schema import SCHEMA_VERSION, Decision, User, utcnow

pytest.importorskip("streamlit")
from streamlit.testing.v1 import AppTest  # noqa: E402

from test_board import BOARD, PASSWORD, ensure_user, login, populated  # noqa: E402,F401

VIEWS = BOARD.parent / "views"
ALL_PAGES = ("overview", "moderation", "clusters", "export", "sources", "users")
EXPECTED = {"moderator": ["overview", "moderation"], "pm": ["overview", "clusters", "export"],
            "admin": list(ALL_PAGES)}


# ------------------------------------------------------------------------------------------------ rules
def test_passwords_are_argon2id_and_verified(db):
    with db.session() as s:
        u = accounts.add_user(s, "alice", "moderator", PASSWORD)
        assert u.password_hash.startswith("$argon2id$") and PASSWORD not in u.password_hash
        assert accounts.authenticate(s, "alice", PASSWORD).principal.name == "alice"
        assert accounts.authenticate(s, "alice", PASSWORD + "x").principal is None
        assert accounts.authenticate(s, "nobody", PASSWORD).message == accounts.authenticate(s, "alice", "x").message
    with db.session() as s, pytest.raises(accounts.AccountError, match="too short"):
        accounts.add_user(s, "bob", "pm", "short")
    with db.session() as s, pytest.raises(accounts.AccountError, match="unknown role"):
        accounts.add_user(s, "bob", "boss", PASSWORD)


def test_lockout_after_repeated_failures_even_for_the_right_password(db):
    with db.session() as s:
        accounts.add_user(s, "alice", "moderator", PASSWORD)
    t0 = utcnow()
    with db.session() as s:
        for i in range(accounts.MAX_FAILURES):
            assert accounts.authenticate(s, "alice", f"guess-{i}", now=t0).principal is None
        locked = accounts.authenticate(s, "alice", PASSWORD, now=t0 + timedelta(seconds=5))
        assert locked.principal is None and "too many" in locked.message
        # one more wrong guess after the lock ran out doubles the next lock
        assert accounts.authenticate(s, "alice", "again", now=t0 + timedelta(minutes=2)).principal is None
        assert accounts.authenticate(s, "alice", PASSWORD, now=t0 + timedelta(minutes=3)).principal is None
        ok = accounts.authenticate(s, "alice", PASSWORD, now=t0 + timedelta(minutes=5))
        assert ok.principal is not None
        assert s.scalar(select(User.failed_logins).where(User.name == "alice")) == 0


def test_disabled_and_password_change_end_sessions(db):
    with db.session() as s:
        uid = accounts.add_user(s, "alice", "pm", PASSWORD).id
    signed_in = utcnow()
    with db.session() as s:
        assert accounts.session_principal(s, uid, signed_in).role == "pm"
        accounts.set_role(s, "alice", "moderator")
    with db.session() as s:
        assert accounts.session_principal(s, uid, signed_in).role == "moderator"  # a demotion counts at once
        accounts.set_password(s, "alice", PASSWORD + "!")
    with db.session() as s:
        assert accounts.session_principal(s, uid, signed_in) is None
        assert accounts.session_principal(s, uid, utcnow() + timedelta(seconds=1)) is not None
        accounts.set_disabled(s, "alice")
    with db.session() as s:
        assert accounts.session_principal(s, uid, utcnow() + timedelta(seconds=1)) is None
        assert "disabled" in accounts.authenticate(s, "alice", PASSWORD + "!").message
    t = utcnow()
    assert not accounts.session_expired(t, t)
    assert accounts.session_expired(t, t - accounts.SESSION_IDLE - timedelta(seconds=1))
    assert accounts.session_expired(t - accounts.SESSION_MAX - timedelta(seconds=1), t)


def test_permission_matrix():
    assert accounts.visible_pages(None) == []
    for role, pages in EXPECTED.items():
        assert accounts.visible_pages(role) == pages
    assert not accounts.can("moderator", "handoff") and not accounts.can("moderator", "export")
    assert not accounts.can("moderator", "manage_users") and not accounts.can("pm", "curate_items")
    assert not accounts.can("pm", "manage_sources") and accounts.can("admin", "manage_sources")
    assert accounts.can("pm", "edit_clusters") and accounts.can("admin", "manage_users")
    with pytest.raises(accounts.PermissionDenied):
        accounts.require(accounts.Principal(1, "m", "moderator"), "export")
    with pytest.raises(accounts.PermissionDenied):
        accounts.require(None, "view_overview")


# ------------------------------------------------------------------------------------------------ board
def reachable(at: AppTest, page: str) -> bool:
    try:
        at.switch_page(f"views/{page}.py")
    except ValueError:
        return False
    return True


def test_anonymous_sees_only_the_login_page_and_the_first_admin_hint(db, settings):
    at = AppTest.from_file(str(BOARD), default_timeout=30).run()
    assert not at.exception
    assert [t.value for t in at.title] == ["回声 huisheng · 登录 (Sign in)"]
    assert any("huisheng user add" in w.value for w in at.warning), "a fresh install says how to make an admin"
    for page in ALL_PAGES:
        assert not reachable(at, page), page


@pytest.mark.parametrize("page", ALL_PAGES)
def test_every_page_file_refuses_an_anonymous_visitor(populated, page):  # noqa: F811
    at = AppTest.from_file(str(VIEWS / f"{page}.py"), default_timeout=30).run()
    assert not at.exception
    assert any("请先登录" in e.value for e in at.error)
    assert not at.dataframe and not at.text and not at.metric and not at.button  # no data, no action


@pytest.mark.parametrize("role", list(EXPECTED))
def test_each_role_reaches_its_pages_and_nothing_else(populated, role):  # noqa: F811
    ensure_user(f"u-{role}", role)
    at = login(AppTest.from_file(str(BOARD), default_timeout=30).run(), f"u-{role}")
    assert not at.exception and [t.value for t in at.title] == ["概览 (Overview)"]
    for page in ALL_PAGES:
        if page in EXPECTED[role]:
            assert reachable(at, page), (role, page)
            at.run()
            assert not at.exception and not at.error, (role, page, [e.value for e in at.error])
        else:
            assert not reachable(at, page), (role, page)
    # and a page file run directly (however it is reached) still checks the role
    for page in set(ALL_PAGES) - set(EXPECTED[role]):
        direct = AppTest.from_file(str(VIEWS / f"{page}.py"), default_timeout=30)
        direct.session_state[_auth_key()] = at.session_state[_auth_key()]
        direct.run()
        assert any("无权访问" in e.value for e in direct.error), (role, page)
        assert not direct.dataframe and not direct.button


def _auth_key() -> str:
    from huisheng.app.auth import SESSION_KEY

    return SESSION_KEY


def test_wrong_password_then_lockout_on_the_login_form(db, settings):
    ensure_user("alice", "moderator")
    at = AppTest.from_file(str(BOARD), default_timeout=30).run()
    for _ in range(accounts.MAX_FAILURES):
        login(at, "alice", "wrong password!")
        assert any("wrong name or password" in e.value for e in at.error)
    login(at, "alice")
    assert any("too many failed attempts" in e.value for e in at.error)
    assert at.text_input(key="login_name"), "still on the login page"


def test_logout_and_expiry_end_the_session(populated, monkeypatch):  # noqa: F811
    ensure_user("mod", "moderator")
    at = login(AppTest.from_file(str(BOARD), default_timeout=30).run(), "mod")
    assert [t.value for t in at.title] == ["概览 (Overview)"]
    at.switch_page("views/moderation.py").run()
    at.button(key="logout").click().run()
    assert [t.value for t in at.title] == ["回声 huisheng · 登录 (Sign in)"]
    assert any("signed out" in i.value for i in at.info)
    assert _auth_key() not in at.session_state and not reachable(at, "moderation")
    # an idle session ends
    login(at, "mod")
    assert [t.value for t in at.title] != ["回声 huisheng · 登录 (Sign in)"] and not at.error
    monkeypatch.setenv("HUISHENG_SESSION_IDLE_MINUTES", "0")
    at.run()
    assert [t.value for t in at.title] == ["回声 huisheng · 登录 (Sign in)"]
    assert any("expired" in e.value for e in at.error)


def test_moderator_action_is_signed_with_the_account(populated, db):  # noqa: F811
    item_id = populated["items"]["bug"][0]
    ensure_user("mod-wu", "moderator")
    at = login(AppTest.from_file(str(BOARD), default_timeout=30).run(), "mod-wu")
    at.switch_page("views/moderation.py").run()
    at.radio(key="mod_view").set_value("cards").run()
    at.button(key=f"mod_{item_id}_approve").click().run()
    with db.session() as s:
        d = s.scalars(select(Decision)).one()
        assert (d.actor, d.action, d.target_id) == ("mod-wu", "approve", item_id)
    assert all("your name" not in (getattr(w, "label", "") or "") for w in at.text_input)  # the free-text box is gone


def test_pm_merges_clusters(populated, db):  # noqa: F811
    src, dst = populated["clusters"]["feature_request"], populated["clusters"]["bug"]
    ensure_user("pm-li", "pm")
    at = login(AppTest.from_file(str(BOARD), default_timeout=30).run(), "pm-li")
    at.switch_page("views/clusters.py").run()
    at.selectbox(key=f"cl_{src}_merge_target").set_value(dst)
    at.checkbox(key=f"cl_{src}_merge_confirm").check()
    at.button(key=f"cl_{src}_merge").click().run()
    assert not at.exception and not at.error
    with db.session() as s:
        d = s.scalars(select(Decision)).one()
        assert (d.actor, d.action) == ("pm-li", "merge_cluster")


def test_admin_creates_an_account_on_the_users_page(populated, db):  # noqa: F811
    ensure_user("root", "admin")
    at = login(AppTest.from_file(str(BOARD), default_timeout=30).run(), "root")
    at.switch_page("views/users.py").run()
    at.text_input(key="users_new_name").input("new-mod")
    at.selectbox(key="users_new_role").set_value("moderator")
    at.button[[b.label for b in at.button].index("创建并生成密码 (create, generate a password)")].click().run()
    assert not at.exception and not at.error
    password = at.code[0].value
    with db.session() as s:
        assert accounts.authenticate(s, "new-mod", password).principal.role == "moderator"
        d = s.scalars(select(Decision).where(Decision.action == "add_user")).one()
        assert d.actor == "root" and d.after == {"name": "new-mod", "role": "moderator"}
    at.run()
    assert not at.code, "the password is shown once"
    at.button(key="users_root_disable").click().run()
    assert any("cannot disable your own" in e.value for e in at.error)


# ------------------------------------------------------------------------------------------------ CLI
def _cli(*args: str, stdin: str | None = None):
    """In-process (a subprocess per command would cost seconds of imports each); exit codes as the CLI's main()."""
    from typer.testing import CliRunner

    from huisheng.cli import app

    return CliRunner().invoke(app, ["user", *args], input=stdin)


def test_user_commands(db, settings):
    r = _cli("list")
    assert r.exit_code == 0 and "no accounts yet" in r.stdout
    r = _cli("add", "boss", "--role", "admin")
    assert r.exit_code == 0, r.output
    generated = r.stdout.split("password: ", 1)[1].split()[0]
    r = _cli("add", "li", "--role", "pm", "--password-stdin", stdin=PASSWORD + "\n")
    assert r.exit_code == 0 and "password:" not in r.stdout
    assert isinstance(_cli("add", "li", "--role", "pm", "--password-stdin", stdin=PASSWORD + "\n").exception,
                      accounts.AccountError)
    assert isinstance(_cli("add", "x", "--role", "boss").exception, accounts.AccountError)
    assert _cli("passwd", "li", "--password-stdin", stdin="new password 123\n").exit_code == 0
    assert _cli("disable", "boss").exit_code == 0
    r = _cli("list")
    lines = {ln.split()[0]: ln.split() for ln in r.stdout.splitlines()[1:]}
    assert lines["boss"][1:3] == ["admin", "disabled"] and lines["li"][1:3] == ["pm", "active"]
    with db.session() as s:
        assert accounts.authenticate(s, "li", "new password 123").principal is not None
        assert accounts.authenticate(s, "boss", generated).principal is None  # disabled
    assert isinstance(_cli("passwd", "ghost").exception, accounts.AccountError)
    # the real console contract: exit 1 and one line on stderr
    r = subprocess.run([sys.executable, "-m", "huisheng.cli", "user", "add", "li", "--role", "pm", "--password-stdin"],
                       input=PASSWORD + "\n", capture_output=True, text=True, timeout=120)
    assert r.returncode == 1 and r.stderr.strip() == "huisheng: user 'li' already exists (use `huisheng user passwd li`)"


def test_demo_accounts_get_fresh_passwords(db):
    with db.session() as s:
        first = accounts.ensure_demo_accounts(s)
    with db.session() as s:
        second = accounts.ensure_demo_accounts(s)
        assert {r for r, _ in second.values()} == {"moderator", "pm", "admin"}
        for name, (role, password) in second.items():
            assert password != first[name][1]
            assert accounts.authenticate(s, name, password).principal.role == role


# ------------------------------------------------------------------------------------------------ schema
def test_a_version_2_database_is_upgraded_in_place(tmp_path):
    from huisheng.storage.db import Database

    url = f"sqlite:///{tmp_path / 'old.db'}"
    old = Database(url)
    with old.engine.begin() as c:  # the users and decisions tables as schema version 2 made them
        c.execute(text("CREATE TABLE schema_meta (key VARCHAR(64) PRIMARY KEY, value VARCHAR(256))"))
        c.execute(text("INSERT INTO schema_meta VALUES ('schema_version', '2')"))
        c.execute(text("CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(128) UNIQUE, "
                       "password_hash VARCHAR(256), role VARCHAR(16))"))
        c.execute(text("INSERT INTO users (name, password_hash, role) VALUES ('old', '', 'pm')"))
        c.execute(text("CREATE TABLE decisions (id INTEGER PRIMARY KEY, actor VARCHAR(128), action VARCHAR(64), "
                       "target_type VARCHAR(32), target_id INTEGER, before JSON, after JSON, at DATETIME)"))
        c.execute(text("INSERT INTO decisions (actor, action, target_type, target_id, before, after, at) "
                       "VALUES ('a', 'approve', 'item', 1, '{}', '{}', '2024-01-01')"))
    old.engine.dispose()
    db = Database(url).create()
    assert db.schema_version() == SCHEMA_VERSION
    with db.session() as s:
        u = accounts.get_user(s, "old")
        assert u.disabled in (False, 0) and u.failed_logins == 0 and u.locked_until is None
        assert accounts.authenticate(s, "old", "anything at all").principal is None  # an empty hash never matches
        assert s.scalars(select(Decision)).one().undone_by is None
    db.engine.dispose()
