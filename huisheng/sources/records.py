"""A validated feedback record and a rejected row, the two things a reader yields."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Record:
    external_id: str
    text: str
    row_number: int
    kind: str = "comment"
    title: str | None = None
    author: str | None = None
    created_at: datetime | None = None  # naive UTC
    meta: dict = field(default_factory=dict)
    id_given: bool = True  # False: external_id is a content hash because the input had no id


@dataclass
class BadRow:
    file: str
    row_number: int
    reason: str
    raw: str

    def __str__(self) -> str:
        return f"{self.file}:{self.row_number}: {self.reason}"
