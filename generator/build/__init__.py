"""The build: the orchestrator, the one writer, the atomic swap, timings."""
