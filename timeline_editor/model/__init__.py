"""The domain model: pydantic models, EDTF dates, vocabularies and the Document (no Qt)."""
