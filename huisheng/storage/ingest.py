"""Landing records idempotently: (source, external_id) is the key; the same row twice changes nothing."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from huisheng.models.normalize import content_hash, normalize
from huisheng.sources.records import BadRow, Record
from huisheng.storage.schema import Item, Quarantine, Source, utcnow


@dataclass
class IngestSummary:
    read: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    quarantined: int = 0
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, other: "IngestSummary") -> "IngestSummary":
        for k in ("read", "new", "updated", "unchanged", "quarantined"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.errors.extend(other.errors)
        self.notes.extend(other.notes)
        return self

    def line(self) -> str:
        return (f"read {self.read}, new {self.new}, updated {self.updated}, unchanged {self.unchanged}, "
                f"quarantined {self.quarantined}")


def get_or_create_source(s: Session, name: str, kind: str = "file") -> Source:
    src = s.scalar(select(Source).where(Source.name == name))
    if src is None:
        src = Source(name=name, kind=kind)
        s.add(src)
        s.flush()
    return src


def file_source_name(s: Session, stem: str, resolved_path: str) -> str:
    """Default source of a file: its name, claimed by the first folder's file that uses it (recorded in the
    source's settings). Another folder's file of the same name gets ``<name>~<6 hex of its folder>`` instead of
    overwriting the first one's rows. Sources made before paths were recorded adopt the first file they see."""
    import hashlib
    from pathlib import Path

    src = s.scalar(select(Source).where(Source.name == stem))
    if src is None:
        src = Source(name=stem, kind="file", settings={"path": resolved_path})
        s.add(src)
        s.flush()
        return stem
    known = (src.settings or {}).get("path")
    if known is None:
        src.settings = {**(src.settings or {}), "path": resolved_path}
        return stem
    if known == resolved_path:
        return stem
    return f"{stem}~{hashlib.sha1(str(Path(resolved_path).parent).encode()).hexdigest()[:6]}"


def upsert_records(s: Session, source_name: str, records: list[Record]) -> IngestSummary:
    summary = IngestSummary(read=len(records))
    src = get_or_create_source(s, source_name)
    # one query for the batch, not one per row
    by_ext: dict[str, Record] = {}
    for r in records:
        by_ext[r.external_id] = r  # the last occurrence of an id in a batch wins
    existing = {
        it.external_id: it
        for it in s.scalars(select(Item).where(Item.source_id == src.id, Item.external_id.in_(list(by_ext))))
    }
    summary.unchanged += len(records) - len(by_ext)
    for ext, r in by_ext.items():
        item = existing.get(ext)
        # the same title and text hash alike: re-reading a file of 100k known rows skips normalising each again
        same_text = item is not None and item.text == r.text and item.title == r.title
        chash = item.content_hash if same_text else content_hash(f"{r.title or ''}\n{r.text}")
        if item is None:
            s.add(Item(source_id=src.id, external_id=ext, kind=r.kind, author=r.author, title=r.title, text=r.text,
                       normalized_text=normalize(f"{r.title}\n{r.text}" if r.title else r.text), content_hash=chash,
                       created_at=r.created_at, meta=r.meta))
            summary.new += 1
            continue
        changed = (item.content_hash != chash or item.author != r.author or item.created_at != r.created_at
                   or item.kind != r.kind or (item.meta or {}) != r.meta)
        if not changed:
            summary.unchanged += 1
            continue
        item.kind, item.author, item.title, item.text = r.kind, r.author, r.title, r.text
        item.normalized_text = normalize(f"{r.title}\n{r.text}" if r.title else r.text)
        item.content_hash, item.created_at, item.meta, item.updated_at = chash, r.created_at, r.meta, utcnow()
        summary.updated += 1
    return summary


def quarantine_rows(s: Session, source_name: str, bad: list[BadRow]) -> int:
    """Store rejected rows once each; returns how many are new in quarantine."""
    added = 0
    for b in bad:
        exists = s.scalar(select(Quarantine.id).where(
            Quarantine.source_name == source_name, Quarantine.file == b.file[:1024],
            Quarantine.row_number == b.row_number, Quarantine.reason == b.reason[:512]))
        if exists is None:
            # NUL cannot be stored by PostgreSQL: shown escaped, the rest of the raw row kept as it came
            s.add(Quarantine(source_name=source_name, file=b.file[:1024], row_number=b.row_number,
                             raw=b.raw[:20000].replace("\x00", "\\x00"), reason=b.reason[:512]))
            added += 1
    return added


def list_quarantine(s: Session, limit: int = 500) -> list[Quarantine]:
    return list(s.scalars(select(Quarantine).order_by(Quarantine.id.desc()).limit(limit)))
