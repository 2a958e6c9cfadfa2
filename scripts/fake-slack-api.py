#!/usr/bin/env python3
"""A stand-in for Slack's Web API on loopback, for the load benchmark (docs/benchmarks.md).

Answers users.lookupByEmail with users_not_found (as Slack would for the benchmark's invented CSM
e-mails) and every other POST with a successful auth.test-shaped body; counts calls per path, which
GET /counts shows. Listens on 127.0.0.1 only. Usage: python3 scripts/fake-slack-api.py [PORT]
"""
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

OK = json.dumps({"ok": True, "team_id": "T0ACME", "user_id": "UBOT", "bot_id": "B1", "team": "Acme",
                 "url": "https://acme.slack.com/", "user": "nrr"}).encode()
NOT_FOUND = json.dumps({"ok": False, "error": "users_not_found"}).encode()
counts = {}
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _send(self, body):
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        with lock:
            counts[self.path] = counts.get(self.path, 0) + 1
        self._send(NOT_FOUND if self.path.endswith("/users.lookupByEmail") else OK)

    def do_GET(self):
        with lock:
            self._send(json.dumps(counts).encode())

    def log_message(self, fmt, *args):
        pass


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8765
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    print(f"fake Slack Web API on http://127.0.0.1:{port}/api/", flush=True)
    server.serve_forever()
