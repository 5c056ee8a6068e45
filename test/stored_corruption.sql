-- pgTAP: stored values with corrupted bytes.  Text and binary input validate
-- every byte (test/hostile_input.sql); a value already stored is trusted
-- only as far as its header and size checks go (state.h: stored_ok), and a
-- damaged disk page or a superuser's hand can change any byte of it.  Every
-- function of the extension that reads a value of a type must then refuse
-- it cleanly (XX001 "corrupted ... value", or another error), never crash
-- or read outside the value.  skpi_test_raw (src/support_kpi.c) gives the
-- in-memory bytes of a value and makes a value of any bytes, as a superuser
-- can declare any C symbol.
--
-- Each sample value of each type (test/samples.psql) is corrupted by
-- setting each of its first 48 bytes and its last 16 to 0x00, 0x7F, 0x80
-- and 0xFF, and by cutting it short or lengthening it; every one-argument
-- function of the type, its text output and its binary send read it.
\set schema stored_corruption
\ir helpers.psql

SELECT plan(5);

\ir samples.psql

DO $$
DECLARE t regtype;
BEGIN
	FOR t IN SELECT typ FROM ext_types LOOP
		EXECUTE format('CREATE FUNCTION raw_bytes(%s) RETURNS bytea AS %L, %L LANGUAGE C STRICT',
			t, 'support_kpi', 'skpi_test_raw');
		EXECUTE format('CREATE FUNCTION %I(bytea) RETURNS %s AS %L, %L LANGUAGE C STRICT',
			'raw_' || t::text, t, 'support_kpi', 'skpi_test_raw');
	END LOOP;
END $$;

-- the readers of each type: its text output, its binary send, and every
-- function of the extension whose one argument is of the type
CREATE TABLE readers AS
SELECT x.typ, format('(%s)::text', '$1') AS expr FROM ext_types x
UNION ALL SELECT x.typ, format('%s($1)::text', x.send_fn) FROM ext_types x
UNION ALL
SELECT x.typ, format('%s($1)::text', p.oid::regproc)
FROM ext_types x
JOIN pg_proc p ON p.pronargs = 1 AND p.proargtypes[0] = x.typ
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'support_kpi'
WHERE p.prokind = 'f' AND p.oid <> x.send_fn
-- and rollup() over the damaged value and the intact one, whose running
-- state starts as the damaged value
UNION ALL
SELECT x.typ, '(SELECT rollup(r.x)::text FROM (VALUES ($1), ($2)) r(x))'
FROM ext_types x
WHERE EXISTS (SELECT FROM pg_proc p WHERE p.proname = 'rollup' AND p.proargtypes[0] = x.typ);

-- the in-memory bytes of a sample
CREATE FUNCTION raw_bytes_of(typ regtype, txt text) RETURNS bytea LANGUAGE plpgsql AS $$
DECLARE b bytea;
BEGIN
	EXECUTE format('SELECT raw_bytes(%L::%s)', txt, typ) INTO b;
	RETURN b;
END $$;

-- the corrupted values
CREATE TABLE originals AS SELECT typ, txt, raw_bytes_of(typ, txt) AS b FROM samples;
CREATE TABLE corrupted AS
SELECT typ, txt, format('byte %s = %s', p, v) AS how, set_byte(b, p, v) AS b, b AS intact
FROM originals o,
	LATERAL (SELECT generate_series(0, least(length(o.b), 48) - 1) UNION
			 SELECT generate_series(greatest(length(o.b) - 16, 0), length(o.b) - 1)) g(p),
	unnest(ARRAY[0, 127, 128, 255]) v
WHERE get_byte(b, p) <> v
UNION ALL
SELECT typ, txt, format('cut to %s bytes', n), substr(b, 1, n), b
FROM originals o, unnest(ARRAY[0, 1, 5, 6, 7, 8, length(o.b) / 2, length(o.b) - 8, length(o.b) - 1]) n
WHERE n >= 0 AND n < length(b)
UNION ALL
SELECT typ, txt, 'lengthened by 8 bytes', b || '\x0000000000000000'::bytea, b FROM originals;

-- every reader on every corrupted value: the SQLSTATE, or NULL when it read
-- the value without an error
CREATE TABLE outcomes (typ regtype, txt text, how text, expr text, state text, msg text);
DO $$
DECLARE c record; r record; v text; st text; msg text;
BEGIN
	FOR c IN SELECT * FROM corrupted LOOP
		FOR r IN SELECT expr FROM readers WHERE typ = c.typ LOOP
			BEGIN
				EXECUTE format('SELECT %s FROM (SELECT %I($1) AS v, %I($2) AS w) q',
					replace(replace(r.expr, '$1', 'q.v'), '$2', 'q.w'),
					'raw_' || c.typ::text, 'raw_' || c.typ::text) INTO v USING c.b, c.intact;
				INSERT INTO outcomes VALUES (c.typ, c.txt, c.how, r.expr, NULL, NULL);
			EXCEPTION WHEN OTHERS THEN
				GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
				INSERT INTO outcomes VALUES (c.typ, c.txt, c.how, r.expr, st, msg);
			END;
		END LOOP;
	END LOOP;
END $$;

CREATE FUNCTION text_of_raw(typ regtype, b bytea) RETURNS text LANGUAGE plpgsql AS $$
DECLARE t text;
BEGIN
	EXECUTE format('SELECT %I($1)::text', 'raw_' || typ::text) INTO t USING b;
	RETURN t;
END $$;

-- 1. the harness: an unchanged value read back from its bytes is the same value
SELECT is((SELECT count(*) FROM originals WHERE text_of_raw(typ, b) IS DISTINCT FROM txt), 0::bigint,
	'every sample read back from its in-memory bytes is the same value');

-- 2. every type was corrupted and read, by every reader
SELECT ok((SELECT count(DISTINCT typ) FROM outcomes) = (SELECT count(*) FROM ext_types)
		AND (SELECT count(*) FROM outcomes) > 20000
		AND (SELECT count(*) FROM outcomes WHERE state = 'XX001') > 5000,
	format('every type corrupted and read: %s reads of %s corrupted values by %s readers, %s refused as corrupted',
		(SELECT count(*) FROM outcomes), (SELECT count(*) FROM corrupted), (SELECT count(*) FROM readers),
		(SELECT count(*) FROM outcomes WHERE state = 'XX001')));

-- 3. refused cleanly: corrupted (XX001), a data exception (class 22) or a
-- limit (class 54); never an internal error
SELECT is((SELECT string_agg(DISTINCT format('%s %s: %s %s', typ, expr, state, msg), '; ')
		FROM outcomes WHERE state IS NOT NULL AND state <> 'XX001' AND state !~ '^(22|54)'), NULL,
	'every error on a corrupted value is XX001, a data exception or a limit');

-- 4. a damaged format version byte is refused by every reader of every type
SELECT is((SELECT string_agg(DISTINCT format('%s %s: %s', typ, expr, coalesce(state, 'read')), '; ')
		FROM outcomes WHERE how ~ '^byte 0 = ' AND state IS DISTINCT FROM 'XX001'), NULL,
	'a value whose version byte is damaged is refused as corrupted by every reader');

-- 5. a stored duration_values whose first percentile left 0..1 (byte 43 is
-- the top byte of pct[0]: 0x80 turns 0.1 into -0.1, 0x7F makes it ~1e306)
-- is refused, not used to index the values (a crash before 1.3); so is a
-- NaN (0xFF) where the result is not an array (NaN stands for a NULL element
-- of a percentile array)
SELECT is((SELECT string_agg(DISTINCT format('%s %s: %s', how, expr, coalesce(state, 'read')), '; ')
		FROM outcomes
		WHERE typ = 'duration_values'::regtype AND txt ~ '"percentiles":\[0\.[15]'
			AND (how IN ('byte 43 = 128', 'byte 43 = 127') OR (how = 'byte 43 = 255' AND txt ~ '"array":false'))
			AND state IS DISTINCT FROM 'XX001'), NULL,
	'a stored duration_values with a percentile outside 0..1 is refused as corrupted');

SELECT * FROM finish();
DROP SCHEMA :"schema" CASCADE;
