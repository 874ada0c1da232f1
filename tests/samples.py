"""Files for upload tests, made in memory."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def image_bytes(
    fmt="JPEG", size=(1600, 900), color=(200, 40, 40), *, gps=False, orientation=None
):
    image = Image.new("RGB", size, color)
    exif = Image.Exif()
    if gps:
        exif[GPS_IFD] = {1: "N", 2: (52.0, 7.0, 30.0), 3: "E", 4: (20.0, 22.0, 5.0)}
        exif[0x010F] = "AparatTestowy"  # Make
    if orientation:
        exif[ORIENTATION] = orientation
    output = io.BytesIO()
    params = {"exif": exif.tobytes()} if (gps or orientation) else {}
    image.save(output, format=fmt, **params)
    return output.getvalue()


def upload(name, data, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def jpeg(name="zdjecie.jpg", **kwargs):
    return upload(name, image_bytes("JPEG", **kwargs), "image/jpeg")


def decompression_bomb():
    """A tiny PNG that decodes to 100 megapixels."""
    output = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(output, format="PNG")
    return output.getvalue()


def truncated_jpeg():
    return image_bytes("JPEG")[:-2000]


def renamed_executable():
    return (
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00"
        + b"\x00" * 200
        + b"This program cannot be run in DOS mode"
    )


def svg():
    return b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def pdf(size=2048):
    head = b"%PDF-1.4\n"
    return head + b"0" * (size - len(head))


def _zip(entries):
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return output.getvalue()


def docx():
    return _zip(
        {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}
    )


def xlsx():
    return _zip({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})


def odt():
    return _zip(
        {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}
    )


def ods():
    return _zip(
        {
            "mimetype": "application/vnd.oasis.opendocument.spreadsheet",
            "content.xml": "<x/>",
        }
    )
