"""Gluteal Atlas: an offline atlas, course, quiz and stretch timer for the gluteal region."""

#: The one version source: pyproject.toml, the bundle and the Debian packages all read it.
__version__ = "0.1.0"
APP_NAME = "Gluteal Atlas"
APP_ID = "gluteal-atlas"
#: The desktop entry / AppStream id (packaging/linux); Wayland matches windows to it.
DESKTOP_ID = "io.github.gluteal_atlas.GlutealAtlas"
