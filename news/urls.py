from django.urls import path

from news import views

app_name = "news"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="list"),
    path(
        "kategoria/<slug:slug>/",
        views.CategoryArticleListView.as_view(),
        name="category",
    ),
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
]
