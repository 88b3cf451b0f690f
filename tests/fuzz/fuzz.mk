# tests/fuzz/fuzz.mk: the libFuzzer harnesses (tests/fuzz/fuzz_*.c), read
# by the Makefile. The library's objects are built again with clang, the
# sanitizers and libFuzzer's coverage (-fsanitize=fuzzer-no-link) into
# build/fuzz/, so the normal build is left as it is; each harness links
# them with libFuzzer's main. tests/fuzz/run does the running, and says so
# and succeeds when clang has no libFuzzer.
#   make fuzz [SECONDS=N] [FUZZ=csv,json]  fuzz each harness N seconds (60)
#   make fuzz-replay                       every corpus and regression input
#                                          once through every harness

FUZZ_CC     ?= clang
FUZZ_OPT    ?= -O1 -g
FUZZ_SAN     = -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_CFLAGS  = -std=c11 $(WARN) $(PKG_CFLAGS) $(PKG_CFLAGS_PQ) $(FUZZ_OPT) $(FUZZ_SAN)
FUZZ_NAMES   = csv json date filter text import
FUZZ_BIN     = $(FUZZ_NAMES:%=build/fuzz/fuzz_%)
FUZZ_OBJ     = $(LIB_OBJ:build/%=build/fuzz/obj/%)
# The schema and migrations are C that make generates (build/store/*.c).
FUZZ_GEN_OBJ = $(filter build/fuzz/obj/store/schema.o build/fuzz/obj/store/schema_v3.o build/fuzz/obj/store/pg_schema.o build/fuzz/obj/store/pg_migrate_5.o $(MIGRATE_OBJ:build/%=build/fuzz/obj/%),$(FUZZ_OBJ))
SECONDS     ?= 60
FUZZ        ?= $(FUZZ_NAMES)

.PHONY: fuzz fuzz-replay fuzz-build
fuzz-build: $(FUZZ_BIN)

fuzz:
	@tests/fuzz/run --cc '$(FUZZ_CC)' --make '$(MAKE)' fuzz $(SECONDS) $(subst $(comma), ,$(FUZZ))
fuzz-replay:
	@tests/fuzz/run --cc '$(FUZZ_CC)' --make '$(MAKE)' replay

comma := ,

# Made by pattern rules only; kept, so that a second build links at once.
.SECONDARY: $(FUZZ_OBJ)

build/fuzz/obj/%.o: src/%.c | build/.deps-ok
	@mkdir -p $(dir $@)
	@echo "  FUZZCC  $<"
	$(Q)$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

$(FUZZ_GEN_OBJ): build/fuzz/obj/%.o: build/%.c
	@mkdir -p $(dir $@)
	@echo "  FUZZCC  $<"
	$(Q)$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_OBJ)
	@echo "  FUZZLD  $@"
	$(Q)$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJ) $(LDLIBS)

-include $(wildcard build/fuzz/obj/*/*.d)
