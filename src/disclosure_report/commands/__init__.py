"""One module per CLI verb; each has ``NAME``, ``HELP``, ``configure(parser)`` and ``run(args) -> int``."""
