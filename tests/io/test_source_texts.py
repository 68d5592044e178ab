"""Reading source texts from .txt, .html and .pdf files, bad input included."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.io.pdf_samples import encrypted, pdf_with_pages
from timeline_editor.io.source_dates import DATEPARSER_NOTE, source_dates
from timeline_editor.io.source_texts import SourceTextReadError, read_source_text
from timeline_editor.model.entities import Source
from timeline_editor.model.quotes import NormalisedText

DAY = "2022-03-04"
SCRIPTS = (
    "Հայաստանը և Ադրբեջանը համաձայնեցին շարունակել բանակցությունները։",
    "Встреча состоялась 16 ноября 2021 года в Брюсселе.",
    "הפגישה התקיימה בבריסל.",
    "عُقد الاجتماع في بروكسل.",
)


def _read(path: Path) -> tuple[str, ...]:
    return read_source_text(path, read_on=DAY).paragraphs


def _refused(path: Path, message: str) -> None:
    with pytest.raises(SourceTextReadError, match=message) as caught:
        read_source_text(path, read_on=DAY)
    assert str(caught.value).startswith(f"cannot read {path.name}: ")


# -- plain text ---------------------------------------------------------------------------


def test_utf8_text_with_every_script_is_kept_verbatim(tmp_path: Path) -> None:
    path = tmp_path / "statement.txt"
    path.write_text("\n\n".join(SCRIPTS), encoding="utf-8")
    stored = read_source_text(path, read_on=DAY)
    assert stored.paragraphs == SCRIPTS
    assert (stored.origin, stored.read_on, len(stored.sha256)) == ("statement.txt", DAY, 64)
    assert NormalisedText(stored.paragraphs).paragraph_of("הפגישה התקיימה") == 3


def test_utf8_with_bom_and_utf16_are_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("\ufeffПервый.\n\nВторой.".encode())
    (tmp_path / "b.txt").write_bytes("Первый.\n\nВторой.".encode("utf-16"))
    assert _read(tmp_path / "a.txt") == _read(tmp_path / "b.txt") == ("Первый.", "Второй.")


def test_text_in_another_encoding_is_refused_with_the_byte(tmp_path: Path) -> None:
    path = tmp_path / "cyrillic.txt"
    path.write_bytes("Встреча".encode("cp1251"))
    _refused(path, r"is not UTF-8 text \(byte 0xc2 at offset 0\)")


def test_a_50_mb_text_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written to the disk
    _refused(path, r"is 52,428,800 bytes; the limit is 16 MB")


def test_a_text_too_long_to_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(["word " * 10_000] * 50), encoding="utf-8")
    _refused(path, "a source text holds at most 2,000,000")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    _refused(path, "named pipe")


def test_other_kinds_of_file_and_missing_files(tmp_path: Path) -> None:
    (tmp_path / "a.docx").write_bytes(b"PK")
    _refused(tmp_path / "a.docx", r"\.txt, \.html or \.pdf")
    _refused(tmp_path / "missing.txt", "no such file")
    (tmp_path / "empty.txt").write_bytes(b"\n \n")
    _refused(tmp_path / "empty.txt", "the text is empty")
    (tmp_path / "binary.txt").write_bytes(b"a\x00b")
    _refused(tmp_path / "binary.txt", "NUL characters")


# -- web pages ----------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><title>Statement</title>
<script>document.title = "SCRIPTED";</script><style>p {{ color: red }}</style></head>
<body><nav><a href="/">Home</a> · <a href="/news">News</a> · <a href="/about">About us</a></nav>
<article><h1>Foreign ministers meet</h1>
<p>The ministers met in Brussels on 15 December 2021 and agreed to “continue talks”.</p>
{extra}
<p>{armenian}</p><p>{russian}</p><p>{hebrew}</p><p>{arabic}</p>
</article>
<iframe src="https://ads.example/frame">FRAMED</iframe>
<footer>Cookie policy · Terms of use · Copyright 2021</footer></body></html>"""


def _page(tmp_path: Path, extra: str = "", name: str = "page.html") -> Path:
    names = ("armenian", "russian", "hebrew", "arabic")
    path = tmp_path / name
    text = PAGE.format(extra=extra, **dict(zip(names, SCRIPTS, strict=True)))
    path.write_text(text, encoding="utf-8")
    return path


def test_a_web_page_gives_its_article_without_scripts_frames_or_boilerplate(
    tmp_path: Path,
) -> None:
    paragraphs = _read(_page(tmp_path))
    text = "\n".join(paragraphs)
    assert "agreed to “continue talks”." in text
    assert all(script in paragraphs for script in SCRIPTS)
    for noise in ("SCRIPTED", "color: red", "FRAMED", "Cookie policy", "About us"):
        assert noise not in text


def test_huge_inline_data_is_left_out(tmp_path: Path) -> None:
    blob = "A" * 3_000_000
    extra = f'<img src="data:image/png;base64,{blob}"><script>var d = "{blob}";</script>'
    paragraphs = _read(_page(tmp_path, extra))
    assert not any("AAAA" in p for p in paragraphs)
    assert any("15 December 2021" in p for p in paragraphs)


def test_broken_markup_is_repaired(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text(
        "<html><body><div><p>First paragraph <b>bold <i>never closed"
        "<p>Second paragraph</span></td>&nbsp;&amp; more</div></div></html",
        encoding="utf-8",
    )
    text = "\n".join(_read(path))
    assert "First paragraph bold never closed" in text
    assert "Second paragraph" in text


def test_a_page_built_by_scripts_has_no_text(tmp_path: Path) -> None:
    path = tmp_path / "app.html"
    path.write_text(
        "<html><body><div id=app></div><script>render('all the text')</script></body></html>",
        encoding="utf-8",
    )
    _refused(path, "holds no article text")
    (tmp_path / "nothing.htm").write_bytes(b"\x00\xff\xfe garbage")
    _refused(tmp_path / "nothing.htm", "no article text|not a readable web page")


# -- PDFs ---------------------------------------------------------------------------------

LINES = [
    "The ministers met in Brussels on 15 December 2021 and agreed",
    "to continue the talks in the new year.",
    "A second paragraph follows on the same page, long enough to",
    "wrap onto a second line.",
]


def test_a_pdf_gives_its_text_layer_in_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "statement.pdf"
    path.write_bytes(pdf_with_pages([LINES, ["Page two has one line."]]))
    assert _read(path) == (
        "\n".join(LINES[:2]),
        "\n".join(LINES[2:]),
        "Page two has one line.",
    )


def test_an_encrypted_pdf_is_refused_and_one_without_a_password_is_read(
    tmp_path: Path,
) -> None:
    plain = pdf_with_pages([LINES])
    (tmp_path / "locked.pdf").write_bytes(encrypted(plain))
    _refused(tmp_path / "locked.pdf", "is encrypted with a password")
    (tmp_path / "open.pdf").write_bytes(encrypted(plain, password=""))
    assert _read(tmp_path / "open.pdf")[0].startswith("The ministers met")


def test_a_scanned_pdf_has_no_text_layer(tmp_path: Path) -> None:
    (tmp_path / "scan.pdf").write_bytes(pdf_with_pages([[], []]))
    _refused(tmp_path / "scan.pdf", r"has no text layer \(a scanned document\?\)")


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.4\nnot really a pdf", b"", pdf_with_pages([LINES])[:400], b"\x00" * 2000],
)
def test_a_damaged_pdf_is_refused(tmp_path: Path, data: bytes) -> None:
    (tmp_path / "bad.pdf").write_bytes(data)
    _refused(tmp_path / "bad.pdf", "is not a readable PDF")


# -- dates in other languages -------------------------------------------------------------


def test_dates_in_a_russian_text_come_from_dateparser(tmp_path: Path) -> None:
    path = tmp_path / "ru.txt"
    path.write_text("Вчера министр заявил, что встреча состоялась 16 ноября 2021 года.")
    source = Source(language="ru", issued="2021-11-20", text=read_source_text(path, read_on=DAY))
    found = [(f.edtf, f.how) for f in source_dates(source)]
    assert ("2021-11-19", DATEPARSER_NOTE) in found
    assert ("2021-11-16", DATEPARSER_NOTE) in found
    english = source.model_copy(update={"language": "en"})
    assert all(f.how != DATEPARSER_NOTE for f in source_dates(english))
