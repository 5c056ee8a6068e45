#!/usr/bin/env bash
# tools/doctest.sh FILE... -- executable documentation for Markdown files.
#
# An example is a fenced code block with info string `sql` followed (blank
# lines allowed in between) by a fenced block with info string `output`:
#
#     ```sql
#     SELECT 1 AS one;
#     ```
#     ```output
#      one
#     -----
#        1
#     (1 row)
#     ```
#
# The sql is fed on stdin to
#     psql -X -q -v ON_ERROR_STOP=0 -v VERBOSITY=default -P pager=off
# with stderr merged into stdout (so examples may show "ERROR:  ..." lines; a
# "psql:<stdin>:N: " prefix is stripped), and the result is compared with the
# output block after trimming trailing whitespace on every line and trailing
# blank lines.  A `sql` block that is not followed by an `output` block is
# executed and its output ignored (use it for setup such as CREATE TABLE);
# a `sql norun` block is not executed at all.  Blocks in other languages, and
# anything nested in them, are ignored.
#
# Each FILE gets a fresh database ($DOCTEST_DB, dropped and recreated, with
# CREATE EXTENSION $DOCTEST_EXTENSION), shared by all blocks of that file.
# Every block runs in its own psql session: tables and other database objects
# carry over to later blocks, session state (SET, temp tables) does not.
#
# Connection parameters come from the usual PG* environment variables.
# Environment:
#   DOCTEST_DB           database name (default skpi_doc)
#   DOCTEST_EXTENSION    extension to create (default: name of the *.control
#                        file in the current directory, else support_kpi)
#   DOCTEST_MAINT_DB     database used to drop/create DOCTEST_DB (default postgres)
#   DOCTEST_TIMEOUT      seconds per block (default 300)
#   PSQL                 psql binary (default psql)
#
# Prints "doctest: N passed, M failed" as the last line; exit status 1 if any
# example failed (or a file could not be set up), else 0.
set -euo pipefail

DB=${DOCTEST_DB:-skpi_doc}
MAINT_DB=${DOCTEST_MAINT_DB:-postgres}
PSQL=${PSQL:-psql}
TIMEOUT=${DOCTEST_TIMEOUT:-300}
EXT=${DOCTEST_EXTENSION:-}
if [ -z "$EXT" ]; then
    shopt -s nullglob
    controls=(*.control)
    shopt -u nullglob
    if [ "${#controls[@]}" -ge 1 ]; then
        EXT=$(basename "${controls[0]}" .control)
    else
        EXT=support_kpi
    fi
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/doctest.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

passed=0
failed=0

run_psql() {
    # run_psql DB < input  -- stdout+stderr merged
    if command -v timeout >/dev/null 2>&1; then
        timeout "$TIMEOUT" "$PSQL" -X -q -v ON_ERROR_STOP=0 -v VERBOSITY=default -P pager=off -d "$1" 2>&1
    else
        "$PSQL" -X -q -v ON_ERROR_STOP=0 -v VERBOSITY=default -P pager=off -d "$1" 2>&1
    fi
}

# normalize IN OUT [strip-psql-prefix]: drop CRs, trailing whitespace and
# trailing blank lines (and "psql:<stdin>:N: " message prefixes if requested)
normalize() {
    perl -e '
        my ($in, $out, $strip) = @ARGV;
        open my $fh, "<", $in or die "$in: $!";
        my @l = <$fh>;
        close $fh;
        for (@l) {
            s/\r?\n\z//;
            s/^psql:(?:<stdin>|[^:\s]*):\d+: // if $strip;
            s/\s+\z//;
        }
        pop @l while @l && $l[-1] eq "";
        open my $oh, ">", $out or die "$out: $!";
        print $oh map { "$_\n" } @l;
        close $oh;
    ' "$@"
}

# extract FILE DIR: writes DIR/NNNN.sql, DIR/NNNN.line (1-based line of the
# sql fence), and for pairs DIR/NNNN.out + DIR/NNNN.outline; norun blocks are
# not written.
extract() {
    perl -e '
        use strict; use warnings;
        my ($file, $dir) = @ARGV;
        open my $fh, "<", $file or die "$file: $!\n";
        my @lines = <$fh>;
        close $fh;
        s/\r?\n\z// for @lines;

        # returns (indent, fence, info-words) if line $i opens a fence
        sub opener {
            my ($l) = @_;
            return unless $l =~ /^( {0,3})(`{3,}|~{3,})(.*)$/;
            my ($ind, $fence, $info) = (length $1, $2, $3);
            return if substr($fence, 0, 1) eq "`" && $info =~ /`/;
            $info =~ s/^\s+|\s+$//g;
            return ($ind, $fence, [map { lc } split /\s+/, $info]);
        }
        # index of the closing fence for a block opened at $i (or scalar @lines)
        sub closer {
            my ($i, $fence) = @_;
            my $c = substr($fence, 0, 1);
            my $n = length $fence;
            for my $j ($i + 1 .. $#lines) {
                return $j if $lines[$j] =~ /^ {0,3}(\Q$c\E{$n,})\s*$/;
            }
            return scalar @lines;
        }
        sub content {
            my ($from, $to, $ind) = @_;    # lines ($from, $to) exclusive
            my @c = @lines[$from + 1 .. $to - 1];
            s/^ {0,$ind}// for @c;
            return join "", map { "$_\n" } @c;
        }
        sub put {
            my ($name, $text) = @_;
            open my $o, ">", "$dir/$name" or die "$dir/$name: $!\n";
            print $o $text;
            close $o;
        }

        my ($i, $n) = (0, 0);
        while ($i < @lines) {
            my ($ind, $fence, $info) = opener($lines[$i]);
            if (!defined $fence) { $i++; next }
            my $end = closer($i, $fence);
            my $lang = $info->[0] // "";
            if ($lang ne "sql") { $i = $end + 1; next }
            my $sql = content($i, $end, $ind);
            my $norun = grep { /^(norun|skip)$/ } @{$info}[1 .. $#$info];
            # look for an output block after optional blank lines
            my $k = $end + 1;
            $k++ while $k < @lines && $lines[$k] =~ /^\s*$/;
            my ($oind, $ofence, $oinfo) = $k < @lines ? opener($lines[$k]) : ();
            my ($out, $outline, $next) = (undef, undef, $end + 1);
            if (defined $ofence && ($oinfo->[0] // "") eq "output") {
                my $oend = closer($k, $ofence);
                $out = content($k, $oend, $oind);
                $outline = $k + 1;
                $next = $oend + 1;
            }
            my $sqlline = $i + 1;
            $i = $next;
            next if $norun;
            $n++;
            my $id = sprintf "%04d", $n;
            put("$id.sql", $sql);
            put("$id.line", "$sqlline\n");
            if (defined $out) {
                put("$id.out", $out);
                put("$id.outline", "$outline\n");
            }
        }
    ' "$@"
}

# fresh_db: drop and recreate $DB with the extension
fresh_db() {
    PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning" "$PSQL" -X -q -v ON_ERROR_STOP=1 -d "$MAINT_DB" \
        -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" \
        -c "CREATE DATABASE \"$DB\"" 2>&1 &&
    "$PSQL" -X -q -v ON_ERROR_STOP=1 -d "$DB" \
        -c "CREATE EXTENSION IF NOT EXISTS \"$EXT\" CASCADE" 2>&1
}

fileno=0
for file in "$@"; do
    fileno=$((fileno + 1))
    if [ ! -r "$file" ]; then
        echo "FAIL $file: cannot read file"
        failed=$((failed + 1))
        continue
    fi
    dir="$TMP/$fileno"
    mkdir -p "$dir"
    if ! extract "$file" "$dir"; then
        echo "FAIL $file: could not parse"
        failed=$((failed + 1))
        continue
    fi
    shopt -s nullglob
    blocks=("$dir"/*.sql)
    shopt -u nullglob
    npairs=0
    for b in "${blocks[@]}"; do [ -f "${b%.sql}.out" ] && npairs=$((npairs + 1)); done
    echo "--- $file: ${#blocks[@]} sql block(s), $npairs with expected output"
    [ "${#blocks[@]}" -gt 0 ] || continue
    if ! setup_out=$(fresh_db); then
        printf '%s\n' "$setup_out"
        echo "FAIL $file: could not create database $DB with extension $EXT"
        failed=$((failed + 1))
        continue
    fi
    for b in "${blocks[@]}"; do
        id=${b%.sql}
        line=$(cat "$id.line")
        run_psql "$DB" < "$b" > "$id.actual" || true
        if [ ! -f "$id.out" ]; then
            # setup block: output ignored, but surface errors as a hint
            if grep -qE '^(psql:[^ ]*: )?(ERROR|FATAL|PANIC):' "$id.actual"; then
                echo "note $file:$line: sql block without output block reported an error (ignored):"
                sed 's/^/    /' "$id.actual" | head -n 20
            fi
            continue
        fi
        normalize "$id.out" "$id.exp.n"
        normalize "$id.actual" "$id.act.n" strip
        if cmp -s "$id.exp.n" "$id.act.n"; then
            echo "PASS $file:$line"
            passed=$((passed + 1))
        else
            outline=$(cat "$id.outline")
            echo "FAIL $file:$line (sql block at line $line, output block at line $outline)"
            diff -u --label "expected ($file:$outline)" --label "actual" \
                "$id.exp.n" "$id.act.n" || true
            failed=$((failed + 1))
        fi
    done
done

echo "doctest: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
