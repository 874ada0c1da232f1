from django.shortcuts import render
from django.utils import timezone
from django.views.generic import DetailView

from awards.models import Award, Issuer
from base.views import ContentDetailView, TranslatedSlugMixin


def award_list(request):
    today = timezone.localdate()
    awards = Award.objects.public().for_cards().translated_first()
    return render(
        request,
        "awards/award_list.html",
        {
            "current_awards": awards.not_expired_on(today),
            "archived_awards": awards.expired_on(today),
        },
    )


class AwardDetailView(ContentDetailView):
    queryset = Award.objects.for_cards()

    def get_context_data(self, **kwargs):
        award = self.object
        return super().get_context_data(
            articles=award.articles.published(),
            history=[earlier for earlier in award.history() if earlier.is_public],
            renewals=award.renewals.public(),
            **kwargs,
        )


class IssuerDetailView(TranslatedSlugMixin, DetailView):
    model = Issuer

    def get_context_data(self, **kwargs):
        awards = self.object.awards.public().for_cards().translated_first()
        return super().get_context_data(awards=awards, **kwargs)
