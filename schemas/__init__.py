"""Task schemas: one module or package per task, found by the engine as schemas/<task>.py or schemas/<task>/."""
