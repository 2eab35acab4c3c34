"""The Documents page's parts: the editor of one document, its location, and its sections."""
