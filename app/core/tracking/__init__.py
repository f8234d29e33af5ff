"""Linking detections across frames into person-tracks, and marking what needs review."""
