"""Read the database the way someone with a copy of it would: every row of every table, raw SQL."""

from collections.abc import Iterator

from django.db import connection


def stored_values() -> Iterator[tuple[str, str]]:
    """(table, value as text) for every non-null value of every table."""
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cursor.fetchall():
                for value in row:
                    if value is None:
                        continue
                    if isinstance(value, memoryview | bytes | bytearray):
                        value = bytes(value).decode("utf-8", errors="replace")
                    yield table, str(value)


def tables_containing(text: str) -> set[str]:
    return {table for table, value in stored_values() if text in value}
