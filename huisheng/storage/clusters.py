"""Clusters: what runs may change (membership, centroid, keywords) and what only a PM may (label once renamed,
status, merges, splits). Every PM edit is written to the audit log in the same transaction."""

from __future__ import annotations

from datetime import datetime

import numpy as np
from sqlalchemy import bindparam, func, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from huisheng.storage.analysis import cached_embeddings
from huisheng.storage.curation import record_decision
from huisheng.storage.schema import (
    CLUSTER_STATUSES,
    Analysis,
    Cluster,
    Decision,
    Item,
    utcnow,
)


class StaleEdit(RuntimeError):
    """Someone else changed the cluster since it was read (optimistic locking)."""


def centroid_index(s: Session, category: str, embedder: str, dim: int) -> tuple[np.ndarray, np.ndarray]:
    """Ids and centroid matrix (float32, one row per cluster) of a category's live clusters. Two columns and one
    buffer instead of ORM objects: 10,000 clusters load in tens of milliseconds rather than a quarter second."""
    rows = s.execute(select(Cluster.id, Cluster.centroid).where(
        Cluster.merged_into.is_(None), Cluster.category == category, Cluster.embedder == embedder,
        Cluster.centroid.is_not(None)).order_by(Cluster.id)).all()
    rows = [(cid, blob) for cid, blob in rows if len(blob) == dim * 4]  # another embedder's size cannot be compared
    ids = np.fromiter((cid for cid, _b in rows), dtype=np.int64, count=len(rows))
    return ids, np.frombuffer(b"".join(blob for _c, blob in rows), dtype=np.float32).reshape(len(rows), dim)


def create_cluster(s: Session, category: str, embedder: str, centroid: np.ndarray) -> Cluster:
    c = Cluster(category=category, embedder=embedder, centroid=np.asarray(centroid, dtype=np.float32).tobytes())
    s.add(c)
    s.flush()
    return c


def set_membership(s: Session, item_ids: list[int], cluster_id: int | None, similarities: list[float] | None = None) -> None:
    if similarities is None:
        s.execute(update(Analysis).where(Analysis.item_id.in_(item_ids)).values(cluster_id=cluster_id))
        return
    set_memberships(s, item_ids, [cluster_id] * len(item_ids), similarities)


_MEMBERSHIP = (update(Analysis.__table__).where(Analysis.__table__.c.item_id == bindparam("b_item"))
               .values(cluster_id=bindparam("b_cluster"), cluster_similarity=bindparam("b_sim")))


def set_memberships(s: Session, item_ids: list[int], cluster_ids: list[int | None], similarities: list[float | None]) -> None:
    """One executemany for many items: a statement per item costs ~1.5 ms in SQLite, 1.5 s per 1,000 new items."""
    params = [{"b_item": int(i), "b_cluster": None if c is None else int(c), "b_sim": None if m is None else float(m)}
              for i, c, m in zip(item_ids, cluster_ids, similarities)]
    if params:
        s.execute(_MEMBERSHIP, params)


def member_facts(s: Session, cluster_ids: list[int], chunk: int = 900) -> dict[int, tuple[int, datetime | None, datetime | None]]:
    """Member count, first and last item date per cluster, counted in SQL."""
    out: dict[int, tuple] = {}
    for start in range(0, len(cluster_ids), chunk):
        for cid, n, first, last in s.execute(
                select(Analysis.cluster_id, func.count(), func.min(func.coalesce(Item.created_at, Item.ingested_at)),
                       func.max(func.coalesce(Item.created_at, Item.ingested_at)))
                .join(Item, Item.id == Analysis.item_id)
                .where(Analysis.cluster_id.in_(cluster_ids[start : start + chunk])).group_by(Analysis.cluster_id)):
            out[cid] = (n, first, last)
    return out


def refreshed_sizes(s: Session, cluster_ids: list[int], chunk: int = 900) -> dict[int, int | None]:
    """Size at each cluster's last full refresh (None: not refreshed since schema 8)."""
    out: dict[int, int | None] = {}
    for start in range(0, len(cluster_ids), chunk):
        out.update(s.execute(select(Cluster.id, Cluster.refreshed_size)
                             .where(Cluster.id.in_(cluster_ids[start : start + chunk]))).all())
    return out


def waiting_items(s: Session, category: str, checked: bool, limit: int | None = None) -> list[tuple[int, str, str]]:
    """(id, normalised text, content hash) of the category's items in no cluster, newest first: those the recluster
    step has not looked at yet (``checked=False``) or those it looked at and left waiting for more voices."""
    effective = func.coalesce(Item.human_category, Analysis.category)
    mark = Analysis.cluster_checked_at.is_not(None) if checked else Analysis.cluster_checked_at.is_(None)
    q = (select(Item.id, Item.normalized_text, Item.content_hash).join(Analysis, Analysis.item_id == Item.id)
         .where(Analysis.cluster_id.is_(None), effective == category, mark)
         .order_by(Item.created_at.desc().nulls_last(), Item.id.desc()))
    return list(s.execute(q if limit is None else q.limit(limit)))


def waiting_total(s: Session, categories: tuple[str, ...]) -> int:
    """Items of these categories looked at and left waiting for more voices, from every run so far."""
    effective = func.coalesce(Item.human_category, Analysis.category)
    return int(s.scalar(select(func.count()).select_from(Analysis).join(Item, Item.id == Analysis.item_id)
                        .where(Analysis.cluster_id.is_(None), Analysis.cluster_checked_at.is_not(None),
                               effective.in_(categories))) or 0)


def mark_checked(s: Session, item_ids: list[int], when: datetime, chunk: int = 900) -> None:
    """Items the recluster step grouped with nothing: they wait, and later runs pair them only with new items."""
    for start in range(0, len(item_ids), chunk):
        s.execute(update(Analysis).where(Analysis.item_id.in_(item_ids[start : start + chunk]))
                  .values(cluster_checked_at=when))


def member_rows(s: Session, cluster_id: int) -> list[tuple[int, str, str, datetime | None, str, str | None]]:
    """(item id, normalised text, content hash, created_at, original text, title) of a cluster's members."""
    return members_by_cluster(s, [cluster_id])[cluster_id]


def members_by_cluster(s: Session, cluster_ids: list[int], chunk: int = 900) -> dict[int, list[tuple]]:
    """``member_rows`` for many clusters in a few queries (one per ``chunk`` clusters), not one query each."""
    out: dict[int, list[tuple]] = {cid: [] for cid in cluster_ids}
    for start in range(0, len(cluster_ids), chunk):
        for cid, *row in s.execute(
                select(Analysis.cluster_id, Item.id, Item.normalized_text, Item.content_hash,
                       func.coalesce(Item.created_at, Item.ingested_at), Item.text, Item.title)
                .join(Analysis, Analysis.item_id == Item.id)
                .where(Analysis.cluster_id.in_(cluster_ids[start : start + chunk])).order_by(Item.id)):
            out[cid].append(tuple(row))
    return out


def clusters_in_other_space(s: Session, space: str) -> list[int]:
    """Live clusters whose centroid is in another vector space than ``space`` (the embedder or a stored-space
    setting changed since they were made)."""
    return list(s.scalars(select(Cluster.id).where(Cluster.merged_into.is_(None), Cluster.embedder != space)
                          .order_by(Cluster.id)))


def adopt_space(s: Session, c: Cluster, space: str) -> None:
    """A cluster left without members when its space changed: no centroid until it has members again (an old
    centroid under the new space's name would be compared with vectors it was never made from)."""
    c.embedder, c.centroid = space, None


def refresh_stats(s: Session, c: Cluster, centroid: np.ndarray, keywords: list[str], label: str, quotes: list[str],
                  size: int, first_seen, last_seen, space: str | None = None) -> None:
    """What a run may update. A PM-renamed label (label_locked) is left alone. ``space``: the centroid is of that
    vector space (a cluster re-expressed after the space changed)."""
    if space is not None:
        c.embedder = space
    c.centroid = np.asarray(centroid, dtype=np.float32).tobytes()
    c.keywords, c.quotes, c.size, c.refreshed_size = keywords, quotes, size, size
    c.first_seen, c.last_seen = first_seen, last_seen
    if not c.label_locked:
        c.label = label
    c.updated_at = utcnow()


def _flush(s: Session, cluster_id: int) -> None:
    """Write now; a concurrent edit of the same cluster (its version moved under us) becomes a StaleEdit the board
    shows as "reload", not an uncaught StaleDataError."""
    try:
        s.flush()
    except StaleDataError:
        raise StaleEdit(f"cluster {cluster_id} was changed by someone else while you edited it; reload") from None


def repair_bookkeeping(s: Session) -> set[int]:
    """Clusters whose stored facts disagree with their members, after a crash or an edit racing a run: members
    still in a merged cluster are moved to the live one; returns every cluster whose size or label must be
    recomputed (size != member count, or members but no label). Sizes are derived, never trusted."""
    merged = {cid: into for cid, into in s.execute(select(Cluster.id, Cluster.merged_into)
                                                   .where(Cluster.merged_into.is_not(None)))}
    touched: set[int] = set()
    if merged:
        stranded = s.scalars(select(Analysis.cluster_id).where(Analysis.cluster_id.in_(list(merged))).distinct()).all()
        for cid in stranded:
            live = resolve(s, cid)
            s.execute(update(Analysis).where(Analysis.cluster_id == cid).values(cluster_id=live))
            touched.add(live)
    counts = (select(Analysis.cluster_id.label("cid"), func.count().label("n")).where(Analysis.cluster_id.is_not(None))
              .group_by(Analysis.cluster_id).subquery())
    rows = s.execute(select(Cluster.id, Cluster.size, Cluster.label, func.coalesce(counts.c.n, 0))
                     .outerjoin(counts, counts.c.cid == Cluster.id).where(Cluster.merged_into.is_(None)))
    touched |= {cid for cid, size, label, n in rows if size != n or (n and not label)}
    return touched


def _locked(s: Session, cluster_id: int, expected_version: int | None) -> Cluster:
    c = s.get(Cluster, cluster_id)
    if c is None:
        raise KeyError(f"no cluster {cluster_id}")
    if expected_version is not None and c.version != expected_version:
        raise StaleEdit(f"cluster {cluster_id} was changed by someone else (version {c.version}, you had {expected_version}); reload")
    return c


def rename(s: Session, cluster_id: int, label: str, actor: str, expected_version: int | None = None) -> Cluster:
    label = label.strip()
    if not label:
        raise ValueError("a cluster label cannot be empty")
    c = _locked(s, cluster_id, expected_version)
    before = {"label": c.label}
    c.label, c.label_locked, c.updated_at = label, True, utcnow()
    record_decision(s, actor, "rename_cluster", "cluster", c.id, before, {"label": label})
    _flush(s, c.id)
    return c


def set_status(s: Session, cluster_id: int, status: str, actor: str, expected_version: int | None = None) -> Cluster:
    if status not in CLUSTER_STATUSES:
        raise ValueError(f"unknown status {status!r}; one of {CLUSTER_STATUSES}")
    c = _locked(s, cluster_id, expected_version)
    before = {"status": c.status}
    c.status, c.updated_at = status, utcnow()
    record_decision(s, actor, "set_cluster_status", "cluster", c.id, before, {"status": status})
    _flush(s, c.id)
    return c


def merge(s: Session, source_id: int, target_id: int, actor: str, expected_version: int | None = None,
          expected_target_version: int | None = None) -> Cluster:
    """Move every member of ``source_id`` into ``target_id``; the source remains as a pointer (merged_into).
    Like every PM edit it checks the versions the PM saw (optimistic locking)."""
    if source_id == target_id:
        raise ValueError("cannot merge a cluster into itself")
    src, dst = _locked(s, source_id, expected_version), _locked(s, target_id, expected_target_version)
    if src.merged_into is not None or dst.merged_into is not None:
        raise ValueError("one of these clusters was already merged")
    s.execute(update(Analysis).where(Analysis.cluster_id == src.id).values(cluster_id=dst.id))
    sizes = (src.size, dst.size)
    # centroids of two vector spaces (a run was moving clusters to a new one) are not averaged: the target keeps its
    # own until its next refresh, which reads the moved members
    if src.centroid and dst.centroid and sum(sizes) and src.embedder == dst.embedder:
        a, b = np.frombuffer(src.centroid, dtype=np.float32), np.frombuffer(dst.centroid, dtype=np.float32)
        mixed = (a * sizes[0] + b * sizes[1]) / max(sum(sizes), 1)
        dst.centroid = (mixed / max(np.linalg.norm(mixed), 1e-12)).astype(np.float32).tobytes()
    dst.size = s.scalar(select(func.count()).select_from(Analysis).where(Analysis.cluster_id == dst.id))  # derived
    dst.first_seen = min(filter(None, [src.first_seen, dst.first_seen]), default=None)
    dst.last_seen = max(filter(None, [src.last_seen, dst.last_seen]), default=None)
    src.merged_into, src.size, src.updated_at, dst.updated_at = dst.id, 0, utcnow(), utcnow()
    record_decision(s, actor, "merge_cluster", "cluster", src.id, {"cluster": src.id}, {"merged_into": dst.id})
    _flush(s, src.id)
    return dst


def _unit_mean(vectors: list[np.ndarray]) -> np.ndarray:
    c = np.mean(vectors, axis=0)
    return (c / max(float(np.linalg.norm(c)), 1e-12)).astype(np.float32)


def split(s: Session, cluster_id: int, item_ids: list[int], label: str, actor: str,
          expected_version: int | None = None) -> Cluster:
    """Move some members of a cluster into a new cluster named by the PM.

    The new cluster is label_locked, so later runs keep its name; its members keep their cluster id because runs
    only place items that have none. Here, both halves' centroids come from the members' cached vectors when the
    cache holds vectors of the clusters' space, which is only so in the semantic-only space; in the default hybrid
    space both halves keep the old centroid and the caller recomputes them in the right space straight after
    (services.recluster.split_cluster, the board's split action), so new items like them join the new cluster.
    """
    label, item_ids = label.strip(), sorted(set(int(i) for i in item_ids))
    if not label:
        raise ValueError("the new cluster needs a name")
    if not item_ids:
        raise ValueError("choose at least one member to split off")
    src = _locked(s, cluster_id, expected_version)
    if src.merged_into is not None:
        raise ValueError(f"cluster {cluster_id} was merged into {src.merged_into}")
    members = {iid: (h, when) for iid, _t, h, when, *_text in member_rows(s, src.id)}
    strangers = [i for i in item_ids if i not in members]
    if strangers:
        raise ValueError(f"not members of cluster {cluster_id}: {strangers[:10]}")
    if len(item_ids) == len(members):
        raise ValueError("cannot split off every member; rename the cluster instead")
    vectors = cached_embeddings(s, src.embedder, sorted({h for h, _w in members.values()}))
    moved = [vectors[members[i][0]] for i in item_ids if members[i][0] in vectors]
    chosen = set(item_ids)
    kept = [vectors[h] for i, (h, _w) in members.items() if i not in chosen and h in vectors]
    center = _unit_mean(moved) if moved else np.frombuffer(src.centroid, dtype=np.float32) if src.centroid else None
    dates = [members[i][1] for i in item_ids if members[i][1] is not None]
    new = Cluster(category=src.category, embedder=src.embedder, label=label, label_locked=True, size=len(item_ids),
                  centroid=None if center is None else center.tobytes(), first_seen=min(dates, default=None),
                  last_seen=max(dates, default=None))
    s.add(new)
    s.flush()
    sims = [float(vectors[members[i][0]] @ center) if members[i][0] in vectors and center is not None else None
            for i in item_ids]
    set_memberships(s, item_ids, [new.id] * len(item_ids), sims)
    before = {"cluster": src.id, "label": src.label, "size": src.size}
    if kept:
        src.centroid = _unit_mean(kept).tobytes()
    # its quotes may be the moved items: the board falls back to its most similar members until a run refreshes it
    src.size, src.quotes, src.updated_at = len(members) - len(item_ids), [], utcnow()
    record_decision(s, actor, "split_cluster", "cluster", src.id, before,
                    {"new_cluster": new.id, "label": label, "item_ids": item_ids})
    _flush(s, src.id)
    return new


def cluster_decisions(s: Session, cluster_ids: list[int], limit: int = 50) -> dict[int, list[Decision]]:
    """Each cluster's own audit entries, newest first: edits to it, merges into it and splits out of it."""
    if not cluster_ids:
        return {}
    merged_into = Decision.after["merged_into"].as_integer()
    split_to = Decision.after["new_cluster"].as_integer()
    rows = s.scalars(select(Decision).where(Decision.target_type == "cluster", or_(
        Decision.target_id.in_(cluster_ids), merged_into.in_(cluster_ids), split_to.in_(cluster_ids)))
        .order_by(Decision.id.desc()))
    out: dict[int, list[Decision]] = {cid: [] for cid in cluster_ids}
    for d in rows:
        after = d.after or {}
        for cid in {d.target_id, after.get("merged_into"), after.get("new_cluster")} & set(cluster_ids):
            if len(out[cid]) < limit:
                out[cid].append(d)
    return out


def resolve(s: Session, cluster_id: int) -> int:
    """Follow merged_into pointers to the live cluster."""
    seen = set()
    c = s.get(Cluster, cluster_id)
    while c is not None and c.merged_into is not None and c.id not in seen:
        seen.add(c.id)
        c = s.get(Cluster, c.merged_into)
    return c.id if c else cluster_id


def _live(q, category: str | tuple[str, ...] | None, status: str | None):
    """``category``: one category, or several (the board's triage view: bugs and requests)."""
    q = q.where(Cluster.merged_into.is_(None), Cluster.size > 0)
    if isinstance(category, (tuple, list)):
        q = q.where(Cluster.category.in_(category))
    elif category:
        q = q.where(Cluster.category == category)
    if status:
        q = q.where(Cluster.status == status)
    return q.order_by(Cluster.size.desc(), Cluster.id)


def board_clusters(s: Session, category: str | tuple[str, ...] | None = None, status: str | None = None) -> list[Cluster]:
    return list(s.scalars(_live(select(Cluster), category, status)))


def board_cluster_rows(s: Session, category: str | tuple[str, ...] | None = None, status: str | None = None):
    """``board_clusters`` as light rows (id, label, category, size, first_seen, keywords), largest first: what
    ranking, counting and the choosers need, without loading thousands of centroids and quotes."""
    return s.execute(_live(select(Cluster.id, Cluster.label, Cluster.category, Cluster.size, Cluster.first_seen,
                                  Cluster.keywords), category, status)).all()


def clusters_by_id(s: Session, ids: list[int]) -> list[Cluster]:
    """These clusters, in the order of ``ids`` (missing ones left out)."""
    if not ids:
        return []
    found = {c.id: c for c in s.scalars(select(Cluster).where(Cluster.id.in_(ids)))}
    return [found[i] for i in ids if i in found]


def cluster_member_rows(s: Session, cluster_id: int, limit: int = 200):
    """``cluster_members`` as light rows of what the board's member table shows (id, title, text, author,
    created_at, human_category, category, cluster_similarity, quality_score), in the same order."""
    return s.execute(select(Item.id, Item.title, Item.text, Item.author, Item.created_at, Item.human_category,
                            Analysis.category, Analysis.cluster_similarity, Analysis.quality_score)
                     .join(Analysis, Analysis.item_id == Item.id).where(Analysis.cluster_id == cluster_id)
                     .order_by(Analysis.cluster_similarity.desc().nulls_last(), Item.id).limit(limit)).all()


def cluster_members(s: Session, cluster_id: int, limit: int = 200) -> list[tuple[Item, Analysis]]:
    return list(s.execute(select(Item, Analysis).join(Analysis, Analysis.item_id == Item.id)
                          .where(Analysis.cluster_id == cluster_id)
                          .order_by(Analysis.cluster_similarity.desc().nulls_last(), Item.id).limit(limit)).tuples())
