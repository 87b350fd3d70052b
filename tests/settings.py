"""Settings for the test suite: production settings with a throwaway key.

DEBUG stays off, as in production; DATABASE_URL still chooses the database.
"""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key")

from cooperation.settings import *  # noqa: E402, F403

# The manifest storage needs collectstatic; tests read static files in place.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# The test client and the live test server speak plain HTTP; production keeps
# these on (tests/test_security.py runs `check --deploy` on production settings).
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
