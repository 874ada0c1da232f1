"""Where uploads are written: the file system, never leaving half a file."""

import contextlib
import errno
import os

from django.core.files.storage import FileSystemStorage


class MediaStorage(FileSystemStorage):
    """FileSystemStorage that removes what it wrote when writing fails (a full
    disk mid-file): no partial or empty file stays behind. The error still
    reaches the caller, whose transaction then writes no row."""

    def _save(self, name, content):
        try:
            return super()._save(name, content)
        except OSError as error:
            if error.errno in (errno.ENOSPC, errno.EDQUOT):
                with contextlib.suppress(OSError):
                    os.remove(self.path(name))
            raise
