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

    explanation_zh = """
    文件无法作为一份安全的 YAML 文档读取。

    ## 检查什么
    每个实例文件都必须是 UTF-8 编码（带不带 BOM 均可）、不超过 5 MB、只含一份 YAML 文档，不用自定义标签、合并键，
    不出现重复的键，嵌套不超过 64 层，也没有失控的别名展开。YAML 不允许的字符（如 U+007F、U+001A、U+FFFF 等控制字符）
    和长得无法读取的数字，会在所在位置报告。在 YAML 需要英文符号的地方误打了全角符号，也会定位到那一行：键后面的 `：`、
    `[…]` 列表元素之间的 `，`、当作缩进的全角空格 `　`；引号没有闭合也一样。像 `1_0`、`0b1`、`-0x1F` 这样编辑器
    （YAML 1.2 核心规则）与 govdata 理解不同的值会被拒绝，并给出应写的普通形式。读取某个文件时出现意外错误，只在该文件上报告，
    其他文件照常检查。

    ## 为什么
    读不出来的文件就无法对照管理办法做任何检查；重复的键会悄悄吞掉其中一个值。实际工作中最常见的原因是 Windows
    编辑器保存的 GBK 文件。

    ## 如何修改
    把文件另存为 UTF-8，按报告的行号改正 YAML 语法，一个文件只写一条资源。GBK 文件可用
    `iconv -f GBK -t UTF-8 old.yaml > new.yaml` 转换。`: `、`, ` 和空格请用英文半角输入；列表里确实含有 `，` 的值请加引号。
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

    explanation_zh = """
    文件不符合其类型的数据规范（JSON Schema）。

    ## 检查什么
    每个文件都按 `schemas/` 中对应类型的规范检查：必填的核心元数据、受控词表（共享类型、更新周期、数据类型等）、
    代码和日期的格式，以及不允许出现未知的键。同一资源下的信息项名称不能重复，因为授权、需求清单和 `govdata diff`
    都是按名称找信息项的。

    ## 为什么
    第十四条要求按 2017 年国家《政务信息资源目录编制指南（试行）》（发改高技〔2017〕1272号）编制目录，
    数据规范就是把指南中的核心元数据和词表写成了机器能检查的形式。

    ## 如何修改
    按报告的行修改取值。提示信息会用中文元素名称指出是哪个属性，并列出允许的取值；装了 YAML 语言服务器的编辑器
    在输入时也会按同一规范提示。
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

    explanation_zh = """
    文件放在了不属于任何文件类型的位置。

    ## 检查什么
    在 `catalogs/`、`registry/` 和实例根目录下，每个 YAML 文件都必须是已知的类型之一：`catalogs/<部门>/<代码>.yaml`、
    `catalogs/<部门>/demands.yaml`、`registry/departments.yaml`、`registry/legal-bases.yaml`、`govdata.yaml`。
    扩展名为 `.yml`、`.YAML` 等（只要不是小写的 `.yaml`）的文件也会报告，否则它们会被跳过；写入中断后留下的临时文件
    （`.<文件名>.<随机串>.govdata.tmp`，git 会忽略它们，下次写入时会清除）也会报告。

    ## 为什么
    放错位置的文件会被所有检查悄悄跳过，部门会以为资源已经编目，其实没有；第五十七条第（一）项禁止漏报目录内容。

    ## 如何修改
    把文件移到其提供部门的文件夹里，按资源代码命名（`/` 换成 `-`，扩展名 `.yaml`）。遗留的临时文件直接删除。
    """

    id = "GD003"
    name = "unexpected-file"
    title = Text("文件位置不正确", "file in an unexpected place")
    article = "Art. 57(1)"
    tags = frozenset({"layout"})


BUILTIN_RULES = (LoadError, SchemaViolation, UnexpectedFile)
