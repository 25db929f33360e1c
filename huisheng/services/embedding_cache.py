"""Each distinct text is embedded once, ever: vectors are cached in the database by (embedder, content hash).

The classifier's embedding features and the clustering step both read this cache, so a text that was embedded to
be classified is not embedded again to be clustered, in this run or any later one.
"""

from __future__ import annotations

import numpy as np

from huisheng.storage.analysis import cached_embeddings, store_embeddings
from huisheng.storage.db import Database


def embed_cached(db: Database, name: str, embed, hashes: list[str], texts: list[str]) -> np.ndarray:
    """Rows for ``texts`` (keyed by ``hashes``) from the cache named ``name``; the missing ones go through
    ``embed(list_of_texts)`` once each and are stored."""
    if not hashes:
        return np.zeros((0, 1), dtype=np.float32)
    with db.session() as s:
        cached = cached_embeddings(s, name, list(set(hashes)))
    missing: dict[str, str] = {}
    for h, t in zip(hashes, texts):
        if h not in cached and h not in missing:
            missing[h] = t
    if missing:
        fresh = dict(zip(missing, embed(list(missing.values()))))
        with db.session() as s:
            store_embeddings(s, name, fresh)
        cached.update(fresh)
    return np.stack([np.asarray(cached[h], dtype=np.float32) for h in hashes])
