"""Start the board's Streamlit server with the pages' modules already imported.

Streamlit imports what a page needs when the first visitor opens it: pandas, altair (charts), SQLAlchemy and the
board's own modules, about a second and a half on 2 cores, paid by whoever comes first after a restart. Imported
here, before the server listens, they are in ``sys.modules`` for every session's script run.
"""

from __future__ import annotations

import importlib
import sys

WARM = ("pandas", "altair", "sqlalchemy", "huisheng.services.accounts", "huisheng.app.auth", "huisheng.app.layout",
        "huisheng.app.cached", "huisheng.app.data", "huisheng.app.clusters_data", "huisheng.app.queue_ui",
        "huisheng.app.bulk_actions", "huisheng.app.handoff_panel", "huisheng.app.handoff_data",
        "huisheng.app.sources_data", "huisheng.app.user_actions", "huisheng.app.actions")


def warm_up() -> None:
    import logging

    # a module defining st.cache_data functions, imported before the server runs, makes Streamlit warn "No runtime
    # found" once per module: expected here, and every board start printed it as a WARNING
    import streamlit.runtime.caching.cache_data_api  # noqa: F401  (Streamlit sets its loggers' levels on import)

    cache_log = logging.getLogger("streamlit.runtime.caching.cache_data_api")
    level = cache_log.level
    cache_log.setLevel(logging.ERROR)
    try:
        for name in WARM:
            importlib.import_module(name)
    finally:
        cache_log.setLevel(level)


def main() -> None:
    """``python -m huisheng.app.launch ARGS``: ``streamlit ARGS`` after the warm-up."""
    from huisheng.runtime import configure

    configure()  # offline defaults before anything reads the environment (as board.py does)
    warm_up()
    from streamlit.web import cli

    sys.argv = ["streamlit", *sys.argv[1:]]
    sys.exit(cli.main())


if __name__ == "__main__":
    main()
