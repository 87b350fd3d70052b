"""The read-only JSON API under /api/ (Django REST framework), its OpenAPI
schema and documentation, and the Popolo export."""
