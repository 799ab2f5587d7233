"""Reading reports: files, HTML, feeds, URLs, batches; datelines and language."""
