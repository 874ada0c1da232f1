from django.core.management.base import BaseCommand

from news.demo import load_demo


class Command(BaseCommand):
    help = "Wczytuje treści demonstracyjne (można uruchamiać wielokrotnie)."

    def handle(self, *args, **options):
        for line in load_demo():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Treści demonstracyjne są gotowe."))
