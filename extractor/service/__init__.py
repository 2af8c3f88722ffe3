"""The extraction service: an HTTP API with jobs (`extractor serve`) and the review page.

Importing this package needs nothing beyond the core install: `review` (the HTML review page,
also used by `extractor report`) and `models` are plain pydantic; only `app` needs the
`service` extra (FastAPI, uvicorn, python-multipart).
"""
