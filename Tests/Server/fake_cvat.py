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
import email.parser
import email.policy
import json
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SCHEMAS = {}
STATE = {"failures": [], "log": [], "polls": {}}
LOCK = threading.Lock()

BASIC = "Basic " + base64.b64encode(b"admin:secret").decode()
TOKEN = "Token 2f3c4d5e6f"
JSON_TYPE = "application/vnd.cvat+json"
DOWNLOAD_SIZE = 5 * 1024 * 1024


class Mismatch(Exception):
    pass


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
            raise Mismatch(message)

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

    def expect_no_body(self):
        self.expect(self.body == b"", f"unexpected body of {len(self.body)} bytes")
        self.expect(self.header("Content-Type") is None, "Content-Type without a body")

    def send(self, status, body=None, schema=None, headers=(), content_type=JSON_TYPE):
        if schema:
            validate(body, SCHEMAS[schema] if isinstance(schema, str) else schema)
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
        self.auth(BASIC)
        content_type = self.header("Content-Type") or ""
        self.expect(content_type.startswith("multipart/form-data; boundary="), f"Content-Type {content_type!r}")
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + self.body)
        self.expect(message.is_multipart(), "the body is not multipart")
        parts = [(p.get_param("name", header="content-disposition"), p.get_filename(), p.get_content_type(),
                  p.get_payload(decode=True)) for p in message.iter_parts()]
        expected = [
            ("image_quality", None, "text/plain", b"75"),
            ("client_files", "image1.jpg", "image/jpeg", b"\xff\xd8\xff\xe0first image\x00\x01"),
            ("client_files", "image2.jpg", "image/jpeg", b"\xff\xd8\xff\xe0second image\r\n--"),
        ]
        self.expect(parts == expected, f"multipart parts {parts!r} != {expected!r}")
        boundary = content_type.split("boundary=", 1)[1]
        self.expect(self.body.endswith(b"--" + boundary.encode() + b"--\r\n"), "the body does not end with the boundary")
        self.send(202, {"rq_id": "create:task-42"}, "DataResponse")

    def retrieve_request(self):
        rq_id = urllib.parse.unquote(self.route.rsplit("/", 1)[1])
        self.expect(self.route.endswith(urllib.parse.quote(rq_id, safe="")), f"path not percent-encoded: {self.route}")
        self.expect_no_body()
        with LOCK:
            polls = STATE["polls"][rq_id] = STATE["polls"].get(rq_id, 0) + 1
        status = ["queued", "started", "finished"][min(polls - 1, 2)]
        result = f"{BASE}/api/projects/7/dataset/download?rq_id={urllib.parse.quote(rq_id)}" \
            if rq_id.startswith("export") and status == "finished" else None
        self.send(200, request_status(rq_id, status, result), "Request")

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
        self.send(200, task(task_id, 2), "TaskRead")

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
        self.expect(self.header("X-CSRFToken") is None, "GET is safe: no CSRF header")
        self.expect(self.header("Origin") is None, "GET is safe: no Origin header")
        user = {"url": f"{BASE}/api/users/1", "id": 1, "username": "admin", "first_name": "Ada", "last_name": "L",
                "email": "admin@example.com", "groups": ["admin"], "is_staff": True, "is_superuser": True,
                "is_active": True, "last_login": None, "date_joined": "2026-01-01T00:00:00Z",
                "has_analytics_access": True}
        self.send(200, user, "MetaUser")

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
        self.expect(self.query == expected, f"query {self.query!r} != {expected!r}")
        ids = list(range(1, 6))[(page - 1) * 2:page * 2]
        next_url = f"{BASE}/api/projects?page={page + 1}&page_size=2" if page < 3 else None
        previous = None if page == 1 else f"{BASE}/api/projects?page={page - 1}&page_size=2"
        self.send(200, {"count": 5, "next": next_url, "previous": previous, "results": [project(i) for i in ids]},
                  "PaginatedProjectReadList")

    def list_tasks(self):
        self.auth(BASIC)
        self.expect_header("X-Organization", "acme")
        self.expect(self.query == "org=acme&org_id=3&page_size=10", f"query {self.query!r}")
        self.send(200, {"count": 1, "next": None, "previous": None, "results": [task(7, 1)]}, "PaginatedTaskReadList")

    # -- scenario 4: dataset export and a streamed download --

    def export_dataset(self):
        self.auth(BASIC)
        self.expect(self.query == "format=CVAT%20for%20images%201.1&save_images=true", f"query {self.query!r}")
        self.expect_no_body()
        self.send(202, {"rq_id": "export:project-7"}, "RqId")

    def download(self):
        self.auth(BASIC)
        self.expect(self.query == "rq_id=export%3Aproject-7", f"query {self.query!r}")
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
    ("GET /api/functions/queues/*", Handler.watch_queue),
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
