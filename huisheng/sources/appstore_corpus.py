"""Read the real App Store China reviews in ../shared by reference (issue 8's dev set).

`../shared/corpora/appstore_cn_smarthome_reviews/appstore_cn_smarthome_reviews.csv` holds 16,152 reviews of smart-home
apps (row, app, created_at, author, rating, title, text). No licence is stated, so the repository keeps only row
numbers and our labels; the texts are read from ../shared when it is present.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from huisheng.sources.corpora import shared_dir

CORPUS = "appstore_cn_smarthome_reviews"
MAIN_APPS = ("米家", "小米商城", "美居", "海尔智家", "华为智能家居")


@dataclass(frozen=True)
class AppReview:
    row: int  # the file's own `row` column (1-based)
    app: str
    created_at: str
    rating: int
    title: str
    text: str


def corpus_path() -> Path:
    return shared_dir() / "corpora" / CORPUS / f"{CORPUS}.csv"


def available() -> bool:
    return corpus_path().is_file()


@lru_cache(maxsize=1)
def load_reviews() -> tuple[AppReview, ...]:
    with open(corpus_path(), encoding="utf-8", newline="") as f:
        return tuple(AppReview(int(r["row"]), r["app"], r["created_at"], int(r["rating"] or 0), r["title"] or "", r["text"] or "")
                     for r in csv.DictReader(f))


def by_row() -> dict[int, AppReview]:
    return {r.row: r for r in load_reviews()}
