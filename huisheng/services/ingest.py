"""Land a file: good rows upserted, bad rows quarantined with file, row number and reason, in batches."""

from __future__ import annotations

import sys
from pathlib import Path

from tqdm import tqdm

from huisheng import progress as run_progress
from huisheng.faults import checkpoint
from huisheng.settings import Settings
from huisheng.sources.files import count_rows, read_file
from huisheng.sources.records import BadRow, Record
from huisheng.storage.db import Database
from huisheng.storage.ingest import IngestSummary, file_source_name, quarantine_rows, upsert_records

BATCH = 1000


def ingest_file(db: Database, settings: Settings, path: str | Path, source: str | None = None,
                progress: bool | None = None) -> IngestSummary:
    path = Path(path)
    total = IngestSummary()
    if source is None:
        # the file's name, unless that name already belongs to another folder's file (its rows would be
        # overwritten): then the name is made unique and the user is told
        with db.session() as s:
            source = file_source_name(s, path.stem, str(path.resolve()))
        if source != path.stem:
            total.notes.append(f"{path}: a file named {path.stem!r} from another folder is already source "
                               f"{path.stem!r}; this one is source {source!r} (use --source to choose)")
    first_line: dict[str, int] = {}  # external id -> line of its first row in this file
    bar = tqdm(total=count_rows(path) or None, unit="rows", desc=f"ingest {path.name}", file=sys.stderr,
               disable=(not sys.stderr.isatty()) if progress is None else not progress, leave=False)
    records: list[Record] = []
    bad: list[BadRow] = []

    def flush():
        checkpoint("ingest:batch")
        with db.session() as s:
            part = upsert_records(s, source, records) if records else IngestSummary()
            part.quarantined = quarantine_rows(s, source, bad)
            part.read += len(bad)
            part.errors = [str(b) for b in bad]
        total.add(part)
        run_progress.committed("rows landed", part.new + part.updated)
        run_progress.committed("rows quarantined", part.quarantined)
        records.clear()
        bad.clear()

    for row in read_file(path, max_chars=settings.max_text_chars, tz=settings.timezone):
        if isinstance(row, Record):
            seen = first_line.setdefault(row.external_id, row.row_number)
            if seen != row.row_number:  # the first row with an id wins, every time: re-ingesting changes nothing
                what = f"id {row.external_id!r}" if row.id_given else "row identical to"
                row = BadRow(str(path.resolve()), row.row_number, f"duplicate {what} on line {seen} of this file "
                             "(the first is kept)", row.text[:2000])
        (records if isinstance(row, Record) else bad).append(row)
        bar.update(1)
        if len(records) + len(bad) >= BATCH:
            flush()
    flush()
    bar.close()
    return total
