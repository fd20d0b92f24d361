"""``govdata cases from-issue``: a citizen's correction request or open-data application, filed
through the repository's issue forms (Art. 40, 41), opened as a case."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from govdata.cli import grant_steps as steps
from govdata.cli.cases_output import Format
from govdata.cli.common import ConfigOption, LangOption


def from_issue(
    file: Annotated[Path, typer.Argument(help="议题表单 JSON 文件 / the issue form as JSON", show_default=False)],
    output_format: Annotated[Format, typer.Option("--format", "-f", help="text 或 json")] = Format.TEXT,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """把公众提交的更正申请或开放申请议题建立为事项（第四十条、第四十一条）。/ Open a case from an issue form.

    FILE is the parsed form ({"form", "fields", "number", "url", "created_at"}) or the raw GitHub or
    GitLab issue object (its body made of "### <label>" sections, a label naming the form). The case
    goes to the resource's provider and is received on the day the issue was opened (UTC+8).

    [bold]Example[/]

      govdata cases from-issue issue.json --format json
    """
    from govdata.cases.intake import draft_case, load_submission
    from govdata.cases.lifecycle import CaseRefused, open_case
    from govdata.cases.store import load_cases
    from govdata.report.base import write_json

    instance, chosen = steps.open_instance(config, lang)
    submission = load_submission(file, instance.root)
    catalog, _ = load_cases(instance, (submission.fields["resource_code"],))
    try:
        outcome = open_case(instance, draft_case(submission, catalog))
    except CaseRefused as error:
        steps.refused(error, chosen)
    if output_format is Format.TEXT:
        steps.report(outcome, chosen)
        return
    write_json({"id": outcome.case_id, "path": outcome.path, "state": outcome.status_after}, sys.stdout)
