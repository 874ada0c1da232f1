"""The signed preview link a publisher sends to a reviewer without an account:
valid, expired, revoked and tampered, never cached, never indexed."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import PreviewLink
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    return ArticleFactory(status="draft", title="Program zimowy — szkic")


def _create(client, publisher, article):
    client.force_login(publisher)
    url = reverse("admin:news_article_preview_links", args=[article.pk])
    client.post(url, {"_create": "1"})
    page = client.get(url).content.decode()
    client.logout()
    link = PreviewLink.objects.get()
    # The address shown to copy is this link's (its signature carries the second
    # it was made in, so it is read back rather than made again).
    shown = re.search(r"http://testserver/aktualnosci/podglad/([^/\"<]+)/", page)
    assert shown and PreviewLink.from_token(shown[1]) == link
    return link


def test_a_reviewer_without_an_account_reads_the_draft(client, publisher, draft):
    link = _create(client, publisher, draft)
    response = client.get(link.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Program zimowy — szkic" in html
    assert "Podgląd do akceptacji" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    assert "Set-Cookie" not in response  # read-only: no session, no form
    # The draft itself stays hidden at its address.
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_an_expired_link_stops_working(client, publisher, draft, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    link = _create(client, publisher, draft)
    time_machine.shift(datetime.timedelta(days=7, minutes=1))
    response = client.get(link.get_absolute_url())
    assert response.status_code == 410
    assert "wygasł albo został unieważniony" in response.content.decode()


def test_a_revoked_link_stops_working(client, publisher, draft):
    link = _create(client, publisher, draft)
    client.force_login(publisher)
    client.post(
        reverse("admin:news_article_preview_links", args=[draft.pk]),
        {"revoke": link.pk},
    )
    client.logout()
    assert client.get(link.get_absolute_url()).status_code == 410


def test_a_tampered_link_is_not_found(client, publisher, draft):
    link = _create(client, publisher, draft)
    token = link.token
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    assert client.get(reverse("news:preview", args=[forged])).status_code == 404
    other = ArticleFactory(status="draft", title="Inny szkic")
    # Changing the number inside the token breaks the signature.
    from django.core import signing

    unsigned = signing.dumps(other.pk, salt="inna-sól")
    assert client.get(reverse("news:preview", args=[unsigned])).status_code == 404
    assert client.get(reverse("news:preview", args=["zzz"])).status_code == 404


def test_only_publishers_create_or_revoke_links(client, editor, publisher, draft):
    link = PreviewLink.create_for(draft, publisher)
    url = reverse("admin:news_article_preview_links", args=[draft.pk])
    client.force_login(editor)
    assert client.get(url).status_code == 403
    assert client.post(url, {"_create": "1"}).status_code == 403
    assert client.post(url, {"revoke": link.pk}).status_code == 403
    assert PreviewLink.objects.count() == 1 and PreviewLink.objects.get().is_active
    client.logout()
    assert client.get(url).status_code == 302  # to the login
