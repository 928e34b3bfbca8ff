"""Outlet profiles: reliability priors, names and domains (see scorer/outlets/registry.py)."""

from scorer.outlets.registry import Outlet, Registry, get_registry, label_for, registrable_domain

__all__ = ["Outlet", "Registry", "get_registry", "label_for", "registrable_domain"]
