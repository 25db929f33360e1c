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


def transient(exc: BaseException | None) -> bool:
    """Worth retrying: the database or network was briefly unavailable. A bad file, bad data or a bug fails the
    same way every time, so retrying it only delays the one-line error by half a minute (issue 12 item 10)."""
    from sqlalchemy.exc import DisconnectionError, OperationalError

    if isinstance(exc, OperationalError):
        return "no such" not in str(exc).lower()  # "database is locked", connection refused/reset; not a schema bug
    return isinstance(exc, (DisconnectionError, ConnectionError, TimeoutError))


def _retry_transient(task, task_run, state) -> bool:
    try:
        exc = state.result(raise_on_failure=False)
    except BaseException as e:  # noqa: BLE001 - whatever the state holds, it is the failure to judge
        exc = e
    return transient(exc if isinstance(exc, BaseException) else None)


def _db_and_settings():
    settings = get_settings()
    return open_database(settings.resolved_database_url), settings


@task(name="ingest-file", retries=2, retry_delay_seconds=5, retry_condition_fn=_retry_transient)
def ingest_file_task(path: str, source: str | None = None) -> dict:
    db, settings = _db_and_settings()
    summary = ingest_file(db, settings, path, source)
    return {"path": path, **{k: getattr(summary, k) for k in ("read", "new", "updated", "unchanged", "quarantined")},
            "errors": summary.errors[:50], "notes": summary.notes}


@task(name="classify-new-items", retries=1, retry_condition_fn=_retry_transient)
def analyse_task() -> dict:
    db, settings = _db_and_settings()
    s = analyse_pending(db, settings)
    return {"model_version": s.model_version, "analysed": s.analysed}


@task(name="recluster", retries=1, retry_condition_fn=_retry_transient)
def recluster_task() -> dict:
    db, settings = _db_and_settings()
    s = recluster(db, settings)
    return {"joined": s.joined, "new_clusters": s.new_clusters, "matched_groups": s.matched_groups,
            "unclustered": s.unclustered, "waiting_total": s.waiting_total, "repaired": s.repaired, "respaced": s.respaced, "spikes": spike_report(db, settings.timezone)}


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
