"""Ingestion of real files in every format and encoding, bad rows included, into a real SQLite database."""

import json

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from huisheng.services.ingest import ingest_file
from huisheng.sources.files import UnsupportedFile, read_file
from huisheng.sources.records import BadRow, Record
from huisheng.storage.schema import Item, Quarantine

CSV_ROWS = (
    "编号,昵称,评分,内容,时间,版本\n"
    "r1,小王,1,\"更新后闪退,打不开\",2026-09-01 08:00:00,v3.2.0\n"
    "r2,小李,5,,2026-09-02 09:00:00,v3.2.0\n"
    "r3,张三,3,希望加个夜间模式,昨天下午,v3.2.0\n"
    "r4,李四,5,好用好用！,2026/9/3 10:00,v3.1.0\n"
    "r5,王五,2,\"他说\"\"验证码\"\"收不到\",2026年9月4日 11:30,v3.1.0\n"
)


def _split(rows):
    good = [r for r in rows if isinstance(r, Record)]
    bad = [r for r in rows if isinstance(r, BadRow)]
    return good, bad


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_encodings_and_chinese_headers(tmp_path, encoding):
    p = tmp_path / "reviews.csv"
    p.write_bytes(CSV_ROWS.encode(encoding))
    good, bad = _split(list(read_file(p)))
    assert [r.external_id for r in good] == ["r1", "r4", "r5"]
    assert good[0].text == "更新后闪退,打不开" and good[0].author == "小王"
    assert good[0].meta == {"app_version": "v3.2.0", "rating": 1.0}
    assert good[0].kind == "review"
    assert good[2].text == '他说"验证码"收不到'
    assert good[0].created_at.isoformat() == "2026-09-01T00:00:00"  # 08:00 Asia/Shanghai → UTC
    assert [(b.row_number, b.reason) for b in bad] == [(3, "empty text"), (4, "unparsable date '昨天下午'")]


def test_csv_undecodable_line_broken_quote_and_long_text(tmp_path):
    lines = [
        "id,content".encode(),
        "1,正常的一行".encode(),
        b"2,\xff\xfe\xfa\xfb",
        "3,\"没有闭合的引号".encode(),
        ("4," + "长" * 60).encode(),
        "5,最后一行也要进来".encode(),
    ]
    p = tmp_path / "bad.csv"
    p.write_bytes(b"\n".join(lines) + b"\n")
    good, bad = _split(list(read_file(p, max_chars=50)))
    assert [r.external_id for r in good] == ["1", "5"]
    reasons = {b.row_number: b.reason for b in bad}
    assert "undecodable bytes" in reasons[3]
    assert "broken quoting" in reasons[4]
    assert "over the limit of 50" in reasons[5]
    assert all(b.file == str(p) for b in bad)


def test_jsonl_with_bad_lines(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "c1", "text": "登录不了", "created_at": "2026-09-01T08:00:00+08:00", "likes": 3}, ensure_ascii=False),
        "{not json",
        json.dumps(["a list"]),
        json.dumps({"id": "c2", "正文": "求夜间模式", "标题": "建议", "kind": "post"}, ensure_ascii=False),
    ]), encoding="utf-8")
    good, bad = _split(list(read_file(p)))
    assert [(r.external_id, r.text) for r in good] == [("c1", "登录不了"), ("c2", "求夜间模式")]
    assert good[0].meta["likes"] == 3 and good[1].title == "建议" and good[1].kind == "post"
    assert [b.row_number for b in bad] == [2, 3]
    assert "invalid JSON" in bad[0].reason


def test_xlsx(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["评论", "用户", "日期"])
    ws.append(["卡在启动页", "甲", "2026-09-01 10:00"])
    ws.append([None, "乙", "2026-09-01"])
    ws.append(["好评", "丙", None])
    p = tmp_path / "x.xlsx"
    wb.save(p)
    good, bad = _split(list(read_file(p)))
    assert [r.text for r in good] == ["卡在启动页", "好评"]
    assert good[0].external_id.startswith("h:")  # no id column: the content keys the row
    assert bad[0].row_number == 3 and bad[0].reason == "empty text"


def test_a_review_site_export_with_a_banner_above_the_header(tmp_path):
    """Review-ranking sites (七麦 and the like) export a banner row and a notice row above the header
    发表时间/作者/评级/标题/内容, and a footer note under the reviews. The header is found below the banner; the date,
    author, stars and title are read; the footer is a bad row named by its real row number, not a review."""
    wb = Workbook()
    ws = wb.active
    ws.append([None, "米家_评论详情"])
    ws.append([None, "如果您对数据导出功能有任何意见或建议，欢迎反馈"])
    ws.append(["发表时间", "作者", "评级", "标题", "内容"])
    ws.append(["2019-10-05 02:17:51", "grayfeeler", 5, "必备", "家庭物联网最好的app，必备！"])
    ws.append(["2019-10-04 21:00:00", "小明", 1, "闪退", "更新以后一打开就闪退"])
    ws.append([None, "数据支持一次性导出5000条，超过限制建议分批导出。"])
    ws.cell(row=1, column=300, value=" ")  # a declared width far beyond the header's
    p = tmp_path / "export.xlsx"
    wb.save(p)
    good, bad = _split(list(read_file(p)))
    assert [(r.title, r.text, r.author, r.meta.get("rating")) for r in good] == [
        ("必备", "家庭物联网最好的app，必备！", "grayfeeler", 5.0), ("闪退", "更新以后一打开就闪退", "小明", 1.0)]
    assert good[0].created_at.isoformat() == "2019-10-04T18:17:51"  # 02:17:51 in Asia/Shanghai, stored as UTC
    assert [(b.row_number, b.reason) for b in bad] == [(6, "empty text")]
    assert json.loads(bad[0].raw) == [None, "数据支持一次性导出5000条，超过限制建议分批导出。"]  # not 300 cells wide

    c = tmp_path / "export.csv"
    c.write_text("米家_评论详情\n\n发表时间,作者,评级,标题,内容\n2019-10-05 02:17:51,grayfeeler,5,必备,好用\n",
                 encoding="utf-8")
    good, bad = _split(list(read_file(c)))
    assert [(r.title, r.text, r.meta.get("rating")) for r in good] == [("必备", "好用", 5.0)] and bad == []
    t = tmp_path / "export.txt"  # tab-separated, the banner has no tab to tell
    t.write_text("米家_评论详情\n发表时间\t作者\t评级\t标题\t内容\n2019-10-05\tg\t4\t还行\t能用\n", encoding="utf-8")
    assert [(r.title, r.text) for r in _split(list(read_file(t)))[0]] == [("还行", "能用")]


def test_a_data_row_is_not_taken_for_the_header(tmp_path):
    """反馈内容 is no text alias; the 类型 column's value 评论 is. The first data row must not become the header (the
    file's texts would be the word 评论): the file fails as before, naming the rows searched."""
    p = tmp_path / "x.csv"
    p.write_text("编号,类型,反馈内容\n1,评论,闪退了\n2,评论,好用\n", encoding="utf-8")
    with pytest.raises(UnsupportedFile, match="no text column in the first 10 rows"):
        list(read_file(p))
    wb = Workbook()
    wb.active.append(["编号", "类型", "反馈内容"])
    wb.active.append([1, "comment", "闪退了"])
    x = tmp_path / "x.xlsx"
    wb.save(x)
    with pytest.raises(UnsupportedFile, match="no sheet has a text column"):
        list(read_file(x))


def test_xlsx_cells_past_a_short_header_land_in_metadata(tmp_path):
    wb = Workbook()
    wb.active.append(["id", "内容"])
    wb.active.append(["1", "好用", "extra"])
    p = tmp_path / "short.xlsx"
    wb.save(p)
    (r,) = list(read_file(p))
    assert (r.text, r.meta.get("col2")) == ("好用", "extra")


def test_missing_text_column_and_unsupported_type(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text("id,foo\n1,bar\n", encoding="utf-8")
    with pytest.raises(UnsupportedFile, match="no text column"):
        list(read_file(p))
    q = tmp_path / "x.pdf"
    q.write_bytes(b"%PDF")
    with pytest.raises(UnsupportedFile, match="unsupported file type"):
        read_file(q)


def _count(db, model):
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_ingest_is_idempotent_and_updates_in_place(db, settings, tmp_path):
    p = tmp_path / "reviews.csv"
    p.write_bytes(CSV_ROWS.encode("gbk"))
    first = ingest_file(db, settings, p, source="appstore")
    assert (first.read, first.new, first.quarantined) == (5, 3, 2)
    again = ingest_file(db, settings, p, source="appstore")
    assert (again.new, again.updated, again.unchanged, again.quarantined) == (0, 0, 3, 0)
    assert _count(db, Item) == 3 and _count(db, Quarantine) == 2

    p.write_bytes(CSV_ROWS.replace("好用好用！", "用了一周，还是好用").encode("gbk"))
    third = ingest_file(db, settings, p, source="appstore")
    assert (third.new, third.updated) == (0, 1)
    with db.session() as s:
        item = s.scalar(select(Item).where(Item.external_id == "r4"))
        assert item.text == "用了一周，还是好用"
    assert _count(db, Item) == 3

    # the same external id from another source is another item
    ingest_file(db, settings, p, source="other-store")
    assert _count(db, Item) == 6


def test_ingest_without_ids_keys_rows_by_content(db, settings, tmp_path):
    p = tmp_path / "noid.jsonl"
    p.write_text("\n".join(json.dumps({"text": t, "author": a}, ensure_ascii=False)
                           for t, a in [("闪退", "甲"), ("闪退", "乙"), ("好用", "甲")]), encoding="utf-8")
    assert ingest_file(db, settings, p).new == 3
    assert ingest_file(db, settings, p).new == 0
    assert _count(db, Item) == 3
