import pytest

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_json_ld_cannot_be_broken_out_of(client):
    article = ArticleFactory(title="</script><script>alert(1)</script>")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "\\u003C/script\\u003E" in html


def test_canonical_keeps_only_the_page_number(client):
    ArticleFactory.create_batch(11)
    html = client.get(
        "/aktualnosci/", {"page": "2", "utm_source": "x"}
    ).content.decode()
    assert '<link rel="canonical" href="http://testserver/aktualnosci/?page=2">' in html
