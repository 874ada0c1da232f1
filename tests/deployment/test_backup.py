"""make backup / make restore: a dump and a media archive that restore into a
fresh database and media directory with every article, award and file."""

import hashlib
import json
import subprocess
import sys
from pathlib import Path

from tests.deployment.conftest import ROOT, free_port, production_env

COUNT_SCRIPT = """
import json
from awards.models import Award, Issuer
from base.models import Attachment
from news.models import Article, ArticleImage
from pages.models import Page
print(json.dumps({m.__name__: m.objects.count()
                  for m in (Article, ArticleImage, Attachment, Award, Issuer, Page)}))
"""

CONTENT_SCRIPT = """
import io
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from awards.models import Award
from base.models import Attachment
from news.models import Article, ArticleImage
article = Article.objects.get(slug="miejski-osrodek-pomocy-spolecznej-wyrozniony-za-wspieranie-aktywnosci-lokalnej")
buffer = io.BytesIO()
Image.new("RGB", (900, 600), (10, 80, 140)).save(buffer, format="JPEG")
ArticleImage.objects.create(article=article, alt_text="Zdjęcie", placement="main",
    image=SimpleUploadedFile("zdjecie.jpg", buffer.getvalue()))
Attachment.objects.create(content_object=article, title="Wniosek",
    file=SimpleUploadedFile("wniosek.pdf", b"%PDF-1.4\\n" + b"0" * 3000))
award = Award.objects.get(slug="certyfikat-jakosci-cal-2022-2026")
award.document = SimpleUploadedFile("skan.pdf", b"%PDF-1.4\\n" + b"1" * 5000)
award.save()
"""


def _manage(env, *args, **kwargs):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        **kwargs,
    ).stdout


def _site(postgres_server, tmp_path, name, media):
    """The environment of a migrated site on a new database of the test server."""
    env = production_env(
        DATABASE_URL=postgres_server.create_database(f"{name}_{free_port()}"),
        MEDIA_ROOT=str(media),
        DJANGO_STATIC_ROOT=str(tmp_path / "static"),
    )
    _manage(env, "migrate", "--noinput")
    return env


def _backup(env, folder):
    """Run deploy/backup.sh; return the backup's folder it prints last."""
    result = subprocess.run(
        ["sh", "deploy/backup.sh", str(folder)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip().splitlines()[-1]


def _checksums(folder: Path):
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(
            path.read_bytes()
        ).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_backup_then_restore_brings_everything_back(postgres_server, tmp_path):
    source_media, target_media = tmp_path / "media-a", tmp_path / "media-b"
    source = _site(postgres_server, tmp_path, "backup_src", source_media)
    _manage(source, "load_demo")
    _manage(source, "shell", "-v", "0", "-c", CONTENT_SCRIPT)
    before = json.loads(_manage(source, "shell", "-v", "0", "-c", COUNT_SCRIPT))
    assert (
        before["ArticleImage"] == 1
        and before["Attachment"] == 1
        and before["Award"] == 2
    )
    files_before = _checksums(source_media)
    # photo, 3 widths (400, 800 and its own) × 2 formats, attachment, scan, the
    # office's copy for error pages and nginx's 7 error pages
    assert len(files_before) == 1 + 6 + 1 + 1 + 1 + 7

    backup = _backup(source, tmp_path / "backups")
    assert (Path(backup) / "database.dump").stat().st_size > 0

    target = {
        **source,
        "DATABASE_URL": postgres_server.create_database(f"backup_dst_{free_port()}"),
        "MEDIA_ROOT": str(target_media),
    }
    subprocess.run(
        ["sh", "deploy/restore.sh", backup],
        cwd=ROOT,
        env=target,
        check=True,
        capture_output=True,
    )

    assert json.loads(_manage(target, "shell", "-v", "0", "-c", COUNT_SCRIPT)) == before
    assert _checksums(target_media) == files_before
    # The restored site is complete: nothing left to migrate.
    assert "No planned migration operations" in _manage(target, "migrate", "--plan")


def test_restore_refuses_a_database_that_is_not_empty(postgres_server, tmp_path):
    env = _site(postgres_server, tmp_path, "backup_full", tmp_path / "media")
    backup = _backup(env, tmp_path / "backups")
    refused = subprocess.run(
        ["sh", "deploy/restore.sh", backup],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert refused.returncode == 1
    assert "the database is not empty" in refused.stderr
