"""'You said, we did' in the window: a contribution's links to documents and its response.

- ``ContributionPanel`` (panel.py): one contribution, its links and its response, all editable
  and undoable; embedded wherever one contribution is chosen (the document view, the tidy-up
  after a session).
- ``RespondToManyDialog`` (respond_to_many.py): the same response for several contributions
  at once, as one undo step.
- ``ResponseFields`` (response_fields.py): the response's fields, shown or hidden by status,
  shared by both.
"""
