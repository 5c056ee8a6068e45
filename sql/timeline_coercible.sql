--
-- contact_timeline's transition functions read the kind argument as the type
-- of their SQL signature (enum OID, text or contact_event), whatever type the
-- call site passes.  Any role may CREATE AGGREGATE over these functions with
-- argument types binary-coercible to theirs (varchar or a domain over text
-- for the text kind, a domain over the enum or over contact_event): the text
-- datums were read as enum OIDs (22P03 "invalid internal value for enum"
-- with a pointer's bits, or a wrong kind when those bits matched an enum
-- label's OID).
--
SET timezone = 'UTC';
SET client_min_messages = warning;
DROP ROLE IF EXISTS tl_coercible_user;
RESET client_min_messages;
CREATE ROLE tl_coercible_user;
DO $$ BEGIN EXECUTE format('GRANT USAGE ON SCHEMA %I TO tl_coercible_user',
	(SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'support_kpi')); END $$;
-- not a superuser: the objects below are its own, in its temporary schema
SET ROLE tl_coercible_user;
CREATE TEMP TABLE tlc (contact int, kind text, at timestamptz, party contact_party, operator_id text);
INSERT INTO tlc VALUES
	(1, 'offered', '2026-03-02 09:00', NULL, NULL),
	(1, 'customer_message', '2026-03-02 09:00:10', NULL, NULL),
	(1, 'assigned', '2026-03-02 09:00:30', 'system', 'anna'),
	(1, 'operator_message', '2026-03-02 09:01', 'operator', 'anna'),
	(1, 'resolved', '2026-03-02 09:05', NULL, NULL),
	(2, 'answered', '2026-03-02 10:00', NULL, NULL),
	(2, 'hold_start', '2026-03-02 10:01', NULL, NULL),
	(2, 'hold_end', '2026-03-02 10:02', NULL, NULL),
	(2, 'ended', '2026-03-02 10:03', NULL, NULL);
CREATE DOMAIN pg_temp.kind_text AS text;
CREATE DOMAIN pg_temp.kind_enum AS contact_event_kind;
CREATE DOMAIN pg_temp.event_row AS contact_event;
CREATE AGGREGATE pg_temp.tl_varchar(varchar, timestamptz) (
	SFUNC = contact_timeline_accum, STYPE = contact_timeline_state, FINALFUNC = contact_timeline_final);
CREATE AGGREGATE pg_temp.tl_varchar(varchar, timestamptz, contact_party, varchar) (
	SFUNC = contact_timeline_accum, STYPE = contact_timeline_state, FINALFUNC = contact_timeline_final,
	MSFUNC = contact_timeline_accum, MINVFUNC = contact_timeline_retract, MSTYPE = contact_timeline_state,
	MFINALFUNC = contact_timeline_final);
CREATE AGGREGATE pg_temp.tl_domain(pg_temp.kind_text, timestamptz) (
	SFUNC = contact_timeline_accum, STYPE = contact_timeline_state, FINALFUNC = contact_timeline_final,
	COMBINEFUNC = contact_timeline_combine);
CREATE AGGREGATE pg_temp.tl_enum(pg_temp.kind_enum, timestamptz) (
	SFUNC = contact_timeline_accum, STYPE = contact_timeline_state, FINALFUNC = contact_timeline_final);
CREATE AGGREGATE pg_temp.tl_row(pg_temp.event_row) (
	SFUNC = contact_timeline_accum, STYPE = contact_timeline_state, FINALFUNC = contact_timeline_final);
-- each equals contact_timeline() of the extension
SELECT contact,
	pg_temp.tl_varchar(kind::varchar, at)::text = contact_timeline(kind, at)::text AS by_varchar,
	pg_temp.tl_varchar(kind::varchar, at, party, operator_id::varchar)::text
		= contact_timeline(kind, at, party, operator_id)::text AS by_varchar_4,
	pg_temp.tl_domain(kind::pg_temp.kind_text, at)::text = contact_timeline(kind, at)::text AS by_domain,
	pg_temp.tl_enum(kind::contact_event_kind::pg_temp.kind_enum, at)::text = contact_timeline(kind, at)::text AS by_enum_domain,
	pg_temp.tl_row(ROW(kind::contact_event_kind, at, party, operator_id)::contact_event::pg_temp.event_row)::text
		= contact_timeline(kind, at, party, operator_id)::text AS by_row_domain,
	time_to_resolution(pg_temp.tl_domain(kind::pg_temp.kind_text, at)) AS resolution,
	hold_time(pg_temp.tl_varchar(kind::varchar, at)) AS hold
FROM tlc GROUP BY contact ORDER BY contact;
-- the inverse transition too (a moving frame)
SELECT contact, at, event_count(pg_temp.tl_varchar(kind::varchar, at, party, operator_id::varchar)
	OVER (PARTITION BY contact ORDER BY at ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)) AS events,
	operator_count(pg_temp.tl_varchar(kind::varchar, at, party, operator_id::varchar)
	OVER (PARTITION BY contact ORDER BY at ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)) AS operators
FROM tlc ORDER BY contact, at;
-- an unknown text kind is the text kinds' error, whatever the argument's type
SELECT pg_temp.tl_varchar('called', '2026-03-02 09:00');
SELECT pg_temp.tl_domain('called', '2026-03-02 09:00');
RESET ROLE;
DROP OWNED BY tl_coercible_user;
DROP ROLE tl_coercible_user;
