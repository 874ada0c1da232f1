"""Renewing a certificate as the office does it in December 2026: the start
page's reminder leads to adding the renewal, prefilled; the "Odnawia" picker
names years; once the renewal is added, the old certificate is no longer
"expiring" anywhere, and residents see the new one."""

import datetime
import re
from html import unescape
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from awards.models import Award, Validity
from tests.admin_forms import AdminForm, form_errors
from tests.factories import AwardFactory, IssuerFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 8)


@pytest.fixture
def cal(time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 8, 10, tzinfo=datetime.UTC))
    issuer = IssuerFactory(name="Stowarzyszenie CAL", short_name="CAL", slug="cal")
    return AwardFactory(
        title="Certyfikat Jakości CAL",
        slug="certyfikat-cal-2022",
        issuer=issuer,
        recipient="MOPS w Mławie",
        valid_from=datetime.date(2022, 1, 1),
        valid_until=datetime.date(2026, 12, 31),
    )


def _reminder_links(html):
    return [
        unescape(href)
        for href in re.findall(r'<a href="([^"]+)">[^<]*traci ważność', html)
    ]


def test_the_reminder_leads_to_adding_the_renewal_prefilled(client, publisher, cal):
    client.force_login(publisher)
    [link] = _reminder_links(client.get("/admin/").content.decode())
    assert link.startswith(reverse("admin:awards_award_add"))
    form = AdminForm.open(client, link.split("#")[0])
    assert form["renews"] == str(cal.pk)
    assert form["issuer"] == str(cal.issuer_id)
    assert form["kind"] == "certificate"
    assert form["recipient"] == "MOPS w Mławie"
    assert form["valid_from"] == "01.01.2027"
    form.set(
        title="Certyfikat Jakości CAL",
        slug="certyfikat-cal-2027",
        valid_until="31.12.2031",
        is_public="on",
    )
    response = form.post()
    assert response.status_code == 302, form_errors(response)
    renewal = Award.objects.get(slug="certyfikat-cal-2027")
    assert renewal.renews == cal and renewal.valid_from == datetime.date(2027, 1, 1)


def test_the_renews_picker_shows_years_and_finds_a_year(client, publisher, cal):
    AwardFactory(
        title="Nagroda Burmistrza",
        valid_from=datetime.date(2019, 5, 1),
        valid_until=datetime.date(2020, 4, 30),
    )
    client.force_login(publisher)

    def picked(term):
        response = client.get(
            "/admin/autocomplete/",
            {
                "app_label": "awards",
                "model_name": "award",
                "field_name": "renews",
                "term": term,
            },
        )
        return [r["text"] for r in response.json()["results"]]

    assert picked("2022") == ["Certyfikat Jakości CAL – CAL (2022–2026)"]
    assert picked("2024") == ["Certyfikat Jakości CAL – CAL (2022–2026)"]
    assert picked("Certyfikat") == ["Certyfikat Jakości CAL – CAL (2022–2026)"]


def test_once_renewed_it_is_no_longer_expiring_anywhere(client, publisher, cal):
    assert cal.status_on(TODAY) == Validity.EXPIRING
    renewal = AwardFactory(
        title="Certyfikat Jakości CAL",
        slug="certyfikat-cal-2027",
        issuer=cal.issuer,
        renews=cal,
        valid_from=datetime.date(2027, 1, 1),
        valid_until=datetime.date(2031, 12, 31),
    )
    cal = Award.objects.get(pk=cal.pk)
    assert cal.status_on(TODAY) == Validity.VALID
    annotated = Award.objects.for_cards().get(pk=cal.pk)
    assert annotated.is_renewed and annotated.status_on(TODAY) == Validity.VALID
    # QuerySet and instance agree.
    for status in Validity:
        matched = Award.objects.with_status(status, TODAY).filter(pk=cal.pk).exists()
        assert matched == (status == Validity.VALID), status
    assert not Award.objects.expiring_on(TODAY).exists()

    out = StringIO()
    call_command("awards_expiring", stdout=out)  # exits 0: nothing to warn of
    assert "Brak wyróżnień" in out.getvalue()

    client.force_login(publisher)
    assert _reminder_links(client.get("/admin/").content.decode()) == []
    listing = client.get(reverse("admin:awards_award_changelist")).content.decode()
    assert "traci ważność" not in listing

    # Residents see the new certificate where the old one was.
    client.logout()
    home = client.get("/").content.decode()
    assert renewal.get_absolute_url() in home
    assert cal.get_absolute_url() not in home


def test_after_the_old_one_ends_the_renewal_stays(client, cal, time_machine):
    renewal = AwardFactory(
        title="Certyfikat Jakości CAL",
        slug="certyfikat-cal-2027",
        issuer=cal.issuer,
        renews=cal,
        valid_from=datetime.date(2027, 1, 1),
        valid_until=datetime.date(2031, 12, 31),
    )
    time_machine.move_to(datetime.datetime(2027, 1, 2, 10, tzinfo=datetime.UTC))
    home = client.get("/").content.decode()
    assert renewal.get_absolute_url() in home
    assert cal.get_absolute_url() not in home
