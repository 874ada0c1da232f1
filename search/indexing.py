"""What goes into the search index, and when: each article, award, page and
attachment becomes one SearchEntry when it is saved (signals, search.apps),
and leaves when it is deleted. Builders read fields only (and reverse URLs),
so the migration that fills the index can run them on historical models."""

import datetime
import functools

from django.apps import apps as django_apps
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from base.fields import plain_text
from base.functions import fold
from languages.models import LANGUAGE_CODES
from search import analysis, backends


def _as_datetime(day):
    if day is None or isinstance(day, datetime.datetime):
        return day
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def _padded(terms):
    return f" {terms} " if terms else ""


@functools.lru_cache(maxsize=512)
def _lemmas(text):
    return _padded(analysis.lemmas(text))


@functools.lru_cache(maxsize=256)
def _fallbacks(text):
    return _padded(analysis.fallbacks(text))


def _fields(title, lead, body):
    # An untranslated item's Ukrainian and English entries carry its Polish
    # text: analysed once (the analysis is pure), not three times.
    return {
        "title_terms": _lemmas(title),
        "lead_terms": _lemmas(lead),
        "body_terms": _lemmas(body),
        "fallback_terms": _fallbacks(" ".join([title, lead, body])),
        "analysis_version": analysis.VERSION,
    }


def _value(obj, name, language):
    """Field ``name`` of ``obj`` in ``language``, else its Polish text: read from
    the per-language columns, so historical models (migrations) work too."""
    for attribute in (f"{name}_{language}", f"{name}_pl", name):
        value = getattr(obj, attribute, None)
        if value:
            return value
    return ""


def _translated(obj, language, name="title"):
    return language == "pl" or bool(getattr(obj, f"{name}_{language}", None))


def _phones(office):
    """The office's numbers as text; also for the historical models of a
    migration (before base 0011 the numbers were one ``phone`` text)."""
    if hasattr(office, "phones"):
        return " ".join(office.phones or [])
    return getattr(office, "phone", "")


def _reverse(name, slug, language):
    with translation.override(language):
        return reverse(name, kwargs={"slug": slug})


def article_entry(article, language="pl"):
    body = plain_text(_value(article, "body", language))
    title, lead = _value(article, "title", language), _value(article, "lead", language)
    slug = _value(article, "slug", language)
    return {
        "kind": "article",
        "language": language,
        "text_language": language if _translated(article, language) else "pl",
        "title": title,
        "url": _reverse("news:detail", slug, language),
        "text": f"{lead}\n{body}",
        "date": article.published_at,
        "is_public": article.status == "published" and bool(slug),
        "visible_from": article.published_at,
        "visible_until": article.published_until,
        **_fields(title, lead, body),
    }


def award_entry(award, language="pl"):
    description = plain_text(_value(award, "description", language))
    issuer = getattr(award, "issuer", None)
    recipient = _value(award, "recipient", language)
    issuer_name = _value(issuer, "name", language) if issuer else ""
    lead = " ".join(filter(None, [recipient, issuer_name]))
    title = _value(award, "title", language)
    return {
        "kind": "award",
        "language": language,
        "text_language": language if _translated(award, language) else "pl",
        "title": title,
        "url": _reverse("awards:detail", _value(award, "slug", language), language),
        "text": f"{lead}\n{description}".strip(),
        "date": _as_datetime(award.awarded_on or award.valid_from),
        "is_public": award.is_public,
        "visible_from": None,
        "visible_until": None,
        **_fields(title, lead, description),
    }


def page_entry(page, office=None, language="pl"):
    body = plain_text(_value(page, "body", language))
    lead = _value(page, "description", language)
    if page.kind == "contact" and office is not None:
        # What the contact page shows from "Dane instytucji": found by
        # "kontakt", "godziny pracy", "telefon", the street.
        with translation.override(language):
            keywords = gettext("kontakt adres telefon godziny pracy")
        lead = " ".join(
            [
                lead,
                keywords,
                _value(office, "name", language),
                f"{office.street_address}, {office.postal_code} {office.city}",
                _phones(office),
                office.email,
                _value(office, "office_hours", language),
            ]
        )
    slug = _value(page, "slug", language)
    try:
        url = _reverse("pages:detail", slug, language)
    except NoReverseMatch:
        url = f"/{slug}/"
    title = _value(page, "title", language)
    return {
        "kind": "page",
        "language": language,
        "text_language": language if _translated(page, language) else "pl",
        "title": title,
        "url": url,
        "text": f"{lead}\n{body}".strip(),
        "date": page.updated_at,
        "is_public": page.is_public,
        "visible_from": None,
        "visible_until": None,
        **_fields(title, lead, body),
    }


def attachment_entry(attachment, parent, language="pl"):
    """An attachment's title, found on its own; visible while its parent is."""
    if parent is None:
        return None
    extension = (attachment.file.name or "").rsplit(".", 1)[-1].upper()
    # The document's own text (PDF, DOCX, ODT), read at upload (base).
    body = getattr(attachment, "text", "") or ""
    title = _value(attachment, "title", language)
    with translation.override(language):
        about = gettext("Plik %(format)s, załącznik do: %(parent)s") % {
            "format": extension,
            "parent": parent["title"],
        }
    return {
        "kind": "attachment",
        "language": language,
        "text_language": language if _translated(attachment, language) else "pl",
        "title": title,
        "url": attachment.file.url if attachment.file else parent["url"],
        "text": f"{about}\n{body}",
        "date": parent["date"],
        "is_public": parent["is_public"],
        "visible_from": parent["visible_from"],
        "visible_until": parent["visible_until"],
        **_fields(title, "", body),
    }


# --- writing entries ----------------------------------------------------------


def _vocabulary(values, apps):
    """Remember every word form of the indexed text (for typed-without-
    diacritics queries and "Czy chodziło o")."""
    SearchTerm = apps.get_model("search", "SearchTerm")
    text = " ".join(values)
    forms = {}
    for word in analysis.words(text):
        folded = fold(word)
        if 2 < len(folded) <= 40 and not word.isdigit():
            forms.setdefault(folded, (" ".join(analysis.lemmas_of(word)), word))
    SearchTerm.objects.bulk_create(
        [
            SearchTerm(folded=f, lemma=lemma[:200], word=w)
            for f, (lemma, w) in forms.items()
        ],
        ignore_conflicts=True,
    )


def languages(apps=django_apps):
    """Every language of the site gets its own entries (an untranslated item
    with its Polish text); before the index knew languages (migration 0003),
    Polish only."""
    SearchEntry = apps.get_model("search", "SearchEntry")
    fields = {field.name for field in SearchEntry._meta.get_fields()}
    return LANGUAGE_CODES if "language" in fields else ["pl"]


def store(obj, values, apps=django_apps):
    """Write (or replace) the entry of ``obj`` in ``values``' language; None
    removes every entry of ``obj``."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    SearchEntry = apps.get_model("search", "SearchEntry")
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=True)
    if values is None:
        remove(content_type.pk, [obj.pk], apps)
        return None
    fields = {field.name for field in SearchEntry._meta.get_fields()}
    values = {name: value for name, value in values.items() if name in fields}
    key = {"content_type_id": content_type.pk, "object_id": obj.pk}
    if "language" in fields:
        key["language"] = values.pop("language")
    with transaction.atomic():
        entry, _created = SearchEntry.objects.update_or_create(**key, defaults=values)
        backends.sync([entry.pk])
        _vocabulary([values["title"], values["text"]], apps)
    return entry


def remove(content_type_id, object_ids, apps=django_apps):
    SearchEntry = apps.get_model("search", "SearchEntry")
    entries = SearchEntry.objects.filter(
        content_type_id=content_type_id, object_id__in=object_ids
    )
    backends.forget(entries.values_list("pk", flat=True))
    entries.delete()


def index_with_attachments(obj, describe, apps=django_apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Attachment = apps.get_model("base", "Attachment")
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=True)
    attachments = list(
        Attachment.objects.filter(content_type_id=content_type.pk, object_id=obj.pk)
    )
    for language in languages(apps):
        values = describe(obj, language)
        store(obj, values, apps)
        for attachment in attachments:
            store(attachment, attachment_entry(attachment, values, language), apps)


def index_article(article, apps=django_apps):
    index_with_attachments(article, article_entry, apps)


def index_award(award, apps=django_apps):
    index_with_attachments(award, award_entry, apps)


#: The parents an attachment can have, and how each is described.
PARENT_ENTRIES = {"article": article_entry, "award": award_entry}


def index_attachment(attachment):
    """One attachment saved on its own (an inline row): only its entries are
    written, with its parent's visibility; the parent is not re-indexed."""
    parent = attachment.content_object
    describe = PARENT_ENTRIES.get(parent._meta.model_name) if parent else None
    if describe is not None:
        for language in languages():
            values = attachment_entry(attachment, describe(parent, language), language)
            store(attachment, values)


def index_page(page, apps=django_apps):
    Office = apps.get_model("base", "Office")
    office = Office.objects.first()
    for language in languages(apps):
        store(page, page_entry(page, office, language), apps)


def rebuild(apps=django_apps, progress=None, batch=200):
    """Index everything again (after an analyser upgrade), in one transaction:
    residents keep finding with the old index until the new one is complete.
    Written in bulk, ``batch`` items at a time (a few queries per batch, not a
    few per entry). ``progress`` is called with (done, total); returns total."""
    SearchEntry = apps.get_model("search", "SearchEntry")
    SearchTerm = apps.get_model("search", "SearchTerm")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Attachment = apps.get_model("base", "Attachment")
    Office = apps.get_model("base", "Office")
    office = Office.objects.first()
    sources = [
        (apps.get_model("news", "Article"), article_entry, True),
        (apps.get_model("awards", "Award"), award_entry, True),
        (
            apps.get_model("pages", "Page"),
            lambda page, language: page_entry(page, office, language),
            False,
        ),
    ]
    fields = {field.name for field in SearchEntry._meta.get_fields()}
    codes = languages(apps)
    attachment_type = ContentType.objects.get_for_model(Attachment).pk
    total = sum(model.objects.count() for model, _describe, _files in sources)
    done = 0
    with transaction.atomic():
        backends.clear(SearchEntry.objects.db)
        SearchEntry.objects.all().delete()
        SearchTerm.objects.all().delete()
        for model, describe, with_files in sources:
            content_type = ContentType.objects.get_for_model(model).pk
            queryset = model.objects.order_by("pk")
            if model._meta.model_name == "award":
                queryset = queryset.select_related("issuer")
            for chunk in _chunks(queryset.iterator(chunk_size=batch), batch):
                files = {}
                if with_files:
                    for attachment in Attachment.objects.filter(
                        content_type_id=content_type,
                        object_id__in=[obj.pk for obj in chunk],
                    ):
                        files.setdefault(attachment.object_id, []).append(attachment)
                rows = []
                for obj in chunk:
                    for language in codes:
                        values = describe(obj, language)
                        rows.append(
                            _entry(SearchEntry, fields, content_type, obj, values)
                        )
                        for attachment in files.get(obj.pk, []):
                            about = attachment_entry(attachment, values, language)
                            if about is not None:
                                rows.append(
                                    _entry(
                                        SearchEntry,
                                        fields,
                                        attachment_type,
                                        attachment,
                                        about,
                                    )
                                )
                created = SearchEntry.objects.bulk_create(rows)
                backends.sync([entry.pk for entry in created])
                _vocabulary(
                    [text for row in rows for text in (row.title, row.text)], apps
                )
                done += len(chunk)
                if progress:
                    progress(done, total)
    return total


def _entry(SearchEntry, fields, content_type_id, obj, values):  # noqa: N803
    values = {name: value for name, value in values.items() if name in fields}
    return SearchEntry(content_type_id=content_type_id, object_id=obj.pk, **values)


def _chunks(iterable, size):
    chunk = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
