# revsim: one non-recursive Makefile. `make run` and `make test` install the
# Debian packages they need first (see `deps`), then build.
#
# The code is in layers, one folder each, one archive each; a layer uses only
# the layers below it (docs/architecture.md):
#     cli -> report -> {io, plots} -> models -> base
# `make layers` checks includes and symbols against that order, and each
# tests/LAYER/ suite links only its layer's archive and those below.

CC      ?= gcc
BUILD   ?= build
PKGS    := libgsl-dev libcsv-dev libcmocka-dev gnuplot-nox fonts-wqy-microhei pkg-config \
           libxlsxwriter-dev libglpk-dev libopenmpi-dev openmpi-bin
# test-only tools: `make test-deps` (and .ci/run) install them, `make deps` does not
TEST_PKGS := clang libclang-rt-14-dev python3-openpyxl chromium poppler-utils
WERROR  ?= -Werror
CFLAGS  ?= -O2 -g
# `override`: a CFLAGS given on the command line (make test-asan, make fuzz)
# sets the optimisation only; the language, warnings and sanitizers stay
override CFLAGS += -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wformat=2 $(WERROR) -MMD -MP
SAN     ?=
override CFLAGS += $(SAN)
LDFLAGS += $(SAN)
PKGCFG  := $(shell pkg-config --cflags gsl cmocka 2>/dev/null)
override CFLAGS += $(PKGCFG)
LIBS    := $(shell pkg-config --libs gsl 2>/dev/null || echo -lgsl -lgslcblas) -lcsv \
           $(shell pkg-config --libs xlsxwriter 2>/dev/null || echo -lxlsxwriter) -lglpk -lm -lpthread
TESTLIBS:= $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

# ---- layers ------------------------------------------------------------------
# LAYERS lists the archived layers bottom-up; BELOW_x the layers x may use
# (itself first, in link order).
LAYERS       := base models io plots report
BELOW_base   := base
BELOW_models := models base
BELOW_io     := io models base
BELOW_plots  := plots models base
BELOW_report := report io plots models base
BELOW_cli    := report io plots models base

$(foreach l,$(LAYERS),$(eval SRC_$(l) := $(wildcard $(l)/*.c)))
$(foreach l,$(LAYERS),$(eval OBJ_$(l) := $(SRC_$(l):%.c=$(BUILD)/%.o)))
LIB = $(BUILD)/lib/librs_$(1).a
ARCHIVES := $(foreach l,$(LAYERS),$(call LIB,$(l)))
# archives a layer links against, in link order
LIBS_FOR = $(foreach l,$(BELOW_$(1)),$(call LIB,$(l)))

CLI_SRC  := $(filter-out cli/main.c cli/mpi_main.c,$(wildcard cli/*.c))
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
MAIN_OBJ := $(BUILD)/cli/main.o
BIN      := $(BUILD)/revsim

# test support, per layer: what tests/LAYER/ may link besides the archives
SUP_base   := testutil
SUP_models := testutil fix_models
SUP_io     := testutil fix_models fix_io
SUP_plots  := testutil fix_models fix_plots
SUP_report := testutil fix_models fix_io fix_plots
SUP_cli    := testutil fix_models fix_io fix_plots
SUP_OBJ = $(foreach s,$(SUP_$(1)),$(BUILD)/tests/support/$(s).o)
TEST_LAYERS := base models io plots report cli
TEST_BIN := $(foreach l,$(TEST_LAYERS),$(patsubst %.c,$(BUILD)/%,$(wildcard tests/$(l)/test_*.c)))

.SECONDARY:
.PHONY: all deps test-deps run test test-asan docs bench bench-quick bench-full clean golden layers demo \
        test-report readme mpi fuzz fuzz-build
all: $(BIN)

# Install missing Debian packages (as root with apt-get; otherwise say how).
deps: DEPS_LIST = $(PKGS)
test-deps: DEPS_LIST = $(TEST_PKGS)
deps test-deps:
	@missing=""; for p in $(DEPS_LIST); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing) >/dev/null || exit 1; \
	  else \
	    echo "missing packages:$$missing"; \
	    echo "run: sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

# The engine's per-year loops (Y = the horizon, not known when compiling)
# vectorised: GCC's -O2 cost model keeps only loops of a known count. The
# loops are element by element, so the results are the same bits; a
# compiler without the flag (clang, for the fuzzers) builds without it.
VECFLAGS := $(shell $(CC) -fvect-cost-model=dynamic -Werror -E -x c /dev/null >/dev/null 2>&1 \
              && echo -fvect-cost-model=dynamic)
$(OBJ_models): override CFLAGS += $(VECFLAGS)

$(BUILD)/tests/%.o: tests/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Itests/support -c $< -o $@

$(foreach l,$(LAYERS),$(eval $(call LIB,$(l)): $(OBJ_$(l)) ; @mkdir -p $$(dir $$@) && rm -f $$@ && $(AR) rcs $$@ $$^))

$(BIN): $(MAIN_OBJ) $(CLI_OBJ) $(ARCHIVES)
	$(CC) $(LDFLAGS) -o $@ $(MAIN_OBJ) $(CLI_OBJ) $(call LIBS_FOR,cli) $(LIBS)

# tests/LAYER/test_X: its layer's archives only (cli tests: the cli objects too)
define TEST_RULE
$(BUILD)/tests/$(1)/%: $(BUILD)/tests/$(1)/%.o $(call SUP_OBJ,$(1)) $(call LIBS_FOR,$(1)) $(if $(filter cli,$(1)),$(CLI_OBJ))
	$(CC) $(LDFLAGS) -o $$@ $$< $(call SUP_OBJ,$(1)) $(if $(filter cli,$(1)),$(CLI_OBJ)) $(call LIBS_FOR,$(1)) $(LIBS) $(TESTLIBS)
endef
$(foreach l,$(TEST_LAYERS),$(eval $(call TEST_RULE,$(l))))

# tests/failmalloc.sh preloads this: the N-th allocation fails (not built
# with the sanitizers, which bring their own allocator)
FAILMALLOC := $(BUILD)/tests/failmalloc.so
$(FAILMALLOC): tests/failmalloc.c
	@mkdir -p $(dir $@)
	$(CC) $(filter-out $(SAN) -MMD -MP,$(CFLAGS)) -fPIC -shared -o $@ $<

run: deps
	$(MAKE) --no-print-directory $(BIN)
	@$(MPI_MAYBE)
	$(BIN) run scenarios/yongfengli.csv

# ---- revsim-mpi (docs/scale.md) ---------------------------------------------
# The same command line with Monte Carlo runs spread over MPI ranks: cli/main.c
# compiled again with its main renamed, and cli/mpi_main.c as the program's
# main, linked by mpicc. Only this binary has MPI in it. `make run` and `make
# test` build it when mpicc is there and go on without it otherwise.
MPICC   ?= mpicc
MPI_BIN := $(BUILD)/revsim-mpi
MPI_MAYBE = if command -v $(MPICC) >/dev/null 2>&1; then \
	  $(MAKE) --no-print-directory mpi || echo "note: $(MPI_BIN) not built (MPI build failed)"; \
	else echo "note: $(MPI_BIN) not built ($(MPICC) not found; make deps installs libopenmpi-dev)"; fi
mpi: $(MPI_BIN)
$(BUILD)/mpi/cli/main.o: cli/main.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Dmain=rs_cli_main -c $< -o $@
$(BUILD)/mpi/cli/mpi_main.o: cli/mpi_main.c
	@mkdir -p $(dir $@)
	$(MPICC) $(CFLAGS) -c $< -o $@
$(MPI_BIN): $(BUILD)/mpi/cli/mpi_main.o $(BUILD)/mpi/cli/main.o $(CLI_OBJ) $(ARCHIVES)
	$(MPICC) $(LDFLAGS) -o $@ $(BUILD)/mpi/cli/mpi_main.o $(BUILD)/mpi/cli/main.o $(CLI_OBJ) \
	  $(call LIBS_FOR,cli) $(LIBS)

# Unit tests, the layer check, then the CLI tests (bad inputs, golden files,
# cross-check).
test: deps
	$(MAKE) --no-print-directory $(BIN) $(TEST_BIN) $(ARCHIVES) $(FAILMALLOC)
	@$(MPI_MAYBE)
	@BUILD=$(BUILD) sh tests/run_all.sh $(TEST_BIN)

# The same suite built with AddressSanitizer and UndefinedBehaviorSanitizer.
test-asan: deps
	$(MAKE) --no-print-directory BUILD=build/asan CFLAGS="-O1 -g" \
	  SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" test

# Includes and symbols only downward (tests/layers.sh; also run by make test).
layers: $(ARCHIVES)
	@BUILD=$(BUILD) sh tests/layers.sh

# docs/parameters.md is generated from the parameter tables.
docs: $(BIN)
	$(BIN) params --markdown > docs/parameters.md

# Rewrite the sample outputs in README.md and docs/*.md (marked `<!-- sample`;
# tests/readme.sh checks them; review the diff!).
readme: $(BIN)
	python3 tests/readme.py --update $(BIN)

# Rewrite the golden outputs of the example scenarios (review the diff!).
golden: $(BIN) $(BUILD)/tests/plots/test_plots
	sh tests/golden/update.sh $(BIN)
	RS_UPDATE_GOLDEN=1 $(BUILD)/tests/plots/test_plots >/dev/null

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# Speed and memory on generated portfolios, through the command and the
# engine (docs/performance.md). The link wraps rs_irr to time its share.
# `make bench-quick`: the headline figures only; `make bench-full`: also
# 10,000,000 runs of the benchmark portfolio.
BENCH_BIN := $(BUILD)/bench/bench
$(BENCH_BIN): $(BUILD)/bench/bench.o $(call LIBS_FOR,io)
	$(CC) $(LDFLAGS) -Wl,--wrap=rs_irr_ws_run -o $@ $< $(call LIBS_FOR,io) $(LIBS)
bench bench-quick bench-full: deps
	$(MAKE) --no-print-directory $(BIN) $(BENCH_BIN)
	$(BENCH_BIN) $(BIN) $(patsubst bench,,$(patsubst bench-%,%,$@))

# ---- fuzzing (docs/testing.md) ---------------------------------------------
# libFuzzer harnesses (tests/fuzz/) of the scenario reader with the base case,
# of included tables, of the `fit` history reader and of the bytes
# revsim-mpi's ranks exchange (packed scenarios, Monte Carlo parts, optimize
# jobs), built with clang and
# ASan/UBSan into build/fuzz/; each runs FUZZ_SECONDS (default 60) on one core.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := scenario table history bytes
FUZZ_BIN := $(foreach t,$(FUZZ_TARGETS),$(BUILD)/tests/fuzz/fuzz_$(t))
$(BUILD)/tests/fuzz/fuzz_%: $(BUILD)/tests/fuzz/fuzz_%.o $(BUILD)/tests/fuzz/fuzzutil.o \
                            $(call LIBS_FOR,io)
	$(CC) $(LDFLAGS) -fsanitize=fuzzer -o $@ $^ $(LIBS)
fuzz-build: $(FUZZ_BIN)
fuzz: deps
	@command -v clang >/dev/null || { echo "make fuzz needs clang and libclang-rt-14-dev (make test-deps)"; exit 1; }
	$(MAKE) --no-print-directory BUILD=build/fuzz CC=clang CFLAGS="-O1 -g" \
	  SAN="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  fuzz-build
	FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh build/fuzz $(FUZZ_TARGETS)

# ---- revsim compare: proposal pack (docs/report.md) ------------------------
# tests/report/render.sh (run by make test) renders report.html in headless
# Chromium (skipped with a message when chromium is not installed; it is not
# in `deps`). `make test-report` runs that alone.
test-report: $(BIN)
	sh tests/report/render.sh $(BIN)

# The example variants compared, with charts and report.html, in English
# and Chinese, into out/demo-*/ (the choice is in docs/report.md).
DEMO_CHIDIAN := --baseline scenarios/chidian-status-quo.csv scenarios/chidian-parking-only.csv \
	scenarios/chidian-parking-chargers.csv scenarios/chidian.csv
# the Chidian pack as a proposal: notes, author, organisation, purpose (the
# same in tests/report/render.sh, which checks its pages)
DEMO_CHIDIAN_EN := --notes scenarios/chidian-notes.md \
	--organisation "Chidian town (池店镇), property office (example)" --author "revsim example" \
	--purpose "Choose which of three revitalisation variants to fund in 2025 so that commercial income covers the communities' management deficit."
DEMO_CHIDIAN_ZH := --notes scenarios/chidian-notes.zh.md --organisation "池店镇物业管理办公室（示例）" \
	--author "revsim 示例" --purpose "选择2025年资助哪一个盘活方案，使商业收益覆盖各小区的物业亏损。"
DEMO_YONGFENGLI := --baseline scenarios/yongfengli-status-quo.csv \
	scenarios/yongfengli-shops-only.csv scenarios/yongfengli.csv
DEMO_QINGYANG := --baseline scenarios/qingyang-status-quo.csv scenarios/qingyang-shops-only.csv \
	scenarios/qingyang-parking-chargers.csv scenarios/qingyang-old-estates.csv
demo: deps
	$(MAKE) --no-print-directory $(BIN)
	$(BIN) compare $(DEMO_CHIDIAN) $(DEMO_CHIDIAN_EN) -o out/demo-chidian
	$(BIN) compare -q $(DEMO_CHIDIAN) $(DEMO_CHIDIAN_ZH) --lang zh -o out/demo-chidian-zh
	$(BIN) compare $(DEMO_YONGFENGLI) -o out/demo-yongfengli
	$(BIN) compare -q $(DEMO_YONGFENGLI) --lang zh -o out/demo-yongfengli-zh
	$(BIN) compare $(DEMO_QINGYANG) -o out/demo-qingyang
	$(BIN) compare -q $(DEMO_QINGYANG) --lang zh -o out/demo-qingyang-zh
	@echo "open out/demo-*/report.html in a browser (print it to A4 from there)"
