"""The Streamlit board (DESIGN §1): moderators curate items, PMs triage clusters and export them.

``board.py`` is the entry point (``streamlit run huisheng/app/board.py``); one file per page in ``views/`` (not ``pages/``: Streamlit would treat that folder as a legacy multipage app).
Page files only describe the UI; data loading lives in ``data.py``, actions (with the audit log) in ``actions.py``,
the database handle and the current user in ``state.py``, safe rendering helpers in ``safe.py``.
The app never imports ``huisheng.flows``.
"""
