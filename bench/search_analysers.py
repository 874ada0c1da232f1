"""Benchmark: which Polish analyser finds what residents type.

    make bench

On the test set in tests/search/polish_set.py (12 articles in a welfare office's
words, 72 inflected queries, many without diacritics, and 60 unrelated words),
each candidate analyses the articles and the queries the same way; a query finds
an article when each of its words shares a term with it. Prints recall (queries
that find their article), false hits (unrelated words that find any article) and
speed (words analysed per second, median of 5). Candidates not installed are
skipped: pystempel and morfeusz2 are not dependencies of the site.
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
        "simplemma lemma only": lambda w: {analysis.lemma(w)},
        "simplemma lemma + prefix of 5 (chosen)": lambda w: {
            analysis.lemma(w),
            analysis.fallback(w),
        },
    }
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
    try:
        import morfeusz2

        morfeusz = morfeusz2.Morfeusz(generate=False)

        def morf(word):
            lemmas = {fold(a[2][1].split(":")[0]) for a in morfeusz.analyse(word)}
            return lemmas or {fold(word)}

        found["morfeusz2 lemmas (all readings)"] = morf
        found["morfeusz2 lemmas + prefix of 5"] = lambda w: (
            morf(w) | {analysis.fallback(w)}
        )
    except ImportError:
        print("morfeusz2 not installed: skipped")
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
            from search.analysis import lemma

            lemma.cache_clear()
            started = time.perf_counter()
            for word in sample:
                analyse(word)
            speeds.append(len(sample) / (time.perf_counter() - started))
        print(
            f"{name:<42}{recall:>8.1%}{false:>12.1%}{statistics.median(speeds):>12,.0f}"
        )


if __name__ == "__main__":
    main()
