# Thin wrappers around scripts/; the scripts are what the README documents.
PREFIX ?= /usr/local

.PHONY: run test bench lint install clean

run:
	scripts/main

test:
	scripts/test

bench:
	scripts/bench

lint:
	swift format lint --strict -r Sources Tests Benchmarks Package.swift

clean:
	rm -rf .build out .labbook
