"""Exports from the window: whole tables to CSV or Excel for Power BI."""
