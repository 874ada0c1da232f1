import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from base.uploads import file_fields, versioned_file_names

#: Folders of files the site writes itself, never uploads.
OWN_FOLDERS = ("site/",)


class Command(BaseCommand):
    help = (
        "Lists uploaded files no row and no kept version uses any more (e.g. left "
        "by a worker killed mid-save), older than --older-than minutes, with their renditions. Deletes "
        "them only with --delete."
    )

    def add_arguments(self, parser):
        parser.add_argument("--delete", action="store_true", help="remove them")
        parser.add_argument("--older-than", type=int, default=60, help="minutes")

    def handle(self, *args, delete, older_than, **options):
        root = Path(settings.MEDIA_ROOT)
        used = set()
        for model, field in file_fields():
            used |= set(
                model._default_manager.exclude(**{field.name: ""}).values_list(
                    field.name, flat=True
                )
            )
        used |= versioned_file_names()  # history may restore them
        used_stems = {name.rsplit(".", 1)[0] for name in used}
        cutoff = time.time() - older_than * 60
        orphans = []
        for path in sorted(root.rglob("*")) if root.exists() else []:
            name = path.relative_to(root).as_posix()
            if not path.is_file() or name.startswith(OWN_FOLDERS) or name in used:
                continue
            if "/r/" in name:  # a rendition: kept while its original is used
                folder, rendition = name.split("/r/", 1)
                if f"{folder}/{rendition.rsplit('-', 1)[0]}" in used_stems:
                    continue
            if path.stat().st_mtime > cutoff:
                continue  # may belong to a save still under way
            orphans.append((name, path))
        for name, path in orphans:
            if delete:
                path.unlink()
            self.stdout.write(("usunięto: " if delete else "nieużywany: ") + name)
        verb = "Usunięto" if delete else "Nieużywanych plików"
        self.stdout.write(f"{verb}: {len(orphans)}.")
        if orphans and not delete:
            self.stdout.write("Aby je usunąć: python manage.py cleanup_media --delete")
