"""Hostile-input corpus: content a careless or malicious pull request could contain."""
