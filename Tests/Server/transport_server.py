"""The loopback server of Tests/TransportTests: one handler behind three listeners on 127.0.0.1
(plain HTTP; HTTPS with a certificate from a certificate authority made for this run; HTTPS that
also requires a client certificate from that authority), and an HTTP proxy on the plain listener
(a request whose target is an absolute URL is answered as if it came direct, and marked so).

Prints one line, "PORT <http> <https> <mutual-tls> <certificate folder>", then serves until
stdin closes (the test process ends). The certificate folder holds ca.pem, client.pem and
client-key.pem, made with Debian's openssl.

Every request is read the way a strict server reads it: `Content-Length` or chunked (not both,
which RFC 9112 forbids), the body to its last byte. Routes:

    ANY  /echo[/<marker>]      what arrived: method, target, headers, body length and SHA-256
    GET  /bytes/<n>            n bytes (byte i is i % 251), for downloads and throughput
    GET  /slow/<ms>            answers after ms milliseconds
    GET  /events/<n|endless>   server-sent events every 50 ms; /__events says how far it got
    ANY  /flaky/<key>/<k>/<status>[?retry_after=<s>]
                               the first k requests of <key> get <status>, then 200
    GET  /__attempts/<key>     the monotonic times of <key>'s requests
    GET  /protected            401 unless `Authorization: Bearer fresh`
    GET  /__log                every request so far (method, target, proxied): tests pick
                               theirs by a marker in the target, since suites run concurrently
    CONNECT host:port          a proxy tunnel (logged as proxied), as AsyncHTTPClient asks for
"""

import hashlib
import json
import os
import select
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()
LOG = []
ATTEMPTS = {}
EVENTS = {"sent": 0, "closed": False}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.handle_any()

    do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = do_GET

    def do_CONNECT(self):
        with LOCK:
            LOG.append({"method": "CONNECT", "target": self.path, "proxied": True})
        host, port = self.path.rsplit(":", 1)
        upstream = socket.create_connection((host, int(port)))
        self.send_response(200, "Connection established")
        self.end_headers()
        self.close_connection = True
        sockets = [self.connection, upstream]
        try:
            while True:
                readable, _, _ = select.select(sockets, [], [], 30)
                if not readable:
                    break
                for source in readable:
                    data = source.recv(1 << 16)
                    if not data:
                        return
                    (upstream if source is self.connection else self.connection).sendall(data)
        except OSError:
            pass
        finally:
            upstream.close()

    # -- reading --

    def read_body(self):
        """The body as a strict server reads it; returns (length, sha256, chunked) or None after
        answering 400."""
        length = self.headers.get("Content-Length")
        chunked = "chunked" in (self.headers.get("Transfer-Encoding") or "").lower()
        if length is not None and chunked:
            self.answer(400, {"error": "both Content-Length and Transfer-Encoding: chunked"})
            return None
        digest = hashlib.sha256()
        total = 0
        if chunked:
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    break
                remaining = size
                while remaining:
                    piece = self.rfile.read(min(remaining, 1 << 20))
                    digest.update(piece)
                    remaining -= len(piece)
                total += size
                self.rfile.readline()
        else:
            remaining = int(length or 0)
            while remaining:
                piece = self.rfile.read(min(remaining, 1 << 20))
                if not piece:
                    break
                digest.update(piece)
                total += len(piece)
                remaining -= len(piece)
        return total, digest.hexdigest(), chunked

    # -- answering --

    def answer(self, status, body, headers=()):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/octet-stream" if isinstance(body, bytes) else "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def handle_any(self):
        target = self.path
        proxied = target.startswith("http://")
        if proxied:
            split = urllib.parse.urlsplit(target)
            target = split.path + (("?" + split.query) if split.query else "")
        route = urllib.parse.urlsplit(target)
        parts = [urllib.parse.unquote(p) for p in route.path.split("/") if p]
        query = urllib.parse.parse_qs(route.query)
        read = self.read_body()
        if read is None:
            return
        length, sha256, chunked = read
        if not route.path.startswith("/__"):
            with LOCK:
                LOG.append({"method": self.command, "target": target, "proxied": proxied})

        if parts == ["__log"]:
            with LOCK:
                return self.answer(200, list(LOG))
        if parts[:1] == ["__attempts"]:
            with LOCK:
                return self.answer(200, ATTEMPTS.get(parts[1], []))
        if parts == ["__events"]:
            with LOCK:
                return self.answer(200, dict(EVENTS))
        if parts[:1] == ["echo"]:
            return self.answer(
                200,
                {
                    "method": self.command,
                    "target": target,
                    "headers": [[k, v] for k, v in self.headers.items()],
                    "length": length,
                    "sha256": sha256,
                    "chunked": chunked,
                    "proxied": proxied,
                },
            )
        if parts[:1] == ["bytes"]:
            return self.send_bytes(int(parts[1]))
        if parts[:1] == ["slow"]:
            time.sleep(int(parts[1]) / 1000)
            return self.answer(200, {"late": True})
        if parts[:1] == ["events"]:
            return self.send_events(None if parts[1] == "endless" else int(parts[1]))
        if parts[:1] == ["flaky"]:
            key, failures, status = parts[1], int(parts[2]), int(parts[3])
            with LOCK:
                ATTEMPTS.setdefault(key, []).append(time.monotonic())
                attempt = len(ATTEMPTS[key])
            if attempt <= failures:
                headers = [("Retry-After", query["retry_after"][0])] if "retry_after" in query else []
                return self.answer(status, {"attempt": attempt}, headers)
            return self.answer(200, {"attempts": attempt})
        if parts == ["protected"]:
            if self.headers.get("Authorization") == "Bearer fresh":
                return self.answer(200, {"ok": True})
            return self.answer(401, {"detail": "Token expired"})
        return self.answer(404, {"error": f"no route {route.path}"})

    def send_bytes(self, count):
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(count))
        self.end_headers()
        block = bytes(i % 251 for i in range(251 * 1024))
        sent = 0
        while sent < count:
            # Byte i of the body is i % 251: blocks of 251 KiB keep the pattern across writes.
            piece = block[: min(len(block), count - sent)]
            self.wfile.write(piece)
            sent += len(piece)

    def send_events(self, count):
        with LOCK:
            EVENTS.update(sent=0, closed=False)
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        index = 0
        deadline = time.monotonic() + 30
        try:
            while time.monotonic() < deadline and (count is None or index < count):
                index += 1
                self.wfile.write(f"id: {index}\ndata: event {index}\n\n".encode())
                self.wfile.flush()
                with LOCK:
                    EVENTS["sent"] = index
                time.sleep(0.05)
        except OSError:
            pass
        with LOCK:
            EVENTS["closed"] = True


def make_certificates(folder):
    """A certificate authority, a server certificate for 127.0.0.1 and localhost, and a client
    certificate, all signed by that authority."""

    def openssl(*arguments):
        subprocess.run(["openssl", *arguments], cwd=folder, check=True, capture_output=True)

    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=specforge test CA",
            "-keyout", "ca-key.pem", "-out", "ca.pem")
    with open(os.path.join(folder, "server.ext"), "w") as extensions:
        extensions.write("subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n")
    with open(os.path.join(folder, "client.ext"), "w") as extensions:
        extensions.write("extendedKeyUsage=clientAuth\n")
    for name in ("server", "client"):
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", f"/CN={name}", "-keyout", f"{name}-key.pem",
                "-out", f"{name}.csr")
        openssl("x509", "-req", "-in", f"{name}.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial",
                "-days", "2", "-extfile", f"{name}.ext", "-out", f"{name}.pem")


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # Refused handshakes (the tests make them on purpose) and dropped connections.
        pass


def listen(context=None):
    server = QuietServer(("127.0.0.1", 0), Handler)
    if context:
        server.socket = context.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server.server_address[1]


def main():
    folder = tempfile.mkdtemp(prefix="specforge-tls-")
    make_certificates(folder)
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(os.path.join(folder, "server.pem"), os.path.join(folder, "server-key.pem"))
    mutual = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    mutual.load_cert_chain(os.path.join(folder, "server.pem"), os.path.join(folder, "server-key.pem"))
    mutual.verify_mode = ssl.CERT_REQUIRED
    mutual.load_verify_locations(os.path.join(folder, "ca.pem"))
    ports = [listen(), listen(tls), listen(mutual)]
    print("PORT", *ports, folder, flush=True)
    # Until the test process that started this one goes away.
    sys.stdin.read()


if __name__ == "__main__":
    main()
