"""The graph-based average linkage gives ThresholdClusterer's grouping, without the n×n matrix."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from huisheng.models.clustering import ThresholdClusterer
from huisheng.models.sparse_linkage import average_linkage_labels, threshold_graph


def _unit(X):
    return X / np.linalg.norm(X, axis=1, keepdims=True)


def _blobs(rng, n, d, k, spread):
    centres = _unit(rng.normal(size=(k, d)))
    X = centres[rng.integers(0, k, n)] + spread * rng.normal(size=(n, d))
    return _unit(X).astype(np.float32)


def _same_grouping(a: np.ndarray, b: np.ndarray) -> bool:
    """Same -1 rows, same partition, and the same numbers wherever the group sizes differ (sizes decide order)."""
    if not np.array_equal(a == -1, b == -1):
        return False
    pairs = set(zip(a[a >= 0].tolist(), b[b >= 0].tolist()))
    if len(pairs) != len(set(a[a >= 0].tolist())) or len(pairs) != len(set(b[b >= 0].tolist())):
        return False
    sizes = np.bincount(a[a >= 0]) if (a >= 0).any() else np.array([])
    unique_size = {lab for lab in range(len(sizes)) if (sizes == sizes[lab]).sum() == 1}
    return all(x == y for x, y in pairs if x in unique_size)


@pytest.mark.parametrize("seed", range(6))
def test_same_labels_as_the_full_matrix_on_random_data(seed):
    rng = np.random.default_rng(seed)
    n, d = int(rng.integers(40, 160)), int(rng.integers(8, 48))
    X = _blobs(rng, n, d, k=int(rng.integers(3, 12)), spread=float(rng.uniform(0.2, 0.9)))
    for threshold in (0.2, 0.45, 0.7):
        for min_size in (1, 2, 3):
            want = ThresholdClusterer(threshold, min_size, linkage="average").fit(X).labels_
            got = average_linkage_labels(X, threshold, min_size, chunk=17)
            assert _same_grouping(want, got), (seed, threshold, min_size)
            assert (got >= 0).sum() == (want >= 0).sum()


def test_sparse_rows_like_the_hybrid_representation():
    rng = np.random.default_rng(11)
    dense = _blobs(rng, 120, 30, k=6, spread=0.25)
    lexical = sparse.random(120, 400, density=0.05, random_state=3, format="csr")
    lexical = sparse.csr_matrix(lexical.multiply(1 / np.maximum(1e-9, np.sqrt(lexical.multiply(lexical).sum(1)))))
    X = sparse.hstack([sparse.csr_matrix(dense * np.sqrt(0.6)), lexical * np.sqrt(0.4)], format="csr")
    want = ThresholdClusterer(0.3, 3).fit(X).labels_
    got = average_linkage_labels(X, 0.3, 3)
    assert _same_grouping(want, got) and (want >= 0).sum() > 20


def test_graph_holds_only_pairs_above_the_threshold_and_the_cap_bounds_it():
    rng = np.random.default_rng(5)
    X = _blobs(rng, 300, 16, k=4, spread=0.3)
    lo, hi, sim = threshold_graph(X, 0.5, chunk=64)
    S = X @ X.T
    iu = np.triu_indices(300, 1)
    assert len(lo) == int((S[iu] >= 0.5).sum()) and np.all(lo < hi)
    assert np.allclose(sim, S[lo, hi], atol=1e-5)
    lo_c, _, _ = threshold_graph(X, 0.5, max_neighbors=5, chunk=64)
    assert len(lo_c) <= 300 * 5 < len(lo)
    # a capped graph still finds the obvious groups
    capped = average_linkage_labels(X, 0.5, 3, max_neighbors=10)
    exact = average_linkage_labels(X, 0.5, 3)
    from sklearn.metrics import adjusted_rand_score

    assert adjusted_rand_score(exact, capped) > 0.95


def test_tiny_inputs_follow_the_same_rules():
    X = _unit(np.array([[1.0, 0.0], [0.9, 0.1]]))
    assert list(average_linkage_labels(X, 0.5, 3)) == [-1, -1]
    assert list(average_linkage_labels(X, 0.5, 1)) == list(ThresholdClusterer(0.5, 1).fit(X).labels_)
    assert list(average_linkage_labels(X[:1], 0.5, 1)) == [0]


def test_threshold_clusterer_switches_to_the_graph_above_exact_max():
    """Past ``exact_max`` rows ThresholdClusterer builds no n×n matrix; on sparse hybrid-like rows (an embedding's
    dense columns next to sparse n-grams) it finds the same groups as the exact path."""
    rng = np.random.default_rng(21)
    dense = _blobs(rng, 400, 24, k=8, spread=0.15)
    lexical = sparse.random(400, 3000, density=0.01, random_state=4, format="csr")
    lexical = sparse.csr_matrix(lexical.multiply(1 / np.maximum(1e-9, np.sqrt(lexical.multiply(lexical).sum(1)))))
    X = sparse.hstack([sparse.csr_matrix(dense * np.sqrt(0.6)), lexical * np.sqrt(0.4)], format="csr")
    exact = ThresholdClusterer(0.3, 1).fit(X).labels_
    graph = ThresholdClusterer(0.3, 1, exact_max=100, max_neighbors=None).fit(X).labels_
    assert _same_grouping(exact, graph) and exact.max() + 1 < 100  # real groups, not all singletons
    capped = ThresholdClusterer(0.3, 1, exact_max=100, max_neighbors=30).fit(X).labels_
    from sklearn.metrics import adjusted_rand_score

    assert adjusted_rand_score(exact, capped) > 0.95


def test_split_dense_in_row_chunks_is_the_whole_matrix_split():
    """split_dense works a few rows at a time (a whole-matrix column split copied all of X first: +170 MB on 20,000
    reviews); the parts must be those of the column split of the whole matrix."""
    from huisheng.models.sparse_linkage import split_dense

    rng = np.random.default_rng(5)
    n = 23
    dense = rng.normal(size=(n, 4)).astype(np.float32)
    half = sparse.random(n, 3, density=0.6, random_state=6, format="csr", dtype=np.float32)  # some >= n/2, some not
    tail = sparse.random(n, 50, density=0.08, random_state=7, format="csr", dtype=np.float32)
    X = sparse.hstack([sparse.csr_matrix(dense), half, tail], format="csr")
    C = X.tocsc()
    nnz = np.diff(C.indptr)
    want_D = C[:, np.flatnonzero(nnz >= n / 2)].toarray()
    want_L = C[:, np.flatnonzero(nnz < n / 2)].tocsr()
    want_L.sort_indices()
    for chunk in (1, 5, 2048):
        D, L = split_dense(X, chunk=chunk)
        np.testing.assert_array_equal(D, want_D)
        assert D.dtype == np.float32 and L.dtype == np.float32
        np.testing.assert_array_equal(L.indptr, want_L.indptr)
        np.testing.assert_array_equal(L.indices, want_L.indices)
        np.testing.assert_array_equal(L.data, want_L.data)
