"""Staff open what they made and save it again: stored files are not re-checked."""

import pytest

from awards.models import Issuer
from news.models import Article, ArticleImage
from tests import samples
from tests.admin_forms import ARTICLE_IMAGES, AdminForm, form_errors
from tests.factories import ArticleFactory, IssuerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def photo_article(django_capture_on_commit_callbacks):
    article = ArticleFactory(draft=True)
    with django_capture_on_commit_callbacks(execute=True):
        ArticleImage.objects.create(
            article=article, image=samples.jpeg(), alt_text="Sala", placement="main"
        )
    return article


def test_saving_an_article_with_a_photo_again_keeps_it(
    client, publisher, photo_article
):
    client.force_login(publisher)
    url = f"/admin/news/article/{photo_article.pk}/change/"
    form = AdminForm.open(client, url)
    assert form.initial_rows(ARTICLE_IMAGES) == 1
    name = photo_article.images.get().image.name
    response = form.set(lead="Nowa zajawka.").post()
    assert response.status_code == 302, form_errors(response)
    photo_article.refresh_from_db()
    assert photo_article.lead == "Nowa zajawka."
    assert photo_article.images.get().image.name == name


def test_publishing_a_draft_with_a_photo(client, publisher, photo_article):
    client.force_login(publisher)
    url = f"/admin/news/article/{photo_article.pk}/change/"
    response = AdminForm.open(client, url).set(status="published").post()
    assert response.status_code == 302, form_errors(response)
    assert Article.objects.published().filter(pk=photo_article.pk).exists()


def test_saving_an_issuer_with_a_logo_again(client, publisher):
    issuer = IssuerFactory(logo=samples.jpeg("logo.jpg", size=(300, 200)))
    client.force_login(publisher)
    url = f"/admin/awards/issuer/{issuer.pk}/change/"
    response = AdminForm.open(client, url).set(description="Opis.").post()
    assert response.status_code == 302, form_errors(response)
    issuer = Issuer.objects.get()
    assert issuer.description == "Opis."
    assert (issuer.logo_width, issuer.logo_height) == (300, 200)


def test_a_new_file_on_an_existing_row_is_still_checked(
    client, publisher, photo_article
):
    client.force_login(publisher)
    url = f"/admin/news/article/{photo_article.pk}/change/"
    kept = photo_article.images.get().image.name
    form = AdminForm.open(client, url)
    form.set_row(ARTICLE_IMAGES, 0, image=samples.upload("zle.jpg", b"<?php ?>"))
    response = form.post()
    assert response.status_code == 200
    [errors] = response.context["inline_admin_formsets"][0].formset.errors
    assert [e.code for e in errors.as_data()["image"]] == ["invalid_image"]
    assert photo_article.images.get().image.name == kept


def test_a_stored_file_is_not_read_again_on_save(client, publisher, photo_article):
    """Even a photo whose file went missing on disk does not stop a text edit."""
    image = photo_article.images.get()
    image.image.storage.delete(image.image.name)
    client.force_login(publisher)
    url = f"/admin/news/article/{photo_article.pk}/change/"
    response = AdminForm.open(client, url).set(title="Poprawiony tytuł").post()
    assert response.status_code == 302, form_errors(response)
