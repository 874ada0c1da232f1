"""Demo content of the site frame: the office's name and hours in Ukrainian and
English (the office record itself comes from the first migration)."""

from base.models import Office

OFFICE_TRANSLATIONS = {
    "uk": {
        "name": "Міський центр соціальної допомоги в Млаві",
        "office_hours": "понеділок–п'ятниця: 8:00–16:00",
    },
    "en": {
        "name": "Municipal Social Welfare Centre in Mława",
        "office_hours": "Monday–Friday: 8:00–16:00",
    },
}


def load():
    """Fill the office's empty translations (staff's own are kept)."""
    office = Office.current()
    if office.pk is None:
        return []
    office.fill_translations(OFFICE_TRANSLATIONS)
    return ["Dane instytucji: nazwa i godziny pracy po ukraińsku i angielsku"]
