"""The session file's marks, without importing the migrations (and sqlite-utils).

``SCHEMA_VERSION`` is the number of migrations in :mod:`desktop_app.storage.schema`;
a test keeps the two in step. Raise it when you append a migration there.
"""

# "TAFL" as a big-endian 32-bit integer: marks the file as ours.
APPLICATION_ID = 0x5441464C
SCHEMA_VERSION = 6

#: The suffix of a session file (one SQLite file per session).
SESSION_EXTENSION = ".tafelronde"
