"""Small reusable widgets: the record table, the search field, the figure tiles."""
