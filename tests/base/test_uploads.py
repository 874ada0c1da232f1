import io
import time
import zipfile

import pytest
from django.core.files.storage import default_storage
from PIL import Image

from base.models import Attachment
from base.uploads import safe_filename
from news.models import Article, ArticleImage
from tests import samples
from tests.admin_forms import article_inlines
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def _article(status="published", images=(), attachments=()):
    return {
        "title": "Artykuł ze zdjęciami",
        "slug": "",
        "lead": "Zajawka.",
        "body": "<p>Treść</p>",
        "status": status,
        "published_at_0": "",
        "published_at_1": "",
        "category": "",
        **article_inlines(images, attachments),
    }


def _image_row(file, alt="Pracownicy ośrodka przy stole", **extra):
    return {
        "image": file,
        "alt_text": alt,
        "placement": "main",
        "position": "0",
        **extra,
    }


def _media_files(settings):
    root = settings.MEDIA_ROOT
    return (
        sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
        if root.exists()
        else []
    )


@pytest.fixture
def admin_client(client, publisher):
    client.force_login(publisher)
    return client


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("bomba.png", samples.decompression_bomb(), "Obraz ma za dużo pikseli"),
        ("ucięte.jpg", samples.truncated_jpeg(), "To nie jest poprawny obraz"),
        ("program.jpg", samples.renamed_executable(), "To nie jest poprawny obraz"),
        ("grafika.svg", samples.svg(), "To nie jest poprawny obraz"),
        ("pusty.jpg", b"", "Wybrany plik jest pusty (0 bajtów)"),
    ],
)
def test_bad_images_are_refused_with_a_message_and_nothing_is_stored(
    admin_client, settings, name, data, message
):
    response = admin_client.post(
        "/admin/news/article/add/",
        _article(images=[_image_row(samples.upload(name, data))]),
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Article.objects.exists()
    assert _media_files(settings) == []


def test_an_oversized_image_is_refused(admin_client, settings):
    settings.UPLOAD_IMAGE_MAX_BYTES = 10_000
    response = admin_client.post(
        "/admin/news/article/add/", _article(images=[_image_row(samples.jpeg())])
    )
    assert "Plik jest za duży" in response.content.decode()
    assert "Największy dopuszczalny rozmiar to 9,8\xa0KB" in response.content.decode()
    assert _media_files(settings) == []


def test_gps_and_other_exif_are_gone_and_orientation_is_applied(admin_client, settings):
    photo = samples.jpeg(size=(1600, 900), gps=True, orientation=6)
    response = admin_client.post(
        "/admin/news/article/add/", _article(images=[_image_row(photo)])
    )
    assert response.status_code == 302
    stored = ArticleImage.objects.get()
    # Orientation 6 means "rotate 90°": the stored photo is upright, 900 × 1600.
    assert (stored.width, stored.height) == (900, 1600)
    for name in _media_files(settings):
        with Image.open(settings.MEDIA_ROOT / name) as image:
            exif = image.getexif()
            assert samples.GPS_IFD not in exif, name
            assert not exif.get_ifd(samples.GPS_IFD), name
            assert "AparatTestowy" not in str(dict(exif)), name
        assert b"AparatTestowy" not in (settings.MEDIA_ROOT / name).read_bytes(), name


def test_a_polyglot_loses_its_payload(admin_client, settings):
    payload = b"<script>alert(1)</script>"
    photo = samples.upload("poliglota.jpg", samples.image_bytes("JPEG") + payload)
    response = admin_client.post(
        "/admin/news/article/add/", _article(images=[_image_row(photo)])
    )
    assert response.status_code == 302
    for name in _media_files(settings):
        assert payload not in (settings.MEDIA_ROOT / name).read_bytes()


def test_renditions_exist_and_the_page_uses_them(admin_client, client, settings):
    photo = samples.upload(
        "Zdjęcie Łódź.PNG", samples.image_bytes("PNG", size=(1600, 900))
    )
    admin_client.post("/admin/news/article/add/", _article(images=[_image_row(photo)]))
    stored = ArticleImage.objects.get()
    assert stored.image.name.endswith("/zdjecie-lodz.png")
    for width in (400, 800, 1200):
        for extension in ("webp", "jpg"):
            rendition = [r for r in stored.renditions[extension] if r.width == width][0]
            path = settings.MEDIA_ROOT / rendition.url.removeprefix(settings.MEDIA_URL)
            with Image.open(path) as image:
                assert image.width == width
                assert image.format == ("WEBP" if extension == "webp" else "JPEG")
    client.logout()
    html = client.get(stored.article.get_absolute_url()).content.decode()
    assert 'type="image/webp"' in html
    assert "-400w.webp 400w" in html and "-1200w.jpg 1200w" in html
    assert 'width="1200" height="675"' in html
    assert 'alt="Pracownicy ośrodka przy stole"' in html


def test_a_small_image_gets_one_rendition_at_its_own_width(admin_client):
    photo = samples.jpeg(size=(300, 200))
    admin_client.post("/admin/news/article/add/", _article(images=[_image_row(photo)]))
    stored = ArticleImage.objects.get()
    assert [r.width for r in stored.renditions["jpg"]] == [300]
    assert default_storage.exists(
        stored.renditions["jpg"][0].url.removeprefix("/media/")
    )


def test_decorative_images_get_an_empty_alt(admin_client, client):
    photo = samples.jpeg()
    admin_client.post(
        "/admin/news/article/add/",
        _article(images=[_image_row(photo, alt="", is_decorative="on")]),
    )
    article = Article.objects.get()
    client.logout()
    assert 'alt=""' in client.get(article.get_absolute_url()).content.decode()


def test_publishing_with_an_image_without_alt_text_says_which_image(
    admin_client, settings
):
    response = admin_client.post(
        "/admin/news/article/add/",
        _article(images=[_image_row(samples.jpeg("wreczenie.jpg"), alt="")]),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "brak tekstu alternatywnego dla: zdjęcie nr 1 (wreczenie.jpg)" in html
    assert not Article.objects.exists()


def test_a_draft_may_keep_an_image_without_alt_text_for_now(admin_client):
    response = admin_client.post(
        "/admin/news/article/add/",
        _article(status="draft", images=[_image_row(samples.jpeg(), alt="")]),
    )
    assert response.status_code == 302
    assert ArticleImage.objects.get().alt_text == ""


def test_only_one_main_image(admin_client):
    response = admin_client.post(
        "/admin/news/article/add/",
        _article(
            images=[
                _image_row(samples.jpeg("a.jpg")),
                _image_row(samples.jpeg("b.jpg")),
            ]
        ),
    )
    assert "Tylko jedno zdjęcie może być zdjęciem głównym" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "data", "shown"),
    [
        (
            "Wniosek o zasiłek.pdf",
            samples.pdf(2048),
            "<span>Wniosek</span> (PDF, 2,0\xa0KB)",
        ),
        ("regulamin.docx", samples.docx(), "<span>Wniosek</span> (DOCX,"),
        ("regulamin.odt", samples.odt(), "<span>Wniosek</span> (ODT,"),
        ("tabela.xlsx", samples.xlsx(), "<span>Wniosek</span> (XLSX,"),
        ("tabela.ods", samples.ods(), "<span>Wniosek</span> (ODS,"),
        ("informacja.txt", "Zażółć gęślą jaźń".encode(), "<span>Wniosek</span> (TXT,"),
        # The format follows the content, not the name.
        (
            "udaje-worda.docx",
            samples.pdf(1024),
            "<span>Wniosek</span> (PDF, 1,0\xa0KB)",
        ),
    ],
)
def test_attachments_show_their_format_and_size(
    admin_client, client, name, data, shown
):
    row = {
        "title": "Wniosek",
        "file": samples.upload(name, data),
        "language": "pl",
        "position": "0",
    }
    response = admin_client.post(
        "/admin/news/article/add/", _article(attachments=[row])
    )
    assert response.status_code == 302
    article = Article.objects.get()
    client.logout()
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Do pobrania" in html
    assert shown in html


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("program.pdf", samples.renamed_executable()),
        ("strona.txt", b"<html><script>alert(1)</script></html>"),
        ("grafika.pdf", samples.svg()),
        ("archiwum.docx", samples._zip({"cokolwiek.txt": "x"})),
        ("pusty.pdf", b""),
    ],
)
def test_bad_attachments_are_refused_and_nothing_is_stored(
    admin_client, settings, name, data
):
    row = {
        "title": "Zły",
        "file": samples.upload(name, data),
        "language": "pl",
        "position": "0",
    }
    response = admin_client.post(
        "/admin/news/article/add/", _article(attachments=[row])
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nieobsługiwany rodzaj pliku" in html or "Wybrany plik jest pusty" in html
    assert not Attachment.objects.exists()
    assert _media_files(settings) == []


def test_a_ukrainian_attachment_is_marked_for_screen_readers(client):
    article = ArticleFactory()
    Attachment.objects.create(
        content_object=article,
        title="Заява",
        file=samples.upload("zayava.pdf", samples.pdf()),
        language="uk",
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<span lang="uk">Заява</span>' in html
    assert 'hreflang="uk"' in html


def test_same_name_uploads_never_overwrite_each_other():
    article = ArticleFactory()
    first = Attachment.objects.create(
        content_object=article,
        title="A",
        file=samples.upload("wniosek.pdf", samples.pdf(1000)),
    )
    second = Attachment.objects.create(
        content_object=article,
        title="B",
        file=samples.upload("wniosek.pdf", samples.pdf(2000)),
    )
    assert first.file.name != second.file.name
    assert first.file.name.endswith("/wniosek.pdf") and second.file.name.endswith(
        "/wniosek.pdf"
    )
    assert default_storage.size(first.file.name) == 1000
    assert default_storage.size(second.file.name) == 2000


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\Ala\\Wniosek o zasiłek ĄĘ.PDF", "wniosek-o-zasilek-ae.pdf"),
        ("zły\x00plik\r\n.pdf", "zlyplik.pdf"),
        (".pdf", "plik.pdf"),
        ("bez rozszerzenia", "bez-rozszerzenia"),
    ],
)
def test_file_names_are_made_safe(name, safe):
    assert safe_filename(name) == safe


def test_deleting_an_article_removes_its_files(
    settings, django_capture_on_commit_callbacks
):
    article = ArticleFactory()
    with django_capture_on_commit_callbacks(execute=True):
        ArticleImage.objects.create(article=article, image=samples.jpeg(), alt_text="x")
        Attachment.objects.create(
            content_object=article,
            title="A",
            file=samples.upload("a.pdf", samples.pdf()),
        )
    # photo, 4 widths (400, 800, 1200 and its own 1600) × 2 formats, PDF
    assert len(_media_files(settings)) == 1 + 8 + 1
    with django_capture_on_commit_callbacks(execute=True):
        article.delete()
    assert _media_files(settings) == []


def test_replacing_a_file_removes_the_old_one(
    settings, django_capture_on_commit_callbacks
):
    article = ArticleFactory()
    with django_capture_on_commit_callbacks(execute=True):
        attachment = Attachment.objects.create(
            content_object=article,
            title="A",
            file=samples.upload("stary.pdf", samples.pdf()),
        )
    old_name = attachment.file.name
    with django_capture_on_commit_callbacks(execute=True):
        attachment.file = samples.upload("nowy.pdf", samples.pdf())
        attachment.save()
    assert not default_storage.exists(old_name)
    assert default_storage.exists(attachment.file.name)


def test_a_file_still_used_elsewhere_is_kept(
    settings, django_capture_on_commit_callbacks
):
    article = ArticleFactory()
    with django_capture_on_commit_callbacks(execute=True):
        first = Attachment.objects.create(
            content_object=article,
            title="A",
            file=samples.upload("wspolny.pdf", samples.pdf()),
        )
        second = Attachment.objects.create(
            content_object=article, title="B", file=first.file.name
        )
    with django_capture_on_commit_callbacks(execute=True):
        first.delete()
    assert default_storage.exists(second.file.name)
    with django_capture_on_commit_callbacks(execute=True):
        second.delete()
    assert not default_storage.exists(second.file.name)


def test_docx_detection_needs_the_word_part():
    data = samples.docx()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "word/document.xml" in archive.namelist()


def test_an_article_with_a_photo_shares_it_in_open_graph(client):
    article = ArticleFactory()
    ArticleImage.objects.create(
        article=article,
        image=samples.jpeg(size=(1600, 900)),
        alt_text="Sala",
        placement="main",
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert (
        '<meta property="og:image" content="http://testserver/media/articles/' in html
    )
    assert '-1600w.jpg">' in html  # the share image is the largest there is
    assert '<meta property="og:image:alt" content="Sala">' in html


@pytest.mark.parametrize(
    ("size", "widths"),
    [
        ((700, 400), [400, 700]),  # served at its own width, not only 400 px
        ((1200, 800), [400, 800, 1200]),
        ((1600, 900), [400, 800, 1200, 1600]),
        ((5000, 3000), [400, 800, 1200, 2400]),  # capped
    ],
)
def test_a_photo_is_always_offered_at_its_own_width(size, widths):
    article = ArticleFactory()
    image = ArticleImage.objects.create(
        article=article, image=samples.jpeg(size=size), alt_text="Sala"
    )
    assert [r.width for r in image.renditions["jpg"]] == widths
    assert [r.width for r in image.renditions["webp"]] == widths
    for rendition in image.renditions["jpg"]:
        assert default_storage.exists(rendition.name)


def test_a_text_file_in_windows_1250_gets_a_helpful_message(admin_client, settings):
    data = "Wniosek o zasiłek – ośrodek".encode("cp1250")
    row = {
        "title": "Tekst",
        "file": samples.upload("tekst.txt", data),
        "language": "pl",
        "position": "0",
    }
    response = admin_client.post(
        "/admin/news/article/add/", _article(attachments=[row])
    )
    assert (
        "Plik tekstowy musi być zapisany w kodowaniu UTF-8" in response.content.decode()
    )
    assert _media_files(settings) == []


def test_a_long_animation_counts_all_its_frames(admin_client, settings):
    frames = [Image.new("P", (2000, 2000), color) for color in range(12)]
    buffer = io.BytesIO()
    frames[0].save(buffer, format="GIF", save_all=True, append_images=frames[1:])
    response = admin_client.post(
        "/admin/news/article/add/",
        _article(
            images=[_image_row(samples.upload("animacja.gif", buffer.getvalue()))]
        ),
    )
    assert "Obraz ma za dużo pikseli" in response.content.decode()
    assert _media_files(settings) == []


PAYLOAD = b"<?php system($_GET['c']); ?>"


def _with_hidden_payload(fmt, frames=1):
    from PIL import PngImagePlugin

    output = io.BytesIO()
    images = [Image.new("RGB", (640, 480), (200, 40 * i, 0)) for i in range(frames)]
    options = {"comment": PAYLOAD}
    if fmt == "PNG":
        info = PngImagePlugin.PngInfo()
        info.add_text("Comment", PAYLOAD.decode())
        info.add_itxt("XML:com.adobe.xmp", PAYLOAD.decode())
        options = {"pnginfo": info}
    images[0].save(
        output, format=fmt, save_all=frames > 1, append_images=images[1:], **options
    )
    assert PAYLOAD in output.getvalue()
    return output.getvalue()


@pytest.mark.parametrize(
    ("name", "fmt", "frames"),
    [
        ("komentarz.jpg", "JPEG", 1),
        ("komentarz.gif", "GIF", 1),
        ("animacja.gif", "GIF", 3),
        ("tekst.png", "PNG", 1),
    ],
)
def test_no_hidden_payload_reaches_a_stored_file(settings, name, fmt, frames):
    article = ArticleFactory()
    ArticleImage.objects.create(
        article=article,
        image=samples.upload(name, _with_hidden_payload(fmt, frames)),
        alt_text="x",
    )
    stored = _media_files(settings)
    assert len(stored) > 1  # the original and its renditions
    for name in stored:
        assert PAYLOAD not in (settings.MEDIA_ROOT / name).read_bytes(), name


def test_cleanup_media_finds_and_removes_only_old_files_no_row_uses(settings):
    import os
    from io import StringIO

    from django.core.management import call_command

    kept = ArticleImage.objects.create(
        article=ArticleFactory(), image=samples.jpeg(size=(500, 300)), alt_text="x"
    )
    root = settings.MEDIA_ROOT
    orphan = root / "articles/2026/dead/zdjecie.jpg"
    orphan_rendition = root / "articles/2026/dead/r/zdjecie-400w.jpg"
    young = root / "attachments/2026/now/wniosek.pdf"
    own = root / "site/office.json"
    for path in [orphan, orphan_rendition, young, own]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    hours_ago = time.time() - 2 * 3600
    for path in [orphan, orphan_rendition, own]:
        os.utime(path, (hours_ago, hours_ago))
    listed = StringIO()
    call_command("cleanup_media", stdout=listed)
    assert "nieużywany: articles/2026/dead/zdjecie.jpg" in listed.getvalue()
    assert "nieużywany: articles/2026/dead/r/zdjecie-400w.jpg" in listed.getvalue()
    assert "Nieużywanych plików: 2." in listed.getvalue()
    assert orphan.exists()  # a dry run by default
    call_command("cleanup_media", "--delete", stdout=StringIO())
    assert not orphan.exists() and not orphan_rendition.exists()
    assert young.exists() and own.exists()
    assert default_storage.exists(kept.image.name)
    for rendition in kept.renditions["jpg"]:
        assert default_storage.exists(rendition.name)


def test_a_photo_without_its_size_and_gone_from_the_disk_never_breaks_a_page(
    client, uncached_pages
):
    """A row whose size was never recorded (an import, an old row) and whose
    file is missing: Django would open the file to measure it on every page."""
    from news.models import ArticleImage

    article = ArticleFactory(title="Zdjęcie zniknęło")
    photo = ArticleImage.objects.create(
        article=article,
        image=samples.jpeg("zniknie.jpg"),
        alt_text="Budynek ośrodka",
        placement="main",
    )
    ArticleImage.objects.filter(pk=photo.pk).update(width=None, height=None)
    default_storage.delete(photo.image.name)
    for url in ["/", "/aktualnosci/", article.get_absolute_url()]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Zdjęcie zniknęło" in response.content.decode()


def test_a_missing_attachment_file_never_breaks_the_page(
    client, publisher, django_capture_on_commit_callbacks, uncached_pages
):
    article = ArticleFactory()
    with django_capture_on_commit_callbacks(execute=True):
        attachment = Attachment.objects.create(
            content_object=article,
            title="Wniosek o zasiłek",
            file=samples.upload("wniosek.pdf", samples.pdf()),
        )
    assert attachment.file_size == len(samples.pdf())  # stored at upload
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Wniosek o zasiłek</span> (PDF," in html
    default_storage.delete(attachment.file.name)  # gone from the disk
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Wniosek o zasiłek</span> (plik niedostępny" in html
    assert attachment.file.url not in html
    client.force_login(publisher)
    admin = client.get(f"/admin/news/article/{article.pk}/change/").content.decode()
    assert "Plik załącznika „Wniosek o zasiłek” zniknął z serwera" in admin


@pytest.mark.django_db
@pytest.mark.parametrize(
    "disposition",
    [
        'filename="pro\x00gram.pdf"',  # a NUL byte as sent
        "filename*=UTF-8''pro%00gram.pdf",  # percent-encoded (RFC 2231)
        'filename="pro&#0;gram.pdf"',  # an HTML character reference
    ],
)
def test_a_nul_in_an_uploaded_files_name_never_reaches_a_page_or_a_row(
    client, publisher, disposition
):
    """Django's multipart parser drops non-printable characters from upload
    names; this holds the whole way, to the stored name and the form's
    "files not saved" message."""
    from base.models import Attachment
    from tests.admin_forms import ATTACHMENTS, AdminForm

    client.force_login(publisher)
    form = AdminForm.open(client, "/admin/news/article/add/")
    boundary = "granica"

    def post(title):
        fields = {
            **form.data,
            "title": title,
            "lead": "Zajawka.",
            f"{ATTACHMENTS}-TOTAL_FORMS": "1",
            f"{ATTACHMENTS}-0-title": "Program",
            f"{ATTACHMENTS}-0-language": "pl",
            f"{ATTACHMENTS}-0-position": "0",
        }
        body = b"".join(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"'
            f"\r\n\r\n{value}\r\n".encode()
            for name, value in fields.items()
            if not isinstance(value, list)
        )
        body += (
            (
                f"--{boundary}\r\nContent-Disposition: form-data; "
                f'name="{ATTACHMENTS}-0-file"; {disposition}\r\n'
                "Content-Type: application/pdf\r\n\r\n"
            ).encode()
            + samples.pdf()
            + f"\r\n--{boundary}--\r\n".encode()
        )
        return client.generic(
            "POST",
            "/admin/news/article/add/",
            body,
            content_type=f"multipart/form-data; boundary={boundary}",
        )

    page = post("")  # an error: the form comes back naming the file
    assert page.status_code == 200
    assert "\x00" not in page.content.decode()
    assert post("Z załącznikiem").status_code == 302
    stored = Attachment.objects.get(object_id=Article.objects.get().pk).file.name
    assert "\x00" not in stored and stored.rsplit("/", 1)[-1].startswith("pro")


def _large(fmt, size):
    from PIL import Image

    output = io.BytesIO()
    Image.new("RGB", size, (120, 160, 200)).save(output, format=fmt)
    return output.getvalue()


def test_a_large_photo_is_kept_at_half_its_size_and_every_rendition_stays(
    admin_client,
):
    data = _large("JPEG", (5000, 3000))  # 15 MP: over the 12 MP kept whole
    response = admin_client.post(
        "/admin/news/article/add/",
        _article(images=[_image_row(samples.upload("duze.jpg", data))]),
    )
    assert response.status_code == 302
    photo = ArticleImage.objects.get()
    assert (photo.width, photo.height) == (2500, 1500)
    assert [r.width for r in photo.renditions["jpg"]][-1] == 2400


def test_a_png_that_would_decode_too_large_is_refused_with_what_to_do(
    admin_client, settings
):
    settings.UPLOAD_IMAGE_MAX_PIXELS_FULL = 4_000_000
    data = _large("PNG", (2100, 2000))
    response = admin_client.post(
        "/admin/news/article/add/",
        _article(images=[_image_row(samples.upload("skan.png", data))]),
    )
    assert response.status_code == 200
    assert "Zapisz zdjęcie jako JPEG albo zmniejsz je" in response.content.decode()
    assert _media_files(settings) == []
    # The same picture as a JPEG is taken.
    jpeg = _large("JPEG", (2100, 2000))
    response = admin_client.post(
        "/admin/news/article/add/",
        _article(images=[_image_row(samples.upload("skan.jpg", jpeg))]),
    )
    assert response.status_code == 302
