"""spaCy model loading, Doc extensions and the extraction orchestrator."""
