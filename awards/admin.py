import datetime

from django.contrib import admin, messages
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from awards.models import Award, Issuer, Validity
from base.admin import AttachmentInline, ContentAdmin
from base.models import Office


class ValidityStatusFilter(admin.SimpleListFilter):
    """Status is computed from today's date, so it filters through the QuerySet."""

    title = _("status ważności")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return Validity.choices

    def queryset(self, request, queryset):
        if self.value() in Validity.values:
            return queryset.with_status(self.value(), timezone.localdate())
        return queryset


@admin.register(Issuer)
class IssuerAdmin(ContentAdmin):
    presence_object = _("tę instytucję")
    list_display = ["name", "short_name", "website", "award_count"]
    list_filter = []
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ("name",)}
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(award_count=Count("awards"))

    @admin.display(description=_("Liczba wyróżnień"), ordering="award_count")
    def award_count(self, obj):
        return obj.award_count


@admin.register(Award)
class AwardAdmin(ContentAdmin):
    presence_object = _("to wyróżnienie")
    list_display = ["title", "issuer", "kind", "validity", "status_column", "is_public"]
    list_filter = ["issuer", "kind", ValidityStatusFilter, "is_public"]
    list_select_related = ["issuer"]
    restore_keeps = ["is_public"]  # restoring brings back content, not visibility
    search_fields = [
        "title",
        "description",
        "issuer__name",
        "issuer__short_name",
        "occasion",
        "presented_by",
    ]
    autocomplete_fields = ["issuer", "articles", "renews"]
    inlines = [AttachmentInline]
    prepopulated_fields = {"slug": ("title",)}
    fieldsets = [
        (None, {"fields": ["title", "kind", "issuer", "recipient", "description"]}),
        (
            _("Wręczenie"),
            {"fields": ["awarded_on", "presented_by", "presenter_role", "occasion"]},
        ),
        (_("Ważność"), {"fields": ["valid_from", "valid_until"]}),
        (_("Dokument i powiązania"), {"fields": ["document", "articles", "renews"]}),
        (_("Publikacja"), {"fields": ["is_public", "slug"]}),
    ]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "articles":
            field.label_from_instance = lambda article: article.label_with_state
        return field

    def _hidden_articles(self, award):
        return [
            _(
                "Artykuł „%(title)s” (%(state)s) nie jest widoczny dla mieszkańców, "
                "więc nie pojawi się na stronie wyróżnienia, dopóki nie zostanie "
                "opublikowany."
            )
            % {"title": article.title, "state": article.publication_label}
            for article in award.articles.all()
            if not article.is_live
        ]

    def change_form_warnings(self, award):
        return super().change_form_warnings(award) + self._hidden_articles(award)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        for warning in self._hidden_articles(form.instance):
            messages.warning(request, warning)

    def get_changeform_initial_data(self, request):
        initial = {
            "recipient": Office.current().name,
            **super().get_changeform_initial_data(request),
        }
        asked = str(request.GET.get("renews", ""))
        renewed = Award.objects.filter(pk=asked).first() if asked.isdigit() else None
        if renewed is not None:
            # Adding a renewal: who gives it, what kind, to whom, from the day
            # after the one it renews ends.
            initial.update(
                renews=renewed.pk,
                issuer=renewed.issuer_id,
                kind=renewed.kind,
                recipient=renewed.recipient,
            )
            if renewed.valid_until:
                initial["valid_from"] = renewed.valid_until + datetime.timedelta(days=1)
        return initial

    def autocomplete_label(self, award):
        """The "Odnawia" picker: which certificate, from which years."""
        when = award.validity_display or award.year or ""
        return f"{award} ({when})" if when else str(award)

    def get_search_results(self, request, queryset, search_term):
        # A year ("2022") finds the awards valid, given or starting in it.
        found, duplicates = super().get_search_results(request, queryset, search_term)
        years = [int(w) for w in search_term.split() if w.isdigit() and len(w) == 4]
        for year in years:
            found |= queryset.filter(
                Q(valid_from__year__lte=year, valid_until__year__gte=year)
                | Q(valid_from__year=year)
                | Q(awarded_on__year=year)
            )
        return found, duplicates

    @admin.display(description=_("Ważność"), ordering="valid_until")
    def validity(self, obj):
        return obj.validity_display or "—"

    @admin.display(description=_("Status"))
    def status_column(self, obj):
        status = obj.status
        if status == Validity.EXPIRING:
            days = (obj.valid_until - timezone.localdate()).days
            return format_html("<strong>{} (dni: {})</strong>", status.label, days)
        return status.label

    def changelist_view(self, request, extra_context=None):
        today = timezone.localdate()
        for award in Award.objects.expiring_on(today).for_cards():
            messages.warning(request, award.expiry_notice(today))
        return super().changelist_view(request, extra_context)
