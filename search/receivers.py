"""Signal receivers that keep the search index in step (search.apps)."""

from django.contrib.contenttypes.models import ContentType

from search import indexing


def article_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        indexing.index_article(instance)


def award_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        indexing.index_award(instance)


def issuer_saved(sender, instance, raw=False, **kwargs):
    # Awards are found by their issuer's name too.
    if not raw:
        for award in instance.awards.all():
            indexing.index_award(award)


def page_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        indexing.index_page(instance)


def office_saved(sender, instance, raw=False, **kwargs):
    # The contact page is found by the office's address, phones and hours.
    if raw:
        return
    from pages.models import Page

    for page in Page.objects.filter(kind=Page.Kind.CONTACT):
        indexing.index_page(page)


def attachment_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        indexing.index_attachment(instance)


def deleted(sender, instance, **kwargs):
    content_type = ContentType.objects.get_for_model(instance)
    indexing.remove(content_type.pk, [instance.pk])
    if hasattr(instance, "attachments"):
        from base.models import Attachment

        attachment_type = ContentType.objects.get_for_model(Attachment)
        ids = list(instance.attachments.values_list("pk", flat=True))
        indexing.remove(attachment_type.pk, ids)
