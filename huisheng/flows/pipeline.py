"""The flows of DESIGN §1: ingest, analyze, recluster, and the parent ``pipeline``. Each step is idempotent."""

from __future__ import annotations

from prefect import flow

from huisheng.flows.handoff import handoff_flow
from huisheng.flows.tasks import analyse_task, ingest_file_task, recluster_task, retrain_task


@flow(name="ingest")
def ingest_flow(paths: list[str], source: str | None = None) -> list[dict]:
    return [ingest_file_task(p, source) for p in paths]


@flow(name="analyze")
def analyze_flow() -> dict:
    return analyse_task()


@flow(name="recluster")
def recluster_flow() -> dict:
    return recluster_task()


@flow(name="pipeline")
def pipeline_flow(paths: list[str] | None = None, source: str | None = None) -> dict:
    ingested = ingest_flow(paths, source) if paths else []
    result = {"ingest": ingested, "analyze": analyze_flow(), "recluster": recluster_flow()}
    # hand-off last: ticket states, rules, digest. Its failures are reported, never fatal to the pipeline.
    state = handoff_flow(return_state=True)
    result["handoff"] = state.result() if state.is_completed() else {"errors": [state.message or "handoff failed"]}
    return result


@flow(name="retrain")
def retrain_flow(force: bool = False) -> dict:
    """Learn from moderators; when a better-or-equal model is promoted, re-analyse everything and recluster."""
    result = {"retrain": retrain_task(force)}
    if result["retrain"]["promoted"]:
        result["analyze"] = analyze_flow()
        result["recluster"] = recluster_flow()
    return result
