"""Pull configured sources: page by page, each page's rows and the cursor after it committed together.

A failing source records its error (``huisheng sources`` and the board show it) and does not stop the others:
one API being down must not keep the rest of the feedback out.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from huisheng.settings import Settings
from huisheng.sources.plugins import SourceConfigError, SourceContext, make_source
from huisheng.sources.plugins.http_client import SourceFetchError
from huisheng.storage import sources as store
from huisheng.storage.db import Database
from huisheng.storage.ingest import IngestSummary

log = logging.getLogger(__name__)


@dataclass
class PullSummary:
    name: str
    kind: str
    pages: int = 0
    ingest: IngestSummary = field(default_factory=IngestSummary)
    error: str | None = None

    def as_dict(self) -> dict:
        i = self.ingest
        return {"source": self.name, "kind": self.kind, "pages": self.pages, "read": i.read, "new": i.new,
                "updated": i.updated, "unchanged": i.unchanged, "quarantined": i.quarantined,
                "errors": i.errors[:50], "error": self.error}

    def line(self) -> str:
        head = f"source {self.name} ({self.kind}): {self.pages} pages, {self.ingest.line()}"
        return head + (f"; FAILED: {self.error}" if self.error else "")


def _redact(value):
    """Options as stored for display: a password inside a URL is masked (secrets belong in the environment)."""
    if isinstance(value, str):
        return re.sub(r"(://[^:/@\s]+:)[^@\s]+@", r"\1***@", value)
    if isinstance(value, dict):
        return {k: _redact(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_redact(v) for v in value]
    return value


def configured(settings: Settings) -> list[dict]:
    names = [str(c.get("name")) for c in settings.sources]
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:
        raise SourceConfigError(f"[[sources]]: duplicate names {sorted(dupes)}")
    return list(settings.sources)


def find(settings: Settings, name: str) -> dict:
    for c in configured(settings):
        if str(c.get("name")) == name:
            return c
    raise SourceConfigError(f"no configured source named {name!r} (configured: "
                            f"{', '.join(str(c.get('name')) for c in settings.sources) or 'none'})")


def pull_source(db: Database, settings: Settings, config: dict) -> PullSummary:
    context = SourceContext(max_text_chars=settings.max_text_chars, timezone=settings.timezone)
    name, kind = str(config.get("name") or "?"), str(config.get("kind") or "?")
    summary = PullSummary(name, kind)
    try:
        plugin = make_source(config, context)
    except SourceConfigError as e:
        summary.error = str(e)
        return summary
    options = _redact({k: v for k, v in config.items() if k not in ("name", "kind")})
    with db.session() as s:
        store.ensure_source(s, name, kind, options)
        store.start_run(s, name)
        cursor = store.read_cursor(s, name)
    error = None
    try:
        for page in plugin.pages(cursor):
            with db.session() as s:  # rows and cursor: one transaction
                part = store.commit_page(s, name, page.records, page.bad, page.cursor)
            summary.ingest.add(part)
            summary.pages += 1
            log.info("source %s: %s committed (%s)", name, page.label, part.line())
    except Exception as e:  # noqa: BLE001 - recorded and shown; the next source still runs
        # our own errors already name the source and the reason; anything else keeps its type for diagnosis
        own = isinstance(e, (SourceConfigError, SourceFetchError))
        error = " ".join((str(e) if own else f"{type(e).__name__}: {e}").split())[:1000]
    with db.session() as s:
        store.finish_run(s, name, error)
    summary.error = error
    return summary


def pull_all(db: Database, settings: Settings, names: list[str] | None = None) -> list[PullSummary]:
    configs = [find(settings, n) for n in names] if names else configured(settings)
    return [pull_source(db, settings, c) for c in configs]
