"""The web app: server-rendered pages over the framework and the imported data, plus the REST API."""
