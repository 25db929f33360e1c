"""Concurrent PM edits (issue 12 item 15): an edit that lost a race is a StaleEdit the board shows as "reload",
never an uncaught StaleDataError; merge checks the version the PM saw; sizes are derived from members."""

from __future__ import annotations

import numpy as np
import pytest
from sqlalchemy import select

from huisheng.storage import clusters as cstore
from huisheng.storage.schema import Analysis, Cluster, Item, Source


def _two_clusters(db) -> tuple[int, int]:
    with db.session() as s:
        src = Source(name="s")
        s.add(src)
        s.flush()
        a = cstore.create_cluster(s, "bug", "e", np.ones(4, dtype=np.float32))
        b = cstore.create_cluster(s, "bug", "e", np.ones(4, dtype=np.float32))
        for k, cid in enumerate([a.id] * 3 + [b.id] * 2):
            it = Item(source_id=src.id, external_id=str(k), text=f"t{k}", normalized_text=f"t{k}", content_hash=str(k))
            s.add(it)
            s.flush()
            s.add(Analysis(item_id=it.id, category="bug", model_version="m", content_hash=str(k), cluster_id=cid))
        a.size, b.size = 3, 2
        return a.id, b.id


def test_thirty_racing_edits_never_raise_stale_data_error(db):
    a, _b = _two_clusters(db)
    outcomes = []
    for k in range(30):
        first, second = db._sessions(), db._sessions()
        try:
            # both read the cluster (held, as during an edit), then one commits between the other's read and write
            held = (first.get(Cluster, a), second.get(Cluster, a))  # noqa: F841
            cstore.rename(first, a, f"名称{k}", actor="pm1")
            first.commit()
            try:
                (cstore.set_status if k % 2 else cstore.rename)(second, a, "triaged" if k % 2 else f"另一个{k}", "pm2")
                second.commit()
                outcomes.append("saved")
            except cstore.StaleEdit:
                second.rollback()
                outcomes.append("stale")
        finally:
            first.close()
            second.close()
    assert outcomes == ["stale"] * 30
    with db.session() as s:
        assert s.get(Cluster, a).label == "名称29"


def test_merge_checks_the_version_the_pm_saw(db):
    a, b = _two_clusters(db)
    with db.session() as s:
        seen = s.get(Cluster, a).version
    with db.session() as s:
        cstore.rename(s, a, "改过了", actor="pm2")
    with db.session() as s, pytest.raises(cstore.StaleEdit):
        cstore.merge(s, a, b, actor="pm1", expected_version=seen)
    with db.session() as s:
        cstore.merge(s, a, b, actor="pm1", expected_version=s.get(Cluster, a).version)
    with db.session() as s:
        assert s.get(Cluster, b).size == 5  # counted from members, not added from stored sizes


def test_repair_finds_clusters_whose_bookkeeping_disagrees(db):
    a, b = _two_clusters(db)
    with db.session() as s:
        s.get(Cluster, a).label = "有名字"
        s.get(Cluster, b).size = 0  # as after a run killed before refreshing it
        c = cstore.create_cluster(s, "bug", "e", np.ones(4, dtype=np.float32))
        c.merged_into = a
        s.flush()
        s.execute(select(Analysis).limit(1)).scalar_one().cluster_id = c.id  # a member stranded in a merged cluster
    with db.session() as s:
        touched = cstore.repair_bookkeeping(s)
    assert b in touched and a in touched
    with db.session() as s:
        assert s.scalar(select(Analysis.cluster_id).where(Analysis.cluster_id == c.id)) is None


def test_a_merge_while_a_run_moves_clusters_to_a_new_space_keeps_the_targets_centroid(db):
    """A run re-expressing clusters in a new vector space commits them in chunks; a PM merging a not-yet-moved
    cluster into a moved one must not average centroids of two spaces (same length: a silently wrong centroid under
    the new space's name; another length: the merge failed)."""
    for old_dim in (4, 6):
        with db.session() as s:
            moved = cstore.create_cluster(s, "bug", "new-space", np.eye(4, dtype=np.float32)[0])
            old = cstore.create_cluster(s, "bug", "old-space", np.eye(old_dim, dtype=np.float32)[1])
            moved.size, old.size = 5, 5
            ids = moved.id, old.id
        with db.session() as s:
            target = cstore.merge(s, ids[1], ids[0], actor="pm")
            assert target.embedder == "new-space"
            np.testing.assert_array_equal(np.frombuffer(target.centroid, dtype=np.float32), np.eye(4)[0])
        with db.session() as s:
            assert s.get(Cluster, ids[1]).merged_into == ids[0]
