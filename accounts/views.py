"""Staff password reset: Django's, its e-mail sent after the answer."""

from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.core.mail import EmailMultiAlternatives
from django.template import loader

from accounts.mail import send_later


class StaffPasswordResetForm(auth_forms.PasswordResetForm):
    """Django's form, its message sent after the answer (accounts.mail)."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        subject = "".join(
            loader.render_to_string(subject_template_name, context).splitlines()
        )
        body = loader.render_to_string(email_template_name, context)
        message = EmailMultiAlternatives(subject, body, from_email, [to_email])
        if html_email_template_name is not None:
            html = loader.render_to_string(html_email_template_name, context)
            message.attach_alternative(html, "text/html")
        send_later(message)


class StaffPasswordResetView(auth_views.PasswordResetView):
    """Django's password reset for staff. The answer never waits for the mail
    server (a hanging one would hold the worker) and never tells whether an
    address exists; a message that could not be sent is logged."""

    form_class = StaffPasswordResetForm
