"""Save screenshots of the main pages at 390 px (phone) and 1280 px (desktop).

    make screenshots

Runs the site with the demo content on a throw-away SQLite database, then drives
Debian's Chromium through Playwright. The pictures go to docs/screenshots/.
"""

import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
PORT = int(os.environ.get("SCREENSHOT_PORT", "8765"))
BASE = f"http://127.0.0.1:{PORT}"
PAGES = {
    "home": "/",
    "news": "/aktualnosci/",
    "article": "/aktualnosci/miejski-osrodek-pomocy-spolecznej-wyrozniony-za-wspieranie-aktywnosci-lokalnej/",
    "awards": "/wyroznienia/",
    "award": "/wyroznienia/certyfikat-jakosci-cal-2022-2026/",
    "contact": "/kontakt/",
    "accessibility-statement": "/deklaracja-dostepnosci/",
    "article-uk": "/uk/novyny/miskyi-tsentr-sotsialnoi-dopomohy-vidznachenyi-za-pidtrymku-mistsevoi-aktyvnosti/",
    "fallback-en": "/en/news/dyzury-pracownikow-socjalnych-w-okresie-swiatecznym/",
}
SIZES = {"390": (390, 844), "1280": (1280, 900)}


def manage(*args, env):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def wait_for(url, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (localhost)
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"The site did not start at {url}")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "DJANGO_DEBUG": "1",
            "DATABASE_URL": f"sqlite:///{tmp}/screens.sqlite3",
            "MEDIA_ROOT": f"{tmp}/media",
        }
        manage("migrate", "--noinput", "-v0", env=env)
        manage("load_demo", env=env)
        server = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "runserver",
                "--noreload",
                f"127.0.0.1:{PORT}",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for(BASE + "/")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=os.environ.get(
                        "CHROMIUM_PATH", "/usr/bin/chromium"
                    ),
                    args=[
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                    ],
                )
                for size, (width, height) in SIZES.items():
                    page = browser.new_page(viewport={"width": width, "height": height})
                    for name, path in PAGES.items():
                        page.goto(BASE + path)
                        target = OUT / f"{name}-{size}.png"
                        page.screenshot(path=target)
                        print(target.relative_to(ROOT))
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
