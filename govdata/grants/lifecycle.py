"""Requesting a grant and moving it through its lifecycle, each step validated before it is written.

A step is refused (nothing written) when the transition is not allowed from the grant's
status, or when the edited file would fail its schema or carry a new error from the grant
rules; a step that approves (approve, resume, renew) must leave no error at all. Writing is a
compare-and-swap under the instance lock (:mod:`govdata.io.transaction`): a step whose grant
changed since it was read is refused (exit 2), so two steps never lose each other; a new
request whose id was taken meanwhile takes the next free id.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from govdata.diagnostics import Diagnostic
from govdata.errors import GovdataError, UsageError
from govdata.grants.checks import errors, grant_findings, introduced
from govdata.grants.edit import Request, Step, apply_step, request_text
from govdata.grants.store import department, find_grant, grant_path, next_grant_id
from govdata.i18n import Text
from govdata.instance import Instance, discover
from govdata.io.source import DecodeProblem, decode
from govdata.io.transaction import ChangedSinceRead, Transaction
from govdata.io.tree import WorkingTree
from govdata.model.catalog import Catalog
from govdata.model.grant import actions_from
from govdata.model.kinds import GRANT, RESOURCE, kind_of
from govdata.validation.engine import load_catalog
from govdata.validation.loading import Reader

_ID_ATTEMPTS = 50  # a new request retries with the next id while others take them


class StepRefused(GovdataError):
    """The step would leave an invalid grant; ``diagnostics`` say why. Nothing was written."""

    exit_code = 1

    def __init__(self, text: Text, diagnostics: list[Diagnostic]) -> None:
        super().__init__(text)
        self.diagnostics = diagnostics


@dataclass(frozen=True)
class Outcome:
    path: str
    status_before: str | None
    status_after: str
    warnings: list[Diagnostic]


def load_all(
    instance: Instance,
    paths: list[str] | None = None,
    every: list[str] | None = None,
    reader: Reader | None = None,
) -> tuple[Catalog, list[str]]:
    """The catalog of the files at ``paths`` (default: the whole instance), no rules run, and
    the paths of all grant files, loadable or not. ``every`` saves listing the instance again;
    ``reader`` (default: the working tree) is a transaction's when the command edits."""
    every = discover(instance.root) if every is None else every
    catalog, _ = load_catalog(
        instance.config,
        every if paths is None else paths,
        reader or WorkingTree(instance.root),
        config_path=instance.relative(instance.config_path),
    )
    return catalog, [path for path in every if kind_of(path) is GRANT]


def load_grants(
    instance: Instance, extra: Iterable[str] = (), transaction: Transaction | None = None
) -> tuple[Catalog, list[str]]:
    """Registries, every grant, and the resources they (and the codes in ``extra``) name.

    Grant rules need nothing else, and reading only these files keeps the commands fast on a
    catalog of many thousands of resources. Resources are found by file name (their code,
    GD012); when one is not found that way, the whole instance is read instead. Returns the
    catalog (no rules run) and the paths of all grant files, loadable or not.
    """
    paths = discover(instance.root)
    grant_paths = [path for path in paths if kind_of(path) is GRANT]
    resource_paths = [path for path in paths if kind_of(path) is RESOURCE]

    reader = transaction.read if transaction is not None else None
    catalog, _ = load_all(instance, [p for p in paths if p.startswith("registry/") or p in grant_paths], paths, reader)
    by_name: dict[str, list[str]] = {}
    for path in resource_paths:
        by_name.setdefault(path.rsplit("/", 1)[-1], []).append(path)
    codes = {document.model.resource for document in catalog.grants} | set(extra)
    wanted = {code: by_name.get(code.replace("/", "-") + ".yaml", []) for code in codes}
    if not all(wanted.values()):
        return load_all(instance, every=paths, reader=reader)
    resources, _ = load_all(instance, sorted({path for found in wanted.values() for path in found}), paths)
    catalog.resources.extend(resources.resources)
    catalog.unloaded.extend(resources.unloaded)
    return catalog, grant_paths


def _precondition(step: Step, status: str, valid_until: dt.date) -> Text | None:
    action = step.action
    if status not in action.sources:
        possible = "、".join(a.name for a in actions_from(status)) or "无"
        return Text(
            f"状态为“{status}”的授权不能{action.label.zh}（{action.name}）；可执行：{possible}",
            f"a grant in status {status} cannot be {action.label.en}d; possible: {possible.replace('、', ', ')}",
        )
    if action.needs_reason and not (step.reason and step.reason.strip()):
        return Text(f"{action.label.zh}须用 --reason 说明理由", f"{action.name} needs --reason")
    if action.name == "renew" and (step.until is None or step.until <= valid_until):
        return Text(
            f"续期须用 --until 给出晚于当前有效期止（{valid_until}）的日期",
            f"renew needs --until later than the current end date {valid_until}",
        )
    if action.name == "expire" and step.date <= valid_until:
        return Text(
            f"授权有效期至 {valid_until}，尚未到期，不能标记为已过期",
            f"the grant runs until {valid_until}; it cannot be marked expired before then",
        )
    return None


def current_text(transaction: Transaction, path: str) -> str:
    """The text a step edits, read through ``transaction`` so that the write can check that nobody
    changed it since (grants and cases alike)."""
    text = decode(transaction.read(path))
    if isinstance(text, DecodeProblem):  # it loaded a moment ago; only a concurrent edit gets here
        raise UsageError(text.message)
    return text


def transition(instance: Instance, grant_id: str, step: Step) -> Outcome:
    """Apply ``step`` to grant ``grant_id`` and write it, or raise without writing."""
    transaction = Transaction(instance.root, f"grant {step.action.name}")
    catalog, present = load_grants(instance, transaction=transaction)
    document = find_grant(catalog, grant_id, present)
    grant = document.model
    problem = _precondition(step, grant.status, grant.valid_until)
    if problem is not None:
        raise UsageError(problem)
    new_text = apply_step(current_text(transaction, document.path), step)
    before = grant_findings(instance.root, catalog, document.path, None, today=step.date)
    after = grant_findings(instance.root, catalog, document.path, new_text.encode("utf-8"), today=step.date)
    blocking = errors(after) if step.action.target == "已批准" else introduced(before, after)
    if blocking:
        raise StepRefused(
            Text(
                f"未{step.action.label.zh}：变更后的授权不符合要求，文件未改动",
                f"not {step.action.label.en}d: the grant would be invalid; the file is unchanged",
            ),
            blocking,
        )
    transaction.commit({document.path: new_text})
    return Outcome(document.path, grant.status, step.action.target, [d for d in after if d not in blocking])


def _require_loaded_resource(catalog: Catalog, code: str) -> None:
    """Fail closed: a request is not checked against a resource whose file does not load
    (for example two items of the same name, which would make ``--item`` ambiguous)."""
    if catalog.resource(code) is None and catalog.resource_file_present(code):
        broken = next(
            (path for path in catalog.unloaded if path.endswith("/" + code.replace("/", "-") + ".yaml")), code
        )
        raise UsageError(
            Text(
                f"信息资源文件 {broken} 无法读取或不符合数据规范，未提交申请；请先运行 govdata validate {broken} 并修正",
                f"the resource file {broken} does not load; request not filed. Run govdata validate {broken} and fix it",
            )
        )


def request(instance: Instance, draft: Request) -> Outcome:
    """Write a new grant request (status 申请中), or raise without writing.

    ``draft.applicant`` may be a slug or a credit code; without ``draft.id`` the next free
    ``<slug>-<year>-NNN`` is taken; without ``draft.by`` the applicant's name is recorded.
    """
    catalog, present = load_grants(instance, extra=(draft.resource,))
    applicant = department(catalog, draft.applicant)
    _require_loaded_resource(catalog, draft.resource)
    transaction = Transaction(instance.root, "grant new")
    for _attempt in range(_ID_ATTEMPTS):
        grant_id = draft.id or next_grant_id(catalog, applicant.slug, draft.date.year, present)
        path = grant_path(applicant.slug, grant_id)
        if (instance.root / path).exists():
            if not draft.id:
                present = [*present, path]
                continue
            raise UsageError(Text(f"{path} 已存在，未做任何修改", f"{path} already exists; nothing changed"))
        complete = dataclasses.replace(draft, id=grant_id, applicant=applicant.code, by=draft.by or applicant.name)
        text = request_text(path, complete)
        findings = grant_findings(instance.root, catalog, path, text.encode("utf-8"), today=draft.date)
        if errors(findings):
            raise StepRefused(
                Text(
                    "未提交申请：申请不符合要求，未写入文件", "request not filed: it would be invalid; nothing written"
                ),
                errors(findings),
            )
        transaction.saw(path, None)  # a new file: written only if still absent
        try:
            transaction.commit({path: text})
        except ChangedSinceRead:
            if draft.id:  # the user chose this id, and someone else just used it
                raise
            present = [*present, path]  # another request took this number: take the next one
            continue
        return Outcome(path, None, "申请中", findings)
    raise ChangedSinceRead([grant_path(applicant.slug, "…")])


__all__ = ["Outcome", "StepRefused", "current_text", "load_all", "load_grants", "request", "transition"]
