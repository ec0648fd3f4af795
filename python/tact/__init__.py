"""Lint outreach messages with tact from Python.

``check(text)`` returns one message's result as a dictionary: the same
object as one entry of ``tact check --format json``'s ``messages`` (score,
kind, asks, figures, intents, diagnostics). ``check_many(texts)`` lints many
in parallel, outside the GIL, and returns them in order.
"""

from __future__ import annotations

import gc
import json
from typing import Any, Dict, Iterable, List, Optional

from . import _tact

__all__ = ["check", "check_many", "__version__"]
__version__: str = _tact.__version__


def check(text: str, kind: Optional[str] = None, config: Optional[str] = None) -> Dict[str, Any]:
    """Lint one message.

    ``kind`` forces the message kind (``cold-email``, ``linkedin-note``,
    ``inmail``, ``follow-up``, ``favour-ask``, ``intro-request``,
    ``thank-you``); by default tact infers it. ``config`` is the path of a
    ``.tact.yml``; without it the built-in rules run with their defaults.
    """
    return json.loads(_tact.check_json(text, kind, config))


def check_many(
    texts: Iterable[str], kind: Optional[str] = None, config: Optional[str] = None
) -> List[Dict[str, Any]]:
    """Lint many messages in parallel; results come back in input order."""
    results = _tact.check_many_json(list(texts), kind, config)
    # Building many dictionaries at once sets off the cycle collector over
    # and over, though none of them can form a cycle: pausing it halves the
    # time this step takes.
    paused = gc.isenabled()
    gc.disable()
    try:
        return [json.loads(r) for r in results]
    finally:
        if paused:
            gc.enable()
