"""The ``handoff`` flow: read ticket states back, apply the optional rules, post the optional daily digest, and
deliver what was asked. Each delivery is its own task with retries and exponential backoff for *transient* errors
only (timeouts, HTTP 429/5xx, vendor rate limits); a failed target is recorded in the ``handoffs`` table and shown
in the board, and never fails the flow or the pipeline around it."""

from __future__ import annotations

from prefect import flow, task
from prefect.tasks import exponential_backoff

from huisheng.handoff.config import handoff_config
from huisheng.services import handoff as service
from huisheng.settings import get_settings
from huisheng.storage import open_database


def _db_and_settings():
    settings = get_settings()
    return open_database(settings.resolved_database_url), settings


def transient_only(task, task_run, state) -> bool:
    """Prefect retry condition: retry timeouts and server errors, not a 401 or a bad configuration."""
    exc = state.data
    return isinstance(exc, service.HandoffFailed) and exc.transient


@task(name="handoff-deliver", retries=3, retry_delay_seconds=exponential_backoff(backoff_factor=2),
      retry_condition_fn=transient_only)
def deliver_task(cluster_id: int, target: str, actor: str = "handoff") -> dict:
    db, settings = _db_and_settings()
    r = service.deliver(db, settings, cluster_id, target, retries=0, actor=actor)
    return {"cluster_id": r.cluster_id, "target": r.target, "action": r.action, "external_ref": r.external_ref,
            "external_url": r.external_url, "attempts": r.attempts}


@task(name="handoff-sync-states", retries=1)
def sync_task() -> dict:
    db, settings = _db_and_settings()
    return service.sync_states(db, settings)


@task(name="handoff-digest", retries=2, retry_delay_seconds=5)
def digest_task() -> str | None:
    db, settings = _db_and_settings()
    return service.send_digest(db, settings)


@task(name="handoff-rules")
def rules_task() -> list[tuple[int, str]]:
    db, settings = _db_and_settings()
    return service.rule_candidates(db, settings)


def _state_error(state) -> str:
    exc = state.data if isinstance(state.data, BaseException) else None
    return str(exc) if exc else (state.message or "failed")


@flow(name="handoff")
def handoff_flow(requests: list[tuple[int, str]] | None = None, actor: str = "handoff") -> dict:
    """``requests``: (cluster id, target name) pairs to deliver now, on top of what the rules ask for."""
    settings = get_settings()
    cfg = handoff_config(settings)
    out: dict = {"delivered": [], "failed": [], "closed": [], "digest": None, "errors": []}
    if not cfg.targets:
        return out
    task_opts = deliver_task.with_options(retries=cfg.retries,
                                          retry_delay_seconds=exponential_backoff(backoff_factor=cfg.backoff_seconds)
                                          if cfg.backoff_seconds > 0 else 0)
    for name, fn in (("sync", sync_task), ("rules", rules_task), ("digest", digest_task)):
        state = fn(return_state=True)
        if state.is_completed():
            value = state.result()
            if name == "sync":
                out["closed"], out["errors"] = value["closed"], list(value["errors"])
            elif name == "rules":
                requests = list(requests or []) + [tuple(x) for x in value if tuple(x) not in set(map(tuple, requests or []))]
            else:
                out["digest"] = value
        else:
            out["errors"].append(f"{name}: {_state_error(state)}")
    for cluster_id, target in requests or []:
        state = task_opts(int(cluster_id), target, actor, return_state=True)
        if state.is_completed():
            out["delivered"].append(state.result())
        else:
            out["failed"].append({"cluster_id": int(cluster_id), "target": target, "error": _state_error(state)})
    return out
