"""Stacking sparse rows built a block at a time, without holding the blocks and the result at once.

``sparse.vstack(blocks)`` needs every block alive while it writes the result: the matrix twice at the peak. Here
each block is built twice instead (cheap next to the memory: its rows come from compact parts), once to size the
arrays and once to fill them. Used where `huisheng cluster` stacks its largest matrices (issue 11): the classifier's
refit rows and the hybrid rows of the grouping.
"""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np
from scipy import sparse

RowBuilder = Callable[[int, int], sparse.csr_matrix]  # (start, stop) -> csr rows start..stop-1


def stack_csr(parts: Sequence[tuple[int, RowBuilder]], n_cols: int, dtype, chunk: int = 2048) -> sparse.csr_matrix:
    """``sparse.vstack([build(s, s + chunk) for n, build in parts for s in range(0, n, chunk)], format="csr")``:
    ``parts`` are (number of rows, builder) pairs stacked in order, each built ``chunk`` rows at a time."""
    blocks = [(build, s, min(n, s + chunk)) for n, build in parts for s in range(0, n, chunk)]
    counts = [build(s, e).nnz for build, s, e in blocks]
    total, n_rows = sum(counts), sum(n for n, _ in parts)
    data = np.empty(total, dtype=dtype)
    indices = np.empty(total, dtype=np.int32 if max(total, n_cols) < 2**31 else np.int64)
    indptr = np.zeros(n_rows + 1, dtype=indices.dtype)
    at = row = 0
    for (build, s, e), count in zip(blocks, counts):
        block = build(s, e)
        data[at : at + count] = block.data
        indices[at : at + count] = block.indices
        indptr[row + 1 : row + block.shape[0] + 1] = block.indptr[1:] + at
        at += count
        row += block.shape[0]
    assert at == total and row == n_rows
    return sparse.csr_matrix((data, indices, indptr), shape=(n_rows, n_cols))
