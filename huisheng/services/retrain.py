"""Moderators teach the classifier: retrain on seed data plus their labels, promote only a model that is not worse.

Every relabel in the board is a training example, weighted above seed rows (``settings.human_label_weight``)
because it is real text from this product. The candidate is scored the way every model card is scored (fitted
without the seed dev split, then judged on the seed dev split and on the real-text dev set), and compared with
the active model's card; it is promoted only if no dev set's macro-F1 drops by more than
``settings.promote_tolerance``. Promotion changes the active version, so the next analysis re-analyses every item.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from huisheng.models.training import ModelStore, evaluate, load_labelled, model_version, train
from huisheng.services.devsets import evaluation_sets
from huisheng.settings import Settings
from huisheng.storage.analysis import register_model
from huisheng.storage.curation import human_labels
from huisheng.storage.db import Database


@dataclass
class RetrainResult:
    candidate: str
    previous: str | None
    promoted: bool
    reason: str
    human_labels: int
    metrics: dict = field(default_factory=dict)  # {dev set: {"candidate": macro-F1, "active": macro-F1}}

    def line(self) -> str:
        scores = "; ".join(f"{name} {m['active'] if m['active'] is not None else '-'} -> {m['candidate']}"
                           for name, m in self.metrics.items())
        verdict = "promoted" if self.promoted else "kept " + str(self.previous)
        return f"{verdict}: {self.reason} ({self.human_labels} human labels; macro-F1 {scores})"


def human_label_rows(db: Database, weight: float) -> list[dict]:
    with db.session() as s:
        return [{"text": it.text, "title": it.title, "category": category, "split": "train", "weight": weight,
                 "source": "moderator", "item_id": it.id} for it, category in human_labels(s)]


def _active_scores(store: ModelStore, dev_sets: dict[str, list[dict]]) -> tuple[str | None, dict[str, float | None]]:
    """The active model's held-out macro-F1 per dev set: from its card, or measured now for a set its card lacks
    (a dev set it never trained on, so measuring the artefact is fair)."""
    version = store.active_version()
    if version is None:
        return None, {name: None for name in dev_sets}
    clf, card = store.load(version)
    out: dict[str, float | None] = {}
    for name, rows in dev_sets.items():
        known = card.get("metrics", {}).get(name)
        if known is not None:
            out[name] = known["macro_f1"]
        elif name != "seed-dev":
            out[name] = evaluate(clf, rows)["macro_f1"]
        else:
            out[name] = None  # it trained on this split and kept no held-out score: nothing fair to compare
    return version, out


def retrain(db: Database, settings: Settings, force: bool = False) -> RetrainResult:
    seed = load_labelled()
    human = human_label_rows(db, settings.human_label_weight)
    rows = seed + human
    store = ModelStore(settings.models_dir)
    dev_sets = evaluation_sets(seed)
    candidate_version = model_version(rows)
    previous, active = _active_scores(store, dev_sets)
    if candidate_version == previous and not force:
        return RetrainResult(candidate_version, previous, False, "no new labels since the active model", len(human),
                             {n: {"active": a, "candidate": a} for n, a in active.items()})
    clf, card = train(rows, dev_sets=dev_sets)
    cand = {name: m["macro_f1"] for name, m in card["metrics"].items()}
    metrics = {name: {"active": active.get(name), "candidate": cand[name]} for name in cand}
    worse = [f"{name} {a:.3f} -> {cand[name]:.3f}" for name, a in active.items()
             if a is not None and cand.get(name, 0.0) < a - settings.promote_tolerance]
    if worse and not force:
        store.save(clf, card, activate=False)  # kept for inspection, not used
        return RetrainResult(card["version"], previous, False, "worse on " + ", ".join(worse), len(human), metrics)
    card = {**card, "human_labels": len(human), "origin": "retrain"}
    store.save(clf, card, activate=True)
    with db.session() as s:
        register_model(s, card)
    reason = "forced" if force and worse else "not worse on any dev set"
    return RetrainResult(card["version"], previous, True, reason, len(human), metrics)

