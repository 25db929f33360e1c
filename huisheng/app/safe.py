"""Rendering user-generated text safely.

Item texts, titles, authors, keywords and cluster labels (PM-editable) are untrusted. They are shown with
``st.text`` / ``st.code(language=None)`` / ``st.dataframe``; where they must go into something Streamlit renders as
Markdown (captions, headings, alert bodies, widget and expander labels) they pass through ``md_escape`` first.
"""

from __future__ import annotations

import re

from huisheng.services.export import clean_text, escape_markdown

# bidi overrides/embeddings/isolates and marks, zero-width characters, C0/C1 controls (not tab or newline)
_DISGUISE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def display_text(text: object) -> str:
    """Plain text as stored, but every invisible character that could disguise it (U+202E turning
    "gnorw si siht" around, zero-width spaces inside a contact id) shown as a visible ``[U+XXXX]`` marker, so a
    moderator sees what is really there. Line breaks stay."""
    s = "" if text is None else str(text).replace("\r\n", "\n").replace("\r", "\n")
    return _DISGUISE.sub(lambda m: f"[U+{ord(m.group()):04X}]", s)


def md_escape(text: object, max_len: int | None = None) -> str:
    """One line of literal text for a Markdown context: whitespace collapsed, Markdown/HTML characters
    backslash-escaped, optionally truncated (before escaping, so no escape sequence is cut in half)."""
    s = one_line("" if text is None else str(text), max_len)
    return escape_markdown(s, single_line=True)


def one_line(text: str | None, max_len: int | None = None) -> str:
    """Collapse whitespace and newlines; truncate with an ellipsis. For plain-text places (options, tables)."""
    s = " ".join(clean_text(text).split())
    if max_len is not None and len(s) > max_len:
        s = s[: max_len - 1].rstrip() + "…"
    return s
