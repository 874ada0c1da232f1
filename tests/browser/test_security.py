import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_csp_blocks_an_inline_script(page):
    page.goto("/")
    # As if an attacker managed to put a <script> into the page.
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.body.append(script);
        }"""
    )
    assert page.evaluate("window.injected === undefined")
    assert any("Content Security Policy" in problem for problem in page.problems)


def test_public_pages_run_no_inline_script_and_load_nothing_foreign(page, live_server):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    for path in [
        "/",
        "/aktualnosci/",
        "/kontakt/",
        "/jezyk-migowy/",
        "/szukaj/?q=mops",
    ]:
        page.goto(path)
    assert page.problems == []
    assert all(url.startswith(live_server.url) for url in requests)


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/news/article/",
        "/admin/news/article/?status__exact=draft",
        "/admin/awards/award/",
        "/admin/awards/award/add/",
        "/admin/pages/page/add/",
        "/admin/pages/accessibilitystatement/",
        "/admin/base/notice/add/",
    ],
)
def test_admin_pages_run_under_the_csp_without_errors(page, log_in, admin_user, path):
    log_in(admin_user)
    page.goto(path)
    page.wait_for_load_state("networkidle")
    assert page.problems == []
