"""A large backlog analysed in chunks: the pending items are cut into id ranges, each analysed on its own (the
same code as the one-process path, services/analyse.py). The Prefect flow in flows/backlog.py runs the chunks in
parallel on Dask."""

from __future__ import annotations

from huisheng.services.analyse import AnalyseSummary, active_model, analyse_pending
from huisheng.settings import Settings
from huisheng.storage.analysis import pending_id_ranges, register_model
from huisheng.storage.db import Database


def plan_chunks(db: Database, settings: Settings, chunk_size: int) -> tuple[str, list[tuple[int, int]]]:
    """Register the active model once (workers then only find it) and cut what is pending into id ranges."""
    _, card = active_model(settings)
    with db.session() as s:
        register_model(s, card)
        return card["version"], pending_id_ranges(s, card["version"], chunk_size)


def analyse_chunk(db: Database, settings: Settings, lo: int, hi: int) -> AnalyseSummary:
    return analyse_pending(db, settings, id_range=(lo, hi))
