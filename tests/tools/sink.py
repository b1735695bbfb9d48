#!/usr/bin/python3
"""A local receiver for the tests: an SMTP server (aiosmtpd, Debian's
python3-aiosmtpd) and an HTTP server for webhooks, each writing what it gets
to a directory, one file a message:

  sink.py --dir D --smtp-port P [--http-port Q] [--http-status N]

  D/mail-NNNN.eml    the message as received, with "X-Envelope-To: ..." first
  D/hook-NNNN.json   {"headers": {...}, "body": "..."} of each POST

A file appears whole (written, then renamed). D/ready is written once both
servers listen. SIGTERM stops it. D/http-status, when present, holds the
status the HTTP server answers (default --http-status, 200): a test can make
the receiver fail and recover.
"""
import argparse
import http.server
import itertools
import json
import os
import signal
import threading

from aiosmtpd.controller import Controller

counter = itertools.count(1)
lock = threading.Lock()


def write(directory, prefix, suffix, data):
    with lock:
        n = next(counter)
    name = os.path.join(directory, f"{prefix}-{n:04d}{suffix}")
    with open(name + ".part", "wb") as f:
        f.write(data)
    os.rename(name + ".part", name)


class MailHandler:
    def __init__(self, directory):
        self.directory = directory

    async def handle_DATA(self, server, session, envelope):
        head = "".join(f"X-Envelope-To: {r}\r\n" for r in envelope.rcpt_tos)
        head += f"X-Envelope-From: {envelope.mail_from}\r\n"
        write(self.directory, "mail", ".eml", head.encode() + envelope.original_content)
        return "250 OK"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dir", required=True)
    p.add_argument("--smtp-port", type=int, required=True)
    p.add_argument("--http-port", type=int, default=0)
    p.add_argument("--http-status", type=int, default=200)
    a = p.parse_args()
    os.makedirs(a.dir, exist_ok=True)

    smtp = Controller(MailHandler(a.dir), hostname="127.0.0.1", port=a.smtp_port)
    smtp.start()

    class Hook(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            status = a.http_status
            try:
                with open(os.path.join(a.dir, "http-status")) as f:
                    status = int(f.read().strip())
            except (OSError, ValueError):
                pass
            if 200 <= status < 300:
                record = {"headers": {k.lower(): v for k, v in self.headers.items()},
                          "body": body.decode("utf-8", "replace"), "path": self.path}
                write(a.dir, "hook", ".json", json.dumps(record).encode())
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    httpd = None
    if a.http_port:
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", a.http_port), Hook)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    with open(os.path.join(a.dir, "ready"), "w") as f:
        f.write("ready\n")
    stop.wait()
    smtp.stop()
    if httpd:
        httpd.shutdown()


if __name__ == "__main__":
    main()
