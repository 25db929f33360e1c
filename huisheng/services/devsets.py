"""The two dev sets every model is judged on: the seed dev split, and hand-labelled real reviews.

The real-text set (data/eval/real_dev.csv) holds only references into ../shared/corpora plus our labels and a short
hash of each text, never the texts (their licence is unknown). When ../shared is absent, that set is skipped with a
message; when a referenced text has changed, loading fails naming the row, rather than scoring against wrong labels.
"""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

from huisheng import paths
from huisheng.sources import appstore_corpus, corpora

REAL_DEV = paths.DATA_DIR / "eval" / "real_dev.csv"
APPSTORE_DEV = paths.DATA_DIR / "eval" / "appstore_dev.csv"
SEED_DEV = "seed-dev"
REAL_DEV_NAME = "real-dev"
APPSTORE_DEV_NAME = "appstore-dev"
# defaults are chosen on these apps; the others are only reported (a customer's app is one the model never saw)
CHOOSE_APPS = ("米家", "小米商城", "海尔智家")
REPORT_APPS = ("美居", "华为智能家居")


def text_digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def load_real_dev(path: Path = REAL_DEV) -> list[dict]:
    """Rows {text, category, topic, corpus, row, cat}. Empty when the corpora are not on this machine."""
    if not path.is_file() or not corpora.available():
        return []
    with open(path, encoding="utf-8", newline="") as f:
        refs = list(csv.DictReader(f))
    texts = corpora.resolve([(r["corpus"], int(r["row"])) for r in refs])
    out = []
    for n, (ref, found) in enumerate(zip(refs, texts), start=2):
        if ref.get("text_sha1") and text_digest(found.text) != ref["text_sha1"]:
            raise ValueError(f"{path}: line {n}: {ref['corpus']} row {ref['row']} no longer has the text that was labelled")
        out.append({"text": found.text, "category": ref["label"], "topic": ref.get("topic") or "",
                    "corpus": ref["corpus"], "row": int(ref["row"]), "cat": found.cat, "split": "dev"})
    return out


def load_appstore_dev(path: Path = APPSTORE_DEV, apps: tuple[str, ...] | None = None) -> list[dict]:
    """Rows {text, title, rating, category, topic, app, row, role} of the hand-labelled App Store dev set (``role``:
    choose or report). Empty when the corpus is not on this machine; a changed text fails naming the line."""
    if not path.is_file() or not appstore_corpus.available():
        return []
    with open(path, encoding="utf-8", newline="") as f:
        refs = list(csv.DictReader(f))
    reviews = appstore_corpus.by_row()
    out = []
    for n, ref in enumerate(refs, start=2):
        if apps is not None and ref["app"] not in apps:
            continue
        found = reviews.get(int(ref["row"]))
        if found is None or (ref.get("text_sha1") and text_digest(found.title + "\n" + found.text) != ref["text_sha1"]):
            raise ValueError(f"{path}: line {n}: {appstore_corpus.CORPUS} row {ref['row']} no longer has the review "
                             "that was labelled")
        out.append({"text": found.text, "title": found.title, "rating": found.rating, "category": ref["label"],
                    "topic": ref.get("topic") or "", "app": found.app, "row": found.row, "split": "dev",
                    "role": "choose" if found.app in CHOOSE_APPS else "report"})
    return out


def appstore_dev_status() -> str:
    if not APPSTORE_DEV.is_file():
        return f"App Store dev set skipped: {APPSTORE_DEV} not found"
    if not appstore_corpus.available():
        return f"App Store dev set skipped: corpus not found at {appstore_corpus.corpus_path()} (it lives in ../shared)"
    return ""


def real_dev_status() -> str:
    if not REAL_DEV.is_file():
        return f"real-text dev set skipped: {REAL_DEV} not found"
    if not corpora.available():
        return f"real-text dev set skipped: corpora not found at {corpora.corpora_dir()} (they live in ../shared)"
    return ""


def evaluation_sets(seed_rows: list[dict]) -> dict[str, list[dict]]:
    """{name: rows} for every dev set available on this machine; rows carry text and category."""
    sets = {SEED_DEV: [r for r in seed_rows if r.get("split") == "dev"]}
    real = load_real_dev()
    if real:
        sets[REAL_DEV_NAME] = real
    appstore = load_appstore_dev()
    if appstore:
        sets[APPSTORE_DEV_NAME] = appstore
    return {k: v for k, v in sets.items() if v}
