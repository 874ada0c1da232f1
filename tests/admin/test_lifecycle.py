"""Every admin form across its whole life, posted as the browser posts it.

add → save unchanged → change text → replace a file → remove a file ("Usuń") →
add a second photo → publish → change the published item → unpublish → delete.
Each step: a redirect (never an error page), the row as expected, and the files
on disk exactly those the rows use (replaced and removed files gone, kept ones
untouched). A model registered in the admin without a spec here fails
``test_every_admin_model_has_a_lifecycle``.
"""

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.redirects.models import Redirect
from django.urls import reverse

from awards.models import Award, Issuer
from base.models import Notice, Office
from base.uploads import file_fields, versioned_file_names
from news.models import Article, Category
from pages.models import AccessibilityStatement, Page
from tests import samples
from tests.admin_forms import ARTICLE_IMAGES, ATTACHMENTS, AdminForm, form_errors
from tests.factories import IssuerFactory

pytestmark = pytest.mark.django_db


@dataclass
class FieldSlot:
    """A file field on the model's own form (with a "Wyczyść" box when optional)."""

    name: str
    make: object  # () -> upload

    def files(self, obj):
        value = getattr(obj, self.name)
        return [value.name] if value else []


@dataclass
class InlineSlot:
    """A file in an inline row (photos, attachments): "Usuń" deletes the row."""

    prefix: str
    name: str
    make: object
    row: dict
    relation: str
    second: bool = False  # whether "add a second one" is a step for this slot

    def files(self, obj):
        rows = getattr(obj, self.relation).all()
        return [getattr(r, self.name).name for r in rows]


@dataclass
class Spec:
    model: type
    fill: object  # (form) -> None: what a person types on the add form
    text: tuple  # (field, new value[, as stored]): a text-only change
    user: str = "publisher"
    existing: object = None  # () -> obj, for records that are edited, never added
    files: list = field(default_factory=list)
    publish: dict = None
    unpublish: dict = None  # values set; None values are removed (unticked boxes)
    public_text: str = ""  # a field whose text the public page shows
    deletable: bool = True

    def __str__(self):
        return self.model._meta.label


def _article(form):
    form.set(
        title="Dzień otwarty ośrodka",
        lead="Zapraszamy mieszkańców do ośrodka.",
        body="<p>W sobotę ośrodek jest otwarty.</p>",
        status="draft",
    )
    form.add_row(ARTICLE_IMAGES, **_photo_row())
    form.add_row(ATTACHMENTS, **_attachment_row())


def _photo_row(placement="main"):
    return {
        "image": samples.jpeg("sala.jpg"),
        "alt_text": "Sala ośrodka",
        "placement": placement,
        "position": "0",
        "caption": "",
        "credit": "",
    }


def _attachment_row():
    return {
        "title": "Program dnia",
        "file": samples.upload("program.pdf", samples.pdf()),
        "language": "pl",
        "position": "0",
    }


def _award(form):
    form.set(
        title="Certyfikat Jakości",
        kind="certificate",
        issuer=str(IssuerFactory().pk),
        valid_from="01.01.2022",
        valid_until="31.12.2026",
        description="<p>Za jakość usług.</p>",
        document=samples.jpeg("skan.jpg", size=(900, 1200)),
    )
    form.data.pop("is_public", None)  # added hidden, published later
    form.add_row(ATTACHMENTS, **_attachment_row())


def _page(form):
    form.set(
        title="Dodatki mieszkaniowe",
        slug="dodatki-mieszkaniowe",
        body="<p>Kto może otrzymać dodatek.</p>",
        kind="standard",
    )
    form.data.pop("is_public", None)


def _notice(form):
    form.set(
        text="Ośrodek zamknięty 2 maja.",
        starts_at_0="01.05.2026",
        starts_at_1="08:00",
        ends_at_0="03.05.2026",
        ends_at_1="08:00",
        level="info",
    )


def _user(form):
    # The office's add form: name, e-mail, login, role (the first listed);
    # the password is a one-time one made by the form.
    form.set(
        first_name="Anna",
        last_name="Kowalska",
        email="anna.kowalska@mlawa.pl",
        username="anna.kowalska",
    )


SPECS = [
    Spec(
        Article,
        fill=_article,
        text=("lead", "Zapraszamy wszystkich mieszkańców."),
        files=[
            InlineSlot(
                ARTICLE_IMAGES,
                "image",
                lambda: samples.jpeg("nowe.jpg", color=(10, 90, 200)),
                _photo_row("gallery"),
                "images",
                second=True,
            ),
            InlineSlot(
                ATTACHMENTS,
                "file",
                lambda: samples.upload("nowy-program.pdf", samples.pdf()),
                _attachment_row(),
                "attachments",
            ),
        ],
        publish={"status": "published"},
        unpublish={"status": "draft"},
        public_text="lead",
    ),
    Spec(
        Category,
        fill=lambda f: f.set(name="Pomoc sąsiedzka", slug="pomoc-sasiedzka"),
        text=("description", "Wolontariat i pomoc sąsiedzka."),
    ),
    Spec(
        Award,
        fill=_award,
        text=("occasion", "Sesja Rady Miasta"),
        files=[
            FieldSlot("document", lambda: samples.upload("skan.pdf", samples.pdf())),
            InlineSlot(
                ATTACHMENTS,
                "file",
                lambda: samples.upload("uchwala.pdf", samples.pdf()),
                _attachment_row(),
                "attachments",
                second=True,
            ),
        ],
        publish={"is_public": "on"},
        unpublish={"is_public": None},
        public_text="occasion",
    ),
    Spec(
        Issuer,
        fill=lambda f: f.set(
            name="Fundacja Dobra", slug="fundacja-dobra", logo=samples.jpeg("l.jpg")
        ),
        text=("description", "Fundacja z Mławy."),
        files=[
            FieldSlot(
                "logo", lambda: samples.upload("logo2.png", samples.image_bytes("PNG"))
            )
        ],
    ),
    Spec(
        Page,
        fill=_page,
        text=("description", "Dodatek mieszkaniowy i energetyczny."),
        publish={"is_public": "on"},
        unpublish={"is_public": None},
        public_text="description",
    ),
    Spec(Notice, fill=_notice, text=("text", "Ośrodek nieczynny 2 maja.")),
    Spec(
        Office,
        fill=None,
        existing=Office.current,
        # One number per line, kept as separate values.
        text=("phones", "23 654 00 00\n23 654 00 01", ["23 654 00 00", "23 654 00 01"]),
        public_text="phones",
        deletable=False,
    ),
    Spec(
        AccessibilityStatement,
        fill=lambda f: f.set(
            site_url="https://mops.mlawa.pl/",
            contact_email="dostepnosc@mlawa.pl",
            is_published="on",
        ),
        existing=AccessibilityStatement.current,
        text=("contact_person", "Jan Nowak"),
        public_text="contact_person",
        deletable=False,
    ),
    Spec(
        get_user_model(),
        fill=_user,
        text=("first_name", "Anna"),
        user="superuser",
    ),
    Spec(
        Group,
        fill=lambda f: f.set(name="Koordynatorzy"),
        text=("name", "Koordynatorki"),
        user="superuser",
    ),
    Spec(
        Redirect,
        fill=lambda f: f.set(old_path="/stary-adres/", new_path="/kontakt/"),
        text=("new_path", "/o-nas/"),
    ),
]

#: Admin models without a lifecycle here, and why.
READ_ONLY = {
    "axes.accessattempt": "django-axes' log of failed logins: nobody adds or edits",
    "axes.accesslog": "django-axes' log of logins: read-only",
    "axes.accessfailurelog": "django-axes' log of failures: read-only",
}


def test_every_admin_model_has_a_lifecycle():
    registered = {model._meta.label_lower for model in admin.site._registry}
    covered = {spec.model._meta.label_lower for spec in SPECS}
    assert registered == covered | set(READ_ONLY)


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _media():
    """{stored name: content digest} of every uploaded file under MEDIA_ROOT (not
    the site's own copy of the office for error pages, in ``site/``)."""
    root = Path(settings.MEDIA_ROOT)
    if not root.exists():
        return {}
    return {
        p.relative_to(root).as_posix(): _digest(p)
        for p in root.rglob("*")
        if p.is_file() and not p.relative_to(root).as_posix().startswith("site/")
    }


def _referenced():
    """Files rows use, and files of kept versions (history restores them)."""
    names = versioned_file_names()
    for model, file_field in file_fields():
        names |= set(
            model._default_manager.exclude(**{file_field.name: ""}).values_list(
                file_field.name, flat=True
            )
        )
    return names


def _assert_files_match_rows():
    """Originals on disk are exactly the files rows or versions use; every rendition (in the
    ``r/`` folder next to its original) belongs to an original that exists."""
    stored = _media()
    originals = {name for name in stored if "/r/" not in name}
    assert originals == _referenced()
    stems = {name.rsplit(".", 1)[0] for name in originals}
    for name in stored.keys() - originals:
        folder, rendition = name.split("/r/")
        assert f"{folder}/{rendition.rsplit('-', 1)[0]}" in stems, name


class Walk:
    """One person's way through one model's admin."""

    def __init__(self, spec, client, capture):
        self.spec = spec
        self.client = client
        self.capture = capture
        self.opts = spec.model._meta

    def url(self, view, *args):
        return reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_{view}", args=args
        )

    def post(self, form, **extra):
        with self.capture(execute=True):
            response = form.post(**extra)
        assert response.status_code == 302, form_errors(response)
        _assert_files_match_rows()
        return response

    def change_form(self, obj):
        # A public article or page asks what kind of change this is: the walk
        # makes corrections (ignored by forms without the question).
        form = AdminForm.open(self.client, self.url("change", obj.pk))
        return form.set(change_kind="minor")

    def reload(self, obj):
        return self.spec.model._default_manager.get(pk=obj.pk)


def _snapshot(obj):
    """The row's values; times to the second, as forms show them (each save
    gets a new edit_version by design)."""
    values = {}
    for f in obj._meta.concrete_fields:
        value = getattr(obj, f.attname)
        if f.attname in {"updated_at", "last_login", "edit_version"}:
            continue
        if hasattr(value, "microsecond"):
            value = value.replace(microsecond=0)
        values[f.attname] = str(value)
    return values


@pytest.fixture
def person(request, publisher, admin_user):
    return {"publisher": publisher, "superuser": admin_user}


@pytest.mark.parametrize("spec", SPECS, ids=str)
def test_an_admin_form_through_its_whole_life(
    spec, client, publisher, admin_user, django_capture_on_commit_callbacks
):
    client.force_login(admin_user if spec.user == "superuser" else publisher)
    walk = Walk(spec, client, django_capture_on_commit_callbacks)
    model = spec.model

    # add (or open the record migrations created)
    if spec.existing:
        obj = spec.existing()
        assert client.get(walk.url("add")).status_code == 403
        if spec.fill:  # what the migration could not know, completed by staff
            form = walk.change_form(obj)
            spec.fill(form)
            walk.post(form)
            obj = walk.reload(obj)
    else:
        before = set(model._default_manager.values_list("pk", flat=True))
        form = AdminForm.open(client, walk.url("add"))
        spec.fill(form)
        walk.post(form)
        [pk] = set(model._default_manager.values_list("pk", flat=True)) - before
        obj = model._default_manager.get(pk=pk)

    # save unchanged: nothing moves, no file is rewritten
    stored, media = _snapshot(obj), _media()
    walk.post(walk.change_form(obj))
    obj = walk.reload(obj)
    assert _snapshot(obj) == stored
    assert _media() == media

    # change text only
    name, value, *stored = spec.text
    walk.post(walk.change_form(obj).set(**{name: value}))
    obj = walk.reload(obj)
    assert getattr(obj, name) == (stored[0] if stored else value)
    assert _media() == media

    for slot in spec.files:
        _walk_files(walk, obj, slot)
        obj = walk.reload(obj)

    if spec.publish:
        _set(walk, obj, spec.publish)
        obj = walk.reload(obj)
        assert client.get(obj.get_absolute_url()).status_code == 200
        # change the published item: the public page shows it
        walk.post(
            walk.change_form(obj).set(**{spec.public_text: "Zmieniono po publikacji."})
        )
        client.logout()
        page = client.get(walk.reload(obj).get_absolute_url())
        assert "Zmieniono po publikacji." in page.content.decode()
        client.force_login(publisher)
        _set(walk, obj, spec.unpublish)
        client.logout()
        assert client.get(obj.get_absolute_url()).status_code == 404
        client.force_login(publisher)
    elif spec.public_text:
        walk.post(walk.change_form(obj).set(**{spec.public_text: "23 600 00 00"}))
        client.logout()
        assert "23 600 00 00" in client.get(obj.get_absolute_url()).content.decode()
        client.force_login(publisher)

    # delete, as the confirmation page posts it; its files go with it
    if spec.deletable:
        assert client.get(walk.url("delete", obj.pk)).status_code == 200
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(walk.url("delete", obj.pk), {"post": "yes"})
        assert response.status_code == 302
        assert not model._default_manager.filter(pk=obj.pk).exists()
        _assert_files_match_rows()
    else:
        assert client.get(walk.url("delete", obj.pk)).status_code == 403


def _set(walk, obj, values):
    form = walk.change_form(obj)
    for key, value in values.items():
        if value is None:
            form.data.pop(key, None)
        else:
            form.data[key] = value
    walk.post(form)


def _walk_files(walk, obj, slot):
    """Replace, remove ("Usuń"), and add the slot's file again (or a second one)."""
    before = slot.files(obj)
    assert before, f"{slot.name}: the add step stored no file"
    kept = {n: d for n, d in _media().items() if n not in before}

    # replace
    form = walk.change_form(obj)
    if isinstance(slot, FieldSlot):
        form.set(**{slot.name: slot.make()})
    else:
        form.set_row(slot.prefix, 0, **{slot.name: slot.make()})
    walk.post(form)
    obj = walk.reload(obj)
    after = slot.files(obj)
    assert len(after) == len(before) and after[0] != before[0]
    # The replaced file stays: the earlier version in history can restore it.
    assert before[0] in _media()
    assert all(_media().get(n) == d for n, d in kept.items() if "/r/" not in n)

    # remove ("Wyczyść" on an optional field, "Usuń" on an inline row)
    form = walk.change_form(obj)
    if isinstance(slot, FieldSlot):
        form.set(**{f"{slot.name}-clear": "on"})
    else:
        form.set_row(slot.prefix, 0, DELETE="on")
    walk.post(form)
    obj = walk.reload(obj)
    assert slot.files(obj) == after[1:]
    assert after[0] in _media()  # kept for history, as above

    # add again, then a second one where the slot holds several
    form = walk.change_form(obj)
    if isinstance(slot, FieldSlot):
        form.set(**{slot.name: slot.make()})
    else:
        form.add_row(slot.prefix, **{**slot.row, slot.name: slot.make()})
    walk.post(form)
    if isinstance(slot, InlineSlot) and slot.second:
        form = walk.change_form(walk.reload(obj))
        form.add_row(slot.prefix, **{**slot.row, slot.name: slot.make()})
        walk.post(form)
        assert len(slot.files(walk.reload(obj))) == 2
