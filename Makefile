# support_kpi: PGXS build
EXTENSION = support_kpi
EXTVERSION = 1.3

MODULE_big = support_kpi
OBJS = \
	src/support_kpi.o \
	src/calendar.o \
	src/calendar_parse.o \
	src/business_time.o \
	src/score_state.o \
	src/sketch.o \
	src/sketch_accessors.o \
	src/sketch_buckets.o \
	src/counter_state.o \
	src/agent_time.o \
	src/agent_time_kpis.o \
	src/agent_time_agg.o \
	src/buckets.o \
	src/concurrency_state.o \
	src/concurrency_agg.o \
	src/concurrency.o \
	src/handling.o \
	src/queue.o \
	src/rates.o \
	src/resolution.o \
	src/durations.o \
	src/legacy.o \
	src/staffing.o \
	src/state.o \
	src/stats.o \
	src/textparse.o \
	src/timeline_state.o \
	src/timeline_summary.o \
	src/values_select.o \
	src/values_state.o \
	src/voice.o \
	src/window.o

# support_kpi--1.1--1.2.sql is kept as released but not installed: 1.2 is
# withdrawn as a target (its generate_demo_events binds to overloads planted
# before the install; see support_kpi--1.2--1.3.sql), so no CREATE or ALTER
# EXTENSION can reach it; 1.1 updates straight to 1.3
WITHDRAWN = support_kpi--1.1--1.2.sql
DATA = $(filter-out $(WITHDRAWN),$(wildcard support_kpi--*.sql))

TESTS = $(sort $(wildcard sql/*.sql))
# install runs first: it drops and re-creates the extension
REGRESS = install $(filter-out install,$(patsubst sql/%.sql,%,$(TESTS)))
REGRESS_OPTS = --inputdir=. --load-extension=$(EXTENSION)

# the module's version as PostgreSQL 18 reports it (pg_get_loaded_modules)
PG_CPPFLAGS += -DSKPI_VERSION='"$(EXTVERSION)"'
PG_CFLAGS += -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare -Wmissing-prototypes
PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

.PHONY: test bench bench-100m demo dashboard fuzz sanitize remove-withdrawn

# an earlier `make install` left the withdrawn script beside the new ones:
# remove it, or 1.2 would stay reachable
install: remove-withdrawn
remove-withdrawn:
	rm -f $(addprefix '$(DESTDIR)$(datadir)/extension'/,$(WITHDRAWN))
test:
	bash tools/test.sh

# longer random-SQL run (sqlsmith) in a throwaway cluster; knobs FUZZ_SEEDS,
# FUZZ_QUERIES, FUZZ_PARALLEL_QUERIES, FUZZ_SECONDS (docs/reliability.md)
fuzz:
	PG_CONFIG=$(PG_CONFIG) bash tools/fuzz/run.sh

# the test suites against a build with AddressSanitizer + UBSan, installed into
# a private copy of the PostgreSQL of PG_CONFIG (docs/reliability.md)
sanitize:
	PG_CONFIG=$(PG_CONFIG) bash tools/sanitize.sh

bench:
	bash bench/run.sh

# the scale run (manual, about 20 minutes and 15 GB of disk): 100 million rows of
# the headline KPIs with time, peak backend memory and temporary files
bench-100m:
	BENCH_ONLY=scale bash bench/run.sh

# install, build, start a throwaway cluster, load the demo data and print the
# reports of docs/cookbook.md (see tools/demo.sh for the knobs)
demo:
	bash tools/demo.sh

# the demo's BI views as a static dashboard (examples/dashboard), built from a
# throwaway demo database and checked page by page in headless Chromium;
# screenshots in examples/dashboard/screenshots (see tools/dashboard.sh)
dashboard:
	bash tools/dashboard.sh

# every object depends on the shared headers
$(OBJS): $(wildcard src/*.h)

# duration_sketch: bucket bounds and estimates from IEEE arithmetic, never fused
# (a contracted multiply-add would change results between platforms, or
# between JIT-inlined and compiled code)
SKETCH_OBJS = src/sketch.o src/sketch_accessors.o src/sketch_buckets.o
$(SKETCH_OBJS): override CFLAGS += -ffp-contract=off
$(SKETCH_OBJS:.o=.bc): BITCODE_CFLAGS += -ffp-contract=off

# the whole suite against PostgreSQL 17 and 18 built from Debian's source
# packages in a private, cached prefix (tools/check-majors.sh; manual: the
# first run builds PostgreSQL twice)
.PHONY: check-majors
check-majors:
	bash tools/check-majors.sh

# the Debian package: build it (dpkg-buildpackage), install it into the
# system PostgreSQL, use it as a non-superuser, installcheck, purge, nothing
# left behind (tools/check-deb.sh; manual: about two minutes)
.PHONY: check-deb
check-deb:
	PG_CONFIG=$(PG_CONFIG) bash tools/check-deb.sh
