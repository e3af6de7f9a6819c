#!/usr/bin/env python3
"""Draws Fabrique's app icons as PNG files (standard library only): the brand's "F" on its
green, at 192 and 512 px, and a maskable 512 px one whose drawing stays inside the safe
zone (the inner 80 %). Run once when the brand changes; the PNGs are committed."""
import struct
import sys
import zlib

GREEN = (0x1F, 0x5C, 0x4A)
CREAM = (0xF4, 0xEF, 0xE3)


def png(path, size, pixel):
    rows = bytearray()
    for y in range(size):
        rows.append(0)  # no filter
        for x in range(size):
            rows.extend(pixel(x / size, y / size))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b""))


def letter_f(u, v, margin):
    """Whether (u, v), in the unit square, is on the "F" drawn inside `margin`."""
    scale = 1 - 2 * margin
    x, y = (u - margin) / scale, (v - margin) / scale
    stem = 0.28 <= x <= 0.44 and 0.22 <= y <= 0.78
    top = 0.28 <= x <= 0.74 and 0.22 <= y <= 0.34
    middle = 0.28 <= x <= 0.66 and 0.46 <= y <= 0.57
    return stem or top or middle


def rounded(u, v, radius=0.18):
    cx = min(max(u, radius), 1 - radius)
    cy = min(max(v, radius), 1 - radius)
    return (u - cx) ** 2 + (v - cy) ** 2 <= radius ** 2


def icon(u, v):
    if not rounded(u, v):
        return CREAM
    return CREAM if letter_f(u, v, 0.0) else GREEN


def maskable(u, v):
    return CREAM if letter_f(u, v, 0.1) else GREEN


if __name__ == "__main__":
    folder = sys.argv[1] if len(sys.argv) > 1 else "public"
    png(f"{folder}/icon-192.png", 192, icon)
    png(f"{folder}/icon-512.png", 512, icon)
    png(f"{folder}/icon-maskable-512.png", 512, maskable)
