"""The catalogues: every text translated into Ukrainian and English, none fuzzy,
placeholders kept, compiled, and in step with the templates and code; plurals
and dates follow each language; Polish grammar comes from the catalogues."""

import datetime
import re
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import ngettext

LOCALE = Path(settings.BASE_DIR) / "locale"
LANGUAGES = ["pl", "uk", "en"]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|{\w*}")
#: What `make messages` passes to makemessages (the Makefile's MESSAGES).
IGNORED = [".venv", ".cache", "tests", "bench", "docs", "staticfiles", "media"]


def _catalogue(language, kind="po"):
    path = LOCALE / language / "LC_MESSAGES" / f"django.{kind}"
    return polib.pofile(str(path)) if kind == "po" else polib.mofile(str(path))


def _key(entry):
    return (entry.msgctxt, entry.msgid, entry.msgid_plural)


@pytest.mark.parametrize("language", ["uk", "en"])
def test_every_text_is_translated_and_none_is_fuzzy(language):
    catalogue = _catalogue(language)
    assert len(catalogue) > 700
    missing = [e.msgid for e in catalogue if not e.translated()]
    fuzzy = [e.msgid for e in catalogue.fuzzy_entries()]
    assert (missing, fuzzy, catalogue.obsolete_entries()) == ([], [], [])
    assert catalogue.metadata["Language"] == language


def test_polish_is_the_source_with_its_own_plural_forms():
    """The texts are written in Polish: an entry reads as its msgid, except
    plurals, which need Polish's four forms, all given."""
    catalogue = _catalogue("pl")
    assert catalogue.fuzzy_entries() == []
    plurals = [e for e in catalogue if e.msgid_plural]
    assert plurals
    for entry in plurals:
        assert sorted(entry.msgstr_plural) == [0, 1, 2, 3], entry.msgid
        assert all(entry.msgstr_plural.values()), entry.msgid


@pytest.mark.parametrize("language", ["uk", "en"])
def test_translations_keep_every_placeholder_and_markup(language):
    wrong = []
    for entry in _catalogue(language):
        sources = [entry.msgid, entry.msgid_plural or entry.msgid]
        targets = list(entry.msgstr_plural.values()) or [entry.msgstr]
        expected = sorted(set(PLACEHOLDER.findall(sources[-1])))
        for target in targets:
            if sorted(set(PLACEHOLDER.findall(target))) != expected:
                wrong.append((entry.msgid, target))
            for tag in ("<a ", "<strong>", "<del>", "<ins>", "<span "):
                if sources[0].count(tag) != target.count(tag):
                    wrong.append((entry.msgid, target))
    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_is_the_source_catalogue(language):
    source = {
        _key(e): (e.msgstr, dict(e.msgstr_plural))
        for e in _catalogue(language)
        if e.translated()
    }
    compiled = {
        _key(e): (e.msgstr, dict(e.msgstr_plural))
        for e in _catalogue(language, "mo")
        if e.msgid
    }
    assert compiled == source


def test_the_catalogues_are_in_step_with_the_templates_and_code(
    tmp_path, settings, monkeypatch
):
    """makemessages, as `make messages` runs it, finds exactly the texts the
    committed catalogues hold: nothing new untranslated, nothing dropped."""
    copy = tmp_path / "locale"
    shutil.copytree(LOCALE, copy, ignore=shutil.ignore_patterns("overrides"))
    settings.LOCALE_PATHS = [copy]
    monkeypatch.chdir(settings.BASE_DIR)
    call_command(
        "makemessages",
        locale=LANGUAGES,
        no_location=True,
        no_obsolete=True,
        ignore_patterns=IGNORED,
        verbosity=0,
    )
    for language in LANGUAGES:
        fresh = polib.pofile(str(copy / language / "LC_MESSAGES" / "django.po"))
        committed = _catalogue(language)
        assert {_key(e) for e in fresh} == {_key(e) for e in committed}, language
        assert fresh.fuzzy_entries() == []


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("pl", ["za 1 dzień", "za 2 dni", "za 5 dni", "za 22 dni"]),
        ("uk", ["через 1 день", "через 2 дні", "через 5 днів", "через 22 дні"]),
        ("en", ["in 1 day", "in 2 days", "in 5 days", "in 22 days"]),
    ],
)
def test_plurals_follow_each_language(language, expected):
    with translation.override(language):
        found = [
            ngettext("za %(days)d dzień", "za %(days)d dni", n) % {"days": n}
            for n in (1, 2, 5, 22)
        ]
    assert found == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "kind", "valid", "expired"),
    [
        ("pl", "certificate", "ważny do 31 grudnia 2026", "wygasł"),
        ("pl", "award", "ważna do 31 grudnia 2026", "wygasła"),
        ("pl", "distinction", "ważne do 31 grudnia 2026", "wygasło"),
        # Ukrainian genders differ: "відзнака" (wyróżnienie) is feminine.
        ("uk", "certificate", "чинний до 31 грудня 2026", "недійсний"),
        ("uk", "award", "чинна до 31 грудня 2026", "недійсна"),
        ("uk", "distinction", "чинна до 31 грудня 2026", "недійсна"),
        ("uk", "title", "чинне до 31 грудня 2026", "недійсне"),
        ("en", "distinction", "valid until 31 December 2026", "expired"),
    ],
)
def test_award_status_words_agree_with_the_kind_in_each_language(
    language, kind, valid, expired, time_machine
):
    from tests.factories import AwardFactory

    time_machine.move_to(datetime.datetime(2026, 1, 15, 12, 0))
    current = AwardFactory(kind=kind)
    ended = AwardFactory(kind=kind, valid_until=datetime.date(2025, 1, 1))
    with translation.override(language):
        assert (current.status_label, ended.status_label) == (valid, expired)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("pl", "od 5 marca 2022 do 4 marca 2025"),
        ("uk", "з 5 березня 2022 до 4 березня 2025"),
        ("en", "from 5 March 2022 to 4 March 2025"),
    ],
)
def test_dates_follow_the_language(language, expected):
    from tests.factories import AwardFactory

    award = AwardFactory(
        valid_from=datetime.date(2022, 3, 5), valid_until=datetime.date(2025, 3, 4)
    )
    with translation.override(language):
        assert award.validity_display == expected
