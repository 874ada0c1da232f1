import pytest

from base.models import Office

pytestmark = pytest.mark.django_db


def test_the_office_record_is_edited_not_added_or_deleted(client, publisher):
    client.force_login(publisher)
    office = Office.current()
    assert client.get("/admin/base/office/add/").status_code == 403
    assert client.get(f"/admin/base/office/{office.pk}/delete/").status_code == 403
    response = client.post(
        f"/admin/base/office/{office.pk}/change/",
        {
            "name": "Centrum Usług Społecznych w Mławie",
            "short_name": "CUS Mława",
            "street_address": "ul. Lelewela 7",
            "postal_code": "06-500",
            "city": "Mława",
            "phones": "23 654 35 60\n23 654 27 69",
            "email": "",
            "office_hours": "pon.–pt. 7:30–15:30",
            "bip_url": "",
        },
    )
    assert response.status_code == 302
    client.logout()
    home = client.get("/").content.decode()
    assert "Centrum Usług Społecznych w Mławie" in home
    assert "ul. Lelewela 7" in home


def test_every_admin_with_a_rich_text_field_gives_the_editor_the_csp_nonce():
    from django.contrib import admin as django_admin

    from base.admin import CspNonceMediaMixin
    from base.fields import RichTextField

    with_rich_text = {
        model
        for model in django_admin.site._registry
        if any(isinstance(f, RichTextField) for f in model._meta.get_fields())
    }
    assert len(with_rich_text) >= 4  # articles, awards, pages, the statement
    for model in with_rich_text:
        assert isinstance(django_admin.site._registry[model], CspNonceMediaMixin), model


def test_each_phone_number_is_checked_on_its_own(client, publisher):
    from tests.admin_forms import AdminForm

    client.force_login(publisher)
    office = Office.current()
    form = AdminForm.open(client, f"/admin/base/office/{office.pk}/change/")
    assert form["phones"] == "\n".join(office.phones)
    response = form.post(phones="23 654 35 60\nzadzwoń rano", change_kind="minor")
    assert response.status_code == 200
    [error] = response.context["adminform"].form.errors.as_data()["phones"]
    assert error.code == "invalid_phone" and error.params == {"number": "zadzwoń rano"}
    office.refresh_from_db()
    assert "zadzwoń rano" not in office.phones
