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


def pdf_with_text(text):
    """A small valid PDF whose one page says ``text`` (ASCII)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, xref)
    )
    return out.getvalue()


WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_with_text(text, prolog=""):
    return _zip(
        {
            "[Content_Types].xml": "<Types/>",
            "word/document.xml": f'{prolog}<w:document xmlns:w="{WORD_NS}"><w:body>'
            f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>",
        }
    )


def odt_with_text(text):
    return _zip(
        {
            "mimetype": "application/vnd.oasis.opendocument.text",
            "content.xml": '<office:document-content xmlns:office="urn:oasis:names:'
            'tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:'
            f'opendocument:xmlns:text:1.0"><text:p>{text}</text:p>'
            "</office:document-content>",
        }
    )
