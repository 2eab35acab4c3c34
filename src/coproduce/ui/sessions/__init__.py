"""The parts of the Sessions page's detail: the session's own fields, its agenda, the actions
carried from last time, the preparation checklist and the attendance register, one widget each.
"""
