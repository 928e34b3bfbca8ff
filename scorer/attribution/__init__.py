"""Attribution: what each claim rests on."""

from scorer.attribution.attribute import attribute

__all__ = ["attribute"]
