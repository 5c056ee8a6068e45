# sql/release_1_2_drop.awk: reads support_kpi--1.2--1.3.sql and prints the
# statements that take the objects it creates out of the extension and drop
# them (sql/release_1_2.inc): every function and aggregate (the signature from
# the COMMENT ON that follows its CREATE) and every type it creates (a shell
# type "CREATE TYPE x;" first, or a composite type "CREATE TYPE x AS (...").  All ALTER EXTENSION ... DROP first, then the
# aggregates and the functions other than the new types' input and output
# functions, last created first (a SQL-standard body depends on the functions
# it calls), and last the types with CASCADE (which takes those functions),
# without the notices of the cascade.
/^CREATE TYPE [^ ]*;$/ { t = $3; sub(/;$/, "", t); types[++nt] = t }
/^CREATE TYPE [^ ]* AS \(/ { types[++nt] = $3 }
/^CREATE FUNCTION / { f = 1 }
/^CREATE AGGREGATE / { a = 1 }
f && /^COMMENT ON FUNCTION / { sig = $0; sub(/^COMMENT ON FUNCTION /, "", sig); sub(/ IS .*/, "", sig); funcs[++nf] = sig; f = 0 }
a && /^COMMENT ON AGGREGATE / { sig = $0; sub(/^COMMENT ON AGGREGATE /, "", sig); sub(/ IS .*/, "", sig); aggs[++na] = sig; a = 0 }
function type_io(sig,   i) {
	for (i = 1; i <= nt; i++)
		if (index(sig, types[i] "_in(") == 1 || index(sig, types[i] "_out(") == 1 ||
			index(sig, types[i] "_recv(") == 1 || index(sig, types[i] "_send(") == 1)
			return 1
	return 0
}
END {
	for (i = 1; i <= na; i++) print "ALTER EXTENSION support_kpi DROP AGGREGATE " aggs[i] ";"
	for (i = 1; i <= nf; i++) print "ALTER EXTENSION support_kpi DROP FUNCTION " funcs[i] ";"
	for (i = 1; i <= nt; i++) print "ALTER EXTENSION support_kpi DROP TYPE " types[i] ";"
	for (i = na; i >= 1; i--) print "DROP AGGREGATE " aggs[i] ";"
	for (i = nf; i >= 1; i--) if (!type_io(funcs[i])) print "DROP FUNCTION " funcs[i] ";"
	print "SET client_min_messages = warning;"
	for (i = 1; i <= nt; i++) print "DROP TYPE " types[i] " CASCADE;"
	print "RESET client_min_messages;"
}
