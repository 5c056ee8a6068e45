#!/usr/bin/env bash
# tools/check-deb.sh -- `make check-deb`: the Debian package, as a DBA gets it.
#
#   1. installs the packaging tools (debhelper, postgresql-server-dev-all,
#      dpkg-dev) and builds the binary package from a copy of the checkout:
#      dpkg-buildpackage -us -uc -b (debian/: pg_buildext, one package per
#      PostgreSQL major of debian/pgversions whose server-dev is installed;
#      the build runs the pg_regress suite against a throwaway cluster);
#   2. takes the extension's files that `make install` put into the system
#      PostgreSQL away (make uninstall) and lists every file under its
#      lib and share directories;
#   3. apt-get install ./postgresql-NN-support-kpi_*.deb into that system
#      PostgreSQL; in a throwaway cluster (tools/lib.sh skpi_virtualenv) a
#      role that is not superuser creates the extension and computes a KPI,
#      then the pg_regress suite runs against the installed package (make
#      installcheck);
#   4. apt-get purge: every file the package installed is gone and the lists
#      of step 2 are unchanged; finally the checkout's build is installed
#      again if it was installed before.
# Ends with "N passed, M failed"; exit status 0 only if nothing failed.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export LC_ALL=C.UTF-8
PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
WORK=${SKPI_DEB_ROOT:-/var/tmp/skpi-deb}
passed=0
failed=0
ok() { echo "ok: $*"; passed=$((passed + 1)); }
not_ok() { echo "NOT OK: $*"; failed=$((failed + 1)); }
# the checkout's build goes back (restore, once defined) before the verdict, the last line
finish() {
    if declare -F restore >/dev/null; then restore; trap - EXIT; fi
    echo "$passed passed, $failed failed, 0 skipped"
    [ "$failed" = 0 ]
    exit
}
die() { not_ok "$*"; finish; }

[ "$(id -u)" = 0 ] || die "run as root (it installs and removes a package)"
# shellcheck source=tools/lib.sh
. "$ROOT/tools/lib.sh"
skpi_deps debhelper postgresql-server-dev-all postgresql-all dpkg-dev postgresql-common git make gcc ||
    die "could not install the packaging tools"
MAJOR=$("$PG_CONFIG" --version | sed -E 's/^PostgreSQL ([0-9]+).*/\1/')
PKG=postgresql-$MAJOR-support-kpi
VERSION=$(dpkg-parsechangelog -l debian/changelog -S Version)

# 1. build
rm -rf "$WORK"
mkdir -p "$WORK/support-kpi-$VERSION"
git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$WORK/support-kpi-$VERSION" \
    && [ -f "$WORK/support-kpi-$VERSION/debian/rules" ] || die "could not copy the source tree (git ls-files)"
echo "==> dpkg-buildpackage -us -uc in $WORK/support-kpi-$VERSION"
if (cd "$WORK/support-kpi-$VERSION" && dpkg-buildpackage -us -uc) >"$WORK/build.log" 2>&1; then
    ok "dpkg-buildpackage built $(cd "$WORK" && ls ./*.deb | tr '\n' ' ')"
else
    tail -n 40 "$WORK/build.log"
    die "dpkg-buildpackage failed (log: $WORK/build.log)"
fi
DEB=$(ls "$WORK"/"${PKG}"_"${VERSION}"_*.deb 2>/dev/null | head -n 1)
[ -n "$DEB" ] || die "no $PKG package was built"
grep -q "All [0-9]* tests passed" "$WORK/build.log" && ok "the build's pg_regress suite passed" \
    || not_ok "the build's pg_regress suite did not pass"

# 2. the system PostgreSQL without the checkout's install
LIBDIR=$("$PG_CONFIG" --pkglibdir)
SHAREDIR=$("$PG_CONFIG" --sharedir)
had_make_install=0
[ -f "$LIBDIR/support_kpi.so" ] && ! dpkg -S "$LIBDIR/support_kpi.so" >/dev/null 2>&1 && had_make_install=1
dpkg -s "$PKG" >/dev/null 2>&1 && { apt-get purge -y "$PKG" >/dev/null 2>&1 || die "could not purge an old $PKG"; }
make -s uninstall PG_CONFIG="$PG_CONFIG" >/dev/null 2>&1
# whatever happens from here on, the checkout's build goes back if it was there
restore() {
    if [ "$had_make_install" = 1 ] && [ ! -f "$LIBDIR/support_kpi.so" ]; then
        make -s install PG_CONFIG="$PG_CONFIG" >/dev/null 2>&1 && echo "(the checkout's build is installed again, as before)"
    fi
}
trap restore EXIT
listing() { find "$LIBDIR" "$SHAREDIR" /usr/share/doc -maxdepth 3 2>/dev/null | sort; }
listing > "$WORK/files.before"

# 3. install the package, use it
if DEBIAN_FRONTEND=noninteractive apt-get install -y "$DEB" >"$WORK/install.log" 2>&1; then
    ok "apt-get install $(basename "$DEB")"
else
    cat "$WORK/install.log"
    die "apt-get install failed"
fi
[ -f "$LIBDIR/support_kpi.so" ] && [ -f "$SHAREDIR/extension/support_kpi.control" ] \
    && ok "the package installed the library and the control file ($(dpkg -L "$PKG" | grep -c 'support_kpi') files)" \
    || not_ok "library or control file missing after install"
cat > "$WORK/use.sh" <<'EOF'
set -e
psql -X -q -v ON_ERROR_STOP=1 -d postgres <<'SQL'
CREATE ROLE kpi_dba_test LOGIN PASSWORD 'kpi_dba_test';
CREATE DATABASE kpi_deb OWNER kpi_dba_test;
SQL
PGPASSWORD=kpi_dba_test psql -X -q -At -v ON_ERROR_STOP=1 -U kpi_dba_test -d kpi_deb > "$SKPI_DEB_OUT" <<'SQL'
SELECT rolsuper FROM pg_roles WHERE rolname = current_user;
CREATE EXTENSION support_kpi;
SELECT extversion FROM pg_extension WHERE extname = 'support_kpi';
SELECT round(nps(s), 1) FROM generate_series(0, 10) s;
SQL
make installcheck PG_CONFIG="$PG_CONFIG"
EOF
export SKPI_DEB_OUT=$WORK/use.out
rm -f "$SKPI_DEB_OUT"
if (cd "$WORK/support-kpi-$VERSION" && skpi_virtualenv "$MAJOR" bash "$WORK/use.sh") >"$WORK/use.log" 2>&1; then
    ok "a role that is not superuser created the extension $(sed -n 2p "$SKPI_DEB_OUT") and computed NPS $(sed -n 3p "$SKPI_DEB_OUT")"
    grep -q "All [0-9]* tests passed" "$WORK/use.log" && ok "make installcheck against the installed package: $(grep -o 'All [0-9]* tests passed' "$WORK/use.log")" \
        || not_ok "make installcheck against the installed package"
else
    tail -n 40 "$WORK/use.log"
    not_ok "using the installed package (log: $WORK/use.log)"
fi
[ "$(head -n 1 "$SKPI_DEB_OUT" 2>/dev/null)" = f ] || not_ok "the test role was a superuser, or did not connect"

# 4. purge: nothing left behind
dpkg -L "$PKG" 2>/dev/null | while read -r f; do [ -f "$f" ] && echo "$f"; done > "$WORK/package.files"
if apt-get purge -y "$PKG" >"$WORK/purge.log" 2>&1; then
    ok "apt-get purge $PKG"
else
    cat "$WORK/purge.log"
    not_ok "apt-get purge failed"
fi
left=$(while read -r f; do [ -e "$f" ] && echo "$f"; done < "$WORK/package.files")
listing > "$WORK/files.after"
if [ -z "$left" ] && diff -q "$WORK/files.before" "$WORK/files.after" >/dev/null; then
    ok "no file left behind ($(wc -l < "$WORK/package.files") files installed and removed)"
else
    echo "$left"
    diff "$WORK/files.before" "$WORK/files.after"
    not_ok "files left behind after purge"
fi
finish
