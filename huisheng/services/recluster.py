"""Keep clusters current while their identity stays stable (DESIGN §5).

1. Items without a cluster join the nearest live cluster of their category when similar enough to its centroid
   (``cluster_join_threshold``: a centroid is closer to members than members are to each other, so this is higher
   than the pairwise cut ``cluster_threshold``; replaying the sample's two months, 0.45 vs the old shared 0.21 gives
   bug ARI 0.71 vs 0.60 and requests 0.85 vs 0.85).
2. The rest are clustered among themselves; each new group either matches an existing cluster (centroids close)
   or becomes a new cluster. Too-small groups wait for more voices.
3. Touched clusters get fresh centroid, size, dates, keywords and quotes; a PM's label, status and merges stay.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from huisheng import progress
from huisheng.faults import checkpoint
from huisheng.models.clustering import EXACT_MAX, ThresholdClusterer, assign_to_centroids, centroid
from huisheng.models.embedders import get_embedder
from huisheng.models.normalize import join_title, user_voice
from huisheng.models.pii import mask_label
from huisheng.models.representation import ClassTfidfLabeler
from huisheng.models.topics import CLUSTERED_CATEGORIES
from huisheng.models.vectorize import TopicVectorizer, topic_vectorizer
from huisheng.services.embedding_cache import embed_cached
from huisheng.settings import Settings
from huisheng.storage import clusters as cstore
from huisheng.storage.analysis import cached_embeddings
from huisheng.storage.db import Database
from huisheng.storage.schema import Cluster, utcnow

log = logging.getLogger(__name__)
CHUNK = 3000  # new items grouped per step: with their waiting partners at most EXACT_MAX rows, an exact n×n
ADOPT_CHUNK = 500  # clusters moved to a new clustering space per transaction
POOL = 10_000  # the most recent waiting items new ones may be grouped with (older singletons age out of pairing)
KEYWORD_MEMBERS = 400  # members a cluster's keywords are computed from: segmenting all of a few hundred touched
# clusters' members was most of a 1,000-new-items run against 100k items (jieba), for the same top words
LIGHT_GROWTH, LIGHT_MIN_SIZE = 0.1, 20  # see _light_growth
MATCH_MARGIN = 0.05  # a new group must be this much closer to an old centroid than a single item has to be


@dataclass
class ReclusterSummary:
    joined: int = 0
    new_clusters: int = 0
    matched_groups: int = 0
    unclustered: int = 0  # this run's new items left waiting
    waiting_total: int = 0  # every item waiting for more voices, this run's and earlier runs'
    repaired: int = 0
    respaced: int = 0  # clusters re-expressed in the current vector space (a clustering setting changed)
    touched: set[int] = field(default_factory=set)  # clusters to refresh in full (keywords, quotes, centroid)
    grown: dict[int, list] = field(default_factory=dict)  # cluster -> [sum of joined rows, how many] this run

    def line(self) -> str:
        return (f"{self.joined} items joined existing clusters, {self.new_clusters} new clusters, "
                f"{self.unclustered} items wait for more voices ({self.waiting_total} in all)"
                + (f", {self.repaired} clusters repaired" if self.repaired else "")
                + (f", {self.respaced} clusters moved to the current clustering space" if self.respaced else ""))


def embed_with_cache(db: Database, vec: TopicVectorizer, category: str, hashes: list[str], texts: list[str]):
    """Clustering rows (models/vectorize) of the given normalised texts. Their semantic embeddings are cached per
    content hash (keyed by the category, as the focused text depends on it); a text that focusing left unchanged
    reuses the vector the classifier cached for it, so it is embedded once, ever. The lexical part is cheap and
    recomputed."""
    prepared = vec.prepare(texts, [category] * len(texts))
    if not hashes:
        return np.zeros((0, 1), dtype=np.float32)
    base_name = get_embedder(vec.embedder).name
    with db.session() as s:
        unchanged = [h for h, t, p in zip(hashes, texts, prepared) if t == p]
        reusable = cached_embeddings(s, base_name, list(set(unchanged))) if unchanged else {}

    by_hash = dict(zip(hashes, prepared))
    need = [h for h in dict.fromkeys(hashes) if h not in reusable]
    semantic = dict(reusable)
    if need:
        rows = embed_cached(db, vec.semantic_name(category), vec.embed_semantic, need, [by_hash[h] for h in need])
        semantic.update(zip(need, rows))
    return vec.vectors(prepared, np.stack([semantic[h] for h in hashes]))


@dataclass
class Joined:
    """Step 1's outcome: which live cluster (row of ``centroids``) each item joined, -1 for none."""

    cluster_ids: np.ndarray  # live cluster ids, in the row order of ``centroids``
    centroids: np.ndarray
    best: np.ndarray
    sims: np.ndarray


def join_existing(s, category: str, embedder_name: str, ids: list[int], X: np.ndarray, threshold: float) -> Joined:
    """Step 1: items join the nearest live cluster of their category when similar enough (memberships written in
    one statement). bench/bench_assign.py times this for 1,000 items against 10,000 clusters."""
    cluster_ids, C = cstore.centroid_index(s, category, embedder_name, X.shape[1])
    best, sims = assign_to_centroids(X, C, threshold)
    joined = np.flatnonzero(best >= 0)
    cstore.set_memberships(s, [ids[i] for i in joined], cluster_ids[best[joined]].tolist(), sims[joined].tolist())
    return Joined(cluster_ids, C, best, sims)


def recluster(db: Database, settings: Settings) -> ReclusterSummary:
    summary = ReclusterSummary()
    # self-healing: a run killed between placing items and refreshing their clusters (or an edit racing a run) left
    # sizes/labels that disagree with the members; they are recomputed below with the clusters this run touches
    with db.session() as s:
        repair = cstore.repair_bookkeeping(s)
    summary.repaired = len(repair)
    summary.touched |= repair
    summary.respaced = adopt_current_space(db, settings)
    vec = topic_vectorizer(settings, stored=True)
    waiting: set[int] = set()  # this run's new items still waiting (a later step may pair one with newer items)
    for category in CLUSTERED_CATEGORIES:
        with db.session() as s:
            new = cstore.waiting_items(s, category, checked=False)
        if not new:
            continue  # nothing new: what waits was grouped with everything it could be grouped with
        with db.session() as s:
            looked_at = cstore.waiting_items(s, category, checked=True, limit=POOL)
        pool = WaitingPool.of(db, vec, category, looked_at)
        for start in range(0, len(new), CHUNK):
            _place_step(db, settings, vec, category, new[start : start + CHUNK], pool, summary, waiting)
    summary.unclustered = len(waiting)
    with db.session() as s:
        summary.waiting_total = cstore.waiting_total(s, CLUSTERED_CATEGORIES)
    light = _light_growth(db, summary)
    refresh_clusters(db, settings, summary.touched | (set(summary.grown) - set(light)))
    grow_clusters(db, light)
    return summary


def _light_growth(db: Database, summary: ReclusterSummary) -> dict[int, tuple]:
    """Clusters that gained members this run but, since their last full refresh, fewer than ``LIGHT_GROWTH`` of their
    size then (which was at least ``LIGHT_MIN_SIZE``), with their member facts: keywords and quotes stand, only size,
    dates and centroid move. Re-reading and segmenting every member of hundreds of touched clusters was most of a
    1,000-new-items run on a big database."""
    candidates = [cid for cid in summary.grown if cid not in summary.touched]
    with db.session() as s:
        facts = cstore.member_facts(s, candidates)  # (count now, first, last)
        refreshed = cstore.refreshed_sizes(s, candidates)
    light = {}
    for cid in candidates:
        total, k = summary.grown[cid]
        now = facts.get(cid, (0,))[0]
        # growth since the last full refresh, over the runs (a cluster refreshed before schema 8: this run's)
        base = refreshed.get(cid)
        base = now - k if base is None else base
        if base >= LIGHT_MIN_SIZE and abs(now - base) < LIGHT_GROWTH * base:
            light[cid] = (total, k, *facts[cid])
    return light


def grow_clusters(db: Database, grown: dict[int, tuple]) -> None:
    """Size and dates from the members, the centroid moved toward the joined rows (the old unit centroid weighted by
    the old size: it moves a little slower than the exact mean; a full refresh follows once a cluster grows more)."""

    def write(s) -> None:
        for cid, (total, k, size, first, last) in grown.items():
            c = s.get(Cluster, cid)
            if c is None:
                continue
            old = np.frombuffer(c.centroid, dtype=np.float32) if c.centroid else None
            if old is not None and old.shape == np.shape(total):
                center = old * max(size - k, 0) + np.asarray(total, dtype=np.float32)
                c.centroid = (center / max(float(np.linalg.norm(center)), 1e-12)).astype(np.float32).tobytes()
            c.size, c.first_seen, c.last_seen, c.updated_at = size, first, last, utcnow()

    if grown:
        _write_fresh(db, write)


def _place_step(db: Database, settings: Settings, vec: TopicVectorizer, category: str, rows: list[tuple],
                pool: WaitingPool, summary: ReclusterSummary, waiting: set[int]) -> None:
    """One chunk of new items, in one transaction: join live clusters, then group the rest with each other and with
    their near neighbours among the waiting; groups become clusters, the rest is marked as looked at and waits."""
    ids = [r[0] for r in rows]
    X = _rows(embed_with_cache(db, vec, category, [r[2] for r in rows], [r[1] for r in rows]))
    with db.session() as s:
        joined = join_existing(s, category, vec.name, ids, X, settings.cluster_join_threshold)
        best, C = joined.best, joined.centroids
        for i in np.flatnonzero(best >= 0):
            grown = summary.grown.setdefault(int(joined.cluster_ids[best[i]]), [0.0, 0])
            grown[0] = grown[0] + _dense_row(X[i])
            grown[1] += 1
        summary.joined += int((best >= 0).sum())
        rest = np.flatnonzero(best < 0)
        partners = pool.partners(X[rest], settings.cluster_threshold, cap=max(EXACT_MAX - len(rest), 0))
        group_ids = [ids[i] for i in rest] + [pool.ids[j] for j in partners]
        Z = _stack(X[rest], pool.X[partners]) if len(partners) else X[rest]
        labels = ThresholdClusterer(settings.cluster_threshold, settings.cluster_min_size).fit(Z).labels_
        for lab in range(labels.max() + 1 if len(labels) else 0):
            members = np.flatnonzero(labels == lab)
            center = centroid(Z[members])
            match, _sim = assign_to_centroids(center[None, :], C, settings.cluster_join_threshold + MATCH_MARGIN)
            if match[0] >= 0:
                cluster_id = int(joined.cluster_ids[match[0]])
                summary.matched_groups += 1
            else:
                cluster_id = cstore.create_cluster(s, category, vec.name, center).id
                summary.new_clusters += 1
            cstore.set_membership(s, [group_ids[i] for i in members], cluster_id, list(Z[members] @ center))
            summary.touched.add(cluster_id)
        left = [i for i in range(len(rest)) if labels[i] < 0]
        cstore.mark_checked(s, [group_ids[i] for i in left], utcnow())
        placed_partners = [group_ids[i] for i in range(len(rest), len(group_ids)) if labels[i] >= 0]
    pool.drop(placed_partners)
    pool.add([group_ids[i] for i in left], Z[left])
    waiting.difference_update(placed_partners)
    waiting.update(group_ids[i] for i in left)
    progress.committed("items placed in clusters", len(ids) - len(left))
    checkpoint(f"recluster:placed:{category}")  # items placed (committed), their clusters not yet refreshed


def _dense_row(x) -> np.ndarray:
    return np.asarray(x.toarray() if sparse.issparse(x) else x, dtype=np.float32).ravel()


def _rows(X):
    """Dense rows when they are narrow (the stored space: embedding + projected n-grams); sparse otherwise."""
    return X.toarray() if sparse.issparse(X) and X.shape[1] <= 4096 else X


def _stack(top, bottom):
    if sparse.issparse(top) or sparse.issparse(bottom):
        return sparse.vstack([sparse.csr_matrix(top), sparse.csr_matrix(bottom)], format="csr")
    return np.vstack([top, bottom])


class WaitingPool:
    """Rows of items looked at before and left waiting (the ``limit`` most recent), so a new item can be grouped
    with them. Kept in memory for one category during a run: each step adds what it left waiting and drops what it
    placed, so a backlog of any size is grouped in steps of ``CHUNK`` without an n×n matrix."""

    def __init__(self, ids: list[int], X, limit: int = POOL):
        self.ids, self.X, self.limit = list(ids), X, limit

    @classmethod
    def of(cls, db: Database, vec: TopicVectorizer, category: str, rows: list[tuple]) -> WaitingPool:
        if not rows:
            return cls([], None)
        return cls([r[0] for r in rows], _rows(embed_with_cache(db, vec, category, [r[2] for r in rows],
                                                                  [r[1] for r in rows])))

    def partners(self, X: np.ndarray, threshold: float, cap: int) -> np.ndarray:
        """Indices of waiting rows at least ``threshold`` similar to some row of ``X`` (the ``cap`` most similar)."""
        if not self.ids or not X.shape[0] or cap <= 0:
            return np.zeros(0, dtype=np.int64)
        best = np.full(len(self.ids), -np.inf, dtype=np.float32)
        for start in range(0, X.shape[0], 1024):
            block = X[start : start + 1024] @ self.X.T
            block = block.toarray() if sparse.issparse(block) else block
            np.maximum(best, np.asarray(block, dtype=np.float32).max(axis=0), out=best)
        near = np.flatnonzero(best >= threshold)
        return near if len(near) <= cap else near[np.argsort(-best[near], kind="stable")[:cap]]

    def drop(self, item_ids: list[int]) -> None:
        if item_ids:
            gone = set(item_ids)
            keep = [k for k, i in enumerate(self.ids) if i not in gone]
            self.ids, self.X = [self.ids[k] for k in keep], self.X[keep]

    def add(self, item_ids: list[int], X: np.ndarray) -> None:
        """Newer rows first; the oldest beyond ``limit`` age out of pairing (they stay waiting in the database)."""
        if item_ids:
            self.X = (X if not self.ids else _stack(X, self.X))[: self.limit]
            self.ids = (list(item_ids) + self.ids)[: self.limit]


def adopt_current_space(db: Database, settings: Settings) -> int:
    """Live clusters made in another vector space (the embedder, the semantic weight, the projection or the focus
    changed since) are re-expressed in the current one: centroid from their members, same id, members, label,
    status and hand-offs. Without this a settings change forked the board: old clusters were never matched again
    and every new item of their topics started a duplicate. Members' embeddings come from the cache when the
    embedder is unchanged; a new embedder embeds them once, here."""
    space = topic_vectorizer(settings, stored=True).name
    with db.session() as s:
        stale = cstore.clusters_in_other_space(s, space)
    if stale:
        # two processes with different clustering settings on one database would move the clusters back and forth
        log.warning("%d clusters were made in another clustering space; moving them to %s", len(stale), space)
    # each chunk commits on its own: a run stopped halfway leaves the rest in the old space for the next run
    for start in range(0, len(stale), ADOPT_CHUNK):
        refresh_clusters(db, settings, set(stale[start : start + ADOPT_CHUNK]), adopt_space=True)
    return len(stale)


def refresh_clusters(db: Database, settings: Settings, cluster_ids: set[int], max_members: int = 2000,
                     adopt_space: bool = False) -> None:
    """Recompute centroid, size, dates, keywords and quotes of the given clusters from their members.
    ``adopt_space``: the clusters may be of another vector space; they move to the current one."""
    if not cluster_ids:
        return
    labeler = ClassTfidfLabeler()
    vec = topic_vectorizer(settings, stored=True)
    with db.session() as s:
        # otherwise a cluster of another vector space keeps its centroid (adopt_current_space moves it first)
        query = select(Cluster).where(Cluster.id.in_(cluster_ids))
        if not adopt_space:
            query = query.where(Cluster.embedder == vec.name)
        clusters = {c.id: c for c in s.scalars(query)}
        members = cstore.members_by_cluster(s, list(clusters))
    by_category: dict[str, list[int]] = defaultdict(list)
    for cid, c in clusters.items():
        by_category[c.category].append(cid)
    for category, cids in by_category.items():
        groups = {cid: [m[1] for m in _spread(members[cid], KEYWORD_MEMBERS)] for cid in cids if members[cid]}
        keywords = labeler.keywords(groups)
        # embeddings first (cached, may write the cache), then one write transaction for the clusters
        # a big cluster's centroid from members spread over its life, not its oldest ones (a topic drifts)
        samples = {cid: _spread(members[cid], max_members) for cid in cids if members[cid]}
        vectors = _member_vectors(db, vec, category, samples)
        stats = {}
        for cid in cids:
            rows = members[cid]
            if not rows:
                stats[cid] = None
                continue
            sample, X = samples[cid], vectors[cid]
            center = centroid(X)
            dates = [m[3] for m in rows if m[3] is not None]
            kw = keywords.get(cid, [])
            # a label/keyword is shown and exported everywhere: a contact id many members repeat must not be one
            stats[cid] = (center, [mask_label(k) for k in kw], mask_label(labeler.label(kw)),
                          labeler.central_quotes([user_voice(join_title(m[5], m[4])) for m in sample], X, center), len(rows),
                          min(dates, default=None), max(dates, default=None))
        _write_stats(db, stats, vec.name if adopt_space else None)


def _spread(rows: list, k: int) -> list:
    """At most ``k`` rows spread evenly over the list (members are in id order, so over the cluster's life)."""
    return rows if len(rows) <= k else [rows[i * len(rows) // k] for i in range(k)]


def _write_stats(db: Database, stats: dict, space: str | None = None) -> None:
    """One transaction for a category's clusters (``space``: they now belong to that vector space)."""

    def write(s) -> None:
        for cid, st in stats.items():
            c = s.get(Cluster, cid)
            if c is None:
                continue
            if st is None:
                c.size = 0
                if space is not None:
                    cstore.adopt_space(s, c, space)
            else:
                cstore.refresh_stats(s, c, *st, space=space)

    _write_fresh(db, write)


def _write_fresh(db: Database, write, attempts: int = 3) -> None:
    """Run ``write(session)`` in one transaction. A PM edit committed meanwhile moves a cluster's version
    (StaleDataError): the write is redone on fresh rows, so the PM's label and status are kept, not overwritten."""
    for attempt in range(attempts):
        try:
            with db.session() as s:
                write(s)
            return
        except StaleDataError:
            if attempt == attempts - 1:
                raise


def _member_vectors(db: Database, vec: TopicVectorizer, category: str, samples: dict[int, list[tuple]],
                    batch_rows: int = 20_000) -> dict[int, np.ndarray]:
    """Members' embeddings per cluster, fetched for many clusters at once (a cache lookup per cluster cost ~1 ms
    each: a second for a run touching a thousand clusters) but at most ``batch_rows`` vectors per lookup."""
    out: dict[int, np.ndarray] = {}
    batch: list[int] = []

    def flush() -> None:
        rows = [m for cid in batch for m in samples[cid]]
        X = embed_with_cache(db, vec, category, [m[2] for m in rows], [m[1] for m in rows])
        offset = 0
        for cid in batch:
            out[cid] = X[offset : offset + len(samples[cid])]
            offset += len(samples[cid])
        batch.clear()

    for cid in samples:
        batch.append(cid)
        if sum(len(samples[c]) for c in batch) >= batch_rows:
            flush()
    if batch:
        flush()
    return out


def split_cluster(db: Database, settings: Settings, cluster_id: int, item_ids: list[int], label: str, actor: str,
                  expected_version: int | None = None) -> int:
    """A PM's split (storage.clusters.split), then both halves' centroids, keywords and quotes recomputed in the
    clusters' vector space, so the very next run sends new items to the half they resemble. Returns the new id."""
    with db.session() as s:
        new_id = cstore.split(s, cluster_id, item_ids, label, actor, expected_version=expected_version).id
    refresh_clusters(db, settings, {cluster_id, new_id})
    return new_id
