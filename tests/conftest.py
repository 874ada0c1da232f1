import pytest


@pytest.fixture(autouse=True)
def fast_and_isolated(settings, tmp_path):
    """Test-only settings: quick hashing, uploads in a temp dir, e-mail in memory."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }


@pytest.fixture
def publisher(django_user_model):
    """A staff member in the "Wydawcy" group (created by migrations)."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        "wydawca", password="haslo-testowe", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Wydawcy"))
    return user


@pytest.fixture
def editor(django_user_model):
    """A staff member in the "Redaktorzy" group: prepares drafts, cannot publish."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        "redaktor", password="haslo-testowe", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Redaktorzy"))
    return user
