"""Tafelronde: run World Café and other large-group sessions on site, offline."""

__version__ = "0.1.0"
APP_NAME = "Tafelronde"
