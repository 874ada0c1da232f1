"""Benchmark: what keeping a version of every save costs (django-reversion).

    make bench                                  # SQLite
    DATABASE_URL=postgres://... make bench      # PostgreSQL

On a throw-away test database with the demo content (the CAL article with its
photo and attachment), saves the article ROUNDS times bare and ROUNDS times in
a revision (the article, its photos and attachments, as the admin saves them).
Prints the median time and SQL queries per save, and the bytes one version of
the article with its photos and attachments takes in the database.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mops_site.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
os.environ["DJANGO_DEBUG"] = "0"

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "30"))


def timed(save):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, queries = [], []
    for _ in range(ROUNDS):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            save()
            times.append((time.perf_counter() - started) * 1000)
        queries.append(len(captured.captured_queries))
    return statistics.median(times), statistics.median(queries)


def main():
    import django

    django.setup()
    import reversion
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_test_environment
    from reversion.models import Version

    from news.models import Article

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        call_command("load_demo", verbosity=0)
        article = Article.objects.filter(images__isnull=False).first() or (
            Article.objects.first()
        )

        def bare():
            article.save()

        def versioned():
            with reversion.create_revision():
                article.save()

        bare_ms, bare_q = timed(bare)
        versioned_ms, versioned_q = timed(versioned)
        latest = Version.objects.get_for_object(article).first()
        revision_bytes = sum(
            len(v.serialized_data.encode()) + len(v.object_repr.encode())
            for v in latest.revision.version_set.all()
        )
        print(f"{connection.vendor}, {ROUNDS} saves each, article „{article}”")
        print(f"{'':<24}{'median ms':>10}{'queries':>9}")
        print(f"{'save':<24}{bare_ms:>10.1f}{bare_q:>9.0f}")
        print(f"{'save with a version':<24}{versioned_ms:>10.1f}{versioned_q:>9.0f}")
        rows = latest.revision.version_set.count()
        print(
            f"one version: {revision_bytes / 1024:.1f} KiB in {rows} row(s) "
            f"(the article, {article.images.count()} photo(s), "
            f"{article.attachments.count()} attachment(s))"
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
