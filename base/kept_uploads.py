"""Files chosen in a form that came back with errors: kept on the server for
the retry, so nobody picks the same twenty-megabyte scan again (browsers never
send a chosen file twice), as large-upload forms do.

A kept file waits under ``kept/`` in the media storage; the form carries a
signed ticket for it (who chose it, for which input, for a day). When the form
is sent again with that input empty, the kept file takes its place; once the
form is saved the kept copy is deleted. An abandoned one is an unused file:
``cleanup_media`` removes it like any other.
"""

import posixpath
import uuid

from django.core import signing
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile

from base.uploads import safe_filename

FOLDER = "kept"
#: The hidden input carrying a kept file's ticket: "<file input name>__kept".
SUFFIX = "__kept"
SALT = "base.kept_uploads"
MAX_AGE = 24 * 60 * 60


def restore(request):
    """Put each kept file back where its input came empty; return the kept
    files' paths (deleted once the form is saved)."""
    paths = []
    for name, ticket in request.POST.items():
        if not name.endswith(SUFFIX):
            continue
        key = name.removesuffix(SUFFIX)
        if request.FILES.get(key):
            continue  # a file chosen anew wins
        try:
            kept = signing.loads(ticket, salt=SALT, max_age=MAX_AGE)
        except signing.BadSignature:
            continue
        path = kept.get("path", "")
        if (
            kept.get("user") != request.user.pk
            or kept.get("input") != key
            or not path.startswith(FOLDER + "/")
            or not default_storage.exists(path)
        ):
            continue
        upload = UploadedFile(
            default_storage.open(path),
            name=kept["name"],
            size=default_storage.size(path),
        )
        upload.kept_ticket = ticket
        request.FILES[key] = upload
        paths.append(path)
    return paths


def keep(request, uploads):
    """Keep ``{input name: upload}``; return [(hidden input, ticket, name)]."""
    kept = []
    for key, upload in uploads.items():
        ticket = getattr(upload, "kept_ticket", None)
        if ticket is None:
            upload.seek(0)
            path = default_storage.save(
                posixpath.join(FOLDER, uuid.uuid4().hex, safe_filename(upload.name)),
                upload,
            )
            ticket = signing.dumps(
                {
                    "path": path,
                    "input": key,
                    "user": request.user.pk,
                    "name": upload.name,
                },
                salt=SALT,
            )
        kept.append((key + SUFFIX, ticket, upload.name))
    return kept


def forget(paths):
    for path in paths:
        default_storage.delete(path)
