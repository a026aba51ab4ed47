"""intervisie-tui: run intervisie (peer consultation) sessions on the shared screen."""

__version__ = "0.1.0"
