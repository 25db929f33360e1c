"""Bulk decisions on items and undo.

A bulk action writes one audit row per item it changed (the same ``batch`` id on all of them) in one transaction,
so the log stays item-by-item (retraining and the audit trail read it that way) and the whole batch can be undone
at once. Items already in the asked-for state are left alone and not logged.

Undo restores the state in a decision's ``before`` and logs an ``undo`` decision; it refuses an item someone
changed since (its state no longer equals the decision's ``after``), so an undo never overwrites a later decision.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from sqlalchemy import String, cast, func, literal, select
from sqlalchemy.orm import Session

from huisheng.models import CATEGORIES
from huisheng.storage.curation import recategorised, record_decision
from huisheng.storage.schema import Decision, Item

STATE_FIELDS = ("human_category", "moderation_status", "featured")
ACTIONS = ("relabel", "mark_spam", "approve", "feature", "unfeature")
CHUNK = 500


@dataclass
class BulkResult:
    batch: str
    changed: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    missing: list[int] = field(default_factory=list)


@dataclass
class UndoResult:
    undone: list[int] = field(default_factory=list)  # decision ids reverted
    conflicts: list[int] = field(default_factory=list)  # decision ids whose item changed since
    already: list[int] = field(default_factory=list)  # decision ids undone before


def snapshot(item: Item) -> dict:
    return {"human_category": item.human_category, "moderation_status": item.moderation_status,
            "featured": bool(item.featured)}


def _target_state(state: dict, action: str, category: str | None) -> dict:
    new = dict(state)
    if action == "relabel":
        new["human_category"] = category
        new["moderation_status"] = "rejected" if category == "spam" else "approved"
        if category == "spam":
            new["featured"] = False
    elif action == "mark_spam":
        new.update(human_category="spam", moderation_status="rejected", featured=False)
    elif action == "approve":
        new["moderation_status"] = "approved"
    elif action == "feature":
        new.update(featured=True, moderation_status="approved")
    elif action == "unfeature":
        new["featured"] = False
    return new


def apply(s: Session, item_ids: list[int], action: str, actor: str, category: str | None = None,
          note: str | None = None) -> BulkResult:
    """One decision for many items. ``note`` (e.g. the filters behind "apply to all") goes into each audit row."""
    if action not in ACTIONS:
        raise ValueError(f"unknown bulk action {action!r}; one of {ACTIONS}")
    if action == "relabel" and category not in CATEGORIES:
        raise ValueError(f"unknown category {category!r}; one of {CATEGORIES}")
    result = BulkResult(batch=str(uuid.uuid4()))
    moved: list[int] = []
    wanted = list(dict.fromkeys(int(i) for i in item_ids))
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        found = {it.id: it for it in s.scalars(select(Item).where(Item.id.in_(chunk)))}
        for item_id in chunk:
            item = found.get(item_id)
            if item is None:
                result.missing.append(item_id)
                continue
            before = snapshot(item)
            after = _target_state(before, action, category)
            if after == before:
                result.unchanged.append(item_id)
                continue
            if after["human_category"] != before["human_category"]:
                moved.append(item_id)
            item.human_category, item.moderation_status, item.featured = (after[k] for k in STATE_FIELDS)
            d = record_decision(s, actor, action, "item", item_id, before,
                                {**after, **({"note": note} if note else {})})
            d.batch = result.batch
            result.changed.append(item_id)
    recategorised(s, moved)
    return result


def _undo_one(s: Session, d: Decision, actor: str, batch: str, result: UndoResult) -> None:
    if d.undone_by is not None:
        result.already.append(d.id)
        return
    item = s.get(Item, d.target_id)
    restorable = {k: v for k, v in (d.before or {}).items() if k in STATE_FIELDS}
    expected = {k: v for k, v in (d.after or {}).items() if k in STATE_FIELDS}
    if d.target_type != "item" or item is None or d.action == "undo" or not restorable:
        raise ValueError(f"decision #{d.id} ({d.action}) cannot be undone")
    now = snapshot(item)
    if any(now[k] != v for k, v in expected.items()):
        result.conflicts.append(d.id)
        return
    if "human_category" in restorable and restorable["human_category"] != item.human_category:
        recategorised(s, [item.id])
    for k, v in restorable.items():
        setattr(item, k, v)
    u = record_decision(s, actor, "undo", "item", item.id, now, {**snapshot(item), "undoes": d.id})
    u.batch = batch
    s.flush()
    d.undone_by = u.id
    result.undone.append(d.id)


def undo(s: Session, decision_ids: list[int], actor: str, only_by: str | None = None) -> UndoResult:
    """Undo these decisions (newest first). ``only_by``: refuse decisions made by anyone else."""
    rows = list(s.scalars(select(Decision).where(Decision.id.in_(decision_ids)).order_by(Decision.id.desc())))
    if len(rows) != len(set(decision_ids)):
        raise KeyError(f"no decision {sorted(set(decision_ids) - {d.id for d in rows})}")
    if only_by is not None and any(d.actor != only_by for d in rows):
        raise PermissionError("only your own decisions can be undone")
    result = UndoResult()
    batch = str(uuid.uuid4())
    for d in rows:
        _undo_one(s, d, actor, batch, result)
    return result


def undo_batch(s: Session, batch: str, actor: str, only_by: str | None = None) -> UndoResult:
    ids = list(s.scalars(select(Decision.id).where(Decision.batch == batch)))
    if not ids:
        raise KeyError(f"no decisions in batch {batch}")
    return undo(s, ids, actor, only_by=only_by)


@dataclass
class DecisionGroup:
    """One row of "my recent decisions": a bulk batch, or a single decision."""

    key: str  # "batch:<uuid>" or "decision:<id>"
    action: str
    actor: str
    count: int
    undone: int
    at: object
    first_target: int


def recent_groups(s: Session, actor: str | None = None, limit: int = 20) -> list[DecisionGroup]:
    """Latest item decisions grouped by batch (undo decisions excluded), newest first."""
    group = func.coalesce(Decision.batch, literal("decision:", String) + cast(Decision.id, String))
    q = (select(group, Decision.action, Decision.actor, func.count(), func.count(Decision.undone_by), func.max(Decision.at),
                func.min(Decision.target_id), func.max(Decision.id))
         .where(Decision.target_type == "item", Decision.action != "undo"))
    if actor is not None:
        q = q.where(Decision.actor == actor)
    q = q.group_by(group, Decision.action, Decision.actor).order_by(func.max(Decision.id).desc()).limit(limit)
    out = []
    for key, action, who, n, undone, at, first, _last in s.execute(q):
        out.append(DecisionGroup(key=key if key.startswith("decision:") else f"batch:{key}", action=action, actor=who,
                                 count=int(n), undone=int(undone), at=at, first_target=int(first)))
    return out


def undo_group(s: Session, key: str, actor: str, only_by: str | None = None) -> UndoResult:
    kind, _, value = key.partition(":")
    if kind == "batch":
        return undo_batch(s, value, actor, only_by=only_by)
    if kind == "decision":
        return undo(s, [int(value)], actor, only_by=only_by)
    raise ValueError(f"bad decision group {key!r}")
