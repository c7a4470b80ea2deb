#!/usr/bin/env python3
"""A loopback instance of Schemas/chat.yaml for check-chat.sh: it checks every request byte it
receives (path, query, `Authorization: Bot …`, Content-Type, the JSON body's bytes, each part of
a multipart body) and records what broke an expectation (GET /__failures). Prints "PORT <n>",
then serves until it is stopped."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from loopback import CheckingHandler, serve  # noqa: E402

ADA = {"id": "1", "username": "ada", "premium_type": 2, "locale": "de"}
# Values a newer server sends: a premium type and a locale this client does not know.
BOB = {"id": "2", "username": "bob", "premium_type": 7, "locale": "fr"}


def multipart_parts(body, content_type):
    """(headers, data) of each part, split on the boundary the Content-Type names."""
    boundary = content_type.split("boundary=", 1)[1].strip('"').encode()
    chunks = body.split(b"--" + boundary)
    if chunks[-1] not in (b"--\r\n", b"--"):
        raise ValueError(f"no closing boundary: {chunks[-1]!r}")
    parts = []
    for chunk in chunks[1:-1]:
        head, _, data = chunk[2:].partition(b"\r\n\r\n")
        if not data.endswith(b"\r\n"):
            raise ValueError(f"a part does not end with CRLF: {chunk!r}")
        headers = dict(line.split(": ", 1) for line in head.decode().split("\r\n"))
        parts.append((headers, data[:-2]))
    return parts


class Handler(CheckingHandler):
    def handle_request(self, body, route):
        # The API key with the prefix the scheme declares (`x-token-prefix: 'Bot '`).
        if self.headers.get("Authorization") != "Bot t0ken":
            return self.fail(f"Authorization {self.headers.get('Authorization')!r}")
        key = (self.command, route.path, route.query)
        content_type = self.headers.get("Content-Type", "")

        if key == ("GET", "/api/v9/users/@me", ""):
            return self.send_json(200, ADA)
        if key == ("GET", "/api/v9/users/2", ""):
            return self.send_json(200, BOB)
        if key == ("GET", "/api/v9/channels/c1", ""):
            return self.send_json(200, {"id": "c1", "type": 0, "name": None})
        if key == ("GET", "/api/v9/guilds/g1/members", "limit=2"):
            return self.send_json(200, [{"user": ADA, "nick": None}, {"user": BOB}])
        if key == ("POST", "/api/v9/channels/c1/messages", ""):
            if content_type == "application/json":
                if body != b'{"content":"Hello","tts":false}':
                    return self.fail(f"JSON body {body!r}")
                return self.send_json(200, {"id": "m1", "content": "Hello"})
            if not content_type.startswith("multipart/form-data; boundary="):
                return self.fail(f"Content-Type {content_type!r}")
            try:
                parts = multipart_parts(body, content_type)
            except ValueError as error:
                return self.fail(str(error))
            expected = [
                ({"Content-Disposition": 'form-data; name="content"'}, b"With files"),
                ({"Content-Disposition": 'form-data; name="files"; filename="notes.txt"',
                  "Content-Type": "text/plain"}, b"hi there"),
                ({"Content-Disposition": 'form-data; name="files"; filename="pixel.png"',
                  "Content-Type": "image/png"}, b"\x89PNG"),
            ]
            if parts != expected:
                return self.fail(f"multipart parts {parts!r}")
            attachments = [{"filename": "notes.txt", "size": 8}, {"filename": "pixel.png", "size": 4}]
            return self.send_json(200, {"id": "m2", "content": "With files", "attachments": attachments})
        return self.fail("no such route")


if __name__ == "__main__":
    serve(Handler)
