#!/usr/bin/env python3
"""Loopback HTTP server for Herald's fetch tests. Test support only.

    loopback_server.py DOCROOT [--always-200] [--port N]

Binds 127.0.0.1 on a random port (or N; never any other address), prints "PORT <n>" on stdout,
and serves until its stdin reaches end of file (the test holds the pipe; when the test
process ends, the server ends) or for at most 15 minutes.

Static files under DOCROOT are served with an ETag (a hash of the bytes) and a fixed
Last-Modified, honouring If-None-Match / If-Modified-Since with 304.

DOCROOT/routes.json (read on every request) maps a path to a special behaviour:
    {"/feed": {"file": "a.xml", "etag": "\"v1\"", "last_modified": "...", "gzip": true,
               "status": 200, "location": "/next", "hang": 30, "bytes": 1000,
               "gzip_bomb": 100000000}}
  file         body from DOCROOT/<file> (default: none)
  etag, last_modified
               validators to send; a matching If-None-Match / If-Modified-Since gets 304
  gzip         compress the body (Content-Encoding: gzip)
  status       status code (default 200); with "location", a redirect
  hang         sleep this many seconds before answering (then close without answering)
  bytes        a body of this many bytes of filler text
  gzip_bomb    a gzip body that inflates to this many bytes (sent compressed, ~1000:1)

With --always-200, static files ignore If-None-Match / If-Modified-Since (a server without
conditional GET), for benchmarking a refresh of unchanged content.

Every request is appended to DOCROOT/requests.jsonl as {"path": ..., "headers": {...}}.
"""
import gzip
import hashlib
import io
import json
import os
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DOCROOT = os.path.abspath(sys.argv[1])
ALWAYS_200 = "--always-200" in sys.argv[2:]
PORT = int(sys.argv[sys.argv.index("--port") + 1]) if "--port" in sys.argv[2:] else 0
FIXED_LAST_MODIFIED = "Sat, 01 Jun 2024 00:00:00 GMT"
LOG_LOCK = threading.Lock()


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # the default of 5 stalls parallel clients for a second


def gzip_bomb(size):
    """A gzip stream that inflates to `size` bytes of zeros, built without holding them."""
    out = io.BytesIO()
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
    out.write(header)
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b"\0" * (1 << 20)
    left = size
    crc = 0
    while left > 0:
        piece = chunk if left >= len(chunk) else chunk[:left]
        out.write(comp.compress(piece))
        crc = zlib.crc32(piece, crc)
        left -= len(piece)
    out.write(comp.flush())
    out.write((crc & 0xFFFFFFFF).to_bytes(4, "little"))
    out.write((size & 0xFFFFFFFF).to_bytes(4, "little"))
    return out.getvalue()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def log_request_to_file(self):
        entry = {"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()}}
        with LOG_LOCK:
            with open(os.path.join(DOCROOT, "requests.jsonl"), "a") as f:
                f.write(json.dumps(entry) + "\n")

    def routes(self):
        try:
            with open(os.path.join(DOCROOT, "routes.json")) as f:
                return json.load(f)
        except (OSError, ValueError):
            return {}

    def send(self, status, body=b"", headers=None):
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status != 304 and self.command != "HEAD":
            self.wfile.write(body)

    def not_modified(self, etag, last_modified):
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        if etag is not None and inm is not None:
            return inm == etag
        return last_modified is not None and ims == last_modified

    def do_GET(self):
        self.log_request_to_file()
        path = self.path.split("?", 1)[0]
        route = self.routes().get(self.path) or self.routes().get(path)
        if route is not None:
            return self.serve_route(route)
        full = os.path.normpath(os.path.join(DOCROOT, path.lstrip("/")))
        if not full.startswith(DOCROOT + os.sep) or not os.path.isfile(full):
            return self.send(404, b"not found", {"Content-Type": "text/plain"})
        with open(full, "rb") as f:
            body = f.read()
        etag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
        headers = {"ETag": etag, "Last-Modified": FIXED_LAST_MODIFIED, "Content-Type": "application/xml"}
        if not ALWAYS_200 and self.not_modified(etag, FIXED_LAST_MODIFIED):
            return self.send(304, b"", headers)
        self.send(200, body, headers)

    def serve_route(self, route):
        if "hang" in route:
            time.sleep(float(route["hang"]))
            self.close_connection = True
            return
        status = int(route.get("status", 200))
        headers = {"Content-Type": route.get("content_type", "application/xml")}
        etag = route.get("etag")
        last_modified = route.get("last_modified")
        if etag:
            headers["ETag"] = etag
        if last_modified:
            headers["Last-Modified"] = last_modified
        if "location" in route:
            headers["Location"] = route["location"]
        if status == 200 and self.not_modified(etag, last_modified):
            return self.send(304, b"", headers)
        body = b""
        if "file" in route:
            with open(os.path.join(DOCROOT, route["file"]), "rb") as f:
                body = f.read()
        if "body" in route:
            body = route["body"].encode("utf-8")
        if "bytes" in route:
            body = (b"<rss><channel>" + b"x" * int(route["bytes"]))[: int(route["bytes"])]
        if "gzip_bomb" in route:
            body = gzip_bomb(int(route["gzip_bomb"]))
            headers["Content-Encoding"] = "gzip"
        elif route.get("gzip"):
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        self.send(status, body, headers)

    do_HEAD = do_GET


def main():
    server = Server(("127.0.0.1", PORT), Handler)
    print("PORT %d" % server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def watch_stdin():
        try:
            while sys.stdin.buffer.read(1024):
                pass
        finally:
            os._exit(0)

    threading.Thread(target=watch_stdin, daemon=True).start()
    time.sleep(15 * 60)
    os._exit(0)


if __name__ == "__main__":
    main()
