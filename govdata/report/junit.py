"""JUnit XML for CI test reports (GitLab ``artifacts:reports:junit``, Jenkins, Gitea).

One test case per file with findings (its errors are failures; warnings and notes go to
its output), or a single passing case when the instance is clean.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import groupby
from typing import TYPE_CHECKING, TextIO

from govdata.diagnostics import Diagnostic, Severity
from govdata.i18n import Lang

if TYPE_CHECKING:
    from govdata.validation.engine import RunResult


def _line(diagnostic: Diagnostic, lang: Lang) -> str:
    text = f"{diagnostic.location} {diagnostic.severity.value} {diagnostic.rule_id}: {diagnostic.message.get(lang)}"
    if diagnostic.hint is not None:
        text += f"\n    {diagnostic.hint.get(lang)}"
    return text


def _case(suite: ET.Element, path: str, findings: list[Diagnostic], lang: Lang) -> bool:
    case = ET.SubElement(
        suite, "testcase", classname=path.rsplit("/", 1)[0].replace("/", ".") or "instance", name=path, file=path
    )
    errors = [d for d in findings if d.severity is Severity.ERROR]
    if errors:
        failure = ET.SubElement(case, "failure", type=errors[0].rule_id, message=errors[0].message.get(lang))
        failure.text = "\n".join(_line(d, lang) for d in errors)
    rest = [d for d in findings if d.severity is not Severity.ERROR]
    if rest:
        ET.SubElement(case, "system-out").text = "\n".join(_line(d, lang) for d in rest)
    return bool(errors)


class JunitReporter:
    def report(self, result: RunResult, lang: Lang, stream: TextIO) -> None:
        root = ET.Element("testsuites", name="govdata")
        suite = ET.SubElement(root, "testsuite", name="govdata validate", time=f"{result.seconds:.3f}")
        failures = 0
        for path, group in groupby(result.diagnostics, key=lambda d: d.location.path):
            failures += _case(suite, path, list(group), lang)
        if not result.diagnostics:
            ET.SubElement(suite, "testcase", classname="instance", name=f"{result.files_checked} files")
        cases = len(suite.findall("testcase"))
        for element in (root, suite):
            element.set("tests", str(cases))
            element.set("failures", str(failures))
            element.set("errors", "0")
        ET.indent(root)
        stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        stream.write(ET.tostring(root, encoding="unicode"))
        stream.write("\n")
