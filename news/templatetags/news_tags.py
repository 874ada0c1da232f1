"""The news app's pieces of other pages: the latest articles (home page) and an
article's structured data."""

from django import template

from base.templatetags.base_tags import (
    iso_datetime,
    json_ld_script,
    share_image,
    shown_language,
)
from news.models import Article

register = template.Library()


@register.inclusion_tag("news/includes/latest_articles.html")
def latest_articles(count=6):
    """The home page's news: featured ones first while featured, then newest."""
    return {
        "articles": Article.objects.published().for_cards().top_featured_first(count)
    }


@register.simple_tag(takes_context=True)
def article_json_ld(context, article, office):
    request = context["request"]
    home = request.build_absolute_uri("/")
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": article.lead,
        "datePublished": iso_datetime(article.published_at),
        "dateModified": iso_datetime(article.updated_at),
        "mainEntityOfPage": request.build_absolute_uri(article.get_absolute_url()),
        "inLanguage": shown_language(article),
        "author": {"@type": "Organization", "name": office.name, "url": home},
        "publisher": {
            "@type": "Organization",
            "name": office.name,
            "url": home,
            "logo": {"@type": "ImageObject", "url": share_image(context)["url"]},
        },
    }
    image = article.main_image
    if image:
        data["image"] = [
            request.build_absolute_uri(r.url) for r in image.renditions["jpg"]
        ]
    else:
        data["image"] = [share_image(context)["url"]]
    return json_ld_script(data)
