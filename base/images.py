"""Photos as residents get them: without metadata, upright, in a few widths.

An uploaded image is re-encoded once, when it is saved: EXIF (GPS included) and
other metadata are dropped and the camera's orientation is applied. Then each
width in RENDITION_WIDTHS that is narrower than the original, and the original's
own width (up to LARGEST_WIDTH), is written as WebP and as JPEG next to it, so
pages can offer ``srcset`` without any work per request, and a photo is never
served smaller than it was uploaded.
"""

import io
import posixpath
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps

RENDITION_WIDTHS = (400, 800, 1200)
#: The widest rendition: wider originals (a 6000 px camera photo) stop here.
LARGEST_WIDTH = 2400
#: Re-encoded originals up to this size get an optimised JPEG (a few % smaller).
OPTIMIZE_MAX_PIXELS = 12_000_000
#: A larger JPEG is kept at a half, quarter or eighth of its size, decoded so
#: (never whole: a 40 MP photo is 120 MB decoded), its longer side still at
#: least LARGEST_WIDTH: the widest rendition loses nothing.
KEPT_MAX_PIXELS = 12_000_000
RENDITION_FORMATS = {"webp": "WEBP", "jpg": "JPEG"}
JPEG_QUALITY = 85
WEBP_QUALITY = 80


@dataclass(frozen=True)
class Rendition:
    width: int
    height: int
    url: str
    name: str = ""


def _flatten(image):
    """RGB for JPEG: transparent areas become white, not black."""
    if image.mode in ("RGBA", "LA") or (
        image.mode == "P" and "transparency" in image.info
    ):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    if image.mode == "RGB":
        return image  # no full-size copy of a photo that is RGB already
    return image.convert("RGB")


#: What an image's ``info`` may keep when it is written again: its colour profile
#: and what animation and transparency need. Comments (a JPEG COM segment, a GIF
#: comment extension: "<?php …"), text chunks, XMP and EXIF never reach a file.
KEPT_INFO = {"icc_profile", "transparency", "duration", "loop", "background"}


def _without_metadata(image):
    image.info = {k: v for k, v in image.info.items() if k in KEPT_INFO}
    return image


def _decode_smaller(jpeg):
    """Ask the JPEG decoder for 1/2, 1/4 or 1/8 of the photo while it is over
    KEPT_MAX_PIXELS and its longer side stays at least LARGEST_WIDTH."""
    width, height = jpeg.size
    scale = 1
    while (
        scale < 8
        and (width // scale) * (height // scale) > KEPT_MAX_PIXELS
        and max(width, height) // (scale * 2) >= LARGEST_WIDTH
    ):
        scale *= 2
    if scale > 1:
        jpeg.draft("RGB", (width // scale, height // scale))


def clean_image(upload):
    """Return ``(ContentFile, format, (width, height))``: the image re-encoded
    without metadata, upright."""
    upload.seek(0)
    with Image.open(upload) as original:
        image_format = original.format
        frames = getattr(original, "n_frames", 1)
        output = io.BytesIO()
        if image_format == "GIF" and frames > 1:
            # Animated GIFs keep their frames, not their comments or XMP.
            _without_metadata(original).save(
                output, format="GIF", save_all=True, optimize=False, comment=b""
            )
            size = original.size
        else:
            # One frame at a time, a large JPEG decoded at a fraction of its
            # size; turned in place, flattened only when it is not RGB already.
            if image_format == "JPEG":
                _decode_smaller(original)
            original.load()
            ImageOps.exif_transpose(original, in_place=True)
            image = _without_metadata(original)
            size = image.size
            if image_format == "JPEG":
                flat = _without_metadata(_flatten(image))
                # Huffman optimisation buffers every DCT coefficient of the photo
                # (about as much again as the decoded frame): only for smaller ones.
                small = flat.width * flat.height <= OPTIMIZE_MAX_PIXELS
                flat.save(output, format="JPEG", quality=92, optimize=small)
            elif image_format == "WEBP":
                image.save(output, format="WEBP", quality=90)
            elif image_format == "GIF":
                image.save(output, format="GIF")
            else:
                if image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
                    image = image.convert("RGBA")
                image.save(output, format="PNG", optimize=True)
    upload.seek(0)
    return ContentFile(output.getvalue()), image_format, size


def rendition_name(name, width, extension):
    folder, filename = posixpath.split(name)
    stem = filename.rsplit(".", 1)[0]
    return posixpath.join(folder, "r", f"{stem}-{width}w.{extension}")


def rendition_widths(original_width):
    """The widths made for an image: the standard ones below its own width, and
    its own width (at most LARGEST_WIDTH): 1000 px → 400, 800, 1000."""
    top = min(original_width, LARGEST_WIDTH)
    return [width for width in RENDITION_WIDTHS if width < top] + [top]


def make_renditions(name, *, storage=default_storage):
    """Write every rendition of the stored image ``name``; return their names."""
    written = []
    with storage.open(name) as source, Image.open(source) as original:
        widths = rendition_widths(original.width)
        # A JPEG decodes straight at a fraction of its size (1/2 … 1/8) when the
        # largest rendition allows: a 40 MP photo never sits whole in memory here.
        scale = widths[-1] / original.width
        original.draft("RGB", (original.width * scale, original.height * scale))
        image = _without_metadata(_flatten(original))
        for width in widths:
            height = max(1, round(image.height * width / image.width))
            resized = image.resize(
                (width, height), Image.Resampling.LANCZOS, reducing_gap=3.0
            )
            for extension, image_format in RENDITION_FORMATS.items():
                output = io.BytesIO()
                quality = WEBP_QUALITY if image_format == "WEBP" else JPEG_QUALITY
                resized.save(
                    output, format=image_format, quality=quality, optimize=True
                )
                target = rendition_name(name, width, extension)
                if storage.exists(target):
                    storage.delete(target)
                written.append(storage.save(target, ContentFile(output.getvalue())))
    return written


def renditions(name, width, height, *, storage=default_storage):
    """The renditions of an image, by format: ``{"webp": [...], "jpg": [...]}``.

    Computed from the name and the original's size: no file system access. A
    row without its size (its file gone from the disk before it was measured)
    gets the largest widths at 3:2, so every page still renders, with the
    photo's alt text in place of the picture.
    """
    if not width or not height:
        width, height = LARGEST_WIDTH, LARGEST_WIDTH * 2 // 3
    found = {}
    for extension in RENDITION_FORMATS:
        found[extension] = [
            Rendition(
                width=w,
                height=max(1, round(height * w / width)),
                url=storage.url(rendition_name(name, w, extension)),
                name=rendition_name(name, w, extension),
            )
            for w in rendition_widths(width)
        ]
    return found


def rebuild_renditions(names, *, storage=default_storage):
    """Write the renditions of the stored images ``names`` again (after a change of
    widths); a missing original is skipped. Returns how many were rebuilt."""
    rebuilt = 0
    for name in names:
        if name and storage.exists(name):
            make_renditions(name, storage=storage)
            rebuilt += 1
    return rebuilt
