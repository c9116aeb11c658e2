"""Text helpers every stage shares: the matching key, tokens and sentences, the phrase index, tracked edits."""
