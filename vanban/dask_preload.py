"""What a Dask worker runs before its first task: ``dask worker SCHEDULER --preload vanban.dask_preload``.

A Dask worker reads files through reader processes of :mod:`vanban.workers`
(one per worker thread, under the per-file limits). Started here, each reader
imports the readers and extractors (spaCy, underthesea, pypdfium2 …) once, while
the worker joins its scheduler, instead of during the first partition; each
OCRs one page at a time, so a machine whose worker threads match its cores runs
one Tesseract per core. ``--ocr-cache DIR`` (after ``--preload
vanban.dask_preload`` on the ``dask worker`` line) is where this worker caches
OCR results when the client names no location (else ``$VANBAN_OCR_CACHE``, else ``~/.cache/vanban/ocr``); point it at
shared storage so no page is OCR'd twice across the cluster. The readers stop
with the worker (teardown, or with its process).
"""

from __future__ import annotations

import click


@click.command()
@click.option("--ocr-cache", default=None, help="where this worker caches OCR results (shared storage)")
def dask_setup(server, ocr_cache: str | None) -> None:
    """Configure this worker and start its readers (a scheduler or client preloading this does nothing)."""
    from distributed import Worker

    if not isinstance(server, Worker):
        return
    from vanban import cluster
    from vanban.version import EXTRACTOR_VERSION
    from vanban.workers import Limits

    cluster.configure_worker(ocr_cache)
    cluster.warm_readers(server.state.nthreads, cluster.Settings(Limits(), None, EXTRACTOR_VERSION))


def dask_teardown(server) -> None:
    """Stop this worker's idle readers."""
    from vanban import cluster

    cluster.close_readers()
