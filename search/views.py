from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.shortcuts import render

from search import results


def search(request):
    query = " ".join(request.GET.get("q", "").split())[: results.MAX_QUERY_LENGTH]
    paginator = Paginator(results.search(query), settings.NEWS_PAGE_SIZE)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except (EmptyPage, PageNotAnInteger):
        raise Http404("Nie ma takiej strony wyników.") from None
    return render(
        request,
        "search/search.html",
        {"query": query, "page_obj": page, "results": page.object_list},
    )
