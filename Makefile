# revsim: one non-recursive Makefile. `make run` and `make test` install the
# Debian packages they need first (see `deps`), then build.

CC      ?= gcc
BUILD   ?= build
PKGS    := libgsl-dev libcsv-dev libcmocka-dev gnuplot-nox fonts-wqy-microhei pkg-config
WERROR  ?= -Werror
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wformat=2 $(WERROR) -MMD -MP
SAN     ?=
CFLAGS  += $(SAN)
LDFLAGS += $(SAN)
PKGCFG  := $(shell pkg-config --cflags gsl cmocka 2>/dev/null)
CFLAGS  += $(PKGCFG)
LIBS    := $(shell pkg-config --libs gsl 2>/dev/null || echo -lgsl -lgslcblas) -lcsv -lm -lpthread
TESTLIBS:= $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

MODEL_SRC := $(wildcard models/*.c)
SIM_SRC   := $(filter-out sim/main.c,$(wildcard sim/*.c))
PLOT_SRC  := $(wildcard plots/*.c)
LIB_SRC   := $(MODEL_SRC) $(SIM_SRC) $(PLOT_SRC)
LIB_OBJ   := $(LIB_SRC:%.c=$(BUILD)/%.o)
MAIN_OBJ  := $(BUILD)/sim/main.o
BIN       := $(BUILD)/revsim

TEST_SRC  := $(wildcard tests/models/test_*.c tests/sim/test_*.c tests/plots/test_*.c)
TEST_BIN  := $(TEST_SRC:%.c=$(BUILD)/%)
TEST_SUPPORT := $(BUILD)/tests/testutil.o $(BUILD)/tests/fixtures.o

.SECONDARY:
.PHONY: all deps run test test-asan check-tools docs bench clean crosscheck golden
all: $(BIN)

# Install missing Debian packages (as root with apt-get; otherwise say how).
deps:
	@missing=""; for p in $(PKGS); do \
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

$(BIN): $(MAIN_OBJ) $(LIB_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/tests/%: tests/%.c $(LIB_OBJ) $(TEST_SUPPORT)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Itests -o $@ $< $(LIB_OBJ) $(TEST_SUPPORT) $(LDFLAGS) $(LIBS) $(TESTLIBS)

run: deps
	$(MAKE) --no-print-directory $(BIN)
	$(BIN) run scenarios/yongfengli.csv

# Unit tests, then the CLI tests (bad inputs, golden files, cross-check).
test: deps
	$(MAKE) --no-print-directory $(BIN) $(TEST_BIN)
	@BUILD=$(BUILD) sh tests/run_all.sh $(TEST_BIN)

# The same suite built with AddressSanitizer and UndefinedBehaviorSanitizer.
test-asan: deps
	$(MAKE) --no-print-directory BUILD=build/asan CFLAGS="-O1 -g" \
	  SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" test

# docs/parameters.md is generated from the parameter tables.
docs: $(BIN)
	$(BIN) params --markdown > docs/parameters.md

# Rewrite the golden outputs of the example scenarios (review the diff!).
golden: $(BIN) $(BUILD)/tests/plots/test_plots
	sh tests/golden/update.sh $(BIN)
	RS_UPDATE_GOLDEN=1 $(BUILD)/tests/plots/test_plots >/dev/null

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# Monte Carlo throughput (10,000 runs) and memory (1,000,000 runs).
BENCH_BIN := $(BUILD)/bench/bench
$(BENCH_BIN): bench/bench.c $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $< $(LIB_OBJ) $(LDFLAGS) $(LIBS) -lpthread
bench: deps
	$(MAKE) --no-print-directory $(BENCH_BIN)
	$(BENCH_BIN) 10000
	$(BENCH_BIN) 1000000

# ---- revsim compare: proposal pack (docs/report.md) ------------------------
# The report's cmocka suite lives in tests/report/; `make test` runs it with
# the others, and run_all.sh runs tests/report/render.sh, which renders
# report.html in headless Chromium (skipped with a message when chromium is
# not installed; it is not in `deps`). `make test-report` runs that alone.
REPORT_TEST_SRC := $(wildcard tests/report/test_*.c)
TEST_BIN += $(REPORT_TEST_SRC:%.c=$(BUILD)/%)
.PHONY: demo test-report
test-report: $(BIN)
	sh tests/report/render.sh $(BIN)

# The example variants compared, with charts and report.html, in English
# and Chinese, into out/demo-*/ (the choice is in docs/report.md).
DEMO_CHIDIAN := --baseline scenarios/chidian-status-quo.csv scenarios/chidian-parking-only.csv \
	scenarios/chidian-parking-chargers.csv scenarios/chidian.csv
DEMO_YONGFENGLI := --baseline scenarios/yongfengli-status-quo.csv \
	scenarios/yongfengli-shops-only.csv scenarios/yongfengli.csv
DEMO_QINGYANG := --baseline scenarios/qingyang-status-quo.csv scenarios/qingyang-shops-only.csv \
	scenarios/qingyang-parking-chargers.csv scenarios/qingyang-old-estates.csv
demo: deps
	$(MAKE) --no-print-directory $(BIN)
	$(BIN) compare $(DEMO_CHIDIAN) -o out/demo-chidian
	$(BIN) compare -q $(DEMO_CHIDIAN) --lang zh -o out/demo-chidian-zh
	$(BIN) compare $(DEMO_YONGFENGLI) -o out/demo-yongfengli
	$(BIN) compare -q $(DEMO_YONGFENGLI) --lang zh -o out/demo-yongfengli-zh
	$(BIN) compare $(DEMO_QINGYANG) -o out/demo-qingyang
	$(BIN) compare -q $(DEMO_QINGYANG) --lang zh -o out/demo-qingyang-zh
	@echo "open out/demo-*/report.html in a browser (print it to A4 from there)"
