# The product's image, for data centres that run containers (compose.yaml). The same image runs the web
# server (`nangsuat serve`) and the job queue's worker (`nangsuat worker`).
FROM python:3.11-slim-bookworm
RUN apt-get update \
    && apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-liberation postgresql-client \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --create-home --home-dir /srv/nangsuat nangsuat
WORKDIR /srv/nangsuat
COPY . /srv/nangsuat/app
RUN python -m venv .venv && .venv/bin/pip install --no-cache-dir ./app \
    && DJANGO_SETTINGS_MODULE=nangsuat.settings.test .venv/bin/nangsuat compilemessages_py \
    && mkdir -p var && chown nangsuat: var
USER nangsuat
ENV PATH=/srv/nangsuat/.venv/bin:$PATH NANGSUAT_VAR_DIR=/srv/nangsuat/var NANGSUAT_BIND=0.0.0.0:8000
EXPOSE 8000
CMD ["nangsuat", "serve"]
