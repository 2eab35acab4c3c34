"""What happened to what people said: a document's view ("What the groups said") and a
person's ("Their ideas"), both read-only and both told as journeys from the session to the
feedback."""
