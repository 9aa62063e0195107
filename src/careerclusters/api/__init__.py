"""The REST API (``/api/v1``): JSON resources for the framework and the imported data."""
