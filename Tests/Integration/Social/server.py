#!/usr/bin/env python3
"""A loopback instance of Schemas/social.yaml for check-social.sh: it checks every request byte it
receives (path, query, credentials, Accept, Content-Type, body) and records what broke an
expectation (GET /__failures). Prints "PORT <n>", then serves until it is stopped."""

import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FAILURES = []
LOCK = threading.Lock()

ADA = {"id": "a1", "username": "ada", "display_name": None}
BOB = {"id": "a2", "username": "bob"}


def status(status_id, content):
    return {"id": status_id, "created_at": "2026-12-05T10:00:00Z", "account": ADA, "content": content}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, code, content_type, data, link=None):
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        if link:
            self.send_header("Link", link)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def send_json(self, code, body, link=None):
        self.send(code, "application/json", json.dumps(body).encode(), link)

    def fail(self, message):
        with LOCK:
            FAILURES.append(f"{self.command} {self.path}: {message}")
        self.send_json(418, {"error": message})

    def expect_json_body(self, body, expected):
        """The exact bytes: keys in schema order, nothing left out or added."""
        content_type = self.headers.get("Content-Type")
        if body != expected or content_type != "application/json":
            self.fail(f"body {body!r}, Content-Type {content_type!r}")
            return False
        return True

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        route = urllib.parse.urlsplit(self.path)
        if route.path == "/__failures":
            with LOCK:
                failures, FAILURES[:] = list(FAILURES), []
            return self.send_json(200, failures)
        # OAuth2: the access token, as a bearer token, on every call.
        if self.headers.get("Authorization") != "Bearer s3cret":
            return self.fail(f"Authorization {self.headers.get('Authorization')!r}")
        accept = self.headers.get("Accept")
        key = (self.command, route.path, route.query)
        if key[:2] != ("POST", "/api/v1/statuses/s1/replies/suggested") and accept != "application/json":
            return self.fail(f"Accept {accept!r}")

        if key == ("POST", "/api/v1/statuses", ""):
            if body.startswith(b'{"kind":"poll"'):
                expected = b'{"kind":"poll","question":"Tea or coffee?","options":["tea"]}'
                if self.expect_json_body(body, expected):
                    self.send_json(422, {"error": "invalid status",
                                         "details": {"options": ["A poll needs at least two options."]}})
                return None
            if self.expect_json_body(body, b'{"kind":"text","text":"Hello, fediverse"}'):
                self.send_json(200, status("s9", "Hello, fediverse"))
            return None

        # The home timeline, paged by `Link` headers; the next page's address is relative.
        if key == ("GET", "/api/v1/timelines/home", "limit=2"):
            link = '</api/v1/timelines/home?limit=2&max_id=s2>; rel="next", </api/v1/timelines/home>; rel="first"'
            return self.send_json(200, [status("s3", "third"), status("s2", "second")], link)
        if key == ("GET", "/api/v1/timelines/home", "limit=2&max_id=s2"):
            return self.send_json(200, [status("s1", "first")], '</api/v1/timelines/home?limit=2>; rel="prev"')

        # Notifications, paged by a cursor in the body. The third is of a kind the document does
        # not know yet.
        if key == ("GET", "/api/v1/notifications", "limit=2"):
            return self.send_json(200, {"data": [{"type": "mention", "id": "n1", "status": status("s3", "third")},
                                                 {"type": "follow", "id": "n2", "account": BOB}],
                                        "next_cursor": "n2"})
        if key == ("GET", "/api/v1/notifications", "cursor=n2&limit=2"):
            return self.send_json(200, {"data": [{"type": "reblog", "id": "n3", "status": status("s1", "first")}],
                                        "next_cursor": None})

        # A reply suggestion: JSON, or an event stream when the body asks for one and the call
        # accepts one.
        if key == ("POST", "/api/v1/statuses/s1/replies/suggested", ""):
            if accept == "application/json":
                if self.expect_json_body(body, b'{"tone":"friendly"}'):
                    self.send_json(200, {"text": "Lovely!"})
                return None
            if accept != "text/event-stream":
                return self.fail(f"Accept {accept!r}")
            if self.expect_json_body(body, b'{"tone":"friendly","stream":true}'):
                self.send(200, "text/event-stream", b'data: Love\n\ndata: ly\n\nevent: done\ndata: !\n\n')
            return None
        return self.fail("no such route")

    do_GET = do_POST = handle_any


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
