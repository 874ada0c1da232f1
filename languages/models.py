"""Content in Polish, Ukrainian and English: the abstract ``Translatable``
(columns per language added by django-modeltranslation from each app's
``translation.py``), its QuerySet (lists per language) and the translation
status kept on the row."""

from django.conf import settings
from django.db import models
from django.db.models import Case, Q, When
from django.utils import translation
from django.utils.translation import gettext_lazy as _

#: Every language of the site; Polish, the first, is the source of translations.
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
#: The languages content is translated into.
TRANSLATION_LANGUAGES = [code for code in LANGUAGE_CODES if code != "pl"]


class TranslatableQuerySet(models.QuerySet):
    """Lists in a language: only translated items (feeds), or translated items
    first and the rest after them (lists), in the same one query."""

    def _missing(self, language):
        field = f"{self.model.translation_title}_{language}"
        return Q(**{f"{field}__isnull": True}) | Q(**{field: ""})

    def translated(self, language=None):
        language = language or translation.get_language()
        if language not in TRANSLATION_LANGUAGES:
            return self
        return self.exclude(self._missing(language))

    def by_translated_slug(self, slug, language=None):
        """The item whose slug in ``language`` is ``slug``, else the one whose
        Polish slug it is (untranslated items, old links), else None."""
        field = f"slug_{language or translation.get_language()}"
        found = list(self.filter(Q(**{field: slug}) | Q(slug_pl=slug))[:2])
        for obj in found:
            if getattr(obj, field) == slug:
                return obj
        return found[0] if found else None

    def translated_first(self, language=None):
        language = language or translation.get_language()
        if language not in TRANSLATION_LANGUAGES:
            return self
        order = list(self.query.order_by) or list(self.model._meta.ordering)
        return self.alias(
            untranslated=Case(
                When(self._missing(language), then=1),
                default=0,
                output_field=models.IntegerField(),
            )
        ).order_by("untranslated", *order)


class TranslationStatus(models.TextChoices):
    MISSING = "missing", _("brak")
    CURRENT = "current", _("aktualne")
    OUTDATED = "outdated", _("nieaktualne")


class Translatable(models.Model):
    """Content with Ukrainian and English versions (columns per language added
    by django-modeltranslation from each app's ``translation.py``).

    ``source_revision`` counts real changes of the Polish text; each translation
    remembers the revision it was made from. A real change ("istotna zmiana", or
    a change whose kind nobody gave) makes existing translations outdated; a
    correction does not; editing a translation, or confirming it, makes it
    current. All of it lives on the row: public pages read the status without a
    query."""

    #: The field whose translation decides whether a language version exists.
    translation_title = "title"
    #: Slugs an item of this model cannot take in any language (its section's
    #: own addresses); each model gives its own.
    reserved_slugs = frozenset()

    source_revision = models.PositiveIntegerField(
        _("wersja polskiego tekstu"), default=1, db_default=1, editable=False
    )
    translated_from_uk = models.PositiveIntegerField(
        _("tłumaczenie ukraińskie z wersji"), null=True, blank=True, editable=False
    )
    translated_from_en = models.PositiveIntegerField(
        _("tłumaczenie angielskie z wersji"), null=True, blank=True, editable=False
    )

    #: Set by the admin's form: True for a real change, False for a correction.
    change_is_major = None
    #: Set by the admin's form: languages a translator confirmed as current.
    confirmed_translations = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None:
            self.fill_translated_slugs()
        self.track_translations(kwargs.get("update_fields"))
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {
                *update_fields,
                "source_revision",
                *(f"translated_from_{lang}" for lang in TRANSLATION_LANGUAGES),
            }
        super().save(*args, **kwargs)

    def translated_slugs(self):
        """(language, field) of each translated slug: ("uk", "slug_uk"), …"""
        if "slug" not in self.translated_field_names():
            return []
        return [(language, f"slug_{language}") for language in TRANSLATION_LANGUAGES]

    def fill_translated_slugs(self):
        """A translation gets its own address from its title, once (a later
        change of the title keeps the address, as in Polish)."""
        from languages.slugs import unique_slug

        for language, field in self.translated_slugs():
            title = getattr(self, f"{self.translation_title}_{language}", None)
            if title and not getattr(self, field, None):
                fallback = getattr(self, "slug_pl", None) or "wpis"
                setattr(
                    self,
                    field,
                    unique_slug(
                        self,
                        title,
                        field=field,
                        fallback=fallback,
                        reserved=self.reserved_slugs,
                    ),
                )

    def fill_translations(self, translations):
        """Fill the empty ones of ``{language: {field: text}}`` and save if any
        was empty: what staff already wrote is kept (demo content, imports)."""
        changed = False
        for language, fields in translations.items():
            for name, value in fields.items():
                if not getattr(self, f"{name}_{language}"):
                    setattr(self, f"{name}_{language}", value.strip())
                    changed = True
        if changed:
            self.save()

    @classmethod
    def translated_field_names(cls):
        from modeltranslation.translator import translator

        return list(translator.get_options_for_model(cls).get_field_names())

    def has_translation(self, language):
        if language not in TRANSLATION_LANGUAGES:
            return True
        return bool(getattr(self, f"{self.translation_title}_{language}", None))

    def translation_status(self, language):
        if not self.has_translation(language):
            return TranslationStatus.MISSING
        if getattr(self, f"translated_from_{language}") == self.source_revision:
            return TranslationStatus.CURRENT
        return TranslationStatus.OUTDATED

    def translation_statuses(self):
        return {lang: self.translation_status(lang) for lang in TRANSLATION_LANGUAGES}

    def track_translations(self, update_fields=None):
        """Bring the revision counters up to date before a save."""
        names = self.translated_field_names()
        if update_fields is not None and not {
            f"{name}_{lang}" for name in names for lang in LANGUAGE_CODES
        } & set(update_fields):
            return
        stored = None
        if self.pk is not None and not self._state.adding:
            columns = [
                "source_revision",
                *(f"{name}_{lang}" for name in names for lang in LANGUAGE_CODES),
            ]
            stored = (
                type(self)._base_manager.filter(pk=self.pk).values(*columns).first()
            )

        def changed(language):
            if stored is None:
                return True
            return any(
                (stored[f"{name}_{language}"] or "")
                != (getattr(self, f"{name}_{language}") or "")
                for name in names
            )

        if stored is not None and self.change_is_major is not False and changed("pl"):
            # Never back to a number an older translation carries (a restored
            # version brings its own, older counters).
            latest = max(stored["source_revision"] or 1, self.source_revision or 1)
            self.source_revision = latest + 1
        for language in TRANSLATION_LANGUAGES:
            attribute = f"translated_from_{language}"
            if not self.has_translation(language):
                setattr(self, attribute, None)
            elif (
                changed(language)
                or language in self.confirmed_translations
                or getattr(self, attribute) is None
            ):
                setattr(self, attribute, self.source_revision)
        self.change_is_major, self.confirmed_translations = None, ()
