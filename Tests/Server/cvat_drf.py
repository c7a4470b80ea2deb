#!/usr/bin/env python3
"""A fake CVAT server on Django + Django REST framework, for the high-level tests (CVATKit and
the differential against cvat_sdk.core).

Requests are parsed by DRF itself, through serializers that declare CVAT's fields the way
`cvat/apps/engine/serializers.py` does (a nested `many=True` serializer reads a multipart list
only under indexed names, `client_files[0]`; booleans, nulls and lists as DRF reads them), and
served by Django's WSGI handler, which — like CVAT under WSGI — cannot read a chunked body. Task
data arrives as CVAT's `UploadMixin` takes it: `Upload-Start`, `Upload-Multiple` bulk requests,
TUS (`Upload-Length` to create, `PATCH` with `Upload-Offset`, `HEAD`), `Upload-Finish`; or JSON
with `remote_files`/`server_files`. Background requests (`rq_id`) finish after as many polls as
the test asks for (`POST /__control {"polls_before_finish": n}`). State lives in memory. Every
response body is validated against the CVAT 2.72 schema before it is sent (fake_cvat.validate).

Test routes: `GET /__log` (every request: method, path, query, the headers CVAT reads, the body
as JSON, multipart parts or a digest), `POST /__reset`, `POST /__control`, `GET /__state`.

Usage: cvat_drf.py SCHEMA.json   (prints "PORT <n>"; stops when stdin closes). Needs Django and
djangorestframework (make fake-cvat: a virtualenv under ~/.cache/specforge).
"""

import base64
import datetime
import hashlib
import io
import itertools
import json
import os
import re
import shutil
import sys
import tempfile
import threading
import urllib.parse
import uuid
import zipfile
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import django
from django.conf import settings

settings.configure(
    DEBUG=False,
    SECRET_KEY="fake-cvat",
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=["*"],
    INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "rest_framework"],
    DATABASES={},
    MIDDLEWARE=[],
    APPEND_SLASH=False,
    # Files over 256 KB go to disk while a request is parsed, as on a real server.
    FILE_UPLOAD_MAX_MEMORY_SIZE=256 * 1024,
    DATA_UPLOAD_MAX_MEMORY_SIZE=None,
    DATA_UPLOAD_MAX_NUMBER_FIELDS=None,
    USE_TZ=True,
    REST_FRAMEWORK={
        "DEFAULT_AUTHENTICATION_CLASSES": [],
        "DEFAULT_PERMISSION_CLASSES": [],
        "UNAUTHENTICATED_USER": None,
        "DEFAULT_PARSER_CLASSES": [
            "rest_framework.parsers.JSONParser",
            "rest_framework.parsers.FormParser",
            "rest_framework.parsers.MultiPartParser",
        ],
        # CVAT's renderer answers `application/vnd.cvat+json` (what its clients ask for first).
        "DEFAULT_RENDERER_CLASSES": ["__main__.CVATJSONRenderer", "rest_framework.renderers.JSONRenderer"],
        "EXCEPTION_HANDLER": "rest_framework.views.exception_handler",
        # As CVAT's settings: `?format=` names an annotation format, not a renderer.
        "URL_FORMAT_OVERRIDE": None,
    },
)
django.setup()

from django.http import HttpResponse, JsonResponse  # noqa: E402
from django.urls import re_path  # noqa: E402
from rest_framework.renderers import JSONRenderer  # noqa: E402


class CVATJSONRenderer(JSONRenderer):
    """Defined before the views are imported: DRF reads its renderer classes then."""

    media_type = "application/vnd.cvat+json"


from rest_framework import serializers  # noqa: E402
from rest_framework.decorators import api_view  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fake_cvat  # noqa: E402  (the schema validator and the response shapes)

LOCK = threading.RLock()
UPLOADS = tempfile.mkdtemp(prefix="fake-cvat-uploads-")
ADMIN = {"username": "admin", "password": "secret"}
SESSION, CSRF, PAT = "session-" + uuid.uuid4().hex, "csrf-" + uuid.uuid4().hex, "pat-" + uuid.uuid4().hex


def touch(task):
    """What CVAT does to a task that changes (its fields, data or annotations): a later
    `updated_date`, which clients' caches compare."""
    STATE["clock"] += 1
    moment = datetime.datetime(2026, 11, 23, 10, 0, 1) + datetime.timedelta(seconds=STATE["clock"])
    task["updated_date"] = moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def fresh_state():
    return {
        "log": [], "tasks": {}, "projects": {}, "jobs": {}, "requests": {}, "uploads": {},
        "issues": {}, "comments": {}, "organizations": {}, "clock": 0,
        "ids": itertools.count(1), "polls_before_finish": 2, "version": "2.72.0",
        # PATCH numbers (1, 2, …) answered 500 without keeping the chunk, as when a proxy drops it.
        "fail_patches": [], "patches": 0, "export_size": 64 * 1024,
    }


STATE = fresh_state()


# ---------------------------------------------------------------------------
# Serializers: CVAT's fields, as serializers.py declares them


class AttributeSerializer(serializers.Serializer):
    id = serializers.IntegerField(required=False)
    name = serializers.CharField(max_length=64)
    mutable = serializers.BooleanField()
    input_type = serializers.ChoiceField(choices=["checkbox", "radio", "number", "text", "select"])
    default_value = serializers.CharField(max_length=128, allow_blank=True, required=False)
    values = serializers.ListField(child=serializers.CharField(allow_blank=True, max_length=200), allow_empty=True)


LABEL_TYPES = ["any", "cuboid", "ellipse", "mask", "points", "polygon", "polyline", "rectangle", "skeleton", "tag"]


class SublabelSerializer(serializers.Serializer):
    id = serializers.IntegerField(required=False)
    name = serializers.CharField(max_length=64)
    color = serializers.CharField(allow_blank=True, required=False)
    attributes = AttributeSerializer(many=True, default=[])
    type = serializers.ChoiceField(choices=LABEL_TYPES, required=False)


class LabelSerializer(SublabelSerializer):
    deleted = serializers.BooleanField(required=False, write_only=True)
    sublabels = SublabelSerializer(many=True, required=False)


class StorageSerializer(serializers.Serializer):
    location = serializers.ChoiceField(choices=["cloud_storage", "local"], required=False)
    cloud_storage_id = serializers.IntegerField(allow_null=True, required=False)


class TaskWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=256)
    project_id = serializers.IntegerField(required=False, allow_null=True)
    owner_id = serializers.IntegerField(write_only=True, allow_null=True, required=False)
    assignee_id = serializers.IntegerField(write_only=True, allow_null=True, required=False)
    bug_tracker = serializers.CharField(max_length=2000, allow_blank=True, required=False)
    overlap = serializers.IntegerField(min_value=0, allow_null=True, required=False)
    segment_size = serializers.IntegerField(min_value=0, required=False)
    labels = LabelSerializer(many=True, required=False)
    subset = serializers.CharField(max_length=64, allow_blank=True, required=False)
    target_storage = StorageSerializer(required=False)
    source_storage = StorageSerializer(required=False)
    consensus_replicas = serializers.IntegerField(min_value=0, required=False)


class ProjectWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=256)
    labels = LabelSerializer(many=True, default=[])
    owner_id = serializers.IntegerField(write_only=True, allow_null=True, required=False)
    assignee_id = serializers.IntegerField(write_only=True, allow_null=True, required=False)
    bug_tracker = serializers.CharField(max_length=2000, allow_blank=True, required=False)
    target_storage = StorageSerializer(required=False)
    source_storage = StorageSerializer(required=False)


class ClientFileSerializer(serializers.Serializer):
    """An uploaded file; a list of them (`many=True`) is read from `client_files[0]`, … only."""

    def to_internal_value(self, data):
        return {"file": data}


class PathSerializer(serializers.Serializer):
    def to_internal_value(self, data):
        if not isinstance(data, str):
            raise serializers.ValidationError("Expected a string")
        return {"file": data}


class DataSerializer(serializers.Serializer):
    chunk_size = serializers.IntegerField(min_value=0, allow_null=True, required=False)
    image_quality = serializers.IntegerField(min_value=0, max_value=100)
    start_frame = serializers.IntegerField(min_value=0, required=False)
    stop_frame = serializers.IntegerField(min_value=0, required=False)
    frame_filter = serializers.CharField(max_length=256, allow_blank=True, required=False)
    client_files = ClientFileSerializer(many=True, default=[])
    server_files = PathSerializer(many=True, default=[])
    remote_files = PathSerializer(many=True, default=[])
    use_zip_chunks = serializers.BooleanField(default=False)
    server_files_exclude = serializers.ListField(child=serializers.CharField(max_length=1024), required=False, default=[])
    cloud_storage_id = serializers.IntegerField(write_only=True, allow_null=True, required=False)
    use_cache = serializers.BooleanField(default=False)
    copy_data = serializers.BooleanField(default=False)
    storage_method = serializers.ChoiceField(choices=["cache", "file_system"], required=False)
    storage = serializers.ChoiceField(choices=["cloud_storage", "local", "share"], required=False)
    sorting_method = serializers.ChoiceField(choices=["lexicographical", "natural", "predefined", "random"],
                                             required=False)
    filename_pattern = serializers.CharField(allow_null=True, required=False)
    job_file_mapping = serializers.ListField(
        child=serializers.ListField(child=serializers.CharField(max_length=1024), allow_empty=False),
        allow_empty=False, required=False, write_only=True)
    upload_file_order = serializers.ListField(child=serializers.CharField(max_length=1024), default=list,
                                              allow_empty=True, write_only=True)

    def validate_chunk_size(self, value):
        if value is not None and value <= 0:
            raise serializers.ValidationError("Chunk size must be a positive integer")
        return value

    def validate_frame_filter(self, value):
        if value and not re.fullmatch(r"step\s*=\s*([1-9]\d*)", value):
            raise serializers.ValidationError("Invalid frame filter expression")
        return value

    def validate(self, attrs):
        if "start_frame" in attrs and "stop_frame" in attrs and attrs["start_frame"] > attrs["stop_frame"]:
            raise serializers.ValidationError("Stop frame must be more or equal start frame")
        return attrs


class AttributeValueSerializer(serializers.Serializer):
    spec_id = serializers.IntegerField()
    value = serializers.CharField(max_length=4096, allow_blank=True)


class AnnotationSerializer(serializers.Serializer):
    id = serializers.IntegerField(required=False, allow_null=True)
    frame = serializers.IntegerField(min_value=0)
    label_id = serializers.IntegerField(min_value=0)
    group = serializers.IntegerField(min_value=0, allow_null=True, required=False)
    source = serializers.CharField(default="manual")
    attributes = AttributeValueSerializer(many=True, default=[])


SHAPE_TYPES = ["rectangle", "polygon", "polyline", "points", "ellipse", "cuboid", "mask", "skeleton"]


class ShapeSerializer(AnnotationSerializer):
    type = serializers.ChoiceField(choices=SHAPE_TYPES)
    occluded = serializers.BooleanField(default=False)
    outside = serializers.BooleanField(default=False)
    z_order = serializers.IntegerField(default=0)
    rotation = serializers.FloatField(default=0, min_value=0, max_value=360)
    points = serializers.ListField(child=serializers.FloatField(), required=False, default=list)
    elements = serializers.ListField(child=serializers.DictField(), required=False, default=list)


class LabeledDataSerializer(serializers.Serializer):
    version = serializers.IntegerField(default=0)
    tags = AnnotationSerializer(many=True, default=[])
    shapes = ShapeSerializer(many=True, default=[])
    tracks = serializers.ListField(child=serializers.DictField(), default=list)


class JobWriteSerializer(serializers.Serializer):
    """PATCH /api/jobs/{id}: JobWriteSerializer's changeable fields."""
    assignee = serializers.IntegerField(allow_null=True, required=False)
    stage = serializers.ChoiceField(choices=["annotation", "validation", "acceptance"], required=False)
    state = serializers.ChoiceField(choices=["new", "in progress", "completed", "rejected"], required=False)


class IssueWriteSerializer(serializers.Serializer):
    frame = serializers.IntegerField(min_value=0)
    position = serializers.ListField(child=serializers.FloatField(), allow_empty=False)
    job = serializers.IntegerField()
    assignee = serializers.IntegerField(allow_null=True, required=False)
    message = serializers.CharField()
    resolved = serializers.BooleanField(required=False)


class CommentWriteSerializer(serializers.Serializer):
    issue = serializers.IntegerField()
    message = serializers.CharField(allow_blank=True, required=False)


class OrganizationWriteSerializer(serializers.Serializer):
    slug = serializers.RegexField(r"^[-a-zA-Z0-9_]+$", max_length=16)
    name = serializers.CharField(max_length=64, allow_blank=True, required=False)
    description = serializers.CharField(allow_blank=True, required=False)
    contact = serializers.DictField(required=False)


class LoginSerializer(serializers.Serializer):
    username = serializers.CharField(required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True)
    password = serializers.CharField()


# ---------------------------------------------------------------------------
# Responses


def base(request):
    return f"http://{request.get_host()}"


def respond(schema, body, status=200, headers=None):
    """A JSON response, validated against the schema first (a 500 naming the problem if not)."""
    if schema:
        try:
            fake_cvat.validate(body, fake_cvat.SCHEMAS[schema])
        except fake_cvat.Mismatch as error:
            return JsonResponse({"detail": f"fake server answered an invalid {schema}: {error}"}, status=500)
    response = JsonResponse(body, status=status, safe=False, content_type="application/vnd.cvat+json")
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def errors(serializer):
    return JsonResponse(serializer.errors, status=400, safe=False)


def user(request):
    return {"url": f"{base(request)}/api/users/1", "id": 1, "username": "admin", "first_name": "", "last_name": ""}


def label_body(label, owner_key, owner_id, label_id):
    return {
        "id": label_id, "name": label["name"], "color": label.get("color") or "#33ddff", "attributes": [
            {"id": index + 1, "name": a["name"], "mutable": a["mutable"], "input_type": a["input_type"],
             "default_value": a.get("default_value", ""), "values": a["values"]}
            for index, a in enumerate(label.get("attributes", []))],
        "type": label.get("type", "any"), "svg": "", "has_parent": False, owner_key: owner_id,
        "parent_id": None,
        "sublabels": [{"id": label_id * 100 + index + 1, "name": sub["name"], "color": sub.get("color") or "#33ddff",
                       "attributes": [], "type": sub.get("type", "points"), "has_parent": True}
                      for index, sub in enumerate(label.get("sublabels", []))],
    }


def task_body(request, task):
    fake_cvat.BASE = base(request)
    body = fake_cvat.task(task["id"], task["size"], name=task["name"], project_id=task.get("project_id"),
                          bug_tracker=task.get("bug_tracker", ""), subset=task.get("subset", ""),
                          segment_size=task.get("segment_size", 0), overlap=task.get("overlap"),
                          image_quality=task.get("image_quality", 70), status=task.get("status", "annotation"),
                          data=task.get("data_id"),
                          data_chunk_size=(task.get("chunk_size") or 72) if "data_id" in task else None,
                          updated_date=task.get("updated_date", "2026-11-23T10:00:01Z"))
    body["owner"] = user(request)
    body["jobs"]["count"] = len([j for j in STATE["jobs"].values() if j["task_id"] == task["id"]])
    return body


def project_body(request, project):
    fake_cvat.BASE = base(request)
    body = fake_cvat.project(project["id"])
    body.update(name=project["name"], bug_tracker=project.get("bug_tracker", ""), owner=user(request))
    body["tasks"]["count"] = len([t for t in STATE["tasks"].values() if t.get("project_id") == project["id"]])
    return body


def page(request, schema, items, render):
    """DRF's PageNumberPagination: `page` and `page_size` (default 10), `next`/`previous` links."""
    try:
        number = int(request.GET.get("page", 1))
        size = int(request.GET.get("page_size", 10))
    except ValueError:
        return JsonResponse({"detail": "Invalid page."}, status=404)
    start = (number - 1) * size
    if number < 1 or (start >= len(items) and number != 1):
        return JsonResponse({"detail": "Invalid page."}, status=404)

    def link(n):
        query = request.GET.copy()
        query["page"] = n
        return f"{base(request)}{request.path}?{query.urlencode()}"

    body = {
        "count": len(items),
        "next": link(number + 1) if start + size < len(items) else None,
        "previous": link(number - 1) if number > 1 else None,
        "results": [render(item) for item in items[start:start + size]],
    }
    return respond(schema, body)


# ---------------------------------------------------------------------------
# Authentication, as CVAT's: basic, `Token`, `Bearer` (personal access tokens), or the session
# cookie with the CSRF token echoed in `X-CSRFToken` on unsafe methods.


def authenticated(request):
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if header == "Basic " + base64.b64encode(f"{ADMIN['username']}:{ADMIN['password']}".encode()).decode():
        return True
    if header in (f"Bearer {PAT}", f"Token {SESSION}"):
        return True
    if request.COOKIES.get("sessionid") == SESSION:
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return True
        return request.META.get("HTTP_X_CSRFTOKEN") == request.COOKIES.get("csrftoken") == CSRF
    return False


def requires_auth(view):
    def wrapped(request, *args, **kwargs):
        if not authenticated(request):
            return JsonResponse({"detail": "Authentication credentials were not provided."}, status=401)
        return view(request, *args, **kwargs)
    return wrapped


# ---------------------------------------------------------------------------
# Views


@api_view(["GET"])
def about(request):
    return respond("About", {"name": "Computer Vision Annotation Tool", "description": "fake", "version":
                             STATE["version"], "logo_url": "", "subtitle": ""})


@api_view(["POST"])
def login(request):
    serializer = LoginSerializer(data=request.data)
    if not serializer.is_valid():
        return errors(serializer)
    if serializer.validated_data.get("username") != ADMIN["username"] or \
            serializer.validated_data["password"] != ADMIN["password"]:
        return JsonResponse({"non_field_errors": ["Unable to log in with provided credentials."]}, status=400)
    response = respond("Token", {"key": SESSION})
    response.set_cookie("sessionid", SESSION, httponly=True, samesite="Lax")
    response.set_cookie("csrftoken", CSRF, samesite="Lax")
    return response


@api_view(["POST"])
@requires_auth
def logout(request):
    response = respond("RestAuthDetail", {"detail": "Successfully logged out."})
    response.delete_cookie("sessionid")
    response.delete_cookie("csrftoken")
    return response


@api_view(["GET"])
@requires_auth
def current_user(request):
    return respond("MetaUser", fake_cvat.meta_user() | {"url": f"{base(request)}/api/users/1"})


@api_view(["GET", "POST"])
@requires_auth
def projects(request):
    if request.method == "GET":
        with LOCK:
            items = sorted(STATE["projects"].values(), key=lambda p: -p["id"])
        return page(request, "PaginatedProjectReadList", items, lambda p: project_body(request, p))
    serializer = ProjectWriteSerializer(data=request.data)
    if not serializer.is_valid():
        return errors(serializer)
    with LOCK:
        project = dict(serializer.validated_data, id=next(STATE["ids"]))
        STATE["projects"][project["id"]] = project
    return respond("ProjectRead", project_body(request, project), status=201)


@api_view(["GET", "PATCH", "DELETE"])
@requires_auth
def project_detail(request, project_id):
    with LOCK:
        project = STATE["projects"].get(int(project_id))
        if project is None:
            return JsonResponse({"detail": "Not found."}, status=404)
        if request.method == "DELETE":
            del STATE["projects"][project["id"]]
            for task in [t for t in STATE["tasks"].values() if t.get("project_id") == project["id"]]:
                del STATE["tasks"][task["id"]]
            return HttpResponse(status=204)
        if request.method == "PATCH":
            serializer = ProjectWriteSerializer(data=request.data, partial=True)
            if not serializer.is_valid():
                return errors(serializer)
            project.update(serializer.validated_data)
    return respond("ProjectRead", project_body(request, project))


@api_view(["GET", "POST"])
@requires_auth
def tasks(request):
    if request.method == "GET":
        with LOCK:
            items = sorted(STATE["tasks"].values(), key=lambda t: -t["id"])
        if "project_id" in request.GET:
            items = [t for t in items if str(t.get("project_id")) == request.GET["project_id"]]
        return page(request, "PaginatedTaskReadList", items, lambda t: task_body(request, t))
    serializer = TaskWriteSerializer(data=request.data)
    if not serializer.is_valid():
        return errors(serializer)
    data = serializer.validated_data
    if data.get("project_id") is not None and data.get("labels"):
        return JsonResponse({"labels": ["Labels are taken from the project"]}, status=400)
    with LOCK:
        if data.get("project_id") is not None and data["project_id"] not in STATE["projects"]:
            return JsonResponse({"project_id": ["Invalid project"]}, status=400)
        task = dict(data, id=next(STATE["ids"]), size=0, files=[])
        STATE["tasks"][task["id"]] = task
    return respond("TaskRead", task_body(request, task), status=201)


@api_view(["GET", "PATCH", "DELETE"])
@requires_auth
def task_detail(request, task_id):
    with LOCK:
        task = STATE["tasks"].get(int(task_id))
        if task is None:
            return JsonResponse({"detail": "Not found."}, status=404)
        if request.method == "DELETE":
            del STATE["tasks"][task["id"]]
            for job_id in [j for j, job in STATE["jobs"].items() if job["task_id"] == task["id"]]:
                del STATE["jobs"][job_id]
            return HttpResponse(status=204)
        if request.method == "PATCH":
            serializer = TaskWriteSerializer(data=request.data, partial=True)
            if not serializer.is_valid():
                return errors(serializer)
            task.update(serializer.validated_data)
            touch(task)
    return respond("TaskRead", task_body(request, task))


# --- task data: UploadMixin ---------------------------------------------------------------------

TUS_HEADERS = {"Tus-Resumable": "1.0.0", "Tus-Version": "1.0.0", "Tus-Extension": "", "Cache-Control": "no-store"}


def task_upload_dir(task_id):
    path = os.path.join(UPLOADS, f"task-{task_id}")
    os.makedirs(path, exist_ok=True)
    return path


def tus_response(status, extra=None):
    response = HttpResponse(status=status)
    for name, value in {**TUS_HEADERS, **(extra or {})}.items():
        response[name] = value
    return response


@api_view(["GET", "POST", "OPTIONS"])
@requires_auth
def task_data(request, task_id):
    """GET: a frame or chunk. POST: UploadMixin.upload_data's dispatch, where header presence
    decides and values are ignored."""
    with LOCK:
        task = STATE["tasks"].get(int(task_id))
    if task is None:
        return JsonResponse({"detail": "Not found."}, status=404)
    if request.method == "GET":
        kind, number = request.GET.get("type"), request.GET.get("number")
        quality = request.GET.get("quality", "compressed")
        chunk_size = task.get("chunk_size") or 72
        if kind == "chunk" and number is not None and number.isdigit() and int(number) * chunk_size < task["size"]:
            return HttpResponse(chunk_bytes(task, int(number), quality), content_type="application/zip")
        if kind != "frame" or number is None or not number.isdigit() or int(number) >= task["size"]:
            return JsonResponse({"detail": "Invalid frame request"}, status=400)
        return HttpResponse(frame_bytes(task["id"], int(number), quality), content_type="image/jpeg")
    headers = request.headers
    if "Upload-Finish" in headers:
        return finish_data(request, task)
    if "Upload-Start" in headers:
        with LOCK:
            task["files"] = []
        return HttpResponse(status=202)
    if "Upload-Length" in headers or request.method == "OPTIONS":
        return create_tus_upload(request, f"data-{task['id']}", task_upload_dir(task["id"]), keeps_name=True)
    if "Upload-Multiple" in headers:
        serializer = DataSerializer(data=request.data)
        if not serializer.is_valid():
            return errors(serializer)
        names = []
        for item in serializer.validated_data["client_files"]:
            uploaded = item["file"]
            name = os.path.basename(uploaded.name)
            with open(os.path.join(task_upload_dir(task["id"]), name), "ab+") as target:
                for chunk in uploaded.chunks():
                    target.write(chunk)
            names.append(name)
        with LOCK:
            task["files"] += names
        return HttpResponse(status=200)
    return finish_data(request, task)


def create_tus_upload(request, scope, directory, keeps_name):
    """UploadMixin.init_tus_upload: a sparse file of Upload-Length bytes, 201 with Location
    (Origin + path + file id) and Upload-Filename (the file's name for task data, whose files
    keep theirs; the upload's id otherwise)."""
    if request.method == "OPTIONS":
        return tus_response(204)
    metadata = {}
    for item in request.headers.get("Upload-Metadata", "").split(","):
        key, _, value = item.strip().partition(" ")
        if key:
            metadata[key] = base64.b64decode(value).decode() if value else ""
    if "filename" not in metadata:
        return JsonResponse({"detail": "Metadata is expected to contain 'filename' key"}, status=400)
    filename = metadata["filename"]
    if os.path.basename(filename) != filename or filename in ("", ".", ".."):
        return JsonResponse({"detail": f"File name {filename} is not allowed"}, status=400)
    if keeps_name and os.path.exists(os.path.join(directory, filename)):
        return JsonResponse({"detail": "File with same name already exists"}, status=409)
    file_id = f"1_{uuid.uuid4()}"
    size = int(request.headers["Upload-Length"])
    with open(os.path.join(directory, file_id), "wb") as sparse:
        sparse.truncate(size)
    with LOCK:
        STATE["uploads"][file_id] = {"size": size, "offset": 0, "filename": filename, "scope": scope,
                                     "directory": directory, "keeps_name": keeps_name}
    origin = request.headers.get("Origin")
    if not origin:
        return JsonResponse({"detail": "Origin header is required"}, status=500)
    return tus_response(201, {"Location": origin + request.path + file_id,
                              "Upload-Filename": filename if keeps_name else file_id})


def append_tus_chunk(request, scope, file_id):
    """UploadMixin.append_tus_chunk: HEAD tells the offset; PATCH writes at it (409 elsewhere)."""
    with LOCK:
        upload = STATE["uploads"].get(file_id)
    if upload is None or upload["scope"] != scope:
        return JsonResponse({"detail": "Not found."}, status=404)
    if request.method == "HEAD":
        return tus_response(200, {"Upload-Offset": str(upload["offset"]), "Upload-Length": str(upload["size"])})
    if request.content_type != "application/offset+octet-stream":
        return JsonResponse({"detail": f"Unsupported media type {request.content_type}"}, status=415)
    with LOCK:
        STATE["patches"] += 1
        if STATE["patches"] in STATE["fail_patches"]:
            return tus_response(500)
    offset = int(request.headers.get("Upload-Offset", -1))
    if offset != upload["offset"]:
        return tus_response(409, {"Upload-Offset": str(upload["offset"])})
    chunk = request.body
    if offset + len(chunk) > upload["size"]:
        return tus_response(413)
    with open(os.path.join(upload["directory"], file_id), "r+b") as target:
        target.seek(offset)
        target.write(chunk)
    with LOCK:
        upload["offset"] = offset + len(chunk)
        if upload["offset"] == upload["size"]:
            if upload["keeps_name"]:
                os.replace(os.path.join(upload["directory"], file_id),
                           os.path.join(upload["directory"], upload["filename"]))
                STATE["tasks"][int(scope.split("-")[1])]["files"].append(upload["filename"])
            upload["complete"] = True
    return tus_response(204, {"Upload-Offset": str(offset + len(chunk))})


@api_view(["HEAD", "PATCH"])
@requires_auth
def task_data_chunk(request, task_id, file_id):
    return append_tus_chunk(request, f"data-{task_id}", file_id)


def finish_data(request, task):
    serializer = DataSerializer(data=request.data)
    if not serializer.is_valid():
        return errors(serializer)
    data = serializer.validated_data
    with LOCK:
        uploaded = list(task["files"]) + [os.path.basename(i["file"].name) for i in data["client_files"]]
        for item in data["client_files"]:
            with open(os.path.join(task_upload_dir(task["id"]), os.path.basename(item["file"].name)), "wb") as target:
                for chunk in item["file"].chunks():
                    target.write(chunk)
        files = uploaded + [i["file"] for i in data["server_files"]] + [i["file"] for i in data["remote_files"]]
        rq_id = f"create:task-{task['id']}"
        message = "" if files else "No media data found"
        STATE["requests"][rq_id] = {"polls": 0, "message": message, "task": task["id"], "type": "create",
                                    "target": "task", "result_id": None}
        task["pending"] = {"files": files, "image_quality": data["image_quality"],
                           "chunk_size": data.get("chunk_size"), "frame_filter": data.get("frame_filter", "")}
    return respond("DataResponse", {"rq_id": rq_id}, status=202)


def background(rq_id, kind, target, task_id, on_finish=None, message=""):
    """Records a background request (`rq_id`) that finishes after `polls_before_finish` polls,
    doing `on_finish()` then; one already running with the same id is 409, as in CVAT."""
    existing = STATE["requests"].get(rq_id)
    if existing and existing.get("status") not in ("finished", "failed"):
        return JsonResponse({"rq_id": rq_id}, status=409)
    STATE["requests"][rq_id] = {"polls": 0, "message": message, "task": task_id, "type": kind, "target": target,
                                "result_id": None, "on_finish": on_finish, "result_url": None}
    return respond("RqId", {"rq_id": rq_id}, status=202)


def complete(rq_id):
    """What finishing a background request does to the state."""
    request = STATE["requests"][rq_id]
    if request.get("on_finish"):
        request["on_finish"](request)
    if request["type"] == "create" and not request["message"]:
        task = STATE["tasks"].get(request["task"])
        if task and "pending" in task:
            pending = task.pop("pending")
            step = int(pending["frame_filter"].split("=")[1]) if pending["frame_filter"] else 1
            task.update(size=len(pending["files"][::step]), image_quality=pending["image_quality"],
                        chunk_size=pending["chunk_size"], data_id=task["id"], media=pending["files"])
            touch(task)
            segment = task.get("segment_size") or task["size"] or 1
            for start in range(0, task["size"], segment):
                job_id = next(STATE["ids"])
                STATE["jobs"][job_id] = {"id": job_id, "task_id": task["id"], "start": start,
                                         "stop": min(start + segment, task["size"]) - 1}


@api_view(["GET"])
@requires_auth
def request_detail(request, rq_id):
    with LOCK:
        record = STATE["requests"].get(rq_id)
        if record is None:
            return JsonResponse({"detail": "Not found."}, status=404)
        record["polls"] += 1
        if record["polls"] > STATE["polls_before_finish"] and record.get("status") not in ("finished", "failed"):
            record["status"] = "failed" if record["message"] else "finished"
            if record["status"] == "finished":
                complete(rq_id)
        status = record.get("status") or ("queued" if record["polls"] == 1 else "started")
        body = fake_cvat.request_status(rq_id, status)
        body["operation"].update(type=record["type"], target=record["target"], task_id=record["task"])
        body["message"] = record["message"] if status == "failed" else ""
        body["result_id"] = record["result_id"]
        if status == "finished" and record.get("result_url"):
            body["result_url"] = f"{base(request)}{record['result_url']}"
    return respond("Request", body)


def meta_body(task, media, start, stop, deleted):
    frames = [{"width": FRAME_SIZE[0], "height": FRAME_SIZE[1], "name": name, "related_files": 0, "has_related_context": False}
              for name in media]
    return {"chunks_updated_date": "2026-11-23T10:00:00Z", "chunk_size": task.get("chunk_size") or 72,
            "size": len(media), "image_quality": task["image_quality"], "start_frame": start,
            "stop_frame": stop, "frame_filter": "", "frames": frames, "deleted_frames": deleted,
            "included_frames": None}


@api_view(["GET", "PATCH"])
@requires_auth
def task_meta(request, task_id):
    with LOCK:
        task = STATE["tasks"].get(int(task_id))
        if task is None or "data_id" not in task:
            return JsonResponse({"detail": "Not found."}, status=404)
        if request.method == "PATCH":
            deleted = request.data.get("deleted_frames", [])
            task["deleted_frames"] = sorted(set(deleted))
            touch(task)
        body = meta_body(task, task["media"], 0, max(task["size"] - 1, 0), task.get("deleted_frames", []))
    return respond("DataMetaRead", body)


@api_view(["GET"])
@requires_auth
def jobs(request):
    with LOCK:
        items = sorted(STATE["jobs"].values(), key=lambda j: -j["id"])
    if "task_id" in request.GET:
        items = [j for j in items if str(j["task_id"]) == request.GET["task_id"]]

    return page(request, "PaginatedJobReadList", items, lambda job: job_body(request, job))


@api_view(["GET"])
@requires_auth
def labels(request):
    with LOCK:
        if "job_id" in request.GET:
            job = STATE["jobs"].get(int(request.GET["job_id"]))
            task = STATE["tasks"].get(job["task_id"]) if job else None
            owner_project = STATE["projects"].get((task or {}).get("project_id"))
            source = (owner_project or task or {}).get("labels", [])
            owner = ("project_id", owner_project["id"]) if owner_project else ("task_id", (task or {}).get("id"))
        elif "task_id" in request.GET:
            # A task in a project has the project's labels, as CVAT's label filter reads them.
            task = STATE["tasks"].get(int(request.GET["task_id"]))
            owner_project = STATE["projects"].get((task or {}).get("project_id"))
            source = (owner_project or task or {}).get("labels", [])
            owner = ("project_id", owner_project["id"]) if owner_project else ("task_id", int(request.GET["task_id"]))
        else:
            project = STATE["projects"].get(int(request.GET.get("project_id", 0)))
            source = (project or {}).get("labels", [])
            owner = ("project_id", int(request.GET.get("project_id", 0)))
        items = [label_body(label, owner[0], owner[1], index + 1) for index, label in enumerate(source)]
    return page(request, "PaginatedLabelList", items, lambda label: label)



# --- export, backup, import, frames ----------------------------------------------------------


def export_content(record):
    """The file a finished export holds: what was exported, so a restore can rebuild it; its
    size is `export_size` bytes (a control setting), padded."""
    if record["target"] == "project":
        project = STATE["projects"].get(record["project"], {})
        described = {"name": project.get("name"), "labels": project.get("labels", []),
                     "tasks": sorted(t["name"] for t in STATE["tasks"].values()
                                     if t.get("project_id") == record["project"])}
    else:
        task = STATE["tasks"].get(record["task"], {})
        described = {"name": task.get("name"), "labels": task.get("labels", []), "media": task.get("media", []),
                     "image_quality": task.get("image_quality", 70)}
        if record["target"] == "job":
            described["job"] = record["job"]
    content = json.dumps(dict(described, kind=record["kind"], format=record.get("format"))).encode()
    return content + b" " * max(0, STATE["export_size"] - len(content))


EXPORTABLE = {"task": "tasks", "project": "projects", "job": "jobs"}


def start_export(target, object_id, kind, fmt):
    """An export as CVAT runs one: a background request whose result is downloaded from
    `/api/requests/{rq_id}/download`; CVAT's id names the object, the kind and the format."""
    object_id = int(object_id)
    suffix = f"{kind}-{fmt.replace(' ', '_')}" if kind != "backup" else "backup"
    rq_id = f"export:{target}-{object_id}-{suffix}"
    with LOCK:
        if object_id not in STATE[EXPORTABLE[target]]:
            return JsonResponse({"detail": "Not found."}, status=404)
        task_id = STATE["jobs"][object_id]["task_id"] if target == "job" else \
            object_id if target == "task" else None

        def finish(record):
            record["result_url"] = f"/api/requests/{urllib.parse.quote(rq_id)}/download"
            record["file"] = export_content(dict(record, kind=kind, format=fmt, project=object_id, job=object_id))
            record["filename"] = f"{target}_{object_id}_{kind}.zip"
        return background(rq_id, "export", target, task_id, finish)


def export_view(target, kind):
    """POST /api/{target}s/{id}/dataset/export?format=…&save_images=… or …/backup/export."""
    @api_view(["POST"])
    @requires_auth
    def view(request, object_id):
        fmt = request.GET.get("format")
        if kind != "backup":
            if not fmt:
                return JsonResponse({"format": ["This field is required."]}, status=400)
            images = request.GET.get("save_images", "false").lower() in ("true", "1")
            kind_ = "dataset" if images else "annotations"
        else:
            kind_, fmt = "backup", None
        return start_export(target, object_id, kind_, fmt)
    return view


@api_view(["GET"])
@requires_auth
def request_download(request, rq_id):
    with LOCK:
        record = STATE["requests"].get(rq_id)
        if record is None or "file" not in record:
            return JsonResponse({"detail": "Not found."}, status=404)
        content, filename = record["file"], record["filename"]
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def upload_flow(request, scope, directory, on_finish_upload):
    """UploadMixin for a single file (annotations, backups): Upload-Start, TUS, Upload-Finish
    with `?filename=` the name the server gave (Upload-Filename), or one multipart request."""
    headers = request.headers
    if "Upload-Finish" in headers:
        filename = request.GET.get("filename", "")
        with LOCK:
            upload = next((u for i, u in STATE["uploads"].items()
                           if i == filename and u["scope"] == scope and u.get("complete")), None)
        if upload is None:
            return JsonResponse({"detail": f"No uploaded file {filename!r}"}, status=400)
        with open(os.path.join(directory, filename), "rb") as uploaded:
            return on_finish_upload(uploaded.read())
    if "Upload-Start" in headers:
        return HttpResponse(status=202)
    if "Upload-Length" in headers or request.method == "OPTIONS":
        return create_tus_upload(request, scope, directory, keeps_name=False)
    return JsonResponse({"detail": "Expected Upload-Start, TUS or Upload-Finish"}, status=400)


@api_view(["GET", "PUT", "PATCH", "DELETE", "POST", "OPTIONS"])
@requires_auth
def task_annotations(request, task_id):
    """GET, PUT (replace), PATCH `?action=create|update|delete`, DELETE (all) of a task's
    annotations; POST imports a file (UploadMixin)."""
    with LOCK:
        task = STATE["tasks"].get(int(task_id))
    if task is None:
        return JsonResponse({"detail": "Not found."}, status=404)
    if request.method in ("POST", "OPTIONS"):
        return import_annotations(request, task)
    return annotations_crud(request, task, None)


def annotations_crud(request, task, frames):
    """The annotations of a task, or of a job's `frames` (a range) of it: both read and write
    the task's store, as CVAT's job annotations are the task's within the job's frames."""
    def inside(item):
        return frames is None or item["frame"] in frames
    with LOCK:
        stored = task.setdefault("labeled", {"version": 0, "tags": [], "shapes": [], "tracks": []})
        if request.method == "DELETE":
            for kind in ("tags", "shapes", "tracks"):
                stored[kind] = [item for item in stored[kind] if not inside(item)]
            stored["version"] += 1
            touch(task)
            return HttpResponse(status=204)
        if request.method in ("PUT", "PATCH"):
            serializer = LabeledDataSerializer(data=request.data)
            if not serializer.is_valid():
                return errors(serializer)
            incoming = json.loads(json.dumps(serializer.validated_data))
            action = request.GET.get("action") if request.method == "PATCH" else "put"
            if action not in ("put", "create", "update", "delete"):
                return JsonResponse({"action": ["Please specify a correct 'action' for the request"]}, status=400)
            for kind in ("tags", "shapes", "tracks"):
                if action == "put":
                    stored[kind] = [item for item in stored[kind] if not inside(item)]
                ids = {item.get("id") for item in incoming[kind]}
                if action == "delete":
                    stored[kind] = [item for item in stored[kind] if item["id"] not in ids]
                    continue
                if action == "update":
                    stored[kind] = [item for item in stored[kind] if item["id"] not in ids]
                for item in incoming[kind]:
                    if action != "update" or item.get("id") is None:
                        item["id"] = next(STATE["ids"])
                    stored[kind].append(item)
                stored[kind].sort(key=lambda item: item["id"])
            stored["version"] += 1
            touch(task)
        body = {kind: [item for item in stored[kind] if inside(item)] for kind in ("tags", "shapes", "tracks")}
        body["version"] = stored["version"]
    return respond("LabeledData", body)


def import_annotations(request, task):
    return import_file(request, "task", task, "annotations", task["id"])


def import_file(request, target, holder, what, task_id):
    """POST /api/{target}s/{id}/annotations/ or /api/projects/{id}/dataset/ (UploadMixin with
    `?format=`, and `conv_mask_to_poly` read as DRF reads a boolean): the imported file's
    format and digest are kept in `holder[what]` when the background request finishes."""
    fmt = request.GET.get("format")
    if request.method == "POST" and ("Upload-Start" in request.headers or "Upload-Finish" in request.headers) \
            and not fmt:
        return JsonResponse({"format": ["This field is required."]}, status=400)
    convert = request.GET.get("conv_mask_to_poly")
    if convert is not None and convert.lower() not in ("true", "false", "1", "0"):
        return JsonResponse({"conv_mask_to_poly": ["Must be a valid boolean."]}, status=400)
    scope = f"{what}-{target}-{holder['id']}"

    def imported(content):
        with LOCK:
            def finish(record):
                holder[what] = {"format": fmt, "sha256": hashlib.sha256(content).hexdigest(),
                                "conv_mask_to_poly": convert}
            return background(f"import:{target}-{holder['id']}-{what}", "import", target, task_id, finish)
    return upload_flow(request, scope, task_upload_dir(scope), imported)


def chunk_view(scope_of):
    """HEAD/PATCH of a TUS upload under a resource (`…/{file_id}`)."""
    @api_view(["HEAD", "PATCH"])
    @requires_auth
    def view(request, file_id, object_id=None):
        return append_tus_chunk(request, scope_of(object_id), file_id)
    return view


def restore_view(target):
    """POST /api/{target}s/backup/: the backup uploaded (UploadMixin), then a background
    request that makes a new task or project from it and gives its id as `result_id`."""
    @api_view(["POST", "OPTIONS"])
    @requires_auth
    def view(request):
        def restored(content):
            with LOCK:
                rq_id = f"import:{target}-backup-{hashlib.sha256(content).hexdigest()[:12]}"

                def finish(record):
                    backup = json.loads(content.decode().rstrip())
                    made = {"id": next(STATE["ids"]), "name": backup["name"], "labels": backup["labels"]}
                    if target == "task":
                        made.update(files=[], size=len(backup["media"]), media=backup["media"], data_id=made["id"],
                                    image_quality=backup["image_quality"])
                    STATE[EXPORTABLE[target]][made["id"]] = made
                    record["result_id"] = made["id"]
                return background(rq_id, "import", target, None, finish)
        return upload_flow(request, f"backup-{target}", task_upload_dir(f"backup-{target}"), restored)
    return view


# A 64×48 JPEG, made once with Pillow (`Image.new("RGB", (64, 48), (200, 120, 40))`, quality 50).
FRAME_JPEG = base64.b64decode(
    "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19i"
    "Z2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2Nj"
    "Y2NjY2NjY2P/wAARCAAwAEADASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUF"
    "BAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVW"
    "V1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi"
    "4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAEC"
    "AxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVm"
    "Z2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq"
    "8vP09fb3+Pn6/9oADAMBAAIRAxEAPwCSiiivGPWCiiigAooooAKKKKACiiigAooooAKKKKACiiigAooooAKKKKACiiigAooooA//"
    "2Q=="
)
FRAME_SIZE = (64, 48)


def frame_bytes(task_id, number, quality):
    """A frame: a real JPEG (decoders read it — cvat-cli re-encodes frames with Pillow), told
    apart per frame and quality by a comment segment (COM) holding the frame's identity."""
    seed = hashlib.sha256(f"{task_id}/{number}/{quality}".encode()).digest() * (8 if quality == "original" else 2)
    return FRAME_JPEG[:2] + b"\xff\xfe" + (len(seed) + 2).to_bytes(2, "big") + seed + FRAME_JPEG[2:]

def preview_view(collection):
    """GET /api/{tasks|projects|jobs}/{id}/preview: a JPEG of the first frame."""
    @api_view(["GET"])
    @requires_auth
    def view(request, object_id):
        with LOCK:
            if int(object_id) not in STATE[collection]:
                return JsonResponse({"detail": "Not found."}, status=404)
        return HttpResponse(frame_bytes(f"{collection}-{object_id}", 0, "preview"), content_type="image/jpeg")
    return view


def chunk_bytes(task, number, quality):
    """A chunk as CVAT serves an image-set chunk: a zip of the chunk's frames in order (stored,
    with fixed dates, so the same chunk is the same bytes)."""
    size = task.get("chunk_size") or 72
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for frame in range(number * size, min((number + 1) * size, task["size"])):
            info = zipfile.ZipInfo(f"{frame:06d}.jpg", date_time=(2026, 11, 23, 10, 0, 0))
            archive.writestr(info, frame_bytes(task["id"], frame, quality))
    return buffer.getvalue()


# --- projects: datasets -------------------------------------------------------------------------


@api_view(["POST", "OPTIONS"])
@requires_auth
def project_dataset_import(request, project_id):
    with LOCK:
        project = STATE["projects"].get(int(project_id))
    if project is None:
        return JsonResponse({"detail": "Not found."}, status=404)
    return import_file(request, "project", project, "dataset", None)


# --- jobs ---------------------------------------------------------------------------------------


def job_body(request, job):
    task = STATE["tasks"][job["task_id"]]
    return {"url": f"{base(request)}/api/jobs/{job['id']}", "id": job["id"], "task_id": job["task_id"],
            "project_id": task.get("project_id"), "assignee": None, "guide_id": None, "dimension": "2d",
            "bug_tracker": "", "status": "annotation", "stage": job.get("stage", "annotation"),
            "state": job.get("state", "new"), "mode": "annotation", "frame_count": job["stop"] - job["start"] + 1,
            "start_frame": job["start"], "stop_frame": job["stop"], "data_chunk_size": None,
            "data_compressed_chunk_type": "imageset", "data_original_chunk_type": "imageset",
            "created_date": "2026-11-23T10:00:00Z", "updated_date": "2026-11-23T10:00:00Z",
            "issues": {"url": f"{base(request)}/api/issues?job_id={job['id']}",
                       "count": len([i for i in STATE["issues"].values() if i["job"] == job["id"]])},
            "labels": {"url": f"{base(request)}/api/labels?job_id={job['id']}"}, "type": "annotation",
            "organization": None, "target_storage": None, "source_storage": None,
            "assignee_updated_date": None, "parent_job_id": None, "consensus_replicas": 0}


def job_and_task(job_id):
    job = STATE["jobs"].get(int(job_id))
    return (job, STATE["tasks"][job["task_id"]]) if job else (None, None)


@api_view(["GET", "PATCH"])
@requires_auth
def job_detail(request, job_id):
    with LOCK:
        job, _ = job_and_task(job_id)
        if job is None:
            return JsonResponse({"detail": "Not found."}, status=404)
        if request.method == "PATCH":
            serializer = JobWriteSerializer(data=request.data, partial=True)
            if not serializer.is_valid():
                return errors(serializer)
            job.update(serializer.validated_data)
        return respond("JobRead", job_body(request, job))


@api_view(["GET", "PUT", "PATCH", "DELETE", "POST", "OPTIONS"])
@requires_auth
def job_annotations(request, job_id):
    with LOCK:
        job, task = job_and_task(job_id)
    if job is None:
        return JsonResponse({"detail": "Not found."}, status=404)
    if request.method in ("POST", "OPTIONS"):
        return import_file(request, "job", job, "annotations", task["id"])
    return annotations_crud(request, task, range(job["start"], job["stop"] + 1))


@api_view(["GET"])
@requires_auth
def job_data(request, job_id):
    with LOCK:
        job, task = job_and_task(job_id)
    if job is None:
        return JsonResponse({"detail": "Not found."}, status=404)
    kind, number = request.GET.get("type"), request.GET.get("number")
    quality = request.GET.get("quality", "compressed")
    if kind != "frame" or number is None or not number.isdigit() \
            or not job["start"] <= int(number) <= job["stop"]:
        return JsonResponse({"detail": "Invalid frame request"}, status=400)
    return HttpResponse(frame_bytes(task["id"], int(number), quality), content_type="image/jpeg")


@api_view(["GET", "PATCH"])
@requires_auth
def job_meta(request, job_id):
    with LOCK:
        job, task = job_and_task(job_id)
        if job is None:
            return JsonResponse({"detail": "Not found."}, status=404)
        if request.method == "PATCH":
            job["deleted_frames"] = sorted(set(request.data.get("deleted_frames", [])))
        media = task["media"][job["start"]:job["stop"] + 1]
        body = meta_body(task, media, job["start"], job["stop"], job.get("deleted_frames", []))
    return respond("DataMetaRead", body)


# --- issues, comments, organizations: plain CRUD as CVAT's viewsets ---------------------------


def crud_view(collection, schema, serializer_class, render, write_once=(), filters=()):
    """List (filtered by `filters` query parameters, paginated) and create; retrieve, PATCH and
    DELETE by id. `write_once` fields are ignored on PATCH, as CVAT's WriteOnceMixin makes them."""
    @api_view(["GET", "POST"])
    @requires_auth
    def listing(request):
        if request.method == "GET":
            with LOCK:
                items = sorted(STATE[collection].values(), key=lambda item: -item["id"])
            for name in filters:
                if name in request.GET:
                    items = [item for item in items if str(item.get(name.removesuffix("_id"))) == request.GET[name]]
            return page(request, f"Paginated{schema}List", items, lambda item: render(request, item))
        serializer = serializer_class(data=request.data)
        if not serializer.is_valid():
            return errors(serializer)
        with LOCK:
            item = dict(serializer.validated_data, id=next(STATE["ids"]))
            STATE[collection][item["id"]] = item
            if collection == "issues":
                comment = {"id": next(STATE["ids"]), "issue": item["id"], "message": item.pop("message")}
                STATE["comments"][comment["id"]] = comment
        return respond(schema, render(request, item), status=201)

    @api_view(["GET", "PATCH", "DELETE"])
    @requires_auth
    def detail(request, object_id):
        with LOCK:
            item = STATE[collection].get(int(object_id))
            if item is None:
                return JsonResponse({"detail": "Not found."}, status=404)
            if request.method == "DELETE":
                del STATE[collection][item["id"]]
                return HttpResponse(status=204)
            if request.method == "PATCH":
                serializer = serializer_class(data=request.data, partial=True)
                if not serializer.is_valid():
                    return errors(serializer)
                item.update({k: v for k, v in serializer.validated_data.items() if k not in write_once})
            return respond(schema, render(request, item))
    return listing, detail


def issue_body(request, issue):
    return {"id": issue["id"], "frame": issue["frame"], "position": issue["position"], "job": issue["job"],
            "owner": user(request), "assignee": None, "created_date": "2026-11-23T10:00:00Z",
            "updated_date": "2026-11-23T10:00:00Z", "resolved": issue.get("resolved", False),
            "comments": {"count": len([c for c in STATE["comments"].values() if c["issue"] == issue["id"]]),
                         "url": f"{base(request)}/api/comments?issue_id={issue['id']}"}}


def comment_body(request, comment):
    return {"id": comment["id"], "issue": comment["issue"], "owner": user(request),
            "message": comment.get("message", ""), "created_date": "2026-11-23T10:00:00Z",
            "updated_date": "2026-11-23T10:00:00Z"}


def organization_body(request, organization):
    return {"id": organization["id"], "slug": organization["slug"], "name": organization.get("name", ""),
            "description": organization.get("description", ""), "created_date": "2026-11-23T10:00:00Z",
            "updated_date": "2026-11-23T10:00:00Z", "contact": organization.get("contact", {}),
            "owner": user(request)}


issues, issue_detail = crud_view("issues", "IssueRead", IssueWriteSerializer, issue_body,
                                 write_once=("frame", "job", "message"), filters=("job_id",))
comments, comment_detail = crud_view("comments", "CommentRead", CommentWriteSerializer, comment_body,
                                     write_once=("issue",), filters=("issue_id",))
organizations, organization_detail = crud_view("organizations", "OrganizationRead", OrganizationWriteSerializer,
                                               organization_body)

# --- test routes -------------------------------------------------------------------------------


def reset(request):
    global STATE
    with LOCK:
        STATE = fresh_state()
        for entry in os.listdir(UPLOADS):
            shutil.rmtree(os.path.join(UPLOADS, entry), ignore_errors=True)
    return JsonResponse({})


def control(request):
    settings_ = json.loads(request.body or b"{}")
    with LOCK:
        STATE.update({k: v for k, v in settings_.items() if k in ("polls_before_finish", "version", "fail_patches", "export_size")})
    return JsonResponse({})


def log(request):
    with LOCK:
        return JsonResponse(list(STATE["log"]), safe=False)


def state(request):
    with LOCK:
        return JsonResponse({
            "tasks": {str(k): {"name": t["name"], "size": t["size"], "files": sorted(t.get("media", [])),
                               "image_quality": t.get("image_quality"), "project_id": t.get("project_id"),
                               "labels": [label["name"] for label in t.get("labels", [])],
                               "annotations": t.get("annotations"), "labeled": t.get("labeled")}
                      for k, t in STATE["tasks"].items()},
            "projects": {str(k): {"name": p["name"], "labels": [label["name"] for label in p.get("labels", [])],
                                  "dataset": p.get("dataset")}
                         for k, p in STATE["projects"].items()},
            "jobs": {str(k): {key: j.get(key) for key in ("task_id", "start", "stop", "stage", "state",
                                                          "deleted_frames", "annotations")}
                     for k, j in STATE["jobs"].items()},
            "issues": {str(k): dict(i) for k, i in STATE["issues"].items()},
            "comments": {str(k): dict(c) for k, c in STATE["comments"].items()},
            "organizations": {str(k): dict(o) for k, o in STATE["organizations"].items()},
        })


urlpatterns = [
    re_path(r"^api/server/about$", about),
    re_path(r"^api/auth/login$", login),
    re_path(r"^api/auth/logout$", logout),
    re_path(r"^api/users/self$", current_user),
    re_path(r"^api/projects$", projects),
    re_path(r"^api/projects/(?P<project_id>\d+)$", project_detail),
    re_path(r"^api/tasks$", tasks),
    re_path(r"^api/tasks/(?P<task_id>\d+)$", task_detail),
    re_path(r"^api/tasks/(?P<task_id>\d+)/data/?$", task_data),
    re_path(r"^api/tasks/(?P<task_id>\d+)/data/meta$", task_meta),
    re_path(r"^api/tasks/(?P<task_id>\d+)/data/(?P<file_id>\d+_[0-9a-f-]{36})$", task_data_chunk),
    re_path(r"^api/tasks/(?P<object_id>\d+)/dataset/export$", export_view("task", "dataset")),
    re_path(r"^api/tasks/(?P<object_id>\d+)/backup/export$", export_view("task", "backup")),
    re_path(r"^api/tasks/(?P<task_id>\d+)/annotations/?$", task_annotations),
    re_path(r"^api/tasks/(?P<object_id>\d+)/annotations/(?P<file_id>\d+_[0-9a-f-]{36})$",
            chunk_view(lambda i: f"annotations-task-{i}")),
    re_path(r"^api/tasks/backup/?$", restore_view("task")),
    re_path(r"^api/tasks/backup/(?P<file_id>\d+_[0-9a-f-]{36})$", chunk_view(lambda i: "backup-task")),
    re_path(r"^api/requests/(?P<rq_id>[^/]+)/download$", request_download),
    re_path(r"^api/requests/(?P<rq_id>[^/]+)$", request_detail),
    re_path(r"^api/tasks/(?P<object_id>\d+)/preview$", preview_view("tasks")),
    re_path(r"^api/projects/(?P<object_id>\d+)/preview$", preview_view("projects")),
    re_path(r"^api/projects/(?P<project_id>\d+)/dataset/?$", project_dataset_import),
    re_path(r"^api/projects/(?P<object_id>\d+)/dataset/(?P<file_id>\d+_[0-9a-f-]{36})$",
            chunk_view(lambda i: f"dataset-project-{i}")),
    re_path(r"^api/projects/(?P<object_id>\d+)/dataset/export$", export_view("project", "dataset")),
    re_path(r"^api/projects/(?P<object_id>\d+)/backup/export$", export_view("project", "backup")),
    re_path(r"^api/projects/backup/?$", restore_view("project")),
    re_path(r"^api/projects/backup/(?P<file_id>\d+_[0-9a-f-]{36})$", chunk_view(lambda i: "backup-project")),
    re_path(r"^api/jobs$", jobs),
    re_path(r"^api/jobs/(?P<job_id>\d+)$", job_detail),
    re_path(r"^api/jobs/(?P<job_id>\d+)/annotations/?$", job_annotations),
    re_path(r"^api/jobs/(?P<object_id>\d+)/annotations/(?P<file_id>\d+_[0-9a-f-]{36})$",
            chunk_view(lambda i: f"annotations-job-{i}")),
    re_path(r"^api/jobs/(?P<job_id>\d+)/data$", job_data),
    re_path(r"^api/jobs/(?P<job_id>\d+)/data/meta$", job_meta),
    re_path(r"^api/jobs/(?P<object_id>\d+)/dataset/export$", export_view("job", "dataset")),
    re_path(r"^api/jobs/(?P<object_id>\d+)/preview$", preview_view("jobs")),
    re_path(r"^api/issues$", issues),
    re_path(r"^api/issues/(?P<object_id>\d+)$", issue_detail),
    re_path(r"^api/comments$", comments),
    re_path(r"^api/comments/(?P<object_id>\d+)$", comment_detail),
    re_path(r"^api/organizations$", organizations),
    re_path(r"^api/organizations/(?P<object_id>\d+)$", organization_detail),
    re_path(r"^api/labels$", labels),
    re_path(r"^__reset$", reset),
    re_path(r"^__control$", control),
    re_path(r"^__log$", log),
    re_path(r"^__state$", state),
]


# ---------------------------------------------------------------------------
# Recording: what a differential compares, taken from the WSGI environment before Django reads it


RECORDED_HEADERS = ("HTTP_ACCEPT", "CONTENT_TYPE", "HTTP_X_ORGANIZATION", "HTTP_UPLOAD_START", "HTTP_UPLOAD_MULTIPLE",
                    "HTTP_UPLOAD_FINISH", "HTTP_UPLOAD_LENGTH", "HTTP_UPLOAD_METADATA", "HTTP_UPLOAD_OFFSET",
                    "HTTP_TUS_RESUMABLE", "HTTP_X_CSRFTOKEN", "HTTP_AUTHORIZATION", "CONTENT_LENGTH",
                    "HTTP_TRANSFER_ENCODING")


def recording(application):
    def wrapped(environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path.startswith("/__"):
            return framed(application, environ, start_response)
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        environ["wsgi.input"] = __import__("io").BytesIO(body)
        entry = {
            "method": environ["REQUEST_METHOD"], "path": path, "query": environ.get("QUERY_STRING", ""),
            "headers": {name: environ[name] for name in RECORDED_HEADERS if name in environ},
            "length": len(body), "sha256": hashlib.sha256(body).hexdigest(),
        }
        content_type = environ.get("CONTENT_TYPE", "")
        if content_type.startswith("application/json") or content_type.startswith("application/vnd.cvat+json"):
            try:
                entry["json"] = json.loads(body) if body else None
            except ValueError:
                entry["json"] = "<invalid JSON>"
        elif content_type.startswith("multipart/form-data"):
            entry["parts"] = [[name, filename, part_type, hashlib.sha256(payload).hexdigest()]
                              for name, filename, part_type, payload in fake_cvat.parse_multipart(content_type, body)]

        with LOCK:
            STATE["log"].append(entry)
        return framed(application, environ, start_response, entry)
    return wrapped


def framed(application, environ, start_response, entry=None):
    """The application's response with a Content-Length, which wsgiref's HTTP/1.0 server
    leaves out: a client that keeps connections then knows where each response ends instead
    of racing the server's close."""
    answer = {}

    def start(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, headers
        if entry is not None:
            entry["status"] = int(status.split()[0])
        return lambda data: answer.setdefault("written", []).append(data)

    result = application(environ, start)
    try:
        body = b"".join(answer.get("written", [])) + b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    headers = [(name, value) for name, value in answer["headers"] if name.lower() != "content-length"]
    start_response(answer["status"], headers + [("Content-Length", str(len(body)))])
    return [body]


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class ThreadedServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


def main():
    with open(sys.argv[1]) as schema_file:
        fake_cvat.SCHEMAS.update(json.load(schema_file)["components"]["schemas"])
    from django.core.wsgi import get_wsgi_application
    server = make_server("127.0.0.1", 0, recording(get_wsgi_application()), server_class=ThreadedServer,
                         handler_class=QuietHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"PORT {server.server_address[1]}", flush=True)
    sys.stdin.read()
    server.shutdown()


if __name__ == "__main__":
    main()
