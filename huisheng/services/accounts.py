"""Accounts and who may do what (DESIGN §7b): the one place that knows roles, permissions, password hashing,
failed-login back-off and session lifetime. The board (huisheng/app/auth.py) and the CLI (huisheng/cli_users.py)
both call it; no page or command decides a permission itself.

Passwords are hashed with Argon2id (argon2-cffi, its recommended parameters). A login is refused without saying
whether the name or the password was wrong; after ``MAX_FAILURES`` failures in a row the account is locked for
``LOCKOUT`` (doubling with every further failure, up to ``MAX_LOCKOUT``), which stops online guessing without
letting an attacker lock a real user out for long.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huisheng.storage.schema import ROLES, User, utcnow

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=1)
MAX_LOCKOUT = timedelta(hours=1)
MIN_PASSWORD = 10
SESSION_IDLE = timedelta(minutes=30)  # defaults; the board reads HUISHENG_SESSION_* through settings if set
SESSION_MAX = timedelta(hours=12)

# permission -> roles holding it (admin holds every permission)
PERMISSIONS: dict[str, frozenset[str]] = {
    "view_overview": frozenset({"moderator", "pm", "admin"}),
    "curate_items": frozenset({"moderator", "admin"}),  # queue decisions, bulk actions, undo of one's own
    "view_clusters": frozenset({"pm", "admin"}),  # the clusters page carries hand-off: not for moderators
    "curate_cluster_items": frozenset({"pm", "admin"}),  # bulk decisions on all items of a cluster, from its card
    "edit_clusters": frozenset({"pm", "admin"}),  # rename, status, merge, split
    "handoff": frozenset({"pm", "admin"}),
    "export": frozenset({"pm", "admin"}),
    "manage_users": frozenset({"admin"}),
    "manage_sources": frozenset({"admin"}),  # source health (DESIGN §7b: admins manage sources)
    "undo_any": frozenset({"admin"}),  # undo someone else's decision
}
# board page -> permission needed to see it (the navigation shows only these)
PAGES: dict[str, str] = {
    "overview": "view_overview",
    "moderation": "curate_items",
    "clusters": "view_clusters",
    "export": "export",
    "sources": "manage_sources",
    "users": "manage_users",
}
DEMO_ACCOUNTS = {"demo-moderator": "moderator", "demo-pm": "pm", "demo-admin": "admin"}

_hasher = PasswordHasher()
_dummy_hash: list[str] = []  # verified for unknown names, so they take as long as a real check


def _dummy() -> str:
    if not _dummy_hash:
        _dummy_hash.append(_hasher.hash(secrets.token_urlsafe(16)))
    return _dummy_hash[0]


class AccountError(ValueError):
    """A clear one-line reason (unknown role, weak password, unknown user)."""


@dataclass(frozen=True)
class Principal:
    """Who is acting, as the board and services see them (never the ORM row: it outlives its session)."""

    id: int
    name: str
    role: str

    def can(self, permission: str) -> bool:
        return can(self.role, permission)


def can(role: str | None, permission: str) -> bool:
    if permission not in PERMISSIONS:
        raise KeyError(f"unknown permission {permission!r}")
    return role == "admin" or role in PERMISSIONS[permission]


def may_see_page(role: str | None, page: str) -> bool:
    return role is not None and page in PAGES and can(role, PAGES[page])


def visible_pages(role: str | None) -> list[str]:
    return [p for p in PAGES if may_see_page(role, p)]


class PermissionDenied(PermissionError):
    pass


def require(principal: Principal | None, permission: str) -> Principal:
    """The check every action runs before touching data."""
    if principal is None:
        raise PermissionDenied("请先登录 (sign in first)")
    if not principal.can(permission):
        raise PermissionDenied(f"{principal.role} 无权执行此操作 (not allowed: {permission})")
    return principal


# ------------------------------------------------------------------------------------------------ passwords
def generate_password() -> str:
    return secrets.token_urlsafe(15)  # 20 characters, ~120 bits


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"password too short: at least {MIN_PASSWORD} characters")
    if password.strip() != password or "\n" in password:
        raise AccountError("password must not start or end with whitespace")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _verify(hash_: str, password: str) -> bool:
    try:
        return _hasher.verify(hash_, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


# ------------------------------------------------------------------------------------------------ users
def _check_name(name: str) -> str:
    name = (name or "").strip()
    if not name or len(name) > 128 or any(c.isspace() for c in name):
        raise AccountError(f"bad user name {name!r}: 1-128 characters, no spaces")
    return name


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}; one of {', '.join(ROLES)}")
    return role


def get_user(s: Session, name: str) -> User | None:
    return s.scalar(select(User).where(User.name == name))


def _user(s: Session, name: str) -> User:
    user = get_user(s, name)
    if user is None:
        raise AccountError(f"no user {name!r}")
    return user


def count_users(s: Session, active_only: bool = True) -> int:
    q = select(func.count()).select_from(User)
    if active_only:
        q = q.where(User.disabled.is_not(True))
    return int(s.scalar(q) or 0)


def list_users(s: Session) -> list[User]:
    return list(s.scalars(select(User).order_by(User.name)))


def add_user(s: Session, name: str, role: str, password: str) -> User:
    name, role = _check_name(name), _check_role(role)
    check_password_strength(password)
    if get_user(s, name) is not None:
        raise AccountError(f"user {name!r} already exists (use `huisheng user passwd {name}`)")
    user = User(name=name, role=role, password_hash=hash_password(password), disabled=False, failed_logins=0,
                password_changed_at=utcnow(), created_at=utcnow())
    s.add(user)
    s.flush()
    return user


def set_password(s: Session, name: str, password: str) -> User:
    """New password; clears a lockout; every open board session of this user ends (they were signed in before)."""
    check_password_strength(password)
    user = _user(s, name)
    user.password_hash = hash_password(password)
    user.password_changed_at = utcnow()
    user.failed_logins, user.locked_until = 0, None
    return user


def set_role(s: Session, name: str, role: str) -> User:
    user = _user(s, name)
    user.role = _check_role(role)
    return user


def set_disabled(s: Session, name: str, disabled: bool = True) -> User:
    user = _user(s, name)
    user.disabled = disabled
    return user


def ensure_demo_accounts(s: Session) -> dict[str, tuple[str, str]]:
    """Demo only: one account per role, each with a fresh random password (returned, to print once)."""
    out = {}
    for name, role in DEMO_ACCOUNTS.items():
        password = generate_password()
        if get_user(s, name) is None:
            add_user(s, name, role, password)
        else:
            set_password(s, name, password)
            set_role(s, name, role)
            set_disabled(s, name, False)
        out[name] = (role, password)
    return out


# ------------------------------------------------------------------------------------------------ login
@dataclass(frozen=True)
class LoginResult:
    principal: Principal | None
    message: str = ""


def _lockout_for(failures: int) -> timedelta:
    return min(LOCKOUT * (2 ** max(failures - MAX_FAILURES, 0)), MAX_LOCKOUT)


def authenticate(s: Session, name: str, password: str, now: datetime | None = None) -> LoginResult:
    """Check a name and password. Refusals never say which of the two was wrong; a locked account is refused
    even with the right password until its lock runs out."""
    now = now or utcnow()
    refused = LoginResult(None, "用户名或密码错误 (wrong name or password)")
    user = get_user(s, (name or "").strip())
    if user is None:
        _verify(_dummy(), password or "")
        return refused
    if user.locked_until is not None and user.locked_until > now:
        wait = int((user.locked_until - now).total_seconds()) + 1
        return LoginResult(None, f"尝试次数过多，请 {wait} 秒后再试 (too many failed attempts: try again in {wait} s)")
    if not _verify(user.password_hash or "", password or ""):
        user.failed_logins = int(user.failed_logins or 0) + 1
        if user.failed_logins >= MAX_FAILURES:
            user.locked_until = now + _lockout_for(user.failed_logins)
        return refused
    if user.disabled:
        return LoginResult(None, "该账号已停用 (this account is disabled)")
    user.failed_logins, user.locked_until, user.last_login_at = 0, None, now
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return LoginResult(Principal(user.id, user.name, user.role))


def session_principal(s: Session, user_id: int, signed_in_at: datetime) -> Principal | None:
    """The signed-in user as the database sees them now: None if they were removed, disabled or changed their
    password after signing in. The role is read afresh, so a demotion takes effect at the next click."""
    user = s.get(User, user_id)
    if user is None or user.disabled:
        return None
    if user.password_changed_at is not None and user.password_changed_at > signed_in_at:
        return None
    return Principal(user.id, user.name, user.role)


def session_expired(signed_in_at: datetime, last_seen: datetime, now: datetime | None = None,
                    idle: timedelta = SESSION_IDLE, maximum: timedelta = SESSION_MAX) -> bool:
    now = now or utcnow()
    return now - last_seen > idle or now - signed_in_at > maximum
