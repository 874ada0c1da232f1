import datetime

import pytest
from PIL import Image

from awards.models import Award, Issuer
from tests import samples
from tests.admin_forms import ATTACHMENTS, inline_rows
from tests.factories import AwardFactory, IssuerFactory

pytestmark = pytest.mark.django_db


def test_a_scanned_image_is_cleaned_and_shown_with_renditions_and_alt(client, settings):
    award = AwardFactory(
        title="Certyfikat CAL",
        document=samples.jpeg("skan certyfikatu.jpg", size=(1400, 1000), gps=True),
    )
    assert award.document.name.endswith("/skan-certyfikatu.jpg")
    assert (award.document_width, award.document_height) == (1400, 1000)
    with Image.open(settings.MEDIA_ROOT / award.document.name) as image:
        assert not image.getexif().get_ifd(samples.GPS_IFD)
    html = client.get(award.get_absolute_url()).content.decode()
    assert f'alt="Skan dokumentu: Certyfikat CAL, {award.issuer.name}"' in html
    assert "-800w.webp 800w" in html
    assert 'width="1200" height="857"' in html


def test_a_pdf_scan_is_not_treated_as_an_image(client):
    award = AwardFactory(document=samples.upload("skan.jpg", samples.pdf()))
    assert award.document.name.endswith("/skan.pdf")
    assert award.document_width is None
    html = client.get(award.get_absolute_url()).content.decode()
    assert "(PDF, 2,0\xa0KB)" in html


def test_an_svg_scan_is_refused_in_the_admin(client, publisher, settings):
    issuer = IssuerFactory()
    client.force_login(publisher)
    response = client.post(
        "/admin/awards/award/add/",
        {
            "title": "Certyfikat",
            "kind": "certificate",
            "issuer": issuer.pk,
            "recipient": "MOPS",
            "description": "",
            "valid_from": "2022-01-01",
            "valid_until": "2026-12-31",
            "is_public": "on",
            "document": samples.upload("skan.svg", samples.svg()),
            **inline_rows(ATTACHMENTS),
        },
    )
    assert response.status_code == 200
    assert "To nie jest poprawny obraz" in response.content.decode()
    assert not Award.objects.exists()
    assert not (settings.MEDIA_ROOT).exists() or not any(
        settings.MEDIA_ROOT.rglob("*.*")
    )


def test_hostile_html_in_an_award_description_is_stored_clean(client, publisher):
    issuer = IssuerFactory()
    client.force_login(publisher)
    client.post(
        "/admin/awards/award/add/",
        {
            "title": "Certyfikat",
            "kind": "certificate",
            "issuer": issuer.pk,
            "recipient": "MOPS",
            "description": '<p>Opis<img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a></p>'
            '<style>body{display:none}</style><form action="https://zly.example"><input></form>',
            "valid_from": "2022-01-01",
            "valid_until": "2026-12-31",
            "is_public": "on",
            **inline_rows(ATTACHMENTS),
        },
    )
    description = Award.objects.get().description
    assert description == '<p>Opis<a rel="noopener noreferrer">x</a></p>'


def test_issuer_logo_is_cleaned_and_sized(client):
    issuer = Issuer.objects.create(
        name="Stowarzyszenie",
        slug="stowarzyszenie",
        logo=samples.jpeg("logo.jpg", size=(300, 120), gps=True),
    )
    assert (issuer.logo_width, issuer.logo_height) == (300, 120)
    AwardFactory(issuer=issuer, valid_from=datetime.date(2022, 1, 1))
    html = client.get(issuer.get_absolute_url()).content.decode()
    assert 'alt="Logo: Stowarzyszenie" width="300" height="120"' in html
