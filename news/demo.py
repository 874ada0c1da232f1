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


# The same article in Ukrainian and English: faithful translations of the text
# above, so residents reading either language find the certificate too.
CAL_ARTICLE_TRANSLATIONS = {
    "uk": {
        "title": "Міський центр соціальної допомоги відзначений за підтримку "
        "місцевої активності",
        "lead": "Міський центр соціальної допомоги в Млаві отримав Сертифікат якості "
        "Центру місцевої активності на 2022–2026 роки. Відзнаку під час сесії Міської "
        "ради Млави вручила Гражина Гнатовська, віцепрезидентка Асоціації CAL.",
        "body": """
<p>Міський центр соціальної допомоги в Млаві кілька днів тому отримав особливу відзнаку під час сесії Міської ради Млави. Відзнаку вручила Гражина Гнатовська, віцепрезидентка Асоціації «Центр підтримки місцевої активності» (CAL). Отримана нагорода — це Сертифікат якості Центру місцевої активності, який надається на 2022–2026 роки.</p>
<h2>Що таке Сертифікат якості CAL?</h2>
<p>Це документ, який вручають за роботу установ соціальної допомоги та інтеграції у сфері організування місцевої громади (OSL). Сам сертифікат має на меті відзначити спосіб діяльності установи в місцевому середовищі. Крім того, він означає, що установа висловила готовність прийняти громадську місію. Вона полягає у формуванні та реалізації програми на основі безпосереднього досвіду й залученості мешканців. Так звучить офіційне визначення, тож треба визнати, що це дуже велика відзнака і винагорода за здійснені дії.</p>
<h2>Подяка за особливу відзнаку</h2>
<p>Подію прокоментували працівники млавського центру (MOPS). Вони дякують за велику відзнаку і запевняють, що докладуть усіх зусиль, щоб і далі розвиватися в напрямі організування місцевих громад. Крім того, вони наголосили, що активно співпрацюватимуть з Асоціацією «Центр підтримки місцевої активності» CAL.</p>
<p>Як випливає з отриманого сертифіката, Міський центр соціальної допомоги в Млаві свідомо веде роботу, спрямовану на довгостроковий розвиток місцевої громади. Завдяки цьому мешканцям легше досягати дедалі вищої якості життя, а також особистого, групового й суспільного розвитку. Крім того, установа заохочує мешканців зберігати цінності традиції та сучасної культури. Варто додати, що практичним виміром реалізації громадської місії CAL є впровадження установою методично впорядкованої моделі роботи в місцевій громаді.</p>
<p>Щиро вітаємо з відзнакою!</p>
""",
    },
    "en": {
        "title": "Municipal Social Welfare Centre honoured for supporting local "
        "activity",
        "lead": "The Municipal Social Welfare Centre in Mława has received the Local "
        "Activity Centre Quality Certificate for 2022–2026. It was presented during a "
        "session of the Mława Town Council by Grażyna Gnatowska, Vice-President of the "
        "CAL Association.",
        "body": """
<p>A few days ago the Municipal Social Welfare Centre in Mława received a special distinction during a session of the Mława Town Council. It was presented by Grażyna Gnatowska, Vice-President of the Association of Local Activity Support Centres (CAL). The award is the Local Activity Centre Quality Certificate, granted for the years 2022–2026.</p>
<h2>What is the CAL Quality Certificate?</h2>
<p>It is a document awarded for the work of social assistance and integration institutions in organising local communities (OSL). The certificate recognises the way an institution works in its local environment. It also means that the institution has chosen to take on a community mission: shaping and carrying out its programme on the basis of residents' direct experience and involvement. So says the official definition, and it must be said that this is a very great distinction and a reward for the work done.</p>
<h2>Thanks for a special distinction</h2>
<p>Staff of the Mława centre (MOPS) commented on the occasion. They are grateful for the great distinction and promise to do everything they can to keep developing towards organising local communities. They also stressed that they will work actively with the Association of Local Activity Support Centres CAL.</p>
<p>As the certificate shows, the Municipal Social Welfare Centre in Mława consciously carries out work aimed at the long-term development of the local community. This makes it easier for residents to reach an ever higher quality of life and to grow personally, as groups and as a community. The centre also encourages residents to preserve the values of tradition and contemporary culture. It is worth adding that the practical side of the CAL community mission is the institution's adoption of a methodically ordered model of work in the local community.</p>
<p>Our warmest congratulations on the distinction!</p>
""",
    },
}

CATEGORY_TRANSLATIONS = {
    "uk": {
        "name": "Відзнаки",
        "description": "Сертифікати, нагороди і відзнаки, надані центру.",
    },
    "en": {
        "name": "Awards",
        "description": "Certificates, prizes and distinctions given to the centre.",
    },
}

#: An article in Polish only: its Ukrainian and English pages show the Polish
#: text with a note, and lists in those languages put it after translated ones.
POLISH_ONLY_SLUG = "dyzury-pracownikow-socjalnych-w-okresie-swiatecznym"
POLISH_ONLY = {
    "title": "Dyżury pracowników socjalnych w okresie świątecznym",
    "lead": "W dniach 24 i 31 grudnia ośrodek pracuje do godziny 13:00. W pilnych "
    "sprawach dyżur pełni pracownik socjalny pod numerem telefonu ośrodka.",
    "body": "<p>W Wigilię i w Sylwestra ośrodek przyjmuje interesantów do godziny "
    "13:00. W pozostałe dni robocze okresu świątecznego pracujemy w zwykłych "
    "godzinach.</p><p>W sprawach pilnych, np. gdy brakuje opału albo żywności, "
    "prosimy o kontakt telefoniczny z ośrodkiem.</p>",
}


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
    category.fill_translations(CATEGORY_TRANSLATIONS)
    article.fill_translations(CAL_ARTICLE_TRANSLATIONS)
    polish_only, _ = Article.objects.get_or_create(
        slug=POLISH_ONLY_SLUG,
        defaults={
            **POLISH_ONLY,
            "status": Article.Status.PUBLISHED,
            "published_at": CAL_ARTICLE_PUBLISHED_AT - datetime.timedelta(days=100),
        },
    )
    return [
        f"Artykuł: {article.title} (także po ukraińsku i angielsku)",
        f"Artykuł tylko po polsku: {polish_only.title}",
    ]
