"""Label spreading over a batch's kNN graph (models/label_spreading.py): rows follow confident neighbours, spam is
never spread, the graph stays sparse, and the result does not depend on the run."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from huisheng.models.label_spreading import LabelSpreading, knn_affinity, normalised_affinity, spread

CLASSES = ["bug", "feature_request", "other", "spam"]


def _cluster_points(rng, centre: np.ndarray, n: int, noise: float = 0.05) -> np.ndarray:
    X = centre + noise * rng.standard_normal((n, len(centre)))
    return X / np.linalg.norm(X, axis=1, keepdims=True)


def _two_groups(seed: int = 0):
    """20 rows near one direction (confident bugs), 20 near an orthogonal one (confident requests), and one row
    of the first group whose own probabilities are undecided between bug and request."""
    rng = np.random.default_rng(seed)
    a, b = np.eye(16)[0], np.eye(16)[1]
    X = np.vstack([_cluster_points(rng, a, 20), _cluster_points(rng, b, 20), _cluster_points(rng, a, 1)])
    P = np.vstack([np.tile([0.9, 0.05, 0.04, 0.01], (20, 1)), np.tile([0.05, 0.9, 0.04, 0.01], (20, 1)),
                   [[0.40, 0.45, 0.14, 0.01]]])
    return X.astype(np.float32), P


def test_an_undecided_row_among_confident_bugs_becomes_a_bug():
    X, P = _two_groups()
    S = normalised_affinity(knn_affinity(X, k=5))
    out = spread(P, S, alpha=0.5, frozen_columns=(3,))
    assert P[-1].argmax() == 1 and out[-1].argmax() == 0
    # the confident rows keep their class, every row still sums to one
    assert (out[:20].argmax(axis=1) == 0).all() and (out[20:40].argmax(axis=1) == 1).all()
    np.testing.assert_allclose(out.sum(axis=1), 1.0)
    # alpha 0 changes nothing
    np.testing.assert_array_equal(spread(P, S, alpha=0.0), P)


def test_the_neighbours_of_one_group_never_reach_an_unconnected_group():
    X, P = _two_groups()
    W = knn_affinity(X, k=5)
    # cosine between the two groups is ~0: no edge joins them, so smoothing cannot carry requests over to bugs
    assert W[:20, 20:40].nnz == 0 and W[20:40, :20].nnz == 0


def test_spam_is_never_created_or_spread():
    X, P = _two_groups()
    P = P.copy()
    P[:20] = [0.05, 0.05, 0.05, 0.85]  # the first group is confident spam
    S = normalised_affinity(knn_affinity(X, k=5))
    out = spread(P, S, alpha=0.8, frozen_columns=(3,))
    # every row keeps exactly its own spam probability: the undecided neighbour of twenty spam rows gains none
    np.testing.assert_allclose(out[:, 3], P[:, 3])
    assert out[-1].argmax() != 3


def test_anchored_rows_and_promotion_keep_their_probabilities():
    X, P = _two_groups()
    S = normalised_affinity(knn_affinity(X, k=5))
    texts = ["闪退"] * 40 + ["加微信 abc123 代理赚钱"]
    promotes = LabelSpreading(alpha=0.5).smooth(P, S, CLASSES, texts)
    np.testing.assert_array_equal(promotes[-1], P[-1])  # a row with promotion evidence is left to the spam gate
    plain = ["闪退"] * 41
    anchored = LabelSpreading(alpha=0.5, anchor=0.85).smooth(P, S, CLASSES, plain)
    np.testing.assert_array_equal(anchored[:40], P[:40])  # confident rows are not moved
    assert anchored[-1].argmax() == 0  # the undecided one still follows them


def test_class_mass_keeps_each_class_total():
    X, P = _two_groups()
    S = normalised_affinity(knn_affinity(X, k=5))
    out = spread(P, S, alpha=0.8, class_mass=True)
    # the column totals before the rows are rescaled to one are P's; after it they stay close
    np.testing.assert_allclose(out.sum(axis=0), P.sum(axis=0), rtol=0.05)


def test_the_graph_is_sparse_symmetric_and_bounded_by_k():
    rng = np.random.default_rng(1)
    X = rng.standard_normal((600, 32)).astype(np.float32)
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    k = 7
    W = knn_affinity(X, k=k, chunk=128)  # several chunks
    assert sparse.issparse(W) and W.shape == (600, 600)
    assert W.nnz <= 2 * 600 * k
    assert abs(W - W.T).max() == 0 and W.diagonal().max() == 0
    # every row has at least its own k neighbours (those with positive cosine), and those are its true nearest
    sims = X @ X.T
    np.fill_diagonal(sims, -np.inf)
    for i in (0, 299, 599):
        nearest = set(np.argsort(-sims[i])[:k])
        assert nearest <= set(W[i].indices)
    S = normalised_affinity(W)
    assert np.isfinite(S.data).all() and S.nnz == W.nnz


def test_spreading_is_deterministic_and_accepts_sparse_rows():
    X, P = _two_groups()
    Xs = sparse.csr_matrix(X)
    a = spread(P, normalised_affinity(knn_affinity(Xs, k=5)), alpha=0.5)
    b = spread(P, normalised_affinity(knn_affinity(X, k=5)), alpha=0.5)
    np.testing.assert_allclose(a, b, atol=1e-6)
    np.testing.assert_array_equal(a, spread(P, normalised_affinity(knn_affinity(Xs, k=5)), alpha=0.5))


def test_bad_settings_are_refused():
    with pytest.raises(ValueError, match="representation"):
        LabelSpreading(representation="words")
    with pytest.raises(ValueError, match="when"):
        LabelSpreading(when="never")
    with pytest.raises(ValueError, match="alpha"):
        LabelSpreading(alpha=1.0)


def test_adapt_proba_with_spreading_on_a_real_classifier():
    from huisheng.models.classifier import FeedbackClassifier

    texts = ["打开就闪退", "登录一直报错", "付款失败", "希望增加夜间模式", "能不能加个搜索", "建议支持横屏",
             "加微信赚钱代理", "扫码领红包加群", "兼职日结加微信", "很好用", "不错五星", "界面好看"]
    labels = ["bug"] * 3 + ["feature_request"] * 3 + ["spam"] * 3 + ["other"] * 3
    clf = FeedbackClassifier(embedder=None, calibration_cv=2).fit(texts * 3, labels * 3)
    batch = ["打开就闪退了", "一打开就闪退", "打开闪退", "打开就闪退啊", "希望增加夜间模式", "希望加个夜间模式",
             "很好用", "真的很好用"] * 2
    np.random.seed(0)
    _, plain = clf.adapt_proba(batch, threshold=0.5, weight=0.5)
    spam = list(clf.classes_).index("spam")
    for when in ("before", "after", "both"):
        np.random.seed(0)
        adapted, smoothed = clf.adapt_proba(batch, threshold=0.5, weight=0.5,
                                            spreading=LabelSpreading("embedding", k=3, alpha=0.5, when=when))
        # no embedder: the batch's character TF-IDF builds the graph
        assert smoothed.shape == plain.shape and np.allclose(smoothed.sum(axis=1), 1.0)
        assert (smoothed[:, spam] <= plain[:, spam] + 0.05).all()
        np.random.seed(0)
        _, again = clf.adapt_proba(batch, threshold=0.5, weight=0.5,
                                   spreading=LabelSpreading("embedding", k=3, alpha=0.5, when=when))
        np.testing.assert_array_equal(smoothed, again)
    np.random.seed(0)
    _, after = clf.adapt_proba(batch, threshold=0.5, weight=0.5,
                               spreading=LabelSpreading("char", k=3, alpha=0.5, when="after"))
    assert not np.allclose(after, plain)
    np.testing.assert_allclose(after[:, spam], plain[:, spam])  # after the gate: spam exactly as the gate left it


def test_the_batch_default_keeps_spam_and_request_scores_and_follows_the_settings(monkeypatch):
    from huisheng.models.label_spreading import for_batch
    from huisheng.services.batch import batch_spreading
    from huisheng.settings import Settings

    X, P = _two_groups()
    P = P.copy()
    P[-1] = [0.30, 0.20, 0.45, 0.05]  # an undecided row among bugs, leaning to "other"
    S = normalised_affinity(knn_affinity(X, k=5))
    out = for_batch().smooth(P, S, CLASSES, ["闪退"] * 41)
    np.testing.assert_allclose(out[:, 1], P[:, 1])  # request scores are each row's own
    np.testing.assert_allclose(out[:, 3], P[:, 3])  # and so are spam scores
    assert out[-1].argmax() == 0  # the bug/other split follows the twenty bugs around it
    monkeypatch.setenv("HUISHENG_CLASSIFY_SPREAD_K", "7")
    assert batch_spreading(Settings()) == for_batch(7, 0.5)
    monkeypatch.setenv("HUISHENG_CLASSIFY_SPREAD", "false")
    assert batch_spreading(Settings()) is None


def test_a_batch_with_nothing_left_after_normalising_has_no_neighbours():
    """Deleted-review stubs and dashes normalise to nothing; a file of only those still classifies."""
    from huisheng.models.label_spreading import for_batch

    for texts in ([""], ["", ""]):
        S = for_batch().graph(texts, None)
        assert S.shape == (len(texts), len(texts)) and S.nnz == 0
    P = np.array([[0.6, 0.1, 0.2, 0.05, 0.05], [0.1, 0.6, 0.2, 0.05, 0.05]])
    out = for_batch().smooth(P, for_batch().graph(["", ""], None), ["bug", "feature_request", "other",
                                                                   "quality_content", "spam"], ["", ""])
    np.testing.assert_allclose(out, P)
