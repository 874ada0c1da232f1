"""Links as staff type them into the editor's link dialog."""

import pytest
from django.core.exceptions import ValidationError

from base.fields import clean_html
from news.models import Article
from tests.admin_forms import AdminForm, form_errors
from tests.factories import ArticleFactory


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("www.mlawa.pl", "https://www.mlawa.pl"),
        ("mlawa.pl/aktualnosci/?a=1&b=2", "https://mlawa.pl/aktualnosci/?a=1&amp;b=2"),
        ("//bip.mlawa.pl", "https://bip.mlawa.pl"),
        ("mops@mlawa.pl", "mailto:mops@mlawa.pl"),
        ("23 654 35 60", "tel:236543560"),
        ("+48 23 654-35-60", "tel:+48236543560"),
        ("/kontakt/", "/kontakt/"),
        ("#godziny", "#godziny"),
        ("https://www.gov.pl/", "https://www.gov.pl/"),
        ("mailto:iod@mlawa.pl", "mailto:iod@mlawa.pl"),
    ],
)
def test_typed_links_are_stored_as_the_address_meant(typed, stored):
    html = clean_html(f'<p><a href="{typed}">link</a></p>')
    assert f'href="{stored}"' in html


def test_no_typed_address_becomes_a_script():
    html = clean_html('<p><a href="javascript:alert(1)">x</a></p>')
    assert "javascript" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("link", ["mlawa", "http://mlawa", "kontakt.html", "tel:1"])
def test_a_link_that_cannot_work_is_refused_by_name(link):
    article = ArticleFactory.build(body=f'<p><a href="{link}">tu</a></p>')
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    [problem] = error.value.error_dict["body"]
    assert problem.code == "invalid_link"
    assert problem.params == {"link": link}


@pytest.mark.django_db
def test_the_admin_stores_a_bare_domain_as_https_and_names_a_broken_link(
    client, publisher
):
    client.force_login(publisher)
    form = AdminForm.open(client, "/admin/news/article/add/")
    form.set(
        title="Linki",
        lead="Zajawka.",
        body='<p><a href="www.mlawa.pl">Urząd</a> <a href="zasilki">zasiłki</a></p>',
    )
    response = form.post()
    assert response.status_code == 200
    assert "Link „zasilki” nie zadziała" in response.content.decode()
    assert not Article.objects.exists()

    form.set(body='<p><a href="www.mlawa.pl">Urząd</a></p>')
    response = form.post()
    assert response.status_code == 302, form_errors(response)
    assert 'href="https://www.mlawa.pl"' in Article.objects.get().body
