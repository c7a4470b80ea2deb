#!/usr/bin/env python3
"""A fake CVAT server on 127.0.0.1 for the end-to-end tests of the generated Swift client.

Standard library only, so CI needs nothing beyond python3. It checks every request it receives
(method, path, query string, headers, exact body) against what the scenario expects, and answers
with bodies that it validates against the CVAT 2.72 schema before sending them.

A request that breaks an expectation gets `418` with the reason, and the reason is recorded:
the Swift tests read `GET /__failures` at the end and fail on any entry. `GET /__log` returns
every request received, raw, for byte-level assertions on the Swift side.

Usage: fake_cvat.py SCHEMA.json   (prints "PORT <n>" once listening; stops when stdin closes)
"""

import base64
import datetime
import email.parser
import email.policy
import json
import re
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SCHEMAS = {}
STATE = {"failures": [], "log": [], "polls": {}, "files": {}, "stream": {"sent": 0, "closed": False}}
LOCK = threading.Lock()

BASIC = "Basic " + base64.b64encode(b"admin:secret").decode()
TOKEN = "Token 2f3c4d5e6f"
JSON_TYPE = "application/vnd.cvat+json"
DOWNLOAD_SIZE = 5 * 1024 * 1024


class Mismatch(Exception):
    pass


# rest_framework.fields.BooleanField's TRUE_VALUES and FALSE_VALUES (strings, lowercased).
DRF_BOOLEANS = {**{text: True for text in ("t", "y", "yes", "true", "on", "1")},
                **{text: False for text in ("f", "n", "no", "false", "off", "0")}}


# ---------------------------------------------------------------------------
# Schema validation of our own responses (a subset of JSON Schema: what CVAT uses)


def validate(value, schema, path="$"):
    if "$ref" in schema:
        return validate(value, SCHEMAS[schema["$ref"].split("/")[-1]], path)
    if value is None:
        if schema.get("nullable") or schema.get("enum") == [None]:
            return
        if "allOf" in schema or "oneOf" in schema or "anyOf" in schema:
            members = schema.get("allOf", []) + schema.get("oneOf", []) + schema.get("anyOf", [])
            if any(m.get("enum") == [None] or SCHEMAS.get(m.get("$ref", "").split("/")[-1], {}).get("enum") == [None]
                   for m in members):
                return
        raise Mismatch(f"{path}: null is not allowed")
    for member in schema.get("allOf", []):
        validate(value, member, path)
    for key in ("oneOf", "anyOf"):
        if key in schema:
            errors = []
            for member in schema[key]:
                try:
                    validate(value, member, path)
                    break
                except Mismatch as error:
                    errors.append(str(error))
            else:
                raise Mismatch(f"{path}: matches no alternative ({'; '.join(errors)})")
    if "enum" in schema and value not in schema["enum"]:
        raise Mismatch(f"{path}: {value!r} is not one of {schema['enum']}")
    kind = schema.get("type")
    checks = {
        "object": lambda v: isinstance(v, dict),
        "array": lambda v: isinstance(v, list),
        "string": lambda v: isinstance(v, str),
        "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
        "boolean": lambda v: isinstance(v, bool),
    }
    if kind and not checks[kind](value):
        raise Mismatch(f"{path}: {value!r} is not of type {kind}")
    if kind == "object" or "properties" in schema:
        for name in schema.get("required", []):
            if name not in value:
                raise Mismatch(f"{path}: required property {name!r} is missing")
        for name, item in value.items():
            if name in schema.get("properties", {}):
                validate(item, schema["properties"][name], f"{path}.{name}")
            elif isinstance(schema.get("additionalProperties"), dict):
                validate(item, schema["additionalProperties"], f"{path}.{name}")
    if kind == "array" and "items" in schema:
        for index, item in enumerate(value):
            validate(item, schema["items"], f"{path}[{index}]")


# ---------------------------------------------------------------------------
# Request parsing as Django REST framework does it


def parse_multipart(content_type, body):
    """The parts of a multipart/form-data body, in order: (name, filename, content type, bytes)."""
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body)
    if not message.is_multipart():
        raise Mismatch("the body is not multipart")
    return [(p.get_param("name", header="content-disposition"), p.get_filename(), p.get_content_type(),
             p.get_payload(decode=True)) for p in message.iter_parts()]


def parse_html_list(items, prefix):
    """rest_framework.utils.html.parse_html_list: a list read from a form only under indexed names,
    `prefix[0]`, `prefix[1]`, ... (sorted by index). A name repeated without an index is not read:
    a ListSerializer (`many=True`, as CVAT's client_files, server_files and remote_files are) gets
    nothing from it."""
    found = {}
    pattern = re.compile(r"^%s\[([0-9]+)\](.*)$" % re.escape(prefix))
    for name, value in items:
        match = pattern.match(name)
        if not match:
            continue
        index, key = int(match.group(1)), match.group(2)
        if not key:
            found[index] = value
        else:
            found.setdefault(index, []).append((key, value))
    return [found[index] for index in sorted(found)]


def parse_list_field(items, name):
    """rest_framework.fields.ListField.get_value: a repeated name, or else indexed names."""
    repeated = [value for key, value in items if key == name]
    return repeated if repeated else parse_html_list(items, name)


def parse_datetime(text):
    """django.utils.dateparse.parse_datetime, as DRF's DateTimeField reads a date-time: microseconds
    kept, digits beyond them dropped, `Z` or an offset."""
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,](\d{1,6})\d{0,6})?)?"
                         r"\s*(Z|[+-]\d{2}(?::?\d{2})?)?", text)
    if not match:
        raise Mismatch(f"{text!r} is not a date-time Django reads")
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    microsecond = int((fraction or "0").ljust(6, "0"))
    if zone in (None, "Z"):
        tz = datetime.timezone.utc
    else:
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        tz = datetime.timezone(sign * datetime.timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0)))
    return datetime.datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0),
                             microsecond, tzinfo=tz)


def format_datetime(value):
    """rest_framework.fields.DateTimeField.to_representation: isoformat, `+00:00` spelled `Z`."""
    text = value.astimezone(datetime.timezone.utc).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


# ---------------------------------------------------------------------------
# Response bodies, valid under CVAT 2.72


def task(task_id, size, name="example task", **extra):
    body = {
        "url": f"{BASE}/api/tasks/{task_id}", "id": task_id, "name": name, "project_id": None,
        "owner": {"url": f"{BASE}/api/users/1", "id": 1, "username": "admin", "first_name": "", "last_name": ""},
        "assignee": None, "bug_tracker": "", "created_date": "2026-11-23T10:00:00.123456Z",
        "updated_date": "2026-11-23T10:00:01Z", "overlap": None, "segment_size": 0, "status": "annotation",
        "data_chunk_size": None, "data_original_chunk_type": "imageset", "data_compressed_chunk_type": "imageset",
        "data_cloud_storage_id": None, "guide_id": None, "size": size, "image_quality": 75, "data": None,
        "dimension": "2d", "mode": "annotation", "subset": "", "organization_id": None, "organization": None,
        "target_storage": None, "source_storage": None,
        "jobs": {"count": 0, "completed": 0, "validation": 0, "url": f"{BASE}/api/jobs?task_id={task_id}"},
        "labels": {"url": f"{BASE}/api/labels?task_id={task_id}"}, "assignee_updated_date": None,
        "validation_mode": None, "consensus_enabled": False,
    }
    body.update(extra)
    return body


def request_status(rq_id, status, result_url=None):
    return {
        "status": status, "message": "", "id": rq_id,
        "operation": {"type": rq_id.split(":")[0], "target": "task", "project_id": None, "task_id": 42,
                      "job_id": None, "format": None, "function_id": None},
        "progress": 1.0 if status == "finished" else 0.5, "created_date": "2026-11-23T10:00:00Z",
        "started_date": "2026-11-23T10:00:00Z" if status != "queued" else None,
        "finished_date": "2026-11-23T10:00:02Z" if status == "finished" else None,
        "expiry_date": None, "owner": {"id": 1, "username": "admin"},
        "result_url": result_url, "result_id": None,
    }


def project(project_id):
    return {
        "url": f"{BASE}/api/projects/{project_id}", "id": project_id, "name": f"project {project_id}",
        "owner": None, "assignee": None, "guide_id": None, "bug_tracker": "", "task_subsets": [],
        "created_date": "2026-11-23T10:00:00Z", "updated_date": "2026-11-23T10:00:00Z", "status": "annotation",
        "dimension": None, "organization": None, "organization_id": None, "target_storage": None,
        "source_storage": None, "tasks": {"count": 0, "url": f"{BASE}/api/tasks?project_id={project_id}"},
        "labels": {"url": f"{BASE}/api/labels?project_id={project_id}"}, "assignee_updated_date": None,
    }


def meta_user():
    return {"url": f"{BASE}/api/users/1", "id": 1, "username": "admin", "first_name": "Ada", "last_name": "L",
            "email": "admin@example.com", "groups": ["admin"], "is_staff": True, "is_superuser": True,
            "is_active": True, "last_login": None, "date_joined": "2026-01-01T00:00:00Z",
            "has_analytics_access": True}


def samples():
    """One body of every schema the server answers with, in the variants it sends (nulls,
    microseconds, absent keys): the Swift round-trip test decodes and re-encodes each."""
    assigned = task(44, 1, name="renamed", assignee={"url": f"{BASE}/api/users/2", "id": 2, "username": "ann",
                                                       "first_name": "", "last_name": ""})
    return [
        ("TaskRead", task(42, 2)),
        ("TaskRead", task(261, 3, media_type="audio", data_compressed_chunk_type="audio_mp3")),
        ("TaskRead", assigned),
        ("TaskRead", task(43, 1, assignee_updated_date="2026-11-23T10:00:05.5Z")),
        ("DataResponse", {"rq_id": "create:task-42"}),
        ("Request", request_status("create:task-42", "queued")),
        ("Request", request_status("create:task-42", "started")),
        ("Request", dict(request_status("create:task-42", "failed"), message="No media data found")),
        ("Request", request_status("export:project-7", "finished", f"{BASE}/api/projects/7/dataset/download?rq_id=x")),
        ("Token", {"key": TOKEN.split(" ")[1]}),
        ("MetaUser", meta_user()),
        ("RestAuthDetail", {"detail": "Successfully logged out."}),
        ("PaginatedProjectReadList", {"count": 5, "next": f"{BASE}/api/projects?page=2&page_size=2", "previous": None,
                                      "results": [project(1), project(2)]}),
        ("PaginatedProjectReadList", {"count": 5, "next": None, "previous": f"{BASE}/api/projects?page=2&page_size=2",
                                      "results": [project(5)]}),
        ("PaginatedTaskReadList", {"count": 1, "next": None, "previous": None, "results": [task(7, 1)]}),
        ("RqId", {"rq_id": "export:project-7"}),
        ("AccessTokenRead", access_token("ci", "2026-12-31T23:59:59.123456Z")),
        ("AccessTokenRead", access_token("forever", None)),
    ]


def access_token(name, expiry_date):
    return {"id": 5, "name": name, "created_date": "2026-11-23T10:00:00.000001Z",
            "updated_date": "2026-11-23T10:00:00Z", "expiry_date": expiry_date, "last_used_date": None,
            "read_only": False, "owner": {"url": f"{BASE}/api/users/1", "id": 1, "username": "admin",
                                          "first_name": "", "last_name": ""}, "value": "pat-secret"}


def download_chunk(offset, size):
    return bytes((offset + i) % 251 for i in range(size))


# ---------------------------------------------------------------------------


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    # -- plumbing --

    def expect(self, condition, message):
        if not condition:
            # At most 2,000 characters: a message quoting a 200 MB upload would otherwise be the
            # size of the upload, four times over, in the 418 the client reads.
            raise Mismatch(message if len(message) <= 2000 else message[:2000] + f"… ({len(message)} characters)")

    def header(self, name):
        values = self.headers.get_all(name) or []
        self.expect(len(values) <= 1, f"{name} sent {len(values)} times")
        return values[0] if values else None

    def expect_header(self, name, value):
        actual = self.header(name)
        self.expect(actual == value, f"{name}: expected {value!r}, got {actual!r}")

    def cookies(self):
        cookie = self.header("Cookie") or ""
        return dict(item.strip().split("=", 1) for item in cookie.split(";") if "=" in item)

    def auth(self, expected):
        self.expect_header("Authorization", expected)

    def json_body(self):
        self.expect(self.header("Content-Type") == "application/json",
                    f"Content-Type: expected application/json, got {self.header('Content-Type')!r}")
        try:
            return json.loads(self.body.decode("utf-8"))
        except ValueError as error:
            raise Mismatch(f"the body is not JSON: {error}")

    def expect_ours(self, condition, message):
        """A check of the Swift client's own spelling, where the real server would accept others:
        not applied to the reference client (CVAT's Python SDK, in the differential test)."""
        if not self.reference_client:
            self.expect(condition, message)

    def expect_query(self, expected, exact):
        """The query as Django reads it (names and decoded values; booleans as DRF's BooleanField
        reads them), and for the Swift client also its exact spelling."""
        def read(pairs):
            return sorted((name, DRF_BOOLEANS.get(value.lower(), value)) for name, value in pairs)
        actual = urllib.parse.parse_qsl(self.query, keep_blank_values=True)
        self.expect(read(actual) == read(expected), f"query {self.query!r} reads as {actual}, not {expected}")
        self.expect_ours(self.query == exact, f"query {self.query!r} != {exact!r}")

    def expect_no_body(self):
        self.expect(self.body == b"", f"unexpected body of {len(self.body)} bytes")
        self.expect_ours(self.header("Content-Type") is None, "Content-Type without a body")

    def send(self, status, body=None, schema=None, headers=(), content_type=JSON_TYPE):
        if schema:
            validate(body, SCHEMAS[schema] if isinstance(schema, str) else schema)
        if isinstance(schema, str) and schema not in {name for name, _ in samples()}:
            # Every kind of body the server sends is round-tripped by the Swift tests.
            raise Mismatch(f"{schema} has no entry in samples()")
        data = body if isinstance(body, bytes) else b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        if body is not None:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.body = self.rfile.read(length) if length else b""
        self.reference_client = "cvat_sdk" in (self.headers.get("User-Agent") or "")
        parsed = urllib.parse.urlsplit(self.path)
        self.route = parsed.path
        self.query = parsed.query
        self.params = urllib.parse.parse_qs(parsed.query, keep_blank_values=True)
        with LOCK:
            if not self.route.startswith("/__"):
                STATE["log"].append({
                    "method": self.command, "target": self.path,
                    "headers": [[k, v] for k, v in self.headers.items()],
                    "body": base64.b64encode(self.body).decode(),
                })
        try:
            self.dispatch()
        except Mismatch as error:
            message = f"{self.command} {self.path}: {error}"
            with LOCK:
                STATE["failures"].append(message)
            self.send(418, {"detail": message})

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = handle_any

    def dispatch(self):
        route = (self.command, self.route)
        if route == ("GET", "/__failures"):
            with LOCK:
                failures, STATE["failures"] = STATE["failures"], []
            return self.send(200, failures, content_type="application/json")
        if route == ("GET", "/__samples"):
            bodies = [{"schema": name, "body": body} for name, body in samples()]
            for item in bodies:
                validate(item["body"], SCHEMAS[item["schema"]])
            return self.send(200, bodies, content_type="application/json")
        if route == ("GET", "/__log"):
            with LOCK:
                log, STATE["log"] = STATE["log"], []
            return self.send(200, log, content_type="application/json")
        for prefix, handler in ROUTES:
            if self.command + " " + self.route == prefix or (
                    prefix.endswith("*") and (self.command + " " + self.route).startswith(prefix[:-1])):
                return handler(self)
        raise Mismatch("no such route")

    # -- scenario 1: the seed's low-level example --

    def create_task(self):
        self.expect(self.query in ("", "org_id=3"), f"unexpected query {self.query!r}")
        self.auth(BASIC)
        self.expect_header("Accept", JSON_TYPE)
        body = self.json_body()
        expected = {"name": "example task", "labels": [{"name": "car", "color": "#ff00ff", "attributes": [
            {"name": "a", "mutable": True, "input_type": "number", "default_value": "5", "values": ["4", "5", "6"]}]}]}
        self.expect(body == expected, f"task spec {body!r} != {expected!r}")
        self.send(201, task(42, 0), "TaskRead")

    def create_data(self):
        """POST /api/tasks/42/data/ read as CVAT's DataSerializer reads a multipart body: the files are
        `client_files` only under indexed names; anything else is not read (and so not uploaded)."""
        self.auth(BASIC)
        content_type = self.header("Content-Type") or ""
        self.expect(content_type.startswith("multipart/form-data; boundary="), f"Content-Type {content_type!r}")
        boundary = content_type.split("boundary=", 1)[1]
        self.expect(self.body.endswith(b"--" + boundary.encode() + b"--\r\n"), "the body does not end with the boundary")
        parts = parse_multipart(content_type, self.body)
        items = [(name, (filename, part_type, payload) if filename is not None else payload.decode())
                 for name, filename, part_type, payload in parts]
        fields = dict(items)
        self.expect(fields.get("image_quality") == "75", f"image_quality {fields.get('image_quality')!r}")
        for name, filename, part_type, payload in parts:
            self.expect(filename is None or name.startswith("client_files"), f"unexpected file part {name!r}")
        client_files = [item for item in parse_html_list(items, "client_files") if isinstance(item, tuple)]
        expected = [
            ("image1.jpg", "image/jpeg", b"\xff\xd8\xff\xe0first image\x00\x01"),
            ("image2.jpg", "image/jpeg", b"\xff\xd8\xff\xe0second image\r\n--"),
        ]
        self.expect(client_files in ([], expected), f"client files {client_files!r} != {expected!r}")
        server_files = parse_html_list(items, "server_files")
        with LOCK:
            STATE["files"][42] = len(client_files) + len(server_files)
            STATE["polls"]["create:task-42"] = 0
        self.send(202, {"rq_id": "create:task-42"}, "DataResponse")

    def retrieve_request(self):
        rq_id = urllib.parse.unquote(self.route.rsplit("/", 1)[1])
        self.expect(self.route.endswith(urllib.parse.quote(rq_id, safe="")), f"path not percent-encoded: {self.route}")
        self.expect_no_body()
        with LOCK:
            polls = STATE["polls"][rq_id] = STATE["polls"].get(rq_id, 0) + 1
        status = ["queued", "started", "finished"][min(polls - 1, 2)]
        message = ""
        if rq_id == "create:task-42" and status == "finished" and STATE["files"].get(42, 0) == 0:
            # CVAT's task creation job fails when the upload carried no files it could read.
            status, message = "failed", "No media data found"
        result = f"{BASE}/api/projects/7/dataset/download?rq_id={urllib.parse.quote(rq_id)}" \
            if rq_id.startswith("export") and status == "finished" else None
        body = request_status(rq_id, status, result)
        body["message"] = message
        self.send(200, body, "Request")

    def retrieve_task(self):
        task_id = int(self.route.rsplit("/", 1)[1])
        self.expect_no_body()
        if task_id == 404:
            return self.send(404, {"detail": "Not found."})
        if task_id == 500:
            return self.send(500, b"Internal Server Error", content_type="text/plain")
        if task_id == 13:
            body = task(13, 1)
            body["jobs"]["completed"] = "three"
            return self.send(200, body)
        if task_id == 14:
            body = task(14, 1)
            del body["labels"]
            return self.send(200, body)
        if task_id == 99:
            time.sleep(2)
            return self.send(200, task(99, 0), "TaskRead")
        if task_id == 261:
            # Valid under 2.72, new to a 2.61 client: the media_type field and a new ChunkType value.
            return self.send(200, task(261, 3, media_type="audio", data_compressed_chunk_type="audio_mp3"), "TaskRead")
        self.auth(BASIC)
        with LOCK:
            size = STATE["files"].get(task_id, 0)
        self.send(200, task(task_id, size), "TaskRead")

    # -- scenario 2: login, token, session cookies and CSRF --

    def login(self):
        self.expect(self.header("Authorization") is None, "login must not send credentials")
        self.expect(self.json_body() == {"username": "admin", "password": "secret"}, "login body")
        self.expect(self.header("X-CSRFToken") is None, "no CSRF header before a csrftoken cookie exists")
        self.send(200, {"key": TOKEN.split(" ")[1]}, "Token", headers=[
            ("Set-Cookie", "sessionid=s3ss10n; expires=Mon, 07 Dec 2026 10:00:00 GMT; HttpOnly; Max-Age=1209600; Path=/"),
            ("Set-Cookie", "csrftoken=csrf-t0ken; expires=Mon, 22 Nov 2027 10:00:00 GMT; Max-Age=31449600; Path=/"),
        ])

    def current_user(self):
        self.auth(TOKEN)
        self.expect(self.cookies() == {"sessionid": "s3ss10n", "csrftoken": "csrf-t0ken"}, f"cookies {self.cookies()}")
        self.expect_ours(self.header("X-CSRFToken") is None, "GET is safe: no CSRF header")
        self.expect_ours(self.header("Origin") is None, "GET is safe: no Origin header")
        self.send(200, meta_user(), "MetaUser")

    def logout(self):
        self.auth(TOKEN)
        self.expect(self.cookies() == {"sessionid": "s3ss10n", "csrftoken": "csrf-t0ken"}, f"cookies {self.cookies()}")
        self.expect_header("X-CSRFToken", "csrf-t0ken")
        self.expect_header("Origin", BASE)
        self.expect_no_body()
        self.send(200, {"detail": "Successfully logged out."}, "RestAuthDetail", headers=[
            ("Set-Cookie", 'sessionid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/'),
            ("Set-Cookie", 'csrftoken=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/'),
        ])

    # -- scenario 3: pagination; scenario 7: organization context --

    def list_projects(self):
        self.auth(BASIC)
        page = int(self.params.get("page", ["1"])[0])
        expected = "page_size=2" if page == 1 else f"page={page}&page_size=2"
        self.expect_query(urllib.parse.parse_qsl(expected), expected)
        ids = list(range(1, 6))[(page - 1) * 2:page * 2]
        next_url = f"{BASE}/api/projects?page={page + 1}&page_size=2" if page < 3 else None
        previous = None if page == 1 else f"{BASE}/api/projects?page={page - 1}&page_size=2"
        self.send(200, {"count": 5, "next": next_url, "previous": previous, "results": [project(i) for i in ids]},
                  "PaginatedProjectReadList")

    def list_tasks(self):
        self.auth(BASIC)
        self.expect_header("X-Organization", "acme")
        self.expect_query([("org", "acme"), ("org_id", "3"), ("page_size", "10")], "org=acme&org_id=3&page_size=10")
        self.send(200, {"count": 1, "next": None, "previous": None, "results": [task(7, 1)]}, "PaginatedTaskReadList")

    # -- scenario 4: dataset export and a streamed download --

    def export_dataset(self):
        self.auth(BASIC)
        self.expect_query([("format", "CVAT for images 1.1"), ("save_images", "true")],
                          "format=CVAT%20for%20images%201.1&save_images=true")
        self.expect_no_body()
        with LOCK:
            STATE["polls"]["export:project-7"] = 0
        self.send(202, {"rq_id": "export:project-7"}, "RqId")

    def download(self):
        self.auth(BASIC)
        self.expect_query([("rq_id", "export:project-7")], "rq_id=export%3Aproject-7")
        self.send_response(200)
        self.send_header("Content-Type", "application/zip")
        self.send_header("Content-Length", str(DOWNLOAD_SIZE))
        self.end_headers()
        chunk = 64 * 1024
        for offset in range(0, DOWNLOAD_SIZE, chunk):
            self.wfile.write(download_chunk(offset, min(chunk, DOWNLOAD_SIZE - offset)))

    # -- server-sent events --

    def watch_queue(self):
        self.auth(BASIC)
        self.expect(self.route == "/api/functions/queues/function%3A12/watch", f"path {self.route}")
        self.expect_header("Accept", "text/event-stream")
        self.expect_no_body()
        stream = (b": keep-alive\r\n\r\nevent: request\r\nid: 1\r\ndata: {\"id\": \"r1\"}\r\n\r\n"
                  b"data: first line\ndata: second line\nretry: 500\n\n")
        self.send(200, stream, content_type="text/event-stream")


    # -- absent vs null in PATCH bodies --

    def patch_task(self):
        """PATCH /api/tasks/{id}: a partial update as DRF makes it. A key left out leaves the field as
        it is; `null` clears a nullable field (and is refused for others). The body must be the
        exact bytes the scenario expects: a model's null must not become an absent key, nor the
        reverse."""
        self.auth(BASIC)
        task_id = int(self.route.rsplit("/", 1)[1])
        expected = {43: b'{"assignee_id":null}', 44: b'{"name":"renamed"}'}.get(task_id)
        self.expect(expected is not None, "no such task")
        self.expect(json.loads(self.body or b"null") == json.loads(expected), f"body {self.body!r} != {expected!r}")
        self.expect_ours(self.body == expected, f"body {self.body!r} != {expected!r}")
        body = self.json_body()
        state = task(task_id, 1, assignee={"url": f"{BASE}/api/users/2", "id": 2, "username": "ann",
                                           "first_name": "", "last_name": ""}, assignee_updated_date=None)
        nullable = set(name for name, schema in SCHEMAS["PatchedTaskWriteRequest"]["properties"].items()
                       if schema.get("nullable"))
        for name, value in body.items():
            if value is None and name not in nullable:
                return self.send(400, {name: ["This field may not be null."]})
            if name == "assignee_id":
                state["assignee"] = None
                state["assignee_updated_date"] = "2026-11-23T10:00:05.5Z"
            else:
                state[name] = value
        self.send(200, state, "TaskRead")

    # -- date-times: microseconds sent and echoed --

    def create_access_token(self):
        """POST /api/auth/access_tokens with an expiry date: Django keeps microseconds, so the client
        must send them all; the echo is DRF's spelling (`…123456Z`)."""
        self.auth(BASIC)
        body = self.json_body()
        self.expect(sorted(body) == ["expiry_date", "name"], f"keys {list(body)}")
        self.expect_ours(list(body) == ["name", "expiry_date"], f"keys {list(body)} not in schema order")
        expiry = parse_datetime(body["expiry_date"])
        expected = datetime.datetime(2026, 12, 31, 23, 59, 59, 123456, tzinfo=datetime.timezone.utc)
        self.expect(expiry == expected, f"expiry_date {body['expiry_date']!r} is not {format_datetime(expected)}")
        self.send(201, access_token(body["name"], format_datetime(expiry)), "AccessTokenRead")

    # -- server-sent events, delivered as they are written --

    def watch_stream(self):
        """Events written one at a time. `function:1`: an event, 600 ms, another. `function:2`, endless:
        an event every 100 ms until the client goes away (at most 30 s). (Ids follow the schema's
        `^function:\\d+$`, which the client checks before sending.)"""
        self.auth(BASIC)
        self.expect_header("Accept", "text/event-stream")
        endless = self.route.endswith("function%3A2/watch")
        with LOCK:
            STATE["stream"] = {"sent": 0, "closed": False}
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        deadline = time.monotonic() + 30
        index = 0
        try:
            while time.monotonic() < deadline:
                index += 1
                self.wfile.write(f"id: {index}\ndata: event {index}\n\n".encode())
                self.wfile.flush()
                with LOCK:
                    STATE["stream"]["sent"] = index
                if not endless and index == 2:
                    break
                time.sleep(0.1 if endless else 0.6)
        except (BrokenPipeError, ConnectionResetError):
            with LOCK:
                STATE["stream"]["closed"] = True

    def stream_state(self):
        with LOCK:
            state = dict(STATE["stream"])
        self.send(200, state, content_type="application/json")


ROUTES = [
    ("POST /api/tasks", Handler.create_task),
    ("POST /api/tasks/42/data/", Handler.create_data),
    ("GET /api/requests/*", Handler.retrieve_request),
    ("GET /api/tasks/*", Handler.retrieve_task),
    ("GET /api/tasks", Handler.list_tasks),
    ("POST /api/auth/login", Handler.login),
    ("GET /api/users/self", Handler.current_user),
    ("POST /api/auth/logout", Handler.logout),
    ("GET /api/projects", Handler.list_projects),
    ("POST /api/projects/7/dataset/export", Handler.export_dataset),
    ("GET /api/projects/7/dataset/download", Handler.download),
    ("GET /api/functions/queues/function%3A1/watch", Handler.watch_stream),
    ("GET /api/functions/queues/function%3A2/watch", Handler.watch_stream),
    ("GET /api/functions/queues/*", Handler.watch_queue),
    ("PATCH /api/tasks/*", Handler.patch_task),
    ("POST /api/auth/access_tokens", Handler.create_access_token),
    ("GET /__stream", Handler.stream_state),
]


def main():
    global BASE
    with open(sys.argv[1]) as schema_file:
        SCHEMAS.update(json.load(schema_file)["components"]["schemas"])
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    BASE = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"PORT {server.server_address[1]}", flush=True)
    sys.stdin.read()  # The test process holds the pipe; when it goes, so do we.
    server.shutdown()


if __name__ == "__main__":
    main()
