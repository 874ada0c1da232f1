from django.http import Http404
from django.shortcuts import render
from django.views.generic import DetailView

from base.views import StaffPreviewMixin
from pages.models import AccessibilityStatement, Page


class PageDetailView(StaffPreviewMixin, DetailView):
    model = Page
    preview_permission = "pages.change_page"


def accessibility_statement(request):
    statement = AccessibilityStatement.current()
    if statement is None:
        raise Http404("Deklaracja dostępności nie została jeszcze uzupełniona.")
    return render(
        request, "pages/accessibility_statement.html", {"statement": statement}
    )
