import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def polish_between_requests():
    """Each test starts in Polish, as the panel and the shell do: a request to
    /uk/ leaves Ukrainian active in the thread, and content created under it
    would land in the Ukrainian columns."""
    translation.activate("pl")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def fast_and_isolated(settings, tmp_path):
    """Test-only settings: quick hashing, uploads in a temp dir, e-mail in memory,
    and the second login step off (most tests are about what a role may do;
    tests/base/test_two_factor.py turns it on)."""
    settings.ADMIN_TWO_FACTOR_REQUIRED = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }


def _staff_member(user_model, username, group):
    from django.contrib.auth.models import Group

    user = user_model.objects.create_user(
        username, password="haslo-testowe", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def publisher(django_user_model):
    """A staff member in the "Wydawcy" group (created by migrations)."""
    return _staff_member(django_user_model, "wydawca", "Wydawcy")


@pytest.fixture
def editor(django_user_model):
    """A staff member in the "Redaktorzy" group: prepares drafts, cannot publish."""
    return _staff_member(django_user_model, "redaktor", "Redaktorzy")
