"""Moderators' decisions on items. Each one changes the item and lands in the audit log, atomically."""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from huisheng.models import CATEGORIES
from huisheng.storage.schema import Analysis, Decision, Item, Source


def record_decision(s: Session, actor: str, action: str, target_type: str, target_id: int, before: dict, after: dict) -> Decision:
    if not actor or not actor.strip():
        raise ValueError("every decision needs the name of the person who made it")
    d = Decision(actor=actor.strip(), action=action, target_type=target_type, target_id=target_id, before=before, after=after)
    s.add(d)
    return d


def recategorised(s: Session, item_ids: list[int], chunk: int = 900) -> None:
    """A person moved these items to another category: one that was waiting unclustered is new again there, so the
    next run tries to group it with its new category's items (services/recluster.py). Clustered items stay put."""
    for start in range(0, len(item_ids), chunk):
        s.execute(update(Analysis).where(Analysis.item_id.in_(item_ids[start : start + chunk]),
                                         Analysis.cluster_id.is_(None)).values(cluster_checked_at=None))


def _item(s: Session, item_id: int) -> Item:
    item = s.get(Item, item_id)
    if item is None:
        raise KeyError(f"no item {item_id}")
    return item


def relabel(s: Session, item_id: int, category: str, actor: str) -> Item:
    if category not in CATEGORIES:
        raise ValueError(f"unknown category {category!r}; one of {CATEGORIES}")
    item = _item(s, item_id)
    before = {"human_category": item.human_category, "moderation_status": item.moderation_status,
              "featured": bool(item.featured), "model_category": item.analysis.category if item.analysis else None}
    if item.human_category != category:
        recategorised(s, [item.id])
    item.human_category = category
    item.moderation_status = "approved" if category != "spam" else "rejected"
    record_decision(s, actor, "relabel", "item", item.id, before, {"human_category": category})
    return item


def set_featured(s: Session, item_id: int, featured: bool, actor: str) -> Item:
    item = _item(s, item_id)
    before = {"featured": bool(item.featured), "moderation_status": item.moderation_status}
    item.featured = featured
    if featured:
        item.moderation_status = "approved"
    record_decision(s, actor, "feature" if featured else "unfeature", "item", item.id, before, {"featured": featured})
    return item


def mark_spam(s: Session, item_id: int, actor: str) -> Item:
    item = _item(s, item_id)
    before = {"human_category": item.human_category, "moderation_status": item.moderation_status, "featured": item.featured}
    if item.human_category != "spam":
        recategorised(s, [item.id])
    item.human_category, item.moderation_status, item.featured = "spam", "rejected", False
    record_decision(s, actor, "mark_spam", "item", item.id, before, {"human_category": "spam", "moderation_status": "rejected"})
    return item


def approve(s: Session, item_id: int, actor: str) -> Item:
    item = _item(s, item_id)
    before = {"moderation_status": item.moderation_status}
    item.moderation_status = "approved"
    record_decision(s, actor, "approve", "item", item.id, before, {"moderation_status": "approved"})
    return item


def moderation_queue(s: Session, category: str | None = None, status: str | None = "pending", order: str = "quality",
                     limit: int = 50, offset: int = 0) -> list[tuple[Item, Analysis, str]]:
    """Items with their analysis and source name, filtered on the effective category (a person's label wins).
    order: quality | newest | least_confident (smallest margin between the two likeliest categories)."""
    q = (select(Item, Analysis, Source.name).join(Analysis, Analysis.item_id == Item.id)
         .join(Source, Source.id == Item.source_id))
    if category:
        q = q.where(func.coalesce(Item.human_category, Analysis.category) == category)
    if status:
        q = q.where(Item.moderation_status == status)
    if order == "newest":
        q = q.order_by(Item.created_at.desc().nulls_last(), Item.id.desc())
    elif order == "least_confident":  # smallest top-1 / top-2 margin first (models/uncertainty.py)
        q = q.order_by(Analysis.margin.asc().nulls_last(), Item.id)
    else:
        q = q.order_by(Analysis.quality_score.desc(), Item.id)
    return list(s.execute(q.offset(offset).limit(limit)).tuples())


def moderation_queue_count(s: Session, category: str | None = None, status: str | None = "pending") -> int:
    """How many items ``moderation_queue`` holds for these filters (for paging)."""
    q = select(func.count()).select_from(Item).join(Analysis, Analysis.item_id == Item.id)
    if category:
        q = q.where(func.coalesce(Item.human_category, Analysis.category) == category)
    if status:
        q = q.where(Item.moderation_status == status)
    return int(s.scalar(q) or 0)


def decisions(s: Session, limit: int = 200) -> list[Decision]:
    return list(s.scalars(select(Decision).order_by(Decision.id.desc()).limit(limit)))


def human_labels(s: Session) -> list[tuple[Item, str]]:
    """Items a person labelled, for retraining."""
    return [(it, it.human_category) for it in s.scalars(select(Item).where(Item.human_category.is_not(None)))]
