"""The outside programs the browser and office tests drive (installed by scripts/test.sh), named once."""

from __future__ import annotations

import shutil

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
"""Headless, no sandbox (root in CI), and nothing that reaches for the network this machine does not have."""
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice") or "soffice"
