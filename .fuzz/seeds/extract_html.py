#!/usr/bin/env python3
"""Writes the HTML bodies of feed entries as seed files for the `html` fuzz target.

    extract_html.py OUT_DIR FEED_DIR...

Takes the text of every <description>, <content:encoded>, <content> and <summary> element
(CDATA as is, escaped markup unescaped) and of JSON Feed `content_html` / `summary` fields.
Files are named by content hash, so reruns are idempotent. Broken feeds are fine: this is a
regex scan, not a parser, and seeds only need to look like real-world HTML.
"""
import hashlib
import html
import json
import pathlib
import re
import sys

MAX_BYTES = 64 * 1024
MAX_FILES = 3000
ELEMENT = re.compile(
    rb"<(description|content:encoded|content|summary)\b[^>]*>(.*?)</\1\s*>", re.S | re.I)
CDATA = re.compile(rb"^\s*<!\[CDATA\[(.*?)\]\]>\s*$", re.S)


def bodies(raw: bytes):
    if raw.lstrip().startswith(b"{"):
        try:
            feed = json.loads(raw)
        except ValueError:
            return
        for item in feed.get("items", []) if isinstance(feed, dict) else []:
            for key in ("content_html", "summary", "content_text"):
                value = item.get(key) if isinstance(item, dict) else None
                if isinstance(value, str):
                    yield value.encode("utf-8", "replace")
        return
    for match in ELEMENT.finditer(raw):
        body = match.group(2)
        cdata = CDATA.match(body)
        if cdata:
            yield cdata.group(1)
        else:
            yield html.unescape(body.decode("utf-8", "replace")).encode("utf-8", "replace")


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    for feed_dir in sys.argv[2:]:
        for path in sorted(pathlib.Path(feed_dir).rglob("*")):
            if not path.is_file():
                continue
            for body in bodies(path.read_bytes()):
                body = body.strip()[:MAX_BYTES]
                if len(body) < 16 or b"<" not in body:
                    continue
                name = hashlib.sha1(body).hexdigest()[:16]
                target = out / name
                if not target.exists():
                    target.write_bytes(body)
                    written += 1
                if written >= MAX_FILES:
                    print(f"{written} HTML seeds in {out} (capped)")
                    return 0
    print(f"{written} new HTML seeds in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
