"""The ``handoffs`` table: one row per (cluster, target), written before every send.

The protocol that makes a crash harmless: ``begin_attempt`` commits status ``sending`` (and attempts + 1) *before*
the network call; ``record_success`` commits the external reference after it. A row still ``sending`` with no
reference means an earlier process died in between: the service then asks the target whether a ticket with the
idempotency key already exists before creating one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from huisheng.storage.schema import Handoff, HandoffDigest, utcnow

STATUSES = ("pending", "sending", "delivered", "failed")


def idempotency_key(cluster_id: int, target: str) -> str:
    """Stable for (cluster, target): the same on every re-run, in every process."""
    return f"huisheng-c{int(cluster_id)}-{target}"


@dataclass(frozen=True)
class HandoffRow:
    id: int
    cluster_id: int
    target: str
    key: str
    status: str
    attempts: int
    external_ref: str | None
    external_url: str | None
    external_state: str | None
    delivered_size: int | None
    delivered_spike: str | None
    delivered_at: datetime | None
    last_error: str | None
    updated_at: datetime | None


def _row(h: Handoff) -> HandoffRow:
    return HandoffRow(h.id, h.cluster_id, h.target, h.idempotency_key, h.status, h.attempts, h.external_ref,
                      h.external_url, h.external_state, h.delivered_size, h.delivered_spike, h.delivered_at,
                      h.last_error, h.updated_at)


def get(s: Session, cluster_id: int, target: str) -> HandoffRow | None:
    h = s.scalar(select(Handoff).where(Handoff.cluster_id == cluster_id, Handoff.target == target))
    return _row(h) if h else None


def begin_attempt(s: Session, cluster_id: int, target: str) -> HandoffRow:
    """Create the row (or reuse it), mark it ``sending`` and count the attempt. Call it in a session of its own
    and commit before sending (a lost insert race rolls that session back and re-reads the winner's row)."""
    h = s.scalar(select(Handoff).where(Handoff.cluster_id == cluster_id, Handoff.target == target))
    if h is None:
        try:
            h = Handoff(cluster_id=cluster_id, target=target, idempotency_key=idempotency_key(cluster_id, target))
            s.add(h)
            s.flush()
        except IntegrityError:  # another process created it a moment ago
            s.rollback()
            h = s.scalar(select(Handoff).where(Handoff.cluster_id == cluster_id, Handoff.target == target))
    h.status, h.attempts, h.updated_at = "sending", (h.attempts or 0) + 1, utcnow()
    s.flush()
    return _row(h)


def record_success(s: Session, handoff_id: int, ref: str, url: str | None, size: int, spike_day: str | None,
                   state: str | None = None) -> None:
    h = s.get(Handoff, handoff_id)
    h.status, h.external_ref, h.external_url = "delivered", ref, url or h.external_url
    h.delivered_size, h.delivered_spike, h.delivered_at = size, spike_day, utcnow()
    h.last_error, h.updated_at = None, utcnow()
    if state:
        h.external_state = state


def record_failure(s: Session, handoff_id: int, error: str, final: bool) -> None:
    """A failed try. ``final``: no more retries now (status ``failed``); otherwise it stays ``sending``."""
    h = s.get(Handoff, handoff_id)
    h.last_error, h.updated_at = error[:2000], utcnow()
    if final:
        h.status = "failed" if not h.external_ref else "delivered"  # a failed *update* keeps the ticket's reference
        if h.external_ref:
            h.last_error = "update failed: " + error[:1900]


def restore_delivered(s: Session, handoff_id: int) -> None:
    h = s.get(Handoff, handoff_id)
    if h.external_ref:
        h.status = "delivered"


def set_external_state(s: Session, handoff_id: int, state: str) -> None:
    h = s.get(Handoff, handoff_id)
    h.external_state, h.updated_at = state, utcnow()


def for_cluster(s: Session, cluster_id: int) -> list[HandoffRow]:
    return [_row(h) for h in s.scalars(select(Handoff).where(Handoff.cluster_id == cluster_id).order_by(Handoff.id))]


def needing_retry(s: Session, stale_after: timedelta = timedelta(minutes=2)) -> list[HandoffRow]:
    """Failed deliveries, failed updates, and ``sending`` rows older than ``stale_after`` (their process died)."""
    cutoff = utcnow() - stale_after
    q = select(Handoff).where(or_(Handoff.status == "failed",
                                  (Handoff.status == "sending") & (Handoff.updated_at < cutoff),
                                  (Handoff.status == "delivered") & Handoff.last_error.is_not(None)))
    return [_row(h) for h in s.scalars(q.order_by(Handoff.id))]


def failures(s: Session) -> list[HandoffRow]:
    q = select(Handoff).where(or_(Handoff.status.in_(("failed", "sending")), Handoff.last_error.is_not(None)))
    return [_row(h) for h in s.scalars(q.order_by(Handoff.updated_at.desc()))]


def delivered_tickets(s: Session, targets: list[str]) -> list[HandoffRow]:
    if not targets:
        return []
    q = select(Handoff).where(Handoff.target.in_(targets), Handoff.external_ref.is_not(None),
                              or_(Handoff.external_state.is_(None), Handoff.external_state != "closed"))
    return [_row(h) for h in s.scalars(q.order_by(Handoff.id))]


def digest_sent(s: Session, target: str, day: str) -> bool:
    return s.scalar(select(HandoffDigest.id).where(HandoffDigest.target == target, HandoffDigest.day == day)) is not None


def record_digest(s: Session, target: str, day: str, ref: str | None) -> None:
    s.add(HandoffDigest(target=target, day=day, external_ref=ref))
