import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from awards.models import Award, Issuer
from tests.admin_forms import ATTACHMENTS, AdminForm, inline_rows
from tests.factories import ArticleFactory, AwardFactory, IssuerFactory

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture(autouse=True)
def fixed_today(time_machine):
    time_machine.move_to(
        datetime.datetime(2026, 11, 25, 12, tzinfo=datetime.UTC), tick=False
    )


def _form(issuer, **overrides):
    data = {
        "title": "Certyfikat Jakości",
        "slug": "",
        "kind": "certificate",
        "issuer": issuer.pk,
        "recipient": "Miejski Ośrodek Pomocy Społecznej w Mławie",
        "description": "<p>Opis</p>",
        "awarded_on": "",
        "presented_by": "",
        "presenter_role": "",
        "occasion": "",
        "valid_from": "2022-01-01",
        "valid_until": "2026-12-31",
        "is_public": "on",
        **inline_rows(ATTACHMENTS),
    }
    data.update(overrides)
    return data


def test_publisher_adds_an_award_with_the_office_as_default_recipient(
    client, publisher
):
    issuer = IssuerFactory()
    article = ArticleFactory()
    client.force_login(publisher)
    form = client.get("/admin/awards/award/add/")
    assert form.context["adminform"].form.initial["recipient"] == (
        "Miejski Ośrodek Pomocy Społecznej w Mławie"
    )
    response = client.post(
        "/admin/awards/award/add/", _form(issuer, articles=[article.pk])
    )
    assert response.status_code == 302
    award = Award.objects.get()
    assert award.slug == "certyfikat-jakosci"
    assert list(award.articles.all()) == [article]


def test_end_before_start_in_the_admin_gets_a_message_and_saves_nothing(
    client, publisher
):
    issuer = IssuerFactory()
    client.force_login(publisher)
    response = client.post(
        "/admin/awards/award/add/",
        _form(issuer, valid_from="2026-01-01", valid_until="2025-01-01"),
    )
    assert response.status_code == 200
    assert (
        "Koniec ważności nie może być wcześniejszy niż jej początek"
        in response.content.decode()
    )
    assert not Award.objects.exists()


def test_deleting_an_issuer_with_awards_is_refused_with_a_reason(client, publisher):
    award = AwardFactory()
    client.force_login(publisher)
    url = f"/admin/awards/issuer/{award.issuer.pk}/delete/"
    page = client.get(url)
    assert (
        "wymagałoby skasowania następujących chronionych obiektów"
        in page.content.decode()
    )
    client.post(url, {"post": "yes"})
    action = client.post(
        "/admin/awards/issuer/",
        {
            "action": "delete_selected",
            "_selected_action": [award.issuer.pk],
            "post": "yes",
        },
    )
    assert action.status_code == 200
    assert Issuer.objects.filter(pk=award.issuer.pk).exists()
    assert Award.objects.filter(pk=award.pk).exists()


def test_an_issuer_without_awards_can_be_deleted(client, publisher):
    issuer = IssuerFactory()
    client.force_login(publisher)
    client.post(f"/admin/awards/issuer/{issuer.pk}/delete/", {"post": "yes"})
    assert not Issuer.objects.exists()


def test_changelist_and_start_page_warn_about_expiring_awards(client, publisher):
    AwardFactory(title="Kończący się certyfikat")
    AwardFactory(
        title="Długi certyfikat", valid_until=D(2030, 12, 31), valid_from=D(2023, 1, 1)
    )
    client.force_login(publisher)
    changelist = client.get("/admin/awards/award/").content.decode()
    assert "„Kończący się certyfikat”" in changelist
    assert "traci ważność 31 grudnia 2026 (za 36 dni)" in changelist
    assert "„Długi certyfikat” (" not in changelist
    index = client.get("/admin/").content.decode()
    assert "traci ważność 31 grudnia 2026 (za 36 dni)" in index


def test_status_filter_in_the_admin(client, publisher):
    AwardFactory(title="Kończący się")
    AwardFactory(title="Wygasły", valid_from=D(2011, 1, 1), valid_until=D(2015, 12, 31))
    client.force_login(publisher)
    expired = client.get("/admin/awards/award/", {"status": "expired"})
    assert [a.title for a in expired.context["cl"].result_list] == ["Wygasły"]
    expiring = client.get("/admin/awards/award/", {"status": "expiring"})
    assert [a.title for a in expiring.context["cl"].result_list] == ["Kończący się"]


def test_article_autocomplete_for_awards(client, publisher):
    ArticleFactory(title="Certyfikat dla MOPS")
    client.force_login(publisher)
    response = client.get(
        "/admin/autocomplete/",
        {
            "app_label": "awards",
            "model_name": "award",
            "field_name": "articles",
            "term": "Certyfikat",
        },
    )
    assert [r["text"] for r in response.json()["results"]] == ["Certyfikat dla MOPS"]


@pytest.mark.parametrize(
    "url",
    [
        "/admin/awards/award/",
        "/admin/awards/award/add/",
        "/admin/awards/issuer/",
        "/admin/awards/issuer/add/",
    ],
)
def test_awards_admin_pages_load_for_a_publisher(client, publisher, url):
    AwardFactory()
    client.force_login(publisher)
    assert client.get(url).status_code == 200


def test_editors_can_view_but_not_change_awards(client, editor):
    award = AwardFactory()
    client.force_login(editor)
    assert client.get("/admin/awards/award/").status_code == 200
    assert client.get("/admin/awards/award/add/").status_code == 403
    page = client.post(
        f"/admin/awards/award/{award.pk}/change/", _form(award.issuer, title="Zmiana")
    )
    assert page.status_code == 403
    award.refresh_from_db()
    assert award.title != "Zmiana"


def test_awards_expiring_command_lists_them_and_exits_non_zero():
    cal = IssuerFactory(name="Stowarzyszenie CAL", short_name="CAL")
    AwardFactory(title="Kończący się", issuer=cal)
    AwardFactory(title="Długi", valid_from=D(2023, 1, 1), valid_until=D(2030, 12, 31))
    out = StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("awards_expiring", stdout=out)
    assert exit_info.value.code == 1
    assert out.getvalue().splitlines() == [
        "„Kończący się” (CAL) traci ważność 31 grudnia 2026 (za 36 dni). "
        "Dodaj odnowienie, gdy je otrzymasz."
    ]


def test_awards_expiring_command_with_a_shorter_window_is_quiet_and_exits_zero():
    AwardFactory(title="Kończący się")
    out = StringIO()
    call_command("awards_expiring", "--days", "30", stdout=out)
    assert out.getvalue().strip() == "Brak wyróżnień tracących ważność w ciągu 30 dni."


def test_the_article_picker_marks_unpublished_articles(client, publisher):
    ArticleFactory(title="Certyfikat CAL dla ośrodka")
    ArticleFactory(title="Certyfikat – szkic", draft=True)
    client.force_login(publisher)
    response = client.get(
        "/admin/autocomplete/",
        {
            "term": "Certyfikat",
            "app_label": "awards",
            "model_name": "award",
            "field_name": "articles",
        },
    )
    assert response.status_code == 200
    labels = sorted(r["text"] for r in response.json()["results"])
    assert labels == ["Certyfikat CAL dla ośrodka", "Certyfikat – szkic (szkic)"]


def test_the_autocomplete_still_needs_a_login(client):
    response = client.get(
        "/admin/autocomplete/",
        {
            "term": "x",
            "app_label": "awards",
            "model_name": "award",
            "field_name": "articles",
        },
    )
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_award_form_warns_about_a_linked_draft(client, publisher):
    draft = ArticleFactory(title="Relacja z gali", draft=True)
    award = AwardFactory()
    award.articles.add(draft)
    client.force_login(publisher)
    url = f"/admin/awards/award/{award.pk}/change/"
    html = client.get(url).content.decode()
    assert "Artykuł „Relacja z gali” (szkic) nie jest widoczny dla mieszkańców" in html
    assert (
        f'<option value="{draft.pk}" selected>Relacja z gali (szkic)</option>' in html
    )
    form = AdminForm.open(client, url)
    response = form.post()
    assert response.status_code == 302
    after = client.get(response["Location"]).content.decode()
    assert "nie pojawi się na stronie wyróżnienia" in after
