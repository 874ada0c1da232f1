import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone


class Command(BaseCommand):
    help = (
        "Development only: creates (or resets) the 'admin' superuser with a freshly "
        "generated password and prints how to log in."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--url", default="http://127.0.0.1:8000")

    def handle(self, *args, username, url, **options):
        if not settings.DEBUG:
            raise CommandError("dev_superuser runs only with DJANGO_DEBUG=1.")
        password = secrets.token_urlsafe(12)
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"is_staff": True, "is_superuser": True}
        )
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        # The demo's own account: printed for the developer, not handed over
        # (accounts.one_time_passwords).
        user.last_login = user.last_login or timezone.now()
        user.save()
        self.stdout.write(
            "\n"
            f"  Panel redakcyjny: {url}/{settings.ADMIN_URL}\n"
            f"  Login: {username}\n"
            f"  Hasło: {password}  (nowe przy każdym `make run`)\n"
        )
