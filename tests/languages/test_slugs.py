import pytest

from languages.slugs import slugify_pl
from news.models import Article
from tests.factories import ArticleFactory


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Łódź", "lodz"),
        ("Mława", "mlawa"),
        ("ZAŻÓŁĆ GĘŚLĄ JAŹŃ", "zazolc-gesla-jazn"),
        ("zażółć gęślą jaźń", "zazolc-gesla-jazn"),
        ("Ośrodek: dyżur 24/7!", "osrodek-dyzur-247"),
    ],
)
def test_polish_letters_are_transliterated(title, slug):
    assert slugify_pl(title) == slug


@pytest.mark.django_db
def test_clashing_titles_get_numbered_slugs():
    first = Article.objects.create(title="Mława pomaga", lead="x")
    second = Article.objects.create(title="Mława pomaga", lead="x")
    third = Article.objects.create(title="Mława  pomaga!", lead="x")
    assert [first.slug, second.slug, third.slug] == [
        "mlawa-pomaga",
        "mlawa-pomaga-2",
        "mlawa-pomaga-3",
    ]


@pytest.mark.django_db
def test_a_slug_set_by_hand_is_kept_and_saving_again_keeps_it():
    article = ArticleFactory(title="Zimowy dyżur", slug="dyzur")
    article.title = "Zimowy dyżur – zmiana godzin"
    article.save()
    article.refresh_from_db()
    assert article.slug == "dyzur"


@pytest.mark.django_db
def test_a_title_without_latin_letters_still_gets_a_slug():
    assert Article.objects.create(title="Новини", lead="x").slug == "novyny"
    assert Article.objects.create(title="新闻 !!!", lead="x").slug == "artykul"


@pytest.mark.parametrize(
    ("ukrainian", "latin"),
    [
        # Examples from the 2010 resolution's table.
        ("Алушта", "alushta"),
        ("Борщагівка", "borshchahivka"),
        ("Вінниця", "vinnytsia"),
        ("Гадяч", "hadiach"),
        ("Згорани", "zghorany"),
        ("Ґалаґан", "galagan"),
        ("Єнакієве", "yenakiieve"),
        ("Гаєвич", "haievych"),
        ("Житомир", "zhytomyr"),
        ("Їжакевич", "yizhakevych"),
        ("Кадиївка", "kadyivka"),
        ("Йосипівка", "yosypivka"),
        ("Стрий", "stryi"),
        ("Олексій", "oleksii"),
        ("Харків", "kharkiv"),
        ("Біла Церква", "bila-tserkva"),
        ("Щербухи", "shcherbukhy"),
        ("Юрій", "yurii"),
        ("Корюківка", "koriukivka"),
        ("Яготин", "yahotyn"),
        ("Ічня", "ichnia"),
        ("Знам’янка", "znamianka"),
        ("Львів", "lviv"),
    ],
)
def test_ukrainian_titles_get_the_official_national_transliteration(ukrainian, latin):
    assert slugify_pl(ukrainian) == latin


@pytest.mark.django_db
def test_a_ukrainian_article_gets_a_latin_address():
    from tests.factories import ArticleFactory

    article = ArticleFactory(title="Допомога для громадян України", slug="")
    assert article.slug == "dopomoha-dlia-hromadian-ukrainy"
