import pytest

from base.functions import fold
from search.results import query_words
from tests.factories import ArticleFactory, AwardFactory, IssuerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    return {
        "osrodek": ArticleFactory(
            title="Ośrodek otwarty w sobotę",
            lead="Dyżur w sobotę.",
            body="<p>Zapraszamy.</p>",
        ),
        "lodz": ArticleFactory(
            title="Wyjazd",
            lead="Wycieczka seniorów.",
            body="<p>Jedziemy do Łodzi: Łódź czeka.</p>",
        ),
        "draft": ArticleFactory(title="Ośrodek – szkic", draft=True),
        "scheduled": ArticleFactory(title="Ośrodek – zaplanowany", scheduled=True),
        "award": AwardFactory(
            title="Certyfikat Jakości",
            issuer=IssuerFactory(
                name="Stowarzyszenie Centrum Wspierania Aktywności Lokalnej"
            ),
        ),
        "hidden": AwardFactory(title="Ukryty ośrodkowy certyfikat", hidden=True),
    }


def _titles(client, q, **params):
    response = client.get("/szukaj/", {"q": q, **params})
    assert response.status_code == 200
    return [result.title for result in response.context["results"]]


@pytest.mark.parametrize("q", ["osrodek", "OŚRODEK", "Ośrodek", "oSrOdEk"])
def test_case_and_diacritics_do_not_matter(client, content, q):
    assert _titles(client, q) == ["Ośrodek otwarty w sobotę"]


def test_lodz_finds_the_polish_spelling(client, content):
    assert _titles(client, "LODZ") == ["Wyjazd"]


def test_awards_are_found_by_issuer_and_title(client, content):
    assert _titles(client, "aktywnosci lokalnej") == ["Certyfikat Jakości"]
    assert _titles(client, "certyfikat") == ["Certyfikat Jakości"]


def test_every_word_must_match(client, content):
    assert _titles(client, "osrodek niedziela") == []
    assert _titles(client, "osrodek sobot") == ["Ośrodek otwarty w sobotę"]


def test_drafts_scheduled_and_hidden_are_never_found(client, content):
    html = client.get("/szukaj/", {"q": "osrodek"}).content.decode()
    assert "szkic" not in html and "zaplanowany" not in html and "Ukryty" not in html


def test_empty_query_gets_a_normal_page(client, content):
    response = client.get("/szukaj/", {"q": ""})
    assert response.status_code == 200
    assert "Wpisz słowo lub kilka słów" in response.content.decode()
    assert client.get("/szukaj/").status_code == 200


def test_a_1000_character_query_gets_a_normal_page(client, content):
    response = client.get("/szukaj/", {"q": "ośrodek " * 125})
    assert response.status_code == 200
    assert (
        "Nic nie znaleziono" in response.content.decode() or response.context["results"]
    )


@pytest.mark.parametrize(
    "q",
    [
        "'; DROP TABLE news_article; --",
        '" OR 1=1 --',
        "<script>alert(1)</script>",
        "osrodek & | ! : * ( ) <-> \\",
        "%_%",
        "\x00",
        "ąęł" * 50,
    ],
)
def test_hostile_queries_get_a_normal_page_and_are_escaped(client, content, q):
    response = client.get("/szukaj/", {"q": q})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert client.get("/aktualnosci/").status_code == 200  # the table is still there


def test_the_query_is_shown_escaped(client, content):
    html = client.get("/szukaj/", {"q": "<b>osrodek</b>"}).content.decode()
    assert "„&lt;b&gt;osrodek&lt;/b&gt;”" in html


def test_results_are_newest_first_and_paginated(client):
    import datetime

    for day in range(1, 13):
        ArticleFactory(
            title=f"Zasiłek {day:02}",
            published_at=datetime.datetime(2026, 3, day, 9, tzinfo=datetime.UTC),
        )
    first = _titles(client, "zasilek")
    assert first[:2] == ["Zasiłek 12", "Zasiłek 11"] and len(first) == 10
    assert _titles(client, "zasilek", page=2) == ["Zasiłek 02", "Zasiłek 01"]
    assert client.get("/szukaj/", {"q": "zasilek", "page": "9"}).status_code == 404
    assert client.get("/szukaj/", {"q": "zasilek", "page": "x"}).status_code == 404


def test_fold_and_words():
    assert fold("ZAŻÓŁĆ Gęślą JAŹŃ") == "zazolc gesla jazn"
    assert query_words("  Ośrodek;  DROP--  <b>") == ["osrodek", "drop", "b"]
