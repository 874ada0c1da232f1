"""Moving Office, Notice, Attachment (to base) and Page, AccessibilityStatement
(to pages) loses nothing and touches no table: on a filled database, forward,
back, and forward again, as ``manage.py migrate`` runs it."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)

MOVED = {
    "office": "base",
    "notice": "base",
    "attachment": "base",
    "page": "pages",
    "accessibilitystatement": "pages",
}
#: The migration that completes the move (it needs base/0001 and pages/0001).
MOVE = "0009_move_pages_and_site_records_out"
DDL = re.compile(r"^\s*(CREATE|ALTER|DROP)\s+(TABLE|INDEX)|RENAME", re.I)


def _fill(apps):
    """Rows in every moved table, a publisher with grants on them, admin history."""
    get = apps.get_model
    ContentType = get("contenttypes", "ContentType")
    Permission = get("auth", "Permission")
    # An earlier transactional test may have emptied what migrations created.
    office = get("news", "Office").objects.first() or get(
        "news", "Office"
    ).objects.create(
        name="MOPS",
        short_name="MOPS",
        street_address="ul. X 1",
        postal_code="06-500",
        city="Mława",
    )
    get("news", "Notice").objects.create(
        text="Mróz",
        starts_at=timezone.now(),
        ends_at=timezone.now() + datetime.timedelta(1),
    )
    article = get("news", "Article").objects.create(title="A", slug="a", lead="x")
    issuer = get("awards", "Issuer").objects.create(name="CAL", slug="cal")
    award = get("awards", "Award").objects.create(
        title="Certyfikat", slug="c", issuer=issuer, recipient="MOPS"
    )
    Attachment = get("news", "Attachment")
    for target, app, model in [
        (article, "news", "article"),
        (award, "awards", "award"),
    ]:
        Attachment.objects.create(
            content_type=ContentType.objects.get(app_label=app, model=model),
            object_id=target.pk,
            title=f"Załącznik {model}",
            file=f"attachments/2026/x/{model}.pdf",
        )
    page, _ = get("news", "Page").objects.get_or_create(
        slug="kontakt", defaults={"title": "Kontakt"}
    )
    group, _ = get("auth", "Group").objects.get_or_create(name="Wydawcy")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="news", content_type__model__in=MOVED
        )
    )
    user = get("auth", "User").objects.create(username="wydawca", is_staff=True)
    LogEntry = get("admin", "LogEntry")
    for obj, model in [(office, "office"), (page, "page")]:
        LogEntry.objects.create(
            user=user,
            content_type=ContentType.objects.get(app_label="news", model=model),
            object_id=str(obj.pk),
            object_repr=str(obj.pk),
            action_flag=2,
            change_message="[]",
        )


def _snapshot(apps, labels):
    """What must survive: rows, grants and history, by the models' labels then."""
    get = apps.get_model
    rows = {}
    for model, app in labels.items():
        Model = get(app, model)
        objects = Model.objects.order_by("pk")
        rows[model] = (objects.count(), sorted(objects.values_list("pk", flat=True)))
    attachments = sorted(
        (a.title, a.content_type.model, a.object_id)
        for a in get(labels["attachment"], "Attachment").objects.all()
    )
    group = get("auth", "Group").objects.get(name="Wydawcy")
    grants = sorted(
        (p.pk, p.codename, p.content_type.app_label)
        for p in group.permissions.filter(content_type__model__in=MOVED)
    )
    history = sorted(
        (e.object_id, e.content_type.app_label, e.content_type.model)
        for e in get("admin", "LogEntry").objects.all()
    )
    types = sorted(
        (t.app_label, t.model)
        for t in get("contenttypes", "ContentType").objects.filter(model__in=MOVED)
    )
    return rows, attachments, grants, history, types


def test_moving_the_models_keeps_every_row_grant_and_log_entry(migrator):
    apps = migrator.command("base", "zero")  # the state before the move
    assert {"office", "page"} <= {
        m._meta.model_name for m in apps.get_app_config("news").get_models()
    }
    _fill(apps)
    before = _snapshot(apps, dict.fromkeys(MOVED, "news"))

    with CaptureQueriesContext(connection) as queries:
        apps = migrator.command("news", MOVE)
    ddl = [q["sql"] for q in queries if DDL.search(q["sql"])]
    assert ddl == []  # no table or index is created, altered or dropped
    after = _snapshot(apps, MOVED)
    rows, attachments, grants, history, types = after
    assert rows == before[0]
    assert attachments == before[1]
    # the same permission rows, now under the new app labels
    assert [(pk, name) for pk, name, _ in grants] == [
        (pk, name) for pk, name, _ in before[2]
    ]
    assert {label for *_, label in grants} == {"base", "pages"}
    assert history == sorted(
        (object_id, MOVED[model], model) for object_id, _, model in before[3]
    )
    assert types == sorted((app, model) for model, app in MOVED.items())

    # and back: the old labels, nothing lost; then forward again
    apps = migrator.command("base", "zero")
    assert _snapshot(apps, dict.fromkeys(MOVED, "news")) == before
    apps = migrator.command("news", MOVE)
    assert _snapshot(apps, MOVED) == after
