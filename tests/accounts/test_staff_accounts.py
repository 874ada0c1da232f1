"""Staff accounts as the office's admin manages them."""

import logging
import socket
import threading
import time
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command

from accounts import mail as base_mail
from tests.admin_forms import AdminForm, form_errors

pytestmark = pytest.mark.django_db
User = get_user_model()


def _person(username="anna", **extra):
    return User.objects.create_user(username, password="haslo-testowe", **extra)


def test_joining_a_staff_group_lets_a_person_in_and_leaving_all_locks_out():
    person = _person()
    editors, publishers = (
        Group.objects.get(name="Redaktorzy"),
        Group.objects.get(name="Wydawcy"),
    )
    person.groups.add(editors)
    assert person.is_staff and User.objects.get().is_staff
    person.groups.add(publishers)
    person.groups.remove(editors)
    assert User.objects.get().is_staff  # still in "Wydawcy"
    person.groups.clear()
    assert not User.objects.get().is_staff


def test_adding_people_from_the_group_side_works_too():
    anna, jan = _person("anna"), _person("jan")
    editors = Group.objects.get(name="Redaktorzy")
    editors.user_set.add(anna, jan)
    assert set(User.objects.filter(is_staff=True)) == {anna, jan}
    editors.user_set.clear()
    assert not User.objects.filter(is_staff=True).exists()


def test_a_superuser_keeps_access_without_a_group(admin_user):
    editors = Group.objects.get(name="Redaktorzy")
    admin_user.groups.add(editors)
    admin_user.groups.remove(editors)
    assert User.objects.get(pk=admin_user.pk).is_staff


def test_the_user_form_gives_a_role_without_a_staff_box(client, admin_user):
    person = _person()
    client.force_login(admin_user)
    url = f"/admin/auth/user/{person.pk}/change/"
    form = AdminForm.open(client, url)
    assert "is_staff" not in form.data  # shown, not a box to forget
    html = client.get(url).content.decode()
    assert "piszą i poprawiają artykuły" in html  # what "Redaktorzy" may do
    assert "user_permissions" not in form.data  # roles are groups
    editors = Group.objects.get(name="Redaktorzy")
    response = form.set(groups=[str(editors.pk)]).post()
    assert response.status_code == 302, form_errors(response)
    assert User.objects.get(pk=person.pk).is_staff
    # and the person can now open the panel
    client.force_login(User.objects.get(pk=person.pk))
    assert client.get("/admin/").status_code == 200


def test_the_user_list_shows_each_persons_role(client, admin_user):
    _person("anna").groups.add(Group.objects.get(name="Wydawcy"))
    client.force_login(admin_user)
    html = client.get("/admin/auth/user/").content.decode()
    assert '<td class="field-roles">Wydawcy</td>' in html


def test_add_staff_creates_a_person_in_a_role():
    out = StringIO()
    call_command(
        "add_staff",
        "anna.kowalska",
        role="editor",
        email="anna@mlawa.pl",
        first_name="Anna",
        stdout=out,
    )
    person = User.objects.get(username="anna.kowalska")
    assert person.is_staff and not person.is_superuser
    assert list(person.groups.values_list("name", flat=True)) == ["Redaktorzy"]
    password = out.getvalue().split("Hasło jednorazowe: ")[1].split()[0]
    assert person.check_password(password)
    with pytest.raises(CommandError, match="już istnieje"):
        call_command("add_staff", "anna.kowalska", role="editor", email="a@b.pl")


def test_the_login_page_offers_a_password_reset_in_polish(client):
    html = client.get("/admin/login/").content.decode()
    assert "Nie pamiętasz hasła?" in html
    assert "Administracja Django" not in html


def test_a_password_reset_reaches_the_person(client):
    _person(email="anna@mlawa.pl", is_staff=True)
    response = client.post("/admin/haslo/", {"email": "anna@mlawa.pl"})
    assert response.status_code == 302
    assert base_mail.wait_until_sent()  # sent after the answer
    [message] = mail.outbox
    assert message.to == ["anna@mlawa.pl"]
    link = next(line for line in message.body.splitlines() if "/admin/haslo/" in line)
    confirm = client.get(link.strip().split("testserver", 1)[1], follow=True)
    assert confirm.status_code == 200
    assert "new_password1" in confirm.content.decode()


@pytest.fixture
def silent_smtp():
    """An SMTP server that accepts connections and never says a word."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    held = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()

    class Silent:
        port = server.getsockname()[1]

        @staticmethod
        def close_all():
            stop.set()
            thread.join()
            for connection in held:
                connection.close()
            server.close()

    yield Silent
    Silent.close_all()


def test_an_unanswering_mail_server_never_holds_a_request(
    client, settings, silent_smtp, caplog
):
    """The mail server accepts and never answers: every reset request is
    answered while the messages still wait on it (the view does not wait for
    SMTP at all), and what could not be sent is logged."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", silent_smtp.port
    settings.EMAIL_TIMEOUT = 60  # longer than any test: only a wait would show
    _person(email="anna@mlawa.pl", is_staff=True)
    for _ in range(3):
        response = client.post("/admin/haslo/", {"email": "anna@mlawa.pl"})
        assert response.status_code == 302
        assert response["Location"] == "/admin/haslo/wyslano/"
    assert base_mail.waiting() == 3  # still with the silent server
    with caplog.at_level(logging.ERROR, logger="accounts.mail"):
        silent_smtp.close_all()  # the server hangs up
        assert base_mail.wait_until_sent(timeout=30)
    assert base_mail.waiting() == 0
    assert caplog.text.count("E-mail not sent") == 3


def test_the_default_mail_timeout_is_short():
    from django.conf import settings

    assert 0 < settings.EMAIL_TIMEOUT <= 10


def test_the_lock_out_page_carries_the_panels_header(client, settings):
    _person(is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(
            "/admin/login/?next=/admin/",
            {"username": "anna", "password": "zle-haslo"},
            REMOTE_ADDR="10.0.0.1",
        )
    html = response.content.decode()
    assert "Logowanie zablokowane" in html
    assert "Panel redakcyjny" in html
    assert "Administracja Django" not in html


def test_an_error_report_to_a_silent_mail_server_never_hangs_the_request(
    settings, silent_smtp
):
    """With ADMINS set, Django mails each server error. A relay that accepts the
    connection and never answers must cost at most EMAIL_TIMEOUT, be logged, and
    never reach the resident: the 500 page still comes."""
    import logging

    from django.test import Client
    from django.utils.log import AdminEmailHandler

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", silent_smtp
    settings.EMAIL_TIMEOUT = 1
    settings.ADMINS = [("admin", "admin@mlawa.pl")]
    settings.DEBUG_PROPAGATE_EXCEPTIONS = False
    handler = AdminEmailHandler()
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        started = time.monotonic()
        client = Client(raise_request_exception=False)
        from unittest import mock

        with mock.patch(
            "pages.views.AccessibilityStatement.current", side_effect=RuntimeError
        ):
            response = client.get("/deklaracja-dostepnosci/")
        elapsed = time.monotonic() - started
    finally:
        logger.removeHandler(handler)
    assert response.status_code == 500
    assert "Przepraszamy, wystąpił błąd" in response.content.decode()
    assert elapsed < 5
