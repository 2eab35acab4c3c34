"""The parts of the People page's editor: the person's details, their access and
communication needs, their consent decisions and their group memberships."""
