"""Build hook: ship the top-level content/ and assets/ folders inside the wheel.

The design card keeps content and assets at the top of the checkout so clinics and authors find
them; an installed wheel has no checkout, so the build copies both into ``app/_data`` where
``app.services.resources`` looks second (after a ``--content`` override).
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).parent
SHIPPED = ("content", "assets")


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "app" / "_data"
        for name in SHIPPED:
            destination = target / name
            if destination.exists():
                shutil.rmtree(destination)
            shutil.copytree(HERE / name, destination)


setup(cmdclass={"build_py": BuildWithData})
