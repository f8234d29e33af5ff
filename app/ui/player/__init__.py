"""The footage player: VLC for playback with sound, PyAV for exact frames when paused."""
