"""Extraction: from a report's text to speakers, actors, places, dates, numbers, events and claims.

Nothing here imports the store, the web server or the command line.
"""
