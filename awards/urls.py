from django.urls import path
from django.utils.translation import gettext_lazy as _

from awards import views

app_name = "awards"

urlpatterns = [
    path("", views.award_list, name="list"),
    path(
        _("przyznajacy/<slug:slug>/"), views.IssuerDetailView.as_view(), name="issuer"
    ),
    path("<slug:slug>/", views.AwardDetailView.as_view(), name="detail"),
]
