"""A stand-in for the display under textual-serve, in plain Python so it starts in milliseconds.

It speaks the web driver's framing: the `__GANGLION__` prelude, then packets of a type byte, a 4-byte length and
the payload. It shows a countdown line, answers a resize with its new size, answers typed input with `INPUT`
(which the server must never pass on), and quits on the server's quit message or at the end of its input.
Given a path, it writes its process id there, so a test can see that it has gone.
"""

import json
import os
import sys


def send(payload: bytes) -> None:
    sys.stdout.buffer.write(b"D" + len(payload).to_bytes(4, "big") + payload)
    sys.stdout.buffer.flush()


def main() -> None:
    if len(sys.argv) > 1:
        with open(sys.argv[1], "a", encoding="ascii") as pids:
            pids.write(f"{os.getpid()}\n")
    sys.stdout.buffer.write(b"__GANGLION__\n")
    send(b"\x1b[2J\x1b[Hcountdown 04:59")
    stdin = sys.stdin.buffer
    while len(head := stdin.read(5)) == 5:
        body = stdin.read(int.from_bytes(head[1:], "big"))
        if head[:1] == b"D":
            send(b"INPUT")
            continue
        meta = json.loads(body)
        if meta["type"] == "quit":
            break
        if meta["type"] == "resize":
            send(f"size {meta['width']}x{meta['height']}".encode())


main()
