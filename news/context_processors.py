from django.utils.functional import SimpleLazyObject

from news.models import Office


def office(request):
    """The office's data for the header and footer, read once per request."""
    return {"office": SimpleLazyObject(Office.current)}
