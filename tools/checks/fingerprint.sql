-- tools/checks/fingerprint.sql -- writes, one per line, the COPY statements
-- that print a fingerprint of every stored value of the extension's types:
-- for each column of a table or materialized view (any schema) whose type is
-- one of the extension's types or an array of one, per row (column "id"):
--   text  the text form (::text)
--   send  the binary form (the type's send function; arrays per element and
--         composites per field, their own forms holding database-local OIDs)
--   fn    every accessor of the type: each function of the extension whose
--         first argument has the column's type and whose other arguments have
--         a sample value below (timestamptz, double precision, double
--         precision[], text, contact_party), support functions excepted
-- Output lines: relation, column, kind, id, function, value (md5 and length
-- of the text, after its first 40 characters, or NULL).
-- Run with search_path = pg_catalog so that every name is printed qualified.
\set ON_ERROR_STOP 1
SET search_path = pg_catalog;
WITH ext AS (
	SELECT oid FROM pg_extension WHERE extname = 'support_kpi'
), ext_types AS (
	SELECT d.objid AS typ FROM pg_depend d, ext
	WHERE d.refobjid = ext.oid AND d.refclassid = 'pg_extension'::regclass
		AND d.classid = 'pg_type'::regclass AND d.deptype = 'e'
), cols AS (
	SELECT format('%I.%I', n.nspname, c.relname) AS rel, a.attname AS col, a.atttypid AS typ,
		a.atttypid IN (SELECT typ FROM ext_types) AS scalar,
		-- the binary form from the send functions of the element and field
		-- types: arrays element by element, composites field by field (their
		-- own binary forms carry type OIDs local to the database)
		CASE WHEN t.typcategory = 'A' THEN
			format('(SELECT coalesce(string_agg(coalesce(%s, ''NULL''), '','' ORDER BY i), '''') || coalesce(array_dims(%I), ''[]'') FROM generate_subscripts(%I, 1) i)',
				CASE WHEN et.typtype = 'c' THEN
					(SELECT format('CASE WHEN %I[i] IS NOT NULL THEN concat_ws(''|'', %s) END', a.attname,
							string_agg(format('coalesce(%s((%I[i]).%I)::text, ''NULL'')', ft.typsend::regproc, a.attname, fa.attname), ', ' ORDER BY fa.attnum))
					 FROM pg_attribute fa JOIN pg_type ft ON ft.oid = fa.atttypid
					 WHERE fa.attrelid = et.typrelid AND fa.attnum > 0 AND NOT fa.attisdropped)
				ELSE format('%s(%I[i])::text', et.typsend::regproc, a.attname) END,
				a.attname, a.attname)
		WHEN t.typtype = 'c' THEN
			(SELECT format('CASE WHEN %I IS NOT NULL THEN concat_ws(''|'', %s) END', a.attname,
					string_agg(format('coalesce(%s((%I).%I)::text, ''NULL'')', ft.typsend::regproc, a.attname, fa.attname), ', ' ORDER BY fa.attnum))
			 FROM pg_attribute fa JOIN pg_type ft ON ft.oid = fa.atttypid
			 WHERE fa.attrelid = t.typrelid AND fa.attnum > 0 AND NOT fa.attisdropped)
		ELSE format('%s(%I)::text', t.typsend::regproc, a.attname) END AS send_expr
	FROM pg_class c
	JOIN pg_namespace n ON n.oid = c.relnamespace
	JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
	JOIN pg_type t ON t.oid = a.atttypid
	LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
	WHERE c.relkind IN ('r', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
		AND n.nspname !~ '^pg_' AND (a.atttypid IN (SELECT typ FROM ext_types)
			OR (t.typcategory = 'A' AND t.typelem IN (SELECT typ FROM ext_types)))
), accessors AS (
	SELECT p.oid AS fn, p.proargtypes[0] AS typ, format('%I.%I', pn.nspname, p.proname) AS fname,
		(SELECT string_agg(CASE
				WHEN a.t = 'timestamptz'::regtype AND a.ord = 2 THEN '''2026-03-02 10:00+00''::timestamptz'
				WHEN a.t = 'timestamptz'::regtype THEN '''2026-03-09 17:30+00''::timestamptz'
				WHEN a.t = 'float8'::regtype THEN '0.9::float8'
				WHEN a.t = 'float8[]'::regtype THEN '''{0.25,0.5,0.9}''::float8[]'
				WHEN a.t = 'text'::regtype THEN '''favour''::text'
				WHEN format_type(a.t, NULL) ~ '\.contact_party$' THEN format('''customer''::%s', format_type(a.t, NULL))
			END, ', ' ORDER BY a.ord)
		 FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY a(t, ord) WHERE a.ord > 1) AS extra,
		p.pronargs
	FROM pg_proc p
	JOIN pg_namespace pn ON pn.oid = p.pronamespace
	JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
	JOIN ext ON d.refobjid = ext.oid
	WHERE p.prokind = 'f' AND p.pronargs >= 1
		AND p.prorettype NOT IN ('cstring'::regtype, 'internal'::regtype, 'bytea'::regtype)
		AND p.proname !~ '_(accum|maccum|retract|combine|uncombine|nonempty|in|out|recv|send)(_|$)'
), accessor_calls AS (
	SELECT typ, fn::regprocedure::text AS label,
		fname, extra
	FROM accessors
	-- every extra argument has a sample value
	WHERE pronargs = 1 OR (extra IS NOT NULL AND
		(SELECT count(*) FROM regexp_matches(extra, '::', 'g')) = pronargs - 1)
), items AS (
	SELECT rel, col, 'text' AS kind, '' AS label, format('%I::text', col) AS expr FROM cols
	UNION ALL
	SELECT rel, col, 'send', '', send_expr FROM cols
	UNION ALL
	SELECT c.rel, c.col, 'fn', f.label,
		format('%s(%I%s)::text', f.fname, c.col, coalesce(', ' || f.extra, ''))
	FROM cols c JOIN accessor_calls f ON f.typ = c.typ WHERE c.scalar
)
SELECT format('COPY (SELECT %L, %L, %L, id::text, %L, coalesce(left(v, 40) || '' '' || md5(v) || '' '' || length(v), ''NULL'') FROM (SELECT id, %s AS v FROM %s) x) TO STDOUT;',
	rel, col, kind, label, expr, rel)
FROM items ORDER BY rel, col, kind, label;
