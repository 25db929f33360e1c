"""Hand-off use cases: build a cluster's payload, deliver it exactly once per (cluster, target), update it later,
retry failures, read ticket states back, and the optional rules and daily digest.

Delivery protocol (why a crash never makes a second ticket):
1. an unchanged cluster already delivered → nothing is sent, the stored reference is returned;
2. ``begin_attempt`` commits the row as ``sending`` before any network call;
3. a ticket target (Jira, GitHub) without a stored reference is first asked for a ticket carrying the idempotency
   key (``find_existing``): if an earlier process died after creating it, that ticket is adopted;
4. otherwise the target creates (or, with a stored reference, comments / posts an update) and the reference is
   committed with the cluster size and spike day it reported, so the next update can say "+37 voices".
Chat bots cannot be asked what they received: after such a crash they may repeat one message (at least once),
with the same delivery key in it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from huisheng.handoff import build_target
from huisheng.handoff.base import ClusterPayload, Delivery, PermanentError, Preview, Previous, Spike, Target, TransientError
from huisheng.handoff.config import HandoffConfig, handoff_config
from huisheng.models.pii import mask_pii
from huisheng.services import export, trends
from huisheng.storage import clusters as cstore
from huisheng.storage import handoffs as hstore
from huisheng.storage import stats
from huisheng.storage.curation import record_decision
from huisheng.storage.db import Database
from huisheng.storage.schema import Cluster

QUOTES = 5
OPEN_STATUSES = ("new", "triaged")


class HandoffFailed(RuntimeError):
    def __init__(self, message: str, transient: bool = False):
        super().__init__(message)
        self.transient = transient  # worth retrying later (timeouts, 5xx, rate limits)


@dataclass
class Result:
    cluster_id: int
    target: str
    action: str  # created | adopted | updated | unchanged
    external_ref: str
    external_url: str | None
    attempts: int


def _local_day(dt: datetime | None, tz: str) -> str:
    return "" if dt is None else dt.replace(tzinfo=ZoneInfo("UTC")).astimezone(ZoneInfo(tz)).strftime("%Y-%m-%d")


def cluster_payload(s: Session, cluster_id: int, tz: str, board_url: str, quotes: int = QUOTES) -> ClusterPayload:
    c = s.get(Cluster, cstore.resolve(s, int(cluster_id)))
    if c is None:
        raise KeyError(f"no cluster {cluster_id}")
    t = trends.cluster_trends(s, [c.id], tz).get(c.id)
    daily = stats.cluster_daily_counts(s, [c.id], tz)
    sp = trends.spikes_from_daily(daily, trends.feed_span(s, tz), lookback=7).get(c.id)
    return ClusterPayload(
        cluster_id=c.id, label=mask_pii(export.clean_text(c.label)), category=c.category, status=c.status,
        size=int(c.size or 0), growth=round(t.growth, 2) if t else 1.0, recent=t.recent if t else 0,
        previous=t.previous if t else 0, keywords=[mask_pii(export.clean_text(str(k))) for k in (c.keywords or [])][:10],
        quotes=export.representative_quotes(s, c, quotes), board_url=board_url,
        first_seen=_local_day(c.first_seen, tz), last_seen=_local_day(c.last_seen, tz),
        spike=Spike(sp.day.isoformat(), int(sp.count), float(sp.baseline)) if sp else None)


def make_target(db: Database, settings, name: str, cfg: HandoffConfig | None = None, client=None) -> Target:
    cfg = cfg or handoff_config(settings)
    if name not in cfg.targets:
        known = ", ".join(sorted(cfg.targets)) or "none configured: add [handoff.targets.NAME] to the settings TOML"
        raise ValueError(f"unknown handoff target {name!r} ({known})")
    return build_target(cfg.targets[name], client=client, db=db, home=settings.home)


def _previous(row: hstore.HandoffRow | None) -> Previous | None:
    if row is None or not row.external_ref:
        return None
    return Previous(row.external_ref, row.external_url, row.delivered_size, row.delivered_spike)


def _changed(p: ClusterPayload, prev: Previous) -> bool:
    return p.size != prev.size or bool(p.spike and p.spike.day != prev.spike_day)


def preview(db: Database, settings, cluster_id: int, target_name: str) -> Preview:
    """The exact payload the next ``deliver`` would send (first delivery or update), without sending it."""
    cfg = handoff_config(settings)
    target = make_target(db, settings, target_name, cfg)
    with db.session() as s:
        p = cluster_payload(s, cluster_id, settings.timezone, cfg.board_url)
        row = hstore.get(s, p.cluster_id, target_name)
    return target.render(p, hstore.idempotency_key(p.cluster_id, target_name), _previous(row))


def deliver(db: Database, settings, cluster_id: int, target_name: str, *, retries: int = 2, backoff: float = 0.5,
            actor: str = "handoff", client=None) -> Result:
    """Deliver one cluster to one target (see the module docstring). ``retries``: extra tries on transient errors,
    ``backoff`` × 2^n seconds apart (the Prefect flow passes 0 and lets Prefect retry instead). Every delivery that
    reached the target (created, adopted, updated) is a ``handoff`` decision in the audit log under ``actor``: the
    signed-in board user, or "handoff" for the CLI and the flow."""
    cfg = handoff_config(settings)
    target = make_target(db, settings, target_name, cfg, client=client)
    with db.session() as s:
        p = cluster_payload(s, cluster_id, settings.timezone, cfg.board_url)
        row = hstore.get(s, p.cluster_id, target_name)
    prev = _previous(row)
    if prev is not None and not _changed(p, prev):
        with db.session() as s:
            hstore.restore_delivered(s, row.id)
        return Result(p.cluster_id, target_name, "unchanged", prev.external_ref, prev.external_url, row.attempts)
    key = hstore.idempotency_key(p.cluster_id, target_name)
    spike_day = p.spike.day if p.spike else None
    # an earlier process died mid-delivery, or its last try failed (a timed-out request may still have arrived)
    interrupted = row is not None and (row.status in ("sending", "failed") or row.last_error is not None)
    for attempt in range(retries + 1):
        with db.session() as s:
            row = hstore.begin_attempt(s, p.cluster_id, target_name)
        try:
            action = "updated" if prev else "created"
            found = target.find_existing(key) if prev is None and target.tickets else None
            if found is not None:
                delivery, action = found, "adopted"
            elif prev is not None and target.tickets and (interrupted or attempt > 0) \
                    and target.find_update(p, key, prev):  # an interrupted try already posted this very update
                delivery, action = Delivery(prev.external_ref, prev.external_url), "adopted"
            else:
                delivery = target.deliver(p, key, prev)
        except TransientError as e:
            final = attempt >= retries
            with db.session() as s:
                hstore.record_failure(s, row.id, str(e), final=final)
            if final:
                raise HandoffFailed(str(e), transient=True) from e
            time.sleep(backoff * (2 ** attempt))
            continue
        except (PermanentError, ValueError) as e:
            with db.session() as s:
                hstore.record_failure(s, row.id, str(e), final=True)
            raise HandoffFailed(str(e)) from e
        with db.session() as s:  # the reference, the audit entry and the status change commit together
            hstore.record_success(s, row.id, delivery.external_ref, delivery.external_url, p.size, spike_day,
                                  delivery.state)
            record_decision(s, actor, "handoff", "cluster", p.cluster_id,
                            {"external_ref": prev.external_ref if prev else None, "voices": prev.size if prev else None},
                            {"target": target_name, "result": action, "external_ref": delivery.external_ref,
                             "voices": p.size})
            c = s.get(Cluster, p.cluster_id)
            if c.status in OPEN_STATUSES:
                cstore.set_status(s, c.id, "handed_off", actor)
        return Result(p.cluster_id, target_name, action, delivery.external_ref, delivery.external_url, row.attempts)
    raise AssertionError("unreachable")


def retry_failed(db: Database, settings, **kw) -> tuple[list[Result], list[str]]:
    """Retry every failed (or interrupted) delivery; returns the successes and one line per remaining failure."""
    with db.session() as s:
        rows = hstore.needing_retry(s)
    done, errors = [], []
    for row in rows:
        try:
            done.append(deliver(db, settings, row.cluster_id, row.target, **kw))
        except (HandoffFailed, KeyError, ValueError) as e:
            errors.append(f"cluster {row.cluster_id} → {row.target}: {e}")
    return done, errors


def sync_states(db: Database, settings, client=None) -> dict:
    """Read back the state of every open Jira / GitHub ticket; a closed one moves its cluster to ``done``."""
    cfg = handoff_config(settings)
    ticket_targets = {n: make_target(db, settings, n, cfg, client) for n, t in cfg.targets.items()}
    ticket_targets = {n: t for n, t in ticket_targets.items() if t.tickets}
    with db.session() as s:
        rows = hstore.delivered_tickets(s, list(ticket_targets))
    closed, errors = [], []
    for row in rows:
        try:
            state = ticket_targets[row.target].remote_state(row.external_ref)
        except (TransientError, PermanentError, ValueError) as e:
            errors.append(f"{row.target} {row.external_ref}: {e}")
            continue
        if state is None or state == row.external_state:
            continue
        with db.session() as s:
            hstore.set_external_state(s, row.id, state)
            c = s.get(Cluster, row.cluster_id)
            if state == "closed" and c is not None and c.status not in ("done", "declined"):
                cstore.set_status(s, c.id, "done", f"handoff:{row.target}")
                closed.append(c.id)
    return {"checked": len(rows), "closed": closed, "errors": errors}


def rule_candidates(db: Database, settings) -> list[tuple[int, str]]:
    """(cluster, target) pairs the optional rules want handed off now: a cluster past ``min_voices`` or spiking.
    Already delivered ones come back only for a new spike or when they grew by half since the last hand-off, so a
    growing cluster does not comment on its ticket at every run."""
    cfg = handoff_config(settings)
    r = cfg.rules
    if not r.enabled or not r.targets or (r.min_voices is None and not r.on_spike):
        return []
    spikes = trends.cluster_spikes(db, settings.timezone, lookback=7) if r.on_spike else {}
    out = []
    with db.session() as s:
        for c in cstore.board_clusters(s):
            if c.status in ("done", "declined") or c.category == "spam":
                continue
            big = r.min_voices is not None and c.size >= r.min_voices
            sp = spikes.get(c.id)
            if not (big or sp):
                continue
            for t in r.targets:
                row = hstore.get(s, c.id, t)
                if row and row.external_ref:
                    new_spike = sp is not None and sp.day.isoformat() != row.delivered_spike
                    grew = row.delivered_size is not None and c.size >= row.delivered_size * 1.5
                    if not (new_spike or grew):
                        continue
                out.append((c.id, t))
    return out


def digest_lines(db: Database, settings, top: int) -> list[str]:
    """Plain text lines (targets escape them): the top clusters by size × growth, and the spiking ones."""
    cfg = handoff_config(settings)
    with db.session() as s:
        growth = trends.growth_by_cluster(s, settings.timezone)
        ranked = [c for c in cstore.board_clusters(s) if c.category != "spam"]
        ranked.sort(key=lambda c: (-(c.size or 0) * growth.get(c.id, 1.0), c.id))
        lines = [f"#{c.id} {mask_pii(export.clean_text(c.label)) or '(unnamed)'}: {c.size} 条 voices, "
                 f"增长 growth ×{growth.get(c.id, 1.0):.2f}" for c in ranked[:top]]
    for sp in trends.spike_report(db, settings.timezone)[:top]:
        lines.append(f"突增 spike #{sp['cluster_id']} {mask_pii(export.clean_text(sp['label']))}: {sp['count']} 条 on "
                     f"{sp['day']} (baseline {sp['baseline']:g}/day)")
    lines.append(f"board: {cfg.board_url}")
    return lines


def send_digest(db: Database, settings, client=None, today: str | None = None) -> str | None:
    """The daily digest, at most once per local day and target. Returns the reference, or None if not due."""
    cfg = handoff_config(settings)
    d = cfg.digest
    if not d.enabled or not d.target:
        return None
    day = today or datetime.now(ZoneInfo(settings.timezone)).strftime("%Y-%m-%d")
    with db.session() as s:
        if hstore.digest_sent(s, d.target, day):
            return None
    target = make_target(db, settings, d.target, cfg, client)
    ref = target.send_text(f"回声 huisheng 每日摘要 (daily digest) {day}", digest_lines(db, settings, d.top)).external_ref
    with db.session() as s:
        hstore.record_digest(s, d.target, day, ref)
    return ref
