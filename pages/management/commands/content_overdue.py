import sys

from django.core.management.base import BaseCommand
from django.utils import timezone

from pages.models import content_overdue


class Command(BaseCommand):
    help = (
        "Lists pages past their review date (przejrzyj do) and the accessibility "
        "statement past its yearly 31 March review. Exits with status 1 when "
        "there are any, so that a scheduler (cron) can alert someone."
    )

    def handle(self, *args, **options):
        today = timezone.localdate()
        overdue = content_overdue(today)
        if not overdue:
            self.stdout.write("Wszystkie treści są przejrzane w terminie.")
            return
        for what, since, _, _ in overdue:
            self.stdout.write(f"{what}: termin przeglądu minął {since:%d.%m.%Y}.")
        sys.exit(1)
