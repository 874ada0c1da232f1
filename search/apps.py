from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class SearchConfig(AppConfig):
    """Site search: a leaf app that reads the content apps; nothing imports it.
    Keeps its index in step with every save and delete of what it indexes."""

    name = "search"
    verbose_name = "Wyszukiwarka"

    def ready(self):
        from search import receivers

        models = {
            "news.Article": receivers.article_saved,
            "awards.Award": receivers.award_saved,
            "awards.Issuer": receivers.issuer_saved,
            "pages.Page": receivers.page_saved,
            "base.Office": receivers.office_saved,
            "base.Attachment": receivers.attachment_saved,
        }
        for label, receiver in models.items():
            model = self.apps.get_model(label)
            uid = f"search-{label}"
            post_save.connect(receiver, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(
                receivers.deleted, sender=model, dispatch_uid=f"{uid}-delete"
            )
