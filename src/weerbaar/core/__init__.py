"""The shared core: errors, settings, entity helpers. Imports nothing else from weerbaar."""
