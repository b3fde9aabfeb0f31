#!/usr/bin/env bash
# Install the Debian packages vanban needs, only those missing.
#   scripts/system-deps.sh run    what reading documents needs (DOC conversion, OCR, fonts)
#   scripts/system-deps.sh test   that plus what the tests need (Chromium for the page tests)
set -euo pipefail
want=(libreoffice-writer-nogui tesseract-ocr tesseract-ocr-vie poppler-utils fonts-dejavu-core fonts-liberation2)
# tesserocr (Tesseract in process) is built against the system's Tesseract:
want+=(libtesseract-dev libleptonica-dev pkg-config g++)
[ "${1:-run}" = test ] && want+=(chromium)

missing=()
for pkg in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "vanban: missing system packages: ${missing[*]}" >&2
    echo "        install them with: sudo apt-get install ${missing[*]}" >&2
    echo "        (without them .doc files and scanned PDFs cannot be read)" >&2
    exit 0
fi
echo "installing system packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
