# bench.mk: make bench. The top Makefile runs
#   $(MAKE) -f tests/bench/bench.mk N=... QUICK=...
# from the top of the tree. See docs/bench.md.
#
#   make bench              N = 1,000, 10,000 and 100,000, full runs
#   make bench N=10000      one size
#   make bench QUICK=1      about a minute: N = 1,000 and 10,000, few runs
#   make -f tests/bench/bench.mk data     only build the databases
#   make bench-pg           the same commands on a PostgreSQL server, at
#                           N = 100,000 (N=, QUICK=1: 10,000); make bench
#                           runs it last, or says in one line why not
#
# Generated databases are kept under bench/data/N/ (not committed) and
# reused until the generator or the schema changes; results go to
# bench/results/ (not committed).

.DEFAULT_GOAL := bench
.PHONY: bench bench-pg data data-pg r57-opt tools
.DELETE_ON_ERROR:

DATA    := bench/data
RESULTS := bench/results
BIN     := $(DATA)/bin
SEED    ?= 57
SQLITE  ?= sqlite3
CC      ?= cc
BENCH_CFLAGS = -std=c11 -O2 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes

ifneq ($(strip $(N)),)
SIZES := $(N)
else ifeq ($(QUICK),1)
SIZES := 1000 10000
else
SIZES := 1000 10000 100000
endif
QFLAG := $(if $(filter 1,$(QUICK)),-q)
# The server's bench: one size, the issue's 100,000 (loading a server
# with more sizes would not fit in ten minutes).
ifneq ($(strip $(N)),)
PG_N := $(lastword $(N))
else ifeq ($(QUICK),1)
PG_N := 10000
else
PG_N := 100000
endif

DBS  := $(foreach n,$(SIZES),$(DATA)/$(n)/base.db) $(DATA)/empty.db
CSVS := $(foreach n,$(SIZES),$(DATA)/$(n)/tasks.csv)

# The optimised r57: a private copy of the tree built with -O2, so that
# the developer's ./r57 and build/ (perhaps a sanitizer build) stay as
# they are. src/ (with its layer folders), include/, tools/ and the Makefile are
# copied afresh from the working tree every time and rebuilt incrementally.
# If the working tree does not build (someone's edit half done), HEAD is
# built instead (git archive, from a clean build/), and the table says so;
# if neither builds, the floor alone is timed. $(OPT)/.source says what was
# built: "tree" or "HEAD <commit>".
OPT     := $(DATA)/r57-opt
OPTBIN  := $(OPT)/r57

bench: tools data r57-opt
	@R57="$$(cat $(OPT)/.built 2>/dev/null)" R57_SRC="$$(cat $(OPT)/.source 2>/dev/null)" \
	  BIN=$(BIN) DATA=$(DATA) \
	  RESULTS=$(RESULTS) SQLITE=$(SQLITE) \
	  sh tests/bench/bench.sh $(QFLAG) $(SIZES)
	@$(MAKE) -s -f tests/bench/bench.mk bench-pg-run N="$(N)" QUICK="$(QUICK)"

# On a server (tests/bench/bench-pg.sh): skipped, in one line, when
# PostgreSQL's server is not installed or r57 did not build.
bench-pg: tools data-pg r57-opt bench-pg-run

.PHONY: bench-pg-run
bench-pg-run: data-pg
	@if [ -z "$$(cat $(OPT)/.built 2>/dev/null)" ]; then \
	   echo "bench-pg: skipped: r57 did not build (see $(OPT)/build.log)"; \
	 else \
	   R57="$$(cat $(OPT)/.built)" BIN=$(BIN) DATA=$(DATA) RESULTS=$(RESULTS) \
	     bash tests/bench/bench-pg.sh $(QFLAG) $(PG_N); \
	 fi

data-pg: $(DATA)/$(PG_N)/base.db $(DATA)/$(PG_N)/tasks.csv $(DATA)/empty.db

tools: $(BIN)/gen $(BIN)/reset $(BIN)/pty
	@tools/need-packages hyperfine jq time sqlite3

data: $(DBS) $(CSVS)

$(BIN)/%: tests/bench/%.c
	@mkdir -p $(@D)
	@echo "  CC      $@"
	@$(CC) $(BENCH_CFLAGS) -o $@ $<

# The screen's harness: openpty and login_tty are in libutil.
$(BIN)/pty: tests/bench/pty.c
	@mkdir -p $(@D)
	@echo "  CC      $@"
	@$(CC) $(BENCH_CFLAGS) -o $@ $< -lutil

# The version and the application id the schema carries, as r57 sets them.
SCHEMA_VERSION := $(shell sed -n 's/^\#define R57_SCHEMA_VERSION \([0-9]*\).*/\1/p' include/r57/store.h)
SCHEMA_PRAGMAS := PRAGMA user_version = $(SCHEMA_VERSION); PRAGMA application_id = 1379219201;

# The schema as r57 makes it, then the generated data in one transaction,
# then the generator's own checks (tests/bench/gen-check.sql: all zeros).
$(DATA)/%/base.db: $(BIN)/gen src/store/schema.sql include/r57/store.h tests/bench/gen-check.sql
	@mkdir -p $(@D)
	@echo "  GEN     $@ (N=$*, seed $(SEED))"
	@rm -f $@.tmp $@.tmp-journal
	@$(SQLITE) -bail $@.tmp < src/store/schema.sql
	@$(SQLITE) -bail $@.tmp '$(SCHEMA_PRAGMAS)'
	@$(BIN)/gen --seed $(SEED) $* | nice $(SQLITE) -bail $@.tmp
	@$(SQLITE) -bail $@.tmp < tests/bench/gen-check.sql | \
	  awk -F'\t' '$$2 != 0 { bad = 1; print "bench: generated data: " $$0 > "/dev/stderr" } END { exit bad }'
	@sync $@.tmp 2>/dev/null || sync
	@mv $@.tmp $@

# What import is timed on: the units, leaders, sources and groups of the
# generated data (N = 0) and no task.
$(DATA)/empty.db: $(BIN)/gen src/store/schema.sql include/r57/store.h
	@mkdir -p $(@D)
	@echo "  GEN     $@ (no tasks, seed $(SEED))"
	@rm -f $@.tmp $@.tmp-journal
	@$(SQLITE) -bail $@.tmp < src/store/schema.sql
	@$(SQLITE) -bail $@.tmp '$(SCHEMA_PRAGMAS)'
	@$(BIN)/gen --seed $(SEED) 0 | $(SQLITE) -bail $@.tmp
	@mv $@.tmp $@

$(DATA)/%/tasks.csv: $(BIN)/gen
	@mkdir -p $(@D)
	@$(BIN)/gen --seed $(SEED) --csv $* > $@

OPT_MAKE = $(MAKE) -s -C $(OPT) r57 CFLAGS='-O2 -g' SAN= WERROR=

r57-opt:
	@mkdir -p $(OPT)
	@rm -f $(OPT)/.built
	@rm -rf $(OPT)/src $(OPT)/include $(OPT)/tools $(OPT)/Makefile
	@case "$$(cat $(OPT)/.source 2>/dev/null)" in tree|'') ;; *) rm -rf $(OPT)/build $(OPT)/.source ;; esac
	@cp -a src include tools Makefile $(OPT)/
	@echo "  MAKE    $(OPTBIN) (CFLAGS='-O2 -g')"
	@if $(OPT_MAKE) > $(OPT)/build.log 2>&1; then \
	   echo tree > $(OPT)/.source; \
	   echo "$(CURDIR)/$(OPTBIN)" > $(OPT)/.built; \
	 else \
	   echo "bench: the working tree's r57 does not build (see $(OPT)/build.log); building HEAD"; \
	   tail -n 3 $(OPT)/build.log | sed 's/^/    /'; \
	   rm -rf $(OPT)/src $(OPT)/include $(OPT)/tools $(OPT)/Makefile $(OPT)/build $(OPT)/.source; \
	   head=$$(git rev-parse --short HEAD 2>/dev/null); \
	   if [ -n "$$head" ] && git archive HEAD src include tools Makefile | tar -x -C $(OPT) && \
	      $(OPT_MAKE) > $(OPT)/build-head.log 2>&1; then \
	     echo "HEAD $$head" > $(OPT)/.source; \
	     echo "$(CURDIR)/$(OPTBIN)" > $(OPT)/.built; \
	   else \
	     echo "bench: HEAD does not build either (see $(OPT)/build-head.log); timing the floor alone"; \
	     tail -n 5 $(OPT)/build-head.log 2>/dev/null | sed 's/^/    /'; \
	   fi; \
	 fi
