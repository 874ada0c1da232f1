from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from accounts import one_time_passwords

ROLES = {"editor": "Redaktorzy", "publisher": "Wydawcy"}


class Command(BaseCommand):
    help = (
        "Creates a staff member in a role (editor = Redaktorzy, publisher = Wydawcy) "
        "and prints a one-time password to hand over."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="login, e.g. anna.kowalska")
        parser.add_argument("--role", required=True, choices=sorted(ROLES))
        parser.add_argument("--email", required=True)
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")

    def handle(self, *args, username, role, email, first_name, last_name, **options):
        User = get_user_model()
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(f"Niepoprawny adres e-mail: {email}") from None
        if User.objects.filter(username=username).exists():
            raise CommandError(
                f"Użytkownik „{username}” już istnieje. Zmień jego rolę w panelu: "
                "Użytkownicy → wybierz osobę → Rola i dostęp."
            )
        with transaction.atomic():
            user = User.objects.create_user(
                username, email=email, first_name=first_name, last_name=last_name
            )
            password = one_time_passwords.give(user)
            # Joining the group makes the person staff (accounts.roles).
            user.groups.add(Group.objects.get(name=ROLES[role]))
        self.stdout.write(
            f"Dodano: {username} ({ROLES[role]}).\n"
            f"  Hasło jednorazowe: {password}\n"
            "  Przekaż je osobiście. Przy pierwszym logowaniu panel poprosi o "
            "ustawienie własnego hasła.\n"
        )
