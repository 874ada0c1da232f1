from django.urls import path
from django.utils.translation import gettext_lazy as _

from news import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="list"),
    path(_("kanaly/"), views.FeedsHelpView.as_view(), name="feeds"),
    path("rss/", feeds.LatestArticlesFeed(), name="feed"),
    path("atom/", feeds.LatestArticlesAtomFeed(), name="atom"),
    path(
        _("kategoria/<slug:slug>/"),
        views.CategoryArticleListView.as_view(),
        name="category",
    ),
    path(_("kategoria/<slug:slug>/rss/"), feeds.CategoryFeed(), name="category_feed"),
    path(
        _("kategoria/<slug:slug>/atom/"), feeds.CategoryAtomFeed(), name="category_atom"
    ),
    # A signed link for a reviewer without an account (news.PreviewLink).
    path(_("podglad/<str:token>/"), views.preview_link, name="preview"),
    # Articles cannot take the slugs above ("kanaly", "rss", …): see news.models.RESERVED_SLUGS.
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
]
