"""The merge gate: may this pull request merge now? One fail-closed decision from the semantic
diff, the registry and configuration at BASE, the author and the reviews the host reports."""
