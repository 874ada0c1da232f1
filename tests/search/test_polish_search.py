"""Search that understands Polish, through the site's own search page and
index, on both databases: recall on the test set, ranking, the whole site,
snippets, suggestions, a fixed number of queries, and the index kept in step."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from base.models import Attachment, Office
from news.models import Article
from pages.models import Page
from search import results
from search.models import SearchEntry
from tests import samples
from tests.factories import ArticleFactory, AwardFactory
from tests.search.polish_set import ARTICLES, QUERIES, UNRELATED

pytestmark = pytest.mark.django_db


def _found(query, kind=None):
    found = results.entries(results.parse(query))
    if kind:
        found = found.filter(kind=kind)
    return list(found.values_list("title", flat=True))


@pytest.fixture
def corpus():
    return {
        key: ArticleFactory(title=title, lead=lead, body=f"<p>{body}</p>")
        for key, (title, lead, body) in ARTICLES.items()
    }


@pytest.fixture(params=["database", "like"])
def engine(request, monkeypatch):
    """The database's own index (tsvector or FTS5), and the plain columns a
    SQLite built without FTS5 falls back to."""
    if request.param == "like":
        from search import backends

        monkeypatch.setattr(backends, "engine", lambda using=None: "like")
    return request.param


def test_recall_and_false_hits_on_the_polish_test_set(engine, corpus):
    assert len(QUERIES) >= 60
    missed = [
        (query, key)
        for query, key in QUERIES
        if corpus[key].title not in _found(query, "article")
    ]
    recall = 1 - len(missed) / len(QUERIES)
    assert recall >= 0.95, missed
    false_hits = [word for word in UNRELATED if _found(word, "article")]
    assert len(false_hits) / len(UNRELATED) <= 0.02, false_hits


@pytest.mark.parametrize(
    "query", ["zasiłku", "zasiłkiem", "zasilku", "ZASIŁEK", "zasiłki"]
)
def test_any_form_finds_the_article_with_or_without_diacritics(query):
    ArticleFactory(title="Zasiłek stały", lead="Dla osób niezdolnych do pracy.")
    assert _found(query, "article") == ["Zasiłek stały"]


def test_best_matches_come_first(engine, time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC))
    now = timezone.now()
    ArticleFactory(
        title="Ogłoszenie",
        lead="Krótko.",
        body="<p>Mowa o zasiłku w treści.</p>",
        published_at=now - datetime.timedelta(days=1),
    )
    ArticleFactory(
        title="Komunikat",
        lead="Nowe zasady zasiłku.",
        body="<p>x</p>",
        published_at=now - datetime.timedelta(days=2),
    )
    ArticleFactory(
        title="Zasiłek celowy",
        lead="Krótko.",
        body="<p>x</p>",
        published_at=now - datetime.timedelta(days=3),
    )
    ArticleFactory(
        title="Zasiłek okresowy",
        lead="Krótko.",
        body="<p>x</p>",
        published_at=now - datetime.timedelta(days=30),
    )
    ArticleFactory(  # only the 5-letter fallback matches ("zasil…")
        title="Zasilanie awaryjne budynku",
        lead="Krótko.",
        body="<p>x</p>",
        published_at=now,
    )
    assert _found("zasiłek", "article") == [
        "Zasiłek celowy",  # title, newer of the two
        "Zasiłek okresowy",
        "Komunikat",  # lead
        "Ogłoszenie",  # body
        "Zasilanie awaryjne budynku",  # fallback only
    ]
    by_date = results.entries(results.parse("zasiłek"), sort="data")
    assert list(by_date.filter(kind="article").values_list("title", flat=True))[0] == (
        "Zasilanie awaryjne budynku"
    )


def test_pages_the_contact_page_and_office_hours_are_found():
    office = Office.objects.get()
    office.office_hours = "poniedziałek–piątek 7:30–15:30"
    office.save()
    contact = Page.objects.get(kind=Page.Kind.CONTACT)
    assert contact.title in _found("kontakt")
    assert contact.title in _found("godziny pracy")
    assert contact.title in _found("poniedziałek")
    assert contact.title in _found(office.street_address.split()[0])
    Page.objects.create(title="Ukryta strona", slug="ukryta", is_public=False)
    assert "Ukryta strona" not in _found("ukryta strona")


def test_awards_and_attachment_titles_are_found():
    award = AwardFactory(title="Certyfikat Jakości CAL")
    assert "Certyfikat Jakości CAL" in _found("certyfikatu")
    article = ArticleFactory(title="Nabór wniosków")
    Attachment.objects.create(
        content_object=article,
        title="Regulamin programu osłonowego",
        file=samples.upload("regulamin.pdf", samples.pdf()),
    )
    found = results.entries(results.parse("regulaminu osłonowego"))
    assert [(e.kind, e.title) for e in found] == [
        ("attachment", "Regulamin programu osłonowego")
    ]
    assert found[0].url.endswith(".pdf")
    article.status = Article.Status.DRAFT
    article.save()
    assert _found("regulaminu") == []  # follows its article
    award.is_public = False
    award.save()
    assert "Certyfikat Jakości CAL" not in _found("certyfikatu")


def test_the_index_follows_edits_unpublishing_ends_and_deletes(time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC))
    article = ArticleFactory(
        title="Program osłonowy",
        published_until=timezone.now() + datetime.timedelta(hours=1),
    )
    assert _found("programu") == ["Program osłonowy"]
    article.title = "Program wsparcia"
    article.save()
    assert _found("osłonowy", "article") == []
    assert _found("wsparcia", "article") == ["Program wsparcia"]
    time_machine.shift(datetime.timedelta(hours=2))
    assert _found("wsparcia", "article") == []  # past its end of publication
    article.delete()
    assert not SearchEntry.objects.filter(title="Program wsparcia").exists()


def test_snippets_mark_the_matched_words_and_escape_everything(client):
    ArticleFactory(
        title="Ogłoszenie",
        lead='Uwaga <script>alert("x")</script> na zasiłki.',
        body="<p>" + "Słowo " * 40 + "Zasiłek przysługuje od lipca.</p>",
    )
    html = client.get("/szukaj/", {"q": "zasiłek"}).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>zasiłki</mark>" in html
    assert "<mark>Zasiłek</mark>" not in html.split("<mark>zasiłki</mark>")[0]


def test_did_you_mean_for_missing_diacritics_and_typos(client):
    ArticleFactory(title="Zasiłek stały", lead="Dla osób niezdolnych do pracy.")
    html = client.get("/szukaj/", {"q": "zasilek"}).content.decode()
    assert 'Czy chodziło o: <a href="?q=zasi%C5%82ek">zasiłek</a>?' in html
    typo = client.get("/szukaj/", {"q": "zasilak"}).content.decode()
    assert "Czy chodziło o:" in typo and ">zasiłek</a>" in typo
    exact = client.get("/szukaj/", {"q": "zasiłek"}).content.decode()
    assert "Czy chodziło o" not in exact
    # Typed correctly in other letter case, or a form the text has: no question.
    for query in ["Zasiłek", "ZASIŁEK STAŁY", "zasiłkami", "stałego zasiłku"]:
        page = client.get("/szukaj/", {"q": query}).content.decode()
        assert "Znaleziono" in page and "Czy chodziło o" not in page, query


def test_nothing_found_offers_help_with_the_phone(client):
    html = client.get("/szukaj/", {"q": "xyzzyq"}).content.decode()
    assert "Nic nie znaleziono" in html
    assert "wpisz mniej słów" in html
    assert 'href="tel:' in html


def test_the_search_page_makes_the_same_number_of_queries_for_1_and_30_results(
    client, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    ArticleFactory(title="Dyżur w święta")
    with CaptureQueriesContext(connection) as one:
        client.get("/szukaj/", {"q": "dyżur"})
    ArticleFactory.create_batch(29, title="Dyżur w święta")
    with CaptureQueriesContext(connection) as thirty:
        client.get("/szukaj/", {"q": "dyżur"})
    assert len(one.captured_queries) == len(thirty.captured_queries)


def test_a_word_in_everything_ranks_only_the_newest_matches(client, monkeypatch):
    """The most common word costs what a rare one does: only the newest
    MAX_RESULTS matches are ranked and shown, and the resident is told so."""
    monkeypatch.setattr(results, "MAX_RESULTS", 5)
    now = timezone.now()
    for days in range(8):
        ArticleFactory(
            title=f"Kolonie letnie nr {days}",
            published_at=now - datetime.timedelta(days=days + 1),
        )
    # The oldest one names the word in its title twice: it would rank first.
    ArticleFactory(
        title="Kolonie, kolonie i jeszcze raz kolonie",
        published_at=now - datetime.timedelta(days=30),
    )
    html = client.get("/szukaj/", {"q": "kolonie"}).content.decode()
    assert "Znaleziono ponad 5" in html and "dodaj słowo" in html
    shown = re.findall(r"Kolonie letnie nr (\d)<", html)
    assert sorted(shown) == ["0", "1", "2", "3", "4"]
    assert "jeszcze raz" not in html
    assert "Strona 1 z 1" not in html  # 5 results fit on one page: no pagination
    few = client.get("/szukaj/", {"q": "kolonie jeszcze"}).content.decode()
    assert "ponad" not in few and "jeszcze raz" in few


def test_the_rebuild_command_shows_progress_and_reindexes(capsys):
    ArticleFactory.create_batch(3, title="Zasiłek")
    SearchEntry.objects.all().delete()
    assert _found("zasiłek") == []
    call_command("rebuild_search_index")
    out = capsys.readouterr().out
    assert "Zindeksowano" in out and "/" in out
    assert _found("zasiłek", "article") == ["Zasiłek"] * 3


def test_result_pages_are_named_by_what_they_hold(client):
    ArticleFactory.create_batch(12, title="Dyżur świąteczny")
    best = client.get("/szukaj/", {"q": "dyżur"}).content.decode()
    assert 'rel="next">Następne<span class="visually-hidden"> wyniki</span>' in best
    newest = client.get("/szukaj/", {"q": "dyżur", "sortuj": "data"}).content.decode()
    assert 'rel="next">Starsze<span class="visually-hidden"> wyniki</span>' in newest
    assert "sortuj=data" in newest.split('rel="next"')[0].rsplit("<a", 1)[1]
