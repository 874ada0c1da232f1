"""The panel's forms and lists fit a 1280 px screen: nothing scrolls sideways
(an office's usual laptop)."""

import pytest

from tests import samples

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _page_width(page):
    return page.evaluate("document.documentElement.scrollWidth")


def test_an_article_with_an_attachment_fits_1280(page, log_in, publisher):
    from base.models import Attachment
    from news.models import Article

    article = Article.objects.create(title="Z załącznikiem", lead="x", body="<p>x</p>")
    Attachment.objects.create(
        content_object=article,
        title="Wniosek o zasiłek celowy na zakup opału na sezon grzewczy",
        file=samples.upload("wniosek.pdf", samples.pdf()),
    )
    log_in(publisher)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"/admin/news/article/{article.pk}/change/")
    assert _page_width(page) <= 1280


def test_the_user_list_fits_1280_with_its_role_column(page, log_in, admin_user):
    log_in(admin_user)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/admin/auth/user/")
    assert _page_width(page) <= 1280
    role = page.locator("th.column-roles")
    box = role.bounding_box()
    assert box and box["x"] + box["width"] <= 1280
