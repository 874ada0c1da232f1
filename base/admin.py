"""What every admin of the site shares, and the admins of the site frame: the
office record, notices, attachments (inline in any app), redirects, staff users and
their roles."""

import datetime
import errno
from contextlib import nullcontext

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.contenttypes.admin import GenericStackedInline
from django.contrib.contenttypes.models import ContentType
from django.contrib.redirects.admin import RedirectAdmin as DjangoRedirectAdmin
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Case, Exists, F, OuterRef, Q, Value, When
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_save,
    pre_delete,
    pre_save,
)
from django.http import (
    Http404,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
    JsonResponse,
)
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from js_asset import Media
from reversion.admin import VersionAdmin
from reversion.utils import mute_signals

from base import history, kept_uploads
from base.models import (
    Attachment,
    EditConflict,
    EditPresence,
    Notice,
    Office,
    RevisionNote,
)
from base.uploads import DISK_FULL
from languages.models import (
    LANGUAGE_CODES,
    TRANSLATION_LANGUAGES,
    Translatable,
    TranslationStatus,
)

# The site's domain follows DJANGO_SITE_DOMAIN after every migrate (base.apps); an
# admin page for it would only invite edits that are silently undone, and its
# name ("Strony") would be confused with the site's pages.
admin.site.unregister(Site)
admin.site.unregister(Redirect)


@admin.register(Redirect)
class RedirectAdmin(DjangoRedirectAdmin):
    """Django's redirects, with the one site already chosen (staff never need to
    pick the host name from a list)."""

    def get_changeform_initial_data(self, request):
        return {
            "site": Site.objects.get_current().pk,
            **super().get_changeform_initial_data(request),
        }


class CspNonceMediaMixin:
    """Give the change form's media (the rich-text editor's import map and module
    scripts) the request's CSP nonce, so the editor runs under the strict policy,
    and name the editor's menu buttons in Polish."""

    class Media:
        js = ["admin/js/editor-pl.js"]

    def render_change_form(self, request, context, *args, **kwargs):
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        return super().render_change_form(request, context, *args, **kwargs)


DATE_FORMAT_HELP = _("Wpisz datę w formacie dd.mm.rrrr, np. 05.12.2026.")
TIME_FORMAT_HELP = _("Wpisz godzinę w formacie gg:mm, np. 10:00.")


def _specific_date_messages(field):
    """Django's "Wpisz poprawną datę." says nothing about the format expected."""
    if isinstance(field, forms.SplitDateTimeField):
        # One <label> cannot name two boxes: each says what it is.
        date_widget, time_widget = field.widget.widgets
        date_widget.attrs["aria-label"] = f"{field.label}: data (dd.mm.rrrr)"
        time_widget.attrs["aria-label"] = f"{field.label}: godzina (gg:mm)"
        date_field, time_field = field.fields
        date_field.error_messages["invalid"] = DATE_FORMAT_HELP
        time_field.error_messages["invalid"] = TIME_FORMAT_HELP
        field.error_messages.update(
            invalid_date=DATE_FORMAT_HELP,
            invalid_time=TIME_FORMAT_HELP,
            incomplete=_("Podaj datę i godzinę."),
        )
    elif isinstance(field, forms.DateField):
        field.error_messages["invalid"] = DATE_FORMAT_HELP
    return field


class LabelledAutocompleteJsonView(AutocompleteJsonView):
    """The admin's autocomplete, labelled by the target's ``autocomplete_label``
    when its admin has one (articles show "(szkic)")."""

    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        label = getattr(self.model_admin, "autocomplete_label", None)
        if label is not None:
            result["text"] = str(label(obj))
        return result


#: Someone whose form has not reported for this long has closed it.
PRESENCE_WINDOW = datetime.timedelta(seconds=30)
#: Rows of forms not seen for this long are deleted.
PRESENCE_FORGET = datetime.timedelta(days=1)

CHANGE_KINDS = [
    ("minor", _("Drobna poprawka (literówka, formatowanie, link)")),
    ("major", _("Istotna zmiana treści (mieszkańcy zobaczą ją w „Historii zmian”)")),
]
EXTRA_FIELDS = [
    "change_kind",
    "change_note",
    "opened_version",
    *(f"confirm_{language}" for language in TRANSLATION_LANGUAGES),
]

LANGUAGE_VERSIONS = {"uk": _("Wersja ukraińska"), "en": _("Wersja angielska")}
TRANSLATION_STATE = {
    TranslationStatus.MISSING: _("brak tłumaczenia: mieszkańcy widzą tekst polski"),
    TranslationStatus.CURRENT: _("tłumaczenie aktualne"),
    TranslationStatus.OUTDATED: _(
        "tłumaczenie nieaktualne: polski tekst zmienił się istotnie od tłumaczenia"
    ),
}


def translation_columns(model):
    """Every per-language column of ``model`` (``title_pl``, ``title_uk``, …)."""
    if not issubclass(model, Translatable):
        return set()
    names = model.translated_field_names()
    return {f"{name}_{language}" for name in names for language in LANGUAGE_CODES}


class VersionedForm:
    """Added to every ContentAdmin form of a saved object: the version it was
    opened from (a stale save is refused, the typed text stays in the form), and
    the note on this save."""

    #: Whether this save must say "correction" or "real change" (public items).
    needs_change_kind = False
    #: After a refused save: who saved meanwhile, and the differences.
    conflict = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opened_version"].initial = self.instance.edit_version
        if "change_kind" in self.fields:
            self.fields["change_kind"].required = self.needs_change_kind

    def clean(self):
        cleaned = super().clean()
        self._check_version(cleaned)
        if cleaned.get("change_kind") == "major" and not cleaned.get("change_note"):
            self.add_error(
                "change_note",
                _(
                    "Opisz istotną zmianę jednym zdaniem: ten opis zobaczą mieszkańcy "
                    "w „Historii zmian”."
                ),
            )
        return cleaned

    def _check_version(self, cleaned):
        opened = cleaned.get("opened_version")
        model = type(self.instance)
        current = model._base_manager.filter(pk=self.instance.pk).first()
        # A post without the version (a script, a form cached from before this
        # check existed) is not refused: it could overwrite anyway, as before.
        if opened is None or current is None or opened == current.edit_version:
            self.instance.opened_version = opened
            return
        names = [n for n in self._meta.fields or [] if n in self.cleaned_data]
        saved = {name: _stored(current, name) for name in names}
        mine = {name: _posted(cleaned.get(name)) for name in names}
        # Both people's work kept: what only the other person changed since
        # this form was opened is taken into the form; what both changed is
        # marked, with this person's text kept in the field.
        opened_at = history.version_at(current, opened)
        taken, both = [], []
        if opened_at is not None:
            base = {
                name: _posted(value)
                for name, value in history.restored_form_values(
                    opened_at, names
                ).items()
            }
            self.data = self.data.copy()
            for name in names:
                if name not in base or _same(saved[name], base[name]):
                    continue  # the other person left it as it was
                if _same(saved[name], mine[name]):
                    continue  # both made the same change
                if _same(mine[name], base[name]):
                    self._take(name, getattr(current, name))
                    mine[name] = saved[name]
                    taken.append(name)
                else:
                    both.append(name)
        self.conflict = {
            "who": history.describe_conflict(current),
            "changes": history.compare_values(model, saved, mine),
            "merged": opened_at is not None,
            "taken": [history.field_label(model, name) for name in taken],
        }
        for name in both:
            self.add_error(
                name,
                ValidationError(
                    _(
                        "To pole zmieniła też druga osoba (jej wersja jest w tabeli "
                        "różnic u góry). Zostawiono Twoją: popraw ją, jeśli trzeba, "
                        "i zapisz."
                    ),
                    code="edited_by_both",
                ),
            )
        # Having seen the differences, the person may save this text on purpose.
        self.data = self.data.copy()
        self.data[self.add_prefix("opened_version")] = current.edit_version
        if opened_at is not None:
            message = _(
                "Nie zapisano: %(who)s Formularz łączy teraz obie wersje: Twoje "
                "zmiany i zmiany drugiej osoby. Sprawdź różnice poniżej i zapisz "
                "ponownie."
            )
        else:  # no kept version to tell who changed what
            message = _(
                "Nie zapisano: %(who)s Twój tekst jest nadal w formularzu. Sprawdź "
                "różnice poniżej; aby mimo to zapisać swoją wersję, zapisz ponownie."
            )
        raise ValidationError(
            message % {"who": self.conflict["who"]}, code="edit_conflict"
        )

    def _take(self, name, value):
        """Put ``value`` into the posted data of field ``name``, as its widget
        would have sent it."""
        field = self.fields[name]
        widget = field.widget
        key = self.add_prefix(name)
        prepared = field.prepare_value(value)
        if hasattr(value, "all") and hasattr(value, "model"):  # many-to-many
            prepared = [str(pk) for pk in value.values_list("pk", flat=True)]
        if isinstance(widget, forms.MultiWidget):
            parts = widget.decompress(prepared)
            for suffix, sub, part in zip(
                widget.widgets_names, widget.widgets, parts, strict=False
            ):
                self.data[key + suffix] = sub.format_value(part) or ""
        elif isinstance(widget, forms.CheckboxInput):
            if value:
                self.data[key] = "on"
            else:
                self.data.pop(key, None)
        elif isinstance(prepared, list):
            self.data.setlist(key, [str(item) for item in prepared])
        else:
            formatted = widget.format_value(prepared)
            if isinstance(formatted, list):  # choices: the chosen values
                self.data.setlist(key, formatted)
            else:
                self.data[key] = formatted or ""


def _same(a, b):
    """Equal as a person sees it (an empty text and no value are the same)."""
    return (a if a not in (None, "") else "") == (b if b not in (None, "") else "")


class RestoredForm:
    """A change form opened to restore a version: its fields start from the
    version's values (the item in the database is not touched until saved)."""

    restored = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.update(self.restored)


class _NotKept(Exception):
    """Undo what a restore form's view wrote (opened, refused or not valid)."""

    def __init__(self, response):
        self.response = response


def _without(fields, hidden):
    return [
        _without(f, hidden) if isinstance(f, list | tuple) else f
        for f in fields
        if f not in hidden
    ]


def _stored(obj, name):
    field = obj._meta.get_field(name)
    if field.many_to_many:
        return sorted(getattr(obj, name).values_list("pk", flat=True))
    return getattr(obj, field.attname)


def _posted(value):
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, models.QuerySet | list | tuple):
        return sorted(getattr(item, "pk", item) for item in value)
    return value


class ContentAdmin(CspNonceMediaMixin, VersionAdmin):
    """What every admin form of the site does for office staff: the editor under
    the CSP, date errors that show the format, no silently lost files, a version
    kept of every save (history, compare, restore) and no overwritten work."""

    change_form_template = "admin/content/change_form.html"
    change_list_template = "admin/content/change_list.html"
    #: How the "who else has this form open" notice names the object.
    presence_object = "ten formularz"

    class Media:
        # Replaces the mixin's Media (Django merges Media with the parent's
        # media property, not with a mixin's): its script is listed again.
        js = ["admin/js/editor-pl.js", "admin/js/edit-presence.js"]

    object_history_template = "admin/content/object_history.html"
    history_latest_first = True
    #: Whether saves of a public item are marked correction / real change, for
    #: the "Historia zmian" residents read (articles, pages).
    public_change_log = False
    #: Form fields a restored version leaves as they are now: restoring brings
    #: back content, not a publication state.
    restore_keeps = ()

    def is_public(self, obj):
        """Whether residents can see ``obj`` now (its change log matters)."""
        return False

    def changes_need_review(self, request, obj):
        """Whether ``request.user``'s changes of ``obj`` wait for someone else's
        acceptance (an editor and a published article): a restore then becomes
        such a change, and the rows saved with the item stay as they are."""
        return False

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)  # a translation's column
        if field is not None and language in TRANSLATION_LANGUAGES:
            # Spell-checked and read aloud in its own language.
            field.widget.attrs["lang"] = language
        return _specific_date_messages(field) if field else field

    def get_fieldsets(self, request, obj=None):
        # Without declared fieldsets Django lists the form's fields, the ones
        # added here among them: they go to their own section below.
        hidden = {*EXTRA_FIELDS, *translation_columns(self.model)}
        fieldsets = [
            (name, {**options, "fields": _without(options["fields"], hidden)})
            for name, options in super().get_fieldsets(request, obj)
        ]
        fieldsets += self.translation_fieldsets(obj)
        if obj is None or not self.has_change_permission(request, obj):
            return fieldsets
        fields = ["change_note", "opened_version"]
        if self.public_change_log or issubclass(self.model, Translatable):
            fields.insert(0, "change_kind")
        saving = (_("Zapis zmian"), {"fields": fields})
        if getattr(request, "restoring", None) is not None:
            # Restoring: what kind of change this is comes first, where the
            # person is looking.
            return [saving, *fieldsets]
        return [*fieldsets, saving]

    def translation_fieldsets(self, obj):
        """The Ukrainian and English texts, each in its own section under the
        Polish one, titled with the translation's state."""
        if not issubclass(self.model, Translatable):
            return []
        names = self.model.translated_field_names()
        sections = []
        for language in TRANSLATION_LANGUAGES:
            status = (
                obj.translation_status(language)
                if obj is not None
                else TranslationStatus.MISSING
            )
            fields = [f"{name}_{language}" for name in names]
            if status == TranslationStatus.OUTDATED:
                fields.append(f"confirm_{language}")
            title = f"{LANGUAGE_VERSIONS[language]} ({TRANSLATION_STATE[status]})"
            sections.append(
                (
                    title,
                    {
                        "fields": fields,
                        "classes": [] if status == "outdated" else ["collapse"],
                        "description": _(
                            "Zostaw puste, jeśli nie ma tłumaczenia: mieszkańcy "
                            "zobaczą wtedy tekst polski z informacją, że strona nie "
                            "ma jeszcze wersji w ich języku."
                        ),
                    },
                )
            )
        return sections

    def get_form(self, request, obj=None, change=False, **kwargs):
        # The admin passes the fieldsets' names; those added here are the
        # form's own, not the model's.
        if kwargs.get("fields") is not None:
            kwargs["fields"] = [f for f in kwargs["fields"] if f not in EXTRA_FIELDS]
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is None or not self.has_change_permission(request, obj):
            return form
        attrs = {
            "opened_version": forms.IntegerField(
                required=False, widget=forms.HiddenInput
            ),
            "change_note": forms.CharField(
                label=_("Opis zmiany"),
                required=False,
                max_length=300,
                help_text=_(
                    "Co i dlaczego zmieniasz, np. „Nowy termin składania "
                    "wniosków”. Widać go w historii wersji."
                ),
            ),
            "needs_change_kind": self.public_change_log and self.is_public(obj),
        }
        if issubclass(self.model, Translatable):
            for language in TRANSLATION_LANGUAGES:
                attrs[f"confirm_{language}"] = forms.BooleanField(
                    label=_("Tłumaczenie odpowiada obecnemu tekstowi polskiemu"),
                    required=False,
                    help_text=_(
                        "Zaznacz, gdy sprawdzisz tłumaczenie z obecnym tekstem "
                        "polskim i nie wymaga ono zmian."
                    ),
                )
        if self.public_change_log or issubclass(self.model, Translatable):
            attrs["change_kind"] = forms.ChoiceField(
                label=_("Rodzaj zmiany"),
                choices=CHANGE_KINDS,
                widget=forms.RadioSelect,
                required=False,
                help_text=_("Wymagane, gdy strona jest już widoczna dla mieszkańców."),
            )
        bases = (VersionedForm, form)
        version = getattr(request, "restoring", None)
        if version is not None:
            attrs["restored"] = history.restored_form_values(
                version, form.base_fields, keep=self.restore_keeps
            )
            bases = (RestoredForm, *bases)
        return type(form.__name__, bases, attrs)

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        version = getattr(request, "restoring", None)
        if version is not None and obj and not self.changes_need_review(request, obj):
            history.restore_files(obj, version)
        return obj

    def save_model(self, request, obj, form, change):
        kind = form.cleaned_data.get("change_kind")
        if isinstance(obj, Translatable):
            # A correction keeps translations current; a real change, or a
            # change nobody classified, makes them outdated (Translatable).
            obj.change_is_major = {"major": True, "minor": False}.get(kind)
            obj.confirmed_translations = [
                language
                for language in TRANSLATION_LANGUAGES
                if form.cleaned_data.get(f"confirm_{language}")
            ]
        super().save_model(request, obj, form, change)
        request.content_saved = True
        note = form.cleaned_data.get("change_note", "")
        if (kind or note) and reversion.is_active():
            reversion.add_meta(RevisionNote, is_major=kind == "major", text=note)

    def changeform_view(self, request, *args, **kwargs):
        kept = kept_uploads.restore(request) if request.method == "POST" else []
        try:
            response = super().changeform_view(request, *args, **kwargs)
            if kept and response.status_code == 302:
                kept_uploads.forget(kept)  # saved: the kept copies are done
            return response
        except EditConflict:
            # Two saves of the same object in the same instant: the form's check
            # passed for both, the row's lock let only one through.
            messages.error(
                request,
                _(
                    "Nie zapisano: ktoś zapisał ten formularz w tej samej chwili. "
                    "Otwórz go ponownie i wprowadź zmiany jeszcze raz."
                ),
            )
            return HttpResponseRedirect(request.get_full_path())
        except OSError as error:
            # The disk filled up between the form's check and the writing
            # (another upload at the same moment): the transaction wrote nothing
            # and the storage removed the partial file; say so.
            if error.errno not in (errno.ENOSPC, errno.EDQUOT):
                raise
            messages.error(request, f"{DISK_FULL} {_('Nic nie zostało zapisane.')}")
            return HttpResponseRedirect(request.get_full_path())

    # --- history: who may see it, compare, restore, recover ---------------

    def _object_or_denied(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(_("Nie ma takiego obiektu."))
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def history_view(self, request, object_id, extra_context=None):
        # Only who may change an item sees its versions (they hold drafts).
        obj = self._object_or_denied(request, object_id)
        versions = list(history.versions_of(obj))
        context = {
            "versions": versions,
            "compare_url": reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_compare",
                args=[quote(obj.pk)],
            ),
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)

    def _unless_taken(self, view, request, *args):
        """A restore that would take a unique value (an address) another item
        now has: say so instead of an error page; nothing was changed."""
        try:
            return view(request, *args)
        except IntegrityError:
            messages.error(
                request,
                _(
                    "Nie można przywrócić tej wersji: jej adres (slug) albo inna "
                    "unikalna wartość należy teraz do innego obiektu. Zmień ją tam "
                    "albo przepisz potrzebną treść ręcznie. Nic nie zostało zmienione."
                ),
            )
            return HttpResponseRedirect(
                reverse(
                    f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist"
                )
            )

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """Restore an earlier version: the change form opened with its values.
        Saving it is an edit like any other, by the same rules: a publisher's
        restore is saved with its version, note and redirects; an editor's
        restore of a published article waits for a publisher. The rows saved
        with the version (photos, attachments) come back with it, for whoever
        may change them; nothing stays changed unless the form is saved."""
        obj = self._object_or_denied(request, object_id)
        version = history.versions_of(obj).filter(pk=version_id).first()
        if version is None:
            raise Http404(_("Ten obiekt nie ma takiej wersji."))
        request.restoring = version
        review = self.changes_need_review(request, obj)
        when = timezone.localtime(version.revision.date_created)
        context = {
            "restoring": version,
            "restore_needs_review": review,
            "restored_from": history.person(version.revision.user),
            "title": _("Przywracanie wersji z %(date)s: %(object)s")
            % {"date": f"{when:%d.%m.%Y %H:%M}", "object": obj},
            **(extra_context or {}),
        }
        if review:
            # Nothing is written but the pending change the form makes.
            with self.create_revision(request):
                return self.changeform_view(
                    request, quote(str(obj.pk)), request.path, context
                )
        return self._unless_taken(self._restore, request, obj, version, context)

    def _restore(self, request, obj, version, context):
        opening = request.method != "POST"
        quiet = (
            mute_signals(pre_save, post_save, pre_delete, post_delete, m2m_changed)
            if opening
            else nullcontext()
        )
        try:
            with transaction.atomic(), quiet:
                history.restore_related(version, obj)
                with self.create_revision(request):
                    response = self.changeform_view(
                        request, quote(str(obj.pk)), request.path, context
                    )
                    if not opening and getattr(request, "content_saved", False):
                        when = timezone.localtime(version.revision.date_created)
                        reversion.set_comment(
                            _("Przywrócono wersję z %(date)s.")
                            % {"date": f"{when:%d.%m.%Y %H:%M}"}
                        )
                        return response
                if hasattr(response, "render"):
                    response.render()  # with the restored rows, before undoing
                raise _NotKept(response)
        except _NotKept as undone:
            return undone.response

    def has_recover_permission(self, request):
        # Bringing back a deleted item is for those who may delete (publishers).
        return self.has_delete_permission(request) and self.has_add_permission(request)

    def recoverlist_view(self, request, extra_context=None):
        if not self.has_recover_permission(request):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not self.has_recover_permission(request):
            raise PermissionDenied
        return self._unless_taken(
            super().recover_view, request, version_id, extra_context
        )

    def changelist_view(self, request, extra_context=None):
        context = {"may_recover": self.has_recover_permission(request)}
        return super().changelist_view(request, {**context, **(extra_context or {})})

    def compare_view(self, request, object_id):
        obj = self._object_or_denied(request, object_id)
        versions = {str(v.pk): v for v in history.versions_of(obj)}
        older = versions.get(request.GET.get("od", ""))
        newer = versions.get(request.GET.get("do", ""))
        if older is None or newer is None:
            messages.error(request, _("Wybierz dwie wersje do porównania."))
            return HttpResponseRedirect(
                reverse(
                    f"admin:{self.opts.app_label}_{self.opts.model_name}_history",
                    args=[quote(obj.pk)],
                )
            )
        if older.revision.date_created > newer.revision.date_created:
            older, newer = newer, older
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "title": _("Porównanie wersji: %(object)s") % {"object": obj},
            "older": older,
            "newer": newer,
            "comparison": history.compare_versions(older, newer),
            "restore_url": reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_revision",
                args=[quote(obj.pk), older.pk],
            ),
        }
        return TemplateResponse(request, "admin/content/compare.html", context)

    # --- who else has this form open -----------------------------------

    def others_editing(self, request, object_id):
        """Record that this person has the form open; who else has had it open
        in the last PRESENCE_WINDOW: one indexed UPDATE (an INSERT the first
        time) and one indexed SELECT."""
        content_type = ContentType.objects.get_for_model(self.model)
        now = timezone.now()
        mine = EditPresence.objects.filter(
            content_type=content_type, object_id=object_id, user=request.user
        )
        # A form closed and opened again later is open "since" the new opening,
        # not since the first one that day.
        reopened = Q(last_seen__lt=now - PRESENCE_WINDOW)
        since = Case(When(reopened, then=Value(now)), default=F("opened_at"))
        if not mine.update(last_seen=now, opened_at=since):
            # First report of this form: forget forms closed long ago.
            EditPresence.objects.filter(last_seen__lt=now - PRESENCE_FORGET).delete()
            try:
                with transaction.atomic():
                    EditPresence.objects.create(
                        content_type=content_type,
                        object_id=object_id,
                        user=request.user,
                        opened_at=now,
                        last_seen=now,
                    )
            except IntegrityError:  # the same person's other tab, this instant
                pass
        others = (
            EditPresence.objects.filter(
                content_type=content_type,
                object_id=object_id,
                last_seen__gte=now - PRESENCE_WINDOW,
            )
            .exclude(user=request.user)
            .select_related("user")
            .order_by("opened_at")
        )
        return " ".join(
            f"{history.person(other.user)} edytuje {self.presence_object} od "
            f"{timezone.localtime(other.opened_at):%H:%M}."
            for other in others
        )

    def presence_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_change_permission(request):
            raise PermissionDenied
        message = self.others_editing(request, unquote(object_id))
        if message:
            message += " " + str(
                _("Zapisy mogą się nałożyć: uzgodnijcie, kto zapisuje.")
            )
        return JsonResponse({"message": message})

    def get_urls(self):
        return [
            path(
                "<path:object_id>/kto-edytuje/",
                self.admin_site.admin_view(self.presence_view),
                name=f"{self.opts.app_label}_{self.opts.model_name}_presence",
            ),
            path(
                "<path:object_id>/historia/porownaj/",
                self.admin_site.admin_view(self.compare_view),
                name=f"{self.opts.app_label}_{self.opts.model_name}_compare",
            ),
            *super().get_urls(),
        ]

    def change_form_warnings(self, obj):
        """What staff should know on opening ``obj``'s form; an app's admin adds
        its own. Here: attachments whose file went missing on the server."""
        return [
            _(
                "Plik załącznika „%(title)s” zniknął z serwera: mieszkańcy widzą "
                "„plik niedostępny”. Wybierz plik ponownie w tym załączniku albo go "
                "usuń."
            )
            % {"title": attachment.title}
            for attachment in getattr(
                obj, "attachments", Attachment.objects.none()
            ).all()
            if not attachment.is_available
        ]

    def view_on_site(self, obj):
        # "Pokaż na stronie" on the host and port the panel is open on (Django's
        # default goes through the sites framework's domain, which may differ).
        return obj.get_absolute_url()

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        # Warnings on opening the form, from the object the view already has.
        if request.method == "GET" and obj is not None:
            for warning in self.change_form_warnings(obj):
                messages.warning(request, warning)
            if self.has_change_permission(request, obj):
                # Also without JavaScript: who else has it open right now, in
                # the notice the form's script then keeps up to date (one
                # place, not a message and a notice saying the same).
                context["presence_message"] = self.others_editing(request, str(obj.pk))
        form = context.get("adminform") and context["adminform"].form
        if form is not None and form.is_bound and form.errors:
            # Which fields to correct, each a link to its place in the form.
            context["error_fields"] = [
                (
                    form[name].id_for_label or form[name].auto_id,
                    form.fields[name].label or name,
                )
                for name in form.errors
                if name in form.fields
            ]
            context["error_fields"] += [
                (f"{formset.formset.prefix}-group", formset.opts.verbose_name_plural)
                for formset in context.get("inline_admin_formsets", [])
                if formset.formset.total_error_count()
            ]
        if obj is not None and self.has_change_permission(request, obj):
            context["presence_url"] = reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_presence",
                args=[quote(obj.pk)],
            )
        # A browser never sends a chosen file again: after an error the files
        # that passed their own checks wait on the server for the retry.
        if request.method == "POST" and request.FILES and context.get("errors"):
            context["kept_files"] = kept_uploads.keep(
                request, self._acceptable_uploads(request, context)
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    @staticmethod
    def _acceptable_uploads(request, context):
        """{input name: upload} of the chosen files whose own field has no
        error (a file refused for what it is is not kept)."""
        every_form = [context["adminform"].form] + [
            form
            for formset in context.get("inline_admin_formsets", [])
            for form in formset.formset.forms
        ]
        acceptable = {}
        for form in every_form:
            for name, field in form.fields.items():
                key = form.add_prefix(name)
                upload = request.FILES.get(key)
                is_file = isinstance(field, forms.FileField)
                if is_file and upload and not form.has_error(name):
                    acceptable[key] = upload
        return acceptable


class AttachmentInline(GenericStackedInline):
    """Documents to download under an item. Stacked, each attachment a small
    form: as a table its six columns made the form 1,635 px wide at 1280."""

    model = Attachment
    extra = 0
    fields = [
        ("title", "language", "position"),
        "file",
        ("title_uk", "title_en"),
    ]


@admin.register(Office)
class OfficeAdmin(ContentAdmin):
    presence_object = "dane instytucji"
    list_display = ["name", "short_name", "city", "main_phone", "email"]
    list_filter = []
    search_fields = ["name", "short_name"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["name", "short_name"]}),
        (_("Adres"), {"fields": ["street_address", "postal_code", "city"]}),
        (_("Kontakt"), {"fields": ["phones", "email", "office_hours", "bip_url"]}),
        (_("Ochrona danych osobowych"), {"fields": ["dpo_name", "dpo_email"]}),
        (_("Opis i logo"), {"fields": ["description", "logo", "logo_alt"]}),
    ]

    @admin.display(description=_("telefon"))
    def main_phone(self, obj):
        return (obj.phone_numbers or ["—"])[0]

    def has_add_permission(self, request):
        # One record: the office. It is created by a migration.
        return super().has_add_permission(request) and not Office.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


class NoticeStatusFilter(admin.SimpleListFilter):
    title = _("wyświetlanie")
    parameter_name = "teraz"

    def lookups(self, request, model_admin):
        return [("tak", _("wyświetlane teraz"))]

    def queryset(self, request, queryset):
        if self.value() == "tak":
            return queryset.current()
        return queryset


@admin.register(Notice)
class NoticeAdmin(ContentAdmin):
    presence_object = "ten komunikat"
    list_display = ["text", "level", "starts_at", "ends_at", "is_shown"]
    list_filter = [NoticeStatusFilter, "level"]
    search_fields = ["text"]
    date_hierarchy = "starts_at"

    def get_queryset(self, request):
        shown = Notice.objects.current().filter(pk=OuterRef("pk"))
        return super().get_queryset(request).annotate(shown=Exists(shown))

    @admin.display(boolean=True, description=_("Wyświetlany teraz"), ordering="shown")
    def is_shown(self, obj):
        return obj.shown
