"""Easy-read wording in the window: the checked text box and the glossary of hard words."""
