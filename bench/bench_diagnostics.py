"""Which way do the batch topic groups err on the App Store dev set: too coarse or too fine? (issue 8, part 3)

Per app and gold category: #gold tickets vs #clusters, the largest cluster's share, pair precision/recall, and two
oracles that bound what a fix of one kind could gain: ``oracle-split`` (every cluster cut by its gold tickets:
perfect precision, recall as is) and ``oracle-merge`` (clusters whose majority ticket is the same are joined). If
oracle-split gains more, the groups are too coarse; if oracle-merge gains more, too fine.
Used by bench/bench_batch_topics.py --variants.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
from sklearn.metrics.cluster import pair_confusion_matrix

from bench_clustering import CATS, gold_labels, score


def diagnostics(gold: list[str], pred: np.ndarray) -> dict:
    pred = np.asarray(pred)
    (_, fp), (fn, tp) = pair_confusion_matrix(gold, pred)
    split = np.unique([f"{p}|{g}" for p, g in zip(pred, gold)], return_inverse=True)[1]
    majority = {c: Counter(g for p, g in zip(pred, gold) if p == c).most_common(1)[0][0] for c in set(pred)}
    merged = np.unique([majority[p] for p in pred], return_inverse=True)[1]
    return {"n": len(gold), "tickets": len(set(gold)), "clusters": len(set(pred)),
            "largest": max(Counter(pred).values()) / len(pred), "ari": score(gold, pred)[1],
            "pair_p": tp / max(tp + fp, 1), "pair_r": tp / max(tp + fn, 1),
            "oracle_split": score(gold, split)[1], "oracle_merge": score(gold, merged)[1]}


def diagnose(batches, overrides: dict) -> None:
    from huisheng.services.batch import cluster_texts
    from huisheng.settings import Settings

    st = Settings(**overrides)
    print("too coarse or too fine? (shipped path", overrides or "defaults", ")")
    for app, (raw, pred, gcat, topics) in batches.items():
        ids = cluster_texts(st, raw, pred).cluster_ids
        for cat in CATS:
            idx = [i for i, c in enumerate(gcat) if c == cat]
            d = diagnostics(gold_labels([topics[i] for i in idx]), ids[idx])
            way = "too coarse" if d["oracle_split"] - d["ari"] > d["oracle_merge"] - d["ari"] else "too fine"
            print(f"  {app} {cat:<15} n={d['n']:<4} tickets={d['tickets']:<4} clusters={d['clusters']:<4} "
                  f"largest={d['largest']:.2f} pairP={d['pair_p']:.2f} pairR={d['pair_r']:.2f} ARI={d['ari']:.3f} "
                  f"oracle-split={d['oracle_split']:.3f} oracle-merge={d['oracle_merge']:.3f} -> {way}", flush=True)


def smoothed_table(batches, variants: dict, thresholds, run, line, apps) -> None:
    """Each variant over the thresholds; prints its best smoothed (+-0.025) choose-app score."""
    rows = []
    for name, overrides in variants.items():
        res = {}
        for t in thresholds:
            out = run(batches, {**overrides, "cluster_batch_threshold": t})
            res[t] = np.mean([out[a] for a in apps], axis=0)
            print(line(f"{name} t={t}", out, apps), flush=True)
        sm = {t: np.mean([res[u] for u in thresholds if abs(u - t) <= 0.025 + 1e-9], axis=0) for t in thresholds}
        best = max(thresholds, key=lambda t: sm[t].mean())
        rows.append((name, best, sm[best], res[best]))
    print("variant | best cut | smoothed bug / req / mean | raw bug / req at that cut")
    for name, t, s, r in rows:
        print(f"  {name:<45} t={t:<7} {s[0]:.3f} / {s[1]:.3f} / {s.mean():.3f}   {r[0]:.3f} / {r[1]:.3f}")
