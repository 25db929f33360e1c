"""``file``: one CSV / JSONL / XLSX file, read in pages of rows.

Cursor: the file's SHA-256 and the last row committed. An unchanged file that was read to the end is not read
again; a file whose content changed is read from the top (rows are upserted, so only real changes land).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterator

from huisheng.sources.files import read_file
from huisheng.sources.plugins import Page, SourceConfigError, SourcePlugin
from huisheng.sources.records import BadRow, Record


def file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def file_pages(path: Path, digest: str, after_row: int, page_size: int, max_chars: int, tz: str,
               extra_cursor: dict | None = None) -> Iterator[Page]:
    """Rows of ``path`` after ``after_row`` in pages; each page's cursor says how far the file has been committed."""
    records: list[Record] = []
    bad: list[BadRow] = []
    last = after_row

    def page(done: bool) -> Page:
        cur = {**(extra_cursor or {}), "file": str(path), "sha256": digest, "row": last, "done": done}
        return Page(list(records), list(bad), cur, f"{path.name} rows to {last}")

    for row in read_file(path, max_chars=max_chars, tz=tz):
        if row.row_number <= after_row:
            continue
        (records if isinstance(row, Record) else bad).append(row)
        last = row.row_number
        if len(records) + len(bad) >= page_size:
            yield page(False)
            records.clear()
            bad.clear()
    yield page(True)


class FileSource(SourcePlugin):
    kind = "file"

    def __init__(self, name, options, context=None):
        super().__init__(name, options, context)
        self.path = Path(self.option("path", types=(str,))).expanduser()
        self.page_size = int(self.option("page_size", 1000, (int,)))

    def pages(self, cursor: dict) -> Iterator[Page]:
        if not self.path.is_file():
            raise SourceConfigError(f"source {self.name!r}: {self.path}: no such file")
        digest = file_digest(self.path)
        same = cursor.get("sha256") == digest
        if same and cursor.get("done"):
            return
        after = int(cursor.get("row", 0)) if same else 0
        yield from file_pages(self.path, digest, after, self.page_size, self.context.max_text_chars,
                              self.context.timezone)
