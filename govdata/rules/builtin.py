"""Checks the engine performs while reading files; they are rules so users can filter them."""

from __future__ import annotations

from govdata.i18n import Text
from govdata.rules.base import BuiltinRule


class LoadError(BuiltinRule):
    """A file cannot be read as one safe YAML document.

    ## What it checks
    Every instance file is UTF-8 (with or without BOM), at most 5 MB, one YAML document
    without custom tags, merge keys or duplicate keys, nested at most 64 levels deep, and
    without runaway alias expansion. Characters YAML does not allow (control characters such
    as U+007F or U+001A, U+FFFF) and numbers too long to read are reported where they are.
    Full-width punctuation typed where YAML expects its ASCII form is named at its own line:
    `：` after a key, `，` between the elements of a `[…]` list, `　` used as indentation; so
    is a quote left open. A plain value that editors (YAML 1.2 core schema) read otherwise
    than govdata does, such as `1_0`, `0b1` or `-0x1F` (a number here, text in the editor),
    is refused with the plain form to write. An unexpected error while reading a file is
    reported on that file, and the other files are checked as usual.

    ## Why
    A file that cannot be read cannot be checked against the regulation at all, and a
    duplicate key silently hides one of its values. GBK files from Windows editors are the
    most common cause in practice.

    ## How to fix
    Save the file as UTF-8, fix the YAML syntax at the reported line, and keep one resource
    per file. `iconv -f GBK -t UTF-8 old.yaml > new.yaml` converts a GBK file. Type `: `,
    `, ` and spaces in ASCII (half-width); quote a value that really contains `，` in a list.
    """

    id = "GD001"
    name = "load-error"
    title = Text("文件无法读取", "file cannot be loaded")
    tags = frozenset({"syntax"})


class SchemaViolation(BuiltinRule):
    """A file does not conform to the JSON Schema of its kind.

    ## What it checks
    Each file is validated against the GB-style schema of its kind in `schemas/`: required
    core metadata, controlled vocabularies (共享类型, 更新周期, 数据类型 …), formats of codes
    and dates, and no unknown keys. The information items of one resource have distinct
    names: grants, demands and `govdata diff` find an item by its name.

    ## Why
    Art. 14 requires catalogs compiled to the 2017 national guide (发改高技〔2017〕1272号),
    whose core metadata and vocabularies the schemas encode.

    ## How to fix
    Change the value at the reported line. The message names the property by its Chinese
    element name and lists the allowed values; editors with the YAML language server show
    the same schema while typing.
    """

    id = "GD002"
    name = "schema-violation"
    title = Text("不符合数据规范", "schema violation")
    article = "Art. 14"
    tags = frozenset({"schema"})


class UnexpectedFile(BuiltinRule):
    """A file sits where no file kind belongs.

    ## What it checks
    Under `catalogs/`, `registry/` and the instance root, every YAML file must be one of
    the known kinds: `catalogs/<dept>/<code>.yaml`, `catalogs/<dept>/demands.yaml`,
    `registry/departments.yaml`, `registry/legal-bases.yaml`, `govdata.yaml`.
    Files ending in `.yml`, or in `.YAML` or any other case but `.yaml`, are reported too
    (they would otherwise be skipped), and so are the temporary files an interrupted write
    leaves (`.<name>.<random>.govdata.tmp`; git ignores them and the next write removes them).

    ## Why
    A misplaced file is silently skipped by every check, so a department would believe its
    resource is catalogued when it is not (Art. 57(1) forbids omitting catalog entries).

    ## How to fix
    Move the file to the folder of its provider department and name it after its resource
    code, with `/` replaced by `-` and the extension `.yaml`. Delete a leftover temporary file.
    """

    id = "GD003"
    name = "unexpected-file"
    title = Text("文件位置不正确", "file in an unexpected place")
    article = "Art. 57(1)"
    tags = frozenset({"layout"})


BUILTIN_RULES = (LoadError, SchemaViolation, UnexpectedFile)
