"""Publish the database with Datasette 0.65: metadata, templates, settings, one database named ``vanban``.

The database is opened mutable (not ``immutable``): ingest and the watcher
write to it while it is served, and WAL lets new rows appear without a
restart. Datasette 0.65 reads settings from the command line or a
``settings.json`` in a config directory, not from metadata, so they live
here in :data:`SETTINGS`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from datasette.app import Datasette

from vanban.migrations import due_duties_sql

PACKAGE_DIR = Path(__file__).resolve().parent
# The repository's top-level datasette-metadata.json is the source; vanban/datasette-metadata.json is a link to
# it, which a wheel holds as a copy (package data), so an installed vanban serves without a checkout.
METADATA_PATH = PACKAGE_DIR / "datasette-metadata.json"
TEMPLATE_DIR = PACKAGE_DIR / "templates"
STATIC_DIR = PACKAGE_DIR / "static"
DATABASE_NAME = "vanban"
# Canned queries whose SQL is built from the view duty_status' own expressions; the metadata file holds a
# placeholder naming the function.
GENERATED_QUERIES = {"due_duties": due_duties_sql}

# Read-only publication: a slow query is cut off rather than holding a
# worker, pages stay small, and the whole-database download is off because
# the file holds every document's full text (a table's CSV/JSON export stays
# available, capped by max_returned_rows).
SETTINGS = {
    "sql_time_limit_ms": 3000,
    "max_returned_rows": 1000,
    "default_page_size": 50,
    "allow_download": False,
    "allow_facet": True,
    "default_facet_size": 6,  # facets stay short, so a table's rows start on the first screen
    "suggest_facets": False,  # suggestion queries cost time on every table page of a large corpus
    "facet_time_limit_ms": 500,
    "allow_csv_stream": True,
    "default_cache_ttl": 0,  # rows change while served
    "truncate_cells_html": 400,  # the text column is a whole document
}


def load_metadata(path: str | os.PathLike = METADATA_PATH) -> dict:
    """The Datasette metadata shipped with the package, with the SQL of the canned queries written in Python
    (:data:`GENERATED_QUERIES`)."""
    metadata = json.loads(Path(path).read_text(encoding="utf-8"))
    queries = metadata.get("databases", {}).get(DATABASE_NAME, {}).get("queries", {})
    for name, sql in GENERATED_QUERIES.items():
        if name in queries:
            queries[name]["sql"] = sql()
    return metadata


def make_datasette(db_path: str | os.PathLike, metadata: dict | None = None, settings: dict | None = None) -> Datasette:
    """A Datasette serving ``db_path`` as database ``vanban``, whatever the file is called.

    The name is fixed so that metadata, canned queries and the
    ``row-vanban-documents.html`` template apply to any database file.
    """
    db_path = str(Path(db_path).resolve())
    ds = Datasette(
        [db_path],
        metadata=load_metadata() if metadata is None else metadata,
        template_dir=str(TEMPLATE_DIR),
        static_mounts=[("vanban-static", str(STATIC_DIR))],
        settings=dict(SETTINGS, **(settings or {})),
        cors=False,
    )
    stem = Path(db_path).stem
    if stem != DATABASE_NAME:
        database = ds.databases[stem]
        ds.remove_database(stem)
        ds.add_database(database, name=DATABASE_NAME)
    return ds


def serve(db_path: str | os.PathLike, host: str = "127.0.0.1", port: int = 8001) -> int:
    """Serve the database over HTTP until interrupted; creates an empty database when there is none yet."""
    import uvicorn

    from vanban.store import open_db

    open_db(db_path).close()  # create and migrate, so a fresh install serves an empty but valid site
    ds = make_datasette(db_path)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    print(f"vanban: serving {db_path} at http://{shown}:{port}/ (Ctrl+C to stop)", flush=True)
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on")
    return 0
