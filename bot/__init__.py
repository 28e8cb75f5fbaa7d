"""The shell: command line, settings, wiring and the messenger channels."""
