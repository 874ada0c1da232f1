import datetime

import pytest

from pages.models import AccessibilityStatement

pytestmark = pytest.mark.django_db


def test_statement_review_reminder_in_the_admin(client, publisher, time_machine):
    statement = AccessibilityStatement.current()
    statement.last_reviewed_on = datetime.date(2025, 3, 1)
    statement.save()
    client.force_login(publisher)
    time_machine.move_to(
        datetime.datetime(2026, 2, 1, 12, tzinfo=datetime.UTC), tick=False
    )
    assert "termin upływa 31.03.2026" in client.get("/admin/").content.decode()
    time_machine.move_to(
        datetime.datetime(2026, 4, 2, 12, tzinfo=datetime.UTC), tick=False
    )
    assert "termin minął 31.03.2026" in client.get("/admin/").content.decode()
    statement.last_reviewed_on = datetime.date(2026, 3, 20)
    statement.save()
    assert "Deklaracja dostępności wymaga" not in client.get("/admin/").content.decode()
