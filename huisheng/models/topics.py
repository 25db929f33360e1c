"""Batch topic grouping without a database: classify → embed → cluster within each category → label."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from huisheng.models.clustering import ThresholdClusterer, centroid
from huisheng.models.representation import ClassTfidfLabeler

# PMs triage these; a curated post is featured, not grouped
CLUSTERED_CATEGORIES = ("bug", "feature_request", "spam", "other")


@dataclass
class TopicResult:
    cluster_ids: np.ndarray  # -1 for none
    labels: dict[int, str]
    keywords: dict[int, list[str]]
    quotes: dict[int, list[str]]


def split_large(X, labels: np.ndarray, threshold: float, fraction: float, step: float = 0.1) -> np.ndarray:
    """No giant group: a group holding more than ``fraction`` of the rows (and more than 5) is cut again at
    ``threshold + step``. Short complaints (闪退, 连不上, 垃圾) sit close together, so one permissive cut merges
    unrelated tickets; on the App Store dev apps this lifts topic ARI by about 0.01 (bugs) and 0.02 (requests)."""
    if fraction <= 0 or len(labels) == 0:
        return labels
    out = labels.copy()
    next_label = int(out.max()) + 1
    limit = max(5, int(fraction * len(labels)))
    for lab in np.unique(labels[labels >= 0]):
        members = np.flatnonzero(labels == lab)
        if len(members) <= limit:
            continue
        sub = ThresholdClusterer(threshold + step, min_size=1).fit(X[members]).labels_
        for k in np.unique(sub)[1:]:
            out[members[sub == k]] = next_label
            next_label += 1
    return out


def group_topics(texts: Sequence[str], categories: Sequence[str], X, threshold: float = 0.55,
                 min_size: int = 3, labeler: ClassTfidfLabeler | None = None,
                 pools: Sequence[Sequence[str]] | None = None, split_fraction: float = 0.0) -> TopicResult:
    """texts: normalised; X: unit rows, dense or sparse (aligned with texts).

    ``pools``: groups of categories clustered together (default: each of CLUSTERED_CATEGORIES alone; a category
    named in a pool is clustered even if it is not among them). Pooling bug,
    feature_request and other keeps one ticket together when the classifier splits it (a dark-mode request read as
    a bug): on the sample's predicted categories it lifts end-to-end ARI from 0.58/0.67 to 0.73/0.92 (bug/requests).
    Groups smaller than ``min_size`` get cluster id -1; with ``min_size=1`` every item of a clustered category gets
    a group (a one-off report is a cluster of one), which is what the batch CLI does; it also passes
    ``split_fraction`` (see split_large).
    """
    labeler = labeler or ClassTfidfLabeler()
    ids = np.full(len(texts), -1)
    next_id = 0
    labels, keywords, quotes = {}, {}, {}
    cats = np.asarray(categories)
    if pools is None:
        pools = [(c,) for c in CLUSTERED_CATEGORIES]
    pooled = {c for p in pools for c in p}
    pools = list(pools) + [(c,) for c in CLUSTERED_CATEGORIES if c not in pooled]
    for pool in pools:
        idx = np.flatnonzero(np.isin(cats, list(pool)))
        if len(idx) == 0:
            continue
        local = ThresholdClusterer(threshold=threshold, min_size=min_size).fit(X[idx]).labels_
        if split_fraction and min_size == 1:
            local = split_large(X[idx], local, threshold, split_fraction)
        groups: dict[int, list[int]] = {}
        for i, lab in zip(idx, local):
            if lab >= 0:
                groups.setdefault(next_id + lab, []).append(i)
        if not groups:
            continue
        background = [texts[i] for i, lab in zip(idx, local) if lab < 0]
        kw = labeler.keywords({cid: [texts[i] for i in members] for cid, members in groups.items()}, background)
        for cid, members in groups.items():
            ids[members] = cid
            keywords[cid] = kw[cid]
            labels[cid] = labeler.label(kw[cid])
            quotes[cid] = labeler.central_quotes([texts[i] for i in members], X[members], centroid(X[members]))
        next_id += max(local) + 1
    return TopicResult(ids, labels, keywords, quotes)
