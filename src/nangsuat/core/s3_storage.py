"""Uploads and drawn documents in a private bucket of an S3-compatible store (MinIO in a data centre,
or a cloud's object storage), chosen with ``MEDIA_STORAGE=s3`` (``docs/deploy.md``).

Needs the optional extra ``nangsuat[s3]`` (django-storages with boto3). The bucket stays private: every
object is written with the ``private`` ACL, names are never overwritten, and the storage hands out no
signed or public URL (``FaultTolerantStorage.url``): files go out only through the permission-checked
views, which stream them from ``storage.open``. A write the store refuses or cannot reach answers the
same clean 503 (507 when the store says it is full) as a full media folder, with the request's files
removed."""

from __future__ import annotations

import errno

from boto3.exceptions import Boto3Error
from botocore.exceptions import BotoCoreError, ClientError
from storages.backends.s3 import S3Storage

from .storage_faults import FaultTolerantStorage

#: error codes by which a store says it has no room (MinIO's, and a quota)
FULL_CODES = frozenset({"XMinioStorageFull", "QuotaExceeded", "XMinioAdminBucketQuotaExceeded"})


class ProtectedS3Storage(FaultTolerantStorage, S3Storage):
    default_acl = "private"
    querystring_auth = True
    file_overwrite = False
    write_errors = (OSError, BotoCoreError, ClientError, Boto3Error)

    def write_error_code(self, exc: BaseException) -> int:
        cause: BaseException | None = exc
        while cause is not None:
            if isinstance(cause, ClientError) and cause.response.get("Error", {}).get("Code") in FULL_CODES:
                return errno.ENOSPC
            cause = cause.__cause__ or cause.__context__
        if isinstance(exc, OSError) and exc.errno:
            return exc.errno
        return errno.EIO
