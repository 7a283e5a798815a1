"""Parsers: PDF pages → layout (lines, tables), and layout → ITA facts."""
