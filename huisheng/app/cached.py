"""Board values that are the same for every viewer, computed once and shared for a short time (st.cache_data).

Each is keyed by the database URL and ``stats.data_version`` (newest item, decision, quarantined row), so a new
item or a moderator's decision shows at the next render; anything else (a re-analysis) within ``TTL`` seconds.
At a million items the overview's aggregates take seconds: every viewer after the first gets them at once.
"""

from __future__ import annotations

import streamlit as st

from huisheng.app import data, state
from huisheng.storage import Database, queue, stats

TTL = 60  # seconds


@st.cache_data(ttl=TTL, max_entries=16, show_spinner=False)
def _overview(url: str, tz: str, version: tuple, days: int | None) -> data.Overview:
    with state.get_db().session() as s:
        return data.overview(s, tz, days=days)


def overview(db: Database, tz: str, days: int | None = None) -> data.Overview:
    with db.session() as s:
        version = stats.data_version(s)
    return _overview(db.url, tz, version, days)


@st.cache_data(ttl=TTL, max_entries=16, show_spinner=False)
def _filter_options(url: str, version: tuple) -> tuple[list[str], list[int], list[str]]:
    with state.get_db().session() as s:
        ratings, versions = queue.meta_options(s)
        return queue.source_names(s), ratings, versions


def filter_options(s) -> tuple[list[str], list[int], list[str]]:
    """The queue's filter choices: source names, star ratings, app versions."""
    return _filter_options(state.get_db().url, stats.data_version(s))
