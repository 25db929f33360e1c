"""Giving freed memory back to the system between the long steps of a one-shot batch (`huisheng cluster`).

glibc keeps the pages of freed small and medium blocks for reuse; after the classifier's feature building a few tens
of MB of them sit in the process while the refit allocates fresh arrays next to them, and the peak RSS counts both
(issue 11, 20,000 reviews: 45 MB at the refit). ``malloc_trim`` returns them. Anywhere else (musl, macOS) a no-op.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import lru_cache


@lru_cache(maxsize=1)
def _libc():
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc if hasattr(libc, "malloc_trim") else None
    except OSError:
        return None


def give_back() -> bool:
    """Return the heap's free pages to the system; True when the C library could."""
    libc = _libc()
    if libc is None:
        return False
    libc.malloc_trim(0)
    return True


def release_models(embedder: str | None, memo: bool = False) -> None:
    """Drop the embedding model (``embedder``: its spec, None for none) and jieba's dictionaries, with ``memo`` the
    memoised embeddings too, then give the freed pages back: for a long step of a one-shot batch that embeds and
    segments nothing (each model loads again on its next use, ~1.4 s)."""
    from huisheng.models import tokenize

    if embedder:
        from huisheng.models.embedders import get_embedder

        get_embedder(embedder).release()
    if memo:
        from huisheng.models.embedding_features import forget

        forget()
    tokenize.release()
    give_back()
