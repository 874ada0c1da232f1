"""Benchmark: which Polish analyser finds what residents type.

    make bench

On the test set in tests/search/polish_set.py (12 articles in a welfare office's
words, 72 inflected queries, many without diacritics, and 60 unrelated words),
each candidate analyses the articles and the queries the same way; a query finds
an article when each of its words shares a term with it. Prints recall (queries
that find their article), false hits (unrelated words that find any article) and
speed (words analysed per second, median of 5, caches emptied first) and the
memory one process needs for it. Candidates not installed are skipped:
simplemma and pystempel are not dependencies of the site.
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


def candidates():
    from base.functions import fold
    from search import analysis

    found = {
        "folded words (no analysis)": lambda w: {fold(w)},
        "prefix of 5 only": lambda w: {analysis.fallback(w)},
        "morfeusz2 lemmas (all readings)": lambda w: set(analysis.lemmas_of(w)),
        "morfeusz2 lemmas + prefix of 5 (chosen)": lambda w: {
            *analysis.lemmas_of(w),
            analysis.fallback(w),
        },
    }
    try:
        import simplemma

        def simple(word):
            return fold(simplemma.lemmatize(word, lang="pl"))

        found["simplemma lemma"] = lambda w: {simple(w)}
        found["simplemma lemma + prefix of 5"] = lambda w: {
            simple(w),
            analysis.fallback(w),
        }
    except ImportError:
        print("simplemma not installed: skipped")
    try:
        from pystempel import Stemmer

        stemmer = Stemmer.polimorf()
        found["pystempel stem"] = lambda w: {fold(stemmer(w) or w)}
        found["pystempel stem + prefix of 5"] = lambda w: {
            fold(stemmer(w) or w),
            analysis.fallback(w),
        }
    except ImportError:
        print("pystempel not installed: skipped")
    return found


def evaluate(analyse, articles, queries, unrelated, words, query_words):
    index = {
        key: set().union(*(analyse(w) for w in words(" ".join(parts))))
        for key, parts in articles.items()
    }

    def finds(query):
        terms = [analyse(w) for w in query_words(query)]
        return {key for key, bag in index.items() if all(t & bag for t in terms)}

    recall = sum(expected in finds(q) for q, expected in queries) / len(queries)
    false = sum(bool(finds(w)) for w in unrelated) / len(unrelated)
    return recall, false


def main():
    import django

    django.setup()
    from search.analysis import query_words, words
    from tests.search.polish_set import ARTICLES, QUERIES, UNRELATED

    sample = words(" ".join(" ".join(parts) for parts in ARTICLES.values())) * 20
    print(
        f"{len(QUERIES)} queries, {len(UNRELATED)} unrelated words, "
        f"{len(sample)} words for speed"
    )
    print(f"{'analyser':<42}{'recall':>8}{'false hits':>12}{'words/s':>12}")
    for name, analyse in candidates().items():
        recall, false = evaluate(
            analyse, ARTICLES, QUERIES, UNRELATED, words, query_words
        )
        speeds = []
        for _ in range(5):
            from search.analysis import lemmas_of

            lemmas_of.cache_clear()
            started = time.perf_counter()
            for word in sample:
                analyse(word)
            speeds.append(len(sample) / (time.perf_counter() - started))
        print(
            f"{name:<42}{recall:>8.1%}{false:>12.1%}{statistics.median(speeds):>12,.0f}"
        )


LOADERS = {
    "morfeusz2": "import morfeusz2; morfeusz2.Morfeusz(generate=False).analyse('zasiłku')",
    "simplemma": "import simplemma; simplemma.lemmatize('zasiłku', lang='pl')",
    "pystempel": "from pystempel import Stemmer; Stemmer.polimorf()('zasiłku')",
}


def memory():
    """Resident memory and time each library needs in a fresh process (what
    every gunicorn worker pays)."""
    import subprocess

    script = (
        "import time, sys\n"
        "def rss():\n"
        "    status = open('/proc/self/status').read()\n"
        "    return int(status.split('VmRSS:')[1].split()[0]) // 1024\n"
        "before = rss(); started = time.perf_counter()\n"
        "exec(sys.argv[1])\n"
        "print(rss() - before, round(time.perf_counter() - started, 2))\n"
    )
    print(f"{'library':<42}{'memory MB':>10}{'load s':>8}")
    for name, code in LOADERS.items():
        result = subprocess.run(  # noqa: S603 (our own constant scripts)
            [sys.executable, "-c", script, code],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode:
            print(f"{name:<42}{'not installed':>18}")
            continue
        megabytes, seconds = result.stdout.split()[-2:]
        print(f"{name:<42}{megabytes:>10}{seconds:>8}")


if __name__ == "__main__":
    main()
    memory()
