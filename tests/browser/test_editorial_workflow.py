"""Editor → review → accept in Chromium, as two people in two browsers: the
editor sends a draft, the publisher publishes it from the start page; the
editor's later change waits until the publisher accepts it; and each sees
within 10 s that the other has the same form open."""

import re

import pytest
from django.conf import settings
from django.test import Client

from news.models import Article, ArticleChange
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _signed_in(browser, live_server, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(base_url=live_server.url, locale="pl-PL")
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "domain": "localhost",
                "path": "/",
                "secure": settings.SESSION_COOKIE_SECURE,
                "httpOnly": True,
            }
        ]
    )
    page = context.new_page()
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "console",
        lambda message: message.type == "error" and problems.append(message.text),
    )
    return context, page, problems


def _click(page, selector):
    with page.expect_navigation():
        page.click(selector)


def test_editor_sends_publisher_publishes_then_a_change_waits_for_acceptance(
    browser, live_server, editor, publisher
):
    editor.first_name, editor.last_name = "Jan", "Nowak"
    editor.save()
    article = ArticleFactory(
        status="draft",
        author=editor,
        title="Dodatkowe dyżury w grudniu",
        lead="Ośrodek będzie czynny dłużej.",
    )
    change_url = f"/admin/news/article/{article.pk}/change/"
    editor_context, editors, editor_problems = _signed_in(browser, live_server, editor)
    publisher_context, publishers, publisher_problems = _signed_in(
        browser, live_server, publisher
    )
    try:
        # The editor sends the draft for review.
        editors.goto(change_url)
        _click(editors, "input[name=_submit_review]")
        assert Article.objects.get().status == Article.Status.REVIEW

        # The publisher finds it on the start page and publishes it.
        publishers.goto("/admin/")
        waiting = publishers.locator("#akceptacja")
        assert "Dodatkowe dyżury w grudniu" in waiting.inner_text()
        with publishers.expect_navigation():
            waiting.get_by_role("link", name="Dodatkowe dyżury w grudniu").click()
        _click(publishers, "input[name=_publish]")
        assert Article.objects.get().is_live

        # The editor changes the published article: it waits.
        editors.goto(change_url)
        editors.fill("#id_lead", "Ośrodek będzie czynny do 18:00.")
        editors.check("input[name=change_kind][value=major]")
        editors.fill("#id_change_note", "Podano godzinę zamknięcia")
        _click(editors, "input[name=_continue]")
        assert "czeka na akceptację wydawcy" in editors.inner_text(".messagelist")
        resident = publisher_context.new_page()
        resident.goto(article.get_absolute_url())
        assert "czynny dłużej" in resident.inner_text("main")

        # Both have the article's form open: each is told within 10 s.
        editors.goto(change_url)
        publishers.goto(change_url)
        notice = editors.locator("#edit-presence")
        notice.filter(has_text=re.compile("edytuje ten artykuł od")).wait_for(
            timeout=10_000
        )

        # The publisher compares and accepts from the start page.
        publishers.goto("/admin/")
        with publishers.expect_navigation():
            publishers.locator("#akceptacja").get_by_role(
                "link", name=re.compile("Zmiana: Dodatkowe dyżury")
            ).click()
        assert "do 18:00" in publishers.inner_text(".version-diff td ins")
        _click(publishers, "input[name=_accept]")
        assert ArticleChange.objects.get().state == ArticleChange.State.ACCEPTED
        resident.goto(article.get_absolute_url())
        assert "czynny do 18:00" in resident.inner_text("main")
        assert editor_problems == [] and publisher_problems == []
    finally:
        editor_context.close()
        publisher_context.close()


def test_the_new_panel_pages_pass_axe(browser, live_server, editor, publisher):
    import reversion
    from axe_playwright_python.sync_playwright import Axe

    from news.models import PreviewLink

    article = ArticleFactory(
        status="published", title="Nabór", body="<p>Do 5 maja.</p>"
    )
    for body in ["<p>Do 7 maja.</p>", "<p>Do 9 maja.</p>"]:
        with reversion.create_revision():
            reversion.set_user(publisher)
            article.body = body
            article.save()
    change = ArticleChange.propose(article, editor, {"lead": "Nowy lead"})
    PreviewLink.create_for(article, publisher)
    older, newer = reversion.models.Version.objects.get_for_object(article)
    base = f"/admin/news/article/{article.pk}"
    restoring = f"{base}/history/{older.pk}/"  # the form with a version's text
    pages = [
        f"{base}/history/",
        f"{base}/historia/porownaj/?od={older.pk}&do={newer.pk}",
        f"{base}/zmiany/{change.pk}/",
        f"{base}/podglad/",
        f"{base}/change/",
        restoring,
        "/admin/",
        "/admin/dwuetapowa/",
    ]
    context, page, problems = _signed_in(browser, live_server, publisher)
    found = {}
    try:
        for url in pages:
            page.goto(url)
            seen = len(problems)
            page.wait_for_timeout(300)
            assert problems[seen:] == [], url  # before axe touches the page
            results = Axe().run(
                page,
                options={
                    "runOnly": {
                        "type": "tag",
                        "values": [
                            "wcag2a",
                            "wcag2aa",
                            "wcag21a",
                            "wcag21aa",
                            "wcag22aa",
                        ],
                    }
                },
            )
            if url.endswith("/change/") or url == restoring:
                # The rich-text editor is named after its label once it starts.
                page.locator(".ProseMirror[aria-label='Treść']").wait_for()
            found[url] = [
                f"{v['id']}: {n['target']}"
                for v in results.response["violations"]
                for n in v["nodes"]
            ]
    finally:
        context.close()
    assert {url: v for url, v in found.items() if v} == {}
