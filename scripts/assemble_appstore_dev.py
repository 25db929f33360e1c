"""Assemble data/eval/appstore_dev.csv from the annotators' files (issue 8) and report inter-annotator agreement.

Inputs (scratch, outside the repository, because they sit next to the texts): LABEL_DIR/<app>.csv as written by
select_appstore_dev.py, LABEL_DIR/out/<app>.csv (row,label,topic,confidence) from the first annotator of each app,
LABEL_DIR/<app>.extra.csv and out/<app>.extra.csv for
the request-enriched second pass, LABEL_DIR/out/second_annotator.csv (row,label,confidence) from the independent second annotator, and optionally
LABEL_DIR/out/adjudicated.csv (row,label,topic) with the decisions on disagreements. The output keeps references,
labels, topic keys and a short hash of the review, never its text.
Usage: python scripts/assemble_appstore_dev.py LABEL_DIR
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

from huisheng.services.devsets import APPSTORE_DEV, CHOOSE_APPS, text_digest
from huisheng.sources.appstore_corpus import MAIN_APPS, by_row

LABELS = ("bug", "feature_request", "spam", "other")


def _read(path: Path) -> dict[int, dict]:
    if not path.is_file():
        return {}
    with open(path, encoding="utf-8", newline="") as f:
        return {int(r["row"]): r for r in csv.DictReader(f) if r.get("row", "").strip().isdigit()}


def kappa(a: list[str], b: list[str]) -> float:
    n = len(a)
    po = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return (po - pe) / (1 - pe) if pe < 1 else 1.0


def main(label_dir: Path) -> None:
    reviews = by_row()
    second = _read(label_dir / "out" / "second_annotator.csv")
    adjudicated = _read(label_dir / "out" / "adjudicated.csv")
    out, pairs, repeat_pairs, topic_pairs = [], [], [], []
    for app in MAIN_APPS:
        # the first pass, then the request-enriched passes (select_appstore_dev.py --extra-requests 1 / 2). A later
        # pass re-drew from a shifted random stream, so some of its rows were already labelled: the first label is
        # kept and the later one counts as another independent annotation of that row (agreement below).
        selected, first, repeats = {}, {}, []
        for name in (f"{app}.csv", f"{app}.extra.csv", f"{app}.extra2.csv"):
            for k, v in _read(label_dir / name).items():
                selected.setdefault(k, v)
            for k, v in _read(label_dir / "out" / name).items():
                if k in first:
                    repeats.append((first[k], v))
                else:
                    first[k] = v
        for a, b in repeats:
            if a["label"] in LABELS and b["label"] in LABELS:
                repeat_pairs.append((a["label"], b["label"], app))
                if a["label"] == b["label"] and a["label"] in ("bug", "feature_request"):
                    topic_pairs.append((a.get("topic", "").strip(), b.get("topic", "").strip()))
        for row, sel in sorted(selected.items()):
            lab = first.get(row)
            if lab is None or lab["label"] not in LABELS:
                continue
            label, topic = lab["label"], (lab.get("topic") or "").strip()
            double = ""
            if row in second and second[row]["label"] in LABELS:
                pairs.append((lab["label"], second[row]["label"], app))
                if second[row]["label"] == lab["label"]:
                    double = "agree"
                elif row in adjudicated:
                    double = "adjudicated"
                    label = adjudicated[row]["label"]
                    topic = (adjudicated[row].get("topic") or topic).strip()
                else:
                    double = "disagree"
            if label not in ("bug", "feature_request"):
                topic = ""
            r = reviews[row]
            out.append({"app": app, "row": row, "rating": r.rating, "label": label, "topic": topic,
                        "stratum": sel["stratum"], "role": "choose" if app in CHOOSE_APPS else "report",
                        "confidence": lab.get("confidence", ""), "double_annotated": double,
                        "text_sha1": text_digest(r.title + "\n" + r.text)})
    with open(APPSTORE_DEV, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(out[0]))
        w.writeheader()
        w.writerows(out)
    print(f"{len(out)} rows -> {APPSTORE_DEV}")
    print("labels:", dict(Counter(r["label"] for r in out)))
    for app in MAIN_APPS:
        rows = [r for r in out if r["app"] == app]
        print(f"  {app}: {len(rows)}", dict(Counter(r["label"] for r in rows)),
              "topics:", len({r["topic"] for r in rows if r["topic"]}))
    if pairs:
        a, b = [p[0] for p in pairs], [p[1] for p in pairs]
        print(f"double-annotated {len(pairs)}: agreement {sum(x == y for x, y in zip(a, b)) / len(a):.3f}, "
              f"Cohen's kappa {kappa(a, b):.3f}")
        print("confusions:", dict(Counter((x, y) for x, y in zip(a, b) if x != y).most_common(12)))
    if repeat_pairs:
        a, b = [p[0] for p in repeat_pairs], [p[1] for p in repeat_pairs]
        print(f"rows labelled again in a later pass {len(a)}: agreement {sum(x == y for x, y in zip(a, b)) / len(a):.3f}, "
              f"Cohen's kappa {kappa(a, b):.3f}; same topic key on {sum(x == y for x, y in topic_pairs)} of "
              f"{len(topic_pairs)} bug/request rows both labelled alike")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
