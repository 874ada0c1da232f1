"""Pages of long lists at a cost that does not grow with the archive."""

from django.core.paginator import Paginator
from django.db.models import QuerySet, Subquery
from django.utils.functional import cached_property

from page_cache import cache as page_cache


class ArchivePaginator(Paginator):
    """A Paginator for ten years of news:

    - the number of items is remembered in the shared cache under ``count_key``
      until content changes (``page_cache.remember``), not counted on
      every page;
    - a page's rows are picked by their keys first, in a subquery that reads
      only the ordering's columns (an index-only walk on PostgreSQL, even at
      page 900), and read whole only for those ten.

    Same queries as Django's Paginator; same pages and numbers."""

    def __init__(self, object_list, per_page, *, count_key, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self):
        if not isinstance(self.object_list, QuerySet):
            return len(self.object_list)
        return page_cache.remember(self.count_key, self.object_list.count)

    def page(self, number):
        if not isinstance(self.object_list, QuerySet):
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        keys = self.object_list.values("pk")[bottom:top]
        rows = self.object_list.filter(pk__in=Subquery(keys))
        return self._get_page(rows, number, self)
