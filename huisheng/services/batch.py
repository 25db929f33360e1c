"""`huisheng classify` and `huisheng cluster`: files in, JSONL out, no database (DESIGN §6)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from huisheng.models.classifier import join_title
from huisheng.models.normalize import normalize
from huisheng.models.quality import quality_score
from huisheng.models.representation import UNNAMED
from huisheng.models.tokenize import JiebaTokenizer
from huisheng.models.topics import TopicResult, group_topics
from huisheng.models.vectorize import topic_vectorizer
from huisheng.services.analyse import active_model
from huisheng.settings import Settings
from huisheng.sources.files import read_file
from huisheng.sources.records import BadRow, Record


def _rows(path: str | Path) -> list[tuple[str, Record | BadRow]]:
    """(output id, row) for every data row, in file order. Rows without an id get their 1-based position."""
    out = []
    for n, row in enumerate(read_file(path, max_chars=10**9, parse_dates=False), start=1):
        rid = row.external_id if isinstance(row, Record) and row.id_given else str(n)
        out.append((rid, row))
    return out


def batch_spreading(settings: Settings):
    """The label spreading of a batch run (models/label_spreading.for_batch), None when ``classify_spread`` is off."""
    if not settings.classify_spread:
        return None
    from huisheng.models.label_spreading import for_batch

    return for_batch(settings.classify_spread_k, settings.classify_spread_alpha)


def _classify(settings: Settings, records: list[Record]):
    return classify_texts(settings, [join_title(r.title, r.text) for r in records])


def classify_texts(settings: Settings, texts: list[str]):
    """(scores per text, model card) as `huisheng classify` / `cluster` label a file of these texts (titles already
    joined): with ``classify_adapt`` the model first self-trains on them (no labels needed), then
    (``classify_spread``) smooths the scores over their own neighbourhood graph. The benches call this too, so that
    what they score is what the command does."""
    clf, card = active_model(settings)
    if not texts:
        return [], card
    if settings.classify_adapt:
        clf, proba = clf.adapt_proba(texts, settings.classify_adapt_threshold, settings.classify_adapt_weight,
                                      free_models=True, spreading=batch_spreading(settings))
        return clf.as_scores(proba), card
    return clf.scores(texts), card


def _write(output: str | Path, lines: list[dict]) -> None:
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    with open(output, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")


def _warn_bad(bad: list[BadRow]) -> None:
    for b in bad[:20]:
        print(f"skipped {b}", file=sys.stderr)
    if len(bad) > 20:
        print(f"... and {len(bad) - 20} more bad rows", file=sys.stderr)


def classify_file(settings: Settings, input_path: str | Path, output_path: str | Path) -> dict:
    rows = _rows(input_path)
    records = [r for _, r in rows if isinstance(r, Record)]
    scores, card = _classify(settings, records)
    tok = JiebaTokenizer()
    by_record = {id(r): s for r, s in zip(records, scores)}
    lines = []
    for rid, row in rows:
        if isinstance(row, BadRow):
            lines.append({"id": rid, "category": None, "scores": None, "quality_score": None, "error": row.reason})
            continue
        s = by_record[id(row)]
        lines.append({"id": rid, "category": max(s, key=s.get), "scores": s,
                      "quality_score": quality_score(row.text, s, tok(normalize(row.text)), row.meta)})
    _write(output_path, lines)
    _warn_bad([r for _, r in rows if isinstance(r, BadRow)])
    return {"rows": len(lines), "errors": sum(1 for _, r in rows if isinstance(r, BadRow)), "model": card["version"]}


def cluster_texts(settings: Settings, texts: list[str], categories: list[str], free_models: bool = False):
    """Group raw texts of known categories the way `huisheng cluster` does (the batch settings); a TopicResult.
    ``free_models``: once the rows are vectorised, drop the embedding model, the memoised vectors and jieba's
    dictionaries (the grouping embeds nothing and segments nothing until the labels; 20,000 reviews: ~0.2 GB less
    at the grouping's peak)."""
    texts = [normalize(t) for t in texts]
    if not any(texts):  # no rows, or only rows with nothing left to compare (an export's stamp): the vectoriser
        # cannot fit on nothing; each row is a one-off, as the command gives every valid row a group
        return TopicResult(np.arange(len(texts)), {i: UNNAMED for i in range(len(texts))},
                           {i: [] for i in range(len(texts))}, {i: [] for i in range(len(texts))})
    X = topic_vectorizer(settings).transform(texts, categories)
    if free_models:
        from huisheng.models.heap import release_models

        release_models(settings.embedder, memo=True)
    return group_topics(texts, categories, X, settings.cluster_batch_threshold, min_size=1,
                        pools=settings.cluster_batch_pools, split_fraction=settings.cluster_batch_split)


def cluster_file(settings: Settings, input_path: str | Path, output_path: str | Path) -> dict:
    """Rows are grouped within ``cluster_batch_pools`` (by default bug, feature_request and other together, so one
    ticket stays whole when the classifier splits it; a cluster may hold rows of several categories).
    Every valid row gets a ``cluster_id`` (a one-off report is a cluster of its own, so a scorer reading -1 as "one
    cluster" or as "singletons" sees the same grouping); -1 is left for bad rows only."""
    rows = _rows(input_path)
    records = [r for _, r in rows if isinstance(r, Record)]
    scores, _ = _classify(settings, records)
    categories = [max(s, key=s.get) for s in scores]
    topics = cluster_texts(settings, [join_title(r.title, r.text) for r in records], categories, free_models=True)
    cid_of = {id(r): int(c) for r, c in zip(records, topics.cluster_ids)}
    lines = []
    for rid, row in rows:
        cid = cid_of.get(id(row), -1)
        line = {"id": rid, "cluster_id": cid, "cluster_label": topics.labels.get(cid) if cid >= 0 else None}
        if isinstance(row, BadRow):
            line["error"] = row.reason
        lines.append(line)
    _write(output_path, lines)
    _warn_bad([r for _, r in rows if isinstance(r, BadRow)])
    return {"rows": len(lines), "clusters": len(topics.labels),
            "clustered": int((topics.cluster_ids >= 0).sum())}
