"""The table of ``govdata``'s commands: name, where it lives, its one-line help.

Plain data, no typer: the top-level group lists commands from here and imports only the one
that runs (issue 12, item 5). ``tests/cli/test_command_table.py`` builds every real command and
fails when a name, a module or a one-line help here no longer matches it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    """One command of ``govdata``: a function (``group=False``) or a typer sub-app."""

    name: str
    module: str
    attribute: str
    help: str  # the first paragraph of the command's help, as ``govdata --help`` lists it
    group: bool = False


# In the order ``govdata --help`` lists them (typer lists commands before sub-apps).
COMMANDS: tuple[Entry, ...] = (
    Entry(
        "validate",
        "govdata.cli.validate",
        "validate",
        "校验实例：加载全部文件，按数据规范和规则检查，报告每个问题的文件、行和列。",
    ),
    Entry(
        "init",
        "govdata.cli.init",
        "init",
        "新建一个空实例：配置、部门名录、法律依据名录、数据规范、CODEOWNERS、CI 与合并闸门。",
    ),
    Entry(
        "schemas",
        "govdata.cli.schemas",
        "schemas",
        "把各类文件的 JSON Schema 写入实例的 schemas/ 目录，供编辑器和其他工具使用。",
    ),
    Entry(
        "diff",
        "govdata.cli.diff",
        "diff",
        "比较两个版本的目录：逐项列出变更、审批级别（部门或数据主管部门）和破坏性变更。",
    ),
    Entry(
        "owners",
        "govdata.cli.owners",
        "owners",
        "按部门名录生成 .github/CODEOWNERS 和 .gitlab/CODEOWNERS：各部门维护人负责本部门目录。",
    ),
    Entry(
        "check-authorship",
        "govdata.cli.authorship",
        "check_authorship",
        "检查作者所属部门能否单独合并此变更；不能时列出须批准的部门和维护人，并以 1 退出。",
    ),
    Entry(
        "gate",
        "govdata.cli.gate",
        "gate",
        "合并闸门：此合并请求现在能否合并？列出每一项尚缺的批准（哪个部门或数据主管部门、哪个文件、哪项变更）。",
    ),
    Entry(
        "log",
        "govdata.cli.log",
        "log",
        "按提交列出变更历史：谁、何时、哪个提交，以及按数据规范含义说明改了什么；跟随文件更名和移动。",
    ),
    Entry(
        "fmt",
        "govdata.cli.fmt",
        "fmt",
        "把实例文件整理为统一格式：键按数据规范的顺序排列、两格缩进、首行为数据规范声明。",
    ),
    Entry(
        "publish",
        "govdata.cli.publish",
        "publish",
        "由实例生成共享目录、开放目录（JSON、CSV、XLSX）、DCAT-AP 3.0 导出，及开放数据网站。",
    ),
    Entry(
        "evaluate",
        "govdata.cli.evaluate",
        "evaluate",
        "年度评价：各部门评分卡与整改清单（第五十三条至第五十五条、第六十条）。/ Yearly scorecards and rectification list.",
    ),
    Entry(
        "audit",
        "govdata.cli.audit",
        "audit",
        "访问日志审计：每次访问是否有当时有效的授权、是否超出授权信息项、是否以授权的方式获取"
        "（第二十八、三十三、三十六、五十七条）。",
    ),
    Entry(
        "import",
        "govdata.cli.imports",
        "import_listings",
        "导入平台导出或开放门户的目录清单，逐值报告映射、规范化、默认值、舍弃和未能识别的情况。"
        "/ Import catalog listings with a full loss report.",
    ),
    Entry(
        "report",
        "govdata.cli.evaluate",
        "report_app",
        "报告：年度政务数据管理情况报告（第五十三条至第五十五条）。/ Reports.",
        group=True,
    ),
    Entry(
        "rules",
        "govdata.cli.rules",
        "app",
        "规则：列出全部规则、查看一条规则的说明、生成 docs/rules。/ List, explain and document the rules.",
        group=True,
    ),
    Entry(
        "grant",
        "govdata.cli.grant",
        "app",
        "数据共享授权：申请、审批、暂停、恢复、终止、续期、标记过期、查看。/ Sharing grants and their lifecycle.",
        group=True,
    ),
    Entry(
        "demands",
        "govdata.cli.demands",
        "app",
        "需求清单（第十六条）：逐条匹配目录、列出缺口、为已满足的需求起草共享申请。/ Demand lists: match, gaps, draft grants.",
        group=True,
    ),
    Entry(
        "responsibility",
        "govdata.cli.responsibility",
        "app",
        "采集责任清单（第十八条）：由目录生成 responsibility/<部门>.yaml，并显示落实情况。"
        "/ Collection responsibility lists.",
        group=True,
    ),
    Entry(
        "ci",
        "govdata.cli.ci",
        "app",
        "CI 文件：校验、审查与合并闸门 / CI files: validation, review and the merge gate.",
        group=True,
    ),
    Entry(
        "cases",
        "govdata.cli.cases",
        "app",
        "办理事项：有办理期限的事项及其办理记录，期限按工作日历计算。/ Cases with deadlines in working days.",
        group=True,
    ),
    Entry(
        "excel",
        "govdata.cli.excel",
        "app",
        "Excel 工作簿：生成填写模板、导出目录、把填好的工作簿导入为 YAML。",
        group=True,
    ),
    Entry(
        "new",
        "govdata.cli.new",
        "app",
        "新建：信息资源文件或部门登记。/ Start a new resource file or register a new department.",
        group=True,
    ),
)
