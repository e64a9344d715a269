"""The website around the content: its pages, templating, CSP and the MkDocs adapter."""
