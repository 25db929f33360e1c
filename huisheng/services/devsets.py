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
from huisheng.sources import corpora

REAL_DEV = paths.DATA_DIR / "eval" / "real_dev.csv"
SEED_DEV = "seed-dev"
REAL_DEV_NAME = "real-dev"


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
    return {k: v for k, v in sets.items() if v}
