from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Wczytuje treści demonstracyjne każdej aplikacji (jej moduł demo.load(), w "
        "kolejności INSTALLED_APPS); można uruchamiać wielokrotnie."
    )

    def handle(self, *args, **options):
        for app in apps.get_app_configs():
            try:
                demo = import_module(f"{app.name}.demo")
            except ModuleNotFoundError as error:
                if error.name != f"{app.name}.demo":
                    raise
                continue
            for line in demo.load():
                self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Treści demonstracyjne są gotowe."))
