"""ITA stage: a document's layout → ITA facts (type, header, scores, measures)."""
from parsers.ita.document import parse_document

__all__ = ["parse_document"]
