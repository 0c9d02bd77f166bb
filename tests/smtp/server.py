"""A real SMTP server for Owed's email tests (aiosmtpd), on 127.0.0.1.

Usage: server.py MAILDIR [USER:PASSWORD]
Prints the port it listens on, then serves until killed. With USER:PASSWORD, it asks
for a login (AUTH PLAIN or LOGIN, allowed without TLS on this machine) and refuses any
other with 535. Each message accepted is
added to the Maildir MAILDIR, and its envelope (sender, recipients, Message-ID) is
appended as one JSON line to MAILDIR/envelopes.jsonl. A recipient whose address
contains "reject" is refused for good (550); one containing "later" for now (450).
"""
import email
import json
import logging
import mailbox
import os
import socket
import sys
import time
import warnings

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


class Login:
    """Takes only the one user and password given."""

    def __init__(self, account):
        user, _, password = account.partition(":")
        self.user = user.encode()
        self.password = password.encode()

    def __call__(self, server, session, envelope, mechanism, auth_data):
        from aiosmtpd.smtp import AuthResult, LoginPassword

        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login == self.user
            and auth_data.password == self.password
        )
        # Not handled here: the server answers itself (235, or 535 on a failure).
        return AuthResult(success=ok, handled=False)


def main():
    folder = sys.argv[1]
    port = free_port()
    login = {}
    if len(sys.argv) > 2:
        # A login without TLS is what a test on this machine wants: say nothing of it.
        warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
        logging.getLogger("mail.log").setLevel(logging.ERROR)
        login = {
            "authenticator": Login(sys.argv[2]),
            "auth_required": True,
            "auth_require_tls": False,
        }
    controller = Controller(Handler(folder), hostname="127.0.0.1", port=port, **login)
    controller.start()
    print(port, flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
