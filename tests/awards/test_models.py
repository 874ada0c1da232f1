import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from awards.models import Award, Issuer, Validity
from tests.factories import AwardFactory, IssuerFactory

D = datetime.date
START, END = D(2022, 1, 1), D(2026, 12, 31)


def _award(**kwargs):
    defaults = {"title": "Certyfikat", "kind": Award.Kind.CERTIFICATE}
    return Award(**{"valid_from": START, "valid_until": END, **defaults, **kwargs})


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (D(2021, 12, 31), Validity.NOT_YET_VALID),  # the day before the start
        (D(2022, 1, 1), Validity.VALID),  # the first day
        (D(2026, 10, 1), Validity.VALID),  # 91 days before the end
        (D(2026, 10, 2), Validity.EXPIRING),  # 90 days before the end
        (D(2026, 12, 31), Validity.EXPIRING),  # the last day
        (D(2027, 1, 1), Validity.EXPIRED),  # the day after
    ],
)
def test_status_at_fixed_dates(today, status):
    assert _award().status_on(today) == status


def test_no_end_date_means_without_end_from_the_start():
    award = _award(valid_until=None)
    assert award.status_on(D(2021, 12, 31)) == Validity.NOT_YET_VALID
    assert award.status_on(D(2022, 1, 1)) == Validity.NO_END
    assert award.status_on(D(2099, 1, 1)) == Validity.NO_END


def test_the_expiring_window_is_a_setting(settings):
    settings.AWARDS_EXPIRING_DAYS = 30
    assert _award().status_on(D(2026, 11, 30)) == Validity.VALID
    assert _award().status_on(D(2026, 12, 1)) == Validity.EXPIRING


@pytest.mark.django_db
@pytest.mark.parametrize(
    "today",
    [
        D(2021, 12, 31),
        D(2022, 1, 1),
        D(2026, 10, 1),
        D(2026, 10, 2),
        D(2026, 12, 31),
        D(2027, 1, 1),
    ],
)
def test_queryset_status_filters_agree_with_the_model(today):
    bounded = AwardFactory()
    open_ended = AwardFactory(open_ended=True)
    for award in (bounded, open_ended):
        status = award.status_on(today)
        for candidate in Validity:
            matched = Award.objects.with_status(candidate, today).filter(pk=award.pk)
            assert matched.exists() == (candidate == status), (award, today, candidate)


def test_whole_years_are_shown_as_a_year_range():
    assert _award().validity_display == "2022–2026"
    assert _award(valid_until=D(2022, 12, 31)).validity_display == "2022"


def test_other_spans_are_shown_as_polish_dates():
    award = _award(valid_from=D(2022, 3, 5), valid_until=D(2025, 3, 4))
    assert award.validity_display == "od 5 marca 2022 do 4 marca 2025"
    assert _award(valid_from=D(2020, 5, 1), valid_until=None).validity_display == (
        "od 1 maja 2020"
    )
    assert _award(valid_from=None, valid_until=None).validity_display == ""


def test_status_labels_residents_read(time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 25, 12), tick=False)
    assert _award().status_label == "ważny do 31 grudnia 2026"
    assert _award(valid_until=D(2025, 12, 31)).status_label == "wygasł"
    assert _award(kind=Award.Kind.AWARD, valid_until=D(2025, 1, 1)).status_label == (
        "wygasła"
    )
    assert _award(kind=Award.Kind.DISTINCTION, valid_until=None).status_label == (
        "bezterminowe"
    )
    assert _award(valid_from=D(2027, 1, 1), valid_until=None).status_label == (
        "ważny od 1 stycznia 2027"
    )


def test_end_before_start_is_a_polish_form_error():
    award = _award(valid_from=D(2026, 1, 1), valid_until=D(2025, 12, 31))
    with pytest.raises(ValidationError) as error:
        award.clean()
    [problem] = error.value.error_dict["valid_until"]
    assert problem.code == "ends_before_start"
    assert problem.params == {"start": "1 stycznia 2026"}


@pytest.mark.django_db
def test_the_database_refuses_an_end_before_the_start():
    issuer = IssuerFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Award.objects.create(
            title="Zły",
            issuer=issuer,
            valid_from=D(2026, 1, 1),
            valid_until=D(2025, 1, 1),
        )
    assert not Award.objects.exists()


@pytest.mark.django_db
def test_the_same_award_from_the_same_issuer_and_start_is_refused():
    award = AwardFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        AwardFactory(
            title=award.title, issuer=award.issuer, valid_from=award.valid_from
        )


@pytest.mark.django_db
def test_slug_is_transliterated_and_numbered():
    issuer = IssuerFactory()
    first = Award.objects.create(title="Wyróżnienie Łódzkie", issuer=issuer)
    second = Award.objects.create(
        title="Wyróżnienie Łódzkie", issuer=issuer, valid_from=D(2020, 1, 1)
    )
    assert (first.slug, second.slug) == ("wyroznienie-lodzkie", "wyroznienie-lodzkie-2")


@pytest.mark.django_db
def test_renewal_history_and_label():
    first = AwardFactory(valid_from=D(2011, 6, 28), valid_until=D(2022, 3, 28))
    second = AwardFactory(renews=first, awarded_on=D(2022, 3, 29))
    assert second.renewal_label == "odnowienie certyfikatu z 2011 r."
    assert second.history() == [first]
    assert first.renewal_label == ""


@pytest.mark.django_db
def test_history_stops_on_a_cycle():
    first = AwardFactory()
    second = AwardFactory(renews=first)
    Award.objects.filter(pk=first.pk).update(renews=second)
    first.refresh_from_db()
    assert second.history() == [first]


def test_str_and_absolute_url():
    issuer = Issuer(name="Stowarzyszenie CAL", short_name="CAL", slug="cal")
    award = Award(title="Certyfikat Jakości", slug="certyfikat", issuer=issuer)
    assert str(award) == "Certyfikat Jakości – CAL"
    assert award.get_absolute_url() == "/wyroznienia/certyfikat/"
    assert str(issuer) == "Stowarzyszenie CAL"
    assert issuer.get_absolute_url() == "/wyroznienia/przyznajacy/cal/"
