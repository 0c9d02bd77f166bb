"""A real SMTP server for Owed's email tests (aiosmtpd), on 127.0.0.1.

Usage: server.py MAILDIR
Prints the port it listens on, then serves until killed. Each message accepted is
added to the Maildir MAILDIR, and its envelope (sender, recipients, Message-ID) is
appended as one JSON line to MAILDIR/envelopes.jsonl. A recipient whose address
contains "reject" is refused for good (550); one containing "later" for now (450).
"""
import email
import json
import mailbox
import os
import socket
import sys
import time

from aiosmtpd.controller import Controller


class Handler:
    def __init__(self, folder):
        self.folder = folder
        self.box = mailbox.Maildir(folder, create=True)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if "reject" in address:
            return "550 5.1.1 <%s>: no such user here" % address
        if "later" in address:
            return "450 4.2.1 <%s>: mailbox busy, try later" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.box.add(envelope.content)
        message = email.message_from_bytes(envelope.content)
        with open(os.path.join(self.folder, "envelopes.jsonl"), "a") as out:
            out.write(json.dumps({
                "from": envelope.mail_from,
                "to": envelope.rcpt_tos,
                "message_id": message.get("Message-ID"),
            }) + "\n")
        return "250 Message accepted for delivery"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    folder = sys.argv[1]
    port = free_port()
    controller = Controller(Handler(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print(port, flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
