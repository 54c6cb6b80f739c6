"""META: placeholder until the family lands."""

RULES: list = []
