import reversion
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from base import history
from base.admin import AttachmentInline, ContentAdmin
from base.models import RevisionNote
from news.models import Article, ArticleChange, ArticleImage, Category, PreviewLink


class ArticleImageFormSet(forms.BaseInlineFormSet):
    """A published article's images all need a text alternative (or "decorative"),
    and only one of them can be the main image."""

    def clean(self):
        super().clean()
        kept = [
            (number, form)
            for number, form in enumerate(self.forms, start=1)
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        mains = [f for _number, f in kept if f.cleaned_data.get("placement") == "main"]
        if len(mains) > 1:
            raise ValidationError(
                _(
                    "Tylko jedno zdjęcie może być zdjęciem głównym; pozostałe ustaw jako "
                    "„galeria”."
                )
            )
        if self.instance.status != Article.Status.PUBLISHED:
            return
        missing = []
        for number, form in kept:
            data = form.cleaned_data
            if data.get("is_decorative") or data.get("alt_text", "").strip():
                continue
            form.add_error(
                "alt_text",
                _("Wpisz, co przedstawia zdjęcie, albo zaznacz „dekoracyjne”."),
            )
            image = data.get("image")
            name = image.name.rsplit("/", 1)[-1] if image else _("bez pliku")
            missing.append(
                _("zdjęcie nr %(number)s (%(name)s)") % {"number": number, "name": name}
            )
        if missing:
            raise ValidationError(
                _(
                    "Nie można opublikować artykułu: brak tekstu alternatywnego dla: "
                    "%(photos)s. Opisz zdjęcie albo zaznacz „dekoracyjne”, albo zapisz "
                    "artykuł jako szkic."
                )
                % {"photos": ", ".join(missing)}
            )


class PublishedArticleInlineMixin:
    """Photos and attachments of a published article change with a publisher:
    an editor sees them, and their change to the text waits for acceptance
    (ArticleChange), which carries no rows."""

    def _locked(self, request, article):
        return article is not None and article.change_needs_review(request.user)

    def has_add_permission(self, request, obj):
        return not self._locked(request, obj) and super().has_add_permission(
            request, obj
        )

    def has_change_permission(self, request, obj=None):
        return not self._locked(request, obj) and super().has_change_permission(
            request, obj
        )

    def has_delete_permission(self, request, obj=None):
        return not self._locked(request, obj) and super().has_delete_permission(
            request, obj
        )


class ArticleAttachmentInline(PublishedArticleInlineMixin, AttachmentInline):
    relation = "attachments"


class ArticleImageInline(PublishedArticleInlineMixin, admin.StackedInline):
    relation = "images"
    model = ArticleImage
    formset = ArticleImageFormSet
    extra = 0
    fields = [
        "image",
        "preview",
        ("alt_text", "is_decorative"),
        ("caption", "credit"),
        ("placement", "position"),
    ]
    readonly_fields = ["preview"]

    @admin.display(description=_("Podgląd"))
    def preview(self, obj):
        if not obj.pk or not obj.image:
            return "—"
        smallest = obj.renditions["jpg"][0]
        return format_html(
            '<img src="{}" alt="{}" width="200" height="{}">',
            smallest.url,
            obj.alt,
            round(smallest.height * 200 / smallest.width),
        )


@admin.register(Category)
class CategoryAdmin(ContentAdmin):
    presence_object = _("tę kategorię")
    list_display = ["name", "slug"]
    list_filter = []
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ("name",)}


#: The buttons of the article form's workflow (name in POST → model method).
TRANSITIONS = {
    "_submit_review": "submit_for_review",
    "_withdraw_review": "withdraw_from_review",
    "_publish": "publish",
    "_return": "return_to_author",
    "_unpublish": "unpublish",
}
#: What each step of the workflow did, said to the person who took it and kept
#: in the article's history.
STEP_DONE = {
    "submit_for_review": _("Wysłano do akceptacji"),
    "withdraw_from_review": _("Wycofano z akceptacji"),
    "publish": _("Opublikowano"),
    "return_to_author": _("Zwrócono do poprawy z uwagami"),
    "unpublish": _("Wycofano z publikacji"),
}
#: What only a publisher may send: any of these in an editor's POST is refused.
PUBLISHER_ONLY = {
    "status",
    "published_at_0",
    "published_at_1",
    "published_until_0",
    "published_until_1",
    "is_featured",
    "featured_until_0",
    "featured_until_1",
    "review_note",
    "_publish",
    "_return",
    "_unpublish",
}


class ArticleAdminForm(forms.ModelForm):
    #: Set by ArticleAdmin.get_form: who is saving and which button they pressed.
    user = None
    transition = None
    #: The workflow step this save takes (a STEP_DONE key), if any.
    step = None

    class Meta:
        model = Article
        fields = [
            "title",
            "lead",
            "body",
            "status",
            "published_at",
            "published_until",
            "category",
            "is_featured",
            "featured_until",
            "review_note",
            "slug",
        ]
        widgets = {
            "lead": forms.Textarea(attrs={"rows": 3, "maxlength": 300}),
            "review_note": forms.Textarea(attrs={"rows": 3}),
        }

    def _post_clean(self):
        status_before = self.instance.status
        super()._post_clean()
        if self.errors or self.user is None:
            return
        article = self.instance
        try:
            if self.transition == "return_to_author":
                article.return_to_author(
                    self.user, self.cleaned_data.get("review_note")
                )
                self.step = self.transition
            elif self.transition:
                getattr(article, self.transition)(self.user)
                self.step = self.transition
            elif (
                article.status == Article.Status.PUBLISHED
                and status_before != Article.Status.PUBLISHED
            ):
                article.publish(self.user)  # chosen in the status list
                self.step = "publish"
            elif (
                article.status != Article.Status.PUBLISHED
                and status_before == Article.Status.PUBLISHED
            ):
                article.status = status_before
                article.unpublish(self.user)
                article.status = self.cleaned_data["status"]
                self.step = "unpublish"
        except ValidationError as error:
            self._update_errors(error)
        except PermissionDenied as error:
            self.add_error(None, str(error))


class PublicationFilter(admin.SimpleListFilter):
    """The states of the status column, each through its QuerySet method."""

    title = _("stan publikacji")
    parameter_name = "stan"
    STATES = {
        "szkic": (_("szkice"), "drafts"),
        "akceptacja": (_("do akceptacji"), "in_review"),
        "zaplanowany": (_("zaplanowane"), "scheduled"),
        "opublikowany": (_("opublikowane"), "published"),
        "archiwum": (_("archiwum (po końcu publikacji)"), "archived"),
    }

    def lookups(self, request, model_admin):
        return [(value, label) for value, (label, _method) in self.STATES.items()]

    def queryset(self, request, queryset):
        if self.value() in self.STATES:
            return getattr(queryset, self.STATES[self.value()][1])()
        return queryset


@admin.register(Article)
class ArticleAdmin(ContentAdmin):
    presence_object = _("ten artykuł")
    form = ArticleAdminForm
    list_display = ["title", "publication", "category", "author"]
    list_filter = [PublicationFilter, "category", "is_featured", "published_at"]
    list_select_related = ["category", "author"]
    search_fields = ["title", "lead", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ("title",)}
    inlines = [ArticleImageInline, ArticleAttachmentInline]
    fieldsets = [
        (None, {"fields": ["title", "lead", "body"]}),
        (
            _("Publikacja"),
            {
                "fields": [
                    "status",
                    ("published_at", "published_until"),
                    "category",
                    ("is_featured", "featured_until"),
                    "review_note",
                ]
            },
        ),
        (_("Adres strony"), {"classes": ["collapse"], "fields": ["slug"]}),
    ]
    publishing_fields = [
        "status",
        "published_at",
        "published_until",
        "is_featured",
        "featured_until",
        "review_note",
    ]
    restore_keeps = publishing_fields
    public_change_log = True
    actions = ["publish_selected", "unpublish_selected", "submit_selected"]
    change_form_template = "admin/news/article/change_form.html"

    def is_public(self, obj):
        return obj.is_live

    def changes_need_review(self, request, obj):
        return obj.change_needs_review(request.user)

    @admin.display(description=_("Stan"), ordering="published_at")
    def publication(self, obj):
        return obj.publication_label

    def autocomplete_label(self, obj):
        # Pickers (e.g. an award's articles) mark what residents cannot see.
        return obj.label_with_state

    def get_readonly_fields(self, request, obj=None):
        # Editors ("Redaktorzy") write and send for review; publishing, its
        # dates and the publisher's notes need news.publish_article.
        if Article.may_publish(request.user):
            return []
        return self.publishing_fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        pressed = [name for name in TRANSITIONS if name in request.POST]
        return type(
            form.__name__,
            (form,),
            {
                "user": request.user,
                "transition": TRANSITIONS[pressed[0]] if pressed else None,
            },
        )

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and not Article.may_publish(request.user):
            refused = sorted(PUBLISHER_ONLY & set(request.POST))
            if refused:
                # The editor's form has none of these: a crafted request.
                messages.error(
                    request,
                    _(
                        "Nie masz uprawnień do publikowania, planowania ani "
                        "wycofywania artykułów; to robi wydawca. Nic nie zostało "
                        "zapisane."
                    ),
                )
                return HttpResponseRedirect(request.get_full_path())
        return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        # Only who and where: the rules (workflow steps, slug redirects, …)
        # live on the model.
        if not change:
            obj.author = request.user
        if change and obj.change_needs_review(request.user):
            values = {
                name: getattr(obj, name)
                for name in ArticleChange.FIELDS
                if name.removesuffix("_id") in form.changed_data
            }
            if values:
                ArticleChange.propose(
                    Article.objects.get(pk=obj.pk),
                    request.user,
                    values,
                    form.cleaned_data.get("change_note", ""),
                    is_major=form.cleaned_data.get("change_kind") == "major",
                )
                request.proposed_change = True
            return  # residents keep the published version
        super().save_model(request, obj, form, change)
        request.workflow_step = getattr(form, "step", None)

    def _say_step(self, request, entry):
        # The history says the workflow step in words, then what changed.
        step = getattr(request, "workflow_step", None)
        if step and reversion.is_active():
            reversion.set_comment(f"{STEP_DONE[step]}. {entry.get_change_message()}")
        return entry

    def log_addition(self, request, obj, message):
        return self._say_step(request, super().log_addition(request, obj, message))

    def log_change(self, request, obj, message):
        return self._say_step(request, super().log_change(request, obj, message))

    def _step_done(self, request, obj):
        """After a workflow button: what happened, in words, and the list."""
        step = getattr(request, "workflow_step", None)
        if not step:
            return None
        messages.success(
            request,
            _("%(done)s: „%(article)s”.") % {"done": STEP_DONE[step], "article": obj},
        )
        return HttpResponseRedirect(reverse("admin:news_article_changelist"))

    def response_add(self, request, obj, post_url_continue=None):
        done = self._step_done(request, obj)
        return done or super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        done = self._step_done(request, obj)
        if done:
            return done
        if getattr(request, "proposed_change", False):
            messages.info(
                request,
                _(
                    "Zmiana artykułu „%(article)s” czeka na akceptację wydawcy. "
                    "Mieszkańcy widzą dotychczasową wersję do czasu akceptacji."
                )
                % {"article": obj},
            )
            return HttpResponseRedirect(reverse("admin:news_article_changelist"))
        return super().response_change(request, obj)

    def change_form_warnings(self, obj):
        warnings = super().change_form_warnings(obj)
        if obj.status == Article.Status.DRAFT and obj.review_note:
            warnings.append(
                _("Wydawca zwrócił artykuł do poprawy: %(note)s")
                % {"note": obj.review_note}
            )
        for change in obj.changes.all()[:5]:
            if change.is_pending:
                warnings.append(
                    _(
                        "Czeka na akceptację zmiana od %(person)s z %(date)s (lista: "
                        "Start → Czeka na akceptację)."
                    )
                    % {
                        "person": history.person(change.author),
                        "date": f"{change.created_at:%d.%m.%Y %H:%M}",
                    }
                )
            elif change.state == ArticleChange.State.REJECTED and change.decision_note:
                warnings.append(
                    f"Odrzucona zmiana od {history.person(change.author)}: "
                    f"{change.decision_note}"
                )
        return warnings

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        if obj is None or not obj.change_needs_review(request.user):
            return inlines
        # An editor and a published article: photos and attachments are the
        # publisher's; an empty box to look at says nothing (form_top does).
        return [inline for inline in inlines if getattr(obj, inline.relation).exists()]

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        article = obj or Article()
        user = request.user
        context.update(
            media_locked=obj is not None and obj.change_needs_review(user),
            may_publish=Article.may_publish(user),
            can_submit=article.status == Article.Status.DRAFT,
            can_withdraw=article.status == Article.Status.REVIEW
            and (article.submitted_by_id == user.pk or Article.may_publish(user)),
            in_review=article.status == Article.Status.REVIEW,
            is_published=article.status == Article.Status.PUBLISHED,
            pending_changes=list(article.changes.pending()) if obj else [],
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    # --- list actions: only for who may, with how many changed -------------

    def has_publish_permission(self, request):
        return Article.may_publish(request.user)

    def has_review_permission(self, request):
        return request.user.has_perm("news.change_article")

    def _apply(self, request, queryset, method, done, skipped_reason):
        changed = 0
        for article in queryset:
            if method == "publish" and article.images_without_alt().exists():
                continue  # the form names each photo; a list action cannot
            try:
                getattr(article, method)(request.user)
                article.full_clean()
            except (ValidationError, PermissionDenied):
                continue
            with self.create_revision(request):
                article.save()
            changed += 1
        skipped = queryset.count() - changed
        message = _("%(done)s: %(changed)d z %(total)d.") % {
            "done": done,
            "changed": changed,
            "total": changed + skipped,
        }
        if skipped:
            message += " " + _("Pominięto %(count)d (%(reason)s).") % {
                "count": skipped,
                "reason": skipped_reason,
            }
        self.message_user(
            request, message, messages.SUCCESS if changed else messages.WARNING
        )

    @admin.action(description=_("Opublikuj zaznaczone"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._apply(
            request,
            queryset.exclude(status=Article.Status.PUBLISHED),
            "publish",
            _("Opublikowano"),
            _("zdjęcie bez tekstu alternatywnego: otwórz artykuł i opisz je"),
        )

    @admin.action(
        description=_("Wycofaj z publikacji zaznaczone"), permissions=["publish"]
    )
    def unpublish_selected(self, request, queryset):
        self._apply(
            request,
            queryset.filter(status=Article.Status.PUBLISHED),
            "unpublish",
            _("Wycofano z publikacji"),
            "",
        )

    @admin.action(
        description=_("Wyślij do akceptacji zaznaczone"), permissions=["review"]
    )
    def submit_selected(self, request, queryset):
        self._apply(
            request,
            queryset.filter(status=Article.Status.DRAFT),
            "submit_for_review",
            _("Wysłano do akceptacji"),
            "",
        )

    # --- a publisher decides on an editor's change of a published article ---

    def change_review_view(self, request, object_id, change_id):
        article = self.get_object(request, object_id)
        if article is None:
            raise Http404
        if not Article.may_publish(request.user):
            raise PermissionDenied
        change = get_object_or_404(ArticleChange, pk=change_id, article=article)
        error = ""
        if request.method == "POST" and change.is_pending:
            note = request.POST.get("decision_note", "")
            try:
                with self.create_revision(request):
                    if "_accept" in request.POST:
                        kind = request.POST.get("change_kind")
                        change.accept(
                            request.user,
                            note,
                            is_major={"major": True, "minor": False}.get(kind),
                        )
                        reversion.add_meta(
                            RevisionNote,
                            is_major=change.is_major,
                            text=change.note or note,
                        )
                        reversion.set_comment(
                            _("Zaakceptowano zmianę od %(person)s.")
                            % {"person": history.person(change.author)}
                        )
                    else:
                        change.reject(request.user, note)
            except ValidationError as problem:
                error = " ".join(problem.messages)
            else:
                if "_accept" in request.POST:
                    done = _("Zmiana artykułu „%(article)s” zaakceptowana.")
                else:
                    done = _("Zmiana artykułu „%(article)s” odrzucona.")
                messages.success(request, done % {"article": article})
                return HttpResponseRedirect(reverse("admin:index"))
        live = {name: getattr(article, name) for name in ArticleChange.FIELDS}
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Zmiana do akceptacji: {article}",
            "article": article,
            "change": change,
            "changes": history.compare_values(Article, live, {**live, **change.values}),
            "error": error,
            "public": article.is_live,
        }
        return TemplateResponse(
            request, "admin/news/article/change_review.html", context
        )

    def preview_links_view(self, request, object_id):
        """A publisher's signed links for reviewers without an account: create
        one (valid 7 days) or revoke one."""
        article = self.get_object(request, object_id)
        if article is None:
            raise Http404
        if not Article.may_publish(request.user):
            raise PermissionDenied
        if request.method == "POST":
            if "_create" in request.POST:
                link = PreviewLink.create_for(article, request.user)
                messages.success(
                    request,
                    _(
                        "Utworzono link do podglądu ważny do %(date)s. Skopiuj go z "
                        "listy poniżej."
                    )
                    % {"date": f"{timezone.localtime(link.expires_at):%d.%m.%Y %H:%M}"},
                )
            elif request.POST.get("revoke", "").isdigit():
                link = get_object_or_404(
                    article.preview_links, pk=int(request.POST["revoke"])
                )
                link.revoke(request.user)
                messages.success(request, _("Link unieważniony: już nie działa."))
            return HttpResponseRedirect(request.path)
        links = [
            (link, request.build_absolute_uri(link.get_absolute_url()))
            for link in article.preview_links.all()
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Linki do podglądu: %(article)s") % {"article": article},
            "article": article,
            "links": links,
        }
        return TemplateResponse(
            request, "admin/news/article/preview_links.html", context
        )

    def get_urls(self):
        return [
            path(
                "<path:object_id>/podglad/",
                self.admin_site.admin_view(self.preview_links_view),
                name="news_article_preview_links",
            ),
            path(
                "<path:object_id>/zmiany/<int:change_id>/",
                self.admin_site.admin_view(self.change_review_view),
                name="news_article_change_review",
            ),
            *super().get_urls(),
        ]
