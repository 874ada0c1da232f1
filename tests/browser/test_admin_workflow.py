"""An editor's real day in the panel, in Chromium: write, add a photo, save, come
back, save again, preview. Nothing answers with an error page."""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from news.models import Article
from tests import samples

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _photo(tmp_path):
    path = tmp_path / "sala.jpg"
    path.write_bytes(samples.image_bytes("JPEG", size=(1200, 800)))
    return path


def _no_error_pages(page):
    statuses = []
    page.on(
        "response",
        lambda r: r.request.resource_type == "document" and statuses.append(r.status),
    )
    return statuses


def test_an_editor_writes_links_adds_a_photo_edits_again_and_previews(
    page, log_in, editor, tmp_path
):
    statuses = _no_error_pages(page)
    log_in(editor)
    page.goto("/admin/news/article/add/")
    area = page.locator(".ProseMirror[contenteditable=true][lang=pl]")
    area.wait_for(state="visible")
    # The writing area: Polish spelling on, room for more than a line.
    assert area.get_attribute("lang") == "pl"
    assert area.get_attribute("spellcheck") == "true"
    assert area.bounding_box()["height"] >= 150
    assert page.locator("#id_title").bounding_box()["width"] >= 500

    page.fill("#id_title", "Nowe godziny pracy punktu informacyjnego")
    page.fill("#id_lead", "Punkt informacyjny działa dłużej.")
    area.click()
    page.keyboard.type("Strona urzędu")
    page.keyboard.press("Shift+Home")  # the whole line: one deterministic selection
    # The menu reads the selection asynchronously: wait for it, and click again
    # if the first click came before the editor had it (slow CI machines).
    page.wait_for_function(
        "() => window.getSelection().toString().trim() === 'Strona urzędu'"
    )
    dialog = page.locator("dialog[open]")
    for _ in range(3):
        page.locator(".field-body .prose-menubar [title='Wstaw link']").click()
        try:
            dialog.wait_for(timeout=5000)
            break
        except PlaywrightTimeout:
            continue
    # A new link is added, not edited.
    assert "Dodaj link" in dialog.inner_text()
    assert "Edytuj link" not in dialog.inner_text()
    dialog.locator("input").first.fill("www.example.pl")
    dialog.locator("button[type=submit]").click()

    page.locator("#images-group .add-row a").click()
    page.set_input_files("input[name='images-0-image']", str(_photo(tmp_path)))
    page.fill("input[name='images-0-alt_text']", "Punkt informacyjny ośrodka")
    with page.expect_navigation():
        page.click("input[name=_continue]")
    assert "Zapisano: artykuł „Nowe godziny" in page.inner_text(".messagelist")

    article = Article.objects.get()
    assert 'href="https://www.example.pl"' in article.body
    assert article.images.count() == 1

    # Come back, change the text, save again: the photo stays.
    page.fill("#id_lead", "Punkt informacyjny działa do 18:00.")
    with page.expect_navigation():  # the same address: wait for the new page
        page.click("input[name=_continue]")
    assert "Zapisano zmiany: artykuł" in page.inner_text(".messagelist")
    article.refresh_from_db()
    assert article.lead == "Punkt informacyjny działa do 18:00."
    assert article.images.count() == 1

    # Preview through "Pokaż na stronie".
    preview = page.locator("a.viewsitelink").get_attribute("href")
    assert preview == article.get_absolute_url()  # on this host and port
    page.goto(preview)
    assert "podgląd" in page.inner_text("body").lower()
    link = page.locator('article .rich-text a[href="https://www.example.pl"]')
    assert link.inner_text() == "Strona urzędu"
    assert page.locator("article img").count() >= 1
    assert all(status < 400 for status in statuses), statuses
    assert page.problems == []


def test_the_article_list_fits_a_1280_px_screen(page, log_in, publisher):
    from tests.factories import ArticleFactory

    for number in range(5):
        ArticleFactory(
            title=f"Informacja o zmianie godzin pracy ośrodka w okresie świąteczno-"
            f"noworocznym oraz o dyżurach pracowników socjalnych, część {number}",
            author=publisher,
        )
    ArticleFactory(title="Zaplanowany", scheduled=True, author=publisher)
    log_in(publisher)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/admin/news/article/")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    title_cell = page.locator("#result_list tbody tr th.field-title").first
    font_size = float(
        page.evaluate("getComputedStyle(document.body).fontSize").removesuffix("px")
    )
    # at most three lines of a long title (line height about 1.5 em, cell padding)
    assert title_cell.bounding_box()["height"] <= 3 * 1.6 * font_size + 20
    author = page.locator("#result_list td.field-author").first
    box = author.bounding_box()
    assert box["x"] + box["width"] <= 1280
    assert "zaplanowany na" in page.inner_text("#result_list")
