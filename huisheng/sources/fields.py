"""Column aliases and value parsing shared by every file format."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "comment", "body", "review", "message", "评论", "内容", "正文", "评论内容", "评价", "评价内容", "留言"),
    "id": ("id", "external_id", "编号", "评论id", "序号", "uid"),
    "created_at": ("created_at", "created", "time", "date", "timestamp", "datetime", "时间", "日期", "发布时间", "评论时间", "创建时间",
                   "发表时间", "发表日期", "发布日期", "评论日期"),
    "author": ("author", "user", "username", "nickname", "name", "用户", "昵称", "用户名", "作者"),
    "title": ("title", "subject", "标题"),
    "rating": ("rating", "score", "stars", "star", "评分", "星级", "评星", "评级", "打分"),
    "kind": ("kind", "type", "类型"),
}
_LOOKUP = {alias.lower(): canon for canon, names in ALIASES.items() for alias in names}
META_ALIASES = {"版本": "app_version", "version": "app_version", "app_version": "app_version", "点赞": "likes",
                "likes": "likes", "回复": "replies", "replies": "replies", "设备": "device", "device": "device"}


def canonical_column(name: str) -> str | None:
    return _LOOKUP.get(str(name).strip().lstrip("\ufeff").lower())


def map_columns(header: list[str]) -> dict[int, str]:
    """Column index → canonical field name (or ``meta:<name>`` for the rest). First alias wins on duplicates."""
    mapping: dict[int, str] = {}
    seen: set[str] = set()
    for i, name in enumerate(header):
        canon = canonical_column(name)
        if canon and canon not in seen:
            mapping[i] = canon
            seen.add(canon)
        else:
            clean = str(name).strip().lstrip("\ufeff")
            mapping[i] = "meta:" + META_ALIASES.get(clean.lower(), META_ALIASES.get(clean, clean or f"col{i}"))
    return mapping


_DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y/%m/%d",
    "%Y.%m.%d %H:%M:%S", "%Y.%m.%d", "%Y%m%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M",
)
_CN_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(?:(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2}))?)?")


class DateError(ValueError):
    pass


def parse_datetime(value, tz: str = "Asia/Shanghai") -> datetime | None:
    """Return naive UTC. Naive inputs are read in ``tz`` (the product's local time). Raises DateError."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    local = ZoneInfo(tz)
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > 1e11 else value
        return datetime.fromtimestamp(seconds, timezone.utc).replace(tzinfo=None)
    else:
        s = str(value).strip()
        if re.fullmatch(r"\d{10}(\.\d+)?|\d{13}", s):
            return parse_datetime(float(s), tz)
        dt = None
        try:
            dt = datetime.fromisoformat(s.replace("Z", "+00:00"))
        except ValueError:
            pass
        if dt is None:
            m = _CN_DATE.match(s)
            if m:
                y, mo, d, h, mi, se = (int(x) if x else 0 for x in m.groups())
                try:
                    dt = datetime(y, mo, d, h, mi, se)
                except ValueError as e:
                    raise DateError(f"unparsable date {s!r}: {e}") from None
        if dt is None:
            for fmt in _DATE_FORMATS:
                try:
                    dt = datetime.strptime(s, fmt)
                    break
                except ValueError:
                    continue
        if dt is None:
            raise DateError(f"unparsable date {s!r}")
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=local)
    if not (datetime(1990, 1, 1, tzinfo=timezone.utc) <= dt <= datetime.now(timezone.utc) + timedelta(days=2)):
        raise DateError(f"date {dt.isoformat()} is out of range")
    return dt.astimezone(timezone.utc).replace(tzinfo=None)


def parse_rating(value) -> float | None:
    if value is None or value == "":
        return None
    m = re.search(r"\d+(?:\.\d+)?", str(value))
    if not m:
        return None
    r = float(m.group())
    return r if 0 <= r <= 10 else None
