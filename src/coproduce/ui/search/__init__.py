"""Searching everything from anywhere in the window (Ctrl+F)."""
