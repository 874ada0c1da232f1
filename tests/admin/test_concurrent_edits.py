"""Two people editing the same item: the later save from a stale form is refused
(without JavaScript), names who saved meanwhile, shows the difference and keeps
the typed text; nothing is ever silently overwritten. And the note on a real
change of a public item, which residents read in "Historia zmian"."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from base.models import EditConflict, Notice
from news.models import Article
from pages.models import Page
from tests.admin_forms import AdminForm, form_errors
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna(django_user_model, publisher):
    publisher.first_name, publisher.last_name = "Anna", "Kowalska"
    publisher.save()
    client = Client()
    client.force_login(publisher)
    return client


@pytest.fixture
def jan(django_user_model, editor):
    editor.first_name, editor.last_name = "Jan", "Nowak"
    editor.save()
    client = Client()
    client.force_login(editor)
    return client


def _open(client, article):
    return AdminForm.open(
        client, reverse("admin:news_article_change", args=[article.pk])
    ).set(change_kind="minor")


def test_a_stale_save_is_refused_naming_who_and_keeping_the_typed_text(anna, jan):
    article = ArticleFactory(
        status="draft", title="Zasiłek", body="<p>Termin: 5 maja.</p>"
    )
    annas, jans = _open(anna, article), _open(jan, article)
    assert annas.post(body="<p>Termin: 7 maja.</p>").status_code == 302

    response = jans.post(title="Zasiłek rodzinny")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Nie zapisano: Anna Kowalska zapisał(a) zmiany" in text
    assert "Ktoś zmienił ten formularz" in text
    # The difference, and Jan's own text still in the form.
    assert "Termin: <del>7</del><ins>5</ins> maja." in text
    assert 'value="Zasiłek rodzinny"' in text
    article.refresh_from_db()
    assert article.title == "Zasiłek" and "7 maja" in article.body

    # Having seen it, Jan saves his version on purpose: the form now carries
    # the version he was shown.
    again = response.context["adminform"].form
    assert again["opened_version"].value() == article.edit_version
    second = jan.post(
        reverse("admin:news_article_change", args=[article.pk]),
        {
            **jans.data,
            "title": "Zasiłek rodzinny",
            "opened_version": article.edit_version,
        },
    )
    assert second.status_code == 302, form_errors(second)
    article.refresh_from_db()
    assert article.title == "Zasiłek rodzinny"


def test_fifty_interleaved_pairs_of_saves(anna, jan):
    article = ArticleFactory(status="draft", title="Start")
    last_accepted = "Start"
    for round_number in range(50):
        first, second = (anna, jan) if round_number % 2 else (jan, anna)
        early, late = _open(first, article), _open(second, article)
        title = f"Runda {round_number} od pierwszej osoby"
        assert early.post(title=title).status_code == 302
        last_accepted = title
        refused = late.post(title=f"Runda {round_number} od drugiej osoby")
        assert refused.status_code == 200, round_number
        assert Article.objects.get().title == last_accepted
        # Reopened, the second person's save lands.
        fresh = _open(second, article)
        title = f"Runda {round_number} po odświeżeniu"
        assert fresh.post(title=title).status_code == 302
        last_accepted = title
    assert Article.objects.get().title == last_accepted


def test_every_versioned_form_carries_its_version(anna):
    notice = Notice.objects.create(
        text="Nieczynne 24 grudnia",
        starts_at=timezone.now(),
        ends_at=timezone.now() + datetime.timedelta(days=2),
    )
    page = Page.objects.create(title="Kontakt", slug="kontakt-x", body="<p>a</p>")
    for url, obj in [
        (reverse("admin:base_notice_change", args=[notice.pk]), notice),
        (reverse("admin:pages_page_change", args=[page.pk]), page),
    ]:
        form = AdminForm.open(anna, url)
        assert form["opened_version"] == str(obj.edit_version)


def test_two_saves_at_the_same_instant_cannot_both_pass():
    # The form's check passed for both; the row's lock lets only one through.
    article = ArticleFactory(title="A")
    one, two = Article.objects.get(), Article.objects.get()
    one.opened_version = two.opened_version = article.edit_version
    one.title = "B"
    one.save()
    two.title = "C"
    with pytest.raises(EditConflict):
        two.save()
    assert Article.objects.get().title == "B"


def test_a_save_without_a_form_never_repeats_a_version():
    article = ArticleFactory()
    seen = {article.edit_version}
    for _ in range(5):
        article.save()
        assert article.edit_version not in seen
        seen.add(article.edit_version)


# --- the public change log ----------------------------------------------------


def _published(**kwargs):
    return ArticleFactory(
        status="published",
        published_at=timezone.now() - datetime.timedelta(days=3),
        **kwargs,
    )


def test_a_change_to_a_public_article_must_say_what_kind_it_is(anna):
    article = _published(title="Nabór wniosków")
    form = AdminForm.open(anna, reverse("admin:news_article_change", args=[article.pk]))
    response = form.post(lead="Nowy lead")
    assert response.status_code == 200
    assert "change_kind" in response.context["adminform"].form.errors
    major = form.post(lead="Nowy lead", change_kind="major")
    assert "Opisz istotną zmianę" in major.content.decode()


def test_real_changes_are_listed_on_the_public_page_corrections_are_not(anna, client):
    article = _published(title="Nabór wniosków", body="<p>Do 5 maja.</p>")
    url = reverse("admin:news_article_change", args=[article.pk])
    form = AdminForm.open(anna, url)
    assert (
        form.post(
            body="<p>Do 7 maja.</p>",
            change_kind="major",
            change_note="Nowy termin: 7 maja",
        ).status_code
        == 302
    )
    form = AdminForm.open(anna, url)
    assert (
        form.post(
            lead="Poprawiony opis", change_kind="minor", change_note="drobna korekta"
        ).status_code
        == 302
    )
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Historia zmian (2)" in page  # the first publication and the change
    assert page.split("Historia zmian (2)", 1)[1].split("</ul>")[0].count("<li>") == 2
    assert "Nowy termin: 7 maja" in page
    assert "drobna korekta" not in page
    assert "pierwsza publikacja" in page


def test_a_draft_saves_without_saying_what_kind_of_change(jan):
    article = ArticleFactory(status="draft")
    form = AdminForm.open(jan, reverse("admin:news_article_change", args=[article.pk]))
    form.data.pop("change_kind", None)
    assert form.post(title="Szkic").status_code == 302


# --- who else has the form open -------------------------------------------------


def test_opening_a_form_someone_has_open_says_who_and_since_when(
    anna, jan, time_machine
):
    time_machine.move_to("2026-12-01 10:02:00+01:00", tick=False)
    article = ArticleFactory(status="draft")
    url = reverse("admin:news_article_change", args=[article.pk])
    anna.get(url)
    time_machine.shift(10)
    page = jan.get(url).content.decode()
    assert "Anna Kowalska edytuje ten artykuł od 10:02." in page  # without JS
    # Anna's form asks every few seconds: now Jan is there too.
    presence = reverse("admin:news_article_presence", args=[article.pk])
    assert (
        anna.post(presence)
        .json()["message"]
        .startswith("Jan Nowak edytuje ten artykuł od 10:02.")
    )
    # Someone whose form stopped asking 30 s ago has left.
    time_machine.shift(25)
    assert jan.post(presence).json()["message"].startswith("Anna Kowalska")
    time_machine.shift(10)
    assert jan.post(presence).json()["message"] == ""


def test_the_presence_notice_is_said_once_and_since_the_last_opening(
    anna, jan, time_machine
):
    time_machine.move_to("2026-12-01 08:00:00+01:00", tick=False)
    article = ArticleFactory(status="draft")
    url = reverse("admin:news_article_change", args=[article.pk])
    anna.get(url)  # opened in the morning, then closed
    time_machine.move_to("2026-12-01 14:05:00+01:00", tick=False)
    anna.get(url)  # opened again after lunch
    page = jan.get(url).content.decode()
    assert page.count("Anna Kowalska edytuje ten artykuł") == 1
    assert "od 14:05." in page and "od 08:00" not in page


def test_the_presence_check_is_cheap(anna, jan, django_assert_max_num_queries):
    article = ArticleFactory(status="draft")
    presence = reverse("admin:news_article_presence", args=[article.pk])
    anna.post(presence)
    jan.post(presence)
    # The panel's own per-request cost: session, user, second-factor devices
    # (2), permissions (2). The presence check adds one UPDATE and one SELECT.
    with django_assert_max_num_queries(8) as captured:
        anna.post(presence)
    ours = [
        q["sql"] for q in captured.captured_queries if "base_editpresence" in q["sql"]
    ]
    assert len(ours) == 2
    assert ours[0].startswith("UPDATE") and ours[1].startswith("SELECT")


def test_the_presence_check_needs_the_right_to_change(client, editor):
    from pages.models import Page

    page = Page.objects.create(title="Kontakt", slug="kontakt-y")
    url = reverse("admin:pages_page_presence", args=[page.pk])
    client.force_login(editor)  # may only view pages
    assert client.post(url).status_code == 403
    assert client.get(url).status_code == 405
    client.logout()
    assert client.post(url).status_code == 302


def test_forms_closed_long_ago_are_forgotten(anna, jan, time_machine):
    from base.models import EditPresence

    time_machine.move_to("2026-12-01 10:00:00+01:00", tick=False)
    first, second = ArticleFactory(status="draft"), ArticleFactory(status="draft")
    anna.post(reverse("admin:news_article_presence", args=[first.pk]))
    time_machine.shift(datetime.timedelta(days=2))
    jan.post(reverse("admin:news_article_presence", args=[second.pk]))
    assert list(EditPresence.objects.values_list("object_id", flat=True)) == [
        str(second.pk)
    ]


# --- keeping both people's work -------------------------------------------------


def _saved_in_panel(client, **values):
    """A draft article saved once in the panel (so its version is kept)."""
    article = ArticleFactory(status="draft", **values)
    form = _open(client, article)
    assert form.post().status_code == 302
    article.refresh_from_db()
    return article


def test_a_stale_save_takes_the_other_persons_changes_into_the_form(anna, jan):
    article = _saved_in_panel(
        anna, title="Zasiłek", lead="Krótko.", body="<p>Termin: 5 maja.</p>"
    )
    annas, jans = _open(anna, article), _open(jan, article)
    assert (
        annas.post(body="<p>Termin: 7 maja.</p>", title_uk="Допомога").status_code
        == 302
    )

    response = jans.post(title="Zasiłek rodzinny")
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form["title"].value() == "Zasiłek rodzinny"  # his
    assert "7 maja" in form["body"].value()  # hers, taken in
    assert form["title_uk"].value() == "Допомога"
    text = response.content.decode()
    assert "Przejęto do formularza zmiany drugiej osoby" in text
    assert not form.has_error("title") and not form.has_error("body")

    # Saved again as shown: both changes are kept.
    saved = _post_as_shown(jan, jans.url, form)
    assert saved.status_code == 302, form_errors(saved)
    article.refresh_from_db()
    assert article.title == "Zasiłek rodzinny"
    assert "7 maja" in article.body and article.title_uk == "Допомога"


def test_a_field_both_changed_is_marked_and_keeps_the_typed_text(anna, jan):
    article = _saved_in_panel(anna, title="Zasiłek", lead="Krótko.")
    annas, jans = _open(anna, article), _open(jan, article)
    assert annas.post(title="Zasiłek celowy").status_code == 302
    response = jans.post(title="Zasiłek okresowy", lead="Dłużej.")
    form = response.context["adminform"].form
    assert form.has_error("title", code="edited_by_both")
    assert form["title"].value() == "Zasiłek okresowy"
    assert form["lead"].value() == "Dłużej."
    text = response.content.decode()
    assert "<del>celowy</del><ins>okresowy</ins>" in text
    article.refresh_from_db()
    assert article.title == "Zasiłek celowy"


def test_dates_the_other_person_changed_are_taken_too(anna):
    other = Client()
    other.force_login(_second_publisher())
    article = _saved_in_panel(anna, title="Nabór", lead="Krótko.")
    mine, theirs = _open(anna, article), _open(other, article)
    assert (
        theirs.post(
            status="published",
            published_at_0="01.12.2026",
            published_at_1="10:00",
            published_until_0="31.12.2026",
            published_until_1="16:00",
        ).status_code
        == 302
    )
    response = mine.post(lead="Zmieniony lead.")
    assert response.status_code == 200
    form = response.context["adminform"].form
    saved = _post_as_shown(anna, mine.url, form)
    assert saved.status_code == 302, form_errors(saved)
    article.refresh_from_db()
    assert article.lead == "Zmieniony lead."
    assert article.status == "published"
    local_end = timezone.localtime(article.published_until)
    assert (local_end.date(), local_end.hour) == (datetime.date(2026, 12, 31), 16)


def _post_as_shown(client, url, form):
    """Post the form the page came back with, as its browser would."""
    return client.post(url, {key: form.data.getlist(key) for key in form.data})


def _second_publisher():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user("wydawca2", first_name="Ewa")
    user.groups.add(Group.objects.get(name="Wydawcy"))
    return user
