"""`huisheng cluster` made lean (issue 11): the shortcuts must give the answer the long way gave."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from huisheng.models.classifier import FeedbackClassifier


def _tiny_classifier() -> FeedbackClassifier:
    texts = ["打开就闪退", "登录一直报错", "付款失败", "希望增加夜间模式", "能不能加个搜索", "建议支持横屏",
             "广告弹窗太多", "广告推送烦死", "开屏广告", "很好用", "不错五星", "界面好看"]
    labels = ["bug"] * 3 + ["feature_request"] * 3 + ["spam"] * 3 + ["other"] * 3
    return FeedbackClassifier(embedder=None, calibration_cv=2).fit(texts * 3, labels * 3)


def _adapt_the_long_way(clf: FeedbackClassifier, batch: list[str], threshold: float, weight: float) -> np.ndarray:
    """What adapt did before issue 11 (features of the batch computed for each step), then a fresh prediction."""
    from sklearn.base import clone

    proba = clf.predict_proba(batch)
    confident = proba.max(axis=1) >= threshold
    seen = clf.pipeline_[1:-1].transform(clf.train_["texts"])
    kept = clf.pipeline_[:-1].transform([x for x, c in zip(batch, confident) if c])
    y = np.concatenate([clf.train_["y"], clf.classes_[proba[confident].argmax(axis=1)]])
    w = np.concatenate([np.ones(len(clf.train_["y"])), np.full(int(confident.sum()), weight)])
    head = clone(clf.pipeline_[-1]).fit(sparse.vstack([seen, kept]).tocsr(), y, sample_weight=w)
    return clf._gate(batch, head.predict_proba(clf.pipeline_[:-1].transform(batch)))


def test_adapt_proba_is_adapt_then_predict_with_the_batch_featurised_once():
    clf = _tiny_classifier()
    batch = ["打开就闪退，闪退", "希望增加夜间模式啊", "很好用很好用", "登录报错了", "加个搜索吧", "广告太多"] * 3
    # LinearSVC's coordinate descent draws its seed from numpy's global generator: the same seed, the same fit
    np.random.seed(0)
    adapted, proba = clf.adapt_proba(batch, threshold=0.5, weight=0.5)
    assert adapted is not clf
    np.testing.assert_array_equal(proba, adapted.predict_proba(batch))
    np.random.seed(0)
    np.testing.assert_array_equal(proba, _adapt_the_long_way(clf, batch, 0.5, 0.5))
    # the adapted model did learn something: its probabilities are not the original's
    assert not np.allclose(proba, clf.predict_proba(batch))


def test_adapt_proba_without_anything_to_learn_is_the_plain_prediction():
    clf = _tiny_classifier()
    batch = ["打开就闪退", "希望增加夜间模式"]
    same, proba = clf.adapt_proba(batch, threshold=1.01)
    assert same is clf
    np.testing.assert_array_equal(proba, clf.predict_proba(batch))
    empty, none = clf.adapt_proba([], threshold=0.5)
    assert empty is clf and none.shape == (0, len(clf.classes_))


def test_group_sums_dot_many_groups_at_once_as_one_at_a_time():
    """_Sums.dots gathers every group's sparse tail in one go (a Python dot per pair was 40% of the grouping on
    20,000 reviews); it must equal the dot products of the groups' summed rows, also for a group with no tail."""
    from huisheng.models.sparse_linkage import _Sums, split_dense

    rng = np.random.default_rng(3)
    n, dense_dims, vocab = 12, 6, 40
    tail = sparse.random(n, vocab, density=0.15, random_state=4, format="csr", dtype=np.float32)
    tail = sparse.csr_matrix(tail.toarray() * (np.arange(n) != 5)[:, None])  # row 5 says no n-gram at all
    X = sparse.hstack([sparse.csr_matrix(rng.normal(size=(n, dense_dims)).astype(np.float32)), tail], format="csr")
    D, L = split_dense(X)
    assert D.shape[1] == dense_dims and L is not None
    sums = _Sums(D, L)
    full = {i: X[i].toarray().ravel().astype(np.float64) for i in range(n)}
    for a, b, into in ((0, 1, 12), (12, 2, 13), (6, 7, 14), (3, 4, 15)):
        sums.merge(a, b, into)
        full[into] = full.pop(a) + full.pop(b)
    live = sorted(full)
    for a in live:
        others = [o for o in live if o != a]
        np.testing.assert_allclose(sums.dots(a, others), [full[a] @ full[o] for o in others], rtol=1e-12, atol=1e-12)
    assert sums.dots(live[0], []).shape == (0,)
