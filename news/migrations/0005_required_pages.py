"""Pages the law requires of a public body's site, and its accessibility statement.

Polish law (ustawa o zapewnianiu dostępności osobom ze szczególnymi potrzebami,
art. 6; ustawa o dostępności cyfrowej) requires easy-to-read (ETR) and sign
language (PJM) information and an accessibility statement; RODO requires the
information clause. Staff complete them in the admin (e.g. the PJM video).
"""

import datetime

from django.conf import settings
from django.db import migrations

ABOUT = """<p>Miejski Ośrodek Pomocy Społecznej pomaga mieszkańcom miasta, którzy znaleźli się w trudnej sytuacji życiowej i nie mogą jej pokonać sami: z powodu ubóstwa, bezrobocia, choroby, niepełnosprawności, starości, przemocy w rodzinie, bezdomności czy kryzysu.</p>
<h2>Czym się zajmujemy</h2>
<ul><li><p>przyznajemy zasiłki stałe, okresowe i celowe oraz pomoc rzeczową,</p></li><li><p>prowadzimy pracę socjalną i poradnictwo,</p></li><li><p>organizujemy usługi opiekuńcze w miejscu zamieszkania,</p></li><li><p>wspieramy rodziny z dziećmi, w tym przez asystentów rodziny,</p></li><li><p>pomagamy osobom doznającym przemocy domowej,</p></li><li><p>organizujemy społeczność lokalną i wolontariat.</p></li></ul>
<p>Jeśli potrzebujesz pomocy, przyjdź do ośrodka, zadzwoń lub napisz. Pracownik socjalny umówi się z Tobą i wspólnie zastanowicie się, jakie wsparcie jest możliwe.</p>"""

CONTACT = """<p>Sprawy można załatwić osobiście w siedzibie ośrodka, telefonicznie lub pisemnie. Osoby, które nie mogą przyjść do ośrodka, prosimy o telefon: pracownik socjalny może przyjść do domu.</p>
<p>Osoby głuche i słabosłyszące mogą skontaktować się z nami e-mailem lub pisemnie. Na wizytę z tłumaczem polskiego języka migowego zapraszamy po wcześniejszym zgłoszeniu, co najmniej 3 dni robocze przed wizytą.</p>"""

PRIVACY = """<p>Na podstawie art. 13 i 14 rozporządzenia Parlamentu Europejskiego i Rady (UE) 2016/679 z dnia 27 kwietnia 2016 r. (RODO) informujemy, jak przetwarzamy Twoje dane osobowe.</p>
<h2>Cele i podstawy przetwarzania</h2>
<p>Przetwarzamy dane osobowe, aby wykonywać zadania ośrodka określone w przepisach prawa, w szczególności w ustawie o pomocy społecznej, ustawie o wspieraniu rodziny i systemie pieczy zastępczej oraz ustawie o przeciwdziałaniu przemocy domowej (art. 6 ust. 1 lit. c i e oraz art. 9 ust. 2 lit. b, g i h RODO). Dane przetwarzamy także, gdy jest to potrzebne do zawarcia lub wykonania umowy albo gdy wyrazisz na to zgodę.</p>
<h2>Odbiorcy danych</h2>
<p>Dane mogą otrzymać wyłącznie podmioty uprawnione na podstawie przepisów prawa oraz podmioty, które przetwarzają je na nasze zlecenie (np. dostawcy systemów informatycznych), na podstawie umowy powierzenia.</p>
<h2>Jak długo przechowujemy dane</h2>
<p>Przez czas potrzebny do załatwienia sprawy, a następnie przez okres wynikający z przepisów o archiwizacji (jednolitego rzeczowego wykazu akt).</p>
<h2>Twoje prawa</h2>
<ul><li><p>dostęp do swoich danych i otrzymanie ich kopii,</p></li><li><p>sprostowanie danych,</p></li><li><p>ograniczenie przetwarzania,</p></li><li><p>usunięcie danych lub sprzeciw, gdy pozwalają na to przepisy,</p></li><li><p>cofnięcie zgody w dowolnym momencie, gdy przetwarzanie odbywa się na podstawie zgody,</p></li><li><p>skarga do Prezesa Urzędu Ochrony Danych Osobowych (ul. Stawki 2, 00-193 Warszawa).</p></li></ul>
<p>Podanie danych jest wymogiem ustawowym, gdy przepisy tego wymagają; bez nich nie możemy załatwić sprawy. Nie podejmujemy decyzji w sposób zautomatyzowany i nie przekazujemy danych poza Europejski Obszar Gospodarczy.</p>"""

EASY_TO_READ = """<p>Jesteś na stronie ośrodka pomocy społecznej.</p>
<p>Ośrodek pomaga ludziom, którzy mają trudności.</p>
<p>Na przykład:</p>
<ul><li><p>nie mają pieniędzy na jedzenie albo leki,</p></li><li><p>są chorzy albo starsi i potrzebują opieki,</p></li><li><p>nie mają gdzie mieszkać,</p></li><li><p>ktoś w domu robi im krzywdę.</p></li></ul>
<h2>Co robimy</h2>
<p>Rozmawiamy z Tobą o Twoich kłopotach.</p>
<p>Pomagamy załatwić sprawy.</p>
<p>Czasem dajemy pieniądze albo jedzenie.</p>
<p>Możemy przysłać kogoś, kto pomoże Ci w domu.</p>
<h2>Jak się z nami skontaktować</h2>
<p>Możesz przyjść do ośrodka.</p>
<p>Możesz zadzwonić.</p>
<p>Możesz napisać list albo e-mail.</p>
<p>Adres i numery telefonów są na dole strony.</p>
<p>Jeśli nie możesz przyjść, zadzwoń. Pracownik może przyjść do Ciebie.</p>"""

SIGN_LANGUAGE = """<p>Osoby głuche i słabosłyszące mogą skontaktować się z ośrodkiem:</p>
<ul><li><p>pisząc e-mail lub list,</p></li><li><p>przychodząc do ośrodka z tłumaczem polskiego języka migowego (PJM), systemu językowo-migowego (SJM) lub sposobu komunikowania się osób głuchoniewidomych (SKOGN).</p></li></ul>
<p>Tłumacza zapewniamy bezpłatnie. Zgłoś potrzebę jego obecności co najmniej 3 dni robocze przed wizytą: e-mailem, listownie lub przez osobę trzecią. Napisz, jakiej formy komunikacji potrzebujesz.</p>"""

PROCEDURE = """<p>Każdy ma prawo wystąpić z żądaniem zapewnienia dostępności cyfrowej strony internetowej lub jej elementu. Można także zażądać udostępnienia informacji za pomocą alternatywnego sposobu dostępu, na przykład przez odczytanie niedostępnego cyfrowo dokumentu, opisanie zawartości filmu bez audiodeskrypcji itp.</p>
<p>Żądanie powinno zawierać dane osoby zgłaszającej żądanie, wskazanie, o którą stronę internetową lub element strony chodzi, oraz sposób kontaktu. Jeżeli osoba żądająca zgłasza potrzebę otrzymania informacji za pomocą alternatywnego sposobu dostępu, powinna także określić dogodny dla niej sposób przedstawienia tej informacji.</p>
<p>Podmiot publiczny powinien zrealizować żądanie niezwłocznie, nie później niż w ciągu 7 dni od dnia wystąpienia z żądaniem. Jeżeli dotrzymanie tego terminu nie jest możliwe, podmiot publiczny niezwłocznie informuje o tym wnoszącego żądanie, kiedy realizacja żądania będzie możliwa, przy czym termin ten nie może być dłuższy niż 2 miesiące od dnia wystąpienia z żądaniem. Jeżeli zapewnienie dostępności cyfrowej nie jest możliwe, podmiot publiczny może zaproponować alternatywny sposób dostępu do informacji.</p>
<p>W przypadku, gdy podmiot publiczny odmówi realizacji żądania zapewnienia dostępności lub alternatywnego sposobu dostępu do informacji, wnoszący żądanie może złożyć skargę w sprawie zapewniania dostępności cyfrowej strony internetowej lub elementu strony internetowej. Po wyczerpaniu tej procedury można także złożyć wniosek do Rzecznika Praw Obywatelskich.</p>"""

INACCESSIBLE = """<ul><li><p>Część dokumentów do pobrania (plików PDF i DOCX), w szczególności skanów opublikowanych w przeszłości, może nie być dostępna cyfrowo. Na żądanie udostępnimy ich treść w dostępnej formie.</p></li><li><p>Filmy zamieszczane przez ośrodek mogą nie mieć audiodeskrypcji.</p></li></ul>"""

PAGES = [
    # slug, title, description, kind, body, position
    (
        "o-nas",
        "O nas",
        "Czym zajmuje się ośrodek i jak pomaga mieszkańcom.",
        "standard",
        ABOUT,
        10,
    ),
    (
        "kontakt",
        "Kontakt",
        "Adres, telefony, e-mail i godziny pracy ośrodka.",
        "contact",
        CONTACT,
        20,
    ),
    (
        "ochrona-danych-osobowych",
        "Ochrona danych osobowych",
        "Klauzula informacyjna RODO: jak ośrodek przetwarza dane osobowe.",
        "privacy",
        PRIVACY,
        30,
    ),
    (
        "tekst-latwy-do-czytania",
        "Informacje w tekście łatwym do czytania",
        "Informacje o ośrodku napisane prostym językiem (ETR).",
        "standard",
        EASY_TO_READ,
        40,
    ),
    (
        "jezyk-migowy",
        "Informacje w polskim języku migowym",
        "Jak osoby głuche mogą skontaktować się z ośrodkiem; informacja w PJM.",
        "standard",
        SIGN_LANGUAGE,
        50,
    ),
]


def create(apps, schema_editor):
    Page = apps.get_model("news", "Page")
    Office = apps.get_model("news", "Office")
    Statement = apps.get_model("news", "AccessibilityStatement")
    for slug, title, description, kind, body, position in PAGES:
        Page.objects.get_or_create(
            slug=slug,
            defaults={
                "title": title,
                "description": description,
                "kind": kind,
                "body": body,
                "position": position,
            },
        )
    if not Statement.objects.exists():
        office = Office.objects.order_by("pk").first()
        today = datetime.date.today()
        Statement.objects.create(
            entity_name=office.name if office else "Miejski Ośrodek Pomocy Społecznej",
            site_url=f"https://{settings.SITE_DOMAIN}/",
            published_on=today,
            updated_on=today,
            status="partially",
            inaccessible_content=INACCESSIBLE,
            prepared_on=today,
            last_reviewed_on=today,
            assessment="self",
            contact_person="Koordynator do spraw dostępności",
            contact_email=(office.email if office else ""),
            contact_phone=(
                office.phone.split(",")[0].strip() if office and office.phone else ""
            ),
            procedure=PROCEDURE,
        )


def remove(apps, schema_editor):
    apps.get_model("news", "Page").objects.filter(
        slug__in=[p[0] for p in PAGES]
    ).delete()
    apps.get_model("news", "AccessibilityStatement").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("news", "0004_pages_notices_accessibility_statement")]

    operations = [migrations.RunPython(create, remove)]
