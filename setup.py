"""Build hook: ship the top-level content/ and assets/ folders inside the wheel.

The design card keeps content and assets at the top of the checkout so clinics and authors find
them; an installed wheel has no checkout, so the build copies both into ``app/_data`` where
``app.services.resources`` looks second (after a ``--content`` override). It also writes the
third-party notices for About (packaging/make_notices.py) into ``app/_data/notices``.
"""

import shutil
import sys
import tomllib
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
        self._write_notices(target)

    def _write_notices(self, data_dir: Path) -> None:
        sys.path.insert(0, str(HERE / "packaging"))
        import make_notices

        version = make_notices.app_version()
        folder = data_dir / make_notices.DATA_SUBDIR
        names = (make_notices.INDEX_NAME, make_notices.TEXT_NAME)
        for name in names:  # a stale index from an earlier build must not list itself twice
            (folder / name).unlink(missing_ok=True)
        project = tomllib.loads((HERE / "pyproject.toml").read_text("utf-8"))["project"]
        notices = make_notices.trace_wheel(data_dir.parent, project["dependencies"], version)
        app = make_notices.app_component(notices, version)
        for name in names:
            notices.claim(app, f"app/_data/{make_notices.DATA_SUBDIR}/{name}")
        make_notices.write_notices(notices, folder, version, "wheel")


setup(cmdclass={"build_py": BuildWithData})
