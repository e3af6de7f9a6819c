# The README's commands. Each one bootstraps first (idempotent, quick when warm).
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# Trunk must never download a tool: a missing one is an error that names it.
export TRUNK_OFFLINE := true
PORT ?= 8080
# Where the app is served: "./" works at any path; an absolute prefix (/fabrique/) also works.
PUBLIC_URL ?= ./
export PUBLIC_URL

.PHONY: bootstrap build dist serve dev test bench clean

## bootstrap: install the pinned toolchain (trunk, wasm-bindgen, wasm-opt, Chromium, nginx, npm packages)
bootstrap:
	@scripts/bootstrap.sh

## build: the release bundle in dist/ (service worker, hosts' headers, .br and .gz copies), then the sizes
build: bootstrap
	@scripts/build.sh

## dist: the same bundle, ready to upload (see README, Deploying)
dist: build

## serve: build, then serve dist/ as in production: nginx with deploy/nginx/ on http://127.0.0.1:$(PORT) (Ctrl-C stops it)
serve: build
	@echo "Fabrique : http://127.0.0.1:$(PORT)/"
	@scripts/nginx.sh target/nginx-serve $(PORT):dist

## dev: trunk's watch-and-reload server, for working on the app
dev: bootstrap
	trunk serve --offline --address 127.0.0.1 --port $(PORT)

## test: format, lints (native and wasm32), native, browser and end-to-end tests
test: bootstrap
	@scripts/test.sh

## bench: sizes, first render, edit latency, evaluation, links, storage — against a Leptos floor built in the same run, with budgets (BENCHMARKS.md)
bench: bootstrap
	@scripts/bench.sh

clean:
	cargo clean
	rm -rf dist test-results playwright-report
