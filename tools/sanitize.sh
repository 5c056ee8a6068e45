#!/usr/bin/env bash
# tools/sanitize.sh -- `make sanitize`: the test suites against the extension
# built with AddressSanitizer + UndefinedBehaviorSanitizer.
#
#   1. copies the PostgreSQL installation of PG_CONFIG (its bin/lib tree, its
#      share tree with pgTAP if installed there, its headers) into a private directory,
#      SKPI_SAN_ROOT/pg: PostgreSQL finds its files relative to its binaries, so
#      the copy is a second, independent installation.  The installation of
#      PG_CONFIG itself is never written to: nothing to restore afterwards;
#   2. builds a copy of the source tree (SKPI_SAN_ROOT/build, so the normal
#      build in the checkout is not touched) with
#      -fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=all
#      -fno-omit-frame-pointer -fno-wrapv and installs it into the copy;
#   3. starts a throwaway cluster of the copy (tools/lib.sh skpi_cluster_start) with the
#      ASan runtime preloaded into the server (the server itself is not
#      instrumented; the extension is; see below for the patched library
#      copies this needs: patchelf) and the sanitizers writing their reports
#      to files; every report aborts the backend;
#   4. runs tools/suites.sh in it: pg_regress, pgTAP (test/*.sql, with the
#      datasets of SKPI_DATASETS), the documentation examples and every
#      tools/checks/*.sh (the sqlsmith check with smaller budgets);
#   5. FAILS on any sanitizer report (report files, or "AddressSanitizer" /
#      "runtime error:" (UBSan writes to the server log) / "terminated by
#      signal" / a crash restart in the server log) and on any failed test.
# Ends with "N passed, M failed, K skipped" (the sanitizer verdict counts as
# one test).
#
# Knobs: PG_CONFIG (default /usr/lib/postgresql/15/bin/pg_config),
#   SKPI_SAN_ROOT (default /var/tmp/skpi-sanitize), SKPI_DATASETS,
#   SKPI_SAN_SQLSMITH_QUERIES / SKPI_SAN_SQLSMITH_PARALLEL_QUERIES (2000 / 300),
#   SKPI_SAN_KEEP=1 keeps the cluster directory, SKPI_SAN_REUSE=1 reuses the
#   copy and the instrumented build of the previous run (tests only).
#
# Caveat: PostgreSQL allocates most memory with palloc from its own blocks
# (memory contexts); ASan sees those blocks, not each palloc chunk, so an
# overrun that stays inside a block is invisible to it.  Reading and writing
# past a chunk into a neighbour, past a block, use after a context is freed
# (the block is free()d), stack and global overruns, and all undefined
# behaviour UBSan checks (signed overflow, bad shifts, misaligned access,
# out-of-range conversions...) are caught.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=tools/lib.sh
. "$ROOT/tools/lib.sh"
export LC_ALL=C.UTF-8

PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
SAN_ROOT=${SKPI_SAN_ROOT:-/var/tmp/skpi-sanitize}
# -fno-wrapv: PostgreSQL compiles with -fwrapv, which makes signed overflow
# defined (it wraps) and hides it from UBSan; in our code a wrapped counter is
# a silent wrong result, so the sanitizer build lets UBSan report it
SAN_FLAGS="-fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=all -fno-omit-frame-pointer -g -fno-wrapv"
started=$(date +%s)

die() { echo "sanitize: $*"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }

command -v "$PG_CONFIG" >/dev/null 2>&1 || die "pg_config not found: $PG_CONFIG"
LIBASAN=$(gcc -print-file-name=libasan.so)
[ -e "$LIBASAN" ] || die "the AddressSanitizer runtime (libasan.so) is not installed (gcc)"
skpi_deps patchelf || die "patchelf is needed (apt-get install patchelf)"

# ---------------------------------------------------------------------------
# 1. the private copy of PostgreSQL
# ---------------------------------------------------------------------------
SRC_BIN=$("$PG_CONFIG" --bindir)
SRC_SHARE=$("$PG_CONFIG" --sharedir)
SRC_PKGLIB=$("$PG_CONFIG" --pkglibdir)
SRC_TREE=$(dirname "$SRC_BIN")              # e.g. /usr/lib/postgresql/15: bin/ and lib/
case $SRC_PKGLIB in "$SRC_TREE"/*) ;; *) die "unsupported layout: $SRC_PKGLIB is not under $SRC_TREE" ;; esac
# the longest common directory of the two trees: the copy keeps the layout below it
prefix=$SRC_TREE
while [ "${SRC_SHARE#"$prefix"/}" = "$SRC_SHARE" ]; do prefix=$(dirname "$prefix"); done
[ "$prefix" != / ] || die "no common prefix for $SRC_TREE and $SRC_SHARE"
COPY="$SAN_ROOT/pg"
SAN_PG_CONFIG="$COPY/${SRC_BIN#"$prefix"/}/pg_config"
BUILD="$SAN_ROOT/build"
REUSE=0
if [ "${SKPI_SAN_REUSE:-0}" = 1 ] && [ -x "$SAN_PG_CONFIG" ] && [ -f "$BUILD/support_kpi.so" ]; then
    echo "==> reusing the copy in $COPY and the build in $BUILD (SKPI_SAN_REUSE=1)"
    REUSE=1
else
    echo "==> copying PostgreSQL ($SRC_TREE, $SRC_SHARE) into $COPY"
    rm -rf "$COPY"
    mkdir -p "$COPY/$(dirname "${SRC_TREE#"$prefix"/}")" "$COPY/$(dirname "${SRC_SHARE#"$prefix"/}")"
    cp -a "$SRC_TREE" "$COPY/${SRC_TREE#"$prefix"/}" &&
        cp -a "$SRC_SHARE" "$COPY/${SRC_SHARE#"$prefix"/}" || die "copy failed"
    # the headers too, for checks that build a test module against the copy
    SRC_INC=$("$PG_CONFIG" --pkgincludedir)
    if [ -d "$SRC_INC" ] && [ "${SRC_INC#"$prefix"/}" != "$SRC_INC" ]; then
        mkdir -p "$COPY/$(dirname "${SRC_INC#"$prefix"/}")"
        cp -a "$SRC_INC" "$COPY/${SRC_INC#"$prefix"/}" || die "copy failed"
    fi
    # The ASan runtime must initialize before any other library runs code:
    # preloaded, it still initializes after the constructors of the server's
    # own libraries, and those of libgpg-error and p11-kit call
    # bindtextdomain(), whose malloc() then starts ASan inside glibc's
    # _nl_state_lock: the server hangs at its first bindtextdomain().  Copies
    # of the server's libraries that list the runtime as a dependency
    # (DT_NEEDED), found first through LD_LIBRARY_PATH, make the dynamic linker
    # initialize ASan before them.  The runtime's own dependencies stay as they are.
    mkdir -p "$COPY/asan-libs"
    asan_soname=$(objdump -p "$LIBASAN" | awk '/SONAME/ {print $2}')
    asan_deps=" $(ldd "$LIBASAN" | awk '{print $1}' | xargs -n1 basename | tr '\n' ' ') "
    ldd "$SRC_BIN/postgres" | awk '$2 == "=>" && $3 ~ /^\// {print $1, $3}' |
    while read -r so path; do
        case $asan_deps in *" $so "*) continue ;; esac
        cp -L "$path" "$COPY/asan-libs/$so" &&
            patchelf --add-needed "$asan_soname" "$COPY/asan-libs/$so" || exit 1
    done || die "could not prepare the server's libraries for ASan"
fi
SAN_BIN=$("$SAN_PG_CONFIG" --bindir)
case $("$SAN_PG_CONFIG" --pkglibdir) in
    "$COPY"/*) ;;
    *) die "the copy is not relocatable: its pg_config reports $("$SAN_PG_CONFIG" --pkglibdir)" ;;
esac

# ---------------------------------------------------------------------------
# 2. the instrumented build
# ---------------------------------------------------------------------------
[ "$REUSE" = 1 ] || {
echo "==> building with $SAN_FLAGS in $BUILD"
rm -rf "$BUILD"
mkdir -p "$BUILD"
# the files of the checkout (tracked or not, without ignored build outputs)
git ls-files -z --cached --others --exclude-standard |
    (cd "$ROOT" && xargs -0 cp --parents -t "$BUILD" 2>/dev/null) || true
[ -f "$BUILD/Makefile" ] || die "could not copy the source tree"
# compiled with the headers of PG_CONFIG (the copy has no include tree),
# installed into the copy
if ! make -C "$BUILD" -s PG_CONFIG="$PG_CONFIG" COPT="$SAN_FLAGS" with_llvm=no \
        >"$SAN_ROOT/build.log" 2>&1 ||
   ! make -C "$BUILD" -s PG_CONFIG="$SAN_PG_CONFIG" COPT="$SAN_FLAGS" with_llvm=no install \
        >>"$SAN_ROOT/build.log" 2>&1; then
    tail -n 50 "$SAN_ROOT/build.log"
    die "instrumented build failed"
fi
}
nm -D "$("$SAN_PG_CONFIG" --pkglibdir)/support_kpi.so" | grep -c __asan_init >/dev/null ||
    die "the installed support_kpi.so is not instrumented"

# ---------------------------------------------------------------------------
# 3. the cluster, sanitizer runtime preloaded
# ---------------------------------------------------------------------------
SANLOG="$SAN_ROOT/reports"
rm -rf "$SANLOG"
mkdir -p "$SANLOG" "$SAN_ROOT/logs"
[ "$(id -u)" = 0 ] && chown postgres "$SANLOG"
trap 'skpi_cluster_stop "${SKPI_SAN_KEEP:-0}"' EXIT
# detect_leaks=0: the server frees memory by contexts and at exit, leak reports would be noise
skpi_cluster_start "$SAN_BIN" \
    LD_PRELOAD="$LIBASAN" LD_LIBRARY_PATH="$COPY/asan-libs" \
    ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:disable_coredump=1:log_path=$SANLOG/asan:print_suppressions=0" \
    UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:abort_on_error=1:log_path=$SANLOG/ubsan" ||
    die "could not start a cluster with the sanitizer runtime"

# ---------------------------------------------------------------------------
# 4. the suites
# ---------------------------------------------------------------------------
echo "==> tools/suites.sh against the instrumented build"
(
    cd "$BUILD" &&
    PG_CONFIG="$SAN_PG_CONFIG" SKPI_LOGDIR="$SAN_ROOT/logs" \
    SKPI_SQLSMITH_QUERIES="${SKPI_SAN_SQLSMITH_QUERIES:-2000}" \
    SKPI_SQLSMITH_PARALLEL_QUERIES="${SKPI_SAN_SQLSMITH_PARALLEL_QUERIES:-300}" \
    bash tools/suites.sh
) > "$SAN_ROOT/test.log" 2>&1
suites_rc=$?

# ---------------------------------------------------------------------------
# 5. verdict
# ---------------------------------------------------------------------------
echo
echo "==================== make sanitize ===================="
# the suites' table and totals (tools/suites.sh), then one test more: no report
sed -n '/=== test summary ===/,/^=====*$/p' "$SAN_ROOT/test.log" | sed '1d;$d'
if skpi_counts "$SAN_ROOT/test.log"; then
    tp=$PASSED tf=$FAILED ts=$SKIPPED
else
    echo "the test run did not complete (exit status $suites_rc); see $SAN_ROOT/test.log"
    tp=0 tf=1 ts=0
fi
reports=$(find "$SANLOG" -type f | sort)
ALARM='AddressSanitizer|runtime error:|terminated by signal|PANIC:|TRAP:|terminating any other active server processes'
log_hits=$(grep -cE "$ALARM" "$SKPI_SERVER_LOG" 2>/dev/null)
if [ -z "$reports" ] && [ "${log_hits:-0}" = 0 ]; then
    echo "sanitizer reports: none"
    tp=$((tp + 1))
else
    echo "sanitizer reports: $(echo "$reports" | grep -c .) file(s), $log_hits alarming server log line(s)"
    for r in $reports; do
        echo "---- $r"
        head -n 60 "$r"
    done
    grep -E -B2 -A8 "$ALARM" "$SKPI_SERVER_LOG" | head -n 80
    [ -n "$reports" ] && cp $reports "$SAN_ROOT/logs/" 2>/dev/null
    tf=$((tf + 1))
fi
echo "logs: $SAN_ROOT/test.log, $SAN_ROOT/logs, server log copied to $SAN_ROOT/logs/server.log"
cp "$SKPI_SERVER_LOG" "$SAN_ROOT/logs/server.log" 2>/dev/null
echo "duration: $(( $(date +%s) - started )) s"
echo "======================================================="
echo "$tp passed, $tf failed, $ts skipped"
[ "$tf" = 0 ]
