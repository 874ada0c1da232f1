from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import ListView, TemplateView

from base.paginator import ArchivePaginator
from base.views import ContentDetailView, by_translated_slug
from news.models import Article, ArticleImage, Category, PreviewLink


class PublishedArticleMixin:
    paginate_by = settings.NEWS_PAGE_SIZE
    allow_empty = True
    paginator_class = ArchivePaginator

    def get_queryset(self):
        return Article.objects.published().for_cards().translated_first()

    def get_paginator(self, queryset, per_page, **kwargs):
        category = getattr(self, "category", None)
        key = f"news-list:{get_language()}:{category.pk if category else 'all'}"
        return self.paginator_class(queryset, per_page, count_key=key, **kwargs)


class ArticleListView(PublishedArticleMixin, ListView):
    pass


class CategoryArticleListView(PublishedArticleMixin, ListView):
    """A category's articles, at the category's address in the page's language
    (opened by its Polish slug under /uk/ or /en/, it sends there)."""

    template_name = "news/category_detail.html"

    def get(self, request, *args, **kwargs):
        self.category = by_translated_slug(Category.objects.all(), kwargs["slug"])
        address = self.category.get_absolute_url()
        if address != request.path:
            query = request.GET.urlencode()
            return HttpResponseRedirect(f"{address}?{query}" if query else address)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return super().get_queryset().filter(category=self.category)

    def get_context_data(self, **kwargs):
        # ``object``: the language switcher and hreflang links give the
        # category's own address in each language.
        return super().get_context_data(
            category=self.category, object=self.category, **kwargs
        )


class ArticleDetailView(ContentDetailView):
    queryset = Article.objects.for_cards().select_related("published_by")

    def public(self, queryset):
        # Past their end of publication, articles stay at their address under
        # an archive label (calls and programmes must not vanish).
        return queryset.reachable()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        context["gallery"] = article.images.filter(
            placement=ArticleImage.Placement.GALLERY
        )
        context["attachments"] = article.attachments.all()
        image = article.main_image
        if image is not None:
            largest = image.renditions["jpg"][-1]
            context["og_image"] = self.request.build_absolute_uri(largest.url)
            context["og_image_alt"] = image.alt
            context["og_image_size"] = (largest.width, largest.height)
        return context


class FeedsHelpView(TemplateView):
    """What a feed is, in plain Polish, with every feed's address to copy: a
    resident who clicks "RSS" should not land on raw XML."""

    template_name = "news/feeds_help.html"

    def get_context_data(self, **kwargs):
        published = Article.objects.published().values("category")
        return super().get_context_data(
            categories=Category.objects.filter(pk__in=published), **kwargs
        )


@never_cache
def preview_link(request, token):
    """An article's current text for a reviewer without an account, at a
    signed address valid for 7 days unless revoked: read-only, never cached,
    not indexed. A tampered token is not found; an expired or revoked one says
    so."""
    link = PreviewLink.from_token(token)
    if link is None and not PreviewLink.objects.filter(pk=_unsigned_pk(token)).exists():
        raise Http404(_("Nie ma takiego podglądu."))
    if link is None or not link.is_active:
        response = render(request, "news/preview_link_invalid.html", status=410)
    else:
        article = link.article
        response = render(
            request,
            "news/article_detail.html",
            {
                "article": article,
                "object": article,
                "gallery": article.images.filter(
                    placement=ArticleImage.Placement.GALLERY
                ),
                "attachments": article.attachments.all(),
                "is_preview": True,
                "preview_link": link,
            },
        )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _unsigned_pk(token):
    """The link number a token claims, without trusting it: only to tell an
    expired link (real, but old) from a forged one."""
    from django.core import signing

    try:
        return signing.loads(token, salt=PreviewLink.SALT, max_age=None)
    except signing.BadSignature:
        return None
