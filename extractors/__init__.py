"""Extractors: text in, dataclasses out. One module per field family.

Each takes a :class:`vanban.pipeline.document.TextDocument` and returns the
dataclasses of :mod:`vanban.record`; none opens a file or a database. Their
knowledge (types, codes, issuers, provinces, phrases) is data in
``extractors/data``, read through :func:`vanban.extractors.knowledge.table`.
Which version of them made a record is :data:`vanban.version.EXTRACTOR_VERSION`.
"""
