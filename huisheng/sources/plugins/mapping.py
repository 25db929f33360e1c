"""Turning one JSON object or database row into a Record (or a BadRow), for the sources that are not files.

A field mapping names, for each canonical field (text, id, created_at, author, title, rating, version, kind), the
key in the object; dotted keys reach into nested objects (``user.name``) and list positions (``images.0``). Fields
not in the mapping are found by the same column aliases as files (text/content/评论…). Everything else the object
carries is dropped, except keys named in ``meta`` (kept in the item's metadata).
"""

from __future__ import annotations

import json
from typing import Any

from huisheng.sources.fields import map_columns
from huisheng.sources.files import RowBuilder
from huisheng.sources.records import BadRow, Record

CANONICAL = ("text", "id", "created_at", "author", "title", "rating", "kind")
META_FIELDS = {"version": "app_version"}
_MISSING = object()


def dig(obj: Any, path: str, default: Any = None) -> Any:
    """``dig({"a": {"b": [1, 2]}}, "a.b.1") == 2``; an empty path is the object itself."""
    if not path:
        return obj
    cur = obj
    for part in path.split("."):
        if isinstance(cur, dict) and part in cur:
            cur = cur[part]
        elif isinstance(cur, list) and part.lstrip("-").isdigit() and -len(cur) <= int(part) < len(cur):
            cur = cur[int(part)]
        else:
            return default
    return cur


def label_value(v: Any) -> Any:
    """Feeds in the Atom-as-JSON style wrap scalars as {"label": ...}; unwrap them."""
    return v.get("label") if isinstance(v, dict) and "label" in v else v


class ObjectMapper:
    def __init__(self, source: str, fields: dict[str, str] | None, meta: list[str] | None,
                 max_chars: int, tz: str, default_kind: str | None = None):
        self.fields = dict(fields or {})
        self.meta = list(meta or [])
        self.builder = RowBuilder(source, max_chars, tz, default_kind)

    def fields_of(self, obj: dict) -> dict:
        out: dict[str, Any] = {}
        if len(self.fields) < len(CANONICAL) + len(META_FIELDS):
            # unmapped canonical fields by alias, as for file columns
            keys = list(obj.keys())
            for i, canon in map_columns(keys).items():
                if not canon.startswith("meta:"):
                    out[canon] = label_value(obj[keys[i]])
        for canon, path in self.fields.items():
            value = label_value(dig(obj, path, _MISSING))
            key = f"meta:{META_FIELDS[canon]}" if canon in META_FIELDS else (canon if canon in CANONICAL else f"meta:{canon}")
            if value is _MISSING:
                out.pop(key, None)
            else:
                out[key] = value
        for path in self.meta:
            value = label_value(dig(obj, path, _MISSING))
            if value is not _MISSING:
                out[f"meta:{path}"] = value
        return out

    def build(self, obj: Any, row_number: int, where: str | None = None) -> Record | BadRow:
        raw = json.dumps(obj, ensure_ascii=False, default=str)
        if not isinstance(obj, dict):
            return BadRow(where or self.builder.file, row_number, "an item must be a JSON object", raw)
        row = self.builder.build(self.fields_of(obj), row_number, raw)
        if isinstance(row, BadRow) and where:
            row.file = where
        return row
