"""briefing: cited, bilingual news briefings that say only what their sources say."""

__version__ = "0.1.0"
