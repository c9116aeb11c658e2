"""Raw files to documents: decode the bytes, identify the language, read the header."""
