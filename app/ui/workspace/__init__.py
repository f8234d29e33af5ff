"""The redaction workspace: review detections, choose who stays visible, fix misses, export."""
