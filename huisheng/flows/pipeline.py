"""The flows of DESIGN §1: ingest, analyze, recluster, and the parent ``pipeline``. Each step is idempotent.

Each top-level flow holds the database's run lock (storage.locks) for its whole body: one pipeline at a time per
database, whether started by `huisheng run`, `ingest`, `retrain` or a `serve` schedule.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager

from prefect import flow

from huisheng.flows.handoff import handoff_flow
from huisheng.flows.tasks import analyse_task, ingest_file_task, pull_source_task, recluster_task, retrain_task
from huisheng.settings import get_settings


@contextmanager
def _one_run_at_a_time():
    from huisheng.settings import get_settings
    from huisheng.storage import open_database
    from huisheng.storage.locks import run_lock

    settings = get_settings()
    with run_lock(open_database(settings.resolved_database_url), settings.run_lock_wait,
                  on_wait=lambda msg: print(f"huisheng: {msg}", file=sys.stderr, flush=True)):
        yield


@flow(name="ingest")
def ingest_flow(paths: list[str], source: str | None = None) -> list[dict]:
    with _one_run_at_a_time():
        return [ingest_file_task(p, source) for p in paths]


@flow(name="pull-sources")
def sources_flow(names: list[str] | None = None) -> list[dict]:
    """Every configured source (or the named ones), one task each; a failing source is reported, not fatal."""
    names = names or [str(c.get("name")) for c in get_settings().sources]
    return [pull_source_task(n) for n in names]


@flow(name="analyze")
def analyze_flow() -> dict:
    with _one_run_at_a_time():
        return analyse_task()


@flow(name="recluster")
def recluster_flow() -> dict:
    with _one_run_at_a_time():
        return recluster_task()


@flow(name="pipeline")
def pipeline_flow(paths: list[str] | None = None, source: str | None = None, pull_sources: bool = True) -> dict:
    with _one_run_at_a_time():
        pulled = sources_flow() if pull_sources and get_settings().sources else []
        ingested = ingest_flow(paths, source) if paths else []
        result = {"sources": pulled, "ingest": ingested, "analyze": analyze_flow(), "recluster": recluster_flow()}
        # hand-off last: ticket states, rules, digest. Its failures are reported, never fatal to the pipeline.
        state = handoff_flow(return_state=True)
        result["handoff"] = state.result() if state.is_completed() else {"errors": [state.message or "handoff failed"]}
        return result


@flow(name="retrain")
def retrain_flow(force: bool = False) -> dict:
    """Learn from moderators; when a better-or-equal model is promoted, re-analyse everything and recluster."""
    with _one_run_at_a_time():
        result = {"retrain": retrain_task(force)}
        if result["retrain"]["promoted"]:
            result["analyze"] = analyze_flow()
            result["recluster"] = recluster_flow()
        return result
