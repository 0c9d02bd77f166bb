"""The bare-SMTP yardstick for the email benchmark: sends the messages already in a
Maildir again, byte for byte as stored, to the same server over one connection with Python's
smtplib (nothing composed, nothing stored), and prints the seconds it took.

Usage: blast.py PORT MAILDIR COUNT
"""
import os
import smtplib
import sys
import time


def main():
    port, maildir, count = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    new = os.path.join(maildir, "new")
    names = sorted(os.listdir(new))[:count]
    raw = []
    for name in names:
        with open(os.path.join(new, name), "rb") as f:
            raw.append(f.read())
    started = time.monotonic()
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        for data in raw:
            smtp.sendmail("ar@bench.example", ["ap@bench.example"], data)
    print(f"{time.monotonic() - started:.3f} {len(raw)}")


if __name__ == "__main__":
    main()
