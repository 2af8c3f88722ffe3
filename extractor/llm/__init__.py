"""The one LLM call path: openai client -> instructor -> validated pydantic model."""
