#!/usr/bin/env bash
# tools/check-majors.sh -- `make check-majors`: the whole test suite against
# PostgreSQL 17 and 18 built from Debian's own source packages.
#
#   1. a private apt configuration in SKPI_MAJORS_ROOT/apt (its own
#      sources.list with the deb-src lines of Debian 13 "trixie" for 17 and
#      Debian unstable "sid" for 18, its own lists and cache): the machine's
#      apt sources, lists and packages are never changed.  Only the build
#      tools are installed system-wide, from the machine's own sources
#      (tools/lib.sh skpi_deps: bison, flex, libreadline-dev, zlib1g-dev,
#      libicu-dev, pkg-config, dpkg-dev);
#   2. `apt-get source postgresql-NN` (the upstream tarball with Debian's
#      patches applied), configure --prefix=SKPI_MAJORS_ROOT/NN/install
#      --with-system-tzdata (as Debian builds it),
#      make, make install (the server and client programs; the suite needs
#      no contrib module), and pgTAP from Debian's pgtap source package into the
#      same prefix.  Each build is cached: a prefix whose source version has
#      not changed is reused, so a second run only rebuilds the extension;
#   3. for each major: the extension built with -Werror against that prefix,
#      installed into it, and tools/suites.sh run in a throwaway cluster of
#      that prefix (tools/lib.sh skpi_cluster_start: pg_virtualenv runs
#      Debian's packages only): pg_regress, pgTAP, the doc examples and every
#      tools/checks/*.sh, as in `make test`.
#
# The build tree of the extension is a copy (SKPI_MAJORS_ROOT/NN/src), so the
# checkout's own build for PostgreSQL 15 is not touched.  Ends with
# "N passed, M failed, K skipped" over both majors; exit status 0 only if
# nothing failed.  Knobs: SKPI_MAJORS (default "17 18"), SKPI_MAJORS_ROOT
# (default /var/cache/skpi-majors), SKPI_MAJORS_JOBS (make -j, default nproc).
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MAJORS=${SKPI_MAJORS:-17 18}
CACHE=${SKPI_MAJORS_ROOT:-/var/cache/skpi-majors}
JOBS=${SKPI_MAJORS_JOBS:-$(nproc)}
export LC_ALL=C.UTF-8
started=$(date +%s)

die() { echo "check-majors: $*"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
log() { printf '==> %s\n' "$*"; }

[ "$(id -u)" = 0 ] || die "run as root (it installs build tools and runs the clusters as postgres)"
mkdir -p "$CACHE" || die "cannot create $CACHE"

# ---------------------------------------------------------------------------
# 1. build tools (the machine's own apt sources) and the private apt config
# ---------------------------------------------------------------------------
# shellcheck source=tools/lib.sh
. "$ROOT/tools/lib.sh"
skpi_deps dpkg-dev debian-keyring git curl bison flex libreadline-dev zlib1g-dev libicu-dev pkg-config gcc make \
    perl libtap-parser-sourcehandler-pgtap-perl sqlsmith python3 python3-psycopg default-jdk-headless \
    libpostgresql-jdbc-java || die "could not install the build tools"

APT_DIR=$CACHE/apt
mkdir -p "$APT_DIR/lists/partial" "$APT_DIR/cache/archives/partial" "$APT_DIR/parts"
cat > "$APT_DIR/sources.list" <<'EOF'
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian sid main
EOF
APT_OPTS=(-o "Dir::Etc::SourceList=$APT_DIR/sources.list" -o "Dir::Etc::SourceParts=$APT_DIR/parts"
          -o "Dir::State::Lists=$APT_DIR/lists" -o "Dir::Cache=$APT_DIR/cache" -o "APT::Get::List-Cleanup=0")
log "private apt lists: apt-get update (deb-src trixie, sid) in $APT_DIR"
apt-get "${APT_OPTS[@]}" update >"$CACHE/apt-update.log" 2>&1 || { cat "$CACHE/apt-update.log"; die "apt-get update (private lists) failed"; }

# srcversion PACKAGE SUITE: the newest source version of PACKAGE in SUITE
srcversion() {
    apt-cache "${APT_OPTS[@]}" showsrc "$1" 2>/dev/null | awk -v want="$1" '
        /^Package:/ { p = $2 } /^Version:/ { if (p == want) print $2 }' | sort -V | tail -n 1
}

# fetch_earlier PACKAGE VERSION DIR: downloads (https) and unpacks the newest
# of the four point releases before VERSION (same Debian revision) that
# Debian's pool serves, with `dpkg-source --require-valid-signature -x`: the
# .dsc must carry a valid signature of a Debian developer (debian-keyring),
# and every file must match its checksums; prints the version taken
fetch_earlier() {
    local pkg=$1 ver=$2 dir=$3 pooldir up rev major minor m v url f
    pooldir=$(apt-cache "${APT_OPTS[@]}" showsrc "$pkg" | awk '/^Directory:/ { print $2; exit }')
    up=${ver%%-*}
    rev=${ver#*-}
    major=${up%%.*}
    minor=${up#*.}
    for m in $(seq $((minor - 1)) -1 $((minor > 4 ? minor - 4 : 0))); do
        v="$major.$m-$rev"
        url="https://deb.debian.org/debian/$pooldir"
        if curl -fsS -o "$dir/${pkg}_${v}.dsc" "$url/${pkg}_${v//+/%2b}.dsc" 2>/dev/null; then
            for f in $(awk '/^Files:/ { on = 1; next } /^[^ ]/ { on = 0 } on { print $3 }' "$dir/${pkg}_${v}.dsc"); do
                curl -fsS -o "$dir/$f" "$url/${f//+/%2b}" || return 1
            done
            (cd "$dir" && dpkg-source --require-valid-signature -x "${pkg}_${v}.dsc") >>"$dir/../source.log" 2>&1 || return 1
            echo "$v"
            return 0
        fi
    done
    return 1
}

# ---------------------------------------------------------------------------
# 2. PostgreSQL NN and pgTAP into CACHE/NN/install (cached by source version)
# ---------------------------------------------------------------------------
# the system time zone database, as Debian's packages use (business calendars
# test zones such as right/UTC that PostgreSQL's own copy does not install);
# the cache key is the hash of the whole configure line
CONFIGURE_OPTS=(--with-icu --with-readline --without-llvm --with-system-tzdata=/usr/share/zoneinfo --enable-debug)
CONFIGURE_KEY=configure-$(printf '%s ' "${CONFIGURE_OPTS[@]}" | md5sum | cut -c1-12)
build_major() {
    local nn=$1 dir=$CACHE/$1 listed ver srcdir tapdir tv
    listed=$(srcversion "postgresql-$nn")
    [ -n "$listed" ] || { echo "no source package postgresql-$nn in the private lists"; return 1; }
    mkdir -p "$dir"
    # (the configure options are part of the key: a change rebuilds)
    if [ -x "$dir/install/bin/pg_config" ] && [ "$(head -n 1 "$dir/pg-version" 2>/dev/null)" = "$listed $CONFIGURE_KEY" ]; then
        log "PostgreSQL $nn: cached build ($(tail -n 1 "$dir/pg-version"), $dir/install)"
    else
        ver=$listed
        log "PostgreSQL $nn: apt-get source postgresql-$nn=$ver, build into $dir/install"
        rm -rf "$dir/build" "$dir/install" "$dir/pg-version" "$dir/pgtap-version"
        mkdir -p "$dir/build"
        if ! ( cd "$dir/build" && apt-get "${APT_OPTS[@]}" source "postgresql-$nn=$ver" ) >"$dir/source.log" 2>&1; then
            # the mirror may not serve the files of the newest version its
            # lists name yet (seen: 17.12-0+deb13u1 listed, its files 404):
            # take the newest earlier point release of the same Debian
            # revision that it serves, from the same pool directory
            log "PostgreSQL $nn: $ver is listed but not served; trying earlier point releases"
            ver=$(fetch_earlier "postgresql-$nn" "$ver" "$dir/build") || { tail -n 20 "$dir/source.log"; return 1; }
            log "PostgreSQL $nn: using $ver"
        fi
        srcdir=$(find "$dir/build" -mindepth 1 -maxdepth 1 -type d -name "postgresql-$nn-*" | head -n 1)
        [ -n "$srcdir" ] || { echo "no source tree after apt-get source"; return 1; }
        (
            cd "$srcdir" &&
            ./configure --prefix="$dir/install" "${CONFIGURE_OPTS[@]}" >"$dir/configure.log" 2>&1 &&
            make -j"$JOBS" >"$dir/make.log" 2>&1 &&
            make install >"$dir/install.log" 2>&1
        ) || { echo "build failed; logs in $dir"; tail -n 30 "$dir/make.log" 2>/dev/null; return 1; }
        printf '%s\n%s\n' "$listed $CONFIGURE_KEY" "$ver" > "$dir/pg-version"
        log "PostgreSQL $nn: built $ver"
    fi
    # pgTAP from Debian's source package (the newest version the mirror
    # serves), into the same prefix
    if [ -f "$dir/pgtap-version" ]; then
        log "PostgreSQL $nn: cached pgTAP $(cat "$dir/pgtap-version")"
        return 0
    fi
    rm -rf "$dir/build"/pgtap-* "$dir/build"/pgtap_*
    : > "$dir/pgtap-source.log"
    for tv in $(apt-cache "${APT_OPTS[@]}" showsrc pgtap 2>/dev/null | awk '/^Package:/ { p = $2 } /^Version:/ { if (p == "pgtap") print $2 }' | sort -Vr); do
        tapdir=""
        if ( cd "$dir/build" && apt-get "${APT_OPTS[@]}" source "pgtap=$tv" ) >>"$dir/pgtap-source.log" 2>&1; then
            tapdir=$(find "$dir/build" -mindepth 1 -maxdepth 1 -type d -name "pgtap-*" | head -n 1)
        elif [ -f "$dir/build/pgtap_${tv%-*}.orig.tar.gz" ]; then
            # the mirror served the upstream tarball of the package but not
            # its .dsc and Debian diff (seen for pgtap 1.3.3-3 and 1.3.4-1):
            # pgTAP is plain SQL and PL/pgSQL, Debian's diff only packages it
            mkdir -p "$dir/build/pgtap-orig-$tv"
            tar -xzf "$dir/build/pgtap_${tv%-*}.orig.tar.gz" -C "$dir/build/pgtap-orig-$tv" --strip-components=1 &&
                tapdir=$dir/build/pgtap-orig-$tv
            tv="$tv (upstream tarball)"
        fi
        if [ -n "$tapdir" ]; then
            ( cd "$tapdir" && make PG_CONFIG="$dir/install/bin/pg_config" && make install PG_CONFIG="$dir/install/bin/pg_config" ) \
                >"$dir/pgtap.log" 2>&1 || { tail -n 20 "$dir/pgtap.log"; return 1; }
            echo "$tv" > "$dir/pgtap-version"
            log "PostgreSQL $nn: pgTAP $tv"
            return 0
        fi
    done
    tail -n 20 "$dir/pgtap-source.log"
    echo "no pgtap source package could be fetched"
    return 1
}

# ---------------------------------------------------------------------------
# 3. the extension and the suite against each major
# ---------------------------------------------------------------------------
total_p=0
total_f=0
total_s=0
summary=()
for nn in $MAJORS; do
    if ! build_major "$nn"; then
        summary+=("PostgreSQL $nn: build of PostgreSQL failed")
        total_f=$((total_f + 1))
        continue
    fi
    pgc=$CACHE/$nn/install/bin/pg_config
    # a private copy of the extension's tree, so the checkout's build stays for 15
    rm -rf "$CACHE/$nn/src"
    mkdir -p "$CACHE/$nn/src"
    if ! (cd "$ROOT" && git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$CACHE/$nn/src") \
        || [ ! -f "$CACHE/$nn/src/Makefile" ]; then
        summary+=("PostgreSQL $nn: could not copy the source tree (git ls-files)")
        total_f=$((total_f + 1))
        continue
    fi
    log "PostgreSQL $nn: extension with -Werror, installed into $CACHE/$nn/install"
    if ! make -C "$CACHE/$nn/src" PG_CONFIG="$pgc" COPT="-Werror" >"$CACHE/$nn/ext-build.log" 2>&1 ||
       ! make -C "$CACHE/$nn/src" PG_CONFIG="$pgc" install >>"$CACHE/$nn/ext-build.log" 2>&1; then
        tail -n 40 "$CACHE/$nn/ext-build.log"
        summary+=("PostgreSQL $nn: the extension does not build with -Werror")
        total_f=$((total_f + 1))
        continue
    fi
    # the cluster runs as postgres: the build tree and the prefix must be readable
    chmod -R a+rX "$CACHE/$nn/src" "$CACHE/$nn/install"
    chmod a+x "$CACHE" "$CACHE/$nn"
    log "PostgreSQL $nn: tools/suites.sh in a throwaway cluster"
    out=$CACHE/$nn/test.log
    rm -rf "$CACHE/$nn/logs"
    mkdir -p "$CACHE/$nn/logs"
    skpi_cluster_start "$CACHE/$nn/install/bin" >"$out" 2>&1 &&
        (cd "$CACHE/$nn/src" && PG_CONFIG="$pgc" SKPI_LOGDIR="$CACHE/$nn/logs" bash tools/suites.sh) >>"$out" 2>&1
    skpi_cluster_stop
    sed -n '/=== test summary ===/,$p' "$out"
    if skpi_counts "$out"; then
        total_p=$((total_p + PASSED))
        total_f=$((total_f + FAILED))
        total_s=$((total_s + SKIPPED))
        summary+=("PostgreSQL $nn ($(tail -n 1 "$CACHE/$nn/pg-version"), pgTAP $(cat "$CACHE/$nn/pgtap-version")): $(tail -n 1 "$out")")
    else
        summary+=("PostgreSQL $nn: the suite did not finish (see $out)")
        total_f=$((total_f + 1))
    fi
done

echo
echo "==================== check-majors ===================="
for l in "${summary[@]}"; do echo "$l"; done
echo "logs: $CACHE/<major>/test.log; duration $(( $(date +%s) - started )) s"
echo "======================================================"
echo "$total_p passed, $total_f failed, $total_s skipped"
[ "$total_f" = 0 ]
