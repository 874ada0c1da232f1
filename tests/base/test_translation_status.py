"""Translation status: each translation remembers the version of the Polish
text it was made from. A real change of the Polish text makes it outdated, a
correction does not; editing or confirming the translation makes it current.
Staff see it in the form and in the overview ("Tłumaczenia")."""

import re

import pytest

from awards.models import Award
from news.models import Article
from tests.admin_forms import AdminForm, form_errors
from tests.factories import ArticleFactory, AwardFactory, CategoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return ArticleFactory(
        title="Zasiłek celowy",
        title_uk="Цільова допомога",
        lead_uk="Анонс.",
        title_en="Special-purpose benefit",
    )


def _status(obj):
    obj.refresh_from_db()
    return obj.translation_statuses()


def test_a_new_translation_is_current_and_a_missing_one_is_missing():
    article = ArticleFactory(title_uk="Новина")
    assert _status(article) == {"uk": "current", "en": "missing"}


def test_a_correction_keeps_translations_current_and_a_real_change_does_not(article):
    article.lead = "Poprawiona literówka."
    article.change_is_major = False
    article.save()
    assert _status(article) == {"uk": "current", "en": "current"}
    article.lead = "Nowy termin: do 31 marca."
    article.change_is_major = True
    article.save()
    assert _status(article) == {"uk": "outdated", "en": "outdated"}
    # Saving the Polish text again without a change keeps them outdated.
    article.save()
    assert _status(article) == {"uk": "outdated", "en": "outdated"}


def test_a_change_nobody_classified_counts_as_real(article):
    """A translation that silently goes stale is worse than none."""
    article.body = "<p>Nowe zasady.</p>"
    article.save()
    assert _status(article) == {"uk": "outdated", "en": "outdated"}


def test_editing_or_confirming_a_translation_makes_it_current_again(article):
    article.lead = "Nowy termin."
    article.change_is_major = True
    article.save()
    article.lead_uk = "Новий термін."
    article.save()
    assert _status(article) == {"uk": "current", "en": "outdated"}
    article.confirmed_translations = ["en"]
    article.save()
    assert _status(article) == {"uk": "current", "en": "current"}


def test_a_translation_removed_is_missing(article):
    article.title_en = ""
    article.save()
    assert _status(article)["en"] == "missing"


def test_status_changes_through_the_admin_form_as_staff_choose(client, publisher):
    article = ArticleFactory(
        title="Zasiłek", title_uk="Допомога", title_en="Benefit", status="published"
    )
    url = f"/admin/news/article/{article.pk}/change/"
    client.force_login(publisher)
    form = AdminForm.open(client, url)
    page = client.get(url).content.decode()
    assert "Wersja ukraińska (tłumaczenie aktualne)" in page
    assert 'name="title_uk"' in page and 'name="title_pl"' not in page
    # A correction of the Polish text: translations stay current.
    response = form.set(lead="Literówka poprawiona.", change_kind="minor").post()
    assert response.status_code == 302, form_errors(response)
    assert _status(article) == {"uk": "current", "en": "current"}
    # A real change: both become outdated, and the form says so.
    form = AdminForm.open(client, url)
    response = form.set(
        lead="Nowe kryterium dochodowe.",
        change_kind="major",
        change_note="Nowe kryterium dochodowe od 1 stycznia.",
    ).post()
    assert response.status_code == 302, form_errors(response)
    assert _status(article) == {"uk": "outdated", "en": "outdated"}
    page = client.get(url).content.decode()
    assert "Wersja angielska (tłumaczenie nieaktualne" in page
    # The translator updates the Ukrainian text and confirms the English one.
    form = AdminForm.open(client, url)
    response = form.set(
        lead_uk="Новий критерій доходу.", confirm_en="on", change_kind="minor"
    ).post()
    assert response.status_code == 302, form_errors(response)
    assert _status(article) == {"uk": "current", "en": "current"}
    article.refresh_from_db()
    assert article.lead == "Nowe kryterium dochodowe."
    assert article.lead_uk == "Новий критерій доходу."


def test_an_award_without_a_change_log_asks_the_kind_of_change_too(client, publisher):
    award = AwardFactory(title_uk="Сертифікат")
    url = f"/admin/awards/award/{award.pk}/change/"
    client.force_login(publisher)
    form = AdminForm.open(client, url)
    response = form.set(
        recipient="Ośrodek", change_kind="major", change_note="Inny odbiorca."
    ).post()
    assert response.status_code == 302, form_errors(response)
    assert _status(Award.objects.get(pk=award.pk))["uk"] == "outdated"


def test_the_overview_lists_every_item_and_language_with_filters(
    client, publisher, editor, article
):
    CategoryFactory(name="Pomoc", name_uk="Допомога")
    AwardFactory(title="Certyfikat bez tłumaczeń")
    Article.objects.filter(pk=article.pk).update(source_revision=2)  # real change
    client.force_login(publisher)
    page = client.get("/admin/tlumaczenia/").content.decode()
    rows = re.findall(r"<tr>\s*<th scope=\"row\">(.*?)</tr>", page, re.S)
    assert any("Zasiłek celowy" in r and "nieaktualne" in r for r in rows)
    assert any("Certyfikat bez tłumaczeń" in r and r.count("brak") == 2 for r in rows)
    outdated = client.get("/admin/tlumaczenia/?jezyk=uk&stan=outdated").content
    assert "Zasiłek celowy" in outdated.decode()
    assert "Certyfikat bez tłumaczeń" not in outdated.decode()
    only_awards = client.get("/admin/tlumaczenia/?rodzaj=awards.award").content
    assert "Zasiłek celowy" not in only_awards.decode()
    # An editor sees what editors may change; nobody else sees anything.
    client.force_login(editor)
    page = client.get("/admin/tlumaczenia/").content.decode()
    assert "Zasiłek celowy" in page
    assert "Certyfikat bez tłumaczeń" not in page
    client.logout()
    assert client.get("/admin/tlumaczenia/").status_code == 302


def test_a_restored_version_never_brings_back_an_older_revision_number(article):
    article.lead = "Druga wersja."
    article.change_is_major = True
    article.save()
    assert _status(article) == {"uk": "outdated", "en": "outdated"}
    # A restored version carries its own, older counters and texts.
    article.lead = "Pierwsza wersja."
    article.source_revision, article.translated_from_uk = 1, 1
    article.save()
    article.refresh_from_db()
    assert article.source_revision == 3
    assert article.translation_statuses() == {"uk": "outdated", "en": "outdated"}
