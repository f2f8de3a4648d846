# The product's image, for data centres that run containers (compose.yaml). The same image runs the web
# server (`nangsuat serve`) and the job queue's worker (`nangsuat worker`).
FROM python:3.11-slim-bookworm
RUN apt-get update \
    && apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-liberation postgresql-client \
        python3-uno python3-venv \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --create-home --home-dir /srv/nangsuat nangsuat
WORKDIR /srv/nangsuat
COPY . /srv/nangsuat/app
# .venv-uno: Debian's Python, which sees python3-uno, runs the long-lived PDF converter (unoserver).
RUN python -m venv .venv && .venv/bin/pip install --no-cache-dir ./app \
    && /usr/bin/python3 -m venv --system-site-packages .venv-uno \
    && .venv-uno/bin/pip install --no-cache-dir "$(grep -o 'unoserver==[0-9.]*' app/pyproject.toml)" \
    && DJANGO_SETTINGS_MODULE=nangsuat.settings.test .venv/bin/nangsuat compilemessages_py \
    && mkdir -p var && chown nangsuat: var
USER nangsuat
ENV PATH=/srv/nangsuat/.venv/bin:$PATH NANGSUAT_VAR_DIR=/srv/nangsuat/var NANGSUAT_BIND=0.0.0.0:8000
EXPOSE 8000
CMD ["nangsuat", "serve"]
