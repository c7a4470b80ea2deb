# specforge — two commands set everything up on a fresh Debian machine:
#   make        build the generator (release), regenerate Generated/CVAT and build it
#   make test   unit tests, the CVAT compile sweep, drift and format checks

SHARED      ?= ../shared
# Warnings are errors in specforge's own targets and the generated clients (Package.swift).
export SPECFORGE_STRICT := 1
SCHEMA      ?= $(SHARED)/schemas/cvat/cvat-2.72.0.json
CONFIG      ?= Schemas/cvat.yaml
SPECFORGE   := .build/release/specforge
SWIFT_BUILD := swift build

.PHONY: all deps templates build install generate build-cvat test imports snippets unit-tests cvat-sdk fake-cvat example diff-digester custom-templates docs-examples docc unions keywords social chat validation corpus hostile lint-generated check-generated fuzz bench clean

all: generate build-cvat

# libyaml is a system library (SwiftPM reaches it through pkg-config).
deps:
	@pkg-config --exists yaml-0.1 2>/dev/null || { \
		echo "installing libyaml-dev"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libyaml-dev pkg-config; }
	@# openssl makes the certificates of the TLS tests (Tests/Server/transport_server.py).
	@command -v openssl >/dev/null 2>&1 || { \
		echo "installing openssl"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq openssl; }

# The built-in templates, compiled into the binary (Sources/Renderer/EmbeddedTemplates.swift,
# committed; a unit test fails when it differs from Templates/).
templates:
	swift run TemplateEmbedder Sources/Renderer/EmbeddedTemplates.swift Templates/*.mustache

# Linked statically, so the binary maps no Swift or Foundation shared libraries: a run starts
# 5 ms sooner and peaks 6 MB lower (README, Performance). With lld, which (unlike gold) does not
# warn about the mktemp that the static Foundation carries.
build: deps
	$(SWIFT_BUILD) -c release --product specforge --static-swift-stdlib -Xswiftc -use-ld=lld

# The command line tool, to PREFIX/bin (default /usr/local/bin).
PREFIX ?= /usr/local
install: build
	install -d $(PREFIX)/bin
	install -m 755 $(SPECFORGE) $(PREFIX)/bin/specforge

generate: build
	$(SPECFORGE) generate $(SCHEMA) --config $(CONFIG) --output Generated/CVAT --docs Generated/CVATDocs
	$(SPECFORGE) generate $(SHARED)/schemas/cvat/cvat-2.61.0.json --config Schemas/cvat-2.61.yaml --output Generated/CVAT261

build-cvat: deps
	$(SWIFT_BUILD) --target CVAT

test: deps imports unit-tests check-generated lint-generated hostile example diff-digester custom-templates \
	docs-examples docc snippets unions keywords social chat validation corpus

unit-tests: cvat-sdk fake-cvat
	CVAT_SDK_PYTHON=$(CVAT_SDK_VENV)/bin/python FAKE_CVAT_PYTHON=$(FAKE_CVAT_VENV)/bin/python swift test

# Django and Django REST framework for the fake CVAT server of the high-level tests
# (Tests/Server/cvat_drf.py): a virtualenv outside the repository, made once. The versions CVAT
# 2.72 runs on.
FAKE_CVAT_VENV ?= $(HOME)/.cache/specforge/fake-cvat-drf
fake-cvat: $(FAKE_CVAT_VENV)/.installed
$(FAKE_CVAT_VENV)/.installed:
	@python3 -m venv --help >/dev/null 2>&1 && python3 -c 'import ensurepip' 2>/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq python3-venv; }
	python3 -m venv $(FAKE_CVAT_VENV)
	$(FAKE_CVAT_VENV)/bin/pip install -q "django==4.2.30" "djangorestframework==3.15.2"
	touch $@

# CVAT's own Python SDK and its command-line tool (the same release), for the differential tests
# (Tests/EndToEndTests/DifferentialTests.swift, Tests/CVATKitTests, Tests/CLITests): a
# virtualenv outside the repository, made once. 2.71.0 is the release whose schema matches
# 2.72's (2.72.0 is not published).
CVAT_SDK_VERSION ?= 2.71.0
CVAT_SDK_VENV    ?= $(HOME)/.cache/specforge/cvat-sdk-$(CVAT_SDK_VERSION)
cvat-sdk: $(CVAT_SDK_VENV)/.installed-with-cli-masks
$(CVAT_SDK_VENV)/.installed-with-cli-masks:
	@python3 -m venv --help >/dev/null 2>&1 && python3 -c 'import ensurepip' 2>/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq python3-venv; }
	rm -rf $(CVAT_SDK_VENV)
	python3 -m venv $(CVAT_SDK_VENV)
	$(CVAT_SDK_VENV)/bin/pip install -q "cvat-sdk[masks]==$(CVAT_SDK_VERSION)" cvat-cli==$(CVAT_SDK_VERSION)
	touch $@

# The module graph: every import is a declared dependency, and the generator's stages import
# earlier stages only (Parser → Model → Renderer → PostProcessor; Diff reads the Model).
imports:
	python3 Tests/Integration/check-imports.py

# Generated/CVAT must be exactly what the generator produces from the 2.72 schema.
check-generated: build
	$(SPECFORGE) generate $(SHARED)/schemas/cvat/cvat-2.72.0.json --config $(CONFIG) --output Generated/CVAT \
		--docs Generated/CVATDocs --check
	$(SPECFORGE) generate $(SHARED)/schemas/cvat/cvat-2.61.0.json --config Schemas/cvat-2.61.yaml --output Generated/CVAT261 --check

# The generated client and specforge's own code follow the committed .swift-format.
lint-generated:
	swift format lint --strict --recursive Generated/CVAT Generated/CVAT261 Sources Tests Plugins Package.swift \
		Examples/TaskBoard/Package.swift Examples/TaskBoard/Sources Examples/TaskBoard/Tests

# Examples/TaskBoard: a package that depends on this one by path and generates its client with
# the build-tool plugin; its tests call the client against a loopback server. Then the plugin's
# promises: an unchanged build regenerates and recompiles nothing, a changed document
# regenerates and recompiles only the shards it changed, and an error in the document is a
# located build error; the command plugins' check and repair. Then the README's layouts and
# plugin command lines, run as written (check-readme.sh). (As a dependency, the package builds
# without SPECFORGE_STRICT.)
example:
	env -u SPECFORGE_STRICT Tests/Integration/check-plugin.sh Examples/TaskBoard
	env -u SPECFORGE_STRICT Tests/Integration/check-readme.sh

# `specforge diff` against swift-api-digester on two CVAT version pairs with real changes: every
# declaration the digester finds removed or changed in the generated modules is one the diff
# names. The two pairs run side by side (each compile is one front end).
CVAT_SCHEMAS = $(SHARED)/schemas/cvat
# Every Swift example of the committed reference pages (Generated/CVATDocs) compiles against
# the CVAT module, as a user's code would, with warnings as errors. (`make corpus` does the
# same for the pages of every schema it compiles.)
# DocC: the CVAT module's documentation builds, and every symbol link in the generated doc
# comments (``ProjectRead``, ``list(page:pageSize:options:)``) resolves: warnings fail it.
docc: deps
	$(SWIFT_BUILD) --target CVAT
	swift package generate-documentation --target CVAT --warnings-as-errors

# Unions decoded and encoded by a generated client: discriminators from `enum`/`const`,
# unknown discriminator values kept, failures that name each alternative's cause.
# The snippet table: each construct's schema fragment and the exact Swift it becomes
# (Tests/Snippets/Snippets.md), every case's output typechecked. After a deliberate change:
# python3 Tests/Integration/check-snippets.py .build/release/specforge --record, then review the diff.
snippets: build
	python3 Tests/Integration/check-snippets.py $(SPECFORGE)

unions: build
	Tests/Integration/check-unions.sh $(SPECFORGE)

# Every Swift keyword in every position the client names something (properties, enum values and
# titles, union cases, parameters, operations, server variables): the client and its page
# examples compile with warnings as errors.
keywords: build
	Tests/Integration/check-keywords.sh $(SPECFORGE)

# The newcomer's experience: the client of Schemas/social.yaml (oneOf bodies, Link-header and
# cursor pages, a templated server, OAuth2, JSON or an event stream) against a loopback server
# that checks every byte.
social: build
	Tests/Integration/check-social.sh $(SPECFORGE)

docs-examples: deps
	$(SWIFT_BUILD) --target CVAT
	Tests/Integration/check-doc-examples.sh Generated/CVATDocs "$$($(SWIFT_BUILD) --show-bin-path)/Modules"

# The template contract in use: the CVAT client generated with Examples/CustomTemplates
# (`let` properties, an extra conformance, `package` access) type-checks without warnings.
custom-templates: build
	Tests/Integration/check-custom-templates.sh $(SPECFORGE) $(CVAT_SCHEMAS)/cvat-2.72.0.json

diff-digester: build
	Tests/Integration/check-diff-digester.sh $(SPECFORGE) $(CVAT_SCHEMAS)/cvat-2.69.0.json $(CVAT_SCHEMAS)/cvat-2.70.0.json & \
	first=$$!; \
	Tests/Integration/check-diff-digester.sh $(SPECFORGE) $(CVAT_SCHEMAS)/cvat-2.70.0.json $(CVAT_SCHEMAS)/cvat-2.71.0.json; \
	second=$$?; wait $$first && [ $$second = 0 ]

# What a newcomer hit on a large 3.1 document, on Schemas/chat.yaml: groups from paths without
# tags, enums written as titled constants, a JSON body and its multipart twin, against a
# loopback server that checks every byte.
chat: build
	Tests/Integration/check-chat.sh $(SPECFORGE)

# Client-side validation from a schema fragment to a refused call: every constraint kind in
# Tests/Integration/Validation/openapi.yaml, the exact rules the generator writes, and a
# loopback server that must see nothing until a check is switched off.
validation: build
	Tests/Integration/check-validation.sh $(SPECFORGE)

# Every OpenAPI document under ../shared/schemas (found by its `openapi` or `swagger` key, so a schema added
# there joins on its own) and in Schemas/ generates a client that compiles with zero warnings in
# Swift 6 mode. Prints a table: groups, operations, types, lines, generation and build times.
CORPUS = $(shell grep -rlE '^\s*"?(openapi|swagger)"?\s*:' --include=*.json --include=*.yaml --include=*.yml \
	$(SHARED)/schemas Schemas | sort)
corpus: build
	Tests/Integration/compile-schemas.sh $(SPECFORGE) $(CORPUS)

# Names and descriptions built to break out of comments and literals become no declarations.
hostile: build
	Tests/Integration/check-hostile.sh $(SPECFORGE)

# libFuzzer over the parser and the model stage, for FUZZ_SECONDS (default 60). The library
# modules are built with coverage instrumentation in .build-fuzz; crashes are written there and
# belong, once fixed, in Tests/Fuzz/Regressions (replayed by the unit tests).
FUZZ_BUILD   := .build-fuzz
FUZZ_SECONDS ?= 60
fuzz: deps
	swift build --scratch-path $(FUZZ_BUILD) --target SpecforgeModel -Xswiftc -sanitize=fuzzer,address
	swiftc -sanitize=fuzzer,address -parse-as-library -swift-version 6 Tests/Fuzz/FuzzDocument.swift \
		-I $(FUZZ_BUILD)/debug/Modules -I Sources/CYAML \
		$(FUZZ_BUILD)/debug/SpecforgeDiagnostics.build/*.o $(FUZZ_BUILD)/debug/SpecforgeParser.build/*.o \
		$(FUZZ_BUILD)/debug/SpecforgeModel.build/*.o -lyaml -o $(FUZZ_BUILD)/fuzz-document
	mkdir -p $(FUZZ_BUILD)/corpus
	$(FUZZ_BUILD)/fuzz-document -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
		-artifact_prefix=$(FUZZ_BUILD)/ $(FUZZ_BUILD)/corpus Tests/Fuzz/Seeds Tests/Fuzz/Regressions

# Side by side with swift-openapi-generator 1.14.3 and openapi-generator 7.26 (swift6), set up once
# in BENCH_WORK (outside the repository): generation medians and peak RSS, the no-op regenerate,
# linear growth, and debug/release builds of the generated CVAT and Stripe clients. Prints
# Markdown tables (README, Performance). BENCH_ROUNDS (default 5); BENCH_SKIP_BUILDS=1.
bench: build
	python3 Benchmarks/bench.py

clean:
	rm -rf .build .build-* Examples/*/.build
