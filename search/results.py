"""Site search over the index (search.models): articles, awards, pages and
attachments, best match first (title > lead > body, a lemma match above a
fallback match, newer first on ties) or newest first, each with a snippet
around the match with the matched words marked.

What residents type is analysed as the text was (search.analysis): any
inflected form finds the others, with or without diacritics."""

import difflib
import re
from dataclasses import dataclass

from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.safestring import mark_safe

from base.functions import fold
from search import analysis, backends
from search.models import SearchEntry, SearchTerm

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
#: The most results a search shows: the newest matches, then ranked.
MAX_RESULTS = 300
#: Words around the first match shown as the snippet.
SNIPPET_WORDS = 30
SORTS = {"trafnosc", "data"}
#: The analyser's words, kept (the parentheses) when the text is split.
TOKEN = re.compile(f"({analysis.WORD.pattern})", re.UNICODE)


@dataclass
class Query:
    text: str
    terms: list  # (lemma, fallback) per meaningful word
    words: list  # the words as typed (folded)

    @property
    def lemmas(self):
        return {lemma for lemmas, _ in self.terms for lemma in lemmas}

    @property
    def fallbacks(self):
        return {fallback for _, fallback in self.terms}


def parse(text):
    """The query's terms; a word typed without diacritics gets the lemma of
    the form it stands for, when that form occurs in the indexed text."""
    text = " ".join(text.split())[:MAX_QUERY_LENGTH]
    typed = analysis.query_words(text)[:MAX_WORDS]
    known = dict(
        SearchTerm.objects.filter(folded__in=[fold(w) for w in typed]).values_list(
            "folded", "lemma"
        )
    )
    return Query(
        text,
        analysis.query_terms(" ".join(typed), known=known),
        [fold(w) for w in typed],
    )


def find(query, sort="trafnosc"):
    """Visible entries matching every word, in the order asked for, and
    whether more matched than are shown.

    A word found in nearly everything ("pomocy" on a welfare office's site)
    must cost as little as a rare one: the newest ``MAX_RESULTS`` matches are
    picked through the index without ranking them (one query), and only those
    are ranked. A resident told "ponad 300" adds a word; no one reads further."""
    if not query.terms:
        return SearchEntry.objects.none(), False
    visible = SearchEntry.objects.visible(timezone.now()).filter(
        language=translation.get_language()
    )
    newest = backends.matching(visible, query.terms, rank=False).order_by(
        "-date", "-pk"
    )
    keys = list(newest.values_list("pk", flat=True)[: MAX_RESULTS + 1])
    chosen = SearchEntry.objects.filter(pk__in=keys[:MAX_RESULTS])
    if sort == "data":
        return chosen.order_by("-date", "-pk"), len(keys) > MAX_RESULTS
    ranked = backends.matching(chosen, query.terms)
    return ranked.order_by("-score", "-date", "-pk"), len(keys) > MAX_RESULTS


def entries(query, sort="trafnosc"):
    """Visible entries matching every word, in the order asked for (at most
    the newest ``MAX_RESULTS``)."""
    return find(query, sort)[0]


def snippet(entry, query):
    """About SNIPPET_WORDS words of the entry's text around the first match,
    escaped, with the matched words in <mark>."""
    parts = TOKEN.split(entry.text or "")
    # parts: [between, word, between, word, ...]
    hits = [index for index in range(1, len(parts), 2) if _matches(parts[index], query)]
    first = hits[0] if hits else 1
    start = max(1, first - SNIPPET_WORDS // 3 * 2)
    stop = min(len(parts), start + SNIPPET_WORDS * 2)
    out = ["… " if start > 1 else ""]
    for index in range(start, stop):
        piece = escape(parts[index])
        if index % 2 == 1 and index in hits:
            piece = f"<mark>{piece}</mark>"
        out.append(piece)
    if stop < len(parts):
        out.append(" …")
    return mark_safe(" ".join("".join(out).split()))  # noqa: S308 (escaped above)


def _matches(word, query):
    word = word.lower()
    return bool(set(analysis.lemmas_of(word)) & query.lemmas) or (
        analysis.fallback(word) in query.fallbacks
    )


def suggestion(query):
    """ "Czy chodziło o: …" for a word typed without diacritics or with a typo
    close to a word of the indexed text (its dictionary form preferred); None
    when every word is as written. One query per word."""
    changed, proposal = False, []
    for typed, folded in zip(
        analysis.query_words(query.text)[:MAX_WORDS], query.words, strict=False
    ):
        rows = list(
            SearchTerm.objects.filter(folded__startswith=folded[:2]).values_list(
                "folded", "lemma", "word"
            )[:5000]
        )
        forms = {f: w for f, _, w in rows}
        dictionary = {f: w for f, lemma, w in rows if f in lemma.split()}
        indexed_lemmas = {token for _, lemma, _ in rows for token in lemma.split()}
        if analysis.is_known(typed.lower()) and (
            set(analysis.lemmas_of(typed.lower())) & indexed_lemmas
        ):
            # A correct form of a word the text has ("zasiłkami" for
            # "zasiłek"): the search found it; nothing to ask.
            proposal.append(typed)
            continue
        if folded in forms:
            # Typed as some text writes it (whatever the letter case): as is.
            as_written = {w.lower() for f, _, w in rows if f == folded}
            if typed.lower() in as_written:
                proposal.append(typed)
                continue
            changed = True
            proposal.append(forms[folded])
            continue
        close = difflib.get_close_matches(folded, dictionary, n=1, cutoff=0.75)
        close = close or difflib.get_close_matches(folded, forms, n=1, cutoff=0.8)
        if close:
            changed = True
            proposal.append(dictionary.get(close[0]) or forms[close[0]])
        else:
            proposal.append(typed)
    return " ".join(proposal) if changed else None
