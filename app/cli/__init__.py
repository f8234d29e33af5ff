"""The ``bwv`` command line. Qt-free; drives ``app.core`` directly."""
