"""The sitemap and robots.txt as search engines and independent tools read them:
every section of the sitemap index valid against the sitemaps.org schema
(npm ``sitemap`` ships it; PyPI ``xmlschema`` validates), every address in it
answering 200, and robots.txt parsed by protego leaving pages, styles, scripts
and media open."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
import xmlschema
from protego import Protego

from tests.factories import ArticleFactory
from tests.site_content import every_page_kind

pytestmark = pytest.mark.django_db

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _path(url):
    part = urlsplit(url)
    return part.path + (f"?{part.query}" if part.query else "")


def test_every_sitemap_section_is_valid_and_every_address_answers(client, sitemap_xsd):
    every_page_kind()
    ArticleFactory.create_batch(1000)  # articles span two section pages
    schema = xmlschema.XMLSchema(str(sitemap_xsd))
    index = client.get("/sitemap.xml")
    root = ET.fromstring(index.content)
    # The index: the sitemaps.org <sitemapindex>, one <sitemap> per section page.
    assert root.tag == f"{NS}sitemapindex"
    sections = [loc.text for loc in root.iter(f"{NS}loc")]
    assert len(sections) == len(list(root.iter(f"{NS}sitemap"))) >= 6
    addresses = set()
    for section in sections:
        response = client.get(_path(section))
        assert response.status_code == 200, section
        schema.validate(response.content.decode())
        addresses |= {
            loc.text for loc in ET.fromstring(response.content).iter(f"{NS}loc")
        }
    assert len(addresses) > 1000
    sample = sorted(addresses)[:: max(len(addresses) // 60, 1)]
    for address in sample + [a for a in addresses if "/aktualnosci/" not in a]:
        assert client.get(_path(address)).status_code == 200, address


def test_robots_txt_leaves_the_site_open_and_names_the_sitemap(client):
    robots = Protego.parse(client.get("/robots.txt").content.decode())
    assert list(robots.sitemaps) == ["http://testserver/sitemap.xml"]
    for path in [
        "/",
        "/aktualnosci/",
        "/static/css/site.css",
        "/static/js/video.js",
        "/media/articles/2026/abc/sala.jpg",
        "/sitemap-articles.xml",
    ]:
        assert robots.can_fetch(f"http://testserver{path}", "Googlebot"), path
    # Search results in every language are kept out (endless combinations).
    for path in ["/szukaj/?q=zasilek", "/uk/poshuk/?q=a", "/en/search/?q=a"]:
        assert not robots.can_fetch(f"http://testserver{path}", "Googlebot"), path
