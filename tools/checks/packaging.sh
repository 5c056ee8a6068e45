#!/usr/bin/env bash
# The version and the license agree everywhere a packager or PGXN reads them:
# support_kpi.control (default_version), the Makefile (EXTVERSION), the whole
# install script of that version, META.json (valid JSON, PGXN meta-spec 1.0.0
# keys, name / version / provides / license / prereqs), debian/changelog,
# debian/control(.in), debian/copyright and LICENSE (the PostgreSQL License);
# and the server installs exactly that version by default.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
PSQL=${PSQL:-psql}
passed=0
failed=0
check() { # check DESCRIPTION COMMAND...
    local d=$1
    shift
    if "$@"; then echo "ok - $d"; passed=$((passed + 1)); else echo "not ok - $d"; failed=$((failed + 1)); fi
}
control_version=$(sed -nE "s/^default_version = '([^']+)'.*/\1/p" support_kpi.control)
make_version=$(sed -nE 's/^EXTVERSION = (.+)$/\1/p' Makefile)
echo "# control: $control_version, Makefile: $make_version"
check "Makefile EXTVERSION = control default_version ($control_version)" [ "$make_version" = "$control_version" ]
check "the whole install script support_kpi--$control_version.sql exists" [ -f "support_kpi--$control_version.sql" ]
py=/usr/bin/python3
[ -x "$py" ] || py=python3
meta=$("$py" - "$control_version" <<'PY'
import json, sys
v = sys.argv[1]
m = json.load(open("META.json"))
problems = []
for k in ("name", "abstract", "version", "maintainer", "license", "provides", "meta-spec"):
    if k not in m:
        problems.append("missing key " + k)
semver = v + ".0" if v.count(".") == 1 else v
if m.get("name") != "support_kpi": problems.append("name")
if m.get("version") != semver: problems.append("version %r, expected %r" % (m.get("version"), semver))
p = m.get("provides", {}).get("support_kpi", {})
if p.get("version") != semver: problems.append("provides.support_kpi.version")
if p.get("file") != "support_kpi--%s.sql" % v: problems.append("provides.support_kpi.file")
if m.get("license") != "postgresql": problems.append("license")
if m.get("meta-spec", {}).get("version") != "1.0.0": problems.append("meta-spec version")
if "PostgreSQL" not in m.get("prereqs", {}).get("runtime", {}).get("requires", {}): problems.append("prereqs PostgreSQL")
print("; ".join(problems) or "ok")
PY
)
check "META.json is valid and matches the control file ($meta)" [ "$meta" = ok ]
deb_version=$(sed -nE '1s/^support-kpi \(([^)]+)\).*/\1/p' debian/changelog)
check "debian/changelog's version ($deb_version) is the extension's" [ "${deb_version%%-*}" = "$control_version" ]
check "debian/control is debian/control.in for the majors of debian/pgversions on Debian 12 (pg_buildext updatecontrol)" \
    bash -c "sed 's/PGVERSION/15/g' debian/control.in | diff -q - debian/control >/dev/null"
check "LICENSE, debian/copyright and META.json name the PostgreSQL License" \
    bash -c 'grep -q "PostgreSQL License" LICENSE && grep -q "^License: PostgreSQL" debian/copyright && grep -q "\"postgresql\"" META.json'
# the README's layout table names every source file and script the project ships
unlisted=$(for f in $(git ls-files 'src/*.c' 'src/*.h' 'support_kpi--*.sql' 2>/dev/null || ls src/*.[ch] support_kpi--*.sql); do
    grep -q "\`$f\`" README.md || echo "$f"; done | tr '\n' ' ')
check "README.md's layout table names every file of src/ and every SQL script (missing: ${unlisted:-none})" [ -z "$unlisted" ]
installed=$("$PSQL" -X -At -d postgres -c "SELECT default_version FROM pg_available_extensions WHERE name = 'support_kpi'" 2>/dev/null)
check "the server offers support_kpi $control_version by default (got '$installed')" [ "$installed" = "$control_version" ]
echo "packaging: $passed passed, $failed failed"
[ "$failed" = 0 ]
