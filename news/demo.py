"""Demo content for a new install: the real article that announced the CAL
Quality Certificate of MOPS Mława. ``manage.py load_demo`` calls this module;
every function here is idempotent.
"""

import datetime
from zoneinfo import ZoneInfo

from news.models import Article, Category

CAL_ARTICLE_TITLE = (
    "Miejski Ośrodek Pomocy Społecznej wyróżniony za wspieranie aktywności lokalnej"
)
CAL_ARTICLE_SLUG = (
    "miejski-osrodek-pomocy-spolecznej-wyrozniony-za-wspieranie-aktywnosci-lokalnej"
)
CAL_ARTICLE_LEAD = (
    "Miejski Ośrodek Pomocy Społecznej w Mławie otrzymał Certyfikat Jakości Centrum "
    "Aktywności Lokalnej na lata 2022–2026. Wyróżnienie wręczyła podczas sesji Rady "
    "Miasta Mława Grażyna Gnatowska, Wiceprezes Stowarzyszenia CAL."
)
CAL_ARTICLE_PUBLISHED_AT = datetime.datetime(
    2022, 4, 4, 10, 0, tzinfo=ZoneInfo("Europe/Warsaw")
)
# The article as the office published it, with its two subheadings as h2.
CAL_ARTICLE_BODY = """
<p>Miejski Ośrodek Pomocy Społecznej w Mławie, kilka dni temu otrzymał specjalne wyróżnienie, podczas sesji Rady Miasta Mława otrzymał. Wyróżnienie wręczyła Grażyna Gnatowska, Wiceprezes Stowarzyszenia Centrum Wspierania Aktywności Lokalnej (CAL). Otrzymana nagroda to Certyfikat Jakości Centrum Aktywności Lokalnej, który przyznawany jest na lata 2022- 2026.</p>
<h2>Czym jest certyfikat Jakości CAL?</h2>
<p>To nic innego, jak dokument, który wręcza się za pracę instytucji pomocy i integracji społecznej w zakresie organizowania społeczności lokalnej (OSL). Sam certyfikat ma na celu wyróżnienie sposobu działania instytucji w środowisku lokalny. Dodatkowo oznacza, że dana instytucja wyraziła wolę przyjęcia misji społecznościowej. Polega ona na formułowaniu i realizacji programu w oparciu, o bezpośrednie doświadczenia i zaangażowanie mieszkańców. Tak głosi oficjalna definicja, trzeba więc przyznać, że jest to bardzo wielkie wyróżnienie i gratyfikacja za podjęte działania.</p>
<h2>Podziękowanie za szczególne wyróżnienie</h2>
<p>Całą sytuację skomentowali pracownicy mławskiego MOPS-u. Dziękują oni za ogromne wyróżnianie i zapewniają, że dołożą wszelkich starań, aby dalej dążyć do rozwoju w kierunku organizowania społeczności lokalnych. Dodatkowo podkreślili, że będą aktywnie współpracować ze Stowarzyszeniem Centrum Wspierania Aktywności Lokalnej CAL.</p>
<p>Jak wynika z otrzymanego certyfikatu, Miejski Ośrodek Pomocy Społecznej w Mławie świadomie prowadzi pracę, która ma na celu długofalowy rozwój lokalnej społeczności. Dzięki temu mieszkańcy mają ułatwiony start w osiągnięciu coraz wyższej jakości życia oraz rozwoju osobistego, grupowego i społecznego. Dodatkowo jednostka ta mobilizuje mieszkańców do utrwalania wartości tradycji i kultury współczesnej. Warto dodać, że praktycznym wymiarem realizacji misji społecznościowej CAL jest wdrożenie przez instytucję metodycznie uporządkowanego modelu pracy w społeczności lokalnej.</p>
<p>Serdecznie gratulujemy wyróżnienia!</p>
"""


def load():
    """Create the "Wyróżnienia" category and the CAL article; return summary lines
    (called by base's load_demo command)."""
    category, _ = Category.objects.get_or_create(
        slug="wyroznienia",
        defaults={
            "name": "Wyróżnienia",
            "description": "Certyfikaty, nagrody i wyróżnienia przyznane ośrodkowi.",
        },
    )
    article, _ = Article.objects.get_or_create(
        slug=CAL_ARTICLE_SLUG,
        defaults={
            "title": CAL_ARTICLE_TITLE,
            "lead": CAL_ARTICLE_LEAD,
            "body": CAL_ARTICLE_BODY.strip(),
            "category": category,
            "status": Article.Status.PUBLISHED,
            "published_at": CAL_ARTICLE_PUBLISHED_AT,
            "is_featured": True,
        },
    )
    return [f"Artykuł: {article.title}"]
