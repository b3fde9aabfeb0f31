"""Type-check the public API with mypy (settings in pyproject.toml, ``[tool.mypy]``).

The checkout maps ``pipeline/`` and ``extractors/`` into the package
(``vanban.pipeline``, ``vanban.extractors``), which mypy cannot follow through
the editable install's import hook. So the package is laid out as it installs,
with links, under build/typecheck/, and mypy checks ``vanban/__init__.py`` from
there; the paths it reports are the checkout's own.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TREE = REPO / "build" / "typecheck"
# The subpackages whose modules live in a folder of their own in the checkout (pyproject's package-dir).
SUBPACKAGES = {"pipeline": "pipeline", "extractors": "extractors"}


def build_tree() -> Path:
    """build/typecheck/vanban/…: links to the checkout's modules, arranged as the wheel installs them."""
    package = TREE / "vanban"
    package.mkdir(parents=True, exist_ok=True)
    for link in package.iterdir():
        if link.is_symlink():
            link.unlink()
    for module in sorted((REPO / "vanban").glob("*.py")):
        (package / module.name).symlink_to(module)
    for name, folder in SUBPACKAGES.items():
        (package / name).symlink_to(REPO / folder, target_is_directory=True)
    return package


def main() -> int:
    package = build_tree()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(REPO / "pyproject.toml"),
            "--cache-dir",
            str(TREE / ".mypy_cache"),
            str(package.relative_to(TREE) / "__init__.py"),
        ],
        cwd=TREE,
        capture_output=True,
        text=True,
    )
    out = done.stdout + done.stderr
    for name, folder in SUBPACKAGES.items():
        out = out.replace(f"vanban/{name}/", f"{folder}/")
    sys.stdout.write(out)
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
