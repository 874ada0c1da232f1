"""WCAG 2.2 A/AA checks with axe-core in Chromium (normal, high-contrast and
largest-text modes), keyboard use, small screens, and the site without JavaScript."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.site_content import every_page_kind

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WCAG_AA = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    }
}
MODES = {
    "normal": {},
    "high contrast": {"kontrast": "1"},
    "largest text": {"tekst": "larger"},
}


@pytest.fixture
def site(settings):
    return every_page_kind()


def _violations(page, url):
    page.goto(url)
    results = Axe().run(page, options=WCAG_AA)
    return [
        f"{violation['id']}: {node['target']}"
        for violation in results.response["violations"]
        for node in violation["nodes"]
    ]


def test_the_axe_harness_reports_a_violation(page, live_server):
    page.goto(live_server.url + "/robots.txt")
    page.set_content('<html lang="pl"><title>x</title><img src="/favicon.ico"></html>')
    results = Axe().run(page, options=WCAG_AA)
    assert [v["id"] for v in results.response["violations"]] == ["image-alt"]


def _use_mode(context, live_server, mode):
    context.add_cookies(
        [
            {"name": name, "value": value, "url": live_server.url}
            for name, value in MODES[mode].items()
        ]
    )


@pytest.mark.parametrize("mode", MODES)
def test_axe_finds_no_wcag_22_aa_violations(context, page, live_server, site, mode):
    _use_mode(context, live_server, mode)
    # 16 kinds of page, the 5 pages the law requires, 13 in Ukrainian and English
    assert len(site) == 34
    found = {name: _violations(page, url) for name, url in site.items()}
    assert {name: v for name, v in found.items() if v} == {}


@pytest.mark.parametrize("mode", MODES)
def test_nothing_overflows_a_320_px_screen_in_any_mode(
    context, live_server, site, mode
):
    """WCAG 1.4.10 Reflow: also with "A++" and in high contrast."""
    _use_mode(context, live_server, mode)
    page = context.new_page()
    page.set_viewport_size({"width": 320, "height": 640})
    wide = {}
    for name, url in site.items():
        page.goto(url)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            wide[name] = width
    assert wide == {}


TARGETS = "a, button, input, select, textarea, summary, [role=button]"
SMALL_TARGETS_JS = """(selector) => {
  const inline = (el) => getComputedStyle(el).display === "inline"
    && el.closest("p, li, dd, td, figcaption, address")
    && (el.closest("p, li, dd, td, figcaption, address").textContent.trim()
        .length > el.textContent.trim().length + 1);
  const boxes = [...document.querySelectorAll(selector)]
    .filter((el) => el.offsetParent !== null && !inline(el))
    .map((el) => [el, el.getBoundingClientRect()]);
  const centre = (r) => [r.left + r.width / 2, r.top + r.height / 2];
  return boxes.filter(([el, r]) => {
    if (r.width >= 24 && r.height >= 24) return false;
    const [x, y] = centre(r);
    return boxes.some(([other, o]) => other !== el && (() => {
      const [ox, oy] = centre(o);
      return Math.hypot(x - ox, y - oy) < 24;
    })());
  }).map(([el, r]) => el.outerHTML.slice(0, 80) + ` ${r.width}x${r.height}`);
}"""


def test_the_target_size_check_finds_crowded_small_targets(page, live_server):
    page.goto(live_server.url + "/robots.txt")
    page.set_content(
        '<html lang="pl"><body><a href="/a" style="display:inline-block;width:10px;'
        'height:10px">a</a><a href="/b" style="display:inline-block;width:10px;'
        'height:10px">b</a></body></html>'
    )
    assert len(page.evaluate(SMALL_TARGETS_JS, TARGETS)) == 2


@pytest.mark.parametrize("width", [1280, 320])
def test_every_target_is_at_least_24_px_or_spaced(context, site, width):
    """WCAG 2.5.8: a target smaller than 24×24 px needs a 24 px circle free of
    other targets; links inside running text are exempt."""
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 800})
    small = {}
    for name, url in site.items():
        page.goto(url)
        found = page.evaluate(
            SMALL_TARGETS_JS,
            TARGETS,
        )
        if found:
            small[name] = found
    assert small == {}


def test_a_focused_element_is_never_hidden_under_the_header(context, live_server, site):
    """WCAG 2.4.11: tabbing through a long page keeps the focus in view."""
    _use_mode(context, live_server, "largest text")
    page = context.new_page()
    page.set_viewport_size({"width": 390, "height": 700})
    page.goto(site["news list"])
    for _ in range(40):
        page.keyboard.press("Tab")
        hidden = page.evaluate(
            """() => {
              const el = document.activeElement;
              if (!el || el === document.body) return false;
              const r = el.getBoundingClientRect();
              const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
              const y = Math.min(Math.max(r.top + Math.min(r.height, 20) / 2, 0), innerHeight - 1);
              const top = document.elementFromPoint(x, y);
              return !!top && top !== el && !el.contains(top) && !top.contains(el);
            }"""
        )
        assert not hidden, page.evaluate(
            "document.activeElement.outerHTML.slice(0, 120)"
        )


def test_help_is_in_the_same_place_on_every_page(context, site):
    """WCAG 3.2.6: the office's phone is in the footer's contact section, in the
    same order relative to the rest, on every page."""
    page = context.new_page()
    seen = set()
    for name, url in site.items():
        page.goto(url)
        phone = page.locator("footer #stopka-kontakt ~ address a[href^='tel:']").first
        assert phone.count() == 1, name
        seen.add(phone.get_attribute("href"))
    assert len(seen) == 1


def test_keyboard_walk_from_the_skip_link_to_the_article_body(page, site):
    page.goto(site["article with image"])
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Przejdź do treści"
    assert page.evaluate("document.activeElement.getBoundingClientRect().top >= 0")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "tresc"
    for _ in range(10):
        page.keyboard.press("Tab")
        assert page.evaluate("!!document.activeElement.closest('main')")
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none"
        if page.evaluate("!!document.activeElement.closest('.rich-text')"):
            break
    else:
        pytest.fail("Tabbing from the skip link never reached the article body")
    assert page.evaluate("document.activeElement.textContent") == "stronie CAL"


def test_text_200_percent_still_fits_a_phone(context, live_server, site):
    context.add_cookies([{"name": "tekst", "value": "larger", "url": live_server.url}])
    page = context.new_page()
    page.set_viewport_size({"width": 640, "height": 800})  # 1280 px at 200% zoom
    for url in [
        site["home"],
        site["article with image"],
        site["accessibility statement"],
    ]:
        page.goto(url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 640, url


def test_the_site_works_without_javascript(browser, live_server, site):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto(site["news list"])
    page.get_by_role("button", name="Wysoki kontrast").click()
    page.wait_for_load_state()
    assert "high-contrast" in (page.locator("html").get_attribute("class") or "")
    page.goto(site["home"])  # remembered on the next page
    assert "high-contrast" in (page.locator("html").get_attribute("class") or "")
    page.get_by_role("button", name="Tekst największy").click()
    assert "text-larger" in page.locator("html").get_attribute("class")
    page.fill("#szukaj-q", "certyfikat")
    page.keyboard.press("Enter")
    page.wait_for_url("**/szukaj/?q=certyfikat")
    assert page.locator("main h2 a").count() >= 1
    page.goto(site["news list"])
    page.get_by_role("link", name="Starsze artykuły »").click()
    assert "page=2" in page.url
    context.close()


def test_the_language_switcher_works_by_keyboard_without_javascript(
    browser, live_server, site
):
    """A resident tabs to "Українська" and presses Enter: the same article,
    in Ukrainian, then back to Polish; then a Polish-only article in English."""
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto(site["article with image"])
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent.trim()")
        if focused == "Українська":
            break
    assert page.evaluate("document.activeElement.getAttribute('lang')") == "uk"
    page.keyboard.press("Enter")
    page.wait_for_url(site["article (uk)"])
    assert page.locator("html").get_attribute("lang") == "uk"
    assert page.locator("h1").inner_text().startswith("Міський центр")
    page.get_by_role("link", name="Polski", exact=True).click()
    page.wait_for_url(site["article with image"])
    page.goto(site["untranslated article (uk)"])
    page.get_by_role("link", name="English", exact=True).click()
    assert page.url.endswith(site["untranslated article (en)"])
    assert page.locator("h1").get_attribute("lang") == "pl"
    assert "no English version yet" in page.locator("main").inner_text()
    context.close()


def test_an_article_prints_without_the_site_controls(page, site):
    page.goto(site["article with image"])
    page.emulate_media(media="print")
    for hidden in [
        ".display-controls",
        ".search-form",
        "nav[aria-label='Menu główne']",
    ]:
        assert not page.locator(hidden).is_visible(), hidden
    assert page.locator("main h1").is_visible()
    assert page.locator(".rich-text").is_visible()
    # External links print their address.
    after = page.evaluate(
        "getComputedStyle(document.querySelector('.rich-text a[href^=\"http\"]'), '::after')"
        ".content"
    )
    assert "https://www.cal.org.pl/" in after
