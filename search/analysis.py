"""How text is analysed for search, the same way for what is indexed and for
what residents type, so both sides agree.

Each word gives its terms:
- its **lemmas** (dictionary forms, from Morfeusz 2 with the SGJP dictionary; a
  word can have more than one, "niepełnosprawnych" → niepełnosprawny,
  niepełnosprawna), folded to lower case without diacritics: "zasiłku",
  "zasiłkiem" → ``zasilek``;
- a **fallback**: the first PREFIX letters of the folded word, for forms the
  dictionary does not know or that were typed without diacritics ("zasilku" →
  ``zasil``, which "zasiłek" also gives).
A lemma match ranks above a fallback match. The choice of Morfeusz 2, and of
the prefix length, was measured on tests/search/polish_set.py:
bench/search_analysers.py, docs/search.md.
"""

import re
import threading
from functools import lru_cache

import morfeusz2

from base.functions import fold

#: Version of the analysis: stored with every entry; rebuild_search_index
#: re-analyses entries made by an older one.
VERSION = 1
#: Letters kept by the fallback term.
PREFIX = 5
#: Marks a fallback term, so it never equals a lemma.
FALLBACK_MARK = "zz"
# Letters and digits; "_" splits words, as the databases' tokenizers do.
WORD = re.compile(r"[^\W_]+", re.UNICODE)


_local = threading.local()


def _morfeusz():
    # Morfeusz objects are not thread-safe: one per thread (about 10 MB each;
    # the dictionary itself is shared).
    if not hasattr(_local, "morfeusz"):
        _local.morfeusz = morfeusz2.Morfeusz(generate=False, expand_tags=False)
    return _local.morfeusz


@lru_cache(maxsize=50_000)
def lemmas_of(word):
    """The folded dictionary forms of one word (itself when unknown), sorted."""
    found = {
        # A lemma can hold a dot or a space ("np." → "na przykład"): only its
        # letters and digits, so every engine reads it as one term.
        "".join(WORD.findall(fold(interpretation[2][1].split(":", 1)[0])))
        for interpretation in _morfeusz().analyse(word)
        if interpretation[2][2] != "ign"  # "ign": a form Morfeusz does not know
    }
    found.discard("")
    return tuple(sorted(found)) or (fold(word),)


@lru_cache(maxsize=50_000)
def is_known(word):
    """Whether ``word`` is a form of the Polish dictionary as written (with its
    diacritics): "zasiłkami" is, "zasilkami" is not."""
    return any(
        interpretation[2][2] != "ign" for interpretation in _morfeusz().analyse(word)
    )


def lemma(word):
    """One folded dictionary form of ``word`` (the first of lemmas_of)."""
    return lemmas_of(word)[0]


def fallback(word):
    return FALLBACK_MARK + fold(word)[:PREFIX]


#: Longer "words" are codes or garbage, not something a resident types.
LONGEST_WORD = 40


def words(text):
    return [w.lower() for w in WORD.findall(text or "") if len(w) <= LONGEST_WORD]


#: Words that say nothing about what is sought ("zasiłek dla seniorów"): left
#: out of queries, unless the query has nothing else.
STOP_WORDS = frozenset(
    [
        "a",
        "aby",
        "albo",
        "ale",
        "bo",
        "by",
        "czy",
        "dla",
        "do",
        "i",
        "iż",
        "jak",
        "jako",
        "jest",
        "lub",
        "na",
        "nad",
        "nie",
        "niż",
        "o",
        "od",
        "oraz",
        "po",
        "pod",
        "przez",
        "przy",
        "się",
        "są",
        "ta",
        "te",
        "to",
        "tu",
        "u",
        "w",
        "we",
        "z",
        "za",
        "ze",
        "że",
        "ku",
    ]
)


def query_words(query):
    """The words of a query that carry meaning."""
    found = words(query)
    meaningful = [word for word in found if word not in STOP_WORDS]
    return meaningful or found


def lemmas(text):
    """The lemma terms of ``text``, in order, space-separated."""
    return " ".join(" ".join(lemmas_of(word)) for word in words(text))


def fallbacks(text):
    return " ".join(sorted({fallback(word) for word in words(text)}))


def query_terms(query, known=None):
    """Per word of a query: (its lemmas, its fallback). ``known`` maps a
    folded form seen in the indexed text to its lemmas: a word typed without
    diacritics ("zasilku") gets the lemmas of the form it stands for."""
    terms = []
    for word in query_words(query):
        found = lemmas_of(word)
        if known and found == (fold(word),) and fold(word) in known:
            found = tuple(known[fold(word)].split())
        terms.append((found, fallback(word)))
    return terms
