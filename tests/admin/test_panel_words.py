"""What the panel says, to a screen reader too: Polish headings for every
app (django-axes included) and yes/no icons read as "tak"/"nie"."""

import re

import pytest

from tests.factories import AwardFactory

pytestmark = pytest.mark.django_db


def test_every_heading_of_the_start_page_is_polish(client, admin_user):
    client.force_login(admin_user)
    app_list = client.get("/admin/").context["app_list"]
    names = {app["name"]: [m["name"] for m in app["models"]] for app in app_list}
    assert names["Blokady logowania"] == [
        "Dzienniki logowań",
        "Nieudane logowania",
        "Próby logowania",
    ]
    english = re.compile(r"\b(access|failures|logs|attempts|axes)\b", re.I)
    for app, models in names.items():
        assert not english.search(str(app)), app
        for model in models:
            assert not english.search(str(model)), model


def test_yes_and_no_icons_are_read_in_polish(client, publisher):
    AwardFactory(title="Widoczne")
    AwardFactory(title="Ukryte", hidden=True)
    client.force_login(publisher)
    html = client.get("/admin/awards/award/").content.decode()
    alts = re.findall(r'<img src="[^"]*icon-(?:yes|no)\.svg" alt="([^"]*)"', html)
    assert sorted(alts) == ["nie", "tak"]
    assert 'alt="True"' not in html and 'alt="False"' not in html


def test_titles_with_a_models_name_read_right_for_every_model(client, publisher):
    from pages.models import AccessibilityStatement

    client.force_login(publisher)
    statement = AccessibilityStatement.current()
    page = client.get(
        f"/admin/pages/accessibilitystatement/{statement.pk}/change/"
    ).content.decode()
    assert "Zmień: deklaracja dostępności" in page
    assert "Zmień deklaracja" not in page
    article_form = client.get("/admin/news/article/add/").content.decode()
    assert "Dodaj: artykuł" in article_form
    assert "(-ną)" not in article_form and "kolejne(go)" not in article_form
