"""Ships the top-level data folders inside the wheel.

patterns/ and samples/ stay at the top of the repository (a reviewer edits them there), so they are
not inside the auditor package. A wheel must still carry them: they are copied to auditor/data/ at
build time, where auditor.patterns.shipped() finds them. Editable installs read the checkout.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
DATA = {  # folder -> the files of it that ship
    "patterns": ("**/*.yaml", "**/*.tsv"),
    "samples": ("*.txt", "*.pdf", "*.xlsx", "*.docx", "README.md"),
}


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for folder, globs in DATA.items():
            target = Path(self.build_lib) / "auditor" / "data" / folder
            if target.exists():
                shutil.rmtree(target)
            for pattern in globs:
                for src in (ROOT / folder).glob(pattern):
                    dst = target / src.relative_to(ROOT / folder)
                    dst.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(src, dst)


setup(cmdclass={"build_py": BuildWithData})
