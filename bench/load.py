"""Load benchmark (issue #16): the site under gunicorn as in production, loaded
from another process by wrk, side by side with the ceiling of this stack.

    make bench-load                                  # SQLite
    DATABASE_URL=postgres://... make bench-load      # PostgreSQL (a "mops_bench"
                                                     # database on that server)

1. Seeds a separate database: BENCH_ARTICLES (10,000) published articles of Polish
   text (3–8 paragraphs), 20 categories, a main photo on a quarter of them, drafts
   and scheduled ones, a quarter translated into Ukrainian, 30 awards, and the
   search index in three languages; with a progress bar.
2. Measures each page in-process first (Django's test client, DEBUG off): SQL
   queries and SQL time per request, response bytes.
3. Runs the site with deploy/entrypoint.sh's gunicorn settings (GUNICORN_WORKERS,
   default 2, and GUNICORN_THREADS, default 2) and loads every page with
   `wrk -c 16` (Debian's wrk) BENCH_RUNS times for BENCH_SECONDS each; then the
   same load on bench/ceiling.py (a bare Django view returning 10 KB) under the
   same gunicorn settings. Prints and writes docs/performance.md: requests/s,
   p50, p99, errors, the ratio to the ceiling (medians of the runs), SQL per
   request, bytes, and the workers' memory before and after.

Machines are shared and noisy: read the ratios, and compare runs made one after
another on the same machine.
"""

import atexit
import datetime
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".cache" / "bench"
ARTICLES = int(os.environ.get("BENCH_ARTICLES", "10000"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = 16
WORKERS = os.environ.get("GUNICORN_WORKERS", "2")
THREADS = os.environ.get("GUNICORN_THREADS", "2")
SITE_PORT, CEILING_PORT, CACHED_PORT, REDIS_PORT = 18731, 18732, 18733, 18734
#: Reuse the database of the last run (BENCH_REUSE=1): measure again, no seeding.
REUSE = os.environ.get("BENCH_REUSE") == "1"

PAGES = {
    "home": "/",
    "news list, page 1": "/aktualnosci/",
    "news list, page 900": "/aktualnosci/?page=900",
    "article": "/aktualnosci/komunikat-{article}/",
    "category": "/aktualnosci/kategoria/kategoria-3/",
    "search, common word": "/szukaj/?q=pomocy",
    "search, rare word": "/szukaj/?q=komunikat+{article}",
    "RSS feed": "/aktualnosci/rss/",
    "awards list": "/wyroznienia/",
    "sitemap.xml": "/sitemap.xml",
    "sitemap section": "/sitemap-articles.xml",
    "news list (uk)": "/uk/novyny/",
    "404": "/nie-ma-takiej-strony/",
}

SENTENCES = [
    "Miejski Ośrodek Pomocy Społecznej w Mławie zaprasza mieszkańców na spotkanie.",
    "Wnioski o zasiłek okresowy i celowy przyjmujemy w pokoju nr 12 na parterze.",
    "Pracownicy socjalni pomagają rodzinom w trudnej sytuacji życiowej.",
    "Dodatkowe informacje można uzyskać pod numerem telefonu ośrodka.",
    "Program obejmuje osoby starsze, niepełnosprawne i samotnie wychowujące dzieci.",
    "W okresie zimowym ośrodek wydaje gorące posiłki i pomaga w zakupie opału.",
    "Zapraszamy do udziału w bezpłatnych warsztatach dla rodziców i opiekunów.",
    "Dokumenty należy złożyć do końca miesiąca wraz z zaświadczeniem o dochodach.",
    "Asystent rodziny odwiedza domy i wspiera w prowadzeniu gospodarstwa domowego.",
    "Centrum Aktywności Lokalnej organizuje spotkania sąsiedzkie i wolontariat.",
    "Usługi opiekuńcze świadczone są w miejscu zamieszkania osoby potrzebującej.",
    "Klub seniora zaprasza na zajęcia ruchowe, rękodzieło i wspólne wyjścia.",
]
TOPICS = [
    "zasiłek celowy",
    "dodatek osłonowy",
    "pomoc żywnościowa",
    "klub seniora",
    "asystent rodziny",
    "usługi opiekuńcze",
    "warsztaty dla rodziców",
    "opał na zimę",
    "wolontariat",
    "dyżur świąteczny",
    "program Posiłek w szkole i w domu",
    "Karta Dużej Rodziny",
]


def environment(database_url):
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DJANGO_SETTINGS_MODULE": "mops_site.settings",
        "DJANGO_SECRET_KEY": "bench-only-" + "x" * 40,
        "DJANGO_DEBUG": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_STATIC_ROOT": str(WORK / "static"),
        "DJANGO_ADMIN_2FA_REQUIRED": "0",
        "MEDIA_ROOT": str(WORK / "media"),
        "DATABASE_URL": database_url,
        # Redis as in production; pages rendered on every request (the cost of a
        # page not cached yet: its first view after a change). The cached server
        # turns the page cache on.
        "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
        "DJANGO_PAGE_CACHE": "0",
    }


def fresh_database():
    """A database of its own: "mops_bench" next to DATABASE_URL's, or SQLite."""
    url = os.environ.get("DATABASE_URL", "")
    if REUSE:
        if url.startswith("postgres"):
            return f"{url.rsplit('/', 1)[0]}/mops_bench", "PostgreSQL"
        return f"sqlite:///{WORK / 'bench.sqlite3'}", "SQLite"
    if url.startswith("postgres"):
        import psycopg2

        server = url.rsplit("/", 1)[0]
        connection = psycopg2.connect(url)
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute("DROP DATABASE IF EXISTS mops_bench")
            cursor.execute("CREATE DATABASE mops_bench")
        connection.close()
        return f"{server}/mops_bench", "PostgreSQL"
    path = WORK / "bench.sqlite3"
    path.unlink(missing_ok=True)
    return f"sqlite:///{path}", "SQLite"


def progress(label, done, total):
    width = 30
    filled = width * done // max(total, 1)
    print(
        f"\r{label:<22} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}",
        end="" if done < total else "\n",
        file=sys.stderr,
        flush=True,
    )


def seed():
    """Realistic content, in bulk (signals off), then the search index."""
    from django.core.files.base import ContentFile
    from django.utils import timezone
    from PIL import Image

    from awards.models import Award, Issuer
    from languages.slugs import slugify_pl
    from news.models import Article, ArticleImage, Category
    from search.indexing import rebuild

    rng = random.Random(2026)
    categories = [
        Category.objects.create(name=f"Kategoria {n}", slug=f"kategoria-{n}")
        for n in range(20)
    ]
    now = timezone.now()
    articles, batch = [], 1000
    for n in range(ARTICLES):
        topic = TOPICS[n % len(TOPICS)]
        paragraphs = [
            "<p>" + " ".join(rng.sample(SENTENCES, rng.randint(2, 5))) + "</p>"
            for _ in range(rng.randint(3, 8))
        ]
        status, published = "published", now - datetime.timedelta(hours=8 * n + 1)
        if n % 50 == 7:
            status, published = "draft", None
        elif n % 200 == 11:
            published = now + datetime.timedelta(days=1 + n % 30)  # scheduled
        title = f"Komunikat {n}: {topic}"
        translated = n % 4 == 0
        articles.append(
            Article(
                title=title,
                slug=f"komunikat-{n}",
                lead=f"{topic.capitalize()}: {SENTENCES[n % len(SENTENCES)]}",
                body="\n".join(paragraphs),
                category=categories[n % len(categories)],
                status=status,
                published_at=published,
                is_featured=n in (3, 4),
                **(
                    {
                        "title_uk": f"Повідомлення {n}",
                        "slug_uk": slugify_pl(f"povidomlennia-{n}"),
                        "lead_uk": "Центр запрошує мешканців.",
                        "body_uk": "<p>Центр соціальної допомоги запрошує.</p>" * 3,
                        "translated_from_uk": 1,
                    }
                    if translated
                    else {}
                ),
            )
        )
        if len(articles) == batch or n == ARTICLES - 1:
            Article.objects.bulk_create(articles)
            articles = []
            progress("articles", n + 1, ARTICLES)
    # A main photo on a quarter of the articles: eight real photos (with their
    # renditions), shared, as the files of a real site would be.
    photos = []
    for number in range(8):
        buffer = __import__("io").BytesIO()
        Image.new("RGB", (1600, 1067), (40 * number, 90, 160)).save(buffer, "JPEG")
        first = Article.objects.filter(status="published").order_by("pk")[number]
        photo = ArticleImage(
            article=first, alt_text="Zdjęcie z wydarzenia", placement="main"
        )
        photo.image.save(
            f"zdjecie-{number}.jpg", ContentFile(buffer.getvalue()), save=False
        )
        photo.width, photo.height = 1600, 1067  # as an upload through the panel
        photo.save()
        photos.append(photo)
    every_fourth = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    owners = {photo.article_id for photo in photos}
    with_photo = [pk for pk in every_fourth[::4] if pk not in owners]
    ArticleImage.objects.bulk_create(
        ArticleImage(
            article_id=pk,
            image=photos[pk % 8].image.name,
            width=photos[pk % 8].width,
            height=photos[pk % 8].height,
            alt_text="Zdjęcie z wydarzenia",
            placement="main",
        )
        for pk in with_photo
    )
    issuer = Issuer.objects.create(
        name="Stowarzyszenie CAL", short_name="CAL", slug="cal"
    )
    for n in range(30):
        Award.objects.create(
            title=f"Certyfikat {n}",
            slug=f"certyfikat-{n}",
            issuer=issuer,
            recipient="Miejski Ośrodek Pomocy Społecznej w Mławie",
            valid_from=datetime.date(2000 + n % 25, 1, 1),
            valid_until=datetime.date(2003 + n % 25, 12, 31),
        )
    started = time.perf_counter()
    rebuild(
        progress=lambda done, total: (
            progress("search index", done, total)
            if done % 200 == 0 or done == total
            else None
        )
    )
    return time.perf_counter() - started


def in_process(pages):
    """SQL queries, SQL time and bytes per page (medians of 5), DEBUG off."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    found = {}
    spent = []

    def timed(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent.append(time.perf_counter() - started)

    for name, url in pages.items():
        client.get(url)  # what pages remember (the layout, counts) warmed
        counts, times, totals, size = [], [], [], 0
        for _ in range(5):
            spent.clear()
            started = time.perf_counter()
            with (
                CaptureQueriesContext(connection) as queries,
                connection.execute_wrapper(timed),
            ):
                response = client.get(url)
            totals.append((time.perf_counter() - started) * 1000)
            counts.append(len(queries))
            times.append(sum(spent) * 1000)
            size = len(response.content)
        found[name] = (
            response.status_code,
            statistics.median(counts),
            statistics.median(times),
            size,
            statistics.median(totals),
        )
    return found


def gunicorn(app, port, env):
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            app,
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            WORKERS,
            "--threads",
            THREADS,
            "--timeout",
            "30",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5)
            break
        except OSError as error:
            if getattr(error, "code", None):  # an HTTP error: it answers
                break
            time.sleep(0.2)
    return process


def workers_rss(master):
    """Resident memory of each worker (MB), from /proc."""
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children")
    sizes = []
    for pid in children.read_text().split() if children.exists() else []:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status)[1]) / 1024)
    return sizes


def wrk(url):
    output = subprocess.run(
        [
            "wrk",
            "-t",
            "2",
            "-c",
            str(CONNECTIONS),
            "-d",
            f"{SECONDS}s",
            "--latency",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1])

    def latency(percent):
        value, unit = re.search(rf"\s{percent}%\s+([\d.]+)(us|ms|s)", output).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = 0
    if (match := re.search(r"Non-2xx or 3xx responses: (\d+)", output)) and not (
        url.endswith("/nie-ma-takiej-strony/")  # a 404 is that page's answer
    ):
        errors += int(match[1])
    if match := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    ):
        errors += sum(int(x) for x in match.groups())
    return rate, latency(50), latency(99), errors


def main():
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    WORK.mkdir(parents=True, exist_ok=True)
    if not REUSE:
        shutil.rmtree(WORK / "media", ignore_errors=True)
    database_url, vendor = fresh_database()
    env = environment(database_url)
    # The cache in a Redis of its own (Debian's redis-server), as compose runs it.
    redis = subprocess.Popen(
        ["redis-server", "--port", str(REDIS_PORT), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    atexit.register(redis.terminate)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True
    )
    seeded_file = WORK / f"seeded-{vendor}.txt"
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    import django

    django.setup()
    if REUSE and seeded_file.exists():
        seeded, indexing = (float(x) for x in seeded_file.read_text().split())
    else:
        indexing = seed()
        seeded = time.perf_counter() - started
        seeded_file.write_text(f"{seeded} {indexing}")
    print(
        f"seeded {ARTICLES} articles in {seeded:.0f} s (search index {indexing:.0f} s)"
    )
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # As autovacuum would have by now: the visibility map lets list pages
            # read keys from the index alone.
            cursor.execute("VACUUM ANALYZE")
    from news.models import Article

    middle = Article.objects.published().order_by("-published_at")[ARTICLES // 2]
    number = middle.slug.rsplit("-", 1)[1]
    pages = {name: url.format(article=number) for name, url in PAGES.items()}
    sql = in_process(pages)
    connection.close()

    cached_env = {**env, "DJANGO_PAGE_CACHE": "1"}
    site = gunicorn("mops_site.wsgi:application", SITE_PORT, env)
    cached = gunicorn("mops_site.wsgi:application", CACHED_PORT, cached_env)
    ceiling = gunicorn("bench.ceiling:application", CEILING_PORT, env)
    try:
        memory_before = workers_rss(site) + workers_rss(cached)
        results = {name: [] for name in ["ceiling (bare Django, 10 KB)", *pages]}
        warm = {name: [] for name in pages}
        for run in range(RUNS):
            results["ceiling (bare Django, 10 KB)"].append(
                wrk(f"http://127.0.0.1:{CEILING_PORT}/")
            )
            for name, url in pages.items():
                results[name].append(wrk(f"http://127.0.0.1:{SITE_PORT}{url}"))
                warm[name].append(wrk(f"http://127.0.0.1:{CACHED_PORT}{url}"))
            print(f"run {run + 1}/{RUNS} done", file=sys.stderr)
        memory_after = workers_rss(site) + workers_rss(cached)
    finally:
        for process in (site, cached, ceiling, redis):
            process.terminate()
            process.wait(timeout=30)
    report(vendor, results, warm, sql, memory_before, memory_after, seeded, indexing)


def report(vendor, results, warm, sql, memory_before, memory_after, seeded, indexing):
    def median(values, index):
        return statistics.median(v[index] for v in values)

    top = median(results["ceiling (bare Django, 10 KB)"], 0)
    cpu = "unknown CPU"
    info = Path("/proc/cpuinfo")
    match = info.exists() and re.search(r"model name\s*:\s*(.+)", info.read_text())
    if match:
        cpu = match[1].strip()
    lines = [
        f"{vendor}, {ARTICLES} articles, gunicorn {WORKERS} workers × {THREADS} threads, "
        f"wrk {CONNECTIONS} connections × {SECONDS} s, medians of {RUNS} runs. "
        "Uncached: every request rendered (DJANGO_PAGE_CACHE=0, the cost of the "
        "first view after a change); cached: the page cache in Redis (warm). "
        "SQL and render ms: one request in-process (test client), medians of 5.",
        f"Machine: {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}. Seeding took {seeded:.0f} s "
        f"(search index in three languages {indexing:.0f} s).",
        "",
        "| page | uncached req/s | ratio | p50 ms | p99 ms | errors "
        "| cached req/s | ratio | p50 ms | p99 ms | errors "
        "| status | SQL queries | SQL ms | render ms | bytes |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]

    def columns(values):
        if not values:
            return " | | | | |"
        return (
            f"{median(values, 0):.0f} | {median(values, 0) / top:.3f} | "
            f"{median(values, 1):.1f} | {median(values, 2):.1f} | "
            f"{sum(v[3] for v in values)} |"
        )

    for name, values in results.items():
        status, queries, sql_ms, size, total = sql.get(name, ("", "", "", 10240, ""))
        lines.append(
            f"| {name} | {columns(values)} {columns(warm.get(name, []))} "
            f"{status} | {queries} | "
            f"{sql_ms if sql_ms == '' else f'{sql_ms:.1f}'} | "
            f"{total if total == '' else f'{total:.1f}'} | {size} |"
        )
    lines += [
        "",
        "Worker memory (RSS, MB): before "
        + ", ".join(f"{m:.0f}" for m in memory_before)
        + "; after "
        + ", ".join(f"{m:.0f}" for m in memory_after)
        + ".",
    ]
    text = "\n".join(lines)
    print(text)
    document = ROOT / "docs" / "performance.md"
    heading = f"## {datetime.date.today():%Y-%m-%d}, {vendor}\n\n"
    old = (
        document.read_text()
        if document.exists()
        else (
            "# Performance\n\nMeasured with `make bench-load` (bench/load.py); newest first.\n\n"
        )
    )
    head, _, rest = old.partition("\n## ")
    document.write_text(f"{head}\n{heading}{text}\n" + (f"\n## {rest}" if rest else ""))


if __name__ == "__main__":
    main()
