"""What goes into the search index, and when: each article, award, page and
attachment becomes one SearchEntry when it is saved (signals, search.apps),
and leaves when it is deleted. Builders read fields only (and reverse URLs),
so the migration that fills the index can run them on historical models."""

import datetime

from django.apps import apps as django_apps
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from base.fields import plain_text
from base.functions import fold
from search import analysis, backends


def _as_datetime(day):
    if day is None or isinstance(day, datetime.datetime):
        return day
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def _padded(terms):
    return f" {terms} " if terms else ""


def _fields(title, lead, body):
    everything = " ".join([title, lead, body])
    return {
        "title_terms": _padded(analysis.lemmas(title)),
        "lead_terms": _padded(analysis.lemmas(lead)),
        "body_terms": _padded(analysis.lemmas(body)),
        "fallback_terms": _padded(analysis.fallbacks(everything)),
        "analysis_version": analysis.VERSION,
    }


def article_entry(article):
    body = plain_text(article.body)
    return {
        "kind": "article",
        "title": article.title,
        "url": reverse("news:detail", kwargs={"slug": article.slug}),
        "text": f"{article.lead}\n{body}",
        "date": article.published_at,
        "is_public": article.status == "published" and bool(article.slug),
        "visible_from": article.published_at,
        "visible_until": article.published_until,
        **_fields(article.title, article.lead, body),
    }


def award_entry(award):
    description = plain_text(award.description)
    issuer = getattr(award, "issuer", None)
    lead = " ".join(filter(None, [award.recipient, issuer.name if issuer else ""]))
    return {
        "kind": "award",
        "title": award.title,
        "url": reverse("awards:detail", kwargs={"slug": award.slug}),
        "text": f"{lead}\n{description}".strip(),
        "date": _as_datetime(award.awarded_on or award.valid_from),
        "is_public": award.is_public,
        "visible_from": None,
        "visible_until": None,
        **_fields(award.title, lead, description),
    }


def page_entry(page, office=None):
    body = plain_text(page.body)
    lead = page.description
    if page.kind == "contact" and office is not None:
        # What the contact page shows from "Dane instytucji": found by
        # "kontakt", "godziny pracy", "telefon", the street.
        lead = " ".join(
            [
                lead,
                "kontakt adres telefon godziny pracy",
                office.name,
                f"{office.street_address}, {office.postal_code} {office.city}",
                office.phone,
                office.email,
                office.office_hours,
            ]
        )
    try:
        url = reverse("pages:detail", kwargs={"slug": page.slug})
    except NoReverseMatch:
        url = f"/{page.slug}/"
    return {
        "kind": "page",
        "title": page.title,
        "url": url,
        "text": f"{lead}\n{body}".strip(),
        "date": page.updated_at,
        "is_public": page.is_public,
        "visible_from": None,
        "visible_until": None,
        **_fields(page.title, lead, body),
    }


def attachment_entry(attachment, parent):
    """An attachment's title, found on its own; visible while its parent is."""
    if parent is None:
        return None
    extension = (attachment.file.name or "").rsplit(".", 1)[-1].upper()
    # The document's own text (PDF, DOCX, ODT), read at upload (base).
    body = getattr(attachment, "text", "") or ""
    return {
        "kind": "attachment",
        "title": attachment.title,
        "url": attachment.file.url if attachment.file else parent["url"],
        "text": f"Plik {extension}, załącznik do: {parent['title']}\n{body}",
        "date": parent["date"],
        "is_public": parent["is_public"],
        "visible_from": parent["visible_from"],
        "visible_until": parent["visible_until"],
        **_fields(attachment.title, "", body),
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


def store(obj, values, apps=django_apps):
    """Write (or replace) the entry of ``obj`` with ``values``; None removes it."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    SearchEntry = apps.get_model("search", "SearchEntry")
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=True)
    if values is None:
        remove(content_type.pk, [obj.pk], apps)
        return None
    with transaction.atomic():
        entry, _ = SearchEntry.objects.update_or_create(
            content_type_id=content_type.pk, object_id=obj.pk, defaults=values
        )
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


def index_with_attachments(obj, values, apps=django_apps):
    store(obj, values, apps)
    ContentType = apps.get_model("contenttypes", "ContentType")
    Attachment = apps.get_model("base", "Attachment")
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=True)
    for attachment in Attachment.objects.filter(
        content_type_id=content_type.pk, object_id=obj.pk
    ):
        store(attachment, attachment_entry(attachment, values), apps)


def index_article(article, apps=django_apps):
    index_with_attachments(article, article_entry(article), apps)


def index_award(award, apps=django_apps):
    index_with_attachments(award, award_entry(award), apps)


#: The parents an attachment can have, and how each is described.
PARENT_ENTRIES = {"article": article_entry, "award": award_entry}


def index_attachment(attachment):
    """One attachment saved on its own (an inline row): only its entry is
    written, with its parent's visibility; the parent is not re-indexed."""
    parent = attachment.content_object
    describe = PARENT_ENTRIES.get(parent._meta.model_name) if parent else None
    if describe is not None:
        store(attachment, attachment_entry(attachment, describe(parent)))


def index_page(page, apps=django_apps):
    Office = apps.get_model("base", "Office")
    store(page, page_entry(page, Office.objects.first()), apps)


def rebuild(apps=django_apps, progress=None):
    """Index everything again (after an analyser upgrade). ``progress`` is
    called with (done, total)."""
    SearchEntry = apps.get_model("search", "SearchEntry")
    SearchTerm = apps.get_model("search", "SearchTerm")
    ContentType = apps.get_model("contenttypes", "ContentType")
    sources = [
        (apps.get_model("news", "Article"), index_article),
        (apps.get_model("awards", "Award"), index_award),
        (apps.get_model("pages", "Page"), index_page),
    ]
    total = sum(model.objects.count() for model, _ in sources)
    done = 0
    SearchTerm.objects.all().delete()
    existing = set(SearchEntry.objects.values_list("content_type_id", "object_id"))
    seen = set()
    for model, index in sources:
        queryset = model.objects.all()
        if model._meta.model_name == "award":
            queryset = queryset.select_related("issuer")
        for obj in queryset.iterator(chunk_size=500):
            index(obj, apps)
            seen.add((ContentType.objects.get_for_model(obj).pk, obj.pk))
            done += 1
            if progress:
                progress(done, total)
    # Entries of things that no longer exist (attachments are kept with their
    # parents above; their own pairs are added by store()).
    current = set(SearchEntry.objects.values_list("content_type_id", "object_id"))
    stale = (existing - seen) & current
    Attachment = apps.get_model("base", "Attachment")
    attachment_type = ContentType.objects.get_for_model(Attachment).pk
    live_attachments = set(Attachment.objects.values_list("pk", flat=True))
    for content_type_id, object_id in stale:
        if content_type_id == attachment_type and object_id in live_attachments:
            continue
        remove(content_type_id, [object_id], apps)
    return total
