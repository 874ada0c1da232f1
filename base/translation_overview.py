"""The panel's translation overview ("Tłumaczenia"): every translatable item
in every language, with its state (brak / aktualne / nieaktualne), filtered
by kind, language and state. The states come from the rows' own counters
(base.models.Translatable): one query per kind of content."""

from django.apps import apps
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from languages.models import TRANSLATION_LANGUAGES, Translatable, TranslationStatus

PAGE_SIZE = 100
LANGUAGE_NAMES = {"uk": gettext_lazy("ukraiński"), "en": gettext_lazy("angielski")}


def translatable_models(user):
    """The translatable kinds of content this person may change."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Translatable)
        and user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")
    ]


def _status(row, language):
    if not row[f"{row['_title']}_{language}"]:
        return TranslationStatus.MISSING
    if row[f"translated_from_{language}"] == row["source_revision"]:
        return TranslationStatus.CURRENT
    return TranslationStatus.OUTDATED


def _rows(model):
    title = model.translation_title
    columns = [
        "pk",
        f"{title}_pl",
        *(f"{title}_{language}" for language in TRANSLATION_LANGUAGES),
        "source_revision",
        *(f"translated_from_{language}" for language in TRANSLATION_LANGUAGES),
    ]
    for row in model._base_manager.order_by("-pk").values(*columns):
        row["_title"] = title
        yield {
            "kind": model._meta.verbose_name,
            "key": model._meta.label_lower,
            "name": row[f"{title}_pl"] or f"#{row['pk']}",
            "url": _change_url(model, row["pk"]),
            "statuses": {
                language: _status(row, language) for language in TRANSLATION_LANGUAGES
            },
        }


def _change_url(model, pk):
    try:
        return reverse(
            f"admin:{model._meta.app_label}_{model._meta.model_name}_change",
            args=[quote(pk)],
        )
    except NoReverseMatch:
        return ""


def overview(request, site):
    models = translatable_models(request.user)
    if not models:
        raise PermissionDenied
    kinds = {model._meta.label_lower: model for model in models}
    kind = request.GET.get("rodzaj", "")
    language = request.GET.get("jezyk", "")
    state = request.GET.get("stan", "")
    rows = []
    totals = {
        code: dict.fromkeys(TranslationStatus.values, 0)
        for code in TRANSLATION_LANGUAGES
    }
    for key, model in kinds.items():
        for row in _rows(model):
            for code, status in row["statuses"].items():
                totals[code][status] += 1
            if kind and key != kind:
                continue
            wanted = [language] if language in TRANSLATION_LANGUAGES else None
            if state in TranslationStatus.values and not any(
                row["statuses"][code] == state
                for code in (wanted or TRANSLATION_LANGUAGES)
            ):
                continue
            rows.append(row)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        **site.each_context(request),
        "title": _("Tłumaczenia"),
        "page_obj": page,
        "kinds": [
            (key, model._meta.verbose_name_plural) for key, model in kinds.items()
        ],
        "languages": [(code, LANGUAGE_NAMES[code]) for code in TRANSLATION_LANGUAGES],
        "states": TranslationStatus.choices,
        "kind": kind,
        "language": language,
        "state": state,
        "totals": [
            (
                LANGUAGE_NAMES[code],
                [
                    (label, totals[code][value])
                    for value, label in TranslationStatus.choices
                ],
            )
            for code in TRANSLATION_LANGUAGES
        ],
    }
    return TemplateResponse(request, "admin/translations.html", context)
