"""A notice's link: a path on this site or a web address, typed as staff type
them; never another site under a site path's look."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from base.fields import invalid_links
from base.models import Notice


def _notice(link):
    now = timezone.now()
    return Notice(
        text="Nieczynne 24 grudnia",
        link_url=link,
        link_text="Szczegóły",
        starts_at=now,
        ends_at=now + datetime.timedelta(days=1),
    )


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("/aktualnosci/goracy-posilek/", "/aktualnosci/goracy-posilek/"),
        ("https://www.mlawa.pl/", "https://www.mlawa.pl/"),
        ("www.mlawa.pl", "https://www.mlawa.pl"),
        ("  www.gov.pl/web/rodzina  ", "https://www.gov.pl/web/rodzina"),
    ],
)
def test_site_paths_and_web_addresses_are_accepted(typed, stored):
    notice = _notice(typed)
    notice.clean()
    assert notice.link_url == stored


@pytest.mark.parametrize(
    "typed",
    [
        "//evil.example/aktualnosci/",
        "/\\evil.example/aktualnosci/",
        "\\\\evil.example",
        "javascript:alert(1)",
        "ftp://example.pl/plik",
        "nie link",
    ],
)
def test_another_site_under_a_site_paths_look_is_refused(typed):
    with pytest.raises(ValidationError) as error:
        _notice(typed).clean()
    assert error.value.error_dict["link_url"][0].code == "invalid_link"


def test_rich_text_links_with_a_backslash_are_not_working_links():
    assert invalid_links('<p><a href="/\\evil.example/">x</a></p>')
    assert not invalid_links('<p><a href="/aktualnosci/">x</a></p>')
