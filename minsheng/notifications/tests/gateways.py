"""Stand-ins for an SMS gateway, an outside service this installation does not have."""


class Recorder:
    """Accepts every message and keeps what it was given to deliver."""

    delivered: list[tuple[str, str]] = []

    def send(self, notification):
        Recorder.delivered.append((notification.address, notification.body))


class FlakyGateway:
    """Fails the first `failures` sends (counted across instances), echoing the number and the text as
    real gateways do in their errors, then accepts."""

    failures = 1
    calls = 0

    def send(self, notification):
        FlakyGateway.calls += 1
        if FlakyGateway.calls <= FlakyGateway.failures:
            raise ConnectionError(f"gateway refused {notification.address}: {notification.body}")
        Recorder.delivered.append((notification.address, notification.body))


def reset(failures: int = 1) -> None:
    Recorder.delivered = []
    FlakyGateway.calls = 0
    FlakyGateway.failures = failures
