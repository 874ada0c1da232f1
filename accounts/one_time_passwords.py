"""One-time passwords: a password an administrator set for someone (a new
account, ``add_staff``) works for one thing only: choosing the person's own.

"Has not chosen a password yet" is ``last_login`` left empty: a new account has
none, and signing in with a one-time password keeps it empty until the person
sets their own (then it is the moment they did). Nothing else to store.
"""

import secrets

from django.contrib.auth import get_user_model
from django.utils import timezone

#: The session's mark: signed in with a one-time password.
SESSION_KEY = "password_change_required"
#: Characters of handed-over passwords: none that reads as another.
ALPHABET = "23456789abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ"


def new_password(length=14):
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def give(user):
    """Set a fresh one-time password on ``user`` (saved); return it to hand over."""
    password = new_password()
    user.set_password(password)
    user.last_login = None
    user.save()
    return password


def is_one_time(username):
    """Whether the account signing in as ``username`` still has a password it
    was given (checked before the sign-in records its time)."""
    User = get_user_model()
    return User.objects.filter(
        **{User.USERNAME_FIELD: username}, last_login__isnull=True
    ).exists()


def signed_in_with_one(request):
    """Keep ``last_login`` empty (the sign-in just set it) and mark the session."""
    get_user_model().objects.filter(pk=request.user.pk).update(last_login=None)
    request.session[SESSION_KEY] = True


def required(request):
    return bool(request.session.get(SESSION_KEY))


def chosen(request):
    """The person set their own password: an ordinary account from now on."""
    get_user_model().objects.filter(pk=request.user.pk).update(
        last_login=timezone.now()
    )
    request.session.pop(SESSION_KEY, None)
