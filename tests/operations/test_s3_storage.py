"""Files in a private bucket of an S3-compatible store (``MEDIA_STORAGE=s3``), tried against a real S3 API
served in-process by moto: a document is written there privately and goes out only through the
permission-checked views; a backup and its restore round-trip the bucket; the clean-up walks it; the
readiness check probes it; a write it refuses is the same clean 503 with nothing left behind.

Skipped when moto (the dev extra) or django-storages (the ``s3`` extra) is not installed."""

import datetime as dt
import io
import json
import tarfile
import uuid

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from nangsuat.core.backups import MANIFEST, media_files
from nangsuat.documents.models import Document
from nangsuat.dossiers.states import State
from tests.api.conftest import ApiClient
from tests.dossiers.factories import make_dossier
from tests.operations.test_backups import installations  # noqa: F401 - the fixture
from tests.registry.factories import EnterpriseFactory, enterprise_user

moto_server = pytest.importorskip("moto.server", reason="moto[server] (dev extra) not installed")
pytest.importorskip("storages.backends.s3", reason="django-storages[s3] (extra s3) not installed")
boto3 = pytest.importorskip("boto3")

pytestmark = pytest.mark.django_db

KEYS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_S3_REGION_NAME": "us-east-1"}
PUBLIC_GRANTEES = ("AllUsers", "AuthenticatedUsers")


@pytest.fixture(scope="module")
def endpoint():
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


def _client(endpoint: str):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=KEYS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=KEYS["AWS_SECRET_ACCESS_KEY"],
        region_name=KEYS["AWS_S3_REGION_NAME"],
    )


def _new_bucket(endpoint: str) -> str:
    name = f"nangsuat-{uuid.uuid4().hex[:12]}"
    _client(endpoint).create_bucket(Bucket=name)
    return name


def _objects(endpoint: str, bucket: str) -> dict[str, bytes]:
    client = _client(endpoint)
    listed = client.list_objects_v2(Bucket=bucket).get("Contents", [])
    return {o["Key"]: client.get_object(Bucket=bucket, Key=o["Key"])["Body"].read() for o in listed}


def _use_bucket(settings, endpoint: str, bucket: str) -> None:
    for key, value in KEYS.items():
        setattr(settings, key, value)
    settings.AWS_S3_ENDPOINT_URL = endpoint
    settings.AWS_S3_ADDRESSING_STYLE = "path"
    settings.AWS_STORAGE_BUCKET_NAME = bucket
    # Set last: the storage is made again from the settings above.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "nangsuat.core.s3_storage.ProtectedS3Storage"},
    }


@pytest.fixture
def bucket(settings, endpoint):
    name = _new_bucket(endpoint)
    _use_bucket(settings, endpoint, name)
    return name


def _submit(dossier, user=None):
    return ApiClient(user or enterprise_user(dossier.enterprise)).post(
        f"/api/v1/dossiers/{dossier.pk}/transitions", {"action": "submit"}
    )


def test_a_document_is_private_in_the_bucket_and_served_only_through_the_checked_view(endpoint, bucket):
    dossier = make_dossier(state=State.DRAFT)
    user = enterprise_user(dossier.enterprise)
    assert _submit(dossier, user).status_code == 200
    document = Document.objects.get(dossier=dossier)
    stored = _objects(endpoint, bucket)
    assert document.file.name in stored and stored[document.file.name][:2] == b"PK"

    acl = _client(endpoint).get_object_acl(Bucket=bucket, Key=document.file.name)
    grantees = [g["Grantee"].get("URI", "") for g in acl["Grants"]]
    assert not [u for u in grantees if u.endswith(PUBLIC_GRANTEES)]  # no public read
    url = document.file.url  # never the store's own (signed) address
    assert url.startswith("/media/") and "amz" not in url.lower() and endpoint not in url
    assert Client().get(url).status_code == 404  # and nothing serves that path

    owner = Client()
    owner.force_login(user)
    response = owner.get(f"/documents/{document.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == stored[document.file.name]
    stranger = Client()
    stranger.force_login(enterprise_user(EnterpriseFactory(agency=dossier.agency)))
    assert stranger.get(f"/documents/{document.pk}/").status_code == 404
    assert Client().get(f"/documents/{document.pk}/").status_code == 302  # to the sign-in page


def test_a_write_the_store_refuses_is_a_clean_503_leaving_nothing(settings, endpoint, bucket):
    dossier = make_dossier(state=State.DRAFT)
    before = set(_objects(endpoint, bucket))  # the dossier's attachments
    _use_bucket(settings, endpoint, f"missing-{uuid.uuid4().hex[:8]}")  # the store refuses every write
    response = _submit(dossier)
    assert response.status_code == 503, response.content
    assert "không ghi được tệp" in response.json()["detail"]
    dossier.refresh_from_db()
    assert dossier.state == State.DRAFT and not Document.objects.filter(dossier=dossier).exists()

    _use_bucket(settings, endpoint, bucket)
    assert _submit(dossier).status_code == 200  # the store back: the same step goes through
    (slip,) = set(_objects(endpoint, bucket)) - before
    assert slip == Document.objects.get(dossier=dossier).file.name


def test_a_storage_full_answer_is_a_507(settings, endpoint, bucket, monkeypatch):
    from botocore.exceptions import ClientError
    from storages.backends.s3 import S3Storage

    def full(self, name, content):
        raise ClientError({"Error": {"Code": "XMinioStorageFull", "Message": "full"}}, "PutObject")

    dossier = make_dossier(state=State.DRAFT)
    monkeypatch.setattr(S3Storage, "_save", full)
    before = _objects(endpoint, bucket)
    response = _submit(dossier)
    assert response.status_code == 507 and "hết chỗ lưu tệp" in response.json()["detail"]
    assert _objects(endpoint, bucket) == before


def test_the_clean_up_walks_the_bucket(endpoint, bucket):
    dossier = make_dossier(state=State.DRAFT)
    assert _submit(dossier).status_code == 200
    kept = set(_objects(endpoint, bucket))  # the slip and the dossier's attachments
    orphan = default_storage.save("documents/2026/Tờ trình bị hủy.docx", ContentFile(b"left behind"))

    out = io.StringIO()
    call_command("clean_files", "--dry-run", stdout=out)
    assert "Có 0 tệp" in out.getvalue()  # too young: it may belong to a step still running

    from nangsuat.core.orphans import orphan_files, remove_orphans

    later = timezone.now() + dt.timedelta(hours=2)
    assert orphan_files(now=later) == [orphan]
    assert remove_orphans(now=later) == [orphan]
    assert set(_objects(endpoint, bucket)) == kept


def test_readyz_probes_the_bucket(settings, endpoint, bucket):
    response = Client().get("/readyz")
    assert response.status_code == 200, response.content
    assert response.json()["checks"]["media"] is True and response.json()["checks"]["disk"] is True
    assert _objects(endpoint, bucket) == {}  # the probe deleted

    _use_bucket(settings, endpoint, f"missing-{uuid.uuid4().hex[:8]}")
    response = Client().get("/readyz")
    assert response.status_code == 503 and response.json()["checks"]["media"] is False


SEED = (
    "import django; django.setup();"
    "from django.core.files.base import ContentFile;"
    "from django.core.files.storage import default_storage as s;"
    "from nangsuat.core.roles import Role; from django.contrib.auth import get_user_model;"
    "get_user_model().objects.create_user(username='can-bo', password='x', role=Role.OFFICER);"
    "[s.save(n, ContentFile(c)) for n, c in ["
    "('documents/2026/01-TNHS-SKHCN.docx', b'PK slip'),"
    "('dossiers/12/Báo cáo tài chính.pdf', b'%PDF report'),"
    "('photos/a.png', bytes(range(256)) * 40)]]"
)


def test_a_backup_of_a_bucket_restores_into_an_empty_bucket(installations, endpoint, tmp_path):  # noqa: F811
    def in_bucket(installation, bucket):
        installation.env.update(
            KEYS,
            MEDIA_STORAGE="s3",
            AWS_STORAGE_BUCKET_NAME=bucket,
            AWS_S3_ENDPOINT_URL=endpoint,
        )
        return installation

    source_bucket, target_bucket = _new_bucket(endpoint), _new_bucket(endpoint)
    source = in_bucket(installations("source"), source_bucket)
    source.run("migrate", "--noinput", "-v0")
    source.run("shell", "-c", SEED)
    before = source.counts_and_files()
    assert len(before["files"]) == 3 and before["counts"]["core_user"] == 1

    archive = tmp_path / "nangsuat.tar.gz"
    assert "Đã sao lưu" in source.run("backup", str(archive)).stdout
    with tarfile.open(archive) as tar:
        manifest = json.loads(tar.extractfile(MANIFEST).read())
        assert tar.extractfile("media/dossiers/12/Báo cáo tài chính.pdf").read() == b"%PDF report"
    assert manifest["files"] == before["files"]

    target = in_bucket(installations("target"), target_bucket)
    result = target.run("restore", str(archive))
    assert "Đã khôi phục và đối chiếu" in result.stdout, result.stderr
    assert target.counts_and_files() == before
    assert _objects(endpoint, target_bucket) == _objects(endpoint, source_bucket)

    again = target.run("restore", str(archive), check=False)
    assert again.returncode != 0


def test_media_files_reads_the_bucket(endpoint, bucket):
    default_storage.save("a/b.txt", ContentFile(b"x"))
    assert list(media_files()) == ["a/b.txt"]


def test_a_store_that_cannot_be_read_is_a_clean_503(endpoint, bucket, monkeypatch):
    from botocore.exceptions import EndpointConnectionError
    from storages.backends.s3 import S3Storage

    dossier = make_dossier(state=State.DRAFT)
    user = enterprise_user(dossier.enterprise)
    assert _submit(dossier, user).status_code == 200
    document = Document.objects.get(dossier=dossier)

    def unreachable(self, name, mode="rb"):
        raise EndpointConnectionError(endpoint_url=endpoint)

    monkeypatch.setattr(S3Storage, "_open", unreachable)
    page = Client()
    page.force_login(user)
    response = page.get(f"/documents/{document.pk}/")
    assert response.status_code == 503 and "không đọc được tệp" in response.content.decode()
    api = ApiClient(user).get(f"/api/v1/documents/{document.pk}/docx")
    assert api.status_code == 503 and "không đọc được tệp" in api.json()["detail"]
