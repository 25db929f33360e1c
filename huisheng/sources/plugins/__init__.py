"""Source plugins (DESIGN §7a): one small interface, one file per kind.

A source turns its configuration (``[[sources]]`` in the settings TOML) and its last committed cursor into pages.
Each page carries its records, its bad rows and the cursor *after* that page; the runner
(services/sources.py) commits the rows and the cursor in one transaction, then asks for the next page. A crash
therefore loses at most the page in flight, which the next run reads again (upserts make that harmless).

Built-in kinds are registered here in code; third parties add kinds through the ``huisheng.sources`` entry point
group (``name = "package.module:Class"``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from importlib.metadata import entry_points
from typing import Any, Iterator

from huisheng.sources.records import BadRow, Record

ENTRY_POINT_GROUP = "huisheng.sources"
BUILTIN: dict[str, str] = {
    "file": "huisheng.sources.plugins.file:FileSource",
    "folder": "huisheng.sources.plugins.folder:FolderSource",
    "http-json": "huisheng.sources.plugins.http_json:HttpJsonSource",
    "appstore-rss": "huisheng.sources.plugins.appstore_rss:AppStoreRssSource",
    "sql": "huisheng.sources.plugins.sql:SqlSource",
}


class SourceConfigError(ValueError):
    """A source's options are wrong; the message names the source and the option."""


@dataclass
class Page:
    records: list[Record]
    bad: list[BadRow]
    cursor: dict  # where the next read starts once this page is committed
    label: str = ""  # for logs: "page 3", "file a.csv rows 1-1000"


@dataclass
class SourceContext:
    """What a plugin may use besides its options: limits and the time zone from the settings."""

    max_text_chars: int = 5000
    timezone: str = "Asia/Shanghai"
    extra: dict = field(default_factory=dict)


class SourcePlugin:
    """The interface. Subclasses set ``kind`` and implement ``pages``; options are validated in ``__init__``."""

    kind: str = ""

    def __init__(self, name: str, options: dict[str, Any], context: SourceContext | None = None):
        self.name = name
        self.options = dict(options)
        self.context = context or SourceContext()

    def pages(self, cursor: dict) -> Iterator[Page]:  # pragma: no cover - interface
        raise NotImplementedError

    # helpers for subclasses
    def option(self, key: str, default: Any = ..., types: tuple = ()) -> Any:
        if key not in self.options or self.options[key] in (None, ""):
            if default is ...:
                raise SourceConfigError(f"source {self.name!r} ({self.kind}): option {key!r} is required")
            return default
        value = self.options[key]
        if types and not isinstance(value, types):
            raise SourceConfigError(f"source {self.name!r} ({self.kind}): option {key!r} must be "
                                    f"{' or '.join(t.__name__ for t in types)}, got {type(value).__name__}")
        return value


def available_kinds() -> dict[str, str]:
    """kind → "module:Class"; entry points may add kinds but never replace a built-in one."""
    kinds = dict(BUILTIN)
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        kinds.setdefault(ep.name, ep.value)
    return kinds


def plugin_class(kind: str) -> type[SourcePlugin]:
    target = available_kinds().get(kind)
    if target is None:
        raise SourceConfigError(f"unknown source kind {kind!r} (known: {', '.join(sorted(available_kinds()))})")
    module, _, attr = target.partition(":")
    cls = getattr(import_module(module), attr)
    if not (isinstance(cls, type) and issubclass(cls, SourcePlugin)):
        raise SourceConfigError(f"source kind {kind!r}: {target} is not a SourcePlugin")
    return cls


def make_source(config: dict, context: SourceContext | None = None) -> SourcePlugin:
    """Build a plugin from one ``[[sources]]`` table (``name``, ``kind`` and the kind's options)."""
    name = str(config.get("name") or "").strip()
    if not name:
        raise SourceConfigError(f"a [[sources]] entry has no name: {config!r}")
    kind = str(config.get("kind") or "").strip()
    if not kind:
        raise SourceConfigError(f"source {name!r}: no kind")
    options = {k: v for k, v in config.items() if k not in ("name", "kind")}
    return plugin_class(kind)(name, options, context)
