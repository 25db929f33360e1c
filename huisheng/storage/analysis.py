"""Bookkeeping for analysis: what needs (re)analysis, saving results, the embedding cache, model versions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np
from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from huisheng.storage.schema import Analysis, EmbeddingCache, Item, ModelVersion, utcnow


@dataclass
class PendingItem:
    id: int
    title: str | None
    text: str
    normalized_text: str
    content_hash: str
    meta: dict
    created_at: datetime | None = None

    @property
    def order(self) -> tuple:
        """Who came first, for originality: by time, then by id."""
        return (self.created_at or datetime.min, self.id)


def items_to_analyse(s: Session, model_version: str, limit: int | None = None,
                     id_range: tuple[int, int] | None = None) -> list[PendingItem]:
    """New items, items whose text changed, and everything when the model version changed (``id_range``: only
    ids in [lo, hi], one chunk of a backlog analysed in parallel)."""
    q = (select(Item.id, Item.title, Item.text, Item.normalized_text, Item.content_hash, Item.meta, Item.created_at)
         .outerjoin(Analysis, Analysis.item_id == Item.id)
         .where(or_(Analysis.item_id.is_(None), Analysis.model_version != model_version,
                    Analysis.content_hash != Item.content_hash))
         .order_by(Item.id))
    if id_range is not None:
        q = q.where(Item.id.between(*id_range))
    if limit:
        q = q.limit(limit)
    return [PendingItem(*row) for row in s.execute(q)]


def pending_id_ranges(s: Session, model_version: str, chunk: int) -> list[tuple[int, int]]:
    """The ids needing analysis, cut into [lo, hi] ranges of at most ``chunk`` items each."""
    q = (select(Item.id).outerjoin(Analysis, Analysis.item_id == Item.id)
         .where(or_(Analysis.item_id.is_(None), Analysis.model_version != model_version,
                    Analysis.content_hash != Item.content_hash)).order_by(Item.id))
    ids = [i for (i,) in s.execute(q)]
    return [(ids[k], ids[min(k + chunk, len(ids)) - 1]) for k in range(0, len(ids), chunk)]


def long_texts(s: Session, min_chars: int, exclude: set[int], limit: int = 20_000) -> list[tuple[tuple, str]]:
    """(order, normalised text) of the most recent long texts, for the near-duplicate check of new ones."""
    q = (select(Item.id, Item.created_at, Item.normalized_text)
         .where(func.length(Item.normalized_text) >= min_chars)
         .order_by(Item.created_at.desc().nulls_last(), Item.id.desc()).limit(limit))
    return [((created or datetime.min, iid), text) for iid, created, text in s.execute(q) if iid not in exclude]


def save_analyses(s: Session, results: list[dict]) -> None:
    """results: item_id, category, scores, quality_score, model_version, content_hash (and optionally explanation,
    quality_parts). Cluster is kept if the
    text did not change (the recluster step decides membership)."""
    existing = {a.item_id: a for a in s.scalars(select(Analysis).where(Analysis.item_id.in_([r["item_id"] for r in results])))}
    now = utcnow()
    for r in results:
        a = existing.get(r["item_id"])
        if a is None:
            s.add(Analysis(**r, analysed_at=now))
            continue
        if a.content_hash != r["content_hash"] or a.category != r["category"]:
            a.cluster_id, a.cluster_similarity, a.cluster_checked_at = None, None, None
        for k, v in r.items():
            setattr(a, k, v)
        a.analysed_at = now


def cached_embeddings(s: Session, embedder: str, hashes: list[str]) -> dict[str, np.ndarray]:
    out: dict[str, np.ndarray] = {}
    for start in range(0, len(hashes), 900):
        chunk = hashes[start : start + 900]
        for h, v in s.execute(select(EmbeddingCache.content_hash, EmbeddingCache.vector)
                              .where(EmbeddingCache.embedder == embedder, EmbeddingCache.content_hash.in_(chunk))):
            out[h] = np.frombuffer(v, dtype=np.float32)
    return out


def store_embeddings(s: Session, embedder: str, vectors: dict[str, np.ndarray]) -> None:
    """Insert the vectors not cached yet. Parallel workers (a backlog analysed in chunks) may embed the same text at
    once: on SQLite and PostgreSQL the insert skips a row another worker stored first instead of failing."""
    dialect = s.get_bind().dialect.name
    if dialect in ("sqlite", "postgresql") and vectors:
        if dialect == "sqlite":
            from sqlalchemy.dialects.sqlite import insert
        else:
            from sqlalchemy.dialects.postgresql import insert
        rows = [{"embedder": embedder, "content_hash": h, "vector": np.asarray(v, dtype=np.float32).tobytes()}
                for h, v in vectors.items()]
        for k in range(0, len(rows), 500):
            s.execute(insert(EmbeddingCache).on_conflict_do_nothing(index_elements=["embedder", "content_hash"]),
                      rows[k : k + 500])
        return
    present = set(cached_embeddings(s, embedder, list(vectors)))
    s.add_all(EmbeddingCache(embedder=embedder, content_hash=h, vector=np.asarray(v, dtype=np.float32).tobytes())
              for h, v in vectors.items() if h not in present)


def register_model(s: Session, card: dict) -> ModelVersion:
    mv = s.scalar(select(ModelVersion).where(ModelVersion.version == card["version"]))
    if mv is None:
        mv = ModelVersion(kind=card.get("kind", "classifier"), version=card["version"], train_size=card.get("train_size", 0),
                          data_hash=card.get("data_hash", ""), metrics=card.get("metrics", {}),
                          artefact_path=card.get("artefact_path", ""))
        s.add(mv)
    s.execute(update(ModelVersion).where(ModelVersion.kind == mv.kind, ModelVersion.version != mv.version).values(active=False))
    mv.active = True
    return mv
