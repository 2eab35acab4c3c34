"""The Actions page's detail: the editor of one action and the small fields it is built from
(the owner chosen by typing part of a name, a date that may be left empty)."""
