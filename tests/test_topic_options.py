"""Batch topic options of issue 8 part 3: venting words dropped, a semantic weight per category, and the
too-coarse/too-fine diagnostics of the bench. Fixed unit vectors stand in for the embedding (the embedder is not
what these tests are about, and fitting one takes most of a minute)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from scipy import sparse

from huisheng.models.clustering import similarity_matrix
from huisheng.models.topics import group_topics
from huisheng.models.vectorize import TopicVectorizer, combine, drop_venting, topic_vectorizer, unit_rows
from huisheng.settings import Settings


def _random_unit(rng, n, d):
    return unit_rows(rng.standard_normal((n, d)).astype(np.float32))


@pytest.mark.parametrize("dense_lexical", [True, False])
def test_per_row_weights_give_the_documented_dot_product(dense_lexical):
    rng = np.random.default_rng(0)
    U, L = _random_unit(rng, 5, 8), _random_unit(rng, 5, 30)
    w = np.array([0.3, 0.3, 0.4, 0.4, 0.9])
    X = combine(U, L if dense_lexical else sparse.csr_matrix(L), w)
    S = similarity_matrix(X)
    expected = np.sqrt(np.outer(w, w)) * (U @ U.T) + np.sqrt(np.outer(1 - w, 1 - w)) * (L @ L.T)
    assert np.allclose(S, np.clip(expected, -1, 1), atol=1e-5)
    # rows of equal weight score exactly as the scalar combine does; rows stay unit length
    assert np.allclose(S[:2, :2], similarity_matrix(combine(U[:2], L[:2], 0.3)), atol=1e-5)
    assert np.allclose(np.diag(S), 1.0, atol=1e-5)


def test_per_row_weights_are_checked():
    rng = np.random.default_rng(1)
    U, L = _random_unit(rng, 3, 4), _random_unit(rng, 3, 6)
    with pytest.raises(ValueError, match="in \\[0, 1\\]"):
        combine(U, L, np.array([0.2, 1.2, 0.3]))
    with pytest.raises(ValueError, match="2 weights for 3 rows"):
        combine(U, L, np.array([0.2, 0.3]))
    with pytest.raises(ValueError, match="in \\[0, 1\\]"):
        combine(U, L, 1.5)  # the scalar path keeps its check


def test_venting_words_are_dropped_but_a_pure_rant_is_kept_whole():
    assert drop_venting("垃圾软件，更新后一直闪退，怎么回事，尽快修复") == "，更新后一直闪退， ， 修复"
    assert "闪退" in drop_venting("差评 闪退") and "差评" not in drop_venting("差评 闪退")
    assert drop_venting("垃圾！") == "！"
    assert drop_venting("垃圾") == "垃圾"  # nothing else left: the text itself


def test_vectorizer_options_off_by_default_and_reachable_from_settings():
    old = topic_vectorizer(Settings())
    assert old.keep_venting and old.category_weights == {}
    assert "venting" not in old.name and "+w:" not in old.name
    new = topic_vectorizer(Settings(cluster_batch_drop_venting=True, cluster_batch_category_weights={"bug": 0.3}))
    assert not new.keep_venting and new.category_weights == {"bug": 0.3}
    assert "+w:bug@0.3" in new.name and "-venting" in new.name
    # the database path keeps its fixed space: the options are batch-only
    stored = topic_vectorizer(Settings(cluster_batch_drop_venting=True), stored=True)
    assert stored.keep_venting and stored.category_weights == {}
    with pytest.raises(ValueError, match="batch-only"):
        TopicVectorizer(lexical="seed", keep_venting=False)


def test_dropping_venting_words_regroups_rants_by_their_fault():
    vec_old = TopicVectorizer("tfidf-lsa", "hybrid", 0.4, True, 0, "batch-words", ["bug"])
    vec_new = TopicVectorizer("tfidf-lsa", "hybrid", 0.4, True, 0, "batch-words", ["bug"], keep_venting=False)
    texts = ["垃圾软件 垃圾 闪退", "垃圾软件 垃圾 登不上", "闪退 严重", "登不上 账号", "垃圾 垃圾"]
    cats = ["bug", "bug", "bug", "bug", "spam"]
    prepared = vec_new.prepare(texts, cats)
    assert prepared[:4] == ["闪退", "登不上", "闪退 严重", "登不上 账号"] and prepared[4] == "垃圾 垃圾"  # spam kept
    semantic = np.eye(5, 8, dtype=np.float32)  # fixed, mutually orthogonal stand-ins: only the words decide
    pools = [["bug"]]
    old = group_topics(texts, cats, vec_old.vectors(vec_old.prepare(texts, cats), semantic), 0.2, 1, pools=pools)
    new = group_topics(texts, cats, vec_new.vectors(prepared, semantic), 0.2, 1, pools=pools)
    assert old.cluster_ids[0] == old.cluster_ids[1]  # the shared rant words held two faults together
    assert new.cluster_ids[0] == new.cluster_ids[2] and new.cluster_ids[1] == new.cluster_ids[3]
    assert new.cluster_ids[0] != new.cluster_ids[1]


def test_category_weights_reach_the_rows():
    vec = TopicVectorizer("tfidf-lsa", "hybrid", 0.4, True, 0, "batch-words", ["bug"], category_weights={"bug": 0.0})
    texts, cats = ["登录闪退", "登录闪退"], ["bug", "feature_request"]
    semantic = np.eye(2, 8, dtype=np.float32)  # orthogonal embeddings, identical words
    X = vec.vectors(vec.prepare(texts, cats), semantic, cats)
    # bug row: all lexical (w=0); request row: w=0.4 -> dot = sqrt(0*0.4)*0 + sqrt(1*0.6)*1
    assert similarity_matrix(X)[0, 1] == pytest.approx(np.sqrt(0.6), abs=1e-5)
    # without categories the single weight is used (old behaviour of vectors())
    assert similarity_matrix(vec.vectors(vec.prepare(texts, cats), semantic))[0, 1] == pytest.approx(0.6, abs=1e-5)


def test_bench_diagnostics_tell_too_coarse_from_too_fine():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from bench_diagnostics import diagnostics

    gold = ["a"] * 4 + ["b"] * 4 + ["c"] * 4
    coarse = diagnostics(gold, np.array([0] * 8 + [1] * 4))  # a and b merged
    fine = diagnostics(gold, np.array([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]))  # every ticket halved
    assert coarse["oracle_split"] == pytest.approx(1.0) and coarse["oracle_merge"] < 1.0
    assert fine["oracle_merge"] == pytest.approx(1.0) and fine["oracle_split"] < 1.0
    assert coarse["pair_r"] == pytest.approx(1.0) and fine["pair_p"] == pytest.approx(1.0)
    assert coarse["clusters"] == 2 and fine["clusters"] == 6 and coarse["largest"] == pytest.approx(8 / 12)
