"""Python's cycle collector paused while objects that all stay alive pile up.

Light on purpose (nothing of ksd's is imported): the console script's early answers
(``ksd_cli.launch``) pause the collector before the models are even imported.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused(*, kept: bool = False) -> Iterator[None]:
    """Python's cycle collector paused while records pile up, as it was before afterwards.

    Loading creates millions of objects that all stay alive: each collection would scan the
    growing heap of loaded records again and free nothing (about half of composing's time on
    10,000 records). Reference counting still frees every temporary object.

    ``kept``: what is alive at the end lives until the process ends (a command's result,
    for the command line only). It is moved out of the collector's reach (``gc.freeze``)
    instead of being scanned by the first collections after the pause: at 100,000 records
    those took 0.8 s of ``ksd stalled`` and 1.9 s of ``ksd report``, and freed nothing.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if kept:
            gc.freeze()
        if enabled:
            gc.enable()
