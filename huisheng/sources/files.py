"""Read CSV, JSONL and XLSX feedback files into Records and BadRows.

Each physical line (split at LF only: a bare CR is data, not a row boundary) is decoded on its own: as UTF-8 when
it is valid UTF-8, otherwise in the file's other encoding (GB18030 or charset-normalizer's guess), so a file mixing
UTF-8 and GBK lines is read right line by line, and one line of broken bytes costs one row, not the file. A line
that is broken UTF-8 is quarantined rather than read as GB18030 mojibake.

A row lands only if it parses cleanly; everything else is a BadRow with its line numbers: a quoted field that runs
on into a line that looks like a row of its own (an unclosed quote), a bare CR in an unquoted field, NUL bytes,
ids/authors longer than the database allows, texts with no visible character, JSON nested too deeply.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path
from typing import Iterable, Iterator

from huisheng.models.normalize import content_hash
from huisheng.sources.fields import DateError, map_columns, parse_datetime, parse_rating
from huisheng.sources.records import BadRow, Record

HEADER_SCAN = 10  # rows above the header (a site's banner, blank rows) are looked past, this many at most
BANNER_CELLS = 2  # a row above the header fills at most this many cells (a title, a notice)
XLSX_MAX_COLS = 1000  # exports declare all 16,384 of Excel's columns: no row is read wider than this
SUPPORTED = (".csv", ".tsv", ".txt", ".jsonl", ".ndjson", ".json", ".xlsx")
MAX_RECORD_LINES = 200  # a quoted CSV field spanning more lines than this is an unclosed quote
MAX_ID_CHARS = 256  # items.external_id and items.author are VARCHAR(256): the same limit on SQLite and PostgreSQL
MAX_AUTHOR_CHARS = 256
# invisible characters: C0/C1 controls, zero-width characters, bidi marks/overrides/isolates, BOM
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\s]")
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # a long field is judged by max_text_chars, not as broken quoting


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


def _physical_lines(data: bytes) -> list[bytes]:
    """Split at LF only (CRLF stays on its line): a bare CR is data, never a row boundary."""
    parts = data.split(b"\n")
    lines = [p + b"\n" for p in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def _broken_utf8(raw: bytes) -> bool:
    """UTF-8 with a little damage (a cut or stray byte), not another encoding: read as UTF-8 it yields a few
    replacement characters among many good non-ASCII characters (GBK read as UTF-8 fails on nearly every byte)."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    return good >= 2 and bad * 4 <= good


def decode_lines(data: bytes) -> tuple[str, list[str], set[int]]:
    """Decode per physical line. Returns (encoding(s) used, lines with their endings, 1-based numbers of
    undecodable lines)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    other = detect_encoding(data)
    if other in ("utf-8", "utf_8", "ascii"):
        other = "gb18030"
    lines, bad, used = [], set(), set()
    for n, raw in enumerate(_physical_lines(data), start=1):
        try:
            lines.append(raw.decode("utf-8"))
            if any(b >= 0x80 for b in raw):
                used.add("utf-8")
            continue
        except UnicodeDecodeError:
            pass
        try:
            if _broken_utf8(raw):
                raise UnicodeDecodeError("utf-8", raw, 0, len(raw), "damaged UTF-8")
            lines.append(raw.decode(other))
            used.add(other)
        except (UnicodeDecodeError, LookupError):
            lines.append(raw.decode("utf-8", errors="replace"))
            bad.add(n)
    return " + ".join(sorted(used)) or "utf-8", lines, bad


class RowBuilder:
    """Validates one mapped row into a Record, or explains why it is not one."""

    def __init__(self, file: str, max_chars: int, tz: str, default_kind: str | None = None, parse_dates: bool = True):
        self.file, self.max_chars, self.tz, self.default_kind = file, max_chars, tz, default_kind
        self.parse_dates = parse_dates

    def build(self, fields: dict, row_number: int, raw: str) -> Record | BadRow:
        for name, value in fields.items():
            if isinstance(value, str) and "\x00" in value:  # PostgreSQL cannot store it; no reader means it
                return BadRow(self.file, row_number, f"NUL byte in {name.removeprefix('meta:')}", raw)
        text = fields.get("text")
        text = "" if text is None else str(text).strip()
        if not text:
            return BadRow(self.file, row_number, "empty text", raw)
        if not _INVISIBLE.sub("", text):
            return BadRow(self.file, row_number, "text has no visible character (only controls or direction marks)", raw)
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
        if author is not None and len(author) > MAX_AUTHOR_CHARS:
            return BadRow(self.file, row_number, f"author is {len(author)} characters, over the limit of {MAX_AUTHOR_CHARS}", raw)
        meta = {k[5:]: v for k, v in fields.items() if k.startswith("meta:") and v not in (None, "")}
        meta = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in meta.items()}
        rating = parse_rating(fields.get("rating"))
        if rating is not None:
            meta["rating"] = rating
        ext = fields.get("id")
        ext = str(ext).strip() if ext not in (None, "") else None
        if ext is not None and len(ext) > MAX_ID_CHARS:
            return BadRow(self.file, row_number, f"id is {len(ext)} characters, over the limit of {MAX_ID_CHARS}", raw)
        id_given = ext is not None
        if ext is None:
            # no id column: the content keys the row (with author and time, so two people saying 闪退 stay two)
            ext = "h:" + content_hash(f"{author or ''}\x1f{created or ''}\x1f{title or ''}\x1f{text}")
        kind = str(fields.get("kind") or self.default_kind or "").strip().lower()
        if kind not in ("comment", "post", "review"):
            kind = "review" if rating is not None else ("post" if title and len(text) >= 200 else "comment")
        return Record(external_id=ext, text=text, row_number=row_number, kind=kind, title=title, author=author,
                      created_at=created, meta=meta, id_given=id_given)


def _id_shape(value: str) -> str:
    """``r0012`` → ``a9``, ``12`` → ``9``: ids of one file share a shape; free text rarely has it."""
    return re.sub(r"(9)+", "9", re.sub(r"[A-Za-z]+", "a", re.sub(r"\d", "9", value.strip())))


def _swallowed_row(lines: list[str], start: int, consumed: int, delimiter: str, width: int, id_col: int | None,
                   shape: str | None) -> int | None:
    """The first continuation line (index) of a multi-line record that reads as a row of its own: as many fields
    as the header, and an id shaped like this file's ids. A quoted field running on into it is an unclosed quote."""
    if id_col is None or shape is None:
        return None
    for j in range(start + 1, start + consumed):
        try:
            alone = next(csv.reader([lines[j]], delimiter=delimiter))
        except (csv.Error, StopIteration):
            continue
        if len(alone) == width and id_col < width and alone[id_col].strip() and _id_shape(alone[id_col]) == shape:
            return j
    return None


def find_header(rows) -> tuple[int, list[str]] | None:
    """(0-based position, cells) of the header: the first of the first ``HEADER_SCAN`` rows naming a text column,
    provided every row above it is a banner (blank, or at most ``BANNER_CELLS`` filled cells, fewer than the
    header's). Review-site exports (七麦 and the like) put a title and a notice row above it; those are not data. A
    row of data whose cell happens to be 评论 or comment (a 类型 column) below an unrecognised header is not taken
    for the header: the file still fails with "no text column"."""
    above_max = 0
    for k, row in enumerate(rows):
        if k >= HEADER_SCAN:
            return None
        cells = [str(h) if h is not None else "" for h in row]
        filled = sum(1 for c in cells if c.strip())
        if "text" in map_columns(cells).values() and (k == 0 or (above_max <= BANNER_CELLS and above_max < filled)):
            return k, cells
        above_max = max(above_max, filled)
        if above_max > BANNER_CELLS:
            return None
    return None


def _cells(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return []


def _read_csv(path: Path, builder: RowBuilder) -> Iterator[Record | BadRow]:
    encoding, lines, bad_lines = decode_lines(path.read_bytes())
    if not lines:
        return
    # the delimiter is the one that makes a header (a banner line above it tells nothing)
    delimiters = ["\t"] if path.suffix.lower() == ".tsv" else ["\t", ","] if "\t" in lines[0] and "," not in lines[0] else [",", "\t"]
    found, delimiter = None, delimiters[0]
    for delimiter in delimiters:
        found = find_header(_cells(ln, delimiter) for ln in lines)
        if found is not None:
            break
    if found is None:
        delimiter = delimiters[0]
        header = next(csv.reader([lines[0]], delimiter=delimiter))
        raise UnsupportedFile(f"{path}: no text column in the first {HEADER_SCAN} rows (expected one of "
                              f"text/content/comment/评论/内容/正文), got {header}")
    at, header = found
    mapping = map_columns(header)
    id_col = next((k for k, v in mapping.items() if v == "id"), None)
    shape: str | None = None
    i, n = at + 1, len(lines)
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
            reason = "bare carriage return (CR) inside an unquoted field" if "new-line" in str(e) else f"broken quoting: {e}"
            yield BadRow(str(path), start, reason, lines[i])
            i += 1
            continue
        if consumed > 1:
            own = _id_shape(row[id_col]) if id_col is not None and id_col < len(row) and row[id_col].strip() else None
            swallowed = _swallowed_row(lines, i, consumed, delimiter, len(header), id_col, shape or own)
            if swallowed is not None:
                yield BadRow(str(path), start, f"unclosed quote: the field opened on line {start} runs on into line "
                             f"{swallowed + 1}, which is a row of its own", lines[i])
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
        if id_col is not None and id_col < len(row) and row[id_col].strip() and consumed == 1 and shape is None:
            shape = _id_shape(row[id_col])
        yield builder.build(fields, start, raw)


def _read_jsonl(path: Path, builder: RowBuilder) -> Iterator[Record | BadRow]:
    encoding, lines, bad_lines = decode_lines(path.read_bytes())
    stripped = "".join(lines).strip()
    if path.suffix.lower() == ".json" and stripped.startswith("["):
        if bad_lines:  # one document: its rows cannot be told apart from the broken bytes, so nothing is guessed
            raise UnsupportedFile(f"{path}: undecodable bytes on line(s) {sorted(bad_lines)[:10]} of a JSON array "
                                  f"(read as {encoding}); fix or convert the file to UTF-8")
        try:
            array = json.loads(stripped)
        except (json.JSONDecodeError, RecursionError) as e:
            raise UnsupportedFile(f"{path}: not a valid JSON array ({str(e).splitlines()[0][:200]})") from None
        rows: Iterable[tuple[int, str]] = [(k + 1, json.dumps(o, ensure_ascii=False)) for k, o in enumerate(array)]
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
        except RecursionError:
            yield BadRow(str(path), number, "JSON nested too deeply", line[:2000])
            continue
        if not isinstance(obj, dict):
            yield BadRow(str(path), number, "a JSON line must be an object", line)
            continue
        mapping = map_columns(list(obj.keys()))
        fields = {mapping[k]: v for k, v in enumerate(obj.values())}
        yield builder.build(fields, number, line.rstrip("\n"))


def _read_xlsx(path: Path, builder: RowBuilder) -> Iterator[Record | BadRow]:
    """Every sheet with a text column is read (rows of a later sheet are reported as ``file [sheet NAME]``); a
    sheet without one is reported as skipped, never dropped silently."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        read_any = False
        skipped: list[BadRow] = []
        for k, ws in enumerate(wb.worksheets):
            where = str(path) if k == 0 else f"{path} [sheet {ws.title}]"
            # exports often declare every one of Excel's 16,384 columns: rows are read at most XLSX_MAX_COLS wide and
            # their trailing empty cells dropped (a cell past the header's last name lands in metadata as colN)
            found = find_header(ws.iter_rows(values_only=True, max_row=HEADER_SCAN, max_col=XLSX_MAX_COLS))
            if found is None:
                first = next(ws.iter_rows(values_only=True, max_row=1, max_col=50), ())
                header = [str(h) if h is not None else "" for h in first]
                if any(header):
                    skipped.append(BadRow(where, 1, f"sheet {ws.title!r} skipped: no text column, got {header[:10]}",
                                          json.dumps(header[:50], ensure_ascii=False)))
                continue
            at, header = found
            while header and not header[-1]:
                header.pop()
            mapping = map_columns(header)
            read_any = True
            sheet_builder = RowBuilder(where, builder.max_chars, builder.tz, builder.default_kind, builder.parse_dates)
            rows = ws.iter_rows(values_only=True, min_row=at + 2, max_col=XLSX_MAX_COLS)
            for number, row in enumerate(rows, start=at + 2):
                if row is None or all(v in (None, "") for v in row):
                    continue
                row = _trim(row)
                fields = {mapping.get(c, f"meta:col{c}"): v for c, v in enumerate(row)}
                raw = json.dumps([v if isinstance(v, (str, int, float)) or v is None else str(v) for v in row], ensure_ascii=False)
                yield sheet_builder.build(fields, number, raw)
        if not read_any:
            raise UnsupportedFile(f"{path}: no sheet has a text column (sheets: {[ws.title for ws in wb.worksheets]})")
        yield from skipped
    finally:
        wb.close()


def _trim(row: tuple) -> tuple:
    end = len(row)
    while end and row[end - 1] in (None, ""):
        end -= 1
    return row[:end]


def read_file(path: str | Path, *, max_chars: int = 5000, tz: str = "Asia/Shanghai",
              default_kind: str | None = None, parse_dates: bool = True) -> Iterator[Record | BadRow]:
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    path = path.resolve()  # one spelling per file: quarantine stays idempotent for f.csv, ./f.csv, /abs/f.csv
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
