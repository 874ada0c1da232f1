"""Peak memory of one maximum-size photo upload (40 megapixels), measured in a
fresh process: validation, re-encoding and renditions, as a save does them.

    python bench/upload_memory.py     (part of `make bench`)

Prints the resident memory before and the peak above it, in MB. Target: a
40 MP upload raises a worker's peak by less than 100 MB (issue "Trust what was
built").
"""

import io
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mops_site.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")


def rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def photo(width=7300, height=5470):
    """A detailed 40 MP JPEG under the 10 MB limit, like a camera's."""
    from PIL import Image

    red = Image.effect_mandelbrot((width, height), (-2.0, -1.2, 1.0, 1.2), 60)
    green = Image.linear_gradient("L").resize((width, height))
    blue = Image.effect_noise((width, height), 12)
    image = Image.merge("RGB", (red, green, blue))
    output = io.BytesIO()
    image.save(output, format="JPEG", quality=80)
    return output.getvalue()


def main():
    import django

    # The photo is made in another process, so its making is not measured here.
    data = subprocess.run(  # noqa: S603 (this very script, by its own path)
        [sys.executable, __file__, "--make-photo"], capture_output=True, check=True
    ).stdout
    django.setup()
    from django.core.files.storage import FileSystemStorage
    from django.core.files.uploadedfile import SimpleUploadedFile

    from base.images import clean_image, make_renditions
    from base.uploads import image_format

    with tempfile.TemporaryDirectory() as media:
        storage = FileSystemStorage(location=media)
        upload = SimpleUploadedFile("zdjecie.jpg", data, content_type="image/jpeg")
        before_rss, before_peak = rss_mb(), peak_mb()
        image_format(upload)
        cleaned, _, size = clean_image(upload)
        name = storage.save("zdjecie.jpg", cleaned)
        del cleaned
        make_renditions(name, storage=storage)
        print(f"photo: {size[0]}×{size[1]} px ({len(data) / 1e6:.1f} MB JPEG)")
        print(
            f"resident before: {before_rss:.0f} MB; peak before: {before_peak:.0f} MB"
        )
        print(f"peak during the upload: {peak_mb():.0f} MB")
        print(f"peak above the resident memory before: {peak_mb() - before_rss:.0f} MB")


if __name__ == "__main__":
    if sys.argv[1:] == ["--make-photo"]:
        sys.stdout.buffer.write(photo())
    else:
        main()
