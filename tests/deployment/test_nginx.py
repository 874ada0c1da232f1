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


def site_config(site_port, http_port, media_root, admin_access):
    """deploy/nginx.conf with only the upstream, the port and the paths of the
    media, of deploy/nginx-trusted-proxies.conf and of the admin access rule
    (written by deploy/nginx-admin-access.sh) substituted."""
    text = (ROOT / "deploy/nginx.conf").read_text()
    replaced = {
        "include /etc/nginx/mops-trusted-proxies.conf;": (
            f"include {ROOT / 'deploy/nginx-trusted-proxies.conf'};"
        ),
        "include /etc/nginx/mops-admin-access.conf;": f"include {admin_access};",
        "server web:8000;": f"server 127.0.0.1:{site_port};",
        "listen 80 default_server;": f"listen 127.0.0.1:{http_port} default_server;",
        "alias /app/media/;": f"alias {media_root}/;",
        "alias /app/media/site/errors/;": f"alias {media_root}/site/errors/;",
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
events {{ worker_connections 512; }}  # bursts of 30 use three each
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


# The panel is open to the client below and the TLS proxy; OUTSIDER is refused.
ADMIN_NETWORKS = "127.0.0.1, 127.0.0.2/32"
OUTSIDER = "127.0.0.3"


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
    ports = {
        "http_port": free_port(),
        "tls_port": free_port(),
        "redirect_port": free_port(),
    }
    with running_site(
        postgres_server,
        tmp_path_factory,
        DJANGO_ALLOWED_HOSTS=f"{HOST},mops.example.pl",
        DJANGO_SITE_DOMAIN=HOST,
        # Forms post from https://localhost:<port>; in production the port is 443.
        DJANGO_CSRF_TRUSTED_ORIGINS=f"https://{HOST}:{ports['tls_port']}",
        DJANGO_ADMIN_ALLOWED_NETWORKS=ADMIN_NETWORKS,
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
        site_port = int(site.url.rsplit(":", 1)[1])
        # As the nginx container does at start-up, from the same variables.
        subprocess.run(
            ["sh", ROOT / "deploy/nginx-admin-access.sh", directory / "admin.conf"],
            env={
                "PATH": os.environ["PATH"],
                "DJANGO_ADMIN_URL": "admin/",
                "DJANGO_ADMIN_ALLOWED_NETWORKS": ADMIN_NETWORKS,
            },
            check=True,
        )
        (directory / "site.conf").write_text(
            site_config(site_port, ports["http_port"], media, directory / "admin.conf")
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
            try:
                for port in ports.values():
                    _wait_for_port(port)
            except AssertionError:
                process.terminate()
                raise AssertionError(process.communicate()[0].decode()) from None
            yield {
                **ports,
                "site": site,
                "database": site.env["DATABASE_URL"],
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


# --- hardening: what a hostile client or a bad day meets ---------------------

CLIENT = "127.0.0.2"  # a client's own address (the TLS proxy is 127.0.0.1)


def _direct(stack, method, path, headers=None, body=None, source=CLIENT):
    """A request straight to nginx's port, from ``source``, as a client that
    bypasses the TLS proxy would send it."""
    import http.client

    connection = http.client.HTTPConnection(
        "127.0.0.1", stack["http_port"], timeout=20, source_address=(source, 0)
    )
    connection.request(
        method, path, body=body, headers={"Host": HOST, **(headers or {})}
    )
    response = connection.getresponse()
    content = response.read()
    connection.close()
    return response.status, response.headers, content


def _through_proxy(stack, method, path, headers=None, body=None, source=CLIENT):
    import http.client

    context = ssl.create_default_context(cafile=str(stack["cert"]))
    connection = http.client.HTTPSConnection(
        HOST, stack["tls_port"], timeout=20, context=context, source_address=(source, 0)
    )
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    content = response.read()
    connection.close()
    return response.status, response.headers, content


def _login_attempts(stack):
    import psycopg2

    with (
        psycopg2.connect(stack["database"]) as connection,
        connection.cursor() as cursor,
    ):
        cursor.execute("SELECT username, ip_address FROM axes_accessattempt")
        return cursor.fetchall()


def test_django_sees_the_real_client_and_a_forged_address_is_ignored(stack):
    login = "/admin/login/?next=/admin/"
    status, headers, body = _through_proxy(stack, "GET", login)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)[1].decode()
    cookie = headers["Set-Cookie"].split(";")[0]
    form = f"csrfmiddlewaretoken={token}&username=anna&password=zle"
    posted = _through_proxy(
        stack,
        "POST",
        login,
        body=form,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie,
            "Referer": stack["base"] + login,
            # A client's forgery: the proxy appends the real address after it.
            "X-Forwarded-For": "203.0.113.66",
            "X-Real-IP": "203.0.113.66",
        },
    )
    assert posted[0] == 200, posted[2][:3000]  # the form again, with an error
    assert ("anna", CLIENT) in _login_attempts(stack)
    assert not any(ip == "203.0.113.66" for _, ip in _login_attempts(stack))


def test_a_client_cannot_claim_https_past_the_proxy(stack):
    # Only the TLS proxy may say "https": a client talking to nginx directly is
    # redirected to HTTPS by Django whatever header it sends.
    status, headers, _ = _direct(stack, "GET", "/", {"X-Forwarded-Proto": "https"})
    assert status == 301
    assert headers["Location"].startswith("https://")
    status, _, _ = _through_proxy(stack, "GET", "/")
    assert status == 200


def _branded(status, headers, body):
    html = body.decode()
    assert "Miejski Ośrodek Pomocy Społecznej w Mławie" in html, status
    assert 'href="tel:236543560"' in html, status
    assert f"Kod błędu: {status}" in html or status >= 500
    assert headers["Strict-Transport-Security"].startswith("max-age=")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert "nginx" not in html.lower()


def test_the_panel_answers_only_the_allowed_networks(stack):
    # nginx refuses before the app, whatever spelling of the address is tried.
    for path in [
        "/admin/login/",
        "/admin//login/",
        "/%61dmin/login/",
        "/admin/haslo/",
        "/admin/",
    ]:
        status, headers, body = _through_proxy(stack, "GET", path, source=OUTSIDER)
        assert status == 403, path
        _branded(status, headers, body)
        assert "Panel niedostępny z tej sieci" in body.decode()
    # Residents from that address are served; the allowed client gets the login.
    assert _through_proxy(stack, "GET", "/", source=OUTSIDER)[0] == 200
    assert _through_proxy(stack, "GET", "/admin/login/")[0] == 200
    assert _direct(stack, "GET", "/admin/login/")[0] == 301  # to HTTPS, not 403


def test_the_app_refuses_other_networks_too_should_nginx_be_bypassed(stack):
    import http.client

    connection = http.client.HTTPConnection(
        "127.0.0.1",
        int(stack["site"].url.rsplit(":", 1)[1]),
        timeout=20,
        source_address=(OUTSIDER, 0),
    )
    connection.request(
        "GET",
        "/admin/login/",
        headers={"Host": HOST, "X-Forwarded-Proto": "https"},
    )
    response = connection.getresponse()
    body = response.read().decode()
    connection.close()
    assert response.status == 403
    assert "Panel niedostępny z tej sieci" in body


def test_a_too_large_body_gets_a_branded_413(stack):
    status, headers, body = _through_proxy(
        stack, "POST", "/szukaj/", body=b"x" * (33 * 1024 * 1024)
    )
    assert status == 413
    _branded(status, headers, body)
    assert "Dodaj je pojedynczo" in body.decode()


def test_a_too_long_address_gets_a_branded_414(stack):
    status, headers, body = _direct(stack, "GET", "/" + "a" * 20_000)
    assert status == 414
    _branded(status, headers, body)


def test_too_large_headers_get_a_branded_400(stack):
    status, headers, body = _direct(
        stack, "GET", "/", headers={"Cookie": "a=" + "x" * 40_000}
    )
    assert status == 400
    _branded(status, headers, body)


def test_a_password_reset_is_rate_limited_per_address(stack):
    statuses, seconds = _burst(stack, "/admin/haslo/", 12)
    # 10 a minute with bursts of 5: the rest are refused by nginx.
    assert statuses.count(429) >= 12 - (5 + 1 + int(seconds / 6))


def test_a_thousand_ranges_get_one_answer(stack):
    ranges = ",".join(f"{i}-{i}" for i in range(0, 600, 2))
    status, headers, body = _direct(
        stack, "GET", f"/media/{stack['files']['pdf']}", {"Range": f"bytes={ranges}"}
    )
    assert status == 200  # the whole file, not a thousand parts
    assert "multipart" not in headers.get("Content-Type", "")


def test_put_and_delete_are_refused(stack):
    for method in ["PUT", "DELETE"]:
        for path in ["/", "/aktualnosci/", "/sitemap.xml", "/aktualnosci/rss/"]:
            assert _through_proxy(stack, method, path)[0] == 405, (method, path)


def _seconds_until_closed(stack, first_bytes):
    """A client that sends ``first_bytes`` and then nothing: how long nginx waits
    before it closes the connection (bounded at 40 s)."""
    with socket.create_connection(
        ("127.0.0.1", stack["http_port"]), timeout=40
    ) as sock:
        sock.sendall(first_bytes)
        started = time.monotonic()
        try:
            while sock.recv(1024):
                pass
        except (ConnectionResetError, TimeoutError):
            pass
        return time.monotonic() - started


def test_slow_clients_are_cut_off_after_15_seconds(stack):
    slow_header = _seconds_until_closed(stack, b"GET / HTTP/1.1\r\nHost: localhost\r\n")
    assert 14 <= slow_header <= 20, slow_header
    slow_body = _seconds_until_closed(
        stack,
        b"POST /ustawienia/ HTTP/1.1\r\nHost: localhost\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\n"
        b"Content-Length: 1000\r\n\r\ntekst=",
    )
    assert 14 <= slow_body <= 20, slow_body


def _burst(stack, path, count):
    """``count`` requests for ``path`` sent at once (each on its own
    connection, released together): their statuses, and how long the burst took
    from the first request sent to the last answer."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    ready = threading.Barrier(count)

    def one(_number):
        ready.wait(timeout=30)
        return _get(stack, path)[0]

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=count) as pool:
        statuses = list(pool.map(one, range(count)))
    return statuses, time.monotonic() - started


def test_search_in_every_language_is_rate_limited(stack):
    """Searches for a common word at once must not stall the site: nginx
    answers the surplus with its branded 429 (5 a second, bursts of 10), in
    every language's search address. Sent concurrently and judged by counts:
    at most the burst plus what the rate refills while the burst lasted gets
    through, whatever the machine's speed."""
    for path in ["/szukaj/", "/uk/poshuk/", "/en/search/"]:
        statuses, seconds = _burst(stack, f"{path}?q=pomoc", 30)
        passed = statuses.count(200)
        assert set(statuses) <= {200, 429}, (path, statuses)
        assert passed >= 1, path
        assert passed <= 10 + 5 * seconds + 1, (path, passed, seconds)
        assert statuses.count(429) >= 30 - (10 + 5 * seconds + 1), path
        time.sleep(3)  # the bucket drains before the next burst


def test_zz_with_the_app_down_nginx_shows_a_branded_502(stack):
    stack["site"].process.terminate()
    stack["site"].process.wait(timeout=30)
    status, headers, body = _through_proxy(stack, "GET", "/aktualnosci/")
    assert status == 502
    _branded(status, headers, body)
    assert "Strona chwilowo nie działa" in body.decode()
