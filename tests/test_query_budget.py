"""At most 6 queries per public page (issue #16): the layout's office record,
footer pages and notices are remembered in the shared cache until content
changes, so a page rendered anew (its first view after a change, or a page
not cached yet) asks the database only for its own content."""

from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.site_content import every_page_kind

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("redis_cache")]


def _rendered_anew(client, url):
    """The page rendered again with what is remembered warm: the same address
    with a query the page ignores is a page not cached yet."""
    joiner = "&" if urlsplit(url).query else "?"
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{url}{joiner}odswiez=1")
    assert response["X-Page-Cache"] == "MISS", url
    return len(queries)


def test_every_public_page_makes_at_most_6_queries():
    from django.test import Client

    site = every_page_kind()
    # A reviewer's signed link, not a resident's page: it checks the link too.
    del site["preview link"]
    client = Client()
    counts = {name: _rendered_anew(client, url) for name, url in site.items()}
    assert {name: n for name, n in counts.items() if n > 6} == {}
    # The memory is what keeps them under: the article asked 9 before, a list 6.
    assert counts["article with image"] <= 6
    assert counts["news list page 2"] <= 3
