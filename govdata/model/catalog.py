"""The ``Catalog``: every valid document of an instance, indexed by the ids rules look up."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Generic, TypeVar

from govdata.model.base import Model
from govdata.model.case import Case
from govdata.model.classification import ClassificationNode, ClassificationRegistry, walk
from govdata.model.collected import Collected
from govdata.model.config import InstanceConfig
from govdata.model.demand import DemandList
from govdata.model.facts import ItemFacts, ResourceFacts, facts_of
from govdata.model.grant import Grant
from govdata.model.project import Project
from govdata.model.registry import Department, DepartmentRegistry, LegalBasis, LegalBasisRegistry
from govdata.model.resource import Resource
from govdata.model.responsibility import ResponsibilityList
from govdata.model.security import SecurityRecord

M = TypeVar("M", bound=Model)


@dataclass(frozen=True, slots=True)
class Document(Generic[M]):
    """A file that loaded and passed its schema: its instance-relative path and its model."""

    path: str
    model: M
    schema_ref: str | None = None  # the ``$schema`` its yaml-language-server modeline names


@dataclass
class Catalog:
    """A whole instance. Files that failed to load or failed their schema are not in it."""

    config: InstanceConfig
    config_path: str = "govdata.yaml"
    departments_doc: Document[DepartmentRegistry] | None = None
    legal_bases_doc: Document[LegalBasisRegistry] | None = None
    classification_doc: Document[ClassificationRegistry] | None = None
    resources: list[Document[Resource]] = field(default_factory=list)
    demand_lists: list[Document[DemandList]] = field(default_factory=list)
    grants: list[Document[Grant]] = field(default_factory=list)
    responsibility_lists: list[Document[ResponsibilityList]] = field(default_factory=list)
    projects: list[Document[Project]] = field(default_factory=list)
    security_records: list[Document[SecurityRecord]] = field(default_factory=list)
    cases: list[Document[Case]] = field(default_factory=list)
    # Files of a known kind that failed to load or failed their schema (reported as GD001/GD002):
    # rules that resolve references consult it rather than call a broken file's code missing.
    unloaded: list[str] = field(default_factory=list)
    # A large instance is checked without holding every resource model (issue 12): the engine
    # then leaves ``resources`` empty and gives the facts of every loaded resource instead, with
    # a loader for the few models a reference needs whole (a grant's resource, say), and one
    # for the item facts of the resources a rule looks into (by path).
    facts: list[ResourceFacts] | None = None
    load_resource: Callable[[str], Document[Resource] | None] | None = field(default=None, repr=False)
    load_items: Callable[[str], ItemFacts] | None = field(default=None, repr=False)
    # What each department collects (GD107), when the validation cache brought it up to date;
    # else ``collection()`` counts it from every resource's item facts.
    collected: Collected | None = field(default=None, repr=False)

    @property
    def departments(self) -> list[Department]:
        return list(self.departments_doc.model.departments) if self.departments_doc else []

    @property
    def legal_bases(self) -> list[LegalBasis]:
        return list(self.legal_bases_doc.model.legal_bases) if self.legal_bases_doc else []

    @cached_property
    def department_by_code(self) -> dict[str, Department]:
        return {d.code: d for d in self.departments}

    @cached_property
    def department_by_slug(self) -> dict[str, Department]:
        return {d.slug: d for d in self.departments}

    @cached_property
    def classification_nodes(self) -> dict[str, list[ClassificationNode]]:
        """Every node of registry/classification.yaml under its code (a reused code has several)."""
        index: dict[str, list[ClassificationNode]] = defaultdict(list)
        if self.classification_doc is not None:
            for _path, node, _parent in walk(list(self.classification_doc.model.nodes)):
                index[node.code].append(node)
        return dict(index)

    @cached_property
    def classification_synonyms(self) -> dict[str, str]:
        """Each synonym of a classification node, and each name, to the node's name."""
        names: dict[str, str] = {}
        for nodes in self.classification_nodes.values():
            for node in nodes:
                names.setdefault(node.name, node.name)
                for synonym in node.synonyms:
                    names.setdefault(synonym, node.name)
        return names

    def canonical_class_name(self, name: str) -> str:
        """``name`` as the classification registry spells it (人口 → 人口基础信息资源)."""
        return self.classification_synonyms.get(name, name)

    @cached_property
    def basis_by_id(self) -> dict[str, LegalBasis]:
        return {b.id: b for b in self.legal_bases}

    @property
    def models_kept(self) -> bool:
        """Whether every loaded resource's model is in ``resources`` (else only its facts are)."""
        return self.facts is None

    def with_models(self) -> Catalog:
        """This catalog holding every resource's model, each read again when only facts were kept."""
        if self.facts is None:
            return self
        assert self.load_resource is not None
        loaded = [self.load_resource(facts.path) for facts in self.facts]
        return replace(
            self, resources=[d for d in loaded if d is not None], facts=None, load_resource=None, load_items=None
        )

    @cached_property
    def resources_by_code(self) -> dict[str, list[Document[Resource]]]:
        """Every resource document under its code; more than one entry is a duplicate.

        Only for a catalog that keeps its models: rules use ``facts_by_code``, which both kinds have.
        """
        index: dict[str, list[Document[Resource]]] = defaultdict(list)
        for document in self.resources:
            index[document.model.code].append(document)
        return dict(index)

    @cached_property
    def _models_facts(self) -> dict[str, tuple[ResourceFacts, ItemFacts]]:
        return {document.path: facts_of(document) for document in self.resources}

    @cached_property
    def resource_facts(self) -> list[ResourceFacts]:
        """What the cross-file rules need of each loaded resource, in load order."""
        if self.facts is not None:
            return self.facts
        return [facts for facts, _ in self._models_facts.values()]

    def items_of(self, resource: ResourceFacts) -> ItemFacts:
        """The item facts of one of ``resource_facts`` (read when first asked for)."""
        if self.load_items is not None:
            return self.load_items(resource.path)
        return self._models_facts[resource.path][1]

    def collection(self) -> Collected:
        """What each department collects, counted from every resource once if not given."""
        if self.collected is None:
            self.collected = Collected.of((facts, self.items_of(facts)) for facts in self.resource_facts)
        return self.collected

    @cached_property
    def facts_by_code(self) -> dict[str, list[ResourceFacts]]:
        """The facts of every resource under its code; more than one entry is a duplicate."""
        resources = self.resource_facts
        # Codes are unique in a kept catalog: one comprehension, 3× faster than grouping 100,000
        # resources, and only grouped when some code repeats (GD011 reports it).
        index = {facts.code: [facts] for facts in resources}
        if len(index) == len(resources):
            return index
        grouped: dict[str, list[ResourceFacts]] = defaultdict(list)
        for facts in resources:
            grouped[facts.code].append(facts)
        return dict(grouped)

    def resource(self, code: str) -> Resource | None:
        """The model of the (first) resource with ``code``, loaded on demand when models are not kept."""
        if self.facts is None:
            documents = self.resources_by_code.get(code)
            return documents[0].model if documents else None
        found = self.facts_by_code.get(code)
        if not found or self.load_resource is None:
            return None
        document = self.load_resource(found[0].path)
        return document.model if document is not None else None

    @cached_property
    def _file_names(self) -> set[str]:
        paths = [*self.unloaded, *(facts.path for facts in self.resource_facts)]
        return {path.rsplit("/", 1)[-1] for path in paths}

    def resource_file_present(self, code: str) -> bool:
        """Whether a file is named after ``code`` although no loaded resource has that code.

        Such a file failed to load, or carries another code (GD012); references to ``code``
        are then reported by those findings rather than as references to nothing.
        """
        return code.replace("/", "-") + ".yaml" in self._file_names

    @property
    def authority(self) -> Department | None:
        return self.department_by_code.get(self.config.authority)
