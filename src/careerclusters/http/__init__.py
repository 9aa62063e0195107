"""The HTTP layer that the REST API (``api/``) and the pages (``web/``) share: the request context (store handle,
data version, kept answers, warm-up), caching headers, request dependencies and error bodies. It knows no
capability by name: capabilities reach it through ``base.shared``."""
