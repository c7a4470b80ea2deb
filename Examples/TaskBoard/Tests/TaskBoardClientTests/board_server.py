#!/usr/bin/env python3
"""A loopback task-board server for the example's tests: it checks every request byte it receives
and records what broke an expectation (GET /__failures). Prints "PORT <n>"; stops with stdin."""

import email.parser
import email.policy
import json
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FAILURES = []
LOCK = threading.Lock()


def task(task_id, title, status="todo", assignee="ann"):
    return {"id": task_id, "title": title, "status": status, "assignee": assignee}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send_json(self, status, body, link=None):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        if link:
            self.send_header("Link", link)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def fail(self, message):
        with LOCK:
            FAILURES.append(f"{self.command} {self.path}: {message}")
        self.send_json(418, {"detail": message})

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        route = urllib.parse.urlsplit(self.path)
        if route.path == "/__failures":
            with LOCK:
                failures, FAILURES[:] = list(FAILURES), []
            return self.send_json(200, failures)
        if route.path == "/health":
            if "Authorization" in self.headers:
                return self.fail("the health check takes no credentials")
            return self.send_json(200, {"status": "ok", "version": "1.2"})
        if self.headers.get("Authorization") != "Bearer t0ken":
            return self.fail(f"Authorization {self.headers.get('Authorization')!r}")
        key = (self.command, route.path)
        if key == ("GET", "/boards/7/tasks"):
            base = f"http://127.0.0.1:{self.server.server_address[1]}/boards/7/tasks"
            if route.query == "page_size=2":
                return self.send_json(200, {"count": 3, "next": base + "?page=2&page_size=2", "previous": None,
                                            "results": [task(1, "Plan"), task(2, "Build", "doing")]})
            if route.query == "page=2&page_size=2":
                return self.send_json(200, {"count": 3, "next": None, "previous": base + "?page_size=2",
                                            "results": [task(3, "Ship", "done", None)]})
            return self.fail(f"query {route.query!r}")
        if key == ("POST", "/boards/7/tasks"):
            expected = b'{"title":"Write docs","status":"todo","due":"2026-12-24T09:00:00.5Z"}'
            if body != expected or self.headers.get("Content-Type") != "application/json":
                return self.fail(f"body {body!r}, Content-Type {self.headers.get('Content-Type')!r}")
            return self.send_json(201, dict(task(4, "Write docs", assignee=None), due="2026-12-24T09:00:00.5Z"))
        if key == ("GET", "/boards/7/events"):
            events = f"http://127.0.0.1:{self.server.server_address[1]}/boards/7/events"
            if route.query == "per_page=2":
                link = f'<{events}?page=2&per_page=2>; rel="next", <{events}?page=2&per_page=2>; rel="last"'
                return self.send_json(200, [{"id": 1, "kind": "created"}, {"id": 2, "kind": "moved"}], link)
            if route.query == "page=2&per_page=2":
                return self.send_json(200, [{"id": 3, "kind": "done"}], f'<{events}?per_page=2>; rel="prev"')
            return self.fail(f"query {route.query!r}")
        if key == ("GET", "/boards/7/activity"):
            accept = self.headers.get("Accept", "")
            if accept == "application/json":
                return self.send_json(200, [{"id": 1, "kind": "created"}])
            if accept != "text/event-stream":
                return self.fail(f"Accept {accept!r}")
            data = b'event: created\ndata: {"id": 1}\n\nevent: moved\ndata: {"id": 2}\n\n'
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return None
        if key == ("GET", "/boards/7/comments"):
            if route.query == "limit=2":
                return self.send_json(200, {"data": [{"text": "a"}, {"text": "b"}], "next_cursor": "c2"})
            if route.query == "cursor=c2&limit=2":
                return self.send_json(200, {"data": [{"text": "c"}], "next_cursor": None})
            return self.fail(f"query {route.query!r}")
        if key == ("GET", "/boards/7/members"):
            if route.query == "limit=2":
                return self.send_json(200, {"members": ["ann", "bob"], "total": 3})
            if route.query == "offset=2&limit=2":
                return self.send_json(200, {"members": ["cy"], "total": 3})
            return self.fail(f"query {route.query!r}")
        if key == ("PATCH", "/tasks/99"):
            return self.send_json(404, {"detail": "Not found."})
        if key == ("PATCH", "/tasks/5"):
            if body != b'{"title":""}':
                return self.fail(f"body {body!r}")
            return self.send_json(422, {"title": ["This field may not be blank."]})
        if key == ("PATCH", "/tasks/3"):
            if body != b'{"assignee":null}':
                return self.fail(f"body {body!r}")
            return self.send_json(200, task(3, "Ship", "done", None))
        if key == ("POST", "/tasks/3/attachments"):
            content_type = self.headers.get("Content-Type", "")
            message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
                b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body)
            parts = [(p.get_param("name", header="content-disposition"), p.get_filename(), p.get_content_type(),
                      p.get_payload(decode=True)) for p in message.iter_parts()] if message.is_multipart() else []
            expected = [("files[0]", "notes.txt", "text/plain", b"remember the milk"),
                        ("files[1]", "photo.png", "image/png", b"\x89PNG\r\n"),
                        ("tags[0]", None, "text/plain", b"urgent"), ("tags[1]", None, "text/plain", b"home")]
            if parts != expected:
                return self.fail(f"parts {parts!r}")
            return self.send_json(201, [{"name": name, "size": len(data), "content_type": kind}
                                        for name, _, kind, data in parts[:2]])
        return self.fail("no such route")

    do_GET = do_POST = do_PATCH = handle_any


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"PORT {server.server_address[1]}", flush=True)
    sys.stdin.read()
    server.shutdown()


if __name__ == "__main__":
    main()
