"""Any OpenAI-compatible server: OpenAI, vLLM, Ollama, llama.cpp's server, LM Studio..."""

from __future__ import annotations

from extractor.errors import ConfigError
from extractor.llm.backend import Backend, Endpoint

DEFAULT_BASE_URL = "https://api.openai.com/v1"
DEFAULT_MODEL = "gpt-4o-mini"


class OpenAICompatBackend(Backend):
    """A remote endpoint; nothing to start or stop.

    Mode defaults to `tools` (function calling), which OpenAI, vLLM and Ollama support;
    pass `--mode json` for servers without tool calling.
    """

    name = "openai"

    def model_name(self) -> str:
        """The model from settings, or OpenAI's small default."""
        return self.settings.model or DEFAULT_MODEL

    def endpoint(self, base_url: str) -> Endpoint:
        """Endpoint at `base_url` with the configured key and mode."""
        key = self.settings.api_key.get_secret_value() if self.settings.api_key else ""
        return Endpoint(base_url=base_url, api_key=key or "not-needed", model=self.model_name(),
                        mode=self.settings.mode or "tools")

    async def start(self) -> Endpoint:
        """Check that a key is present where one is needed, and return the endpoint."""
        base_url = self.settings.base_url or DEFAULT_BASE_URL
        if base_url == DEFAULT_BASE_URL and self.settings.api_key is None:
            raise ConfigError(
                "the openai backend needs an API key for api.openai.com: set OPENAI_API_KEY, "
                "or point --base-url / OPENAI_BASE_URL at your own server"
            )
        return self.endpoint(base_url)
