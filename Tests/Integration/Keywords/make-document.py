#!/usr/bin/env python3
"""Writes the OpenAPI document of `make keywords` (Tests/Integration/check-keywords.sh) to stdout:
every Swift keyword and contextual keyword in every position a generated client names something
— properties, enum values and titles, union cases, path/query/header/form parameters, operation
ids, server variables, paged list arguments — so that the client and its reference pages'
examples must compile with warnings as errors."""
import json

KEYWORDS = """associatedtype borrowing class consuming deinit enum extension fileprivate func import init
inout internal let nonisolated open operator private precedencegroup protocol public rethrows static struct
subscript typealias var break case catch continue default defer do else fallthrough for guard if in repeat
return throw switch where while Any any as await false is nil self Self super throws true try _ associativity
async convenience didSet dynamic final get indirect infix lazy left mutating none nonmutating optional override
package postfix precedence prefix Protocol required right set some Type unowned weak willSet actor macro each
consume copy discard isolated sending""".split()

string = {"type": "string"}


def ref(name):
    return {"$ref": "#/components/schemas/" + name}


def json_response(schema):
    return {"200": {"description": "OK", "content": {"application/json": {"schema": schema}}}}


query = [{"name": k, "in": "query", "schema": string} for k in KEYWORDS]
paths = {
    # Every keyword as a query parameter of a paged list (the `…AllItems` method passes each on).
    "/things": {
        "get": {
            "operationId": "things_list",
            "tags": ["things"],
            "parameters": query + [{"name": "page", "in": "query", "schema": {"type": "integer"}}],
            "responses": json_response(ref("PaginatedThingList")),
        },
    },
    # As path, header and body parameters, with a typed error.
    "/things/{for}/{in}": {
        "post": {
            "operationId": "things_create",
            "tags": ["things"],
            "parameters": [
                {"name": "for", "in": "path", "required": True, "schema": string},
                {"name": "in", "in": "path", "required": True, "schema": string},
                {"name": "default", "in": "header", "schema": string},
            ],
            "requestBody": {"content": {"application/json": {"schema": ref("Thing")}}},
            "responses": {
                **json_response(ref("Thing")),
                "404": {"description": "Not found", "content": {"application/json": {"schema": ref("Thing")}}},
            },
        },
    },
    # As form fields.
    "/forms": {
        "post": {
            "operationId": "forms_create",
            "tags": ["forms"],
            "requestBody": {"content": {"multipart/form-data": {"schema": ref("FormFields")}}},
            "responses": json_response(ref("Thing")),
        },
    },
}
# Names that start with a digit: a group, its inline body and response types, a union's cases.
paths["/3d_secure"] = {
    "post": {
        "operationId": "create_3d_secure",
        "tags": ["3d_secure"],
        "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"x": string}}}}},
        "responses": json_response({
            "oneOf": [
                {"type": "object", "required": ["a"], "properties": {"a": string}},
                {"type": "array", "items": string},
            ]
        }),
    },
}
# As operation names: `things_<keyword>` → `thingsApi.<keyword>(…)`.
for keyword in KEYWORDS:
    paths["/named/" + keyword] = {
        "get": {
            "operationId": "named_" + keyword,
            "tags": ["named"],
            "parameters": [{"name": keyword, "in": "query", "required": True, "schema": string}],
            "responses": json_response(ref("Thing")),
        },
    }

schemas = {
    # As properties: the first half required, the rest optional.
    "Thing": {
        "type": "object",
        "required": KEYWORDS[: len(KEYWORDS) // 2],
        "properties": {
            # Some nullable, some deprecated (stored as `_name` behind a deprecated `name`).
            k: {"type": ["string", "null"]} if i % 3 == 0 else {"type": "string", "deprecated": i % 5 == 1}
            for i, k in enumerate(KEYWORDS)
        },
    },
    "PaginatedThingList": {
        "type": "object",
        "required": ["count", "results"],
        "properties": {
            "count": {"type": "integer"},
            "next": {"type": ["string", "null"]},
            "previous": {"type": ["string", "null"]},
            "results": {"type": "array", "items": ref("Thing")},
        },
    },
    "FormFields": {"type": "object", "properties": {k: string for k in KEYWORDS}},
    # As enum values, and as the titles of 3.1's constants.
    "Word": {"type": "string", "enum": KEYWORDS},
    "TitledWord": {"type": "integer", "oneOf": [{"title": k, "const": i} for i, k in enumerate(KEYWORDS)]},
    # As union cases, named from the discriminator values.
    "Choice": {
        "oneOf": [ref("Choice_" + k) for k in KEYWORDS],
        "discriminator": {"propertyName": "kind"},
    },
}
for keyword in KEYWORDS:
    schemas["Choice_" + keyword] = {
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"const": keyword}, keyword: string},
    }

document = {
    "openapi": "3.1.0",
    "info": {"title": "Keywords", "version": "1"},
    # As server variables.
    "servers": [
        {
            "url": "https://{for}.example/{default}/{any}",
            "variables": {
                "for": {"default": "api"},
                "default": {"default": "v1", "enum": ["v1", "v2"]},
                "any": {"default": "x"},
            },
        }
    ],
    "paths": paths,
    "components": {"schemas": schemas},
}
print(json.dumps(document, indent=1))
