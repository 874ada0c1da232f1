from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from base.views import ContentDetailView, may_preview
from pages.models import AccessibilityStatement, Page


class PageDetailView(ContentDetailView):
    model = Page


def accessibility_statement(request):
    statement = AccessibilityStatement.current()
    if statement is None:
        raise Http404(_("Deklaracja dostępności nie została jeszcze uzupełniona."))
    if not statement.is_published and not may_preview(request, AccessibilityStatement):
        # Until staff complete it (the e-mail the law requires), residents learn
        # how to reach the office about accessibility meanwhile.
        return render(request, "pages/accessibility_statement_pending.html")
    return render(
        request,
        "pages/accessibility_statement.html",
        {"statement": statement, "is_preview": not statement.is_published},
    )
