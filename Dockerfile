# The MOPS site: gunicorn serving Django; WhiteNoise serves the static files.
# Build: docker compose build     Run: docker compose up -d     (docs/deployment.md)

# --- build stage: compile and install the dependencies into a virtualenv -----------
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
COPY requirements.txt /tmp/requirements.txt
RUN /opt/venv/bin/pip install -r /tmp/requirements.txt

# --- run stage: the application, as a user without privileges ----------------------
FROM python:3.11-slim
ENV PATH="/opt/venv/bin:$PATH" \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=mops_site.settings \
    DJANGO_DEBUG=0 \
    MEDIA_ROOT=/app/media \
    DJANGO_STATIC_ROOT=/app/staticfiles

RUN groupadd --system app && useradd --system --gid app --home-dir /app app
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
COPY --chown=app:app . /app

# Hashed, compressed static files, collected once at build time. The values here
# only let the settings load; the real ones come from the environment at run time.
RUN DJANGO_SECRET_KEY=build-only DJANGO_ALLOWED_HOSTS=build.invalid \
    python manage.py collectstatic --noinput \
    && mkdir -p /app/media && chown app:app /app/media

USER app
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "deploy/healthcheck.py"]
ENTRYPOINT ["sh", "deploy/entrypoint.sh"]
