#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mops_site.settings")
    # manage.py is the developer's tool: without DJANGO_DEBUG it runs in development
    # mode. Production sets DJANGO_DEBUG=0 (the Docker image and .env.example do), and
    # gunicorn's entry point (wsgi.py) never defaults to debug.
    os.environ.setdefault("DJANGO_DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
