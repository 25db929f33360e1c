"""Which classifier recipe generalises? Trains each variant on the seed train split (plus any extra labelled JSONL
given with --extra) and prints, per dev set, macro-F1, bug F1, feature_request recall and F1, spam precision and F1,
and other F1.

The App Store dev set is split by app (services/devsets.py): recipes are chosen on the `choose` apps; the `report`
apps are printed only with --report, once a choice is made, so that the reported number is one the choice never saw.

Label spreading (issue 8, models/label_spreading.py): the `spread-*` variants smooth each app's probabilities over
that app's own k-nearest-neighbour graph during the self-training. `--spread-grid` trains the model once and scores
a grid of spreading settings on the same model (the `after` settings reuse one self-trained prediction per app, the
`before`/`both` ones self-train again for each setting): the same numbers as the variants, in minutes rather than
hours.

Usage: python bench/bench_classifier.py [--variants emb gate-off ...] [--extra more.jsonl] [--report]
       python bench/bench_classifier.py --no-seed-dev --spread-grid plain|mass|anchors|frozen|soft|candidates|chosen [--report]
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
    # label spreading over the batch's kNN graph (models/label_spreading.LabelSpreading fields)
    "no-spread": {"spreading": None},  # the self-training alone (before label spreading was adopted)
    "spread-emb-after": {"spreading": {"representation": "embedding", "k": 10, "alpha": 0.5, "when": "after"}},
    "spread-emb-before": {"spreading": {"representation": "embedding", "k": 10, "alpha": 0.5, "when": "before"}},
    "spread-char-after": {"spreading": {"representation": "char", "k": 10, "alpha": 0.5, "when": "after"}},
    "spread-both-after": {"spreading": {"representation": "both", "k": 10, "alpha": 0.5, "when": "after"}},
}


def _grids() -> dict[str, list]:
    """--spread-grid NAME: the settings of each run, in the order they were run (README table)."""
    from huisheng.models.label_spreading import LabelSpreading as LS

    reps, ks, alphas = ("embedding", "char", "both"), (5, 10, 20), (0.2, 0.5, 0.8)
    before = (("embedding", 10, 0.5), ("embedding", 10, 0.2), ("both", 10, 0.5), ("char", 10, 0.5))
    grids = {}
    for name, mass in (("plain", False), ("mass", True)):
        # 1: smoothing every row (it took request recall away); 2: the same with class mass normalisation
        grids[name] = ([LS(r, k, a, when="after", class_mass=mass) for r in reps for k in ks for a in alphas]
                       + [LS(r, k, a, when=w, class_mass=mass) for r, k, a in before for w in ("before", "both")])
    # 3: only the uncertain rows smoothed (rows at least this confident keep their probabilities)
    grids["anchors"] = ([LS(r, k, a, when="after", anchor=t) for t in (0.9, 0.7) for r in reps for k in (10, 20)
                         for a in (0.5, 0.8)]
                        + [LS(r, 10, 0.5, when=w, anchor=t) for t in (0.9, 0.7) for r in ("embedding", "char")
                           for w in ("before", "both")])
    # 4: the graph in the classifier's own feature space (its cues carry intent); requests frozen like spam
    # (neighbours share a topic, not the wish for something new)
    fr = ("spam", "feature_request")
    grids["frozen"] = ([LS("classifier", k, a, when="after") for k in (10, 20) for a in (0.5, 0.8)]
                       + [LS(r, k, a, when="after", frozen=fr) for r in ("embedding", "char", "classifier")
                          for k in (10, 20) for a in (0.5, 0.8)]
                       + [LS(r, 10, 0.5, when="both", frozen=fr) for r in ("embedding", "char")])
    # 5: requests spread at half the others' alpha (between run 1, which lost requests, and run 4's frozen ones)
    grids["soft"] = [LS(r, k, a, when="after", alpha_by_category=(("feature_request", a / 2),))
                     for r in ("char", "embedding", "classifier") for k in (10, 20) for a in (0.5, 0.8)]
    # the candidates again, printed per app (is a gain the same on each choose app?)
    grids["candidates"] = [LS("char", 10, 0.5), LS("char", 10, 0.5, frozen=fr),
                           LS("classifier", 20, 0.8, frozen=fr)]
    # the choice (best choose-app macro-F1 among the settings that keep request recall, bug F1 and spam precision),
    # the only one run with --report
    grids["chosen"] = [LS("char", 10, 0.5, frozen=fr)]
    return grids


def _cells(m: dict) -> str:
    pc = m["per_class"]
    g = lambda c, k: pc.get(c, {}).get(k, 0.0)  # noqa: E731
    return (f"{m['macro_f1']:>6.3f} {g('bug', 'f1'):>5.3f} {g('feature_request', 'recall'):>5.3f} "
            f"{g('feature_request', 'precision'):>5.3f} {g('spam', 'precision'):>5.3f} {g('spam', 'f1'):>5.3f} "
            f"{g('other', 'f1'):>5.3f}")


HEADER = f"{'macro':>6} {'bug':>5} {'frR':>5} {'frP':>5} {'spP':>5} {'spam':>5} {'other':>5}"


def _split_params(params: dict, shipped) -> tuple[dict, object]:
    """(classifier parameters, LabelSpreading or None) of a variant; ``shipped`` (the settings' spreading) unless
    the variant names its own (``None``: none)."""
    from huisheng.models.label_spreading import LabelSpreading

    params = dict(params)
    if "spreading" not in params:
        return params, shipped
    spreading = params.pop("spreading")
    return params, (LabelSpreading(**spreading) if spreading else None)


def spread_grid(rows: list[dict], dev: list[dict], adapt: tuple[float, float], roles: list[str],
                settings: list, per_app_cells: bool = False) -> None:
    """Train once; score every spreading setting of the grid on each role's apps (self-trained per app)."""
    import numpy as np

    from huisheng.models.training import score, texts_of, train

    t = time.perf_counter()
    clf, _ = train(rows, final=False, dev_sets={})
    print(f"trained in {time.perf_counter() - t:.0f} s", flush=True)
    for role in roles:
        role_rows = [r for r in dev if r.get("role") == role]
        y_true = [r["category"] for r in role_rows]
        apps = list(dict.fromkeys(r["app"] for r in role_rows))
        cache, texts = {}, {}
        t = time.perf_counter()
        for app in apps:
            idx = [i for i, r in enumerate(role_rows) if r["app"] == app]
            sub = texts[app] = texts_of([role_rows[i] for i in idx])
            adapted, proba = clf.adapt_proba(sub, *adapt)
            normalised = clf.pipeline_[0].transform(sub)
            emb, tail = clf._feature_parts(normalised)
            cache[app] = (idx, adapted.classes_, proba, normalised, emb, {"features": clf._stack_rows([(emb, tail)])})
        print(f"{role}: self-trained per app in {time.perf_counter() - t:.0f} s", flush=True)

        def cells(pred_of) -> str:
            y_pred = [""] * len(role_rows)
            for app, (idx, classes, proba, normalised, emb, graphs) in cache.items():
                for i, p in zip(idx, pred_of(app, classes, proba, normalised, emb, graphs)):
                    y_pred[i] = "other" if p == "quality_content" else p
            per_app = ""
            if per_app_cells:
                for app, (idx, *_) in cache.items():
                    m = score([y_true[i] for i in idx], [y_pred[i] for i in idx])
                    per_app += f" | {app} {m['macro_f1']:.3f} frR {m['per_class']['feature_request']['recall']:.3f}"
            return _cells(score(y_true, y_pred)) + per_app

        print(f"{'setting':<46} {'s':>4} | {HEADER}")
        print(f"{'no spreading':<46} {0:>4} | " + cells(lambda app, c, p, *_: c[np.argmax(p, axis=1)]), flush=True)
        for st in settings:
            t = time.perf_counter()

            def pred(app, classes, proba, normalised, emb, graphs, st=st):
                key = (st.representation, st.k)
                if key not in graphs:
                    graphs[key] = st.graph(normalised, emb, graphs["features"])
                if st.when == "after":
                    return classes[np.argmax(st.smooth(proba, graphs[key], classes, normalised), axis=1)]
                adapted, smoothed = clf.adapt_proba(texts[app], *adapt, spreading=st)
                return adapted.classes_[np.argmax(smoothed, axis=1)]

            label = (f"{st.representation} k={st.k} a={st.alpha} {st.when}" + (" mass" if st.class_mass else "")
                     + (f" anchor={st.anchor}" if st.anchor is not None else "")
                     + (" frozen=" + "+".join(c[:4] for c in st.frozen) if st.frozen != ("spam",) else "")
                     + "".join(f" {c[:4]}={v}" for c, v in st.alpha_by_category))
            line = cells(pred)
            print(f"{label:<46} {time.perf_counter() - t:>4.0f} | " + line, flush=True)


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
    ap.add_argument("--spread-grid", choices=["plain", "mass", "anchors", "frozen", "soft", "candidates", "chosen"],
                    help="a grid of label-spreading settings scored on one trained model")
    args = ap.parse_args()
    from huisheng.settings import Settings

    st = Settings()
    adapt = None if args.no_adapt else (st.classify_adapt_threshold, st.classify_adapt_weight)
    from huisheng.services.batch import batch_spreading

    shipped_spreading = batch_spreading(st)  # what `huisheng classify` adds to the self-training
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
    if args.spread_grid:
        spread_grid(rows, sets.get("appstore-dev", []), adapt, ["choose"] + (["report"] if args.report else []),
                    _grids()[args.spread_grid], args.spread_grid in ("candidates", "chosen"))
        return
    columns = [k for k in sets if k != "appstore-dev"] + (["choose", "report"] if "appstore-dev" in sets else [])
    if not args.report:
        columns = [c for c in columns if c != "report"]
    print(f"{'':<12} {'':>5} | " + " | ".join(f"{c:<41}" for c in columns))
    print(f"{'variant':<12} {'fit s':>5} | " + " | ".join(HEADER for _ in columns))
    for v in args.variants:
        t = time.perf_counter()
        params, spreading = _split_params(VARIANTS[v], shipped_spreading)
        _, card = train(rows, params=params, final=False, dev_sets=sets,
                        adapt=adapt if spreading is None or adapt is None else (*adapt, spreading))
        cells = []
        for c in columns:
            m = card["metrics"][c] if c in card["metrics"] else card["metrics"]["appstore-dev"]["groups"][c]
            cells.append(_cells(m))
        print(f"{v:<12} {time.perf_counter() - t:>5.0f} | " + " | ".join(cells), flush=True)


if __name__ == "__main__":
    main()
