from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.generic import DetailView, ListView

from awards.models import Award
from news.models import Article, ArticleImage, Category

HOME_ARTICLES = 6


def home(request):
    articles = (
        Article.objects.published()
        .for_cards()
        .order_by("-is_featured", "-published_at", "-pk")[:HOME_ARTICLES]
    )
    awards = Award.objects.public().valid_on(timezone.localdate()).for_cards()
    return render(request, "home.html", {"articles": articles, "awards": awards})


class PublishedArticleMixin:
    paginate_by = settings.NEWS_PAGE_SIZE
    allow_empty = True

    def get_queryset(self):
        return Article.objects.published().for_cards()


class ArticleListView(PublishedArticleMixin, ListView):
    pass


class CategoryArticleListView(PublishedArticleMixin, ListView):
    template_name = "news/category_detail.html"

    def get_queryset(self):
        self.category = get_object_or_404(Category, slug=self.kwargs["slug"])
        return super().get_queryset().filter(category=self.category)

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, **kwargs)


class ArticleDetailView(DetailView):
    def get_queryset(self):
        # Staff who may edit articles preview drafts through "View on site".
        if self.request.user.has_perm("news.change_article"):
            return Article.objects.for_cards()
        return Article.objects.published().for_cards()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        context["awards"] = article.awards.public()
        context["gallery"] = article.images.filter(
            placement=ArticleImage.Placement.GALLERY
        )
        context["attachments"] = article.attachments.all()
        if self.request.user.has_perm("news.change_article"):
            public = Article.objects.published().filter(pk=self.object.pk).exists()
            context["is_preview"] = not public
        return context
