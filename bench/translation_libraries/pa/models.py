from django.db import models
from parler.models import TranslatableModel, TranslatedFields


class Item(TranslatableModel):
    translations = TranslatedFields(
        title=models.CharField(max_length=200), lead=models.CharField(max_length=300)
    )

    class Meta:
        app_label = "pa"
