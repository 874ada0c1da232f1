"""Versions of content (django-reversion) as staff and residents read them: a
field-by-field comparison in Polish with insertions and deletions marked, the
description of an edit conflict, and the public list of real changes."""

import difflib
import html
import re
from dataclasses import dataclass, field

from django.db import models
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from base.fields import plain_text

#: Fields that change with every save and say nothing to a person.
TECHNICAL_FIELDS = {"id", "edit_version", "updated_at", "created_at"}

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
        return str(target) if target else _("(usunięty, nr %(pk)s)") % {"pk": value}
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
        return str(model._meta.get_field(name).verbose_name).capitalize()
    except Exception:  # noqa: BLE001
        return name


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


def compare_versions(older, newer):
    model = newer._model
    comparison = Comparison(
        fields=compare_values(model, older.field_dict, newer.field_dict)
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
                version._model, before[key].field_dict, after[key].field_dict
            )
            if changes:
                changed.append((after[key].object_repr, changes))
    comparison.related = [
        (label, *lists) for label, lists in sorted(groups.items()) if any(lists)
    ]
    return comparison


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
