"""The office's phone numbers become separate values, and the accessibility
statement's copies of the office's e-mail and phone are emptied so that it
follows the office: on a filled database, forward, back and forward again."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("base", "0010_content_change_count"), ("pages", "0006_polish_columns")]
AFTER = [("base", "0011_office_phones"), ("pages", "0007_statement_contact_from_office")]


def _fill(apps):
    Office = apps.get_model("base", "Office")
    Office.objects.all().delete()
    Office.objects.create(
        name="MOPS Mława",
        short_name="MOPS",
        street_address="ul. Narutowicza 6",
        postal_code="06-500",
        city="Mława",
        phone="23 654 35 60, 23 654 27 69 ,",
        email="mops@mlawa.pl",
    )
    Statement = apps.get_model("pages", "AccessibilityStatement")
    Statement.objects.all().delete()
    Statement.objects.create(
        entity_name="MOPS Mława",
        site_url="https://mops.mlawa.pl/",
        published_on="2026-01-01",
        updated_on="2026-01-01",
        prepared_on="2026-01-01",
        last_reviewed_on="2026-01-01",
        contact_person="Koordynator do spraw dostępności",
        contact_email="mops@mlawa.pl",
        contact_phone="23 654 35 60",
        procedure="<p>Procedura.</p>",
        architecture="<p>Wejście od ulicy.</p>",
    )


def _statement(apps):
    return apps.get_model("pages", "AccessibilityStatement").objects.get()


def test_phones_split_and_the_statement_follows_the_office(migrator):
    apps = migrator.migrate(*BEFORE)
    _fill(apps)
    own = _statement(apps)
    assert own.contact_phone == "23 654 35 60"

    for _round in range(2):
        apps = migrator.migrate(*AFTER)
        office = apps.get_model("base", "Office").objects.get()
        assert office.phones == ["23 654 35 60", "23 654 27 69"]
        statement = _statement(apps)
        assert (statement.contact_email, statement.contact_phone) == ("", "")

        apps = migrator.migrate(*BEFORE)
        office = apps.get_model("base", "Office").objects.get()
        assert office.phone == "23 654 35 60, 23 654 27 69"
        assert _statement(apps).contact_phone == "23 654 35 60"


def test_a_statement_with_its_own_contact_keeps_it(migrator):
    apps = migrator.migrate(*BEFORE)
    _fill(apps)
    apps.get_model("pages", "AccessibilityStatement").objects.update(
        contact_email="dostepnosc@mlawa.pl", contact_phone="23 654 00 99"
    )
    apps = migrator.migrate(*AFTER)
    statement = _statement(apps)
    assert statement.contact_email == "dostepnosc@mlawa.pl"
    assert statement.contact_phone == "23 654 00 99"
