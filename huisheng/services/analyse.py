"""Classify and score what is new or changed since the last run (or everything, when the model changed)."""

from __future__ import annotations

from dataclasses import dataclass

from huisheng import progress
from huisheng.models.classifier import join_title
from huisheng.models.near_duplicates import MIN_CHARS, originality
from huisheng.models.quality import quality_parts
from huisheng.models.tokenize import JiebaTokenizer
from huisheng.models.uncertainty import margin
from huisheng.models.training import load_or_train
from huisheng.settings import Settings
from huisheng.storage.analysis import items_to_analyse, long_texts, register_model, save_analyses
from huisheng.storage.db import Database


@dataclass
class AnalyseSummary:
    model_version: str
    analysed: int

    def line(self) -> str:
        return f"analysed {self.analysed} items with {self.model_version}"


def active_model(settings: Settings):
    return load_or_train(settings.models_dir)


def _prefill_embeddings(db: Database, clf, batch) -> None:
    """Hand the classifier's embedding features the cached vectors of these texts (and cache the new ones)."""
    spec = getattr(clf, "embedder", None)
    if not spec:
        return
    from huisheng.models.embedders import get_embedder
    from huisheng.models.embedding_features import remember
    from huisheng.services.embedding_cache import embed_cached

    embedder = get_embedder(spec)
    texts = [p.normalized_text for p in batch]
    remember(spec, texts, embed_cached(db, embedder.name, embedder.embed, [p.content_hash for p in batch], texts))


def analyse_pending(db: Database, settings: Settings, batch_size: int = 1000,
                    id_range: tuple[int, int] | None = None) -> AnalyseSummary:
    """``id_range``: only that slice of the backlog (services/backlog.py runs slices in parallel)."""
    clf, card = active_model(settings)
    with db.session() as s:
        register_model(s, card)
        pending = items_to_analyse(s, card["version"], id_range=id_range)
    tok = JiebaTokenizer()
    with db.session() as s:
        earlier = long_texts(s, MIN_CHARS, exclude={p.id for p in pending}) if pending else []
    orig = originality([p.normalized_text for p in pending], [p.order for p in pending],
                       [t for _, t in earlier], [o for o, _ in earlier])
    for start in range(0, len(pending), batch_size):
        batch = pending[start : start + batch_size]
        texts = [join_title(p.title, p.text) for p in batch]
        _prefill_embeddings(db, clf, batch)
        all_scores, reasons = clf.scores_and_reasons(texts)
        results = []
        for k, (p, scores) in enumerate(zip(batch, all_scores)):
            category = max(scores, key=scores.get)
            parts = quality_parts(p.text, scores, tok(p.normalized_text), p.meta, orig[start + k])
            results.append({
                "item_id": p.id, "category": category, "scores": scores, "model_version": card["version"],
                "content_hash": p.content_hash, "quality_score": parts["score"], "quality_parts": parts,
                "explanation": [[t, w] for t, w in reasons[k]], "margin": margin(scores),
            })
        with db.session() as s:
            save_analyses(s, results)
        progress.committed("items analysed", len(results))
    return AnalyseSummary(card["version"], len(pending))
