"""Lexicons, dictionaries and registers shipped with the package, and their validating loader."""
