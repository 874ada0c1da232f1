"""A test set for Polish search, from a welfare office's real vocabulary:
articles as an office writes them, queries as residents type them (other
inflected forms, often without diacritics) with the article each must find,
and unrelated words that must find nothing. Used by tests/search and by
bench/search_analysers.py to choose the analyser by measurement."""

ARTICLES = {
    "zasilek_rodzinny": (
        "Zasiłek rodzinny na nowy okres zasiłkowy",
        "Wnioski o zasiłek rodzinny i dodatki przyjmujemy od 1 lipca.",
        "Prawo do zasiłku rodzinnego mają rodzice, opiekunowie prawni dziecka oraz "
        "osoby uczące się. Do zasiłku przysługują dodatki z tytułu urodzenia dziecka "
        "i samotnego wychowywania. Dochód rodziny nie może przekroczyć kryterium.",
    ),
    "swiadczenie_wychowawcze": (
        "Świadczenie wychowawcze 800 plus",
        "Wnioski składa się wyłącznie elektronicznie przez ZUS.",
        "Świadczenie przysługuje na każde dziecko do ukończenia 18 lat. Rodzice "
        "składają wniosek przez bankowość elektroniczną lub portal PUE ZUS.",
    ),
    "niepelnosprawnosc": (
        "Pomoc dla osób z niepełnosprawnością",
        "Świadczenie pielęgnacyjne, zasiłek pielęgnacyjny i specjalny zasiłek opiekuńczy.",
        "Osobom niepełnosprawnym i ich opiekunom przysługuje świadczenie pielęgnacyjne. "
        "Zasiłek pielęgnacyjny wypłacamy osobom z orzeczeniem o znacznym stopniu "
        "niepełnosprawności. Opiekunowie mogą ubiegać się o specjalny zasiłek opiekuńczy.",
    ),
    "dodatek_mieszkaniowy": (
        "Dodatek mieszkaniowy i dodatek energetyczny",
        "Pomoc w opłatach za mieszkanie dla gospodarstw o niskich dochodach.",
        "Dodatek mieszkaniowy przysługuje najemcom i właścicielom lokali. Wniosek "
        "składa się wraz z deklaracją o dochodach gospodarstwa domowego. Dodatek "
        "energetyczny otrzymują odbiorcy wrażliwi energii elektrycznej.",
    ),
    "posilek": (
        "Posiłek dla potrzebujących w szkole i w domu",
        "Program „Posiłek w szkole i w domu” na kolejny rok.",
        "Dzieci i młodzież otrzymują gorący posiłek w szkołach. Osobom starszym "
        "dowozimy obiady. Pomoc w formie posiłku przysługuje przy niskim dochodzie.",
    ),
    "uslugi_opiekuncze": (
        "Usługi opiekuńcze dla seniorów",
        "Opiekunka pomoże w zakupach, sprzątaniu i higienie.",
        "Usługi opiekuńcze przysługują osobie samotnej, która z powodu wieku lub "
        "choroby wymaga pomocy innych osób. Odpłatność zależy od dochodu seniora.",
    ),
    "przemoc": (
        "Przeciwdziałanie przemocy domowej",
        "Zespół interdyscyplinarny i procedura Niebieskiej Karty.",
        "Osoby doznające przemocy domowej mogą zgłosić się do ośrodka. Pracownicy "
        "socjalni wszczynają procedurę Niebieskiej Karty. Telefon zaufania działa "
        "całą dobę.",
    ),
    "asystent_rodziny": (
        "Asystent rodziny wspiera rodziny w kryzysie",
        "Bezpłatna pomoc w sprawach opiekuńczo-wychowawczych.",
        "Asystent rodziny odwiedza rodzinę w domu i pomaga w prowadzeniu gospodarstwa, "
        "w opiece nad dziećmi i w szukaniu pracy. Wsparcie trwa do czasu poprawy "
        "sytuacji rodzin.",
    ),
    "bezdomnosc": (
        "Schronienie dla osób bezdomnych zimą",
        "Noclegownia i ogrzewalnia przyjmują całą dobę w okresie mrozów.",
        "Osoba bezdomna może otrzymać schronienie, posiłek i niezbędne ubranie. "
        "Zgłoś osobę bezdomną, która potrzebuje pomocy w czasie mrozu.",
    ),
    "cal": (
        "Miejski Ośrodek Pomocy Społecznej wyróżniony za wspieranie aktywności lokalnej",
        "Ośrodek otrzymał Certyfikat Jakości CAL za lata 2022–2026.",
        "Certyfikat przyznało Centrum Wspierania Aktywności Lokalnej. Wyróżnienie "
        "potwierdza, że ośrodek działa metodą organizowania społeczności lokalnej "
        "i współpracuje z mieszkańcami Mławy.",
    ),
    "karta_duzej_rodziny": (
        "Karta Dużej Rodziny",
        "Zniżki dla rodzin wielodzietnych z trojgiem dzieci.",
        "Kartę wydajemy rodzinom z co najmniej trojgiem dzieci. Posiadacze karty "
        "korzystają ze zniżek w sklepach, na przejazdach i w instytucjach kultury.",
    ),
    "praca_socjalna": (
        "Praca socjalna i poradnictwo",
        "Pracownik socjalny pomoże rozwiązać trudną sytuację życiową.",
        "Poradnictwo prawne i psychologiczne jest bezpłatne. Pracownicy socjalni "
        "prowadzą wywiad środowiskowy i pomagają w załatwianiu spraw urzędowych.",
    ),
}

#: (what a resident types, the article it must find).
QUERIES = [
    ("zasiłku rodzinnego", "zasilek_rodzinny"),
    ("zasiłkiem", "zasilek_rodzinny"),
    ("zasilku", "zasilek_rodzinny"),
    ("zasilek rodzinny", "zasilek_rodzinny"),
    ("zasiłków rodzinnych", "zasilek_rodzinny"),
    ("okresu zasiłkowego", "zasilek_rodzinny"),
    ("dodatku za urodzenie", "zasilek_rodzinny"),
    ("samotnie wychowujący", "zasilek_rodzinny"),
    ("kryterium dochodowe", "zasilek_rodzinny"),
    ("świadczenia wychowawczego", "swiadczenie_wychowawcze"),
    ("swiadczeniem wychowawczym", "swiadczenie_wychowawcze"),
    ("800 plus", "swiadczenie_wychowawcze"),
    ("wnioskiem elektronicznym", "swiadczenie_wychowawcze"),
    ("dzieci do 18 lat", "swiadczenie_wychowawcze"),
    ("bankowości elektronicznej", "swiadczenie_wychowawcze"),
    ("niepełnosprawność", "niepelnosprawnosc"),
    ("niepelnosprawnych", "niepelnosprawnosc"),
    ("osoba niepełnosprawna", "niepelnosprawnosc"),
    ("świadczeniem pielęgnacyjnym", "niepelnosprawnosc"),
    ("zasilku pielegnacyjnego", "niepelnosprawnosc"),
    ("specjalnego zasiłku opiekuńczego", "niepelnosprawnosc"),
    ("orzeczenie o niepełnosprawności", "niepelnosprawnosc"),
    ("opiekuna osoby niepełnosprawnej", "niepelnosprawnosc"),
    ("dodatku mieszkaniowego", "dodatek_mieszkaniowy"),
    ("dodatkiem mieszkaniowym", "dodatek_mieszkaniowy"),
    ("dodatek energetyczny", "dodatek_mieszkaniowy"),
    ("mieszkania", "dodatek_mieszkaniowy"),
    ("opłaty za mieszkanie", "dodatek_mieszkaniowy"),
    ("najemca lokalu", "dodatek_mieszkaniowy"),
    ("deklaracji o dochodach", "dodatek_mieszkaniowy"),
    ("posiłku", "posilek"),
    ("posiłki w szkołach", "posilek"),
    ("posilki", "posilek"),
    ("obiadów dla seniorów", "posilek"),
    ("gorącego posiłku", "posilek"),
    ("usług opiekuńczych", "uslugi_opiekuncze"),
    ("uslugi opiekuncze", "uslugi_opiekuncze"),
    ("opiekunki", "uslugi_opiekuncze"),
    ("seniorowi", "uslugi_opiekuncze"),
    ("osobie samotnej", "uslugi_opiekuncze"),
    ("przemocą domową", "przemoc"),
    ("przemocy w rodzinie", "przemoc"),
    ("niebieska karta", "przemoc"),
    ("niebieskiej karty", "przemoc"),
    ("telefonu zaufania", "przemoc"),
    ("zespołu interdyscyplinarnego", "przemoc"),
    ("asystenta rodziny", "asystent_rodziny"),
    ("asystentem rodziny", "asystent_rodziny"),
    ("rodzinie w kryzysie", "asystent_rodziny"),
    ("rodzin", "asystent_rodziny"),
    ("bezdomni", "bezdomnosc"),
    ("osoby bezdomnej", "bezdomnosc"),
    ("noclegowni", "bezdomnosc"),
    ("ogrzewalni", "bezdomnosc"),
    ("schronienia", "bezdomnosc"),
    ("mrozy", "bezdomnosc"),
    ("ośrodka", "cal"),
    ("osrodek pomocy spolecznej", "cal"),
    ("certyfikatu jakości", "cal"),
    ("aktywności lokalnej", "cal"),
    ("mieszkańcami", "cal"),
    ("Mława", "cal"),
    ("karty dużej rodziny", "karta_duzej_rodziny"),
    ("kartą dużej rodziny", "karta_duzej_rodziny"),
    ("rodziny wielodzietnej", "karta_duzej_rodziny"),
    ("zniżek", "karta_duzej_rodziny"),
    ("pracownika socjalnego", "praca_socjalna"),
    ("pracy socjalnej", "praca_socjalna"),
    ("poradnictwa prawnego", "praca_socjalna"),
    ("wywiadu środowiskowego", "praca_socjalna"),
    ("psychologa", "praca_socjalna"),
]

#: Words unrelated to every article above: each must find nothing.
UNRELATED = [
    "samochód",
    "piłka",
    "komputer",
    "kino",
    "rower",
    "pociąg",
    "lotnisko",
    "kwiaty",
    "ogród",
    "koncert",
    "teatr",
    "basen",
    "stadion",
    "pizza",
    "kawa",
    "herbata",
    "telewizor",
    "smartfon",
    "drukarka",
    "laptop",
    "muzyka",
    "gitara",
    "fortepian",
    "wakacje",
    "plaża",
    "góry",
    "jezioro",
    "rzeka",
    "las",
    "zoo",
    "kot",
    "pies",
    "koń",
    "ryba",
    "ptak",
    "słoń",
    "tygrys",
    "malarstwo",
    "rzeźba",
    "fotografia",
    "kosmos",
    "planeta",
    "gwiazda",
    "księżyc",
    "wulkan",
    "pustynia",
    "ocean",
    "statek",
    "samolot",
    "motocykl",
    "autobus",
    "tramwaj",
    "metro",
    "most",
    "zamek",
    "katedra",
    "muzeum",
    "biblioteka",
    "kawiarnia",
    "restauracja",
]
