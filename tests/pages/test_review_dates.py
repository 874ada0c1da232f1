"""Review dates: pages carry "przejrzyj do" (a year by default), the statement
its 31 March; overdue items are on the start page and content_overdue exits 1
for a cron job."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

from pages.models import AccessibilityStatement, Page

pytestmark = pytest.mark.django_db


def test_a_new_page_is_due_for_review_in_a_year():
    page = Page.objects.create(title="Nowa", slug="nowa-strona")
    assert page.review_by == datetime.date.today() + datetime.timedelta(days=365)


def test_overdue_pages_are_on_the_start_page_linked_to_the_date(client, publisher):
    page = Page.objects.create(
        title="Stare godziny", slug="stare-godziny", review_by=datetime.date(2026, 1, 5)
    )
    Page.objects.create(title="Świeża", slug="swieza")
    client.force_login(publisher)
    html = client.get(reverse("admin:index")).content.decode()
    assert "Strona „Stare godziny”: termin przeglądu minął 05.01.2026" in html
    assert reverse("admin:pages_page_change", args=[page.pk]) + "#id_review_by" in html
    assert "Świeża" not in html


def test_content_overdue_lists_them_and_exits_1(capsys):
    Page.objects.create(
        title="Stare godziny", slug="stare-godziny", review_by=datetime.date(2026, 1, 5)
    )
    with pytest.raises(SystemExit) as exit_status:
        call_command("content_overdue")
    assert exit_status.value.code == 1
    assert "Strona „Stare godziny”: termin przeglądu minął 05.01.2026." in (
        capsys.readouterr().out
    )


def test_content_overdue_is_quiet_when_all_is_reviewed(capsys, time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC))
    Page.objects.update(review_by=datetime.date(2027, 6, 1))
    statement = AccessibilityStatement.current()
    if statement is not None:
        statement.last_reviewed_on = datetime.date(2026, 2, 1)
        statement.save()
    call_command("content_overdue")
    assert "Wszystkie treści są przejrzane w terminie." in capsys.readouterr().out


def test_the_statement_past_31_march_is_overdue(capsys, time_machine):
    time_machine.move_to(datetime.datetime(2027, 4, 2, 9, tzinfo=datetime.UTC))
    Page.objects.update(review_by=datetime.date(2028, 1, 1))
    statement = AccessibilityStatement.current()
    statement.last_reviewed_on = datetime.date(2026, 2, 1)
    statement.save()
    with pytest.raises(SystemExit):
        call_command("content_overdue")
    assert "Deklaracja dostępności: termin przeglądu minął 31.03.2027." in (
        capsys.readouterr().out
    )
