from .logs import notification_log  # noqa: F401  (a fixture)
