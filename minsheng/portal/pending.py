"""A submission between "fill in" and "confirm": nothing is registered yet, so the details wait in the
session (encrypted, like the ID numbers at rest) and the checked files in a private folder named by a
random token held only in that session. Folders left behind by people who walked away are removed."""

import json
import secrets
import shutil
import time
from pathlib import Path

from django.conf import settings
from django.core.files import File

from minsheng.lib import crypto

SESSION_KEY = "portal_pending"
FIELDS = ("name", "id_number", "phone", "address", "title", "content", "demands", "township", "place")
MAX_AGE = 2 * 60 * 60


def _root() -> Path:
    return Path(settings.MEDIA_ROOT) / "portal-pending"


def sweep() -> None:
    root = _root()
    if not root.is_dir():
        return
    cutoff = time.time() - MAX_AGE
    for folder in root.iterdir():
        if folder.is_dir() and folder.stat().st_mtime < cutoff:
            shutil.rmtree(folder, ignore_errors=True)


def save(session, *, fields: dict, uploads: list) -> None:
    discard(session)
    sweep()
    token = secrets.token_hex(16)
    folder = _root() / token
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for index, upload in enumerate(uploads):
        upload.seek(0)
        with open(folder / str(index), "wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        files.append({"name": upload.name[:200], "size": upload.size})
    blob = json.dumps({"fields": fields, "files": files, "token": token, "at": time.time()})
    session[SESSION_KEY] = crypto.encrypt(blob)


def load(session) -> dict | None:
    raw = session.get(SESSION_KEY)
    if not raw:
        return None
    data = json.loads(crypto.decrypt(raw))
    if time.time() - data["at"] > MAX_AGE or not (_root() / data["token"]).is_dir():
        discard(session)
        return None
    return data


def open_files(data: dict) -> list[File]:
    folder = _root() / data["token"]
    return [File(open(folder / str(i), "rb"), name=f["name"]) for i, f in enumerate(data["files"])]


def discard(session) -> None:
    raw = session.pop(SESSION_KEY, None)
    if raw:
        try:
            token = json.loads(crypto.decrypt(raw))["token"]
        except Exception:
            return
        shutil.rmtree(_root() / token, ignore_errors=True)
