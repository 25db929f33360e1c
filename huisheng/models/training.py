"""Training, evaluation and versioned artefacts for the classifier. Files only; the database never appears here.

An artefact is a joblib file plus a JSON card (version, data hash, size, metrics). The version is derived from the
training data, the parameters and the code version, so training twice on the same data names the same model and
nothing gets re-analysed for no reason.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

import joblib
import numpy as np
from sklearn.metrics import f1_score, precision_recall_fscore_support

import huisheng
from huisheng import paths
from huisheng.models import CATEGORIES
from huisheng.models.classifier import FeedbackClassifier, join_title


# a labelled file from elsewhere (a spreadsheet the moderators kept, our own dev sets) names things its own way
CATEGORY_COLUMNS = ("category", "label", "类别", "分类", "标签", "标注")
CATEGORY_NAMES = {**{c: c for c in CATEGORIES}, "缺陷": "bug", "需求": "feature_request", "建议": "feature_request",
                  "feature request": "feature_request", "feature-request": "feature_request",
                  "优质内容": "quality_content", "优质": "quality_content", "垃圾": "spam", "广告": "spam",
                  "其他": "other", "其它": "other"}


def load_labelled(path: str | Path | None = None) -> list[dict]:
    """Rows with at least ``text`` and ``category`` (or a column named label/类别/分类/标签; Chinese names such as
    缺陷/需求/其他 are read as the categories they name); ``split`` defaults to train. JSONL or CSV.
    Without a path: the shipped seed files (paths.SEED_FILES)."""
    if path is None:
        return [r for p in paths.SEED_FILES if Path(p).is_file() for r in load_labelled(p)]
    path = Path(path)
    rows: list[dict] = []
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        with open(path, encoding="utf-8-sig") as f:
            for n, line in enumerate(f, start=1):
                if line.strip():
                    rows.append(json.loads(line))
    else:
        import csv

        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
    if rows and "category" not in rows[0]:
        column = next((k for k in rows[0] if str(k).strip().lower() in CATEGORY_COLUMNS), None)
        if column is None:
            raise ValueError(f"{path}: no category column (expected one of {', '.join(CATEGORY_COLUMNS)}), "
                             f"got {list(rows[0])[:12]}")
        rows = [{**r, "category": r[column]} for r in rows]
    for n, r in enumerate(rows, start=1):
        r["category"] = CATEGORY_NAMES.get(str(r.get("category") or "").strip().lower(), r.get("category"))
        if not r.get("text"):
            raise ValueError(f"{path}: row {n}: no text (a labelled row needs a `text` column with the feedback)")
        if r.get("category") not in CATEGORIES:
            raise ValueError(f"{path}: row {n}: needs a category in {CATEGORIES}, got {r.get('category')!r}")
        r.setdefault("split", "train")
    return rows


def texts_of(rows: Iterable[dict]) -> list[str]:
    return [join_title(r.get("title"), r["text"]) for r in rows]


def data_hash(rows: list[dict]) -> str:
    h = hashlib.sha256()
    for r in rows:
        h.update(json.dumps([r.get("title"), r["text"], r["category"], r.get("split"), r.get("weight", 1)],
                            ensure_ascii=False).encode())
    return h.hexdigest()


def evaluate(clf: FeedbackClassifier, rows: list[dict], adapt: tuple[float, float] | None = None) -> dict:
    """Per-class P/R/F1. A set labelled without quality_content (four labels, like app-store reviews) counts a
    quality_content prediction as other: that is what its annotators would have called such a text. Rows that carry
    an ``app`` are also scored per app and per ``role`` (apps used for choosing vs apps only reported). With
    ``adapt`` = (threshold, weight), each app's rows are predicted the way `huisheng classify` predicts a file of
    them: by the model self-trained on those rows (FeedbackClassifier.adapt); (threshold, weight, spreading) also
    smooths over each app's neighbourhood graph (models/label_spreading)."""
    y_true = [r["category"] for r in rows]
    texts = texts_of(rows)
    if adapt and any(r.get("app") for r in rows):
        y_pred = [""] * len(rows)
        for app in dict.fromkeys(r.get("app") for r in rows):
            idx = [i for i, r in enumerate(rows) if r.get("app") == app]
            sub = [texts[i] for i in idx]
            adapted, proba = clf.adapt_proba(sub, adapt[0], adapt[1], spreading=adapt[2] if len(adapt) > 2 else None)
            for i, p in zip(idx, adapted.classes_[np.argmax(proba, axis=1)]):
                y_pred[i] = p
    else:
        y_pred = list(clf.predict(texts))
    folded = "quality_content" not in set(y_true)
    if folded:
        y_pred = ["other" if p == "quality_content" else p for p in y_pred]
    metrics = score(y_true, y_pred)
    metrics["quality_folded"] = folded
    groups: dict[str, list[int]] = {}
    # each role (choose / report) followed by its own apps, so an app is printed under the role it has
    for role in dict.fromkeys(r.get("role") for r in rows):
        for i, r in enumerate(rows):
            if r.get("role") == role:
                for key in (role, r.get("app")):
                    if key:
                        groups.setdefault(key, []).append(i)
    if groups:
        metrics["groups"] = {k: score([y_true[i] for i in idx], [y_pred[i] for i in idx]) for k, idx in groups.items()}
    return metrics


def score(y_true: list[str], y_pred: list[str]) -> dict:
    labels = [c for c in CATEGORIES if c in set(y_true) | set(y_pred)]
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=labels, zero_division=0)
    return {
        "n": len(y_true),
        "macro_f1": round(float(f1_score(y_true, y_pred, labels=labels, average="macro", zero_division=0)), 4),
        "accuracy": round(float(np.mean(np.asarray(y_true) == np.asarray(y_pred))), 4) if y_true else 0.0,
        "per_class": {c: {"precision": round(float(p[i]), 4), "recall": round(float(r[i]), 4),
                          "f1": round(float(f[i]), 4), "support": int(s[i])} for i, c in enumerate(labels)},
    }


def format_metrics(name: str, m: dict) -> str:
    folded = " (quality_content counted as other)" if m.get("quality_folded") else ""
    lines = [f"{name}: n={m['n']} accuracy={m['accuracy']:.3f} macro-F1={m['macro_f1']:.3f}{folded}",
             f"  {'category':<16} {'precision':>9} {'recall':>7} {'F1':>6} {'support':>8}"]
    for c, v in m["per_class"].items():
        lines.append(f"  {c:<16} {v['precision']:>9.3f} {v['recall']:>7.3f} {v['f1']:>6.3f} {v['support']:>8d}")
    groups = m.get("groups") or {}
    if groups:
        cats = [c for c in CATEGORIES if c in m["per_class"]]
        lines.append(f"  {'by app':<16} {'n':>5} {'macro':>6} " + " ".join(f"{c[:7] + ' P/R/F1':>20}" for c in cats))
        for key, g in groups.items():
            cells = []
            for c in cats:
                v = g["per_class"].get(c)
                cells.append(f"{v['precision']:.2f}/{v['recall']:.2f}/{v['f1']:.2f}".rjust(20) if v else f"{'-':>20}")
            lines.append(f"  {key:<16} {g['n']:>5} {g['macro_f1']:>6.3f} " + " ".join(cells))
    return "\n".join(lines)


def train(rows: list[dict], params: dict | None = None, final: bool = True,
          dev_sets: dict[str, list[dict]] | None = None,
          adapt: tuple[float, float] | None = None) -> tuple[FeedbackClassifier, dict]:
    """Fit on the train split and score on each dev set (default: the rows' own dev split, named ``seed-dev``);
    with ``final``, refit on every row for the shipped model. The card keeps the held-out scores, so two models
    can be compared fairly although the shipped ones have seen the seed dev split. ``adapt``: see evaluate()."""
    params = params or {}
    train_rows = [r for r in rows if r.get("split", "train") == "train"]
    dev_rows = [r for r in rows if r.get("split") == "dev"]
    if dev_sets is None:
        dev_sets = {"seed-dev": dev_rows} if dev_rows else {}
    weights = np.asarray([float(r.get("weight", 1.0)) for r in train_rows])
    clf = FeedbackClassifier(**params).fit(texts_of(train_rows), [r["category"] for r in train_rows], sample_weight=weights)
    metrics = {name: evaluate(clf, dev, adapt) for name, dev in dev_sets.items() if dev}
    if final and dev_rows:
        weights = np.asarray([float(r.get("weight", 1.0)) for r in rows])
        clf = FeedbackClassifier(**params).fit(texts_of(rows), [r["category"] for r in rows], sample_weight=weights)
    card = {
        "kind": "classifier",
        "version": model_version(rows, params),
        "data_hash": data_hash(rows),
        "train_size": len(rows) if final else len(train_rows),
        "params": clf.get_params(),
        "metrics": metrics,
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    return clf, card


def model_version(rows: list[dict], params: dict | None = None) -> str:
    key = json.dumps([data_hash(rows), sorted((params or {}).items()), huisheng.__version__], default=str)
    return "clf-" + hashlib.sha256(key.encode()).hexdigest()[:10]


class ModelStore:
    """Versioned artefacts in a directory, with an ``active.json`` pointer to the promoted one."""

    def __init__(self, directory: str | Path):
        self.directory = Path(directory)

    def save(self, clf: FeedbackClassifier, card: dict, activate: bool = True) -> Path:
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self.directory / f"{card['version']}.joblib"
        fd, tmp = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
        os.close(fd)
        joblib.dump(clf, tmp)
        os.replace(tmp, path)  # atomic: a concurrent reader never sees half a model
        card = {**card, "artefact_path": str(path)}
        (self.directory / f"{card['version']}.json").write_text(json.dumps(card, ensure_ascii=False, indent=2), encoding="utf-8")
        if activate:
            self.activate(card["version"])
        return path

    def activate(self, version: str) -> None:
        tmp = self.directory / "active.json.tmp"
        tmp.write_text(json.dumps({"version": version}), encoding="utf-8")
        os.replace(tmp, self.directory / "active.json")

    def active_version(self) -> str | None:
        pointer = self.directory / "active.json"
        if not pointer.is_file():
            return None
        return json.loads(pointer.read_text(encoding="utf-8"))["version"]

    def card(self, version: str) -> dict:
        return json.loads((self.directory / f"{version}.json").read_text(encoding="utf-8"))

    def load(self, version: str | None = None) -> tuple[FeedbackClassifier, dict]:
        version = version or self.active_version()
        if version is None:
            raise FileNotFoundError(f"no trained classifier in {self.directory}")
        return joblib.load(self.directory / f"{version}.joblib"), self.card(version)


def load_or_train(models_dir: str | Path, seed_path: str | Path | None = None) -> tuple[FeedbackClassifier, dict]:
    """The active model, training the default one from the shipped seed data on first use (no manual step).

    A default model (one nobody trained by hand or from moderators' labels) that no longer matches the shipped seed
    data and recipe, e.g. after an upgrade, is replaced by a fresh default; a model from ``huisheng train`` or
    ``huisheng retrain`` is kept."""
    store = ModelStore(models_dir)
    if store.active_version() is not None:
        try:
            clf, card = store.load()
        except FileNotFoundError:
            pass
        else:
            if card.get("origin", "default") != "default":
                return clf, card
            rows = load_labelled(seed_path)
            if card["version"] == model_version(rows):
                return clf, card
            return _train_default(store, rows)
    return _train_default(store, load_labelled(seed_path))


def _train_default(store: ModelStore, rows: list[dict]) -> tuple[FeedbackClassifier, dict]:
    clf, card = train(rows)
    store.save(clf, {**card, "origin": "default"})
    return store.load(card["version"])
