"""A minimal Language Server Protocol client over stdio, for driving yaml-language-server."""

from __future__ import annotations

import json
import queue
import subprocess
import threading
from pathlib import Path
from typing import Any

SERVER = Path(__file__).resolve().parents[2] / ".ci" / "node" / "node_modules" / ".bin" / "yaml-language-server"

SETTINGS = {
    "yaml": {
        "validate": True,
        "hover": True,
        "completion": True,
        "format": {"enable": False},
        "schemaStore": {"enable": False},  # offline: only the schemas the files name
        "schemas": {},
    }
}


class LanguageServer:
    """yaml-language-server in a child process; requests wait for their response."""

    def __init__(self, root: Path) -> None:
        self._process = subprocess.Popen(
            [str(SERVER), "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self._next_id = 0
        self._responses: dict[int, queue.Queue[Any]] = {}
        self.diagnostics: dict[str, queue.Queue[list[dict[str, Any]]]] = {}
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.request(
            "initialize",
            {
                "processId": None,
                "rootUri": root.as_uri(),
                "capabilities": {
                    "workspace": {"configuration": True},
                    "textDocument": {
                        "completion": {"completionItem": {"snippetSupport": False}},
                        "hover": {"contentFormat": ["markdown", "plaintext"]},
                        "publishDiagnostics": {},
                    },
                },
                "initializationOptions": {},
            },
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": SETTINGS})

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps(message, ensure_ascii=False).encode("utf-8")
        assert self._process.stdin is not None
        with self._lock:
            self._process.stdin.write(f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
            self._process.stdin.flush()

    def _read(self) -> None:
        stream = self._process.stdout
        assert stream is not None
        while True:
            length = 0
            while True:
                header = stream.readline()
                if not header:
                    return
                if header in (b"\r\n", b"\n"):
                    break
                name, _, value = header.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            message = json.loads(stream.read(length))
            self._dispatch(message)

    def _dispatch(self, message: dict[str, Any]) -> None:
        if "id" in message and "method" in message:  # a request from the server
            method = message["method"]
            if method == "workspace/configuration":
                items = message["params"]["items"]
                result: Any = [SETTINGS["yaml"] if item.get("section") == "yaml" else {} for item in items]
            else:
                result = None
            self._send({"jsonrpc": "2.0", "id": message["id"], "result": result})
        elif "id" in message:
            self._responses.setdefault(message["id"], queue.Queue()).put(message)
        elif message.get("method") == "textDocument/publishDiagnostics":
            params = message["params"]
            self.diagnostics.setdefault(params["uri"], queue.Queue()).put(params["diagnostics"])

    def request(self, method: str, params: dict[str, Any], timeout: float = 60) -> Any:
        self._next_id += 1
        number = self._next_id
        waiting = self._responses.setdefault(number, queue.Queue())
        self._send({"jsonrpc": "2.0", "id": number, "method": method, "params": params})
        response = waiting.get(timeout=timeout)
        assert "error" not in response, response
        return response.get("result")

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def open(self, path: Path, text: str) -> str:
        uri = path.as_uri()
        self.notify(
            "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}
        )
        return uri

    def close(self, uri: str) -> None:
        self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})

    def completion(self, uri: str, line: int, character: int) -> list[str]:
        result = self.request(
            "textDocument/completion",
            {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}},
        )
        items = result.get("items", []) if isinstance(result, dict) else (result or [])
        return [item["label"] for item in items]

    def hover(self, uri: str, line: int, character: int) -> str:
        result = self.request(
            "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}
        )
        if not result:
            return ""
        contents = result["contents"]
        return contents["value"] if isinstance(contents, dict) else json.dumps(contents, ensure_ascii=False)

    def wait_diagnostics(self, uri: str, timeout: float = 60) -> list[dict[str, Any]]:
        return self.diagnostics.setdefault(uri, queue.Queue()).get(timeout=timeout)

    def shutdown(self) -> None:
        try:
            self.request("shutdown", {}, timeout=10)
            self.notify("exit", {})
            self._process.wait(timeout=10)
        finally:
            if self._process.poll() is None:
                self._process.kill()
                self._process.wait()
            self._reader.join(timeout=10)
            for stream in (self._process.stdin, self._process.stdout):
                if stream is not None:
                    stream.close()
