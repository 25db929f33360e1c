"""Process- and session-level state of the board: settings, the database handle, the current user, flash messages."""

from __future__ import annotations

import streamlit as st
from sqlalchemy.engine import make_url

from huisheng.settings import Settings, get_settings
from huisheng.storage import Database, open_database

_FLASH_KEY = "_huisheng_flash"


def settings() -> Settings:
    """Read at run time (environment, TOML), never at import time."""
    return get_settings()


@st.cache_resource(show_spinner=False, max_entries=8)
def _database(url: str) -> Database:
    # keyed by URL: a different HUISHENG_DATABASE_URL (another test, another deployment) gets its own engine
    return open_database(url)


def get_db() -> Database:
    return _database(settings().resolved_database_url)


def safe_url(url: str) -> str:
    """The database URL without its password, for display."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - an unparsable URL is shown as a placeholder
        return "(invalid database URL)"


def current_user() -> str:
    """The signed-in user's name (huisheng/app/auth.py); every decision is recorded under it. Empty when nobody is."""
    from huisheng.app import auth

    return auth.current_name()


def flash(kind: str, message: str) -> None:
    """Queue a message (kind: success | error | warning | info) for the next render."""
    st.session_state.setdefault(_FLASH_KEY, []).append((kind, message))


def pop_flash() -> list[tuple[str, str]]:
    return st.session_state.pop(_FLASH_KEY, [])
