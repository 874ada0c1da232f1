"""The project's own deploy/nginx.conf on Debian's nginx, in front of gunicorn
and PostgreSQL, with a TLS proxy in front of it the way docs/deployment.md
describes (a throw-away certificate). Graded by the MDN HTTP Observatory's own
code (npm @mdn/mdn-http-observatory, ``make validators``)."""

import json
import os
import re
import shutil
import socket
import ssl
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.deployment.conftest import ROOT, free_port, running_site

OBSERVATORY = ROOT / ".cache/npm/node_modules/@mdn/mdn-http-observatory"
HOST = "localhost"


def _require(ok, message):
    if not ok:
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def _wait_for_port(port, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"nothing listens on {port}")


def site_config(site_port, http_port, media_root):
    """deploy/nginx.conf with only the upstream, the port and the media path
    substituted."""
    text = (ROOT / "deploy/nginx.conf").read_text()
    replaced = {
        "server web:8000;": f"server 127.0.0.1:{site_port};",
        "listen 80 default_server;": f"listen 127.0.0.1:{http_port} default_server;",
        "alias /app/media/;": f"alias {media_root}/;",
    }
    for old, new in replaced.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


FRONT = """
# The TLS proxy in front (docs/deployment.md, "HTTPS in front").
server {{
    listen 127.0.0.1:{redirect_port};
    return 301 https://$host:{tls_port}$request_uri;
}}
server {{
    listen 127.0.0.1:{tls_port} ssl;
    ssl_certificate {directory}/cert.pem;
    ssl_certificate_key {directory}/key.pem;
    client_max_body_size 64m;
    location / {{
        proxy_pass http://127.0.0.1:{http_port};
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    }}
}}
"""

MAIN = """
user root;
worker_processes 1;
pid {directory}/nginx.pid;
error_log {directory}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {directory}/body;
    proxy_temp_path {directory}/proxy;
    fastcgi_temp_path {directory}/fastcgi;
    uwsgi_temp_path {directory}/uwsgi;
    scgi_temp_path {directory}/scgi;
    include {directory}/site.conf;
    include {directory}/front.conf;
}}
"""


@pytest.fixture(scope="module")
def stack(postgres_server, tmp_path_factory):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    _require(os.path.exists(nginx), "nginx not found (apt-get install nginx-light)")
    _require(shutil.which("openssl"), "openssl not found")
    directory = tmp_path_factory.mktemp("nginx")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", f"/CN={HOST}", "-addext", f"subjectAltName=DNS:{HOST}",
         "-keyout", directory / "key.pem", "-out", directory / "cert.pem"],
        check=True, capture_output=True,
    )  # fmt: skip
    with running_site(
        postgres_server,
        tmp_path_factory,
        DJANGO_ALLOWED_HOSTS=f"{HOST},mops.example.pl",
        DJANGO_SITE_DOMAIN=HOST,
    ) as site:
        media = Path(site.env["MEDIA_ROOT"])
        files = {
            "pdf": "attachments/2026/abc/wniosek.pdf",
            "docx": "attachments/2026/abc/wniosek.docx",
            "txt": "attachments/2026/abc/opis.txt",
            "jpg": "articles/2026/abc/sala.jpg",
        }
        contents = {
            "pdf": b"%PDF-1.4\n%%EOF\n",
            "docx": b"PK\x03\x04",
            "txt": b"<html><script>alert(1)</script></html>",
            "jpg": b"\xff\xd8\xff\xe0",
        }
        for kind, name in files.items():
            (media / name).parent.mkdir(parents=True, exist_ok=True)
            (media / name).write_bytes(contents[kind])
        ports = {
            "http_port": free_port(),
            "tls_port": free_port(),
            "redirect_port": free_port(),
        }
        site_port = int(site.url.rsplit(":", 1)[1])
        (directory / "site.conf").write_text(
            site_config(site_port, ports["http_port"], media)
        )
        (directory / "front.conf").write_text(
            FRONT.format(directory=directory, **ports)
        )
        (directory / "nginx.conf").write_text(MAIN.format(directory=directory))
        process = subprocess.Popen(
            [
                nginx,
                "-c",
                directory / "nginx.conf",
                "-p",
                directory,
                "-g",
                "daemon off;",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        try:
            for port in ports.values():
                _wait_for_port(port)
            yield {
                **ports,
                "files": files,
                "cert": directory / "cert.pem",
                "base": f"https://{HOST}:{ports['tls_port']}",
            }
        finally:
            process.terminate()
            process.wait(timeout=10)


def _get(stack, path):
    context = ssl.create_default_context(cafile=str(stack["cert"]))
    request = urllib.request.Request(stack["base"] + path)
    try:
        with urllib.request.urlopen(request, context=context, timeout=10) as response:
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


def test_media_files_carry_every_security_header(stack):
    for kind, name in stack["files"].items():
        status, headers = _get(stack, f"/media/{name}")
        assert status == 200, kind
        assert headers["Content-Security-Policy"] == (
            "default-src 'none'; frame-ancestors 'none'; sandbox"
        )
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Cross-Origin-Resource-Policy"] == "same-origin"
        assert headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_pdfs_and_photos_open_inline_other_documents_download(stack):
    dispositions = {
        kind: _get(stack, f"/media/{name}")[1]["Content-Disposition"]
        for kind, name in stack["files"].items()
    }
    assert dispositions == {
        "pdf": "inline",
        "jpg": "inline",
        "docx": "attachment",
        "txt": "attachment",  # HTML-like text never renders
    }


def test_pages_get_cross_origin_resource_policy_too(stack):
    status, headers = _get(stack, "/")
    assert status == 200
    assert headers["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert "Set-Cookie" not in headers  # anonymous pages set no cookie


def _observatory(stack, path):
    _require(shutil.which("node"), "node not found")
    _require(OBSERVATORY.exists(), f"{OBSERVATORY} not found (make validators)")
    result = subprocess.run(
        ["node", ROOT / "tests/deployment/observatory.mjs", OBSERVATORY, HOST,
         str(stack["redirect_port"]), str(stack["tls_port"]), path],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "NODE_EXTRA_CA_CERTS": str(stack["cert"])},
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_home_page_scores_a_plus_with_at_least_130(stack):
    scan = _observatory(stack, "/")
    failed = {name: t["result"] for name, t in scan["tests"].items() if not t["pass"]}
    assert scan["grade"] == "A+", failed
    assert scan["score"] >= 130, (scan["score"], scan["tests"])


def test_a_media_file_scores_a_plus_with_at_least_100(stack):
    scan = _observatory(stack, f"/media/{stack['files']['pdf']}")
    failed = {name: t["result"] for name, t in scan["tests"].items() if not t["pass"]}
    assert scan["grade"] == "A+", failed
    assert scan["score"] >= 100, (scan["score"], scan["tests"])
    assert re.fullmatch(r"[0-9]+", str(scan["score"]))
