import pytest
from django.core.exceptions import ValidationError

from pages.models import AccessibilityStatement, Page

pytestmark = pytest.mark.django_db


def _codes(error, field):
    return [e.code for e in error.value.error_dict[field]]


def test_only_youtube_videos_are_accepted():
    page = Page(title="Film", slug="film", video_url="https://example.com/film.mp4")
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert _codes(error, "video_url") == ["not_youtube"]


@pytest.mark.parametrize(
    "slug",
    [
        "aktualnosci",
        "wyroznienia",
        "szukaj",
        "deklaracja-dostepnosci",
        "ustawienia",
        "admin",
        "healthz",
        "static",
        "media",
    ],
)
def test_a_page_cannot_take_an_address_the_site_uses(slug):
    page = Page(title="Strona", slug=slug)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert _codes(error, "slug") == ["reserved_slug"]


def test_the_reserved_addresses_come_from_the_urls_not_a_list(settings):
    page = Page(title="Projekty", slug="projekty")
    page.full_clean()  # free today
    settings.ROOT_URLCONF = "tests.urls_with_a_new_section"
    with pytest.raises(ValidationError) as error:
        page.full_clean()  # taken once a section answers there
    assert _codes(error, "slug") == ["reserved_slug"]


def test_page_body_is_cleaned_on_create():
    page = Page.objects.create(
        title="X", slug="x", body='<p onmouseover="x()">a</p><script>x()</script>'
    )
    assert page.body == "<p>a</p>"


def test_statement_needs_inaccessible_content_unless_compliant():
    statement = AccessibilityStatement.current()
    statement.contact_email = "dostepnosc@example.pl"
    statement.site_url = "https://mops.example.pl/"
    statement.inaccessible_content = ""
    with pytest.raises(ValidationError) as error:
        statement.full_clean()
    assert _codes(error, "inaccessible_content") == ["inaccessible_content_missing"]
    statement.status = AccessibilityStatement.Status.COMPLIANT
    statement.full_clean()


def test_the_statement_points_at_the_configured_site(settings):
    assert (
        AccessibilityStatement.current().site_url == f"https://{settings.SITE_DOMAIN}/"
    )
