"""How unsure the model is about an item: the margin between its two most likely categories.

The moderation queue's "least confident first" order sorts by this margin, so the items a moderator labels first are
the ones the model is torn about: margin sampling, which teaches a classifier more per label than random picks
(see bench/bench_active_learning.py for the curve on real reviews).
"""

from __future__ import annotations

import numpy as np


def margin(scores: dict[str, float]) -> float:
    top = sorted(scores.values(), reverse=True)[:2] if scores else []
    if not top:
        return 0.0
    return round(float(top[0] - (top[1] if len(top) > 1 else 0.0)), 4)


def least_confident_first(all_scores: list[dict[str, float]]) -> np.ndarray:
    """Indices ordered by ascending margin (ties by position, so the order is deterministic)."""
    margins = np.asarray([margin(s) for s in all_scores])
    return np.lexsort((np.arange(len(margins)), margins))
