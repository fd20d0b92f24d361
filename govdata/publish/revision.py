"""The instance as committed at a git revision (``govdata publish --rev HEAD``): what is
published is exactly what was reviewed and merged, whatever the working tree holds."""

from __future__ import annotations

from dataclasses import replace

from govdata.instance import CONFIG_NAME, INSTANCE_FOLDERS, Instance
from govdata.validation.loading import Reader


def instance_at(instance: Instance, rev: str) -> tuple[Instance, list[str], Reader]:
    """The instance with the configuration of ``rev``, its file paths there, and a reader of them.

    Paths are chosen as :func:`govdata.instance.discover` chooses them in a working tree.
    """
    from govdata.gitops.repo import open_repository
    from govdata.gitops.snapshot import RevisionReader, load_config

    repo = open_repository(instance.root)
    reader = RevisionReader.for_instance(repo, instance.root)
    tree = reader.tree(repo.resolve(rev))
    paths = sorted(
        path
        for path in tree
        if path == CONFIG_NAME
        or (
            path.split("/", 1)[0] in INSTANCE_FOLDERS
            and path.endswith((".yaml", ".yml"))
            and not any(part.startswith(".") for part in path.split("/"))
        )
    )
    content = repo.read_blobs(tree[p] for p in paths)
    blobs = {path: content[tree[path]] for path in paths}
    config = load_config(blobs.get(CONFIG_NAME), rev, instance.config)
    return replace(instance, config=config), paths, blobs.__getitem__
