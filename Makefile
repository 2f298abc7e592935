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

# Binary to PREFIX/bin, LabKit (library + module) to PREFIX/lib/labbook, the
# C module maps lab programs compile against and the labs to PREFIX/share/labbook.
# The engine finds them relative to PREFIX/bin/labbook (docs/architecture.md).
install:
	swift build -c release --product labbook
	swift build -c release --product LabKit
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/labbook \
	  $(DESTDIR)$(PREFIX)/share/labbook/shims
	install -m 755 .build/release/labbook $(DESTDIR)$(PREFIX)/bin/labbook
	install -m 755 .build/release/libLabKit.so $(DESTDIR)$(PREFIX)/lib/labbook/
	rm -rf $(DESTDIR)$(PREFIX)/lib/labbook/LabKit.swiftmodule
	cp -R .build/release/Modules/LabKit.swiftmodule $(DESTDIR)$(PREFIX)/lib/labbook/
	for shim in Sources/C*/; do \
	  name=$$(basename $$shim); \
	  install -d $(DESTDIR)$(PREFIX)/share/labbook/shims/$$name; \
	  install -m 644 $$shim/module.modulemap $$shim/*.h \
	    $(DESTDIR)$(PREFIX)/share/labbook/shims/$$name/; \
	done
	if [ -d labs ]; then cp -R labs $(DESTDIR)$(PREFIX)/share/labbook/; fi

clean:
	rm -rf .build out .labbook
