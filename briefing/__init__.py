"""briefing: cited, bilingual news briefings that say only what their sources say."""

__version__ = "0.1.0"
# The distribution's name on the package index (`briefing` there is an unrelated project).
DISTRIBUTION = "cited-briefing"
