from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    """Residents' pages whole from the shared cache (Redis), never stale. No
    models and nothing of the project: each app declares what its pages show
    (``watch``, ``changes_at``), base the cookies that vary them and where the
    database counts changes."""

    name = "page_cache"
