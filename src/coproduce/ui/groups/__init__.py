"""The parts of the Groups page: the group editor, its members panel and the person picker."""
