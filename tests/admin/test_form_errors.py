"""A form that comes back with errors says exactly what to do, and what was lost."""

import re

import pytest

from base.models import Attachment, Notice
from news.models import Article
from tests import samples
from tests.admin_forms import ARTICLE_IMAGES, ATTACHMENTS, AdminForm, form_errors

pytestmark = pytest.mark.django_db


def _codes(form, field):
    return [error.code for error in form.errors.as_data()[field]]


def _kept(settings):
    kept = settings.MEDIA_ROOT / "kept"
    return (
        sorted(p.name for p in kept.rglob("*") if p.is_file()) if kept.exists() else []
    )


def _with_two_files(client):
    form = AdminForm.open(client, "/admin/news/article/add/")
    form.set(title="", lead="Zajawka.")  # the title is missing
    form.add_row(
        ARTICLE_IMAGES,
        image=samples.jpeg("sala.jpg"),
        alt_text="Sala",
        placement="main",
        position="0",
    )
    form.add_row(
        ATTACHMENTS,
        title="Wniosek",
        file=samples.upload("wniosek.pdf", samples.pdf()),
        language="pl",
        position="0",
    )
    return form


def test_files_chosen_on_a_form_with_errors_wait_for_the_retry(
    client, publisher, settings
):
    client.force_login(publisher)
    form = _with_two_files(client)
    response = form.post()
    assert response.status_code == 200
    html = response.content.decode()
    assert "nie trzeba ich wybierać ponownie" in html
    assert "<strong>sala.jpg</strong>, <strong>wniosek.pdf</strong>" in html
    assert not Article.objects.exists()
    assert _kept(settings) == ["sala.jpg", "wniosek.pdf"]

    # The retry, as a browser sends it: the file inputs empty, the tickets in.
    again = AdminForm(client, form.url, [], [])
    again.data = {k: v for k, v in response.context["adminform"].form.data.items()}
    for key, ticket in re.findall(r'name="([^"]+__kept)" value="([^"]+)"', html):
        again.data[key] = ticket
    for key in [f"{ARTICLE_IMAGES}-0-image", f"{ATTACHMENTS}-0-file"]:
        again.data.pop(key, None)
    saved = again.post(title="Dzień otwarty")
    assert saved.status_code == 302, form_errors(saved)
    article = Article.objects.get()
    assert article.images.get().image.name.endswith("sala.jpg")
    assert article.attachments.get().file.name.endswith("wniosek.pdf")
    assert article.attachments.get().file.size == len(samples.pdf())
    assert _kept(settings) == []  # saved: the kept copies are gone


def test_a_kept_file_is_only_for_who_chose_it(client, publisher, editor, settings):
    client.force_login(publisher)
    html = _with_two_files(client).post().content.decode()
    tickets = dict(re.findall(r'name="([^"]+__kept)" value="([^"]+)"', html))
    client.force_login(editor)
    form = AdminForm.open(client, "/admin/news/article/add/")
    form.set(title="Cudzy plik", lead="Zajawka.", **tickets)
    form.data[f"{ATTACHMENTS}-TOTAL_FORMS"] = "1"
    form.data.update(
        {f"{ATTACHMENTS}-0-title": "Wniosek", f"{ATTACHMENTS}-0-language": "pl"}
    )
    form.post()
    assert not Attachment.objects.exists()


def test_a_file_refused_for_what_it_is_is_not_kept(client, publisher, settings):
    client.force_login(publisher)
    form = AdminForm.open(client, "/admin/news/article/add/")
    form.set(title="", lead="Zajawka.")
    form.add_row(
        ARTICLE_IMAGES,
        image=samples.upload("program.jpg", samples.renamed_executable()),
        alt_text="Sala",
        placement="main",
        position="0",
    )
    html = form.post().content.decode()
    assert "__kept" not in html and _kept(settings) == []


def test_a_form_error_without_files_does_not_talk_about_files(client, publisher):
    client.force_login(publisher)
    form = AdminForm.open(client, "/admin/news/article/add/").set(title="")
    html = form.post().content.decode()
    assert "nie trzeba ich wybierać" not in html


def test_dates_in_the_wrong_format_get_the_format_to_use(client, publisher):
    client.force_login(publisher)
    form = AdminForm.open(client, "/admin/base/notice/add/")
    form.set(
        text="Komunikat",
        starts_at_0="2026-13-45",
        starts_at_1="8",
        ends_at_0="05.12.2026",
        ends_at_1="25:99",
    )
    html = form.post().content.decode()
    assert "Wpisz datę w formacie dd.mm.rrrr, np. 05.12.2026." in html
    assert "Wpisz godzinę w formacie gg:mm, np. 10:00." in html
    assert not Notice.objects.exists()


def test_the_notice_form_reports_all_its_errors_at_once(client, publisher):
    client.force_login(publisher)
    form = AdminForm.open(client, "/admin/base/notice/add/")
    form.set(
        text="Komunikat",
        starts_at_0="05.12.2026",
        starts_at_1="10:00",
        ends_at_0="04.12.2026",
        ends_at_1="10:00",
        link_url="//evil.example/aktualnosci/",  # another site, a path's look
        link_text="",
    )
    response = form.post()
    errors = response.context["adminform"].form
    assert _codes(errors, "ends_at") == ["ends_before_start"]
    assert _codes(errors, "link_url") == ["invalid_link"]
    assert _codes(errors, "link_text") == ["link_text_missing"]


def test_an_empty_file_says_what_to_do(client, publisher):
    client.force_login(publisher)
    form = AdminForm.open(client, "/admin/news/article/add/")
    form.set(title="Pusty plik", lead="Zajawka.")
    form.add_row(
        ATTACHMENTS,
        title="Wniosek",
        file=samples.upload("wniosek.pdf", b""),
        language="pl",
        position="0",
    )
    html = form.post().content.decode()
    assert "Wybrany plik jest pusty (0 bajtów)" in html
    assert "wybierz go ponownie" in html


def test_an_abandoned_kept_file_goes_with_cleanup_media(client, publisher, settings):
    import os
    import time
    from io import StringIO

    from django.core.management import call_command

    client.force_login(publisher)
    _with_two_files(client).post()
    assert _kept(settings) == ["sala.jpg", "wniosek.pdf"]
    hour_ago = time.time() - 2 * 60 * 60
    for path in (settings.MEDIA_ROOT / "kept").rglob("*"):
        os.utime(path, (hour_ago, hour_ago))
    call_command("cleanup_media", "--delete", stdout=StringIO())
    assert _kept(settings) == []
