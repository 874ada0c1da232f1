from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Site search: a leaf app that reads the content apps; nothing imports it."""

    name = "search"
    verbose_name = "Wyszukiwarka"
