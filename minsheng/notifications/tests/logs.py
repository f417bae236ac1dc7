"""The log lines of the LogBackend, for tests that check what was sent."""

import logging

import pytest


def _reaches(logger: logging.Logger, handler: logging.Handler) -> bool:
    while logger is not None:
        if handler in logger.handlers:
            return True
        if not logger.propagate:
            return False
        logger = logger.parent
    return False


@pytest.fixture
def notification_log(caplog):
    """caplog, reading the "minsheng.notifications" logger. The "minsheng" logger does not propagate
    to the root logger, where caplog listens, so caplog's handler is attached to the notifications
    logger itself unless pytest already put it on the way."""
    logger = logging.getLogger("minsheng.notifications")
    added = not _reaches(logger, caplog.handler)
    if added:
        logger.addHandler(caplog.handler)
    caplog.set_level(logging.INFO, logger="minsheng.notifications")
    yield caplog
    if added:
        logger.removeHandler(caplog.handler)


def lines(log, level: str = "INFO") -> list[str]:
    return [
        r.getMessage() for r in log.records if r.name == "minsheng.notifications" and r.levelname == level
    ]
