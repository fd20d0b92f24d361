"""GD107: one data, one source — an item is collected by one department and obtained by the rest."""

from __future__ import annotations

import difflib
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from govdata.diagnostics import Severity
from govdata.i18n import Text
from govdata.model.catalog import Catalog
from govdata.model.facts import ItemFacts, ResourceFacts, cited
from govdata.model.names import normalise
from govdata.rules.base import Finding, Rule, RuleContext, RuleOptions
from govdata.rules.libraries import BASE_LIBRARIES, SUBJECT_LIBRARY, library_of

RELATED_LIMIT = 10  # related locations per finding; a common item can occur in thousands of files
NAMES_LIMIT = 8


class OneDataOneSourceOptions(RuleOptions):
    ignore: tuple[str, ...] = ("序号", "备注", "说明")
    """Item names that are not data elements (row numbers, remarks) and are never compared."""


@dataclass(frozen=True, slots=True)
class _Place:
    """One item of one resource, read from the resource's facts."""

    facts: ResourceFacts
    items: ItemFacts
    index: int

    @property
    def path(self) -> str:
        return self.facts.path

    @property
    def provider(self) -> str:
        return self.facts.provider_code

    @property
    def name(self) -> str:
        return self.items.items[self.index]

    @property
    def element_id(self) -> str | None:
        return next((element for index, element in self.items.element_ids if index == self.index), None)

    @property
    def source(self) -> tuple[str, str]:
        """The ``obtained_from`` (resource code, item name) of this item."""
        return next((code, item) for index, code, item in self.items.sources if index == self.index)


class OneDataOneSource(Rule):
    """The same data item is collected by more than one department.

    ## What it checks
    Over the whole instance, every item that does not declare `obtained_from` counts as
    *collected* by its resource's provider. Two items are the same data when they carry the
    same `element_id`, or, when an item has no `element_id`, when their names are equal
    after normalisation (full-width to half-width, spaces, punctuation and symbols removed,
    Latin letters in lower case) and their resources have the same `data_subject`. Identity keys
    (公民身份号码, 统一社会信用代码) count like any other item.

    When one item is collected by two or more departments:
    - the authoritative source is the lead department of a base library collecting it in
      that library's resource — first the library of the data subject (人口 for 自然人,
      法人单位 for 法人和其他组织, 自然资源和空间地理), else any base library;
    - every occurrence collected by another department is reported, naming the source and
      the `obtained_from` to write;
    - without such a source, every occurrence is reported, naming all collecting
      departments and, if registered, the lead of the subject's base library.
    Each finding lists the other occurrences as related locations (at most 10).

    Every `obtained_from: {resource, item}` must resolve to an existing resource and an
    item of that resource. A code whose file exists but failed to load, or carries another
    code, is left to that file's own finding (GD001, GD002, GD012).

    ## Why
    Data that can be obtained by sharing must not be collected again or by several
    departments (Art. 20, and Art. 57(3) prohibits it); each datum has one authoritative
    source, and the others obtain it from the data hub.

    ## How to fix
    Under the duplicate item, declare where it is obtained from, e.g.
    `obtained_from: {resource: "101002/000001", item: 姓名}`, and obtain it by sharing.
    If the departments each really collect it under their own duties, agree with the data
    authority which one is the source; the others then declare `obtained_from`.

    ## Options
    `ignore`: item names never compared (default 序号, 备注, 说明).
    """

    explanation_zh = """
    同一数据项被多个部门采集。

    ## 检查什么
    在整个实例中，没有声明 `obtained_from` 的信息项，都算作其资源提供部门“采集”的。两个信息项 `element_id` 相同，
    或者（没有 `element_id` 时）名称规范化后相同（全角转半角，去掉空格、标点和符号，英文字母转小写）且所属资源的
    `data_subject` 相同，就算同一数据。标识项（公民身份号码、统一社会信用代码）也同样计算。

    同一数据项被两个或更多部门采集时：
    - 权威来源是在基础库资源中采集它的基础库牵头部门——先看数据主体对应的基础库（自然人看人口，法人和其他组织看法人单位，
      以及自然资源和空间地理），没有再看其他基础库；
    - 其他部门采集的每一处都会报告，并指出来源和应写的 `obtained_from`；
    - 找不到这样的来源时，每一处都会报告，列出所有采集部门，以及（已登记的话）数据主体所属基础库的牵头部门。

    每条问题都把其他出现位置列为相关位置（最多 10 个）。

    每个 `obtained_from: {resource, item}` 都必须指向存在的资源及其中的信息项。代码对应的文件存在但读取失败，
    或文件中写的是别的代码，交给该文件自己的问题（GD001、GD002、GD012）报告。

    ## 为什么
    能通过共享获取的数据，不得重复采集或多头采集（第二十条，第五十七条第（三）项明令禁止）；每项数据只有一个权威来源，
    其他部门从共享平台获取。

    ## 如何修改
    在重复的信息项下写明从哪里获取，例如 `obtained_from: {resource: "101002/000001", item: 姓名}`，并通过共享获取。
    如果几个部门确实各自依职责采集，请与数据主管部门商定以哪一个为来源，其余部门再写 `obtained_from`。

    ## 选项
    `ignore`：不参与比较的信息项名称（默认：序号、备注、说明）。
    """

    id = "GD107"
    name = "one-data-one-source"
    title = Text("同一数据多头采集", "same data collected by several departments")
    article = "Art. 20, 57(3)"
    severity = Severity.WARNING  # matching by name can pair items that only share a name
    tags = frozenset({"one-source", "cross-file"})
    Options = OneDataOneSourceOptions

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        assert isinstance(ctx.options, OneDataOneSourceOptions)
        catalog = ctx.catalog
        ignored = {normalise(name) for name in ctx.options.ignore}
        # An unregistered provider is GD013's to report; its items have no department.
        registered = catalog.department_by_code
        # Which departments share a key, an element id or a broken citation is read from their
        # sums; only their resources are then read item by item (most resources: none).
        collected = catalog.collection()
        keys = collected.shared_keys(registered, ignored)
        elements = collected.shared_elements(registered)
        unresolved = _unresolved_citations(catalog, collected.citations(registered))
        holding = collected.holding(registered, keys, elements, unresolved)
        looked_into = {
            number: (facts, catalog.items_of(facts))
            for number, facts in enumerate(catalog.resource_facts)
            if (facts.data_subject, facts.provider_code) in holding
        }
        lead_codes = _lead_codes(catalog)
        for entries in _shared_by_name(looked_into, keys) + _shared_by_element(looked_into, elements):
            yield from _duplicates(catalog, [_place(looked_into, entry) for entry in entries], lead_codes)
        for facts, items in looked_into.values() if unresolved else ():
            if unresolved.isdisjoint(items.citations):
                continue
            for index, text in zip(items.source_items, items.citations, strict=True):
                if text in unresolved:
                    yield from _unresolved_source(catalog, _Place(facts, items, index))


# Occurrences are ints (resource number * _SLOT + item number): not tracked by the garbage
# collector, and kept in arrays (8 bytes each) where many are kept.
_SLOT = 1 << 20  # more items than any resource has
Resources = dict[int, tuple[ResourceFacts, ItemFacts]]  # by resource number


def _shared_by_name(resources: Resources, shared: dict[str, set[str]]) -> list[array[int]]:
    """Every occurrence of each key that two or more departments collect for the same data
    subject (``shared``, from the departments' sums). In a real catalog most repeats stay
    within one department (its resources share fields), so few resources hold such a key."""
    found: dict[tuple[str, str], array[int]] = {}
    for number, (facts, items) in resources.items():
        keys = items.keys
        names = shared.get(facts.data_subject)
        if not names or names.isdisjoint(keys):  # stops at the first hit, allocates nothing
            continue
        for index, key in enumerate(keys):
            if key in names:
                found.setdefault((facts.data_subject, key), array("q")).append(number * _SLOT + index)  # type: ignore[index]
    return list(found.values())


def _shared_by_element(resources: Resources, shared: set[str]) -> list[array[int]]:
    """Every occurrence of each element id two or more departments collect (``shared``)."""
    found: dict[str, array[int]] = {}
    for number, (_, items) in resources.items() if shared else ():
        for index, element in items.collected_elements:
            if element in shared:
                found.setdefault(element, array("q")).append(number * _SLOT + index)
    return list(found.values())


def _unresolved_citations(catalog: Catalog, citations: set[str]) -> set[str]:
    """The ``obtained_from`` citations (``model.facts.citation``) that name no loaded item.

    Each distinct citation is looked up once: 100,000 resources cite about 1.2 million items,
    mostly the same few thousand of the base libraries.
    """
    unresolved = set()
    by_code = catalog.facts_by_code
    for text in citations:
        code, item = cited(text)
        found = by_code.get(code)
        if not found or item not in catalog.items_of(found[0]).items:
            unresolved.add(text)
    return unresolved


def _place(resources: Resources, entry: int) -> _Place:
    number, index = divmod(entry, _SLOT)
    return _Place(*resources[number], index)


def _lead_codes(catalog: Catalog) -> dict[str, set[str]]:
    return {library: {d.code for d in catalog.departments if library in d.leads} for library in BASE_LIBRARIES}


def _source_places(catalog: Catalog, places: list[_Place], lead_codes: dict[str, set[str]]) -> list[_Place]:
    """The authoritative occurrences: in the subject's own base library first, else in any."""
    in_library = []
    for place in places:
        library = library_of(place.facts.class_, place.facts.group, catalog)
        if library is not None and place.provider in lead_codes[library]:
            in_library.append((library == SUBJECT_LIBRARY.get(place.facts.data_subject), place))
    own = [place for is_own, place in in_library if is_own]
    return own or [place for _, place in in_library]


def _department_name(catalog: Catalog, place: _Place) -> str:
    registered = catalog.department_by_code.get(place.provider)
    return registered.name if registered else place.facts.provider_name


def _names(names: list[str]) -> tuple[str, str]:
    shown = names[:NAMES_LIMIT]
    more = len(names) - len(shown)
    return (
        "、".join(shown) + (f"等 {len(names)} 个部门" if more else ""),
        ", ".join(shown) + (f" and {more} more" if more else ""),
    )


def _duplicates(catalog: Catalog, places: list[_Place], lead_codes: dict[str, set[str]]) -> Iterator[Finding]:
    places = sorted(places, key=lambda p: (p.path, p.index))
    departments = list(dict.fromkeys(_department_name(catalog, place) for place in places))
    sources = _source_places(catalog, places, lead_codes)
    source_codes = {place.provider for place in sources}
    for place in places:
        if place.provider in source_codes:
            continue
        others = (other for other in places if other is not place)
        related = tuple((other.path, ("items", other.index, "name")) for other in islice(others, RELATED_LIMIT))
        name, element, subject = place.name, place.element_id, place.facts.data_subject
        if element is not None:
            what = Text(
                f"信息项“{name}”（数据元 {element}）",
                f"item '{name}' (data element {element})",
            )
        else:
            what = Text(f"信息项“{name}”（{subject}）", f"item '{name}' ({subject})")
        if sources:
            message, hint = _against_source(catalog, what, sources[0], place)
        else:
            message, hint = _among_equals(catalog, what, departments, subject)
        yield Finding(place.path, ("items", place.index, "name"), message, hint, related=related)


def _against_source(catalog: Catalog, what: Text, source: _Place, place: _Place) -> tuple[Text, Text]:
    resource = source.facts
    name = _department_name(catalog, source)
    library = library_of(resource.class_, resource.group, catalog)
    message = what + Text(
        f"已由“{library}”牵头部门{name}采集（{source.path}），{_department_name(catalog, place)}不应重复采集",
        f" is collected by {name}, the lead of {library} ({source.path}); "
        f"{_department_name(catalog, place)} must not collect it again",
    )
    reference = f'obtained_from: {{resource: "{resource.code}", item: {source.name}}}'
    return message, Text(
        f"通过共享获取，并在该信息项下注明 {reference}", f"obtain it by sharing and declare {reference}"
    )


def _among_equals(catalog: Catalog, what: Text, departments: list[str], subject: str) -> tuple[Text, Text]:
    zh, en = _names(departments)
    message = what + Text(f"被多个部门重复采集：{zh}", f" is collected by several departments: {en}")
    hint = Text(
        "与数据主管部门商定权威来源，其余部门在该信息项下注明 obtained_from: {resource, item}",
        "agree on the authoritative source with the authority; the others declare obtained_from: {resource, item}",
    )
    library = SUBJECT_LIBRARY.get(subject)
    leads = [d.name for d in catalog.departments if library in d.leads] if library else []
    if leads:
        hint += Text(
            f"；“{library}”的牵头部门为{'、'.join(leads)}",
            f"; {library} is led by {', '.join(leads)}",
        )
    return message, hint


def _unresolved_source(catalog: Catalog, place: _Place) -> Iterator[Finding]:
    """Findings for an ``obtained_from`` that names no resource or no item of it."""
    code, wanted = place.source
    pointer = ("items", place.index, "obtained_from")
    documents = catalog.facts_by_code.get(code)
    if not documents and catalog.resource_file_present(code):
        return  # a broken or mis-coded file named after the code: its own finding says why
    if not documents:
        yield Finding(
            place.path,
            (*pointer, "resource"),
            Text(
                f"共享来源资源“{code}”不在目录中（不存在，或其文件未通过校验）",
                f"source resource '{code}' is not in the catalog (no such code, or its file failed to load)",
            ),
            Text("填写权威来源资源的信息资源代码", "give the code of the authoritative resource"),
        )
        return
    resource = documents[0]
    names = catalog.items_of(resource).items
    if wanted not in names:
        guess = difflib.get_close_matches(wanted, list(names), n=1)
        yield Finding(
            place.path,
            (*pointer, "item"),
            Text(
                f"共享来源资源“{resource.code}”（{resource.name}）中没有信息项“{wanted}”",
                f"source resource {resource.code} ({resource.name}) has no item '{wanted}'",
            ),
            Text(f"是否应为“{guess[0]}”？", f"did you mean '{guess[0]}'?") if guess else None,
        )
