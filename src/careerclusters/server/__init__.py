"""Hosting: the app factory that puts the API and the pages on one FastAPI app (``app.py``), the server that
forks the workers (``server.py``), its settings, security headers, request limits, page cache, and the
operator's endpoints (health, readiness, access log)."""
