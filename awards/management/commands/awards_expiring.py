import sys

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from awards.models import Award


class Command(BaseCommand):
    help = (
        "Lists awards whose validity ends within --days days (default: "
        "AWARDS_EXPIRING_DAYS). Exits with status 1 when there are any, so that a "
        "scheduler (cron) can alert someone."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.AWARDS_EXPIRING_DAYS)

    def handle(self, *args, days, **options):
        today = timezone.localdate()
        expiring = list(Award.objects.expiring_on(today, days).for_cards())
        if not expiring:
            self.stdout.write(f"Brak wyróżnień tracących ważność w ciągu {days} dni.")
            return
        for award in expiring:
            self.stdout.write(award.expiry_notice(today))
        sys.exit(1)
