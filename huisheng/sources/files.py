"""Read CSV, JSONL and XLSX feedback files into Records and BadRows.

Each physical line is decoded on its own, so one line of broken bytes costs one row, not the file. The encoding
is the candidate (UTF-8, GB18030, then charset-normalizer's guess) under which the fewest lines fail.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Iterable, Iterator

from huisheng.models.normalize import content_hash
from huisheng.sources.fields import DateError, map_columns, parse_datetime, parse_rating
from huisheng.sources.records import BadRow, Record

SUPPORTED = (".csv", ".tsv", ".txt", ".jsonl", ".ndjson", ".json", ".xlsx")
MAX_RECORD_LINES = 200  # a quoted CSV field spanning more lines than this is an unclosed quote


class UnsupportedFile(ValueError):
    pass


def detect_encoding(data: bytes) -> str:
    lines = data.splitlines()
    candidates = ["utf-8", "gb18030"]
    try:
        from charset_normalizer import from_bytes

        guess = from_bytes(data[:200_000]).best()
        if guess and guess.encoding not in ("utf_8", "gb18030", "ascii"):
            candidates.append(guess.encoding)
    except Exception:  # detection is a hint only
        pass

    def failures(enc: str) -> int:
        bad = 0
        for line in lines:
            try:
                line.decode(enc)
            except (UnicodeDecodeError, LookupError):
                bad += 1
        return bad

    scored = [(failures(enc), i, enc) for i, enc in enumerate(candidates)]
    return min(scored)[2]


def decode_lines(data: bytes) -> tuple[str, list[str], set[int]]:
    """Decode per physical line. Returns (encoding, lines with their endings, 1-based numbers of undecodable lines)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    encoding = detect_encoding(data)
    lines, bad = [], set()
    for n, raw in enumerate(data.splitlines(keepends=True), start=1):
        try:
            lines.append(raw.decode(encoding))
        except UnicodeDecodeError:
            lines.append(raw.decode(encoding, errors="replace"))
            bad.add(n)
    return encoding, lines, bad


class RowBuilder:
    """Validates one mapped row into a Record, or explains why it is not one."""

    def __init__(self, file: str, max_chars: int, tz: str, default_kind: str | None = None, parse_dates: bool = True):
        self.file, self.max_chars, self.tz, self.default_kind = file, max_chars, tz, default_kind
        self.parse_dates = parse_dates

    def build(self, fields: dict, row_number: int, raw: str) -> Record | BadRow:
        text = fields.get("text")
        text = "" if text is None else str(text).strip()
        if not text:
            return BadRow(self.file, row_number, "empty text", raw)
        if len(text) > self.max_chars:
            return BadRow(self.file, row_number, f"text is {len(text)} characters, over the limit of {self.max_chars}", raw)
        try:
            created = parse_datetime(fields.get("created_at"), self.tz)
        except DateError as e:
            if self.parse_dates:
                return BadRow(self.file, row_number, str(e), raw)
            created = None
        title = fields.get("title")
        title = str(title).strip() if title not in (None, "") else None
        author = fields.get("author")
        author = str(author).strip() if author not in (None, "") else None
        meta = {k[5:]: v for k, v in fields.items() if k.startswith("meta:") and v not in (None, "")}
        meta = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in meta.items()}
        rating = parse_rating(fields.get("rating"))
        if rating is not None:
            meta["rating"] = rating
        ext = fields.get("id")
        ext = str(ext).strip() if ext not in (None, "") else None
        id_given = ext is not None
        if ext is None:
            # no id column: the content keys the row (with author and time, so two people saying 闪退 stay two)
            ext = "h:" + content_hash(f"{author or ''}\x1f{created or ''}\x1f{title or ''}\x1f{text}")
        kind = str(fields.get("kind") or self.default_kind or "").strip().lower()
        if kind not in ("comment", "post", "review"):
            kind = "review" if rating is not None else ("post" if title and len(text) >= 200 else "comment")
        return Record(external_id=ext, text=text, row_number=row_number, kind=kind, title=title, author=author,
                      created_at=created, meta=meta, id_given=id_given)


def _read_csv(path: Path, builder: RowBuilder) -> Iterator[Record | BadRow]:
    encoding, lines, bad_lines = decode_lines(path.read_bytes())
    if not lines:
        return
    delimiter = "\t" if path.suffix.lower() == ".tsv" or ("\t" in lines[0] and "," not in lines[0]) else ","
    header = next(csv.reader([lines[0]], delimiter=delimiter))
    mapping = map_columns(header)
    if "text" not in mapping.values():
        raise UnsupportedFile(f"{path}: no text column (expected one of text/content/comment/评论/内容/正文), got {header}")
    i, n = 1, len(lines)
    while i < n:
        start = i + 1  # 1-based physical line number
        if not lines[i].strip():
            i += 1
            continue
        reader = csv.reader((lines[j] for j in range(i, min(i + MAX_RECORD_LINES, n))), delimiter=delimiter, strict=True)
        try:
            row = next(reader)
            consumed = reader.line_num
        except csv.Error as e:
            yield BadRow(str(path), start, f"broken quoting: {e}", lines[i])
            i += 1
            continue
        raw = "".join(lines[i : i + consumed])
        i += consumed
        if any(ln in bad_lines for ln in range(start, start + consumed)):
            yield BadRow(str(path), start, f"undecodable bytes (file read as {encoding})", raw)
            continue
        if len(row) > len(header):
            yield BadRow(str(path), start, f"expected {len(header)} columns, got {len(row)} (unquoted delimiter?)", raw)
            continue
        fields = {mapping[k]: v for k, v in enumerate(row)}
        yield builder.build(fields, start, raw)


def _read_jsonl(path: Path, builder: RowBuilder) -> Iterator[Record | BadRow]:
    encoding, lines, bad_lines = decode_lines(path.read_bytes())
    stripped = "".join(lines).strip()
    if path.suffix.lower() == ".json" and stripped.startswith("["):
        rows: Iterable[tuple[int, str]] = [(k + 1, json.dumps(o, ensure_ascii=False)) for k, o in enumerate(json.loads(stripped))]
    else:
        rows = ((k, line) for k, line in enumerate(lines, start=1))
    for number, line in rows:
        if not line.strip():
            continue
        if number in bad_lines:
            yield BadRow(str(path), number, f"undecodable bytes (file read as {encoding})", line)
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield BadRow(str(path), number, f"invalid JSON: {e.msg} at column {e.colno}", line)
            continue
        if not isinstance(obj, dict):
            yield BadRow(str(path), number, "a JSON line must be an object", line)
            continue
        mapping = map_columns(list(obj.keys()))
        fields = {mapping[k]: v for k, v in enumerate(obj.values())}
        yield builder.build(fields, number, line.rstrip("\n"))


def _read_xlsx(path: Path, builder: RowBuilder) -> Iterator[Record | BadRow]:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        ws = wb.worksheets[0]
        rows = ws.iter_rows(values_only=True)
        header = [str(h) if h is not None else "" for h in next(rows, [])]
        mapping = map_columns(header)
        if "text" not in mapping.values():
            raise UnsupportedFile(f"{path}: no text column, got {header}")
        for number, row in enumerate(rows, start=2):
            if row is None or all(v in (None, "") for v in row):
                continue
            fields = {mapping[k]: v for k, v in enumerate(row) if k in mapping}
            raw = json.dumps([v if isinstance(v, (str, int, float)) or v is None else str(v) for v in row], ensure_ascii=False)
            yield builder.build(fields, number, raw)
    finally:
        wb.close()


def read_file(path: str | Path, *, max_chars: int = 5000, tz: str = "Asia/Shanghai",
              default_kind: str | None = None, parse_dates: bool = True) -> Iterator[Record | BadRow]:
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    suffix = path.suffix.lower()
    builder = RowBuilder(str(path), max_chars, tz, default_kind, parse_dates)
    if suffix in (".csv", ".tsv", ".txt"):
        return _read_csv(path, builder)
    if suffix in (".jsonl", ".ndjson", ".json"):
        return _read_jsonl(path, builder)
    if suffix == ".xlsx":
        return _read_xlsx(path, builder)
    raise UnsupportedFile(f"{path}: unsupported file type {suffix!r} (supported: {', '.join(SUPPORTED)})")


def count_rows(path: str | Path) -> int:
    """Cheap upper bound for a progress bar."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        return 0
    with open(path, "rb") as f:
        return sum(1 for _ in f)
