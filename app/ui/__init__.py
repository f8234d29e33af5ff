"""The PySide6 desktop app. Depends on ``app.core``; the core never imports this package."""
