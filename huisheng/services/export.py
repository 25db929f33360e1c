"""Hand-off formats for clusters chosen on the board: Markdown (for a ticket or a doc) and CSV (one row per item).

Whatever leaves the tool is treated as hostile to its next reader:
- personal data (phones, QQ, WeChat ids, e-mails, ID numbers) is masked with ``mask_pii``, in texts, quotes,
  keywords and PM-edited labels alike;
- Markdown: user text is backslash-escaped and quoted line by line, so a comment cannot inject links, headings,
  images or HTML into the PM's ticket;
- CSV: a cell that a spreadsheet would read as a formula (``= + - @``, tab, carriage return) gets a leading ``'``.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime
from typing import Iterable
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from huisheng.models.normalize import user_voice
from huisheng.models.representation import is_telling
from huisheng.models.pii import mask_label, mask_pii
from huisheng.storage import clusters as cstore
from huisheng.storage.schema import Cluster, Item

CSV_COLUMNS = ("cluster_id", "cluster_label", "category", "status", "item_id", "created_at", "text")
QUOTE_MAX_CHARS = 500
DEFAULT_TZ = "Asia/Shanghai"

# Every ASCII punctuation character may be backslash-escaped in CommonMark; these are the ones with a meaning in
# CommonMark, GFM or Streamlit's Markdown (`$` math, `:` emoji and :color[...] directives, `~` strike-through, `|`
# tables, `&` entities, `<` HTML/autolinks, `=` setext headings, `@` mentions in GitHub/GitLab tickets).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$&:=^@])")
# C0/C1 controls (but tab and newline), zero-width characters and bidi overrides that can disguise text
_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
# a spreadsheet opened with another separator (`;` in many locales, tab, `|`) splits a cell there: a formula
# character right after any separator starts a cell of its own
_FORMULA_AFTER_SEPARATOR = re.compile(r"([,;\t|，；]\s*)([=+\-@＝＋－＠])")
# GFM renderers (GitHub, GitLab, Streamlit's remark-gfm) also turn bare URLs and e-mail addresses into links, and
# they match on the *decoded* text, so backslash escapes do not stop them. A zero-width space after the scheme
# (`http`, `https`, `ftp`, `www`) and after `@` keeps the text looking the same but no longer a link.
_AUTOLINK_SCHEME = re.compile(r"(?i)(https?|ftp|www)(?=\\[:.])")
_AUTOLINK_AT = re.compile(r"\\@")
ZWSP = "\u200b"


def clean_text(text: str | None) -> str:
    """Normalise line ends and drop invisible control characters."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    return _INVISIBLE.sub("", text)


def escape_markdown(text: str | None, single_line: bool = False) -> str:
    """Backslash-escape Markdown so ``text`` renders literally, and defuse bare-URL / e-mail autolinks.
    ``single_line`` also collapses whitespace and newlines (for headings, list items and labels)."""
    text = clean_text(text)
    if single_line:
        text = " ".join(text.split())
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _AUTOLINK_SCHEME.sub(lambda m: m.group(1) + ZWSP, text)
    return _AUTOLINK_AT.sub(lambda m: m.group(0) + ZWSP, text)


def csv_cell(value) -> str:
    """A CSV cell a spreadsheet will not execute, whatever separator it is opened with: formula-looking values
    (also after leading spaces, also full-width ＝) get a leading apostrophe, and so does every formula character
    that follows a separator character inside the cell."""
    s = "" if value is None else str(value)
    s = _FORMULA_AFTER_SEPARATOR.sub(lambda m: m.group(1) + "'" + m.group(2), s)
    return "'" + s if s.lstrip(" ").startswith(_FORMULA_PREFIXES) or s.startswith(_FORMULA_PREFIXES) else s


def _truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _local(dt: datetime | None, tz: str, fmt: str | None = None) -> str:
    """Stored timestamps are naive UTC; show them in ``tz``."""
    if dt is None:
        return ""
    local = dt.replace(tzinfo=ZoneInfo("UTC")).astimezone(ZoneInfo(tz))
    return local.strftime(fmt) if fmt else local.isoformat(timespec="seconds")


def _item_text(item: Item) -> str:
    return f"{item.title}\n{item.text}" if item.title else item.text


def _clusters(session: Session, cluster_ids: Iterable[int]) -> list[Cluster]:
    """The chosen clusters in the order given; merged ones are followed to the live cluster, duplicates dropped."""
    out: dict[int, Cluster] = {}
    for cid in cluster_ids:
        live = cstore.resolve(session, int(cid))
        c = session.get(Cluster, live)
        if c is not None and c.id not in out:
            out[c.id] = c
    return list(out.values())


def _quotes(session: Session, c: Cluster, n: int) -> list[str]:
    """The cluster's most central quotes, topped up with its most similar members; masked, distinct."""
    picked: list[str] = []
    seen: set[str] = set()

    def add(text: str | None) -> None:
        t = mask_pii(user_voice(clean_text(text)))
        key = " ".join(t.split())
        if t and key not in seen:
            seen.add(key)
            picked.append(_truncate(t, QUOTE_MAX_CHARS))

    for q in c.quotes or []:
        if len(picked) >= n:
            break
        add(q)
    if len(picked) < n:  # topped up from the most similar members, those that say something first
        texts = [_item_text(item) for item, _analysis in cstore.cluster_members(session, c.id, limit=max(n * 4, 20))]
        for text in sorted(texts, key=lambda t: not is_telling(t)):
            if len(picked) >= n:
                break
            add(text)
    return picked


representative_quotes = _quotes  # public name for hand-off targets (services/handoff.py)


def _blockquote(text: str) -> list[str]:
    lines = []
    for line in text.split("\n"):
        line = line.strip()
        lines.append(f"> {escape_markdown(line)}" if line else ">")
    return lines


def clusters_markdown(session: Session, cluster_ids: Iterable[int], quotes_per_cluster: int = 5, *,
                      tz: str = DEFAULT_TZ, now: datetime | None = None) -> str:
    """A Markdown hand-off: one section per cluster with its facts and up to ``quotes_per_cluster`` quotes."""
    clusters = _clusters(session, cluster_ids)
    now = now or datetime.now(ZoneInfo(tz))
    out = ["# 回声 huisheng · 聚类导出 (cluster export)", "",
           f"- 导出时间 (exported at): {now.strftime('%Y-%m-%d %H:%M')} ({escape_markdown(tz)})",
           f"- 聚类数 (clusters): {len(clusters)}", ""]
    for c in clusters:
        label = escape_markdown(mask_label(clean_text(c.label)), single_line=True) or f"cluster {c.id}"
        keywords = "、".join(escape_markdown(mask_label(clean_text(str(k))), single_line=True) for k in (c.keywords or []))
        out += [
            f"## #{c.id} · {label}", "",
            f"- 类别 (category): {escape_markdown(c.category, single_line=True)}",
            f"- 状态 (status): {escape_markdown(c.status, single_line=True)}",
            f"- 条数 (size): {c.size}",
            f"- 首次出现 (first seen): {_local(c.first_seen, tz, '%Y-%m-%d %H:%M') or '—'}",
            f"- 最近出现 (last seen): {_local(c.last_seen, tz, '%Y-%m-%d %H:%M') or '—'}",
            f"- 关键词 (keywords): {keywords or '—'}",
            "",
            "### 代表性反馈 (quotes)",
            "",
        ]
        quotes = _quotes(session, c, quotes_per_cluster)
        if not quotes:
            out += ["（无 / none）", ""]
        for q in quotes:
            out += _blockquote(q) + [""]
    return "\n".join(out).rstrip("\n") + "\n"


def clusters_csv(session: Session, cluster_ids: Iterable[int], *, tz: str = DEFAULT_TZ) -> str:
    """One row per member item: cluster_id, cluster_label, category, status (of the cluster), item_id,
    created_at (ISO 8601 in ``tz``), text (title and text). PII masked, formula cells neutralised."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(CSV_COLUMNS)
    for c in _clusters(session, cluster_ids):
        label = mask_label(clean_text(c.label))
        for item, _analysis in cstore.cluster_members(session, c.id, limit=None):
            row = (c.id, label, c.category, c.status, item.id, _local(item.created_at, tz),
                   mask_pii(clean_text(_item_text(item))))
            w.writerow([csv_cell(v) for v in row])
    return buf.getvalue()
