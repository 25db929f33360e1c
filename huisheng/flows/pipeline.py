"""The flows of DESIGN §1: ingest, analyze, recluster, and the parent ``pipeline``. Each step is idempotent."""

from __future__ import annotations

from prefect import flow

from huisheng.flows.tasks import analyse_task, ingest_file_task, pull_source_task, recluster_task, retrain_task
from huisheng.settings import get_settings


@flow(name="ingest")
def ingest_flow(paths: list[str], source: str | None = None) -> list[dict]:
    return [ingest_file_task(p, source) for p in paths]


@flow(name="pull-sources")
def sources_flow(names: list[str] | None = None) -> list[dict]:
    """Every configured source (or the named ones), one task each; a failing source is reported, not fatal."""
    names = names or [str(c.get("name")) for c in get_settings().sources]
    return [pull_source_task(n) for n in names]


@flow(name="analyze")
def analyze_flow() -> dict:
    return analyse_task()


@flow(name="recluster")
def recluster_flow() -> dict:
    return recluster_task()


@flow(name="pipeline")
def pipeline_flow(paths: list[str] | None = None, source: str | None = None, pull_sources: bool = True) -> dict:
    pulled = sources_flow() if pull_sources and get_settings().sources else []
    ingested = ingest_flow(paths, source) if paths else []
    return {"sources": pulled, "ingest": ingested, "analyze": analyze_flow(), "recluster": recluster_flow()}


@flow(name="retrain")
def retrain_flow(force: bool = False) -> dict:
    """Learn from moderators; when a better-or-equal model is promoted, re-analyse everything and recluster."""
    result = {"retrain": retrain_task(force)}
    if result["retrain"]["promoted"]:
        result["analyze"] = analyze_flow()
        result["recluster"] = recluster_flow()
    return result
