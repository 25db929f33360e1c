"""Character n-grams of many texts at once, in numpy.

scikit-learn builds character n-grams one Python string at a time; at the sizes a scheduled run meets (the 10,000
waiting items of each category it pairs new items with, the 20,000 recent long texts a new one may repeat) that was
seconds of every run. Here every text's code points go into one array and the n-grams of all texts are computed as
whole-array operations. ``tfidf_transform`` reproduces a fitted character ``TfidfVectorizer``'s ``transform`` (same
columns, same values); ``hashed_shingles`` is a binary, unit-row shingle matrix like a ``HashingVectorizer``'s (its
own hash, so other bucket collisions, as rare at 2**20 buckets).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from scipy import sparse

_WHITE_SPACES = re.compile(r"\s\s+")  # what scikit-learn's char analyzer collapses to one space
_BITS = 21  # every Unicode code point fits in 21 bits, so up to three of them make one exact 63-bit key


def _codes(texts: Sequence[str], lowercase: bool) -> tuple[np.ndarray, np.ndarray]:
    """All texts' code points in one array, and each text's start offset (``len(texts) + 1`` offsets)."""
    docs = [_WHITE_SPACES.sub(" ", t.lower() if lowercase else t) for t in texts]
    offsets = np.zeros(len(docs) + 1, dtype=np.int64)
    np.cumsum([len(d) for d in docs], out=offsets[1:])
    codes = np.frombuffer("".join(docs).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    return codes, offsets


def _ngrams(codes: np.ndarray, offsets: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """(text index, start position) of every n-gram that lies inside one text."""
    lengths = np.diff(offsets)
    counts = np.maximum(lengths - n + 1, 0)
    docs = np.repeat(np.arange(len(lengths)), counts)
    # start positions: each text's own offset plus 0 .. count-1
    first = np.repeat(offsets[:-1] - np.concatenate([[0], np.cumsum(counts)[:-1]]), counts)
    return docs, first + np.arange(int(counts.sum()), dtype=np.int64)


def exact_keys(codes: np.ndarray, starts: np.ndarray, n: int) -> np.ndarray:
    """One integer per n-gram (n ≤ 3), distinct for distinct n-grams and for different n: the code points shifted
    together, plus a marker bit above them for n ≥ 2 (so the bigram 'ab' never equals a unigram's code)."""
    if n > 3:
        raise ValueError("exact keys hold at most three code points")
    key = codes[starts].copy()
    for k in range(1, n):
        key = (key << np.uint64(_BITS)) | codes[starts + k]
    if n > 1:
        key |= np.uint64(1) << np.uint64(_BITS * n)
    return key


def string_key(gram: str) -> int:
    """``exact_keys`` of one n-gram given as a string (to index a fitted vocabulary)."""
    key = 0
    for ch in gram:
        key = (key << _BITS) | ord(ch)
    return key | (1 << (_BITS * len(gram))) if len(gram) > 1 else key


class VocabularyIndex:
    """A fitted character vocabulary (n-gram string -> column) for vectorised lookups: single characters by direct
    indexing (2**21 int32, 8 MB), longer n-grams in an open-addressing hash table (a binary search over the sorted
    keys was most of the transform)."""

    def __init__(self, vocabulary: dict[str, int]):
        if any(len(g) > 3 for g in vocabulary):
            raise ValueError("only character n-grams of up to three characters can be indexed")
        self.chars = np.full(1 << _BITS, -1, dtype=np.int32)
        longer = []
        for gram, col in vocabulary.items():
            if len(gram) == 1:
                self.chars[ord(gram)] = col
            else:
                longer.append((string_key(gram), col))
        size = 1 << max(4, (4 * len(longer)).bit_length())  # at most a quarter full: probes stay short
        self.mask = np.uint64(size - 1)
        self.table_keys = np.zeros(size, dtype=np.uint64)  # 0 marks an empty slot (no n-gram key is 0)
        self.table_cols = np.full(size, -1, dtype=np.int64)
        for key, col in longer:
            slot = int(_slot(np.asarray([key], dtype=np.uint64), self.mask)[0])
            while self.table_keys[slot]:
                slot = (slot + 1) & int(self.mask)
            self.table_keys[slot], self.table_cols[slot] = key, col

    def lookup(self, keys: np.ndarray, n: int) -> np.ndarray:
        """Column of each key of ``n``-grams, -1 where the n-gram is not in the vocabulary."""
        if n == 1:
            return self.chars[keys.astype(np.int64)].astype(np.int64)
        out = np.full(len(keys), -1, dtype=np.int64)
        pending = np.arange(len(keys))
        slots = _slot(keys, self.mask)
        while len(pending):
            found = self.table_keys[slots]
            hit = found == keys[pending]
            out[pending[hit]] = self.table_cols[slots[hit]]
            go_on = ~hit & (found != 0)  # an occupied slot of another key: probe the next one
            pending, slots = pending[go_on], (slots[go_on] + np.uint64(1)) & self.mask
        return out


def _slot(keys: np.ndarray, mask: np.uint64) -> np.ndarray:
    with np.errstate(over="ignore"):
        return ((keys * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(20)) & mask


def _count_matrix(docs: np.ndarray, cols: np.ndarray, shape: tuple[int, int]) -> sparse.csr_matrix:
    """Rows ``docs``, columns ``cols``, each cell the number of times the pair occurs (sorted, summed)."""
    m = sparse.coo_matrix((np.ones(len(docs), dtype=np.float64), (docs, cols)), shape=shape).tocsr()
    m.sum_duplicates()
    return m


def tfidf_transform(vectorizer, texts: Sequence[str], index: VocabularyIndex | None = None) -> sparse.csr_matrix:
    """``vectorizer.transform(texts)`` for a fitted character ``TfidfVectorizer`` (analyzer ``char``, n-grams of at
    most three characters, l2 rows), computed over all texts at once. ``index``: its vocabulary's ``VocabularyIndex``,
    for a caller that transforms many times (built here otherwise)."""
    if vectorizer.analyzer != "char" or vectorizer.norm not in ("l2", None) or vectorizer.preprocessor or vectorizer.strip_accents:
        raise ValueError("tfidf_transform reproduces only a plain character TfidfVectorizer")
    index = index if index is not None else VocabularyIndex(vectorizer.vocabulary_)
    codes, offsets = _codes(texts, vectorizer.lowercase)
    low, high = vectorizer.ngram_range
    all_docs, all_cols = [], []
    for n in range(low, high + 1):
        docs, starts = _ngrams(codes, offsets, n)
        cols = index.lookup(exact_keys(codes, starts, n), n)
        known = cols >= 0
        all_docs.append(docs[known])
        all_cols.append(cols[known])
    X = _count_matrix(np.concatenate(all_docs), np.concatenate(all_cols), (len(texts), len(vectorizer.vocabulary_)))
    if vectorizer.binary:
        X.data[:] = 1.0
    if vectorizer.sublinear_tf:
        np.log(X.data, out=X.data)
        X.data += 1.0
    if vectorizer.use_idf:
        X.data *= vectorizer.idf_[X.indices]
    if vectorizer.norm == "l2":
        norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel())
        X.data /= np.repeat(np.where(norms > 0, norms, 1.0), np.diff(X.indptr))
    return X.astype(vectorizer.dtype)


def hashed_shingles(texts: Sequence[str], n: int = 4, n_features: int = 2**20) -> sparse.csr_matrix:
    """Binary character ``n``-gram shingles hashed into ``n_features`` buckets, unit rows (a text shorter than ``n``
    has an empty row)."""
    codes, offsets = _codes(texts, lowercase=False)
    docs, starts = _ngrams(codes, offsets, n)
    h = np.zeros(len(starts), dtype=np.uint64)
    with np.errstate(over="ignore"):  # multiplicative hashing wraps around on purpose
        for k in range(n):
            h = (h ^ codes[starts + k]) * np.uint64(0x100000001B3)
        h ^= h >> np.uint64(29)
    X = _count_matrix(docs, (h % np.uint64(n_features)).astype(np.int64), (len(texts), n_features))
    X.data[:] = 1.0
    norms = np.sqrt(np.diff(X.indptr).astype(np.float64))
    X.data /= np.repeat(np.where(norms > 0, norms, 1.0), np.diff(X.indptr))
    return X
