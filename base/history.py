"""Versions of content (django-reversion) as staff and residents read them: a
field-by-field comparison in Polish with insertions and deletions marked, the
description of an edit conflict, and the public list of real changes."""

import difflib
import html
import json
import re
from dataclasses import dataclass, field

import reversion
from django.contrib.auth import get_user_model
from django.db import models
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from reversion.models import Version
from reversion.revisions import _get_options

from base.fields import plain_text

#: Fields that change with every save and say nothing to a person (the
#: translation counters are shown as the translations' state, not as numbers).
TECHNICAL_FIELDS = {
    "id",
    "edit_version",
    "updated_at",
    "created_at",
    "source_revision",
    "translated_from_uk",
    "translated_from_en",
}
#: How a translation's column is named in a comparison: "Tytuł (wersja ukraińska)".
LANGUAGE_VERSION_NAMES = {"uk": _("wersja ukraińska"), "en": _("wersja angielska")}


def _translated_names(model):
    """The fields django-modeltranslation gives a column per language."""
    from modeltranslation.translator import NotRegistered, translator

    try:
        return set(translator.get_options_for_model(model).get_field_names())
    except NotRegistered:
        return set()


def keep_every_column():
    """Make every version hold every column of its row, each language's too.

    Models are registered with reversion when their class is made, before
    django-modeltranslation adds the per-language columns: their versions held
    only the Polish text, and restoring one emptied every translation. Called
    once all apps are loaded. A translated field's own name is left out: on
    loading, the per-language columns are what counts, and reading it depends on
    the language active while saving."""
    for model in list(reversion.get_registered_models()):
        options = _get_options(model)
        opts = model._meta.concrete_model._meta
        originals = _translated_names(model)
        fields = tuple(
            f.name
            for f in opts.local_fields + opts.local_many_to_many
            if f.name not in originals
        )
        if fields == options.fields:
            continue
        reversion.unregister(model)
        reversion.register(
            model,
            fields=fields,
            follow=options.follow,
            format=options.format,
            for_concrete_model=options.for_concrete_model,
            ignore_duplicates=options.ignore_duplicates,
            use_natural_foreign_keys=options.use_natural_foreign_keys,
        )


def stored_values(version):
    """{attname: value} of what ``version`` holds. A column the version does not
    have (added to the model, or to its versions, after it was saved) is absent,
    never empty: restoring keeps the current value, comparing skips it. A version
    from before every language was kept holds the Polish text under the field's
    own name (``title`` for ``title_pl``)."""
    model = version._model
    stored = json.loads(version.serialized_data)[0]["fields"]
    every = version.field_dict
    values = {}
    for model_field in model._meta.concrete_fields + model._meta.many_to_many:
        if model_field.name in stored and model_field.attname in every:
            values[model_field.attname] = every[model_field.attname]
    for name in _translated_names(model):
        polish = model._meta.get_field(f"{name}_pl")
        if name in stored and polish.name not in stored:
            values[polish.attname] = polish.to_python(stored[name])
    return values


_TOKENS = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


def as_text(value):
    """A stored value as a person reads it: rich text without its tags, one
    line per paragraph."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "tak" if value else "nie"
    text = str(value)
    return plain_text(text) if "<" in text and ">" in text else text


def diff_html(old, new):
    """``old`` → ``new`` word by word: deletions in <del>, insertions in <ins>;
    everything escaped."""
    a, b = _TOKENS.findall(as_text(old)), _TOKENS.findall(as_text(new))
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
        if op == "equal":
            parts.append(html.escape("".join(a[i1:i2])))
            continue
        if i2 > i1:
            parts.append(f"<del>{html.escape(''.join(a[i1:i2]))}</del>")
        if j2 > j1:
            parts.append(f"<ins>{html.escape(''.join(b[j1:j2]))}</ins>")
    return mark_safe("".join(parts).replace("\n", "<br>"))  # noqa: S308 (escaped above)


@dataclass
class FieldChange:
    label: str
    old: str
    new: str

    @property
    def diff(self):
        return diff_html(self.old, self.new)


@dataclass
class Comparison:
    fields: list = field(default_factory=list)
    related: list = field(default_factory=list)  # (label, removed, added, changed)


def _display(model, name, value):
    """A stored value in words: choices by their label, related rows by name."""
    try:
        model_field = model._meta.get_field(name)
    except Exception:  # noqa: BLE001 (a field removed since: shown as stored)
        return as_text(value)
    if model_field.choices and value is not None:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.ForeignKey) and value is not None:
        target = model_field.related_model._base_manager.filter(pk=value).first()
        if target is None:
            return _("(usunięty, nr %(pk)s)") % {"pk": value}
        if isinstance(target, get_user_model()):
            return person(target)  # a name, not a login
        return str(target)
    if isinstance(model_field, models.ManyToManyField):
        rows = model_field.related_model._base_manager.filter(pk__in=value or [])
        return ", ".join(sorted(str(row) for row in rows))
    if hasattr(value, "strftime"):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return format_date(value, "j E Y, H:i" if hasattr(value, "hour") else "j E Y")
    if isinstance(model_field, models.FileField):
        return str(value or "").rsplit("/", 1)[-1]
    return as_text(value)


def _label(model, name):
    try:
        model_field = model._meta.get_field(name)
    except Exception:  # noqa: BLE001
        return name
    language = getattr(model_field, "language", None)  # a translation's column
    if language is None:
        return str(getattr(model_field, "verbose_name", name)).capitalize()
    original = str(model._meta.get_field(name.rsplit("_", 1)[0]).verbose_name)
    if language not in LANGUAGE_VERSION_NAMES:  # Polish: the field itself
        return original.capitalize()
    return _("%(field)s (%(language_version)s)") % {
        "field": original.capitalize(),
        "language_version": LANGUAGE_VERSION_NAMES[language],
    }


def field_label(model, name):
    """How a field is called in comparisons: "Tytuł (wersja ukraińska)"."""
    return _label(model, name)


def compare_values(model, old, new):
    """The fields whose values differ between two dicts of stored values."""
    changes = []
    for name in new.keys() | old.keys():
        if name in TECHNICAL_FIELDS or name.endswith("_ptr"):
            continue
        before, after = old.get(name), new.get(name)
        if before == after or (not before and not after):
            continue
        changes.append(
            FieldChange(
                _label(model, name),
                _display(model, name, before),
                _display(model, name, after),
            )
        )
    order = {f.name: i for i, f in enumerate(model._meta.get_fields())}
    labels = {_label(model, f.name): f.name for f in model._meta.get_fields()}
    changes.sort(key=lambda c: order.get(labels.get(c.label), 999))
    return changes


def _followed(version):
    """The rows saved with ``version`` (photos, attachments): {(model, pk): version}."""
    return {
        (v.content_type_id, v.object_id): v
        for v in version.revision.version_set.all()
        if not (
            v.content_type_id == version.content_type_id
            and v.object_id == version.object_id
        )
    }


def _common(old, new):
    """What both versions hold: a column one of them lacks (saved before it
    existed) is not a change."""
    names = old.keys() & new.keys()
    return {n: old[n] for n in names}, {n: new[n] for n in names}


def compare_versions(older, newer):
    model = newer._model
    comparison = Comparison(
        fields=compare_values(
            model, *_common(stored_values(older), stored_values(newer))
        )
    )
    before, after = _followed(older), _followed(newer)
    groups = {}
    for key in before.keys() | after.keys():
        version = after.get(key) or before.get(key)
        label = str(version._model._meta.verbose_name_plural).capitalize()
        removed, added, changed = groups.setdefault(label, ([], [], []))
        if key not in after:
            removed.append(before[key].object_repr)
        elif key not in before:
            added.append(after[key].object_repr)
        elif before[key].serialized_data != after[key].serialized_data:
            changes = compare_values(
                version._model,
                *_common(stored_values(before[key]), stored_values(after[key])),
            )
            if changes:
                changed.append((after[key].object_repr, changes))
    comparison.related = [
        (label, *lists) for label, lists in sorted(groups.items()) if any(lists)
    ]
    return comparison


def version_at(obj, edit_version):
    """The kept version of ``obj`` saved as ``edit_version`` (what a form opened
    from it showed), or None."""
    candidates = versions_of(obj).filter(
        serialized_data__contains=f'"edit_version": {int(edit_version)}'
    )
    for version in candidates:
        stored = json.loads(version.serialized_data)[0]["fields"]
        if stored.get("edit_version") == edit_version:
            return version
    return None


def versions_of(obj):
    return (
        Version.objects.get_for_object(obj)
        .select_related("revision__user", "revision__note")
        .order_by("-revision__date_created", "-pk")
    )


def person(user):
    if user is None:
        return "system (bez logowania)"
    return user.get_full_name() or user.get_username()


def describe_conflict(obj):
    """Who saved ``obj`` last and when, in a sentence."""
    latest = versions_of(obj).first()
    if latest is None:
        return _("Ktoś zapisał zmiany, gdy formularz był otwarty.")
    when = timezone.localtime(latest.revision.date_created)
    return _(
        "%(person)s zapisał(a) zmiany %(date)s o %(time)s, gdy ten formularz był "
        "otwarty."
    ) % {
        "person": person(latest.revision.user),
        "date": format_date(when, "j E Y"),
        "time": format_date(when, "H:i"),
    }


def public_changes(obj):
    """The real changes of a public item, oldest first: (date, note)."""
    return [
        (version.revision.date_created, version.revision.note.text)
        for version in Version.objects.get_for_object(obj)
        .filter(revision__note__is_major=True)
        .select_related("revision__note")
        .order_by("revision__date_created")
    ]


# --- restoring a version -------------------------------------------------
# The item's own fields go through its form like any other edit (its rules,
# its workflow, its version and note, the page cache); the rows saved with it
# (photos, attachments) are put back as they were in that version.


def _same_row(a, b):
    return (a.content_type_id, a.object_id) == (b.content_type_id, b.object_id)


def _row_with_current_values(version):
    """The stored row of ``version`` ready to be written back, the columns the
    version lacks taken from the row as it is now."""
    loaded = version._object_version
    obj = loaded.object
    values = stored_values(version)
    current = type(obj)._base_manager.filter(pk=obj.pk).first()
    for model_field in type(obj)._meta.concrete_fields:
        if model_field.primary_key:
            continue
        if model_field.attname in values:
            setattr(obj, model_field.attname, values[model_field.attname])
        elif current is not None:
            setattr(obj, model_field.attname, getattr(current, model_field.attname))
    return loaded


def restore_related(version, obj):
    """Put the rows saved with ``version`` of ``obj`` (its photos, attachments)
    back as they were: changed ones restored, deleted ones recreated, ones added
    since deleted. ``obj`` itself is left to its form."""
    follow = _get_options(type(obj)).follow
    followed = {obj._meta.get_field(name).related_model for name in follow}
    others = [
        v
        for v in version.revision.version_set.all()
        if v._model in followed and not _same_row(v, version)
    ]
    kept = {(v._model, str(v.object_id)) for v in others}
    for name in follow:
        for row in getattr(obj, name).all():
            if (type(row), str(row.pk)) not in kept:
                row.delete()
    for other in others:
        _row_with_current_values(other).save(using=other.db)


def restored_form_values(version, fields, keep=()):
    """The values ``version`` holds for the form fields ``fields`` (names),
    except ``keep`` (the item's publication state stays as it is now)."""
    values = stored_values(version)
    initial = {}
    opts = version._model._meta
    for model_field in opts.concrete_fields + opts.many_to_many:
        name = model_field.name
        if isinstance(model_field, models.FileField):
            continue  # restore_files
        if name in fields and name not in keep and model_field.attname in values:
            initial[name] = values[model_field.attname]
    # The form edits the Polish text under the field's own name.
    for name in _translated_names(version._model):
        if name in fields and name not in keep and f"{name}_pl" in values:
            initial[name] = values[f"{name}_pl"]
    return initial


def restore_files(obj, version):
    """Give ``obj`` the files ``version`` held (a form cannot send a stored
    file back; versions keep theirs on the disk)."""
    values = stored_values(version)
    for model_field in obj._meta.concrete_fields:
        if isinstance(model_field, models.FileField) and model_field.attname in values:
            setattr(obj, model_field.attname, values[model_field.attname])
