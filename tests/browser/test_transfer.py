"""The home page's first view on a phone, with the demo content: what it costs
to download (< 300 KB, the issue's budget) and that nothing comes from another
site (no third-party resource can block or slow the page)."""

from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BUDGET = 300 * 1024
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
}


def _photo(name):
    """A photo-like JPEG, 3000 × 2000: detail that compresses as a camera's
    picture does (its 1200 px WebP about 125 KB, JPEG about 175 KB), not as a
    flat colour."""
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image, ImageFilter

    size = (3000, 2000)
    gradient = Image.linear_gradient("L").resize(size).convert("RGB")
    detail = Image.effect_noise(size, 80).convert("RGB")
    detail = detail.filter(ImageFilter.GaussianBlur(2.5))
    output = BytesIO()
    Image.blend(gradient, detail, 0.5).save(output, "JPEG", quality=92)
    return SimpleUploadedFile(name, output.getvalue(), "image/jpeg")


def test_the_home_page_on_a_phone_stays_under_300_kb(browser, live_server):
    from news.models import Article, ArticleImage

    call_command("load_demo", stdout=StringIO())
    # A full home page (six articles), each with a large main photo.
    for number in range(6 - Article.objects.published().count()):
        ArticleFactory(title=f"Zebranie informacyjne nr {number}")
    for number, article in enumerate(Article.objects.published()):
        ArticleImage.objects.create(
            article=article,
            image=_photo(f"zdjecie-{number}.jpg"),
            alt_text="Spotkanie w ośrodku",
            placement="main",
        )
    context = browser.new_context(base_url=live_server.url, locale="pl-PL", **PHONE)
    page = context.new_page()
    sizes = {}

    def count(response):
        # The body as served (live_server does not compress; nginx would).
        try:
            sizes[response.url] = len(response.body())
        except Exception:  # noqa: BLE001 (a redirect has no body)
            sizes[response.url] = 0

    page.on("response", count)
    page.goto("/", wait_until="networkidle")
    context.close()
    origin = urlsplit(live_server.url).netloc
    assert {urlsplit(url).netloc for url in sizes} == {origin}
    total = sum(sizes.values())
    assert any(url.endswith((".jpg", ".webp", ".avif")) for url in sizes), sizes
    assert total < BUDGET, sorted(sizes.items(), key=lambda item: -item[1])
