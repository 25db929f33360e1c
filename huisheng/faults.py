"""Named points where a test can hold a real run still, to kill it there from outside (kill -9) or to start a
second run against it. ``HUISHENG_PAUSE_AT=<name>`` makes the process print ``huisheng: paused at <name>`` on
stderr and sleep; unset (always, outside tests) a checkpoint costs one dictionary lookup."""

from __future__ import annotations

import os
import sys
import time


def checkpoint(name: str) -> None:
    if os.environ.get("HUISHENG_PAUSE_AT") == name:
        print(f"huisheng: paused at {name}", file=sys.stderr, flush=True)
        time.sleep(float(os.environ.get("HUISHENG_PAUSE_SECONDS", "3600")))
