from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView

from accounts.two_factor import second_factor_done
from base.views import StaffPreviewMixin, TranslatedSlugMixin
from pages.models import AccessibilityStatement, Page


class PageDetailView(TranslatedSlugMixin, StaffPreviewMixin, DetailView):
    model = Page
    preview_permission = "pages.change_page"


def accessibility_statement(request):
    statement = AccessibilityStatement.current()
    if statement is None:
        raise Http404(_("Deklaracja dostępności nie została jeszcze uzupełniona."))
    may_preview = request.user.has_perm(
        "pages.change_accessibilitystatement"
    ) and second_factor_done(request)
    if not statement.is_published and not may_preview:
        # Until staff complete it (the e-mail the law requires), residents learn
        # how to reach the office about accessibility meanwhile.
        return render(request, "pages/accessibility_statement_pending.html")
    return render(
        request,
        "pages/accessibility_statement.html",
        {"statement": statement, "is_preview": not statement.is_published},
    )
