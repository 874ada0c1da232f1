from django.urls import path

from news import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="list"),
    path("kanaly/", views.FeedsHelpView.as_view(), name="feeds"),
    path("rss/", feeds.LatestArticlesFeed(), name="feed"),
    path("atom/", feeds.LatestArticlesAtomFeed(), name="atom"),
    path(
        "kategoria/<slug:slug>/",
        views.CategoryArticleListView.as_view(),
        name="category",
    ),
    path("kategoria/<slug:slug>/rss/", feeds.CategoryFeed(), name="category_feed"),
    path("kategoria/<slug:slug>/atom/", feeds.CategoryAtomFeed(), name="category_atom"),
    # A signed link for a reviewer without an account (news.PreviewLink).
    path("podglad/<str:token>/", views.preview_link, name="preview"),
    # Articles cannot take the slugs above ("kanaly", "rss", …): see base/slugs.py.
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
]
