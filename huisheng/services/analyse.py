"""Classify and score what is new or changed since the last run (or everything, when the model changed)."""

from __future__ import annotations

from dataclasses import dataclass

from huisheng.models.classifier import join_title
from huisheng.models.quality import quality_score
from huisheng.models.tokenize import JiebaTokenizer
from huisheng.models.training import load_or_train
from huisheng.settings import Settings
from huisheng.storage.analysis import items_to_analyse, register_model, save_analyses
from huisheng.storage.db import Database


@dataclass
class AnalyseSummary:
    model_version: str
    analysed: int

    def line(self) -> str:
        return f"analysed {self.analysed} items with {self.model_version}"


def active_model(settings: Settings):
    return load_or_train(settings.models_dir)


def analyse_pending(db: Database, settings: Settings, batch_size: int = 1000) -> AnalyseSummary:
    clf, card = active_model(settings)
    with db.session() as s:
        register_model(s, card)
        pending = items_to_analyse(s, card["version"])
    tok = JiebaTokenizer()
    for start in range(0, len(pending), batch_size):
        batch = pending[start : start + batch_size]
        all_scores = clf.scores([join_title(p.title, p.text) for p in batch])
        results = []
        for p, scores in zip(batch, all_scores):
            category = max(scores, key=scores.get)
            results.append({
                "item_id": p.id, "category": category, "scores": scores, "model_version": card["version"],
                "content_hash": p.content_hash,
                "quality_score": quality_score(p.text, scores, tok(p.normalized_text), p.meta),
            })
        with db.session() as s:
            save_analyses(s, results)
    return AnalyseSummary(card["version"], len(pending))
