"""A fast check of a document against the project's JSON Schema (the exchange schema).

The general ``jsonschema`` library spends about 3 s on a session of 1,800
proposals and 3,700 votes, most of it resolving ``$ref``. This module compiles
the schema once into plain Python checks for exactly the keywords the exchange
schema uses, with the same meaning as JSON Schema 2020-12, and reports the
first error in the document's own order. A schema with any other keyword is
refused at compile time, so it can never silently check less; the test suite
compares it with ``jsonschema`` on generated documents.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

Path = tuple[str | int, ...]
FormatCheck = Callable[[str], bool]


@dataclass(frozen=True, slots=True)
class SchemaProblem:
    """Where (a path of keys and indexes) and which keyword failed, with its value."""

    path: Path
    keyword: str
    value: Any


Check = Callable[[Any], "SchemaProblem | None"]
"""Returns the first problem (its path relative to the checked value) or None."""

ANNOTATIONS = {"$schema", "$id", "title", "description", "$defs", "$comment"}
SUPPORTED = ANNOTATIONS | {
    "type",
    "required",
    "properties",
    "const",
    "enum",
    "pattern",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "items",
    "uniqueItems",
    "oneOf",
    "$ref",
    "format",
}


def _type_predicate(name: str) -> Callable[[Any], bool]:
    if name == "object":
        return lambda v: isinstance(v, dict)
    if name == "array":
        return lambda v: isinstance(v, list)
    if name == "string":
        return lambda v: isinstance(v, str)
    if name == "boolean":
        return lambda v: isinstance(v, bool)
    if name == "null":
        return lambda v: v is None
    if name == "integer":
        return lambda v: (
            not isinstance(v, bool)
            and (isinstance(v, int) or (isinstance(v, float) and v.is_integer()))
        )
    if name == "number":
        return lambda v: not isinstance(v, bool) and isinstance(v, int | float)
    raise ValueError(f"unknown type {name}")


def _json_equal(a: Any, b: Any) -> bool:
    """Equality as JSON Schema means it: true is not 1, 1 is 1.0."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_json_equal(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_json_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, int | float) and isinstance(b, int | float):
        return a == b
    return bool(type(a) is type(b) and a == b)


def _unique_key(value: Any) -> Any:
    """A hashable key equal for values JSON Schema calls equal (true is not 1, 1 is 1.0)."""
    if isinstance(value, bool):
        return ("boolean", value)
    if isinstance(value, int | float):
        return ("number", value)
    if isinstance(value, str):
        return ("string", value)
    if isinstance(value, list):
        return ("array", tuple(_unique_key(v) for v in value))
    if isinstance(value, dict):
        return ("object", frozenset((k, _unique_key(v)) for k, v in value.items()))
    return ("null", None)


def _under(step: str | int, problem: SchemaProblem | None) -> SchemaProblem | None:
    if problem is None:
        return None
    return SchemaProblem((step, *problem.path), problem.keyword, problem.value)


class SchemaCompiler:
    def __init__(self, root: Mapping[str, Any], formats: Mapping[str, FormatCheck]) -> None:
        self._root = root
        self._formats = formats
        self._refs: dict[str, Check] = {}
        self._resolving: set[str] = set()

    def compile(self, schema: Mapping[str, Any] | bool) -> Check:
        if schema is True:
            return lambda value: None
        if schema is False:
            return lambda value: SchemaProblem((), "false", None)
        assert isinstance(schema, Mapping)
        unknown = set(schema) - SUPPORTED
        if unknown:
            raise ValueError(f"schema keywords not supported by the fast check: {sorted(unknown)}")
        checks: list[Check] = []
        if "$ref" in schema:
            checks.append(self._ref(schema["$ref"]))
        if "type" in schema:
            expected = schema["type"]
            names = expected if isinstance(expected, list) else [expected]
            predicates = [_type_predicate(n) for n in names]
            if len(predicates) == 1:
                only = predicates[0]

                def check_type(value: Any) -> SchemaProblem | None:
                    return None if only(value) else SchemaProblem((), "type", expected)
            else:

                def check_type(value: Any) -> SchemaProblem | None:
                    if any(p(value) for p in predicates):
                        return None
                    return SchemaProblem((), "type", expected)

            checks.append(check_type)
        if "const" in schema:
            constant = schema["const"]
            checks.append(
                lambda value: (
                    None if _json_equal(value, constant) else SchemaProblem((), "const", constant)
                )
            )
        if "enum" in schema:
            options = schema["enum"]
            checks.append(
                lambda value: (
                    None
                    if any(_json_equal(value, o) for o in options)
                    else SchemaProblem((), "enum", options)
                )
            )
        checks.extend(self._string_checks(schema))
        checks.extend(self._number_checks(schema))
        if "oneOf" in schema:
            branches = [self.compile(s) for s in schema["oneOf"]]
            alternatives = schema["oneOf"]

            def check_one_of(value: Any) -> SchemaProblem | None:
                matches = sum(1 for b in branches if b(value) is None)
                return None if matches == 1 else SchemaProblem((), "oneOf", alternatives)

            checks.append(check_one_of)
        if {"required", "properties"} & set(schema):
            checks.append(self._object(schema))
        if {"items", "uniqueItems"} & set(schema):
            checks.append(self._array(schema))
        if len(checks) == 1:
            return checks[0]

        def check_all(value: Any) -> SchemaProblem | None:
            for check in checks:
                problem = check(value)
                if problem is not None:
                    return problem
            return None

        return check_all

    def _ref(self, reference: str) -> Check:
        if not reference.startswith("#/"):
            raise ValueError(f"only local references are supported: {reference}")
        if reference in self._refs:
            return self._refs[reference]
        if reference in self._resolving:  # a recursive schema: resolve when first used
            return lambda value: self._refs[reference](value)
        self._resolving.add(reference)
        target: Any = self._root
        for part in reference[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        self._refs[reference] = self.compile(target)
        self._resolving.discard(reference)
        return self._refs[reference]

    def _string_checks(self, schema: Mapping[str, Any]) -> list[Check]:
        low = schema.get("minLength")
        high = schema.get("maxLength")
        pattern = re.compile(schema["pattern"]) if "pattern" in schema else None
        form = schema.get("format")
        format_check = self._formats.get(form) if form else None
        if low is None and high is None and pattern is None and format_check is None:
            return []

        def check_string(value: Any) -> SchemaProblem | None:
            if not isinstance(value, str):
                return None
            if low is not None and len(value) < low:
                return SchemaProblem((), "minLength", low)
            if high is not None and len(value) > high:
                return SchemaProblem((), "maxLength", high)
            if pattern is not None and not pattern.search(value):
                return SchemaProblem((), "pattern", pattern.pattern)
            if format_check is not None and not format_check(value):
                return SchemaProblem((), "format", form)
            return None

        return [check_string]

    def _number_checks(self, schema: Mapping[str, Any]) -> list[Check]:
        low = schema.get("minimum")
        high = schema.get("maximum")
        if low is None and high is None:
            return []

        def check_number(value: Any) -> SchemaProblem | None:
            if isinstance(value, bool) or not isinstance(value, int | float):
                return None
            if low is not None and value < low:
                return SchemaProblem((), "minimum", low)
            if high is not None and value > high:
                return SchemaProblem((), "maximum", high)
            return None

        return [check_number]

    def _object(self, schema: Mapping[str, Any]) -> Check:
        required = list(schema.get("required", ()))
        properties = {name: self.compile(s) for name, s in schema.get("properties", {}).items()}

        def check_object(value: Any) -> SchemaProblem | None:
            if not isinstance(value, dict):
                return None
            for name in required:
                if name not in value:
                    return SchemaProblem((), "required", name)
            for name, item in value.items():  # the document's own order
                check = properties.get(name)
                if check is not None:
                    problem = check(item)
                    if problem is not None:
                        return _under(name, problem)
            return None

        return check_object

    def _array(self, schema: Mapping[str, Any]) -> Check:
        items = self.compile(schema["items"]) if "items" in schema else None
        unique = bool(schema.get("uniqueItems"))

        def check_array(value: Any) -> SchemaProblem | None:
            # The items first (a wrong type is named at its place), then uniqueness
            # in linear time: 20,000 ids take milliseconds, not minutes.
            if not isinstance(value, list):
                return None
            if items is not None:
                for index, item in enumerate(value):
                    problem = items(item)
                    if problem is not None:
                        return _under(index, problem)
            if unique:
                seen: set[Any] = set()
                for index, item in enumerate(value):
                    key = _unique_key(item)
                    if key in seen:
                        return SchemaProblem((index,), "uniqueItems", True)
                    seen.add(key)
            return None

        return check_array


def compile_schema(schema: Mapping[str, Any], formats: Mapping[str, FormatCheck]) -> Check:
    """A function ``check(document)`` returning the first problem in document order."""
    return SchemaCompiler(schema, formats).compile(schema)


def first_problem(check: Check, document: Any) -> SchemaProblem | None:
    return check(document)
