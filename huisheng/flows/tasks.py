"""Small single-purpose tasks. Settings are read at run time, inside each task, never at import."""

from __future__ import annotations

from prefect import task

from huisheng.services.analyse import analyse_pending
from huisheng.services.ingest import ingest_file
from huisheng.services.recluster import recluster
from huisheng.services.retrain import retrain
from huisheng.services.sources import find, pull_source
from huisheng.services.trends import spike_report
from huisheng.settings import get_settings
from huisheng.storage import open_database


def _db_and_settings():
    settings = get_settings()
    return open_database(settings.resolved_database_url), settings


@task(name="ingest-file", retries=2, retry_delay_seconds=5)
def ingest_file_task(path: str, source: str | None = None) -> dict:
    db, settings = _db_and_settings()
    summary = ingest_file(db, settings, path, source)
    return {"path": path, **{k: getattr(summary, k) for k in ("read", "new", "updated", "unchanged", "quarantined")},
            "errors": summary.errors[:50]}


@task(name="classify-new-items", retries=1)
def analyse_task() -> dict:
    db, settings = _db_and_settings()
    s = analyse_pending(db, settings)
    return {"model_version": s.model_version, "analysed": s.analysed}


@task(name="recluster", retries=1)
def recluster_task() -> dict:
    db, settings = _db_and_settings()
    s = recluster(db, settings)
    return {"joined": s.joined, "new_clusters": s.new_clusters, "matched_groups": s.matched_groups,
            "unclustered": s.unclustered, "spikes": spike_report(db, settings.timezone)}


@task(name="retrain-classifier")
def retrain_task(force: bool = False) -> dict:
    db, settings = _db_and_settings()
    r = retrain(db, settings, force=force)
    return {"candidate": r.candidate, "previous": r.previous, "promoted": r.promoted, "reason": r.reason,
            "human_labels": r.human_labels, "metrics": r.metrics, "line": r.line()}


@task(name="pull-source")
def pull_source_task(name: str) -> dict:
    """No task retries: the source's own client retries requests, and a re-run resumes at its committed cursor."""
    db, settings = _db_and_settings()
    return pull_source(db, settings, find(settings, name)).as_dict()
