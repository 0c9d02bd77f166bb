"""Reads back the Maildir the test server wrote, as JSON a test can check.

Usage: read.py MAILDIR
Prints a list of messages: headers decoded (RFC 2047 words back to text), the plain
and HTML parts, and each attachment's name, type and sha256.
"""
import email
import email.policy
import hashlib
import json
import mailbox
import sys


def main():
    out = []
    for key, raw in sorted(mailbox.Maildir(sys.argv[1], create=False).items()):
        message = email.message_from_bytes(raw.as_bytes(), policy=email.policy.default)
        entry = {
            "subject": str(message["Subject"]),
            "from": str(message["From"]),
            "to": str(message["To"]),
            "reply_to": str(message["Reply-To"]) if message["Reply-To"] else None,
            "message_id": str(message["Message-ID"]),
            "date": str(message["Date"]),
            "mime_version": str(message["MIME-Version"]),
            "text": None,
            "html": None,
            "attachments": [],
        }
        for part in message.walk():
            if part.is_multipart():
                continue
            if part.get_content_disposition() == "attachment":
                data = part.get_payload(decode=True)
                entry["attachments"].append({
                    "name": part.get_filename(),
                    "type": part.get_content_type(),
                    "sha256": hashlib.sha256(data).hexdigest(),
                    "bytes": len(data),
                })
            elif part.get_content_type() == "text/plain":
                entry["text"] = part.get_content()
            elif part.get_content_type() == "text/html":
                entry["html"] = part.get_content()
        out.append(entry)
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
