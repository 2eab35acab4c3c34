"""Qt item models over the services: lists load rows as they are shown, never all at once."""
