"""Active learning on a new domain: does labelling the queue's "least confident first" items teach the model more
than labelling random ones?

A simulated moderator works on a domain the seed data does not cover: the hand-labelled real reviews
(data/eval/real_dev.csv, texts from ../shared) when present, else the shipped sample feed (gold labels from
data/sample/topics.csv). The domain is split into a pool (what arrives in the queue) and a held-out test part.
At each step the moderator labels items from the pool, chosen either by the model's margin (smallest first, as the
queue orders them; the model is retrained after each step) or at random, and the model is retrained on seed data
plus the labels (weighted like moderators' labels in production). Prints macro-F1 and per-class F1 on the test part.

`--domain appstore --app 美居`: the App Store dev set's reviews of one app (issue 8: an app the seed never saw).
Usage: python bench/bench_active_learning.py [--steps 50 100 200] [--seeds 3] [--domain auto|real|sample|appstore]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def domain_rows(which: str = "auto", app: str = "美居") -> tuple[list[dict], str]:
    from huisheng.services.devsets import load_appstore_dev, load_real_dev

    if which == "appstore":
        rows = load_appstore_dev(apps=(app,))
        if not rows:
            raise SystemExit("the App Store dev set needs ../shared/corpora")
        return [{k: r[k] for k in ("text", "title", "category")} for r in rows], f"App Store reviews of {app} (an app the seed never saw)"

    real = load_real_dev() if which in ("auto", "real") else []
    if which == "real" and not real:
        raise SystemExit("the real-text dev set needs ../shared/corpora")
    if real:
        return real, "hand-labelled real reviews (data/eval/real_dev.csv)"
    sample = ROOT / "data" / "sample"
    gold = {(r["source"], r["id"]): r["category"] for r in csv.DictReader(open(sample / "topics.csv", encoding="utf-8"))}
    rows = [{"text": r["内容"], "category": gold[("appstore", r["编号"])]}
            for r in csv.DictReader(open(sample / "appstore_reviews.csv", encoding="utf-8-sig"))]
    for line in open(sample / "community.jsonl", encoding="utf-8"):
        o = json.loads(line)
        rows.append({"text": o["text"], "title": o.get("title"), "category": gold[("community", o["id"])]})
    return rows, "the shipped sample feed" + (" (../shared not found)" if which == "auto" else "")


def main() -> None:
    from huisheng.runtime import configure

    configure()
    from huisheng.models.training import evaluate, load_labelled, texts_of, train
    from huisheng.models.uncertainty import least_confident_first
    from huisheng.settings import Settings

    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", nargs="*", type=int, default=[50, 100, 200])
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--test-share", type=float, default=0.35)
    ap.add_argument("--domain", choices=["auto", "real", "sample", "appstore"], default="auto")
    ap.add_argument("--app", default="美居", help="with --domain appstore: which app is the new domain")
    args = ap.parse_args()
    weight = Settings().human_label_weight
    seed_rows = [r for r in load_labelled() if r.get("split") == "train"]
    domain, what = domain_rows(args.domain, args.app)
    print(f"domain: {what}, {len(domain)} rows; seed train rows {len(seed_rows)}; moderator label weight {weight}")
    print(f"{'strategy':<16} {'labels':>6} {'macro-F1':>9} {'bug':>6} {'fr':>6} {'spam':>6} {'other':>6}   "
          f"(mean over {args.seeds} splits)")

    def fit(labelled: list[dict]):
        rows = seed_rows + [{**r, "split": "train", "weight": weight} for r in labelled]
        return train(rows, final=False, dev_sets={})[0]

    results: dict[tuple[str, int], list[dict]] = {}
    t0 = time.perf_counter()
    for seed in range(args.seeds):
        rng = random.Random(seed)
        rows = domain[:]
        rng.shuffle(rows)
        n_test = int(len(rows) * args.test_share)
        test, pool = rows[:n_test], rows[n_test:]
        base = fit([])
        results.setdefault(("none", 0), []).append(evaluate(base, test))
        for strategy in ("least_confident", "random"):
            labelled: list[dict] = []
            model = base
            for step in args.steps:
                remaining = [r for r in pool if r not in labelled]
                need = min(step - len(labelled), len(remaining))
                if strategy == "random":
                    picked = rng.sample(remaining, need)
                else:
                    order = least_confident_first(model.scores(texts_of(remaining)))
                    picked = [remaining[i] for i in order[:need]]
                labelled += picked
                model = fit(labelled)
                results.setdefault((strategy, step), []).append(evaluate(model, test))
    for (strategy, step), ms in results.items():
        f = lambda c: np.mean([m["per_class"].get(c, {}).get("f1", 0.0) for m in ms])  # noqa: E731
        print(f"{strategy:<16} {step:>6d} {np.mean([m['macro_f1'] for m in ms]):>9.3f} {f('bug'):>6.3f} "
              f"{f('feature_request'):>6.3f} {f('spam'):>6.3f} {f('other'):>6.3f}")
    print(f"({time.perf_counter() - t0:.0f} s)")


if __name__ == "__main__":
    main()
