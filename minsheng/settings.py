"""Settings for Minsheng.

Everything that differs between a laptop and production comes from the environment:

- MINSHENG_DEBUG            "1" for development (default "1" so `make run` works out of the box)
- MINSHENG_SECRET_KEY       Django's secret key
- DATABASE_URL              default: SQLite under var/
- MINSHENG_FIELD_KEYS       comma-separated Fernet keys; the first encrypts, all decrypt (key rotation)
- MINSHENG_HASH_KEY         key of the keyed hash used to find ID and phone numbers
- MINSHENG_ALLOWED_HOSTS    comma-separated

In development the secrets are generated once into var/dev-secrets.json so that a fresh clone runs
with one command; production refuses to start without them.
"""

import json
import os
import secrets
from pathlib import Path

import dj_database_url
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("MINSHENG_VAR_DIR", BASE_DIR / "var"))

DEBUG = os.environ.get("MINSHENG_DEBUG", "1") == "1"


def _development_secrets() -> dict:
    path = VAR_DIR / "dev-secrets.json"
    if path.exists():
        return json.loads(path.read_text())
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    generated = {
        "MINSHENG_SECRET_KEY": secrets.token_urlsafe(50),
        "MINSHENG_FIELD_KEYS": Fernet.generate_key().decode(),
        "MINSHENG_HASH_KEY": secrets.token_urlsafe(32),
    }
    path.write_text(json.dumps(generated, indent=2))
    path.chmod(0o600)
    return generated


def _secret(name: str) -> str:
    value = os.environ.get(name)
    if value:
        return value
    if not DEBUG:
        raise ImproperlyConfigured(f"{name} must be set when MINSHENG_DEBUG is not 1")
    return _development_secrets()[name]


SECRET_KEY = _secret("MINSHENG_SECRET_KEY")
FIELD_ENCRYPTION_KEYS = [k.strip() for k in _secret("MINSHENG_FIELD_KEYS").split(",") if k.strip()]
FIELD_HASH_KEY = _secret("MINSHENG_HASH_KEY")

ALLOWED_HOSTS = [h for h in os.environ.get("MINSHENG_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("MINSHENG_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "minsheng.accounts",
    "minsheng.audit",
    "minsheng.calendars",
    "minsheng.documents",
    "minsheng.petitions",
    "minsheng.supervision",
    "minsheng.notifications",
    "minsheng.search",
    "minsheng.similarity",
    "minsheng.classify",
    "minsheng.hotissues",
    "minsheng.reception",
    "minsheng.instructions",
    "minsheng.meetings",
    "minsheng.legal",
    "minsheng.outreach",
    "minsheng.reports",
    "minsheng.proposals",
    "minsheng.portal",
    "minsheng.policies",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "minsheng.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so that a locked-out login is answered before any view runs.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "minsheng.urls"
WSGI_APPLICATION = "minsheng.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "minsheng" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "minsheng.petitions.context_processors.petition_permissions",
                "minsheng.supervision.context_processors.supervision_permissions",
                "minsheng.notifications.context_processors.unread_notifications",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'minsheng.sqlite3'}"),
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers go on while one registrar writes; IMMEDIATE avoids "database is locked"
        # errors when two transactions both try to upgrade a read lock.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# --- Login security -------------------------------------------------------------------------------
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "minsheng.accounts.validators.CharacterClassValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours: 15 minutes
# Locked per account: a township office shares one IP behind NAT, and locking the IP would lock out
# every registrar there because one colleague mistyped.
AXES_LOCKOUT_PARAMETERS = ["username"]
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

SESSION_COOKIE_AGE = 30 * 60  # idle sessions end after 30 minutes …
SESSION_SAVE_EVERY_REQUEST = True  # … counted from the last request, not from login
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "petitions:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# --- Language and time ----------------------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# --- Files ----------------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [
    BASE_DIR / "minsheng" / "static",
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
]
MEDIA_ROOT = VAR_DIR / "media"
# Attachments are served by a view that checks who may see the matter, never from MEDIA_URL.
MEDIA_URL = "/media-not-served/"
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o640

ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024
ATTACHMENT_ALLOWED_TYPES = ["pdf", "jpeg", "png", "docx", "xlsx", "doc", "xls", "txt", "mp3", "mp4"]

# --- Domain settings ------------------------------------------------------------------------------
# Roles that may reveal a full ID or phone number; every reveal is written to the audit log.
PERSONAL_DATA_FULL_VIEW_ROLES = ["registrar", "handler", "supervisor", "admin"]
# Every statutory deadline as (amount, unit); the unit is "calendar_days" (日: the period starts the day
# after the event, and a last day on a rest day or holiday moves to the next working day — 民法典
# Art 201, 203) or "working_days" (工作日). Local practice differs, so each one is a setting.
DEADLINES = {
    "route": (15, "calendar_days"),  # Art 22: the bureau transfers or assigns within 15 days of receipt
    "accept_notice": (15, "calendar_days"),  # Art 23: written notice of acceptance within 15 days
    "objection": (5, "working_days"),  # Art 23: a receiving unit objects within 5 working days
    "assign_report": (30, "calendar_days"),  # Art 22(三): assigned matters report back by this deadline
    "handle_claim": (60, "calendar_days"),  # Art 32: claims handled within 60 days of acceptance
    "handle_suggestion": (60, "calendar_days"),  # Art 29: no statutory limit; local setting
    "handle_accusation": (60, "calendar_days"),  # Art 30: no statutory limit; local setting
    "extension_max": (30, "calendar_days"),  # Art 34: one extension of at most 30 days
    "review_request": (30, "calendar_days"),  # Art 35: request review within 30 days of the reply
    "review_opinion": (30, "calendar_days"),  # Art 35: review opinion within 30 days
    "recheck_request": (30, "calendar_days"),  # Art 36: request recheck within 30 days of the opinion
    "recheck_opinion": (30, "calendar_days"),  # Art 36: recheck opinion within 30 days, hearings excluded
}
# A deadline this many days away or closer counts as "due soon" in every list; the daily sweep
# (manage.py sweep_deadlines) reminds the responsible unit when a deadline enters this window.
DEADLINE_DUE_SOON_DAYS = 3
# How each outward channel of minsheng.notifications is delivered: a class with send(notification).
# LogBackend only writes a line to the "minsheng.notifications" log; point these at a real SMS gateway
# or SMTP relay in production.
NOTIFICATION_BACKENDS = {
    "sms": "minsheng.notifications.backends.LogBackend",
    "email": os.environ.get("MINSHENG_EMAIL_NOTIFICATIONS", "minsheng.notifications.backends.LogBackend"),
}
# Set MINSHENG_EMAIL_NOTIFICATIONS=minsheng.notifications.backends.EmailBackend to send e-mail through
# Django's EMAIL_* (SMTP) settings, from this address:
NOTIFICATION_EMAIL_FROM = os.environ.get("MINSHENG_NOTIFICATION_EMAIL_FROM", "")
# Failed SMS and e-mail are retried by `manage.py notifications_retry` (cron, every few minutes) after
# these waits, up to this many attempts in all.
NOTIFICATION_MAX_ATTEMPTS = 5
NOTIFICATION_RETRY_BACKOFF_MINUTES = (1, 5, 30, 120)
# Petitioners' reminders (`manage.py notifications_remind`, daily): a review or recheck window closing
# within this many days; a request to rate a reply this many days after it was served.
NOTIFICATION_WINDOW_REMINDER_DAYS = 3
NOTIFICATION_RATING_REMINDER_DAYS = 7
# The public portal's address, named at the end of petitioners' messages ("" names it without a link).
NOTIFICATION_PORTAL_URL = os.environ.get("MINSHENG_PORTAL_URL", "")
# Official documents (GB/T 9704-2012). FangSong and XiaoBiaoSong are commercial fonts; name the CJK
# families explicitly, since a generic serif fallback can miss glyphs.
DOCUMENT_BODY_FONT = os.environ.get("MINSHENG_DOCUMENT_BODY_FONT", "Noto Serif CJK SC")
DOCUMENT_TITLE_FONT = os.environ.get("MINSHENG_DOCUMENT_TITLE_FONT", "Noto Serif CJK SC")
MATTER_LIST_PAGE_SIZE = 25
SHARED_DATA_DIR = Path(os.environ.get("MINSHENG_SHARED_DATA", BASE_DIR.parent / "shared" / "data"))

NINJA_PAGINATION_PER_PAGE = 50

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"minsheng": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}

ADMIN_SITE_HEADER = _("民声 · 管理后台")

# Derived indexes over matters (full-text search, similarity for intake matching), updated in the
# transaction that changes a matter; see minsheng/search/indexing.py. Order does not matter.
MATTER_INDEXERS = [
    "minsheng.search.fulltext",
    "minsheng.similarity.index",
]

# The figures each app contributes to the period report (minsheng.reports): functions
# period_figures(*, organisation, start, end) -> {figure key: count}, counting what was recorded by
# `organisation` and the organisations below it, on days start..end inclusive.
REPORT_FIGURES = [
    "minsheng.meetings.reports.period_figures",
    "minsheng.reception.reports.period_figures",
    "minsheng.instructions.reports.period_figures",
    "minsheng.legal.reports.period_figures",
    "minsheng.outreach.reports.period_figures",
]
