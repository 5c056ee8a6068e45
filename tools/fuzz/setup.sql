-- tools/fuzz/setup.sql -- the database sqlsmith fuzzes (tools/checks/sqlsmith.sh,
-- make fuzz).  Run in a fresh database as a superuser, with psql -v ON_ERROR_STOP=1.
--
-- 1. the extension and small sample tables whose columns have every type of the
--    extension (each state type, the timeline types, the calendar, the enums and
--    the composite event) and the plain types its functions take (timestamptz,
--    interval, double precision, double precision[], integer, boolean, text),
--    with ordinary and extreme values: NULLs, zeros, negatives, NaN, +-Infinity,
--    huge counters near the bigint limit, empty and different-scale states;
-- 2. a shadow catalog, schema fuzz_catalog, that makes sqlsmith call OUR functions:
--    sqlsmith reads the functions it may call with an unqualified "FROM pg_proc".
--    A materialized view fuzz_catalog.pg_proc (materialized views are not listed
--    in information_schema.tables, so sqlsmith never queries it as a table)
--    holds only the extension's functions and aggregates plus a few built-ins
--    that make or bend their argument types; the database's search_path puts
--    fuzz_catalog before pg_catalog.  Generated queries qualify every function
--    and table, so the shadow only steers the choice.  The extension's window
--    functions are listed as aggregates: sqlsmith calls aggregates with OVER.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS support_kpi;
SET search_path = public;
SET TimeZone = 'UTC';

-- ---------------------------------------------------------------------------
-- raw rows: one contact per row (queue, handling, survey scores, flags)
-- ---------------------------------------------------------------------------
CREATE TABLE contacts (
    id          integer,
    team        text,
    offered_at  timestamptz,
    answered_at timestamptz,
    ended_at    timestamptz,
    wait        interval,
    talk        interval,
    hold        interval,
    wait_s      double precision,
    talk_s      double precision,
    threshold_s double precision,
    answered    boolean,
    transferred boolean,
    score       integer,
    score5      integer,
    scale_max   integer,
    policy      text,
    pct         double precision,
    pcts        double precision[]
);

INSERT INTO contacts
SELECT i,
       (ARRAY['anna', 'boris', NULL, ''])[1 + i % 4],
       '2026-03-02 09:00+00'::timestamptz + i * interval '7 min 13 s',
       CASE WHEN i % 3 <> 0 THEN '2026-03-02 09:00+00'::timestamptz + i * interval '7 min 13 s' + (i % 7) * interval '11 s' END,
       '2026-03-02 09:00+00'::timestamptz + i * interval '7 min 13 s' + (i % 5) * interval '3 min',
       (i % 9) * interval '13 s',
       (i % 11) * interval '1 min 7 s',
       (i % 4) * interval '20 s',
       (i % 9) * 13.5,
       (i % 11) * 67.25,
       (ARRAY[20, 30, 0, 60])[1 + i % 4],
       i % 3 <> 0,
       i % 5 = 0,
       i % 11,                          -- 0 .. 10 (NPS)
       1 + i % 5,                       -- 1 .. 5 (CES, CSAT)
       (ARRAY[5, 7, 10])[1 + i % 3],
       'ignore_early',                  -- one policy: rows of several cannot be mixed
       (ARRAY[0.5, 0.9, 0, 1, 0.95])[1 + i % 5],
       (ARRAY['{0.5,0.9}', '{0.5}', '{}', '{0,1}', '{0.25,NULL}'])[1 + i % 5]::double precision[]
FROM generate_series(1, 24) i;

-- the edges, one per row, in a table of their own: a value that makes every
-- aggregate over the table fail would hide the ordinary rows from all of them
CREATE TABLE contacts_edge (LIKE contacts);
INSERT INTO contacts_edge (id, team, offered_at, answered_at, ended_at, wait, talk, hold, wait_s, talk_s,
                      threshold_s, answered, transferred, score, score5, scale_max, policy, pct, pcts) VALUES
    (100, 'edge', '-infinity', 'infinity', 'infinity', '-1 s', '178000000 years', '-178000000 years',
     'NaN', 'Infinity', '-Infinity', true, NULL, 2147483647, 6, 2147483647, '', 'NaN', '{NaN,Infinity}'),
    (101, 'edge', '4714-11-24 00:00:00+00 BC', '294276-12-31 23:59:59+00', NULL, '0', '1 microsecond', NULL,
     '-0', '1e308', '5e-324', false, true, -2147483648, -2147483648, 0, NULL, -1, '{-1,2}'),
    (102, 'edge', NULL, NULL, '2026-03-02 09:00+00', '-178000000 years', NULL, '1 mon',
     -1, -1e308, 1e-300, NULL, false, NULL, 0, -1, 'against', 1.5, NULL),
    (103, NULL, '2026-03-29 01:59:59.999999+00', '2026-03-29 01:59:59.999999+00', '2026-03-29 01:59:59.999999+00',
     '1 day', '1 mon', '1 year', 86400, 1e15, 1e15, true, true, 11, 5, 10, 'success', 0.999999, '{1,1,1}');

-- ---------------------------------------------------------------------------
-- event log for contact timelines
-- ---------------------------------------------------------------------------
CREATE TABLE events (
    contact     integer,
    kind        contact_event_kind,
    kind_text   text,
    at          timestamptz,
    party       contact_party,
    operator_id text,
    ev          contact_event
);

INSERT INTO events (contact, kind, at, party, operator_id)
SELECT c, k, '2026-03-02 09:00+00'::timestamptz + c * interval '1 hour' + n * interval '45 s',
       CASE WHEN n % 4 = 3 AND k::text NOT LIKE '%message' THEN 'system'::contact_party END,
       CASE WHEN k::text LIKE 'operator%' OR k = 'assigned' THEN 'op' || (c % 3) END
FROM generate_series(1, 6) c,
     LATERAL unnest(enum_range(NULL::contact_event_kind)) WITH ORDINALITY AS u(k, n)
WHERE (c + n) % 3 <> 0 OR k IN ('customer_message', 'operator_message');

INSERT INTO events (contact, kind, at, party, operator_id) VALUES
    (7, 'customer_message', '2026-03-02 09:00+00', 'customer', NULL),
    (7, 'operator_message', '2026-03-02 09:00+00', 'operator', repeat('x', 300)),
    (7, 'reopened', '2026-03-02 09:00+00', 'bot', '');

-- events no timeline accepts (infinite time, a message from the wrong party, an unknown text kind)
CREATE TABLE events_edge (LIKE events);
INSERT INTO events_edge (contact, kind, at, party, operator_id) VALUES
    (8, 'resolved', 'infinity', NULL, NULL),
    (8, NULL, '2026-03-02 09:00+00', NULL, NULL),
    (9, 'bot_message', '2026-03-02 09:00+00', 'customer', NULL);

UPDATE events SET kind_text = kind::text, ev = ROW(kind, at, party, operator_id)::contact_event;
UPDATE events_edge SET kind_text = COALESCE(kind::text, 'no such kind'),
                       ev = ROW(kind, at, party, operator_id)::contact_event;
UPDATE events_edge SET kind_text = 'Customer_Message' WHERE contact = 9;

-- ---------------------------------------------------------------------------
-- stored states (two-step use): ordinary, empty, different parameters, huge
-- ---------------------------------------------------------------------------
CREATE TABLE states (
    team     text,
    nps      nps_state,
    ces      ces_state,
    csat     csat_state,
    share    share_state,
    queue    queue_state,
    handle   handle_state,
    occ      occupancy_state,
    sketch   duration_sketch,
    vals     duration_values,
    tl       contact_timeline,
    tls      contact_timeline_state,
    cal      business_calendar,
    at       timestamptz,
    secs     double precision,
    within   interval,
    p        double precision,
    ps       double precision[]
);

INSERT INTO states (team, nps, ces, csat, share, queue, handle, occ, sketch, at, secs, within, p, ps)
SELECT team,
       nps_agg(score) FILTER (WHERE score BETWEEN 0 AND 10),
       ces_agg(score, 7) FILTER (WHERE score BETWEEN 1 AND 7),
       csat_agg(score5),
       share_agg(transferred),
       queue_agg(wait_s, answered, 20),
       handle_agg(talk_s),
       occupancy_agg(talk_s, 3600.0),
       duration_agg(wait_s),
       min(offered_at), max(talk_s), max(wait), max(pct), max(pcts)
FROM contacts WHERE id < 100 GROUP BY team;

-- the edges, in a table of their own (as contacts_edge): different scales and
-- policies (a rollup over them fails), counters at the bigint limit (a combine
-- must report 22003, not wrap), NaN and negative plain values
CREATE TABLE states_edge (LIKE states);
-- NULL-only group
INSERT INTO states (team, nps, ces, csat, share, queue, handle, occ, sketch)
SELECT 'empty', nps_agg(NULL::int), ces_agg(NULL::int), csat_agg(NULL::int), share_agg(NULL::boolean),
       queue_agg(NULL::double precision, NULL, 20), handle_agg(NULL::double precision),
       occupancy_agg(NULL::double precision, NULL), duration_agg(NULL::double precision);
INSERT INTO states_edge (team, ces, csat, queue)
SELECT 'scales', ces_agg(s % 5 + 1, 5), csat_agg(s % 10 + 1, 10),
       queue_agg(s * 1.0, s % 2 = 0, 30.0, 5.0, 'ignore_early')
FROM generate_series(1, 20) s;

INSERT INTO states_edge (team, nps, ces, csat, share, queue, handle, occ, sketch, vals, tls, cal, secs, p, ps) VALUES
('huge',
 '{"version":1,"kind":"nps","scale":[0,10],"counts":[9223372036854775807,0,0,0,0,0,0,0,0,0,9223372036854775807]}',
 '{"version":1,"kind":"ces","scale":[1,7],"counts":[9223372036854775807,1,0,0,0,0,9223372036854775807]}',
 '{"version":1,"kind":"csat","scale":[1,5],"counts":[9223372036854775807,0,0,0,9223372036854775807]}',
 '{"version":1,"kind":"share","hits":9223372036854775807,"total":9223372036854775807}',
 NULL, NULL, NULL, NULL,
 '{"version":1,"percentiles":[0.5,0.9],"array":true,"values":[1e9,0,5e-324,0.000001,1e9]}',
 NULL,
 'Europe/Berlin; Mon-Sun 00:00-24:00; holidays 2026-03-29',
 1.7976931348623157e308, 1, '{0,1}'),
('cal',
 NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
 'UTC; Mon 00:00-24:00', -86400, 'NaN', '{NaN}');
INSERT INTO states (team, nps, ces, csat, share, queue, handle, occ, sketch, vals, tls, cal, secs, p, ps) VALUES
('one',
 '{"version":1,"kind":"nps","scale":[0,10],"counts":[0,0,0,0,0,0,0,0,0,0,1]}',
 '{"version":1,"kind":"ces","scale":[1,7],"counts":[0,0,0,0,1,0,0]}',
 '{"version":1,"kind":"csat","scale":[1,5],"counts":[1,0,0,0,0]}',
 '{"version":1,"kind":"share","hits":0,"total":1}',
 NULL, NULL, NULL, NULL,
 '{"version":1,"percentiles":[0],"array":false,"values":[]}',
 '{"version":1,"events":[["2026-03-02 09:00:00+00","customer_message","customer",null]]}',
 'UTC', 0, 0, '{}'),
('cal',
 NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
 '{"version":1,"percentiles":[1],"array":false,"values":[240,1200,21600]}',
 '{"version":1,"events":[["2026-03-02 09:00:00+00","offered","system",null],["2026-03-02 09:01:00+00","assigned","system","op1"],["2026-03-02 09:02:00+00","operator_message","operator","op1"]]}',
 'America/New_York; Sat-Sun 22:00-06:00; Mon 06:00-18:00, 18:00-06:00; 2026-03-11 01:00-04:00; holidays 2026-11-01..2026-11-03',
 3600, 0.9, '{0.9}');

UPDATE states_edge s SET queue = q.queue, handle = q.handle, occ = q.occ, sketch = q.sketch
FROM (SELECT queue_agg(9.2e9::double precision, true, 1e6::double precision) AS queue,
             handle_agg(9.2e9::double precision) AS handle,
             occupancy_agg(9.2e9::double precision, 9.2e9::double precision) AS occ,
             duration_agg(v) AS sketch
      FROM (VALUES (1e-6), (9.2e9), (0), (1e9), (3.3)) v(v)) q
WHERE s.team = 'huge';

UPDATE states s SET tl = t.tl
FROM (SELECT contact, contact_timeline(kind, at, party, operator_id) AS tl
      FROM events WHERE contact <= 7 GROUP BY contact) t,
     (SELECT ctid AS row_id, row_number() OVER (ORDER BY team) AS rn FROM states) r
WHERE r.row_id = s.ctid AND t.contact = r.rn % 7 + 1;

-- ---------------------------------------------------------------------------
-- texts: the text forms of every value above, and bent copies of them
-- (truncated, a digit made huge, a key doubled), for the types' input functions
-- ---------------------------------------------------------------------------
CREATE TABLE texts (t text, n integer, d double precision);
INSERT INTO texts (t)
SELECT DISTINCT v FROM (
    SELECT unnest(ARRAY[nps::text, ces::text, csat::text, share::text, queue::text, handle::text,
                        occ::text, sketch::text, vals::text, tl::text, tls::text, cal::text]) AS v
    FROM (SELECT * FROM states UNION ALL SELECT * FROM states_edge) u) s
WHERE v IS NOT NULL;
INSERT INTO texts (t)
SELECT left(t, length(t) / 2) FROM texts
UNION ALL SELECT regexp_replace(t, '[0-9]+', '99999999999999999999', 'g') FROM texts
UNION ALL SELECT regexp_replace(t, '"version":1', '"version":2') FROM texts
UNION ALL SELECT regexp_replace(t, ',', ',,') FROM texts
UNION ALL SELECT regexp_replace(t, '[0-9]', '-1') FROM texts;
INSERT INTO texts (t) VALUES
    (''), ('{}'), ('{'), ('null'), ('NaN'), ('Infinity'), ('-Infinity'), ('-0'), ('1e308'), ('1e309'),
    ('offered'), ('customer_message'), ('Europe/Berlin'), ('UTC; Mon 25:00-26:00'), ('Mars/Olympus; Mon 09:00-17:00'),
    ('UTC; Mon-Fri 09:00-17:00; holidays 2026-02-30'), (repeat('{"version":1,', 200)), (repeat('9', 400)),
    (E'\\x00'), ('against'), ('ignore_early'), ('favour'), ('answered_only'), ('{"version":1,"kind":"nps"}');
UPDATE texts SET n = length(t), d = length(t) / 7.0;

ANALYZE;

-- ---------------------------------------------------------------------------
-- the shadow catalog
-- ---------------------------------------------------------------------------
CREATE SCHEMA fuzz_catalog;
CREATE MATERIALIZED VIEW fuzz_catalog.pg_proc AS
SELECT p.oid, p.proname, p.pronamespace, p.proowner, p.prolang, p.procost, p.prorows, p.provariadic,
       p.prosupport,
       CASE WHEN p.prokind = 'w' THEN 'a'::"char" ELSE p.prokind END AS prokind,
       p.prosecdef, p.proleakproof, p.proisstrict, p.proretset, p.provolatile, p.proparallel,
       p.pronargs, p.pronargdefaults, p.prorettype, p.proargtypes
FROM pg_catalog.pg_proc p
WHERE p.oid IN (SELECT d.objid FROM pg_catalog.pg_depend d
                WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.deptype = 'e'
                  AND d.refclassid = 'pg_catalog.pg_extension'::regclass
                  AND d.refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'support_kpi'))
   OR p.oid IN (
        -- text <-> cstring, so that text columns reach the types' input functions
        'pg_catalog.textout(text)'::regprocedure, 'pg_catalog.textin(cstring)'::regprocedure,
        -- values of the argument types, bent
        'pg_catalog.float8(integer)'::regprocedure, 'pg_catalog.int4(double precision)'::regprocedure,
        'pg_catalog.float8in(cstring)'::regprocedure, 'pg_catalog.int4in(cstring)'::regprocedure,
        'pg_catalog.random()'::regprocedure, 'pg_catalog.pi()'::regprocedure,
        'pg_catalog.now()'::regprocedure, 'pg_catalog.clock_timestamp()'::regprocedure,
        'pg_catalog.to_timestamp(double precision)'::regprocedure,
        'pg_catalog.date_trunc(text,timestamp with time zone)'::regprocedure,
        'pg_catalog.make_interval(integer,integer,integer,integer,integer,integer,double precision)'::regprocedure,
        'pg_catalog.justify_interval(interval)'::regprocedure,
        'pg_catalog.date_part(text,interval)'::regprocedure,
        'pg_catalog.substr(text,integer,integer)'::regprocedure, 'pg_catalog.repeat(text,integer)'::regprocedure,
        'pg_catalog.replace(text,text,text)'::regprocedure, 'pg_catalog.reverse(text)'::regprocedure,
        'pg_catalog.length(text)'::regprocedure, 'pg_catalog.textcat(text,text)'::regprocedure,
        'pg_catalog.abs(integer)'::regprocedure, 'pg_catalog.abs(double precision)'::regprocedure,
        'pg_catalog.trunc(double precision)'::regprocedure,
        'pg_catalog.float8(numeric)'::regprocedure, 'pg_catalog.int4(bigint)'::regprocedure,
        'pg_catalog.array_length(anyarray,integer)'::regprocedure,
        'pg_catalog.count()'::regprocedure, 'pg_catalog.max(double precision)'::regprocedure)
WITH DATA;
-- sqlsmith reads it once per function: never with parallel workers, even in
-- the parallel phase (zero parallel costs)
ALTER MATERIALIZED VIEW fuzz_catalog.pg_proc SET (parallel_workers = 0);
GRANT USAGE ON SCHEMA fuzz_catalog TO PUBLIC;
GRANT SELECT ON fuzz_catalog.pg_proc TO PUBLIC;

DO $$
BEGIN
    EXECUTE format('ALTER DATABASE %I SET search_path = fuzz_catalog, pg_catalog, public', current_database());
END
$$;
