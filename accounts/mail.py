"""E-mail sent after the answer: a mail server that hangs holds a background
thread of the worker, never a request (password reset is open to anyone: eight
requests waiting on SMTP would stall every resident).

Messages are sent one at a time, in order; at most ``MAX_WAITING`` wait (more
are dropped and logged: nginx already limits the reset path per address)."""

import logging
import threading
from concurrent.futures import ThreadPoolExecutor

logger = logging.getLogger(__name__)

MAX_WAITING = 20

_sender = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mail")
_lock = threading.Lock()
_waiting = 0


def send_later(message):
    """Send the ``EmailMessage`` after the response; failures are logged."""
    global _waiting
    with _lock:
        if _waiting >= MAX_WAITING:
            logger.error("Mail queue full; not sent: %s", message.subject)
            return
        _waiting += 1
    _sender.submit(_send, message)


def _send(message):
    global _waiting
    try:
        message.send()
    except Exception:  # noqa: BLE001 (any mail server or network error)
        logger.exception("E-mail not sent (%s) to %s.", message.subject, message.to)
    finally:
        with _lock:
            _waiting -= 1


def waiting():
    """How many messages wait to be sent (or are being sent)."""
    with _lock:
        return _waiting


def wait_until_sent(timeout=10):
    """Block until every message submitted so far was tried (tests, shutdown)."""
    done = threading.Event()
    _sender.submit(done.set)
    return done.wait(timeout)
