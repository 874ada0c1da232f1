"""A form that comes back with errors says exactly what to do, and what was lost."""

import pytest

from base.models import Notice
from news.models import Article
from tests import samples
from tests.admin_forms import ARTICLE_IMAGES, ATTACHMENTS, AdminForm

pytestmark = pytest.mark.django_db


def _codes(form, field):
    return [error.code for error in form.errors.as_data()[field]]


def test_files_chosen_on_a_form_with_errors_are_named_to_pick_again(client, publisher):
    client.force_login(publisher)
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
    response = form.post()
    assert response.status_code == 200
    html = response.content.decode()
    assert "wybrane pliki nie zostały zapisane: sala.jpg, wniosek.pdf" in html
    assert "wybierz te pliki ponownie" in html
    assert not Article.objects.exists()


def test_a_form_error_without_files_does_not_talk_about_files(client, publisher):
    client.force_login(publisher)
    form = AdminForm.open(client, "/admin/news/article/add/").set(title="")
    html = form.post().content.decode()
    assert "pliki nie zostały zapisane" not in html


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
