"""Which classifier recipe generalises? Trains each variant on the seed train split (plus any extra labelled JSONL
given with --extra) and prints, per dev set, macro-F1, bug F1, feature_request recall and F1, spam precision and F1,
and other F1.

The App Store dev set is split by app (services/devsets.py): recipes are chosen on the `choose` apps; the `report`
apps are printed only with --report, once a choice is made, so that the reported number is one the choice never saw.

Usage: python bench/bench_classifier.py [--variants emb gate-off ...] [--extra more.jsonl] [--report]
"""

from __future__ import annotations

import argparse
import time

VARIANTS = {
    "base": {"embedder": None},
    "emb": {},
    "gate-off": {"spam_without_evidence": 1.0, "spam_floor_with_strong_evidence": 0.0},
    "no-floor": {"spam_floor_with_strong_evidence": 0.0},
    "no-cues": {"cue_weight": 0.0},
    "cues-v1": {"cue_version": 1},
    "cues-v2": {"cue_version": 2},
    "C=0.2": {"C": 0.2},
    "C=1": {"C": 1.0},
    "emb-w2": {"embedding_weight": 2.0},
    "emb-w0.5": {"embedding_weight": 0.5},
    "nobal": {"class_weight": None},
    "char24": {"char_ngrams": (2, 4)},
}


def _cells(m: dict) -> str:
    pc = m["per_class"]
    g = lambda c, k: pc.get(c, {}).get(k, 0.0)  # noqa: E731
    return (f"{m['macro_f1']:>6.3f} {g('bug', 'f1'):>5.3f} {g('feature_request', 'recall'):>5.3f} "
            f"{g('feature_request', 'f1'):>5.3f} {g('spam', 'precision'):>5.3f} {g('spam', 'f1'):>5.3f} {g('other', 'f1'):>5.3f}")


def main() -> None:
    from huisheng.runtime import configure

    configure()
    from huisheng.models.training import load_labelled, train
    from huisheng.services.devsets import appstore_dev_status, evaluation_sets, real_dev_status

    ap = argparse.ArgumentParser()
    ap.add_argument("--variants", nargs="*", default=["emb"])
    ap.add_argument("--extra", nargs="*", default=[])
    ap.add_argument("--report", action="store_true", help="also print the apps kept for reporting")
    ap.add_argument("--no-seed-dev", action="store_true", help="skip the seed dev split and the old real-text set")
    ap.add_argument("--no-adapt", action="store_true", help="score App Store apps without self-training on them")
    args = ap.parse_args()
    from huisheng.settings import Settings

    st = Settings()
    adapt = None if args.no_adapt else (st.classify_adapt_threshold, st.classify_adapt_weight)
    rows = load_labelled()
    for path in args.extra:
        rows += [{**r, "split": r.get("split", "train")} for r in load_labelled(path)]
    sets = evaluation_sets(load_labelled())
    if args.no_seed_dev:
        sets = {k: v for k, v in sets.items() if k == "appstore-dev"}
    for status in (real_dev_status(), appstore_dev_status()):
        if status:
            print(status)
    print(f"train rows {sum(r.get('split') == 'train' for r in rows)}; dev sets: "
          + ", ".join(f"{k} n={len(v)}" for k, v in sets.items()))
    columns = [k for k in sets if k != "appstore-dev"] + (["choose", "report"] if "appstore-dev" in sets else [])
    if not args.report:
        columns = [c for c in columns if c != "report"]
    print(f"{'':<12} {'':>5} | " + " | ".join(f"{c:<41}" for c in columns))
    print(f"{'variant':<12} {'fit s':>5} | " + " | ".join(f"{'macro':>6} {'bug':>5} {'frR':>5} {'fr':>5} {'spP':>5} "
                                                       f"{'spam':>5} {'other':>5}" for _ in columns))
    for v in args.variants:
        t = time.perf_counter()
        _, card = train(rows, params=VARIANTS[v], final=False, dev_sets=sets, adapt=adapt)
        cells = []
        for c in columns:
            m = card["metrics"][c] if c in card["metrics"] else card["metrics"]["appstore-dev"]["groups"][c]
            cells.append(_cells(m))
        print(f"{v:<12} {time.perf_counter() - t:>5.0f} | " + " | ".join(cells), flush=True)


if __name__ == "__main__":
    main()
