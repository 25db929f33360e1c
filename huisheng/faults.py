"""Named points where a test can hold a real run still, to kill it there from outside (kill -9) or to start a
second run against it. ``HUISHENG_PAUSE_AT=<name>`` makes the process print ``huisheng: paused at <name>`` on
stderr and sleep until SIGUSR1 (or ``HUISHENG_PAUSE_SECONDS``); unset (always, outside tests) a checkpoint costs
one dictionary lookup."""

from __future__ import annotations

import os
import signal
import sys
import time


class _Resume(Exception):
    pass


def _resume(_signum, _frame):
    raise _Resume


def checkpoint(name: str) -> None:
    if os.environ.get("HUISHENG_PAUSE_AT") != name:
        return
    previous = signal.signal(signal.SIGUSR1, _resume)
    print(f"huisheng: paused at {name}", file=sys.stderr, flush=True)
    try:
        time.sleep(float(os.environ.get("HUISHENG_PAUSE_SECONDS", "3600")))
    except _Resume:
        pass
    finally:
        signal.signal(signal.SIGUSR1, previous)
