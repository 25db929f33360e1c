"""huisheng (回声): hear what the users of a Chinese-language product are saying."""

__version__ = "0.1.0"
