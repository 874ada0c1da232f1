"""The admin's start page: every reminder leads to the field that settles it."""

import datetime
import re
from html import unescape

import pytest

from base.models import Office
from pages.models import AccessibilityStatement
from tests.factories import AwardFactory

pytestmark = pytest.mark.django_db


def _reminders(html):
    block = re.findall(r'<ul class="messagelist">(.*?)</ul>', html, re.S)
    return [
        (unescape(href), text)
        for part in block
        for href, text in re.findall(r'<a href="([^"]+)">([^<]+)</a>', part)
    ]


def test_every_reminder_opens_a_form_with_its_field(client, publisher, time_machine):
    time_machine.move_to(datetime.datetime(2027, 2, 1, 12, tzinfo=datetime.UTC))
    Office.objects.update(email="", bip_url="", dpo_name="", dpo_email="")
    AccessibilityStatement.objects.update(
        contact_email="", last_reviewed_on=datetime.date(2026, 3, 1)
    )
    AwardFactory(valid_until=datetime.date(2027, 2, 20))
    client.force_login(publisher)
    reminders = _reminders(client.get("/admin/").content.decode())
    assert len(reminders) == 4 + 1 + 1 + 1  # office fields, statement ×2, award
    for href, text in reminders:
        path, _, fragment = href.partition("#")
        assert fragment.startswith("id_"), (href, text)
        form = client.get(path)
        assert form.status_code == 200
        assert f'id="{fragment}"' in form.content.decode(), (href, text)


def test_filling_the_field_clears_its_reminder(client, publisher):
    Office.objects.update(dpo_email="")
    client.force_login(publisher)
    assert any(
        "inspektora" in t for _, t in _reminders(client.get("/admin/").content.decode())
    )
    Office.objects.update(dpo_name="Jan Nowak", dpo_email="iod@mlawa.pl")
    reminders = _reminders(client.get("/admin/").content.decode())
    assert not any("inspektora" in text for _, text in reminders)


def test_the_admin_groups_each_app_under_its_own_heading(client, admin_user):
    client.force_login(admin_user)
    app_list = client.get("/admin/").context["app_list"]
    sections = {
        app["name"]: {m["object_name"] for m in app["models"]} for app in app_list
    }
    assert sections["Aktualności"] == {"Article", "Category"}
    assert sections["Wyróżnienia"] == {"Award", "Issuer"}
    assert sections["Strony"] == {"Page", "AccessibilityStatement"}
    assert sections["Ustawienia strony"] == {"Office", "Notice"}


def test_the_admin_asks_for_missing_office_contact_data(client, publisher):
    client.force_login(publisher)
    html = client.get("/admin/").content.decode()
    for missing in ["e-mail ośrodka", "adres BIP", "e-mail inspektora ochrony"]:
        assert f"Uzupełnij dane instytucji: {missing}" in html
    assert "Deklaracja dostępności czeka na adres e-mail do kontaktu" in html
    Office.objects.update(
        email="a@example.pl",
        bip_url="https://bip.example.pl/",
        dpo_email="i@example.pl",
        dpo_name="Jan Nowak",
    )
    html = client.get("/admin/").content.decode()
    assert "Uzupełnij dane instytucji" not in html
    # The office's e-mail is the statement's: only publishing is left.
    assert "czeka na adres e-mail" not in html
    assert "ma już adres e-mail do kontaktu, ale nie jest opublikowana" in html
    AccessibilityStatement.objects.update(is_published=True)
    html = client.get("/admin/").content.decode()
    assert "nie jest opublikowana" not in html
