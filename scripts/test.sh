#!/usr/bin/env bash
# Install everything the test suite needs and run all of it: tests (incl. browser and office checks), lint, types.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer)
dpkg -s libreoffice-calc >/dev/null 2>&1 || need+=(libreoffice-calc)  # the spreadsheet round trip
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
fc-list 2>/dev/null | grep -qi "noto.*cjk" || need+=(fonts-noto-cjk)
command -v npx >/dev/null 2>&1 || need+=(npm)   # Ajv (through npx) checks the published schemas
if [ ${#need[@]} -gt 0 ]; then
  echo "installing system packages: ${need[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

python3 -m pip install -q --disable-pip-version-check -e '.[test]'
python3 -m pytest
ruff check src tests benchmarks
ruff format --check src tests benchmarks
mypy --strict src
python3 -m disclosure_report schema --check
python3 scripts/run_doc_commands.py docs/schema.md   # the documented validator commands, as written (Ajv via npx)
