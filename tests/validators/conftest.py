"""Validators nobody on the project wrote, installed by .ci/run from the npm
registry into .cache/npm (``make validators`` does the same locally). Without
them these tests are skipped on a developer's machine and fail in CI."""

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
NPM = Path(os.environ.get("VALIDATORS_DIR", ROOT / ".cache" / "npm")) / "node_modules"


def need(path, what):
    if path.exists():
        return path
    message = f"{what} not found at {path} (make validators)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def vnu_jar():
    if not shutil.which("java"):
        message = "java not found (apt-get install default-jre-headless)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return need(NPM / "vnu-jar" / "build" / "dist" / "vnu.jar", "The Nu HTML Checker")


@pytest.fixture(scope="session")
def sitemap_xsd():
    """The sitemaps.org schema of a URL set, as the npm ``sitemap`` package ships it."""
    return need(NPM / "sitemap" / "schema" / "sitemap.xsd", "The sitemap schema")
