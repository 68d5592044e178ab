"""The reader: a source's stored text, its cited passages, citing with one key, its dates."""
