"""``python -m ksd_cli``."""

from __future__ import annotations

from ksd_cli.launch import console_main

console_main()
