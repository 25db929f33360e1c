"""Pick the rows of ../shared/corpora that make up the real-text dev set, for hand labelling.

Deterministic (seeded); writes only references to the repo. The texts go to a scratch file for the annotator.
Strata: random rows of 手机, 平板, 计算机 (electronics reviews carry real malfunction reports), random 外卖 rows
(orders that never arrived), and a request-enriched stratum (rows matching a broad wish pattern) because feature
requests are rare in product reviews. Usage: python scripts/select_real_dev.py OUT_DIR
"""

from __future__ import annotations

import csv
import random
import re
import sys
from pathlib import Path

from huisheng.sources.corpora import load_corpus

WISH = re.compile(r"希望|建议|能不能|可不可以|要是|如果.{0,12}就好|最好能|应该(加|增加|有)|增加|改进|改回")


def main(out_dir: Path) -> None:
    rng = random.Random(20261124)
    shop = load_corpus("online_shopping_10_cats")
    waimai = load_corpus("waimai_10k")
    seen: set[str] = set()
    batches: dict[str, list] = {"A": [], "B": []}

    def take(pool, n, batch, stratum):
        pool = list(pool)
        rng.shuffle(pool)
        for r in pool:
            key = r.text.strip()
            if len(batches[batch]) and n == 0:
                break
            if not key or key in seen:
                continue
            seen.add(key)
            batches[batch].append((stratum, r))
            n -= 1
            if n == 0:
                break

    take([r for r in shop if r.cat == "手机"], 120, "A", "random")
    take([r for r in shop if r.cat == "平板"], 100, "A", "random")
    take([r for r in shop if r.cat == "计算机"], 120, "B", "random")
    take(waimai, 60, "B", "random")
    electronics = [r for r in shop if r.cat in ("手机", "平板", "计算机")] + list(waimai)
    take([r for r in electronics if WISH.search(r.text)], 60, "B", "wish")
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, rows in batches.items():
        with open(out_dir / f"batch_{name}.csv", "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["corpus", "row", "cat", "stratum", "text"])
            for stratum, r in rows:
                w.writerow([r.corpus, r.row, r.cat, stratum, r.text])
        print(f"batch {name}: {len(rows)} rows -> {out_dir / f'batch_{name}.csv'}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
