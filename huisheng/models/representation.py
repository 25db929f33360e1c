"""Cluster labels a PM can read: class-based TF-IDF over jieba tokens, plus the most central quotes.

c-TF-IDF (as in BERTopic) treats all texts of a cluster as one document: a word scores high when it is frequent
in this cluster and rare across the others, so 夜间模式 labels the dark-mode cluster rather than 希望.
"""

from __future__ import annotations

from collections import Counter
from typing import Sequence

import numpy as np

from huisheng.models.tokenize import JiebaTokenizer


class ClassTfidfLabeler:
    def __init__(self, n_keywords: int = 8, n_quotes: int = 3, label_words: int = 3):
        self.n_keywords = n_keywords
        self.n_quotes = n_quotes
        self.label_words = label_words
        self._tok = JiebaTokenizer(drop_stopwords=True)

    def keywords(self, groups: dict[int, Sequence[str]], background: Sequence[str] = ()) -> dict[int, list[str]]:
        """groups: cluster id → normalised texts. ``background`` (texts in no cluster) sharpens the idf."""
        counts = {cid: Counter(tok for t in texts for tok in self._tok(t)) for cid, texts in groups.items()}
        bg = Counter(tok for t in background for tok in self._tok(t))
        classes = list(counts.values()) + ([bg] if bg else [])
        freq = Counter()
        for c in classes:
            freq.update(c)
        avg_words = np.mean([sum(c.values()) for c in classes]) if classes else 1.0
        out = {}
        for cid, c in counts.items():
            total = max(sum(c.values()), 1)
            # a word said by a single person in a big cluster is noise, not a topic
            scored = {w: (n / total) * np.log(1 + avg_words / freq[w]) for w, n in c.items()
                      if n >= 2 or len(groups[cid]) <= 3}
            out[cid] = [w for w, _ in sorted(scored.items(), key=lambda p: (-p[1], p[0]))[: self.n_keywords]]
        return out

    def label(self, keywords: list[str]) -> str:
        """Top keywords, with 深色 folded into 深色模式 rather than shown twice."""
        chosen: list[str] = []
        for w in keywords:
            if any(w in c for c in chosen):
                continue
            chosen = [c for c in chosen if c not in w] + [w] if any(c in w for c in chosen) else chosen + [w]
            if len(chosen) == self.label_words:
                break
        return " · ".join(chosen) if chosen else "(未命名)"

    def central_quotes(self, texts: Sequence[str], X: np.ndarray, center: np.ndarray) -> list[str]:
        if len(texts) == 0:
            return []
        order = np.argsort(-(X @ center), kind="stable")
        quotes, seen = [], set()
        for i in order:
            t = texts[i]
            if t not in seen:
                quotes.append(t)
                seen.add(t)
            if len(quotes) == self.n_quotes:
                break
        return quotes
