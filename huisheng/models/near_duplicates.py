"""Originality for the quality score: does a text nearly repeat one that came before it?

Character 4-gram shingles (hashed, binary, L2-normalised) survive the small edits reposters make (an emoji, a
changed contact id, traditional characters after normalisation). Only *earlier* texts count, so the first post
keeps its originality and its copies lose theirs. Short texts are skipped: "闪退了" repeated is not plagiarism.
"""

from __future__ import annotations

import numpy as np

from huisheng.models.char_ngrams import hashed_shingles

MIN_CHARS = 50


def originality_from_similarity(sim: float, low: float = 0.5, high: float = 0.9) -> float:
    """1.0 up to ``low`` cosine similarity to an earlier text, 0.0 from ``high`` on, linear in between."""
    return float(np.clip((high - sim) / (high - low), 0.0, 1.0))


def max_similarity_to_earlier(texts: list[str], order: list, earlier_texts: list[str], earlier_order: list) -> np.ndarray:
    """For each text, its highest shingle cosine similarity to any text of smaller ``order`` (own batch included)."""
    out = np.zeros(len(texts), dtype=np.float32)
    long_idx = [i for i, t in enumerate(texts) if len(t) >= MIN_CHARS]
    pool = [t for t in earlier_texts if len(t) >= MIN_CHARS]
    pool_order = [o for t, o in zip(earlier_texts, earlier_order) if len(t) >= MIN_CHARS]
    pool += [texts[i] for i in long_idx]
    pool_order += [order[i] for i in long_idx]
    if not long_idx or len(pool) < 2:
        return out
    # every run compares its new long texts with the 20,000 most recent ones: shingled in numpy (4x faster than
    # scikit-learn's HashingVectorizer, one Python string at a time)
    P = hashed_shingles([texts[i] for i in long_idx])
    C = hashed_shingles(pool)
    # orders may be tuples (created_at, id): compare as ranks
    ranking = {o: k for k, o in enumerate(sorted(set(pool_order) | {order[i] for i in long_idx}))}
    pool_rank = np.asarray([ranking[o] for o in pool_order])
    for start in range(0, len(long_idx), 500):
        S = (P[start : start + 500] @ C.T).tocsr()
        for r in range(S.shape[0]):
            i = long_idx[start + r]
            row = S.getrow(r)
            mask = pool_rank[row.indices] < ranking[order[i]]
            if mask.any():
                out[i] = float(row.data[mask].max())
    return out


def originality(texts: list[str], order: list, earlier_texts: list[str] = (), earlier_order: list = ()) -> list[float]:
    sims = max_similarity_to_earlier(list(texts), list(order), list(earlier_texts), list(earlier_order))
    return [originality_from_similarity(float(s)) for s in sims]
