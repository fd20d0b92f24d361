"""Git as the approval workflow: files at a revision, semantic diffs, review levels, history.

``repo.py`` is the only module in govdata that imports ``git`` (GitPython); the semantic diff
(``diff.py`` and friends) is pure and works on two :class:`~govdata.model.catalog.Catalog`.
"""
