"""Two-step login to the panel (django-otp): a password, then a six-digit code
from an authenticator app on the person's phone (TOTP), or one of ten single-use
recovery codes when the phone is lost.

Who must use it: superusers and publishers ("Wydawcy"), when
``ADMIN_TWO_FACTOR_REQUIRED`` is on (the default). Editors may turn it on for
themselves; once someone has it, their every login asks for the code. A session
that has not passed the second step is not a staff session anywhere: the admin
(``StaffAdminSite.has_permission``) and the public previews of drafts
(``second_factor_done``) both ask here."""

import secrets
from urllib.parse import urlencode

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import user_passes_test
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

PUBLISHERS_GROUP = "Wydawcy"
RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Aplikacja w telefonie"
RECOVERY_DEVICE_NAME = "Kody zapasowe"


def second_factor_required(user):
    """Superusers and publishers must have a second factor; editors may."""
    if not getattr(settings, "ADMIN_TWO_FACTOR_REQUIRED", True):
        return False
    return user.is_superuser or user.groups.filter(name=PUBLISHERS_GROUP).exists()


def has_second_factor(user):
    return user_has_device(user, confirmed=True)


def second_factor_done(request):
    """Whether this session may act as staff: it passed the second step, or the
    person has no second factor and is not required to have one. The admin asks
    several times per request: answered once per request and person."""
    user = request.user
    if not user.is_authenticated:
        return False
    known = getattr(request, "_second_factor_done", None)
    if known is not None and known[0] == user.pk:
        return known[1]
    done = _second_factor_done(user)
    request._second_factor_done = (user.pk, done)
    return done


def _second_factor_done(user):
    # OTPMiddleware gives request.user is_verified(); a user signed in during
    # this request (the login form) has not passed the second step yet.
    if getattr(user, "is_verified", bool)():
        return True
    if has_second_factor(user):
        return False
    return not second_factor_required(user)


def next_step_url(request, target):
    """Where a signed-in person who has not passed the second step goes: the
    code, or setting the app up when they have none yet."""
    name = "admin:two_factor_verify"
    if not has_second_factor(request.user):
        name = "admin:two_factor_setup"
    if not target:
        return reverse(name)
    return f"{reverse(name)}?{urlencode({'next': target}, safe='/')}"


def safe_next(request, default=None):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default if default is not None else reverse("admin:index")


staff_signed_in = user_passes_test(
    lambda user: user.is_active and user.is_staff, login_url="admin:login"
)


#: Wrong codes allowed before each attempt has to wait (1 s, 2 s, 4 s, …).
FREE_ATTEMPTS = 3
#: Recovery codes' letters: none that reads as another (no 0/o, 1/l/i).
CODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"


def normalise(code):
    return "".join(code.split()).replace("-", "").lower()


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Kod"),
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "none",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
        error_messages={"required": "Wpisz kod."},
    )

    def clean_code(self):
        return normalise(self.cleaned_data["code"])


def _throttled(device):
    allowed, data = device.verify_is_allowed()
    if allowed:
        return ""
    seconds = 0
    if data and data.get("locked_until"):
        seconds = max(int((data["locked_until"] - timezone.now()).total_seconds()), 1)
    return _(
        "Zbyt wiele błędnych kodów. Odczekaj %(seconds)d s i spróbuj ponownie z "
        "nowym kodem z aplikacji."
    ) % {"seconds": seconds}


def check_code(user, code):
    """The device that accepts ``code`` and an error message otherwise. Six
    digits are checked against the phone app, anything else against the
    recovery codes (each works once), so a typo costs one throttle, not two."""
    if code.isdigit() and len(code) == 6:
        devices = TOTPDevice.objects.filter(user=user, confirmed=True)
    else:
        devices = StaticDevice.objects.filter(user=user, confirmed=True)
    for device in devices:
        with transaction.atomic():
            device = type(device).objects.select_for_update().get(pk=device.pk)
            if device.throttling_failure_count < FREE_ATTEMPTS:
                # A typo is not a reason to wait: the right code right after
                # a wrong one is accepted; guessing is slowed from then on.
                device.throttling_failure_timestamp = None
            message = _throttled(device)
            if message:
                return None, message
            if device.verify_token(code):
                return device, ""
    return None, (
        _(
            "Nieprawidłowy kod. Wpisz sześć cyfr, które aplikacja pokazuje teraz, "
            "albo jeden z kodów zapasowych."
        )
    )


def new_recovery_codes(user):
    """Ten fresh single-use codes; the old ones stop working."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, defaults={"name": RECOVERY_DEVICE_NAME, "confirmed": True}
    )
    device.token_set.all().delete()
    codes = [
        "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
        for _ in range(RECOVERY_CODE_COUNT)
    ]
    StaticToken.objects.bulk_create(
        [StaticToken(device=device, token=code) for code in codes]
    )
    return [f"{code[:4]}-{code[4:]}" for code in codes]


def remove_second_factor(user):
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def _context(site, request, **extra):
    return {
        **site.each_context(request),
        "next": safe_next(request, default=""),
        "required": second_factor_required(request.user),
        **extra,
    }


@never_cache
@csrf_protect
@staff_signed_in
def verify(request, site):
    """The second step of a login: a code from the app or a recovery code."""
    if not has_second_factor(request.user):
        return HttpResponseRedirect(next_step_url(request, safe_next(request, "")))
    if request.user.is_verified():
        return HttpResponseRedirect(safe_next(request))
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device, error = check_code(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            request.session.cycle_key()
            if isinstance(device, StaticDevice):
                left = device.token_set.count()
                messages.warning(
                    request,
                    _(
                        "Użyto kodu zapasowego; zostało %(left)d. Jeśli telefon "
                        "zginął, skonfiguruj aplikację na nowym (Weryfikacja "
                        "dwuetapowa)."
                    )
                    % {"left": left},
                )
            return HttpResponseRedirect(safe_next(request))
        form.add_error("code", error)
    return TemplateResponse(
        request,
        "admin/two_factor/verify.html",
        _context(site, request, form=form, title=_("Weryfikacja dwuetapowa")),
    )


@never_cache
@csrf_protect
@staff_signed_in
def setup(request, site):
    """Connect an authenticator app: scan the QR code (or type the key), then
    confirm with the first code. A person who already has an app must pass the
    second step first (a new phone replaces the old one)."""
    if has_second_factor(request.user) and not request.user.is_verified():
        return HttpResponseRedirect(next_step_url(request, request.get_full_path()))
    device = TOTPDevice.objects.filter(
        user=request.user, confirmed=False
    ).first() or TOTPDevice.objects.create(
        user=request.user, name=APP_DEVICE_NAME, confirmed=False
    )
    form = CodeForm(request.POST or None)
    if form.is_valid():
        code = form.cleaned_data["code"]
        if device.verify_token(code):
            with transaction.atomic():
                TOTPDevice.objects.filter(user=request.user).exclude(
                    pk=device.pk
                ).delete()
                device.confirmed = True
                device.save()
                codes = new_recovery_codes(request.user)
            otp_login(request, device)
            request.session.cycle_key()
            return TemplateResponse(
                request,
                "admin/two_factor/recovery_codes.html",
                _context(
                    site,
                    request,
                    codes=codes,
                    title=_("Kody zapasowe"),
                    first_time=True,
                ),
            )
        form.add_error(
            "code",
            _(
                "Ten kod się nie zgadza. Sprawdź, czy zegar telefonu jest ustawiony "
                "automatycznie, i wpisz kod, który aplikacja pokazuje teraz."
            ),
        )
    key = device.config_url.split("secret=", 1)[1].split("&", 1)[0]
    return TemplateResponse(
        request,
        "admin/two_factor/setup.html",
        _context(
            site,
            request,
            form=form,
            title=_("Włącz weryfikację dwuetapową"),
            qr_svg=segno.make(device.config_url, error="m").svg_inline(
                scale=5,
                dark="#000",
                light="#fff",
                title=_("Kod QR do zeskanowania aplikacją"),
            ),
            key=" ".join(key[i : i + 4] for i in range(0, len(key), 4)),
        ),
    )


@never_cache
@csrf_protect
@staff_signed_in
def overview(request, site):
    """The person's own settings: state, a new phone, new recovery codes, and
    turning it off where it is optional."""
    if not second_factor_done(request):
        return HttpResponseRedirect(next_step_url(request, request.path))
    recovery = StaticDevice.objects.filter(user=request.user, confirmed=True).first()
    return TemplateResponse(
        request,
        "admin/two_factor/overview.html",
        _context(
            site,
            request,
            title=_("Weryfikacja dwuetapowa"),
            enabled=has_second_factor(request.user),
            app=TOTPDevice.objects.filter(user=request.user, confirmed=True).first(),
            codes_left=recovery.token_set.count() if recovery else 0,
        ),
    )


@never_cache
@csrf_protect
@require_POST
@staff_signed_in
def regenerate_codes(request, site):
    if not (request.user.is_verified() and has_second_factor(request.user)):
        return HttpResponseRedirect(reverse("admin:two_factor"))
    codes = new_recovery_codes(request.user)
    return TemplateResponse(
        request,
        "admin/two_factor/recovery_codes.html",
        _context(site, request, codes=codes, title=_("Kody zapasowe")),
    )


@never_cache
@csrf_protect
@require_POST
@staff_signed_in
def disable(request, site):
    if second_factor_required(request.user):
        messages.error(
            request,
            _(
                "Twoja rola wymaga weryfikacji dwuetapowej: nie można jej wyłączyć. "
                "Możesz skonfigurować aplikację na nowym telefonie."
            ),
        )
    elif request.user.is_verified():
        remove_second_factor(request.user)
        messages.success(request, _("Weryfikacja dwuetapowa została wyłączona."))
    return HttpResponseRedirect(reverse("admin:two_factor"))


@never_cache
@csrf_protect
@require_POST
def sign_out(request, site):
    """Leave half-way through the second step (the admin's own logout needs a
    finished login)."""
    logout(request)
    return HttpResponseRedirect(reverse("admin:login"))
