# r57: build, test, install. Plain GNU make with pkg-config.
#   make            build ./r57
#   make run        install missing Debian packages, build, start r57
#   make check      every test layer; ends with "N passed, N failed"
#   make SAN=1 ...  the same with AddressSanitizer and UBSan
#   make bench      speed and memory at 1,000 to 100,000 tasks, then make bench-pg
#   make bench-pg   the same on a private PostgreSQL server, 20 clients at once
#   make stress     the fault tests' long form (1,000 SIGKILLs, 8 x 250 concurrent
#                   actions, 1,000 damaged copies)
#   make fuzz       each libFuzzer harness SECONDS=N (60); make fuzz-replay: the corpora (clang)
#   make valgrind   the unit tests under valgrind memcheck (SAN=0 builds)
#   make V=1 ...    show the full commands

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
LOCALEDIR ?= $(PREFIX)/share/locale
CC      ?= cc
CFLAGS  ?= -O2 -g
WARN     = -Wall -Wextra -Wformat=2 -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wwrite-strings -Wpointer-arith -Wcast-qual \
           -Wundef -Wvla -Wnull-dereference
ifeq ($(WERROR),1)
WARN    += -Werror
endif
ifeq ($(SAN),1)
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
endif

PKGS     = ncursesw sqlite3 uuid libutf8proc nettle
# libpq's headers only: the library is loaded when r57 connects to a
# server (src/store/pg_lib.c), never by a command on a file.
PKG_CFLAGS_PQ = $(shell pkg-config --cflags libpq 2>/dev/null)
TESTPKGS = cmocka

# Debian packages behind the pkg-config names above, and the test tools.
DEBS      = build-essential pkg-config libncurses-dev libsqlite3-dev uuid-dev libutf8proc-dev libpq-dev nettle-dev gettext
TESTDEBS  = libcmocka-dev bats tmux sqlite3 jq python3 util-linux tzdata groff-base man-db chromium poppler-utils postgresql

ifeq ($(V),1)
Q =
else
Q = @
endif

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CPPFLAGS  += -Iinclude -Ibuild -D_GNU_SOURCE -DR57_VERSION='"$(VERSION)"' -DR57_LOCALEDIR='"$(LOCALEDIR)"'
ALL_CFLAGS = -std=c11 $(WARN) $(SANFLAGS) $(PKG_CFLAGS) $(PKG_CFLAGS_PQ) $(CFLAGS)
LDLIBS    += $(PKG_LIBS) -lm

VERSION  := 0.1.0

# The layers are the folders of src/ (docs/architecture.md): base, store,
# core, then cli and tui side by side; main.c and the manual's tables on top.
LAYERS   = base store core cli tui
LIB_SRC  = $(filter-out src/main.c,$(wildcard src/*.c)) $(foreach l,$(LAYERS),$(wildcard src/$(l)/*.c))
MIGRATE_OBJ = $(patsubst src/store/%.sql,build/store/%.o,$(wildcard src/store/migrate_*.sql))
LIB_OBJ  = $(LIB_SRC:src/%.c=build/%.o) build/store/schema.o build/store/schema_v3.o build/store/pg_schema.o build/store/pg_migrate_5.o $(MIGRATE_OBJ)
MAIN_OBJ = build/main.o
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=build/tests/%)

# The message catalogue: po/vi.po, compiled to build/locale for runs from
# the build tree (src/base/i18n.c looks there first).
MO       = build/locale/vi/LC_MESSAGES/r57.mo
PO_SRC   = $(wildcard src/*.c src/*.h $(foreach l,$(LAYERS),src/$(l)/*.c src/$(l)/*.h) include/r57/*.h)

.PHONY: fault stress valgrind
.PHONY: pot po-update all run check unit cli tui deps test-deps install uninstall clean bench bench-pg docs docs-check
all: r57 $(MO)

# Checked once per build tree. A plain make only checks and says the
# apt-get line to run; make run, make check and make deps install what is
# missing (as root), through tools/need-packages. The test packages come
# after the build's, never beside them: two apt-get runs cannot share the
# lock, and make -j would start both.
run check unit cli tui valgrind deps test-deps: NEED = tools/need-packages
NEED ?= tools/need-packages --check
deps: build/.deps-ok
build/.deps-ok: tools/need-packages | build
	@$(NEED) $(DEBS)
	@touch $@

test-deps: build/.testdeps-ok
build/.testdeps-ok: tools/need-packages | build/.deps-ok
	@$(NEED) $(TESTDEBS)
	@touch $@

r57: $(LIB_OBJ) $(MAIN_OBJ)
	@echo "  LINK    $@"
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# i18n.o has the catalogue's folder compiled in: rebuilt when LOCALEDIR
# (or PREFIX) changes, through a stamp that holds the value.
build/.localedir: FORCE | build
	@echo '$(LOCALEDIR)' | cmp -s - $@ || echo '$(LOCALEDIR)' > $@
build/base/i18n.o: build/.localedir
.PHONY: FORCE
FORCE:

build/%.o: src/%.c | build/.deps-ok
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# The schema stays readable as SQL; make turns each file of it into a C
# string, src/store/NAME.sql into r57_NAME_sql: schema.sql (the schema of
# a new file), schema_v3.sql (the last schema with the old journal, kept to
# know a file of that time), the migrations, migrate_N.sql, and pg_schema.sql
# (the schema r57 init makes on a PostgreSQL server).
build/store/%.c: src/store/%.sql | build/.deps-ok
	@mkdir -p $(dir $@)
	@echo "  GEN     $@"
	$(Q){ echo '/* generated from $< by make; do not edit */'; \
	   echo '#include "r57/schema.h"'; \
	   echo 'const char r57_$*_sql[] ='; \
	   sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $<; \
	   echo ';'; } > $@

.PRECIOUS: build/store/schema.c build/store/schema_v3.c build/store/pg_schema.c build/store/pg_migrate_5.c build/store/migrate_%.c
build/store/schema.o build/store/schema_v3.o build/store/pg_schema.o build/store/pg_migrate_5.o $(MIGRATE_OBJ): build/store/%.o: build/store/%.c
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

build:
	$(Q)mkdir -p build build/tests

build/tests/test_%: tests/unit/test_%.c tests/unit/fixture.h tests/unit/journal_v3.h $(LIB_OBJ) | build/.testdeps-ok
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(shell pkg-config --cflags $(TESTPKGS)) \
	    -o $@ $< $(LIB_OBJ) $(LDLIBS) $(shell pkg-config --libs $(TESTPKGS))

# The fault tests (tests/fault): r57 over a test VFS that cuts the power or
# fails the Nth I/O (src/main.c compiled as r57_real_main, so src/ is the
# same), and a preload that fails the output files' writes.
FAULT_BIN = build/tests/r57-crashvfs build/tests/failshim.so
build/tests/main-real.o: src/main.c | build/.deps-ok
	@echo "  CC      $@"
	$(Q)$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -Dmain=r57_real_main -Wno-missing-prototypes -c -o $@ $<
build/tests/r57-crashvfs: tests/fault/crashvfs.c tests/fault/faultenv.h build/tests/main-real.o $(LIB_OBJ) | build/.deps-ok
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ $< build/tests/main-real.o $(LIB_OBJ) $(LDLIBS)
# No sanitizers in the preload: it goes into a process whose runtime is set.
build/tests/failshim.so: tests/fault/failshim.c tests/fault/faultenv.h | build/.deps-ok
	@echo "  CC      $<"
	$(Q)$(CC) -std=c11 $(WARN) $(CFLAGS) -fPIC -shared -o $@ $< -ldl

$(MO): po/vi.po $(wildcard po/parts/*.po) | build/.deps-ok
	@mkdir -p $(dir $@)
	@echo "  MSGFMT  $@"
	$(Q)msgcat --force-po --use-first -o build/vi-all.po $^ && msgfmt --check -o $@ build/vi-all.po

# build/r57.pot: every message in the code (make pot); po/vi.po follows it.
pot: build/r57.pot
build/r57.pot: $(PO_SRC) | build
	@echo "  XGETTEXT $@"
	$(Q)xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ \
	    --keyword=ngettext:1,2 --add-comments=TRANSLATORS: --sort-by-file \
	    --package-name=r57 --package-version=$(VERSION) \
	    --msgid-bugs-address=r57 --force-po -o $@ $(sort $(PO_SRC))

# po/vi.po brought up to the code: new messages come in untranslated (and
# tools/po-check, run by make check, names them), removed ones go.
po-update: build/r57.pot
	$(Q)msgmerge --quiet --no-fuzzy-matching --no-wrap --add-location=file --update --backup=none po/vi.po $<
	$(Q)msgattrib --no-obsolete --no-wrap --add-location=file -o po/vi.po po/vi.po

run: all
	./r57

# Every layer; tests/run prints the one closing line.
check: test-deps r57 $(MO) $(UNIT_BIN) $(FAULT_BIN)
	@tests/run

unit: test-deps $(MO) $(UNIT_BIN)
	@tests/run unit
cli: test-deps r57 $(MO)
	@tests/run cli
tui: test-deps r57 $(MO)
	@tests/run tui
# The fault tests' short form is in check; stress is the long one.
fault: test-deps r57 $(MO) $(FAULT_BIN)
	@tests/run fault
stress: test-deps r57 $(MO) $(FAULT_BIN)
	@R57_FAULT_KILLS=1000 R57_CONCUR_ACTIONS=250 R57_CONCUR_PG_ACTIONS=200 R57_DAMAGE_COPIES=1000 R57_FAULT_SEED=1057 R57_FAULT_TIMEOUT=7200 tests/run fault

# The unit tests under valgrind memcheck (tests/run valgrind); valgrind
# cannot run what AddressSanitizer built.
ifeq ($(SAN)$(filter valgrind,$(MAKECMDGOALS)),1valgrind)
$(error make valgrind: not with SAN=1, valgrind cannot run what ASan built)
endif
valgrind: test-deps build/.valgrind-ok $(MO) $(UNIT_BIN)
	@tests/run valgrind
build/.valgrind-ok: tools/need-packages | build/.testdeps-ok
	@$(NEED) valgrind
	@touch $@

docs: r57 $(MO)
	@tools/gendoc

docs-check: r57 $(MO)
	@tools/gendoc --check

bench:
	@$(MAKE) -s -f tests/bench/bench.mk N="$(N)" QUICK="$(QUICK)"

bench-pg:
	@$(MAKE) -s -f tests/bench/bench.mk bench-pg N="$(N)" QUICK="$(QUICK)"

# The binary looks for its catalogue in the LOCALEDIR it was compiled with:
# build with the same PREFIX (or LOCALEDIR) as you install with.
install: r57 $(MO)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/vi/man1 \
	    $(DESTDIR)$(LOCALEDIR)/vi/LC_MESSAGES
	install -m 755 r57 $(DESTDIR)$(BINDIR)/r57
	install -m 644 r57.1 $(DESTDIR)$(MANDIR)/man1/r57.1
	install -m 644 r57.vi.1 $(DESTDIR)$(MANDIR)/vi/man1/r57.1
	install -m 644 $(MO) $(DESTDIR)$(LOCALEDIR)/vi/LC_MESSAGES/r57.mo

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/r57 $(DESTDIR)$(MANDIR)/man1/r57.1 \
	    $(DESTDIR)$(MANDIR)/vi/man1/r57.1 $(DESTDIR)$(LOCALEDIR)/vi/LC_MESSAGES/r57.mo

clean:
	rm -rf build r57

# (-include: make bench builds a copy of src, include, tools and the Makefile alone)
-include tests/fuzz/fuzz.mk

-include $(wildcard build/*.d build/*/*.d)
