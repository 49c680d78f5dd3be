"""Gluteal Atlas: an offline atlas, course, quiz and stretch timer for the gluteal region."""

__version__ = "0.1.0"
APP_NAME = "Gluteal Atlas"
APP_ID = "gluteal-atlas"
