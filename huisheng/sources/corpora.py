"""Read rows of the public review corpora in ../shared by reference.

Their licence is unknown, so the repository keeps only (corpus, row) references and our labels; the texts are read
from ../shared when it is present and the evaluation that needs them is skipped (with a message) when it is not.
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from huisheng.paths import REPO_ROOT

CORPUS_DIR_NAME = "sophonplus_sentiment_reviews"


@dataclass(frozen=True)
class CorpusRow:
    corpus: str  # online_shopping_10_cats | waimai_10k | ChnSentiCorp_htl_all
    row: int  # 0-based data row (header excluded)
    cat: str  # product category for online_shopping_10_cats, else the corpus name
    sentiment: int
    text: str


def shared_dir() -> Path:
    """``$HUISHENG_SHARED_DIR`` or the sibling ``../shared`` of the repository."""
    return Path(os.environ.get("HUISHENG_SHARED_DIR") or REPO_ROOT.parent / "shared")


def corpora_dir() -> Path:
    return shared_dir() / "corpora" / CORPUS_DIR_NAME


def available() -> bool:
    return (corpora_dir() / "waimai_10k.csv").is_file()


@lru_cache(maxsize=4)
def load_corpus(corpus: str) -> tuple[CorpusRow, ...]:
    base = corpora_dir()
    if corpus == "online_shopping_10_cats":
        with zipfile.ZipFile(base / "online_shopping_10_cats.zip") as z, z.open("online_shopping_10_cats.csv") as f:
            rows = list(csv.DictReader(io.TextIOWrapper(f, encoding="utf-8")))
        return tuple(CorpusRow(corpus, i, r["cat"], int(r["label"]), (r["review"] or "").lstrip("\ufeff")) for i, r in enumerate(rows))
    if corpus in ("waimai_10k", "ChnSentiCorp_htl_all"):
        with open(base / f"{corpus}.csv", encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
        return tuple(CorpusRow(corpus, i, corpus, int(r["label"]), (r["review"] or "").lstrip("\ufeff")) for i, r in enumerate(rows))
    raise ValueError(f"unknown corpus {corpus!r}")


def resolve(refs: list[tuple[str, int]]) -> list[CorpusRow]:
    """The rows behind (corpus, row) references, in order."""
    return [load_corpus(c)[r] for c, r in refs]
