"""What the loopback servers of the integration checks share (Social/server.py, Chat/server.py):
a request handler that records every broken expectation and reports them at GET /__failures,
and a `serve` that prints "PORT <n>" and serves on 127.0.0.1 until it is stopped."""

import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FAILURES = []
LOCK = threading.Lock()


class CheckingHandler(BaseHTTPRequestHandler):
    """Subclasses implement `handle_request(body, route)`; `fail` records what was wrong and
    answers 418, so that the client under test fails too."""

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

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        route = urllib.parse.urlsplit(self.path)
        if route.path == "/__failures":
            with LOCK:
                failures, FAILURES[:] = list(FAILURES), []
            return self.send_json(200, failures)
        return self.handle_request(body, route)

    def do_GET(self):
        self.handle_any()

    def do_POST(self):
        self.handle_any()


def serve(handler):
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()
