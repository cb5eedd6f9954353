# SPDX-License-Identifier: GPL-3.0-or-later
#
# A thin layer over meson, so that a newcomer needs two commands:
#   make run     install what is missing, build, start the app
#   make check   install what is missing, build with -Werror, run every test,
#                then again under AddressSanitizer + UndefinedBehaviorSanitizer
# Everything else is plain meson; see README.md and HACKING.md.

BUILDDIR   ?= _build
ASANDIR    ?= _build-asan
RELEASEDIR ?= _build-release
PREFIX     ?= /usr/local
ARGS       ?=

SHELL       := /bin/bash
.SHELLFLAGS := -euo pipefail -c

# Debian 12 / Ubuntu 24.04 (or newer) packages for building and testing.
DEB_PACKAGES := build-essential meson ninja-build pkg-config \
	libgtk-4-dev libadwaita-1-dev libjson-glib-dev \
	gettext desktop-file-utils appstream libglib2.0-bin \
	xvfb xauth dbus-daemon

# Without a display (CI, ssh) the tests run in a virtual X server with a
# private session bus.
ifeq ($(strip $(DISPLAY)$(WAYLAND_DISPLAY)),)
HEADLESS := xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session --
endif

# The sanitizer run covers every suite that runs our code: core, charts and
# ui. The 'data' suite only runs external validators on data files, so it is
# not repeated there. If the UI suite under ASan ever makes `make check` slow
# (several minutes), move it to a separate target rather than drop core or
# charts, where most memory bugs would live.
#
# Sanitizer runs: any report fails the test (UBSan aborts through
# -fno-sanitize-recover=all, ASan and LSan exit non-zero). tests/lsan.supp
# lists leaks inside system libraries (fontconfig, Mesa), never in our code.
# G_SLICE=always-malloc lets ASan see GLib 2.74's slice allocations.
ASAN_OPTS := detect_leaks=1:halt_on_error=1:detect_stack_use_after_return=1
SAN_ENV   := G_SLICE=always-malloc \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0

# $(call ensure_option,BUILDDIR,NAME,JSON-VALUE,MESON-VALUE): reconfigure only
# when the build directory's option differs.
define ensure_option
	meson introspect --buildoptions $(1) | grep -qF '"name": "$(2)", "value": $(3)' \
	  || meson configure $(1) -D$(2)=$(4)
endef

.PHONY: all deps build run check clean bench pot install

all: build

deps:
	@if ! command -v dpkg-query >/dev/null 2>&1; then \
	  echo "make deps: not a Debian/Ubuntu system; please install the equivalents of:"; \
	  echo "  $(DEB_PACKAGES)"; \
	  exit 0; \
	fi; \
	missing=""; \
	for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' "$$p" 2>/dev/null | grep -q '^install ok installed$$' \
	    || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  log=$$(mktemp -t obeya-deps.XXXXXX.log); \
	  echo "make deps: installing$$missing (apt-get output in $$log)"; \
	  { $$sudo apt-get update -qq \
	    && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; } >"$$log" 2>&1 \
	    || { tail -n 30 "$$log"; echo "make deps: apt-get failed, see $$log" >&2; exit 1; }; \
	fi

$(BUILDDIR)/build.ninja: | deps
	meson setup $(BUILDDIR) --werror --prefix=$(PREFIX)

$(ASANDIR)/build.ninja: | deps
	meson setup $(ASANDIR) --werror \
	  -Db_sanitize=address,undefined -Dc_args=-fno-sanitize-recover=all

$(RELEASEDIR)/build.ninja: | deps
	meson setup $(RELEASEDIR) --buildtype=release -Dbenchmarks=true

build: deps $(BUILDDIR)/build.ninja
	meson compile -C $(BUILDDIR)

# Runs the built binary without installing: the schema compiled in the build
# directory, the icons from the source tree.
run: build
	GSETTINGS_SCHEMA_DIR=$(CURDIR)/$(BUILDDIR)/data \
	XDG_DATA_DIRS=$(CURDIR)/data:$${XDG_DATA_DIRS:-/usr/local/share:/usr/share} \
	  $(BUILDDIR)/src/obeya $(ARGS)

check: deps $(BUILDDIR)/build.ninja $(ASANDIR)/build.ninja
	@$(call ensure_option,$(BUILDDIR),werror,true,true)
	@$(call ensure_option,$(ASANDIR),werror,true,true)
	rm -f $(BUILDDIR)/meson-logs/testlog.json $(ASANDIR)/meson-logs/asan*.json
	meson compile -C $(BUILDDIR)
	$(HEADLESS) meson test -C $(BUILDDIR) --print-errorlogs
	meson compile -C $(ASANDIR)
	$(SAN_ENV) ASAN_OPTIONS=$(ASAN_OPTS) $(HEADLESS) \
	  meson test -C $(ASANDIR) --print-errorlogs --no-suite ui --no-suite data --logbase asan
# The UI suite needs full stack unwinding so that the Mesa suppression can
# match (Debian's libraries have no frame pointers); it is slower, so only there.
	$(SAN_ENV) ASAN_OPTIONS=$(ASAN_OPTS):fast_unwind_on_malloc=0 $(HEADLESS) \
	  meson test -C $(ASANDIR) --print-errorlogs --suite ui --logbase asan-ui
	@tools/test-summary.sh $(BUILDDIR)/meson-logs/testlog.json $(ASANDIR)/meson-logs/asan*.json

clean:
	rm -rf $(BUILDDIR) $(ASANDIR) $(RELEASEDIR)

bench: $(RELEASEDIR)/build.ninja
	meson compile -C $(RELEASEDIR)
	@if [ ! -x $(RELEASEDIR)/tests/obeya-bench ]; then \
	  echo "make bench: $(RELEASEDIR)/tests/obeya-bench does not exist:" \
	       "the benchmark program has not been written yet (it will be tests/obeya-bench)." >&2; \
	  exit 1; \
	fi
	$(RELEASEDIR)/tests/obeya-bench $(ARGS)

pot: build
	meson compile -C $(BUILDDIR) obeya-pot

# PREFIX=/usr/local by default; `make install PREFIX=$HOME/.local` needs no root.
install: build
	@$(call ensure_option,$(BUILDDIR),prefix,"$(PREFIX)",$(PREFIX))
	mkdir -p "$(PREFIX)" 2>/dev/null || true
	if [ "$$(id -u)" = 0 ] || [ -w "$(PREFIX)" ]; then \
	  meson install -C $(BUILDDIR); \
	else \
	  meson compile -C $(BUILDDIR) && sudo meson install -C $(BUILDDIR) --no-rebuild; \
	fi
