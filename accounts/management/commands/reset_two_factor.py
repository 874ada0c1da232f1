from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.two_factor import remove_second_factor


class Command(BaseCommand):
    help = (
        "Removes a person's phone app and recovery codes (a lost phone); at the "
        "next login they connect a new one. For superusers, who cannot use the "
        "user list's action on themselves once locked out."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"Nie ma użytkownika „{username}”.") from None
        remove_second_factor(user)
        self.stdout.write(
            f"Wyłączono weryfikację dwuetapową dla „{username}”. Przy następnym "
            "logowaniu połączy aplikację na nowym telefonie."
        )
