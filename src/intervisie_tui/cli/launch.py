"""Start the screens. Until they exist, show what methods there are."""

from __future__ import annotations

import argparse

from ..i18n import default_language
from .methods import list_methods


def launch(args: argparse.Namespace) -> int:
    return list_methods(args, args.lang or default_language())
