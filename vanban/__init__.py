"""vanban: Vietnamese official documents into a browsable, queryable database.

The flow: reader (``vanban.pipeline``) → plain text with page map, tables and
header region → extractors (``vanban.extractors``) → record
(``vanban.record``) → store (``vanban.store``) → Datasette.
"""

__version__ = "0.1.0"
