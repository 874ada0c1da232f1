"""The panel answers only allowed networks when a list is set."""

import ipaddress

from django.conf import settings
from django.shortcuts import render


def client_address(request):
    """The client's address as django-axes reads it (django-ipware, with the
    configured number of trusted proxies), so a client cannot forge it."""
    from axes.helpers import get_client_ip_address

    return get_client_ip_address(request)


class AdminNetworkMiddleware:
    """With ``ADMIN_ALLOWED_NETWORKS`` set, the panel (its login and password
    reset included) answers 403 to any other address; nginx enforces the same
    list in front (deploy/nginx-admin-access.sh). Empty: no restriction."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.ADMIN_URL

    def __call__(self, request):
        networks = settings.ADMIN_ALLOWED_NETWORKS
        if (
            networks
            and request.path.startswith(self.admin_prefix)
            and not self.allowed(client_address(request), networks)
        ):
            return render(request, "403_admin.html", status=403)
        return self.get_response(request)

    @staticmethod
    def allowed(address, networks):
        try:
            address = ipaddress.ip_address(address or "")
        except ValueError:
            return False
        return any(address in network for network in networks)
