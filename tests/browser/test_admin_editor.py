import pytest

from news.models import Article

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_editor_works_under_the_real_csp(page, log_in, publisher):
    log_in(publisher)
    response = page.goto("/admin/news/article/add/")
    policy = response.headers["content-security-policy"]
    script_src = next(
        d for d in policy.split(";") if d.strip().startswith("script-src")
    )
    assert "'unsafe-inline'" not in script_src
    assert "'nonce-" in script_src

    editor = page.locator(".ProseMirror[contenteditable=true][lang=pl]")
    editor.wait_for(state="visible")
    # The translations' editors check spelling in their own language.
    assert page.locator(".ProseMirror[lang=uk]").count() == 1
    assert page.locator(".ProseMirror[lang=en]").count() == 1
    assert page.locator("input[name=title_uk][lang=uk]").count() == 1
    page.fill("#id_title", "Dyżur w Wigilię")
    page.fill("#id_lead", "Ośrodek będzie czynny do 12:00.")
    editor.click()
    page.keyboard.type("Zapraszamy w godzinach ")
    page.keyboard.press("Control+b")
    page.keyboard.type("8:00–12:00")
    page.keyboard.press("Control+b")
    # The menu and its dialogs speak Polish.
    assert page.locator(".field-body .prose-menubar [title='Pogrubienie']").count() == 1
    page.locator(".field-body .prose-menubar [title='Wstaw tabelę']").click()
    dialog = page.locator("dialog[open]")
    assert "Wiersze" in dialog.inner_text() and "Kolumny" in dialog.inner_text()
    dialog.get_by_role("button", name="Wstaw").click()
    assert editor.locator("table").count() == 1
    page.select_option("#id_status", "published")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/news/article/")

    article = Article.objects.get()
    # Where the space lands around <strong> is the editor's business.
    assert article.body.replace(" ", "").startswith(
        "<p>Zapraszamywgodzinach<strong>8:00–12:00</strong></p>"
    )
    assert "<table><tbody><tr><td>" in article.body
    assert article.status == Article.Status.PUBLISHED
    assert page.problems == []
