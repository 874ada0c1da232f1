import sys
import time

from django.core.management.base import BaseCommand

from search import analysis
from search.indexing import rebuild


class Command(BaseCommand):
    help = (
        "Analyses every article, award, page and attachment again and rewrites "
        "the search index (after an upgrade of the analyser). Shows progress."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        interactive = self.stdout.isatty()

        def progress(done, total):
            if interactive or done == total or done % 500 == 0:
                width = 30
                filled = width * done // max(total, 1)
                bar = "#" * filled + "-" * (width - filled)
                end = "\r" if interactive and done < total else "\n"
                self.stdout.write(f"[{bar}] {done}/{total}", ending=end)
                if interactive:
                    sys.stdout.flush()

        total = rebuild(progress=progress)
        self.stdout.write(
            f"Zindeksowano {total} pozycji (analiza w wersji {analysis.VERSION}) "
            f"w {time.monotonic() - started:.1f} s."
        )
