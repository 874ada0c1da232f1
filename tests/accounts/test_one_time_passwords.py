"""A new staff member, as the office adds one: name, e-mail, login and role in
the panel (or add_staff); a one-time password shown once; at the first
sign-in the person must choose their own before anything else opens."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from tests.admin_forms import AdminForm, form_errors

pytestmark = pytest.mark.django_db


def _sign_in(client, username, password):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
    )


def _choose_own(client, old, new="Moje-nowe-haslo-2026"):
    return client.post(
        reverse("admin:password_change"),
        {"old_password": old, "new_password1": new, "new_password2": new},
    )


def test_the_office_adds_a_person_with_a_role_and_a_one_time_password(
    client, admin_user
):
    client.force_login(admin_user)
    form = AdminForm.open(client, reverse("admin:auth_user_add"))
    assert not any("password" in name for name in form.data)
    form.set(
        first_name="Anna",
        last_name="Kowalska",
        email="anna.kowalska@mlawa.pl",
        username="anna.kowalska",
    )
    editors = form.data["role"]  # the first role listed
    response = form.post(role=editors)
    assert response.status_code == 302, form_errors(response)
    anna = get_user_model().objects.get(username="anna.kowalska")
    shown = client.get(response.url)
    assert "no-store" in shown["Cache-Control"]
    password = shown.context["one_time_password"]
    assert password in shown.content.decode()
    # Shown once.
    assert password not in client.get(response.url).content.decode()
    assert anna.is_staff and anna.last_login is None
    assert [g.name for g in anna.groups.all()] == ["Redaktorzy"]
    assert anna.check_password(password)

    client.logout()
    signed_in = _sign_in(client, "anna.kowalska", password)
    assert signed_in.url == reverse("admin:password_change")
    # Nothing else opens until she chooses her own.
    for url in [reverse("admin:index"), reverse("admin:news_article_add")]:
        blocked = client.get(url, follow=True)
        assert blocked.redirect_chain[-1][0] == reverse("admin:password_change"), url
    assert "było jednorazowe" in blocked.content.decode()
    # …also after signing out and in again.
    client.post(reverse("admin:logout"))
    assert _sign_in(client, "anna.kowalska", password).url == reverse(
        "admin:password_change"
    )
    chosen = _choose_own(client, password)
    assert chosen.status_code == 302, form_errors(chosen)
    assert client.get(reverse("admin:index")).status_code == 200
    anna.refresh_from_db()
    assert anna.last_login is not None
    client.post(reverse("admin:logout"))
    assert _sign_in(client, "anna.kowalska", "Moje-nowe-haslo-2026").url == reverse(
        "admin:index"
    )


def test_add_staff_hands_over_a_one_time_password_too(client):
    out = StringIO()
    call_command(
        "add_staff", "jan.nowak", role="publisher", email="jan@mlawa.pl", stdout=out
    )
    password = out.getvalue().split("Hasło jednorazowe: ")[1].split()[0]
    assert _sign_in(client, "jan.nowak", password).url == reverse(
        "admin:password_change"
    )


def test_a_password_set_for_someone_else_is_one_time(client, admin_user, editor):
    client.force_login(admin_user)
    form = AdminForm.open(
        client, reverse("admin:auth_user_password_change", args=[editor.pk])
    )
    response = form.post(password1="Haslo-od-admina-1", password2="Haslo-od-admina-1")
    assert response.status_code == 302, form_errors(response)
    client.logout()
    assert _sign_in(client, editor.username, "Haslo-od-admina-1").url == reverse(
        "admin:password_change"
    )


def test_the_user_list_fits_its_columns(client, admin_user):
    client.force_login(admin_user)
    html = client.get(reverse("admin:auth_user_changelist")).content.decode()
    assert "column-roles" in html and "column-email" not in html


def test_save_and_add_another_still_shows_the_password_once(client, admin_user):
    client.force_login(admin_user)
    form = AdminForm.open(client, reverse("admin:auth_user_add"))
    form.set(
        first_name="Jan",
        last_name="Nowak",
        email="jan.nowak@mlawa.pl",
        username="jan.nowak",
    )
    response = form.post(_addanother="1")
    jan = get_user_model().objects.get(username="jan.nowak")
    assert response.url == reverse("admin:auth_user_change", args=[jan.pk])
    shown = client.get(response.url)
    assert jan.check_password(shown.context["one_time_password"])
