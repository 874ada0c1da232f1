from django.db import models


class Item(models.Model):
    title = models.CharField(max_length=200)
    lead = models.CharField(max_length=300)

    class Meta:
        app_label = "mt"
