"""``folder``: files dropped into a folder, each read once.

Cursor: ``seen`` maps each finished file name to its SHA-256; ``current`` is the file being read and its last
committed row. A file is read again only if its content changes (its rows are then upserted). Files are taken in
name order, so a drop folder fed with time-stamped names is read oldest first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from huisheng.sources.files import SUPPORTED
from huisheng.sources.plugins import Page, SourceConfigError, SourcePlugin
from huisheng.sources.plugins.file import file_digest, file_pages


class FolderSource(SourcePlugin):
    kind = "folder"

    def __init__(self, name, options, context=None):
        super().__init__(name, options, context)
        self.path = Path(self.option("path", types=(str,))).expanduser()
        self.pattern = self.option("pattern", "*", (str,))
        self.page_size = int(self.option("page_size", 1000, (int,)))

    def candidates(self) -> list[Path]:
        if not self.path.is_dir():
            raise SourceConfigError(f"source {self.name!r}: {self.path}: no such folder")
        # skip hidden and partial files (".x.csv", "x.csv.part") that a writer has not finished
        return sorted(p for p in self.path.glob(self.pattern)
                      if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in SUPPORTED)

    def pages(self, cursor: dict) -> Iterator[Page]:
        seen: dict[str, str] = dict(cursor.get("seen", {}))
        current = cursor.get("current") or {}
        for path in self.candidates():
            key = path.relative_to(self.path).as_posix()
            digest = file_digest(path)
            if seen.get(key) == digest:
                continue
            after = int(current.get("row", 0)) if current.get("name") == key and current.get("sha256") == digest else 0
            for page in file_pages(path, digest, after, self.page_size, self.context.max_text_chars,
                                   self.context.timezone):
                if page.cursor["done"]:
                    seen[key] = digest
                    page.cursor = {"seen": dict(seen), "current": None}
                else:
                    page.cursor = {"seen": dict(seen), "current": {"name": key, "sha256": digest,
                                                                   "row": page.cursor["row"]}}
                yield page
            current = {}
