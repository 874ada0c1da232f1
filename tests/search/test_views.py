import pytest

from base.functions import fold
from search.analysis import query_words
from tests.factories import ArticleFactory, AwardFactory, IssuerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    return {
        "swietlica": ArticleFactory(
            title="Świetlica otwarta w sobotę",
            lead="Dyżur w sobotę.",
            body="<p>Zapraszamy.</p>",
        ),
        "lodz": ArticleFactory(
            title="Wyjazd",
            lead="Wycieczka seniorów.",
            body="<p>Jedziemy do Łodzi: Łódź czeka.</p>",
        ),
        "draft": ArticleFactory(title="Świetlica – szkic", draft=True),
        "scheduled": ArticleFactory(title="Świetlica – zaplanowana", scheduled=True),
        "award": AwardFactory(
            title="Certyfikat Jakości",
            issuer=IssuerFactory(
                name="Stowarzyszenie Centrum Wspierania Aktywności Lokalnej"
            ),
        ),
        "hidden": AwardFactory(title="Ukryty świetlicowy certyfikat", hidden=True),
    }


def _titles(client, q, **params):
    response = client.get("/szukaj/", {"q": q, **params})
    assert response.status_code == 200
    return [entry.title for entry, _ in response.context["results"]]


@pytest.mark.parametrize("q", ["swietlica", "ŚWIETLICA", "Świetlica", "sWiEtLiCa"])
def test_case_and_diacritics_do_not_matter(client, content, q):
    assert _titles(client, q) == ["Świetlica otwarta w sobotę"]


def test_lodz_finds_the_polish_spelling(client, content):
    assert _titles(client, "LODZ") == ["Wyjazd"]


def test_awards_are_found_by_issuer_and_title(client, content):
    assert _titles(client, "aktywnosci lokalnej") == ["Certyfikat Jakości"]
    assert _titles(client, "certyfikat") == ["Certyfikat Jakości"]


def test_every_word_must_match(client, content):
    assert _titles(client, "swietlica niedziela") == []
    assert _titles(client, "swietlica sobot") == ["Świetlica otwarta w sobotę"]


def test_drafts_scheduled_and_hidden_are_never_found(client, content):
    html = client.get("/szukaj/", {"q": "swietlica"}).content.decode()
    assert "szkic" not in html and "zaplanowany" not in html and "Ukryty" not in html


def test_empty_query_gets_a_normal_page(client, content):
    response = client.get("/szukaj/", {"q": ""})
    assert response.status_code == 200
    assert "Wpisz słowo lub kilka słów" in response.content.decode()
    assert client.get("/szukaj/").status_code == 200


def test_a_1000_character_query_gets_a_normal_page(client, content):
    response = client.get("/szukaj/", {"q": "świetlica " * 125})
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
        "np. e-mail zł ul. r.",
        "NEAR(zasiłek, 2) AND OR NOT",
        'title:zasiłek "zasiłek zasiłek* ^zasiłek {lead}: x',
        "Мама мыла раму",
        "a_b__c",
    ],
)
def test_hostile_queries_get_a_normal_page_and_are_escaped(client, content, q):
    response = client.get("/szukaj/", {"q": q})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert client.get("/aktualnosci/").status_code == 200  # the table is still there


def test_the_query_is_shown_escaped(client, content):
    html = client.get("/szukaj/", {"q": "<b>swietlica</b>"}).content.decode()
    assert "„&lt;b&gt;swietlica&lt;/b&gt;”" in html


def test_equal_matches_are_newest_first_and_paginated(client):
    import datetime

    for day in range(1, 13):
        ArticleFactory(
            title=f"Dyżur świąteczny {day:02}",
            published_at=datetime.datetime(2026, 3, day, 9, tzinfo=datetime.UTC),
        )
    first = _titles(client, "dyzur swiateczny")
    assert first[:2] == ["Dyżur świąteczny 12", "Dyżur świąteczny 11"]
    assert len(first) == 10
    assert _titles(client, "dyzur swiateczny", page=2) == [
        "Dyżur świąteczny 02",
        "Dyżur świąteczny 01",
    ]
    for page in ["9", "x"]:
        response = client.get("/szukaj/", {"q": "dyzur", "page": page})
        assert response.status_code == 404


def test_fold_and_words():
    assert fold("ZAŻÓŁĆ Gęślą JAŹŃ") == "zazolc gesla jazn"
    assert query_words("  Ośrodek;  DROP--  <b>") == ["ośrodek", "drop", "b"]
