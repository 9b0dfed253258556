#!/usr/bin/env python3
"""sitewhole.py DIR: every file of the report's site DIR is whole: no
empty file, each PNG complete (every chunk's CRC, then IEND), each SVG
well-formed XML, each page ending in </html>, each CSV and report.md in a
line end; no other file (a temporary one) outside DIR/.tmp/. Prints the
files that are not and exits 1, else exits 0."""
import os
import struct
import sys
import xml.etree.ElementTree as ET
import zlib


def png_whole(data):
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return False
    i = 8
    while i + 8 <= len(data):
        n, kind = struct.unpack(">I4s", data[i:i + 8])
        crc = data[i + 8 + n:i + 12 + n]
        if len(crc) != 4 or zlib.crc32(data[i + 4:i + 8 + n]) != struct.unpack(">I", crc)[0]:
            return False
        if kind == b"IEND":
            return True
        i += 12 + n
    return False


def problem(name, data):
    if not data:
        return "empty"
    if name.endswith(".png"):
        return None if png_whole(data) else "not a whole PNG"
    if name.endswith(".svg"):
        try:
            ET.fromstring(data)
        except ET.ParseError as e:
            return "not well-formed: %s" % e
        return None
    if name.endswith(".html"):
        return None if data.rstrip().endswith(b"</html>") else "cut short"
    if name.endswith(".csv") or name.endswith(".md"):
        return None if data.endswith(b"\n") else "cut short"
    return "not a file of the site"


def main():
    root = sys.argv[1]
    bad = []
    for d, dirs, files in os.walk(root):
        if d == root and ".tmp" in dirs:
            dirs.remove(".tmp")
        for f in files:
            p = os.path.join(d, f)
            with open(p, "rb") as fh:
                why = problem(f, fh.read())
            if why:
                bad.append("%s: %s" % (os.path.relpath(p, root), why))
    print("\n".join(bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
