#!/usr/bin/env python3
"""A loopback instance of Schemas/social.yaml for check-social.sh: it checks every request byte it
receives (path, query, credentials, Accept, Content-Type, body) and records what broke an
expectation (GET /__failures). Prints "PORT <n>", then serves until it is stopped."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from loopback import CheckingHandler, serve  # noqa: E402

ADA = {"id": "a1", "username": "ada", "display_name": None}
BOB = {"id": "a2", "username": "bob"}


def status(status_id, content):
    return {"id": status_id, "created_at": "2026-12-05T10:00:00Z", "account": ADA, "content": content}


class Handler(CheckingHandler):
    def expect_json_body(self, body, expected):
        """The exact bytes: keys in schema order, nothing left out or added."""
        content_type = self.headers.get("Content-Type")
        if body != expected or content_type != "application/json":
            self.fail(f"body {body!r}, Content-Type {content_type!r}")
            return False
        return True

    def handle_request(self, body, route):
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


if __name__ == "__main__":
    serve(Handler)
