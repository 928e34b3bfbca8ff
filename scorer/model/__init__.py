"""The sourcing-strength model: training and evaluation (scikit-learn) and prediction (exported weights)."""
