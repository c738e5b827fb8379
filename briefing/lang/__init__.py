"""Deterministic language tools: gloss, BÍN lemmas, typed values, embeddings, segmentation.

Each module does one job and imports only the standard library, third-party packages and
`briefing.errors`, so every higher layer can use them.
"""
