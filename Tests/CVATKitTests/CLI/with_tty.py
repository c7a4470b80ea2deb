"""Runs a command on a pseudo-terminal and answers its password prompt, as a person would:
waits for `Password for`, types ANSWER and Enter, then passes everything the command writes
to the terminal through to stdout and exits with the command's status.

Usage: with_tty.py ANSWER COMMAND [ARGUMENT...]
"""
import os
import pty
import sys

answer, command = sys.argv[1], sys.argv[2:]
pid, terminal = pty.fork()
if pid == 0:
    os.execv(command[0], command)

seen, answered = b"", False
while True:
    try:
        chunk = os.read(terminal, 4096)
    except OSError:
        break
    if not chunk:
        break
    seen += chunk
    if not answered and b"Password for" in seen:
        os.write(terminal, answer.encode() + b"\n")
        answered = True
sys.stdout.buffer.write(seen)
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
