"""How text is analysed for search, the same way for what is indexed and for
what residents type, so both sides agree.

Each word gives two terms:
- its **lemma** (dictionary form, from simplemma's Polish dictionary), folded to
  lower case without diacritics: "zasiłku", "zasiłkiem" → ``zasilek``;
- a **fallback**: the first PREFIX letters of the folded word, for forms the
  dictionary does not know or that were typed without diacritics ("zasilku" →
  ``zasil``, which "zasiłek" also gives).
A lemma match ranks above a fallback match. The choice of simplemma, and of
the prefix length, was measured on tests/search/polish_set.py:
bench/search_analysers.py, README.
"""

import re
from functools import lru_cache

import simplemma

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


@lru_cache(maxsize=50_000)
def lemma(word):
    """The folded dictionary form of one word (itself when unknown)."""
    return fold(simplemma.lemmatize(word, lang="pl"))


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
    return " ".join(lemma(word) for word in words(text))


def fallbacks(text):
    return " ".join(sorted({fallback(word) for word in words(text)}))


def query_terms(query, known=None):
    """Per word of a query: (lemma, fallback). ``known`` maps a folded form
    seen in the indexed text to its lemma: a word typed without diacritics
    ("zasilku") gets the lemma of the form it stands for."""
    terms = []
    for word in query_words(query):
        base = lemma(word)
        if known and base == fold(word) and base in known:
            base = known[base]
        terms.append((base, fallback(word)))
    return terms
