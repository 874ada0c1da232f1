"""The text of PDF, DOCX and ODT attachments, read safely at upload, is found by
search; a broken or hostile document gives no text and no error."""

import time

import pytest

from base.document_text import extract
from base.models import Attachment
from search import results
from tests import samples
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

BOMB = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            samples.pdf_with_text("Regulamin programu dla seniorow"),
            "Regulamin programu",
        ),
        (
            samples.docx_with_text("Wniosek o zasiłek celowy"),
            "Wniosek o zasiłek celowy",
        ),
        (samples.odt_with_text("Oświadczenie o dochodach"), "Oświadczenie o dochodach"),
    ],
)
def test_the_text_is_read_from_each_format(data, expected):
    assert expected in extract(data)


@pytest.mark.parametrize(
    "data",
    [
        samples.pdf(),  # a PDF header and nothing else
        samples.docx_with_text("&lol3;", prolog=BOMB),  # entities: refused
        samples.xlsx(),  # a spreadsheet: no text taken
        b"PK\x03\x04broken zip",
        b"",
    ],
)
def test_broken_or_hostile_documents_give_no_text_quickly(data):
    started = time.monotonic()
    assert extract(data) == ""
    assert time.monotonic() - started < 10


def test_search_finds_an_attachment_by_its_text():
    article = ArticleFactory(title="Nabór")
    Attachment.objects.create(
        content_object=article,
        title="Załącznik nr 1",
        file=samples.upload(
            "zalacznik.docx",
            samples.docx_with_text("Oświadczenie o stanie majątkowym wnioskodawcy"),
        ),
    )
    found = results.entries(results.parse("oświadczenia majątkowego"))
    assert [(e.kind, e.title) for e in found] == [("attachment", "Załącznik nr 1")]
    assert "Oświadczenie" in Attachment.objects.get().text


def test_the_text_is_read_whatever_the_servers_working_folder(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    assert "Wniosek" in extract(samples.docx_with_text("Wniosek o pomoc"))
