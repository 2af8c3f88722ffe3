"""Task schemas: one module per task, found by the engine as schemas/<task>.py."""
