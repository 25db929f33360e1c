"""huisheng.services.export: Markdown and CSV hand-offs mask PII, cannot inject Markdown, and are spreadsheet-safe."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime

import numpy as np
import pytest

from huisheng.services.export import CSV_COLUMNS, ZWSP, clusters_csv, clusters_markdown, csv_cell, escape_markdown
from huisheng.storage import clusters as cstore
from huisheng.storage.schema import Analysis, Cluster, Item, Source

MALICIOUS = "**粗体** <script>alert(1)</script> [点我](http://evil.example) # 标题"
PHONE = "13812345678"
TEXTS = [
    f"客服电话 {PHONE} 打不通，支付失败",
    "加QQ 123456789 领红包，支付失败了找我",
    "支付失败请加微信 wxid_abcdef 或 vx: hello_world88",
    MALICIOUS,
    "# 标题注入\n- 列表\n![图](http://evil.example/x.png)\n> 引用\n    代码块\n===",
    "=HYPERLINK(\"http://evil.example\",\"点我\")",
    "+1 支付又失败",
    "-2 星，支付失败",
    "@SUM(A1:A2) 支付失败",
    "\t制表符开头",
]


@pytest.fixture
def exported(db):
    """One cluster whose label, keywords and quotes carry PII and Markdown; every text above is a member."""
    with db.session() as s:
        src = Source(name="feed")
        s.add(src)
        s.flush()
        ids = []
        for n, t in enumerate(TEXTS):
            it = Item(source_id=src.id, external_id=str(n), text=t, normalized_text=t, content_hash=f"h{n}",
                      created_at=datetime(2024, 5, 1, 16, 30) if n else None, title="[标题](http://x)" if n == 1 else None)
            s.add(it)
            s.flush()
            s.add(Analysis(item_id=it.id, category="bug", scores={"bug": 0.9}, quality_score=0.2, model_version="t",
                           content_hash=f"h{n}"))
            ids.append(it.id)
        c = Cluster(category="bug", label=f"=支付失败 {PHONE} [点我](http://evil.example)", size=len(ids),
                    keywords=["支付", f"QQ:{12345678}", "**粗**"], quotes=[TEXTS[0], MALICIOUS],
                    centroid=np.zeros(4, dtype=np.float32).tobytes(), first_seen=datetime(2024, 5, 1),
                    last_seen=datetime(2024, 5, 2))
        other = Cluster(category="feature_request", label="夜间模式", size=1, quotes=[])
        s.add_all([c, other])
        s.flush()
        cstore.set_membership(s, ids, c.id, [1.0 - 0.01 * i for i in range(len(ids))])
        extra = Item(source_id=src.id, external_id="x", text="希望增加夜间模式", normalized_text="希望增加夜间模式",
                     content_hash="hx")
        s.add(extra)
        s.flush()
        s.add(Analysis(item_id=extra.id, category="feature_request", scores={}, quality_score=0.5, model_version="t",
                       content_hash="hx", cluster_id=other.id))
        return {"cluster": c.id, "other": other.id, "items": ids}


# ---------------------------------------------------------------------------------------------------------- helpers
def test_csv_cell_neutralises_formulas():
    for bad in ("=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://e","x")'):
        assert csv_cell(bad) == "'" + bad
    for fine in ("支付失败", "1", "a=b", "", None, 12):
        assert csv_cell(fine) == ("" if fine is None else str(fine))


def _decoded(md: str) -> str:
    """The text a Markdown parser sees after resolving backslash escapes (what GFM autolinking runs on)."""
    return re.sub(r"\\(.)", r"\1", md)


def test_escape_markdown():
    assert escape_markdown(MALICIOUS) == (r"\*\*粗体\*\* \<script\>alert\(1\)\</script\> "
                                          rf"\[点我\]\(http{ZWSP}\://evil\.example\) \# 标题")
    assert escape_markdown("a\nb", single_line=True) == "a b"
    assert escape_markdown("x\u202ey\x00z") == "xyz"  # bidi override and NUL dropped


@pytest.mark.parametrize("text", ["http://evil.example", "看HTTPS://evil.example/x?a=1", "www.evil.example",
                                  "ftp://x.y", "mail me: a.b+c@evil.example", "<http://evil.example>"])
def test_escape_markdown_defuses_autolinks(text):
    """GFM (GitHub, Streamlit) links bare URLs and e-mails found in the decoded text, escapes or not."""
    decoded = _decoded(escape_markdown(text))
    assert not re.search(r"(?i)(https?://|ftp://|www\.)", decoded)
    assert not re.search(r"[-.\w+]+@[-\w]+(\.[-\w]+)+", decoded)
    assert decoded.replace(ZWSP, "") == text  # it still reads the same


# --------------------------------------------------------------------------------------------------------- markdown
def test_markdown_masks_pii(db, exported):
    with db.session() as s:
        md = clusters_markdown(s, [exported["cluster"]], quotes_per_cluster=len(TEXTS))
    assert PHONE not in md and "123456789" not in md and "12345678" not in md
    assert "wxid_abcdef" not in md and "hello_world88" not in md
    assert md.count(r"\[手机号\]") >= 2  # label and quote
    assert r"\[QQ号\]" in md and r"\[微信号\]" in md


def test_markdown_cannot_inject(db, exported):
    with db.session() as s:
        md = clusters_markdown(s, [exported["cluster"], exported["other"]], quotes_per_cluster=len(TEXTS))
    assert "[点我](http" not in md and "<script>" not in md and "**粗体**" not in md and "![图](" not in md
    assert rf"\[点我\]\(http{ZWSP}\://evil\.example\)" in md
    assert not re.search(r"(?i)(https?://|www\.)", _decoded(md))  # no bare URL for GFM to link either
    lines = md.splitlines()
    # only our own headings: the title, one per cluster, one "quotes" sub-heading per cluster
    assert [ln for ln in lines if ln.startswith("#")] == [
        "# 回声 huisheng · 聚类导出 (cluster export)",
        f"## #{exported['cluster']} · \\=支付失败 \\[手机号\\] \\[点我\\]\\(http{ZWSP}\\://evil\\.example\\)",
        "### 代表性反馈 (quotes)",
        f"## #{exported['other']} · 夜间模式",
        "### 代表性反馈 (quotes)",
    ]
    assert "> \\# 标题注入" in lines and "> \\- 列表" in lines and "> \\=\\=\\=" in lines
    # every quote line is inside a blockquote
    quoted = [ln for ln in lines if ln.startswith(">")]
    assert len(quoted) >= len(TEXTS)
    # the second cluster has no stored quotes: its member stands in
    assert "> 希望增加夜间模式" in lines


def test_markdown_renders_without_links_or_html(db, exported):
    markdown_it = pytest.importorskip("markdown_it")
    with db.session() as s:
        md = clusters_markdown(s, [exported["cluster"]], quotes_per_cluster=len(TEXTS))
    html = markdown_it.MarkdownIt("commonmark").enable("table").render(md)
    assert "<a " not in html and "<img" not in html and "<script" not in html and "<pre" not in html
    assert html.count("<h1>") == 1 and html.count("<h2>") == 1 and "<blockquote>" in html
    assert "[点我](http://evil.example)" in html.replace(ZWSP, "")  # shown literally


def test_markdown_quotes_limit_and_order(db, exported):
    with db.session() as s:
        md = clusters_markdown(s, [exported["cluster"]], quotes_per_cluster=3)
    blocks = [b for b in md.split("\n\n") if b.startswith(">")]
    assert len(blocks) == 3
    assert blocks[0].startswith("> 客服电话") and "粗体" in blocks[1]  # stored central quotes come first


def test_quotes_are_the_users_words_without_the_exported_developer_reply(db):
    """App Store exports append the developer's reply (with its support QQ group) and a removed stamp to a review.
    A quote in a ticket or on the board is the user's voice: that is left out, the user's words are kept."""
    exported_review = ("（该条评论已经被删除）更新后一直闪退，打不开\n ---------------------------------- \n"
                       " 开发者回复：用户您好，欢迎您随时通过官方QQ群：839419791，向我们提供更多问题细节。")
    with db.session() as s:
        src = Source(name="store")
        s.add(src)
        s.flush()
        it = Item(source_id=src.id, external_id="r1", text=exported_review, normalized_text="更新后一直闪退，打不开",
                  content_hash="r1")
        s.add(it)
        s.flush()
        s.add(Analysis(item_id=it.id, category="bug", scores={"bug": 0.9}, quality_score=0.2, model_version="t",
                       content_hash="r1"))
        stored = Cluster(category="bug", label="闪退", size=1, quotes=[exported_review])
        member_only = Cluster(category="bug", label="闪退 2", size=1, quotes=[])
        s.add_all([stored, member_only])
        s.flush()
        cstore.set_membership(s, [it.id], member_only.id, [1.0])
        md = clusters_markdown(s, [stored.id, member_only.id], quotes_per_cluster=3)
    quotes = [b.strip() for b in md.split("\n\n") if b.startswith(">")]
    assert quotes == ["> 更新后一直闪退，打不开"] * 2, md
    assert "开发者回复" not in md and "839419791" not in md and "删除" not in md


# -------------------------------------------------------------------------------------------------------------- csv
def test_csv_round_trip(db, exported):
    with db.session() as s:
        text = clusters_csv(s, [exported["cluster"], exported["other"], exported["cluster"]])  # duplicate ignored
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 1 + len(TEXTS) + 1
    assert all(len(r) == len(CSV_COLUMNS) for r in rows)
    body = rows[1:]
    assert {r[0] for r in body} == {str(exported["cluster"]), str(exported["other"])}
    assert {r[2] for r in body} == {"bug", "feature_request"} and {r[3] for r in body} == {"new"}
    by_item = {int(r[4]): r for r in body}
    assert set(by_item) >= set(exported["items"])
    first = by_item[exported["items"][1]]
    assert first[5] == "2024-05-02T00:30:00+08:00"  # stored UTC, exported in local time
    assert by_item[exported["items"][0]][5] == ""  # no creation time
    # multi-line text survives intact
    assert by_item[exported["items"][4]][6].startswith("# 标题注入\n- 列表\n")


def test_csv_masks_pii_and_escapes_formulas(db, exported):
    with db.session() as s:
        text = clusters_csv(s, [exported["cluster"]])
    assert PHONE not in text and "123456789" not in text and "wxid_abcdef" not in text and "hello_world88" not in text
    rows = list(csv.reader(io.StringIO(text, newline="")))[1:]
    cells = [c for r in rows for c in r]
    for c in cells:
        assert not c.startswith(("=", "+", "-", "@", "\t", "\r")), c
    texts = {r[6] for r in rows}
    assert "'=HYPERLINK(\"http://evil.example\",\"点我\")" in texts
    assert "'+1 支付又失败" in texts and "'-2 星，支付失败" in texts and "'@SUM(A1:A2) 支付失败" in texts
    assert "'\t制表符开头" in texts
    assert rows[0][1] == "'=支付失败 [手机号] [点我](http://evil.example)"  # label: masked and neutralised
    assert any("[QQ号]" in t for t in texts) and any("[微信号]" in t for t in texts)
    assert any(t.startswith("[标题](http://x)\n") for t in texts)  # titles come with the text


def test_merged_cluster_follows_to_live_one(db, exported):
    with db.session() as s:
        cstore.merge(s, exported["other"], exported["cluster"], "pm")
    with db.session() as s:
        rows = list(csv.reader(io.StringIO(clusters_csv(s, [exported["other"]]), newline="")))
        md = clusters_markdown(s, [exported["other"], exported["cluster"]])
    assert len(rows) == 1 + len(TEXTS) + 1 and {r[0] for r in rows[1:]} == {str(exported["cluster"])}
    assert md.count("\n## #") == 1


def test_unknown_or_empty_selection(db, exported):
    with db.session() as s:
        assert list(csv.reader(io.StringIO(clusters_csv(s, [])))) == [list(CSV_COLUMNS)]
        assert "聚类数 (clusters): 0" in clusters_markdown(s, [999])


@pytest.mark.parametrize("cell,expected", [
    ("好评;=1+1", "好评;'=1+1"), ("a\t=HYPERLINK(\"http://x\")", "a\t'=HYPERLINK(\"http://x\")"),
    ("＝SUM(A1)", "'＝SUM(A1)"), ("  =1+1", "'  =1+1"), ("价格|@cmd", "价格|'@cmd"), ("好；＋1", "好；'＋1"),
    ("a, -2+3+cmd|' /C calc'!A0", "a, '-2+3+cmd|' /C calc'!A0"), ("2026-10-05 正常", "2026-10-05 正常"),
])
def test_csv_cell_neutralises_formulas_after_any_separator(cell, expected):
    assert csv_cell(cell) == expected
