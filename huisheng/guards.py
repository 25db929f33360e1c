"""Refuse, with a clear reason, what would hurt the machine or expose the data (issue 12 items 5 and 14)."""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path

# measured on `huisheng cluster` (issue 12): 5k rows 1.1 GB, 10k 2.8 GB, 20k 8.9 GB peak with the n×n matrix: about
# 22 bytes per pair. Since issue 11 a group of more than EXACT_MAX rows is clustered from a neighbour graph instead
# (10k real reviews: 0.66 GB peak), about PER_ROW_BYTES a row (sparse rows, group sums, 30 edges a row); and the exact
# path builds no n×n copies beyond the float32 product and the float64 similarities (then the condensed half):
# about 12 bytes a pair (5k real reviews: 1.31 -> 0.83 GB peak for the whole command).
BYTES_PER_PAIR = 12
PER_ROW_BYTES = 24 * 2**10
BASE_BYTES = 600 * 2**20  # interpreter, models and embeddings before the pairwise part


def cluster_memory_estimate(rows: int) -> int:
    from huisheng.models.clustering import EXACT_MAX

    exact = min(rows, EXACT_MAX)
    return BASE_BYTES + BYTES_PER_PAIR * exact * exact + PER_ROW_BYTES * rows


def available_memory() -> int | None:
    """Bytes this process may still use: MemAvailable, capped by a cgroup limit when there is one."""
    avail = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                avail = int(line.split()[1]) * 1024
    except OSError:
        pass
    for limit_file, usage_file in (("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory.current"),
                                   ("/sys/fs/cgroup/memory/memory.limit_in_bytes",
                                    "/sys/fs/cgroup/memory/memory.usage_in_bytes")):
        try:
            limit = Path(limit_file).read_text().strip()
            if limit != "max" and int(limit) < 2**60:
                room = int(limit) - int(Path(usage_file).read_text().strip())
                avail = room if avail is None else min(avail, room)
            break
        except (OSError, ValueError):
            continue
    return avail


def check_cluster_memory(rows: int, input_name: str) -> str | None:
    """None when a batch of ``rows`` fits; otherwise the one-line reason to refuse it. ``HUISHENG_CLUSTER_MAX_MB``
    overrides the memory the batch may use (default: 80% of what is available now)."""
    need = cluster_memory_estimate(rows)
    override = os.environ.get("HUISHENG_CLUSTER_MAX_MB")
    if override:
        budget = int(float(override) * 2**20)
    else:
        avail = available_memory()
        if avail is None:
            return None
        budget = int(avail * 0.8)
    if need <= budget:
        return None
    return (f"{input_name}: {rows} rows would need about {need / 2**30:.1f} GB to cluster in one batch, more than the "
            f"{budget / 2**30:.1f} GB this machine can spare; split the file, or ingest it and use `huisheng run` "
            f"(the database path clusters incrementally)")


def board_exposure_warning(host: str, login_enabled: bool = False) -> str | None:
    """A warning when the board would be reachable from other machines without a login."""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if loopback:
        return None
    if login_enabled:
        return (f"note: the board listens on {host}, reachable from other machines; sign-in is required, but Streamlit "
                f"serves plain HTTP, so put a TLS proxy in front before passwords cross a network.")
    return (f"WARNING: the board listens on {host}, reachable from other machines, and has no login: anyone who "
            f"can reach it can read the feedback (with personal data) and change every decision. Bind 127.0.0.1 "
            f"(HUISHENG_BOARD_HOST) and put an authenticating proxy in front, or enable login.")
