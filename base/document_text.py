"""The text of an uploaded PDF, DOCX or ODT, for search: read in a separate
process with limits (time, memory, bytes read, characters kept; XML read with
defusedxml, so no entities or DTDs), so a hostile or broken document can
neither hang nor exhaust the server; any failure gives no text, never an error
for the person uploading.

Run as ``python -m base.document_text`` with the document on stdin (the site
calls ``extract``); the format is told by the bytes; imports nothing from
Django."""

import io
import re
import sys
import zipfile
from pathlib import Path

from defusedxml import ElementTree

#: At most this many characters of a document's text are kept.
MAX_CHARS = 100_000
#: At most this many uncompressed bytes are read from a DOCX or ODT (zip bombs).
MAX_XML_BYTES = 20 * 1024 * 1024
#: Seconds and bytes of memory the extracting process may use.
TIMEOUT = 10
MEMORY = 512 * 1024 * 1024
#: PDF pages read at most.
MAX_PAGES = 200

_TEXT_TAGS = {
    "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t",
    "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}p",
    "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}h",
    "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}span",
}


def _from_zip(data, member):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(member)
        if info.file_size > MAX_XML_BYTES:
            return ""
        with archive.open(info) as xml:
            parts = []
            for _, element in ElementTree.iterparse(xml, events=("end",)):
                if element.tag in _TEXT_TAGS and element.text:
                    parts.append(element.text)
                if element.tag.endswith(("}p", "}h")):
                    parts.append("\n")
                element.clear()
            return " ".join(parts)


def _from_pdf(data):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    parts, total = [], 0
    for page in reader.pages[:MAX_PAGES]:
        text = page.extract_text() or ""
        parts.append(text)
        total += len(text)
        if total > MAX_CHARS:
            break
    return "\n".join(parts)


def _by_content(data):
    """The reader the bytes call for (never the file's name)."""
    if data[:5] == b"%PDF-":
        return _from_pdf(data)
    if data[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return _from_zip(data, "word/document.xml")
            if (
                "content.xml" in names
                and "mimetype" in names
                and b"opendocument.text" in archive.read("mimetype")[:100]
            ):
                return _from_zip(data, "content.xml")
    return ""


def _limit_resources():
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    resource.setrlimit(resource.RLIMIT_CPU, (TIMEOUT, TIMEOUT))


def extract(data):
    """The document's text ("" for formats without one, or when it fails)."""
    import logging
    import subprocess

    if not data or len(data) > 25 * 1024 * 1024:
        return ""
    try:
        result = subprocess.run(  # noqa: S603 (our own module, no arguments)
            [sys.executable, "-m", "base.document_text"],
            # From the project's folder, whatever the server's working folder.
            cwd=str(Path(__file__).resolve().parent.parent),
            input=data,
            capture_output=True,
            timeout=TIMEOUT,
            preexec_fn=_limit_resources,  # noqa: PLW1509 (no threads involved)
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        logging.getLogger(__name__).warning("Document text: gave up.")
        return ""
    if result.returncode != 0:
        return ""
    return result.stdout.decode("utf-8", "replace")[:MAX_CHARS]


def main():
    data = sys.stdin.buffer.read()
    try:
        text = _by_content(data)
    except Exception:  # noqa: BLE001 (a broken document has no text)
        sys.exit(1)
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r"\s*\n\s*", "\n", text).strip()
    sys.stdout.write(text[:MAX_CHARS])


if __name__ == "__main__":
    main()
