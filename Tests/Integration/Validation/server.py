"""The loopback server of check-validation.sh: answers POST /probes/<slug> with the body it read
and records every request, so the program can tell that a refused value was never sent."""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from loopback import CheckingHandler, LOCK, serve  # noqa: E402

RECEIVED = []


class Handler(CheckingHandler):
    def handle_request(self, body, route):
        if route.path == "/__received":
            with LOCK:
                return self.send_json(200, list(RECEIVED))
        if self.command == "POST" and route.path.startswith("/probes/"):
            with LOCK:
                RECEIVED.append(route.path + ("?" + route.query if route.query else ""))
            return self.send(201, "application/json", body)
        return self.fail(f"unexpected {self.command} {route.path}")


serve(Handler)
