from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from search import results


def search(request):
    """Results for ?q=, best first (or newest first with ?sortuj=data), with
    snippets; a suggestion when a word looks mistyped; help when nothing is
    found. A fixed number of queries whatever the number of results."""
    text = " ".join(request.GET.get("q", "").split())[: results.MAX_QUERY_LENGTH]
    sort = request.GET.get("sortuj", "trafnosc")
    if sort not in results.SORTS:
        sort = "trafnosc"
    query = results.parse(text)
    found, more = results.find(query, sort)
    paginator = Paginator(found, settings.NEWS_PAGE_SIZE)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except (EmptyPage, PageNotAnInteger):
        raise Http404(_("Nie ma takiej strony wyników.")) from None
    found = [(entry, results.snippet(entry, query)) for entry in page.object_list]
    suggestion = results.suggestion(query) if text else None
    return render(
        request,
        "search/search.html",
        {
            "query": text,
            "sort": sort,
            "page_obj": page,
            "results": found,
            "suggestion": suggestion,
            "more_than_shown": more,
        },
    )
