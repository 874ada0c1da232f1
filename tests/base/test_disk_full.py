"""A full media disk: a Polish form error, nothing half-written, pages still work.

The disk is real: a small tmpfs mounted for the test (root can; elsewhere the
test is skipped, and CI, which runs as root, fails instead)."""

import os
import subprocess

import pytest
from django.core.files.base import ContentFile

from base.storage import MediaStorage
from news.models import Article
from tests import samples
from tests.admin_forms import ARTICLE_IMAGES, AdminForm

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_disk(tmp_path, settings):
    mount_point = tmp_path / "media"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount_point)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        if os.environ.get("CI"):
            pytest.fail(f"cannot mount a tmpfs: {mounted.stderr!r}")
        pytest.skip("cannot mount a tmpfs here")
    settings.MEDIA_ROOT = mount_point
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _files(root):
    return sorted(
        p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()
    )


def test_a_full_disk_gives_a_polish_form_error_and_writes_nothing(
    client, publisher, small_disk
):
    client.force_login(publisher)
    form = AdminForm.open(client, "/admin/news/article/add/")
    form.set(title="Zdjęcie na pełny dysk", lead="Zajawka.")
    form.add_row(
        ARTICLE_IMAGES,
        image=samples.jpeg("duze.jpg", size=(1600, 1200)),
        alt_text="Sala",
        placement="main",
        position="0",
    )
    response = form.post()
    assert response.status_code == 200
    html = response.content.decode()
    assert "Brak miejsca na dysku serwera — powiadom administratora" in html
    assert 'value="Zdjęcie na pełny dysk"' in html  # nothing typed is lost
    assert not Article.objects.exists()
    assert _files(small_disk) == []
    client.logout()
    assert client.get("/").status_code == 200
    assert client.get("/aktualnosci/").status_code == 200


def test_a_write_that_fills_the_disk_leaves_no_partial_file(small_disk):
    storage = MediaStorage(location=small_disk)
    with pytest.raises(OSError) as error:
        storage.save("attachments/duzy.pdf", ContentFile(b"%PDF-" + b"x" * 6_000_000))
    assert error.value.errno == 28  # ENOSPC
    assert not (small_disk / "attachments" / "duzy.pdf").exists()
    assert _files(small_disk) == []


def test_a_disk_that_fills_during_the_save_loses_no_row_and_no_file(
    client, publisher, small_disk, monkeypatch
):
    """Another upload took the room between the form's check and the writing."""
    monkeypatch.setattr("base.uploads.free_media_space", lambda: 10**12)
    client.force_login(publisher)
    form = AdminForm.open(client, "/admin/news/article/add/")
    form.set(title="Wyścig o miejsce", lead="Zajawka.")
    noise = os.urandom(3_000_000)  # does not compress: fills the 4 MB disk
    form.add_row(
        "base-attachment-content_type-object_id",
        title="Duży",
        file=samples.upload("duzy.txt", noise.hex().encode()[:5_000_000]),
        language="pl",
        position="0",
    )
    response = form.post()
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Brak miejsca na dysku serwera" in page
    assert "Nic nie zostało zapisane." in page
    assert not Article.objects.exists()
    assert _files(small_disk) == []
