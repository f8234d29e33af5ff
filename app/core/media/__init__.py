"""Reading media: probing, decoding frames with their timestamps, waveforms, thumbnails,
rotation, timecodes and hashes.
"""
