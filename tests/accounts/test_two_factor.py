"""The panel's two-step login, as staff meet it: a password, then a code from
the phone app (or a recovery code), required for superusers and publishers,
optional for editors; and the optional allow-list of networks."""

import ipaddress
import re
import time

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from news.models import Article

pytestmark = pytest.mark.django_db

PASSWORD = "hasło-testowe-123"


@pytest.fixture(autouse=True)
def required(settings):
    settings.ADMIN_TWO_FACTOR_REQUIRED = True


def code_for(device, offset=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset
    return f"{totp.token():06d}"


def sign_in(client, user, next_url=""):
    user.set_password(PASSWORD)
    user.save()
    # The login form carries "next" (the panel's start page unless given).
    data = {
        "username": user.username,
        "password": PASSWORD,
        "next": next_url or reverse("admin:index"),
    }
    return client.post(reverse("admin:login"), data)


def enrol(client, user):
    """Sign in and connect the phone app; returns the device and the codes."""
    sign_in(client, user)
    page = client.get(reverse("admin:two_factor_setup"))
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    done = client.post(reverse("admin:two_factor_setup"), {"code": code_for(device)})
    codes = re.findall(r"<code>([a-z2-9]{4}-[a-z2-9]{4})</code>", done.text)
    client.post(reverse("admin:two_factor_sign_out"))
    device.refresh_from_db()
    return page, device, codes


def test_a_publisher_is_sent_to_connect_a_phone_after_the_password(client, publisher):
    response = sign_in(
        client, publisher, next_url=reverse("admin:news_article_changelist")
    )
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:two_factor_setup"))
    assert "next=/admin/news/article/" in response.url
    # With the password alone the panel stays shut: every page leads back.
    index = client.get(reverse("admin:index"))
    assert index.status_code == 302
    assert client.get(index.url).url.startswith(reverse("admin:two_factor_setup"))
    assert client.get(reverse("admin:news_article_changelist")).status_code == 302


def test_setting_up_the_app_shows_a_qr_code_and_the_key(client, publisher):
    sign_in(client, publisher)
    page = client.get(reverse("admin:two_factor_setup"))
    assert page.status_code == 200
    assert "<svg" in page.text and "Kod QR do zeskanowania" in page.text
    device = TOTPDevice.objects.get(user=publisher, confirmed=False)
    key = re.search(r'class="two-factor-key">([A-Z2-7 ]+)<', page.text).group(1)
    assert device.config_url.split("secret=")[1].startswith(key.replace(" ", ""))
    assert "issuer=Panel" in device.config_url
    # Reloading the page keeps the same key (the scan already done still works).
    client.get(reverse("admin:two_factor_setup"))
    assert TOTPDevice.objects.filter(user=publisher).count() == 1


def test_a_wrong_first_code_is_refused_in_polish_and_nothing_is_enabled(
    client, publisher
):
    sign_in(client, publisher)
    client.get(reverse("admin:two_factor_setup"))
    device = TOTPDevice.objects.get(user=publisher)
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    response = client.post(reverse("admin:two_factor_setup"), {"code": wrong})
    assert response.status_code == 200
    assert "Ten kod się nie zgadza" in response.text
    assert not TOTPDevice.objects.filter(user=publisher, confirmed=True).exists()
    assert client.get(reverse("admin:index")).status_code == 302


def test_the_right_first_code_enables_it_and_shows_ten_recovery_codes_once(
    client, publisher
):
    sign_in(client, publisher, next_url=reverse("admin:news_article_changelist"))
    client.get(reverse("admin:two_factor_setup"))
    device = TOTPDevice.objects.get(user=publisher)
    response = client.post(
        reverse("admin:two_factor_setup"),
        {"code": code_for(device), "next": reverse("admin:news_article_changelist")},
    )
    codes = re.findall(r"<code>([a-z2-9]{4}-[a-z2-9]{4})</code>", response.text)
    assert len(set(codes)) == 10
    assert "nie zobaczysz ich ponownie" in response.text
    assert f'href="{reverse("admin:news_article_changelist")}"' in response.text
    # This session passed the second step: the panel is open.
    assert client.get(reverse("admin:index")).status_code == 200
    overview = client.get(reverse("admin:two_factor"))
    assert "Pozostałe kody zapasowe: <strong>10</strong>" in overview.text
    assert codes[0] not in overview.text


def test_the_next_login_asks_for_the_code_and_a_wrong_one_keeps_the_panel_shut(
    client, publisher
):
    _, device, _ = enrol(client, publisher)
    response = sign_in(client, publisher)
    assert response.url.startswith(reverse("admin:two_factor_verify"))
    page = client.get(response.url)
    assert "sześciocyfrowy kod" in page.text
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    refused = client.post(reverse("admin:two_factor_verify"), {"code": wrong})
    assert "Nieprawidłowy kod" in refused.text
    assert client.get(reverse("admin:index")).status_code == 302


def test_the_right_code_opens_the_panel_where_the_person_was_going(client, publisher):
    _, device, _ = enrol(client, publisher)
    target = reverse("admin:news_article_changelist")
    response = sign_in(client, publisher, next_url=target)
    assert response.url == f"{reverse('admin:two_factor_verify')}?next={target}"
    device.refresh_from_db()
    # The next time step's code counts (the phone's clock may run a little
    # ahead); this step's was used up by the enrolment.
    done = client.post(
        reverse("admin:two_factor_verify"),
        {"code": code_for(device, offset=30), "next": target},
    )
    assert done.status_code == 302 and done.url == target
    assert client.get(target).status_code == 200


def test_an_outside_next_address_is_not_followed(client, publisher):
    _, device, _ = enrol(client, publisher)
    sign_in(client, publisher)
    done = client.post(
        reverse("admin:two_factor_verify"),
        {"code": code_for(device, 30), "next": "https://zly.example/"},
    )
    assert done.url == reverse("admin:index")


def test_a_used_code_cannot_be_used_again(client, publisher):
    _, device, _ = enrol(client, publisher)
    code = code_for(device)
    sign_in(client, publisher)
    device.refresh_from_db()
    # The enrolment used this time step's code already.
    refused = client.post(reverse("admin:two_factor_verify"), {"code": code})
    assert refused.status_code == 200
    assert client.get(reverse("admin:index")).status_code == 302


def test_the_right_code_right_after_a_typo_is_accepted(client, publisher):
    _, device, _ = enrol(client, publisher)
    sign_in(client, publisher)
    wrong = f"{(int(code_for(device, 30)) + 1) % 1_000_000:06d}"
    typo = client.post(reverse("admin:two_factor_verify"), {"code": wrong})
    assert "Nieprawidłowy kod" in typo.text
    client.post(reverse("admin:two_factor_verify"), {"code": code_for(device, 30)})
    assert client.get(reverse("admin:index")).status_code == 200


def test_guessing_codes_is_slowed_down(client, publisher):
    _, device, _ = enrol(client, publisher)
    sign_in(client, publisher)
    wrong = f"{(int(code_for(device, 30)) + 1) % 1_000_000:06d}"
    for _ in range(3):
        client.post(reverse("admin:two_factor_verify"), {"code": wrong})
    # After three wrong codes even the right one waits, and the page says how long.
    response = client.post(
        reverse("admin:two_factor_verify"), {"code": code_for(device, 30)}
    )
    assert "Zbyt wiele błędnych kodów. Odczekaj" in response.text
    assert client.get(reverse("admin:index")).status_code == 302


def test_recovery_codes_have_no_look_alike_letters_and_can_be_printed(
    client, publisher
):
    page, _, codes = enrol(client, publisher)
    assert len(codes) == 10
    assert not set("".join(codes)) & set("01ilo")
    sign_in(client, publisher)
    # (a fresh set, shown once, with a print button and wording for anyone)
    client.post(reverse("admin:two_factor_verify"), {"code": codes[0]})
    fresh = client.post(reverse("admin:two_factor_codes"), follow=True)
    assert "data-print" in fresh.text and "Wydrukuj kody" in fresh.text
    assert "Kody zapisane, przejdź dalej" in fresh.text
    assert "Zapisałem" not in fresh.text


def test_a_recovery_code_works_once_instead_of_the_phone(client, publisher):
    _, _, codes = enrol(client, publisher)
    sign_in(client, publisher)
    response = client.post(
        reverse("admin:two_factor_verify"), {"code": codes[0].upper()}, follow=True
    )
    assert response.status_code == 200
    assert "Użyto kodu zapasowego; zostało 9" in response.text
    client.post(reverse("admin:logout"))
    sign_in(client, publisher)
    again = client.post(reverse("admin:two_factor_verify"), {"code": codes[0]})
    assert "Nieprawidłowy kod" in again.text
    assert StaticDevice.objects.get(user=publisher).token_set.count() == 9


def test_new_recovery_codes_replace_the_old_ones(client, publisher):
    _, device, old = enrol(client, publisher)
    sign_in(client, publisher)
    client.post(reverse("admin:two_factor_verify"), {"code": code_for(device, 30)})
    response = client.post(reverse("admin:two_factor_codes"))
    new = re.findall(r"<code>([a-z2-9]{4}-[a-z2-9]{4})</code>", response.text)
    assert len(new) == 10 and not set(new) & set(old)
    remaining = set(
        StaticDevice.objects.get(user=publisher).token_set.values_list(
            "token", flat=True
        )
    )
    assert remaining == {code.replace("-", "") for code in new}


def test_half_signed_in_sessions_cannot_touch_the_settings(client, publisher):
    _, _, old = enrol(client, publisher)
    sign_in(client, publisher)  # password only
    response = client.post(reverse("admin:two_factor_codes"))
    assert response.status_code == 302
    assert StaticDevice.objects.get(user=publisher).token_set.count() == 10
    # Connecting "a new phone" needs the old one (or a recovery code) first.
    setup = client.get(reverse("admin:two_factor_setup"))
    assert setup.url.startswith(reverse("admin:two_factor_verify"))
    assert TOTPDevice.objects.filter(user=publisher).count() == 1


def test_a_half_signed_in_publisher_cannot_preview_drafts(client, publisher):
    article = Article.objects.create(title="Szkic w przygotowaniu", body="<p>x</p>")
    sign_in(client, publisher)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_leaving_half_way_signs_out(client, publisher):
    sign_in(client, publisher)
    response = client.post(reverse("admin:two_factor_sign_out"))
    assert response.url == reverse("admin:login")
    assert "_auth_user_id" not in client.session


def test_an_editor_may_go_without_it_and_may_turn_it_on_and_off(client, editor):
    response = sign_in(client, editor)
    assert response.url == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200
    overview = client.get(reverse("admin:two_factor"))
    assert "Wyłączona." in overview.text
    # Turned on: from now on the editor's logins ask for the code too.
    client.post(reverse("admin:two_factor_sign_out"))
    _, device, _ = enrol(client, editor)
    assert sign_in(client, editor).url.startswith(reverse("admin:two_factor_verify"))
    client.post(reverse("admin:two_factor_verify"), {"code": code_for(device, 30)})
    assert "Wyłącz weryfikację" in client.get(reverse("admin:two_factor")).text
    client.post(reverse("admin:two_factor_disable"))
    assert not TOTPDevice.objects.filter(user=editor).exists()
    client.post(reverse("admin:logout"))
    assert sign_in(client, editor).url == reverse("admin:index")


def test_a_publisher_cannot_turn_it_off(client, publisher):
    _, device, _ = enrol(client, publisher)
    sign_in(client, publisher)
    client.post(reverse("admin:two_factor_verify"), {"code": code_for(device, 30)})
    assert "Wyłącz weryfikację" not in client.get(reverse("admin:two_factor")).text
    response = client.post(reverse("admin:two_factor_disable"), follow=True)
    assert "nie można jej wyłączyć" in response.text
    assert TOTPDevice.objects.filter(user=publisher, confirmed=True).exists()


def test_a_superuser_resets_a_lost_phone_and_the_person_connects_a_new_one(
    client, publisher, admin_user
):
    enrol(client, publisher)
    owner = admin_user
    _, owner_device, _ = enrol(client, owner)
    sign_in(client, owner)
    client.post(
        reverse("admin:two_factor_verify"), {"code": code_for(owner_device, 30)}
    )
    users = client.get(reverse("admin:auth_user_changelist"))
    assert "Wyłącz weryfikację dwuetapową (np. po utracie telefonu)" in users.text
    response = client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_two_factor", "_selected_action": [publisher.pk]},
        follow=True,
    )
    assert "Wyłączono weryfikację dwuetapową dla 1 os." in response.text
    assert not TOTPDevice.objects.filter(user=publisher).exists()
    assert not StaticDevice.objects.filter(user=publisher).exists()
    assert TOTPDevice.objects.filter(user=owner).exists()
    client.post(reverse("admin:logout"))
    assert sign_in(client, publisher).url.startswith(reverse("admin:two_factor_setup"))


def test_only_superusers_may_reset_someone_elses(client, publisher):
    from django.contrib.auth.models import Permission

    publisher.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_user", "change_user"])
    )
    _, device, _ = enrol(client, publisher)
    sign_in(client, publisher)
    client.post(reverse("admin:two_factor_verify"), {"code": code_for(device, 30)})
    users = client.get(reverse("admin:auth_user_changelist"))
    assert users.status_code == 200
    assert "reset_two_factor" not in users.text
    client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_two_factor", "_selected_action": [publisher.pk]},
    )
    assert TOTPDevice.objects.filter(user=publisher).exists()


def test_turned_off_by_setting_publishers_sign_in_with_the_password(
    client, publisher, settings
):
    settings.ADMIN_TWO_FACTOR_REQUIRED = False
    assert sign_in(client, publisher).url == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200


# --- the optional allow-list of networks ------------------------------------


@pytest.fixture
def office_network(settings):
    settings.ADMIN_ALLOWED_NETWORKS = [ipaddress.ip_network("192.168.10.0/24")]


def test_the_panel_refuses_other_networks_in_polish(client, office_network):
    response = client.get(reverse("admin:login"), REMOTE_ADDR="203.0.113.5")
    assert response.status_code == 403
    assert "Panel niedostępny z tej sieci" in response.text
    reset = client.get(reverse("admin_password_reset"), REMOTE_ADDR="203.0.113.5")
    assert reset.status_code == 403
    # Residents are not affected.
    assert client.get("/", REMOTE_ADDR="203.0.113.5").status_code == 200


def test_the_panel_answers_the_office_network(client, office_network):
    response = client.get(reverse("admin:login"), REMOTE_ADDR="192.168.10.44")
    assert response.status_code == 200


def test_behind_nginx_the_address_it_sends_counts(client, office_network, settings):
    # One trusted proxy (nginx overwrites X-Forwarded-For): its value counts,
    # whoever REMOTE_ADDR is.
    assert settings.AXES_IPWARE_META_PRECEDENCE_ORDER[0] == "HTTP_X_FORWARDED_FOR"
    inside = client.get(
        reverse("admin:login"),
        REMOTE_ADDR="172.18.0.5",
        HTTP_X_FORWARDED_FOR="192.168.10.44",
    )
    outside = client.get(
        reverse("admin:login"),
        REMOTE_ADDR="172.18.0.5",
        HTTP_X_FORWARDED_FOR="203.0.113.5",
    )
    # A client that added its own entry before nginx's is not believed.
    forged = client.get(
        reverse("admin:login"),
        REMOTE_ADDR="172.18.0.5",
        HTTP_X_FORWARDED_FOR="192.168.10.44, 203.0.113.5",
    )
    assert (inside.status_code, outside.status_code, forged.status_code) == (
        200,
        403,
        403,
    )


def test_a_locked_out_superuser_is_reset_from_the_shell(client, admin_user):
    from django.core.management import CommandError, call_command

    enrol(client, admin_user)
    call_command("reset_two_factor", admin_user.username)
    assert not TOTPDevice.objects.filter(user=admin_user).exists()
    assert sign_in(client, admin_user).url.startswith(reverse("admin:two_factor_setup"))
    with pytest.raises(CommandError, match="Nie ma użytkownika"):
        call_command("reset_two_factor", "nikt")
