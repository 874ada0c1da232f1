"""Query counts and time of a 30-item list in two languages: per-language
columns (django-modeltranslation, what the site uses) against a translations table
(django-parler) without and with a prefetch. Not part of `make bench` (parler is
not a dependency); run it in a scratch virtualenv:

    python -m venv .cache/libraries && .cache/libraries/bin/pip install Django==5.2.19 \\
        django-parler==2.4 django-modeltranslation==0.20.6
    .cache/libraries/bin/python bench/translation_libraries.py

Results are in docs/dependencies.md.
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "translation_libraries"))

import statistics
import time

import django
from django.conf import settings

settings.configure(
    INSTALLED_APPS=[
        "modeltranslation",
        "django.contrib.contenttypes",
        "parler",
        "mt",
        "pa",
    ],
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
    LANGUAGES=[("pl", "Polski"), ("uk", "Українська"), ("en", "English")],
    LANGUAGE_CODE="pl",
    USE_I18N=True,
    PARLER_LANGUAGES={
        None: ({"code": "pl"}, {"code": "uk"}, {"code": "en"}),
        "default": {"fallbacks": ["pl"], "hide_untranslated": False},
    },
    MODELTRANSLATION_FALLBACK_LANGUAGES=("pl",),
)
django.setup()
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

call_command("migrate", run_syncdb=True, verbosity=0)
from mt.models import Item as MItem
from pa.models import Item as PItem

N = 30
for i in range(N):
    MItem.objects.create(
        title_pl=f"Tytuł {i}",
        lead_pl="Zajawka",
        title_uk=f"Заголовок {i}" if i % 2 else None,
        lead_uk="Анонс" if i % 2 else None,
    )
    p = PItem()
    p.set_current_language("pl")
    p.title = f"Tytuł {i}"
    p.lead = "Zajawka"
    p.save()
    if i % 2:
        p.set_current_language("uk")
        p.title = f"Заголовок {i}"
        p.lead = "Анонс"
        p.save()


def run(label, qs_fn):
    for lang in ("pl", "uk"):
        with translation.override(lang):
            with CaptureQueriesContext(connection) as q:
                rows = [(o.title, o.lead) for o in qs_fn()]
            times = []
            for _ in range(50):
                t = time.perf_counter()
                [(o.title, o.lead) for o in qs_fn()]
                times.append(time.perf_counter() - t)
            print(
                f"{label:48} {lang}: {len(q.captured_queries):3} queries, median {statistics.median(times) * 1000:.2f} ms for {len(rows)} items"
            )


run("modeltranslation columns", lambda: MItem.objects.all()[:N])
run("parler, no prefetch", lambda: PItem.objects.all()[:N])
run(
    "parler, prefetch_related('translations')",
    lambda: PItem.objects.prefetch_related("translations").all()[:N],
)
run(
    "parler, .translated() join (translated only)",
    lambda: PItem.objects.translated().all()[:N],
)
