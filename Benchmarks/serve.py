#!/usr/bin/env python3
"""Loopback HTTP server for Herald's refresh benchmarks.

Serves the files of a corpus folder (as written by gen_feeds.py) from memory, with a
thread per connection, HTTP/1.1 keep-alive and a listen backlog of 128 (the standard
library's http.server has 5, which stalls a client that opens more connections at once).

Every file gets a strong ETag (size and mtime) and a Last-Modified (mtime). Conditional
requests (If-None-Match, If-Modified-Since) get 304 unless conditional answers are off;
a benchmark flips that between runs without restarting the server:

  GET  /__bench/stats            -> {"200": n, "304": n, "404": n, "bytes": n}
  POST /__bench/reset            -> zeroes the counters
  POST /__bench/conditional/on   -> answer 304 when the validators match (default)
  POST /__bench/conditional/off  -> always answer 200 with the body

Usage: serve.py DIR [--port 8765] [--host 127.0.0.1] [--no-conditional]
Prints "ready <port>" on standard output once it listens.
"""
import argparse
import email.utils
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Corpus:
    """The served files, read once: path -> (body, etag, last_modified, mtime, content type)."""

    TYPES = {".xml": "application/rss+xml", ".atom": "application/atom+xml",
             ".json": "application/feed+json", ".rss": "application/rss+xml"}

    def __init__(self, root):
        self.files = {}
        for folder, _, names in os.walk(root):
            for name in names:
                path = os.path.join(folder, name)
                rel = "/" + os.path.relpath(path, root).replace(os.sep, "/")
                st = os.stat(path)
                with open(path, "rb") as f:
                    body = f.read()
                mtime = int(st.st_mtime)
                etag = '"%x-%x"' % (len(body), mtime)
                modified = email.utils.formatdate(mtime, usegmt=True)
                ctype = self.TYPES.get(os.path.splitext(name)[1], "application/octet-stream")
                self.files[rel] = (body, etag, modified, mtime, ctype)


class State:
    """Counters and the conditional switch, shared by every handler thread."""

    def __init__(self, conditional):
        self.lock = threading.Lock()
        self.conditional = conditional
        self.counts = {"200": 0, "304": 0, "404": 0, "bytes": 0}

    def count(self, status, nbytes=0):
        with self.lock:
            self.counts[str(status)] = self.counts.get(str(status), 0) + 1
            self.counts["bytes"] += nbytes


def make_handler(corpus, state):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, fmt, *args):  # quiet: the benchmark reads /__bench/stats
            pass

        def reply(self, status, body=b"", headers=()):
            self.send_response(status)
            for k, v in headers:
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body and self.command != "HEAD":
                self.wfile.write(body)

        def not_modified(self, etag, modified, mtime):
            if not state.conditional:
                return False
            inm = self.headers.get("If-None-Match")
            if inm is not None:
                return etag in [t.strip() for t in inm.split(",")] or inm.strip() == "*"
            ims = self.headers.get("If-Modified-Since")
            if ims:
                try:
                    since = email.utils.parsedate_to_datetime(ims).timestamp()
                except (TypeError, ValueError):
                    return False
                return mtime <= since
            return False

        def do_GET(self):
            path = self.path.split("?", 1)[0]
            if path == "/__bench/stats":
                with state.lock:
                    body = json.dumps(dict(state.counts, conditional=state.conditional)).encode()
                return self.reply(200, body, [("Content-Type", "application/json")])
            entry = corpus.files.get(path)
            if entry is None:
                state.count(404)
                return self.reply(404, b"not found\n", [("Content-Type", "text/plain")])
            body, etag, modified, mtime, ctype = entry
            validators = [("ETag", etag), ("Last-Modified", modified)]
            if self.not_modified(etag, modified, mtime):
                state.count(304)
                return self.reply(304, b"", validators)
            state.count(200, len(body))
            self.reply(200, body, [("Content-Type", ctype)] + validators)

        do_HEAD = do_GET

        def do_POST(self):
            path = self.path.split("?", 1)[0]
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            if path == "/__bench/reset":
                with state.lock:
                    state.counts = {"200": 0, "304": 0, "404": 0, "bytes": 0}
            elif path == "/__bench/conditional/on":
                state.conditional = True
            elif path == "/__bench/conditional/off":
                state.conditional = False
            else:
                return self.reply(404, b"not found\n")
            self.reply(200, b"ok\n", [("Content-Type", "text/plain")])

    return Handler


class Server(ThreadingHTTPServer):
    request_queue_size = 128
    daemon_threads = True
    allow_reuse_address = True


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("dir")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--no-conditional", action="store_true", help="always answer 200")
    a = p.parse_args()
    corpus = Corpus(a.dir)
    state = State(conditional=not a.no_conditional)
    server = Server((a.host, a.port), make_handler(corpus, state))
    print("ready %d %d files" % (server.server_address[1], len(corpus.files)), flush=True)
    try:
        server.serve_forever(poll_interval=0.1)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    sys.exit(main())
