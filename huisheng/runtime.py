"""Offline-by-default process environment, applied before Prefect, Streamlit or Hugging Face are imported.

Prefect reads its settings when first imported, so entry points (CLI, board, tests) call ``configure()`` first.
Values the user already set win: ``setdefault`` everywhere.
"""

from __future__ import annotations

import os

from huisheng.settings import Settings, get_settings


def configure(settings: Settings | None = None) -> Settings:
    settings = settings or get_settings()
    settings.home.mkdir(parents=True, exist_ok=True)
    env = {
        "PREFECT_HOME": str(settings.prefect_home),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
        "TOKENIZERS_PARALLELISM": "false",
        # read by models/embedders (which knows no settings) in this process and in workers it starts
        "HUISHENG_EMBED_THREADS": str(settings.embed_threads),
    }
    if settings.hf_hub_offline:
        env["HF_HUB_OFFLINE"] = "1"
        env["TRANSFORMERS_OFFLINE"] = "1"
    for key, value in env.items():
        os.environ.setdefault(key, value)
    return settings
