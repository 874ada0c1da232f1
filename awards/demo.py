"""Demo awards: the CAL Quality Certificate 2022–2026 and the 2011 one it renews.

Facts from the seed article and local press: handed over on 29 March 2022 by
Grażyna Gnatowska during the XXXVIII session of the Rada Miasta Mława; the first
certificate was handed over on 28 June 2011 during a session of the town council.
"""

import datetime

from awards.models import Award, Issuer
from base.models import Office
from news.models import Article

#: The seed article that announced the 2022 certificate (news/demo.py makes it).
CAL_ARTICLE_SLUG = (
    "miejski-osrodek-pomocy-spolecznej-wyrozniony-za-wspieranie-aktywnosci-lokalnej"
)

CAL_DESCRIPTION = (
    "<p>Certyfikat Jakości Centrum Aktywności Lokalnej wyróżnia instytucje pomocy i "
    "integracji społecznej za pracę w zakresie organizowania społeczności lokalnej "
    "(OSL). Oznacza, że instytucja przyjęła misję społecznościową: formułuje i realizuje "
    "swój program w oparciu o bezpośrednie doświadczenia i zaangażowanie mieszkańców.</p>"
)


CAL_DESCRIPTION_TRANSLATIONS = {
    "uk": "<p>Сертифікат якості Центру місцевої активності відзначає установи "
    "соціальної допомоги та інтеграції за роботу у сфері організування місцевої "
    "громади (OSL). Він означає, що установа прийняла громадську місію: формує і "
    "реалізує свою програму на основі безпосереднього досвіду й залученості "
    "мешканців.</p>",
    "en": "<p>The Local Activity Centre Quality Certificate recognises social "
    "assistance and integration institutions for their work in organising local "
    "communities (OSL). It means that the institution has taken on a community "
    "mission: it shapes and carries out its programme on the basis of residents' "
    "direct experience and involvement.</p>",
}
ISSUER_TRANSLATIONS = {
    "uk": {
        "name": "Асоціація «Центр підтримки місцевої активності» CAL",
        "description": "Загальнопольська асоціація, яка підтримує організування "
        "місцевих громад і надає Сертифікат якості CAL.",
    },
    "en": {
        "name": "Association of Local Activity Support Centres CAL",
        "description": "A nationwide association that supports the organising of "
        "local communities and awards the CAL Quality Certificate.",
    },
}
AWARD_TRANSLATIONS = {
    "uk": {
        "title": "Сертифікат якості Центру місцевої активності",
        "recipient": "Міський центр соціальної допомоги в Млаві",
    },
    "en": {
        "title": "Local Activity Centre Quality Certificate",
        "recipient": "Municipal Social Welfare Centre in Mława",
    },
}
CURRENT_AWARD_TRANSLATIONS = {
    "uk": {
        "presenter_role": "віцепрезидентка Асоціації «Центр підтримки місцевої "
        "активності» CAL",
        "occasion": "XXXVIII сесія Міської ради Млави",
        "slug": "sertyfikat-yakosti-cal-2022-2026",
    },
    "en": {
        "presenter_role": "Vice-President of the Association of Local Activity "
        "Support Centres CAL",
        "occasion": "38th session of the Mława Town Council",
        "slug": "cal-quality-certificate-2022-2026",
    },
}
FIRST_AWARD_TRANSLATIONS = {
    "uk": {
        "occasion": "сесія Міської ради Млави",
        "slug": "sertyfikat-yakosti-cal-2011",
    },
    "en": {
        "occasion": "session of the Mława Town Council",
        "slug": "cal-quality-certificate-2011",
    },
}


def _award_translations(extra):
    return {
        language: {
            **AWARD_TRANSLATIONS[language],
            "description": CAL_DESCRIPTION_TRANSLATIONS[language],
            **extra[language],
        }
        for language in AWARD_TRANSLATIONS
    }


def load():
    """Create the CAL issuer and both certificates, the current one linked to the
    article that announced it (news' demo, loaded first); return summary lines."""
    announced_in = Article.objects.filter(slug=CAL_ARTICLE_SLUG).first()
    office_name = Office.current().name or "Miejski Ośrodek Pomocy Społecznej w Mławie"
    cal, _ = Issuer.objects.get_or_create(
        slug="cal",
        defaults={
            "name": "Stowarzyszenie Centrum Wspierania Aktywności Lokalnej CAL",
            "short_name": "CAL",
            "website": "https://www.cal.org.pl/",
            "description": "Ogólnopolskie stowarzyszenie, które wspiera organizowanie "
            "społeczności lokalnych i przyznaje Certyfikat Jakości CAL.",
        },
    )
    certificate = {
        "title": "Certyfikat Jakości Centrum Aktywności Lokalnej",
        "kind": Award.Kind.CERTIFICATE,
        "issuer": cal,
        "recipient": office_name,
        "description": CAL_DESCRIPTION,
    }
    first, _ = Award.objects.get_or_create(
        slug="certyfikat-jakosci-cal-2011",
        defaults={
            **certificate,
            "awarded_on": datetime.date(2011, 6, 28),
            "occasion": "sesja Rady Miasta Mława",
            # Superseded by the renewal handed over on 29 March 2022.
            "valid_from": datetime.date(2011, 6, 28),
            "valid_until": datetime.date(2022, 3, 28),
        },
    )
    current, created = Award.objects.get_or_create(
        slug="certyfikat-jakosci-cal-2022-2026",
        defaults={
            **certificate,
            "awarded_on": datetime.date(2022, 3, 29),
            "presented_by": "Grażyna Gnatowska",
            "presenter_role": "Wiceprezes Stowarzyszenia Centrum Wspierania Aktywności "
            "Lokalnej CAL",
            "occasion": "XXXVIII sesja Rady Miasta Mława",
            "valid_from": datetime.date(2022, 1, 1),
            "valid_until": datetime.date(2026, 12, 31),
            "renews": first,
        },
    )
    if created and announced_in is not None:
        current.articles.add(announced_in)
    cal.fill_translations(ISSUER_TRANSLATIONS)
    first.fill_translations(_award_translations(FIRST_AWARD_TRANSLATIONS))
    current.fill_translations(_award_translations(CURRENT_AWARD_TRANSLATIONS))
    return [f"Wyróżnienie: {current.title} ({current.validity_display})"]
