/* support_kpi--1.3.sql: the whole extension support_kpi, version 1.3 */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION support_kpi" to load this file. \quit

-- support_kpi: contact-centre and support KPIs as mergeable aggregates.
--
-- CREATE EXTENSION support_kpi runs this script alone.  Installations of
-- 1.0, 1.1 and 1.2 reach the same objects, definitions and comments through
-- the update scripts (support_kpi--1.0--1.1.sql, --1.1--1.3.sql,
-- --1.2--1.3.sql), which sql/upgrade.sql compares with a fresh install.
-- 1.2 is withdrawn as a target (its script, support_kpi--1.1--1.2.sql, is
-- not installed).
--
-- The KPI families, one section each, in this order:
--
--      section             KPIs                                    state types
--   1  Customer voice      nps, ces, csat (survey scores)          nps_state, ces_state,
--                                                                  csat_state
--   2  Rates               share_pct, transfer_rate,               share_state
--                          containment_rate, fcr_rate,
--                          resolution_rate, reopen_rate; window
--                          functions repeat_contact,
--                          is_repeat_contact
--   3  Queue               sl_pct, abandon_rate, asa               queue_state
--   4  Handling            aht, occupancy                          handle_state,
--                                                                  occupancy_state
--   5  Exact durations     resolution_time (exact percentiles)     duration_values
--   6  Duration sketch     duration_agg, resolution_time_agg       duration_sketch
--                          (percentiles within 0.5 %)
--   7  Business calendars  business_seconds, business_add,         business_calendar
--                          is_business_time                        (a value)
--   8  Contact timelines   contact_timeline (event logs to         contact_timeline_state;
--                          per-contact timings), its accessors,    contact_timeline (a value);
--                          window function sessionize              enums contact_event_kind,
--                                                                  contact_party; composite
--                                                                  contact_event
--   9  Staffing            Erlang C: erlang_c_pw, erlang_c_sl,     none (plain functions)
--                          erlang_c_asa, erlang_c_occupancy,
--                          erlang_c_agents, and the _pct forms
--                          of all but erlang_c_asa
--   10 Rollup              rollup(state) for each mergeable state type (eight;
--                          13 adds two)
--   11 Demo data           generate_demo_contacts, generate_demo_events, their helpers
--   12 Sources             create_asterisk_views,                  none (plpgsql: views)
--                          create_chatwoot_views,
--                          create_zammad_views, their checks
--   13 Operator time       agent_time (status logs split at        agent_time_state,
--                          bucket edges), occupancy, utilisation,  agent_time_log_state;
--                          shrinkage, adherence, conformance;      concurrency_state,
--                          concurrency, adjusted_handle_seconds,   concurrency_log_state
--                          max_concurrency; the demo's status
--                          log, schedule and chats (13.3)
--
-- State types.  Each KPI family aggregates into a state type of its own, so
-- that a stored state can never be read as another's: score counters (one
-- bigint per point of the scale), named bigint counters (share, queue,
-- handle, occupancy), every value (duration_values), logarithmic buckets
-- (duration_sketch) or the events of one contact (contact_timeline_state).
-- Every base type of the extension starts with a format version, has a
-- JSON-like text form that its input function reads back (::text, pg_dump,
-- Citus) and a binary form (COPY BINARY, the binary protocol), and
-- validates every value read from outside.
--
-- The KPIs come one-shot (nps(score) -> numeric) and two-step:
-- nps_agg(score) returns the state to store, rollup(state) merges states
-- exactly, and accessors (nps(state), responses(state), ...) read them.
-- Figures counted elsewhere (a telephony system's daily export) become a
-- state through its constructor, a function named after the type
-- (share_state(hits, total), nps_state(counts bigint[]), ...) that checks
-- them as the type's text input does; such states roll up with the rest.
-- The exact resolution_time alone has no two-step form (its state is as
-- big as its rows): duration_agg is its two-step counterpart.  Every
-- aggregate has a combine function (parallel plans), a moving transition
-- with an inverse (window frames) and READ_ONLY final functions
-- (sql/install.sql checks it).  Every function is PARALLEL SAFE, none is
-- SECURITY DEFINER or VOLATILE; all are IMMUTABLE except the text input of
-- the two timeline types (STABLE, as timestamptz input is) and the demo
-- generators (STABLE).  Units: percentages are numeric on a 0..100 scale,
-- durations double precision seconds (exact microseconds inside the
-- states); confidence levels and percentiles are fractions 0..1, as
-- percentile_cont takes them; the Erlang C functions give and take
-- fractions 0..1 as the model is published, their _pct forms percentages
-- 0..100 as the rest of the API.
--
-- Install safety.  Every SQL-language body names only pg_catalog objects,
-- schema-qualified with exact argument types (OPERATOR(pg_catalog.*),
-- pg_catalog.make_interval, typed literals), or @extschema@ objects with
-- exact argument types: a body is bound when this script runs, and an
-- implicit cast would let an exact-type overload planted beforehand in the
-- target schema or in public win (see support_kpi--1.2--1.3.sql;
-- sql/security_capture.sql checks it).  The one PL/pgSQL function pins its
-- search_path (pg_catalog, pg_temp) and calls @extschema@ functions with
-- exact argument types too.  The other functions are in C (MODULE_PATHNAME)
-- or are aggregates.
--
-- Order of this file.  One section per family, in the order of the table
-- above; a family with several state types has one part per type.  Within
-- a part: the shell type, its I/O functions, the type; the support
-- functions (transitions, moving transitions, inverses, combine and
-- uncombine, final functions); the constructor; the accessors; the
-- aggregates.  The accessors come before the aggregates because several of
-- them are also an aggregate's final function (nps(nps_state) ends
-- nps(score)); in any case an object comes after every object it
-- references.  Each object is followed by its COMMENT ON; a base type's
-- follows its full definition, not its shell (they are one object).  Every
-- object has a comment.
--
-- The CREATE AGGREGATE blocks (79) are written out, one per aggregate, all
-- in one layout: the same options on the same lines in the same order
--     SFUNC, STYPE / FINALFUNC, FINALFUNC_MODIFY / COMBINEFUNC /
--     MSFUNC, MINVFUNC / MSTYPE / MFINALFUNC, MFINALFUNC_MODIFY / PARALLEL
-- (a line is left out when an aggregate has no such option), so that the
-- blocks of a family read as a table and differ only where the aggregates
-- differ.  They are not generated from a table: a generator would add a
-- build step and a second source of truth for what CREATE EXTENSION runs,
-- while this file is what a reviewer reads, what grep finds and what the
-- upgrade test compares with.


-- =======================================================================
-- 1. Customer voice: NPS, CES, CSAT
--
-- Survey scores (integer) counted per point of the scale in a score state
-- (one bigint counter per point: 0..10 for NPS, 1..scale_max for CES and
-- CSAT, scale_max 3..100, 7 for CES and 5 for CSAT by default).  A score off
-- the scale is an error (22003), a NULL score is skipped.
-- =======================================================================

-- 1.1 NPS: nps_state, scores 0..10 ---------------------------------------
CREATE TYPE @extschema@.nps_state;
CREATE FUNCTION @extschema@.nps_state_in(cstring) RETURNS @extschema@.nps_state
	AS 'MODULE_PATHNAME', 'skpi_nps_state_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_state_in(cstring) IS 'text input of nps_state: {"version":1,"kind":"nps","scale":[0,10],"counts":[c0,...,c10]}; validated';
CREATE FUNCTION @extschema@.nps_state_out(@extschema@.nps_state) RETURNS cstring
	AS 'MODULE_PATHNAME', 'skpi_nps_state_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_state_out(@extschema@.nps_state) IS 'text output of nps_state (the form nps_state_in reads)';
CREATE FUNCTION @extschema@.nps_state_recv(internal) RETURNS @extschema@.nps_state
	AS 'MODULE_PATHNAME', 'skpi_nps_state_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_state_recv(internal) IS 'binary input of nps_state (COPY BINARY, binary protocol): uint8 version, uint8 kind, int16 scale_min, int16 scale_max, one int64 count per point; validated';
CREATE FUNCTION @extschema@.nps_state_send(@extschema@.nps_state) RETURNS bytea
	AS 'MODULE_PATHNAME', 'skpi_nps_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_state_send(@extschema@.nps_state) IS 'binary output of nps_state (the form nps_state_recv reads)';
CREATE TYPE @extschema@.nps_state (
	INPUT = @extschema@.nps_state_in, OUTPUT = @extschema@.nps_state_out,
	RECEIVE = @extschema@.nps_state_recv, SEND = @extschema@.nps_state_send,
	INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = plain);
COMMENT ON TYPE @extschema@.nps_state IS 'NPS responses counted per score 0..10; mergeable with rollup()';

CREATE FUNCTION @extschema@.nps_state_accum(@extschema@.nps_state, integer) RETURNS @extschema@.nps_state
	AS 'MODULE_PATHNAME', 'skpi_nps_state_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_state_accum(@extschema@.nps_state, integer) IS 'transition of nps(score) and nps_agg(score): counts the score (NULL skipped); refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.nps_state_maccum(@extschema@.nps_state, integer) RETURNS @extschema@.nps_state
	AS 'MODULE_PATHNAME', 'skpi_nps_state_maccum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_state_maccum(@extschema@.nps_state, integer) IS 'moving-aggregate transition of nps(score) and nps_agg(score) over window frames: as nps_state_accum, but never returns NULL';
CREATE FUNCTION @extschema@.nps_state_retract(@extschema@.nps_state, integer) RETURNS @extschema@.nps_state
	AS 'MODULE_PATHNAME', 'skpi_nps_state_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_state_retract(@extschema@.nps_state, integer) IS 'inverse transition of nps(score) and nps_agg(score): uncounts the score of a row leaving the window frame (NULL: recompute the frame)';
CREATE FUNCTION @extschema@.nps_state_combine(@extschema@.nps_state, @extschema@.nps_state) RETURNS @extschema@.nps_state
	AS 'MODULE_PATHNAME', 'skpi_nps_state_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_state_combine(@extschema@.nps_state, @extschema@.nps_state) IS 'merges two nps_state values (parallel combine, rollup()): counters added; called directly it returns a new state';
CREATE FUNCTION @extschema@.nps_state_uncombine(@extschema@.nps_state, @extschema@.nps_state) RETURNS @extschema@.nps_state
	AS 'MODULE_PATHNAME', 'skpi_nps_state_uncombine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_state_uncombine(@extschema@.nps_state, @extschema@.nps_state) IS 'inverse of nps_state_combine (rollup() over window frames): the counters of the second state subtracted from the first';
CREATE FUNCTION @extschema@.nps_state_nonempty(@extschema@.nps_state) RETURNS @extschema@.nps_state
	AS 'MODULE_PATHNAME', 'skpi_nps_state_nonempty' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_state_nonempty(@extschema@.nps_state) IS 'final function of nps_agg() over window frames: the state, or NULL when it holds no response';

CREATE FUNCTION @extschema@.nps_state(counts bigint[]) RETURNS @extschema@.nps_state
	AS 'MODULE_PATHNAME', 'skpi_nps_state' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_state(bigint[]) IS 'the nps_state of responses counted elsewhere: counts[1..11] the responses of scores 0..10, checked as its text input (negative count 22003); a NULL array or element 22004, not 11 counts from subscript 1 in one dimension 2202E';

CREATE FUNCTION @extschema@.nps(@extschema@.nps_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_nps' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps(@extschema@.nps_state) IS 'NPS of the state: (promoters 9-10 - detractors 0-6) * 100 / responses, numeric -100..100; NULL without responses';
CREATE FUNCTION @extschema@.promoters_pct(@extschema@.nps_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_promoters_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.promoters_pct(@extschema@.nps_state) IS 'responses 9-10 * 100 / responses, numeric 0..100; NULL without responses';
CREATE FUNCTION @extschema@.passives_pct(@extschema@.nps_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_passives_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.passives_pct(@extschema@.nps_state) IS 'responses 7-8 * 100 / responses, numeric 0..100; NULL without responses';
CREATE FUNCTION @extschema@.detractors_pct(@extschema@.nps_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_detractors_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.detractors_pct(@extschema@.nps_state) IS 'responses 0-6 * 100 / responses, numeric 0..100; NULL without responses';
CREATE FUNCTION @extschema@.nps_stderr(@extschema@.nps_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_nps_stderr' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_stderr(@extschema@.nps_state) IS 'standard error of the NPS, in NPS points: 100 * sqrt((p + d - (p - d)^2) / n), p and d the promoter and detractor shares';
CREATE FUNCTION @extschema@.nps_ci_lower(state @extschema@.nps_state, level double precision DEFAULT 0.95) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_nps_ci_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_ci_lower(@extschema@.nps_state, double precision) IS 'lower bound of the normal-approximation confidence interval of the NPS at level (default 0.95): NPS - z * stderr, clamped to -100';
CREATE FUNCTION @extschema@.nps_ci_upper(state @extschema@.nps_state, level double precision DEFAULT 0.95) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_nps_ci_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_ci_upper(@extschema@.nps_state, double precision) IS 'upper bound of the normal-approximation confidence interval of the NPS at level (default 0.95): NPS + z * stderr, clamped to 100';
CREATE FUNCTION @extschema@.responses(@extschema@.nps_state) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_responses_nps' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.responses(@extschema@.nps_state) IS 'number of responses (non-NULL scores) in the state';
CREATE FUNCTION @extschema@.score_counts(@extschema@.nps_state) RETURNS bigint[]
	AS 'MODULE_PATHNAME', 'skpi_score_counts_nps' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.score_counts(@extschema@.nps_state) IS 'the 11 counters of the state, for the scores 0..10';

CREATE AGGREGATE @extschema@.nps(score integer) (
	SFUNC = @extschema@.nps_state_accum, STYPE = @extschema@.nps_state,
	FINALFUNC = @extschema@.nps, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.nps_state_combine,
	MSFUNC = @extschema@.nps_state_maccum, MINVFUNC = @extschema@.nps_state_retract,
	MSTYPE = @extschema@.nps_state,
	MFINALFUNC = @extschema@.nps, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps(integer) IS 'Net Promoter Score of scores 0..10: (promoters 9-10 - detractors 0-6) * 100 / responses, numeric -100..100; NULL scores ignored, NULL without any';
CREATE AGGREGATE @extschema@.nps_agg(score integer) (
	SFUNC = @extschema@.nps_state_accum, STYPE = @extschema@.nps_state,
	COMBINEFUNC = @extschema@.nps_state_combine,
	MSFUNC = @extschema@.nps_state_maccum, MINVFUNC = @extschema@.nps_state_retract,
	MSTYPE = @extschema@.nps_state,
	MFINALFUNC = @extschema@.nps_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps_agg(integer) IS 'two-step NPS: the nps_state of scores 0..10 (NULL scores ignored; NULL without any), to store, merge with rollup() and read with the accessors';

-- 1.2 CES: ces_state, scores 1..scale_max (default 7) --------------------
CREATE TYPE @extschema@.ces_state;
CREATE FUNCTION @extschema@.ces_state_in(cstring) RETURNS @extschema@.ces_state
	AS 'MODULE_PATHNAME', 'skpi_ces_state_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_state_in(cstring) IS 'text input of ces_state: {"version":1,"kind":"ces","scale":[1,M],"counts":[c1,...,cM]}; validated';
CREATE FUNCTION @extschema@.ces_state_out(@extschema@.ces_state) RETURNS cstring
	AS 'MODULE_PATHNAME', 'skpi_ces_state_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_state_out(@extschema@.ces_state) IS 'text output of ces_state (the form ces_state_in reads)';
CREATE FUNCTION @extschema@.ces_state_recv(internal) RETURNS @extschema@.ces_state
	AS 'MODULE_PATHNAME', 'skpi_ces_state_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_state_recv(internal) IS 'binary input of ces_state (COPY BINARY, binary protocol): uint8 version, uint8 kind, int16 scale_min, int16 scale_max, one int64 count per point; validated';
CREATE FUNCTION @extschema@.ces_state_send(@extschema@.ces_state) RETURNS bytea
	AS 'MODULE_PATHNAME', 'skpi_ces_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_state_send(@extschema@.ces_state) IS 'binary output of ces_state (the form ces_state_recv reads)';
CREATE TYPE @extschema@.ces_state (
	INPUT = @extschema@.ces_state_in, OUTPUT = @extschema@.ces_state_out,
	RECEIVE = @extschema@.ces_state_recv, SEND = @extschema@.ces_state_send,
	INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = plain);
COMMENT ON TYPE @extschema@.ces_state IS 'CES responses counted per score 1..scale_max; mergeable with rollup()';

CREATE FUNCTION @extschema@.ces_state_accum(@extschema@.ces_state, integer) RETURNS @extschema@.ces_state
	AS 'MODULE_PATHNAME', 'skpi_ces_state_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_state_accum(@extschema@.ces_state, integer) IS 'transition of ces(score) and ces_agg(score): counts the score (NULL skipped); refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.ces_state_maccum(@extschema@.ces_state, integer) RETURNS @extschema@.ces_state
	AS 'MODULE_PATHNAME', 'skpi_ces_state_maccum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_state_maccum(@extschema@.ces_state, integer) IS 'moving-aggregate transition of ces(score) and ces_agg(score) over window frames: as ces_state_accum, but never returns NULL';
CREATE FUNCTION @extschema@.ces_state_accum(@extschema@.ces_state, integer, integer) RETURNS @extschema@.ces_state
	AS 'MODULE_PATHNAME', 'skpi_ces_state_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_state_accum(@extschema@.ces_state, integer, integer) IS 'transition of ces(score, scale_max) and ces_agg(score, scale_max): counts the score on the scale 1..scale_max (NULL skipped); refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.ces_state_maccum(@extschema@.ces_state, integer, integer) RETURNS @extschema@.ces_state
	AS 'MODULE_PATHNAME', 'skpi_ces_state_maccum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_state_maccum(@extschema@.ces_state, integer, integer) IS 'moving-aggregate transition of ces(score, scale_max) and ces_agg(score, scale_max) over window frames: as ces_state_accum, but never returns NULL';
CREATE FUNCTION @extschema@.ces_state_retract(@extschema@.ces_state, integer) RETURNS @extschema@.ces_state
	AS 'MODULE_PATHNAME', 'skpi_ces_state_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_state_retract(@extschema@.ces_state, integer) IS 'inverse transition of ces(score) and ces_agg(score): uncounts the score of a row leaving the window frame (NULL: recompute the frame)';
CREATE FUNCTION @extschema@.ces_state_retract(@extschema@.ces_state, integer, integer) RETURNS @extschema@.ces_state
	AS 'MODULE_PATHNAME', 'skpi_ces_state_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_state_retract(@extschema@.ces_state, integer, integer) IS 'inverse transition of ces(score, scale_max) and ces_agg(score, scale_max): uncounts the score of a row leaving the window frame (NULL: recompute the frame)';
CREATE FUNCTION @extschema@.ces_state_combine(@extschema@.ces_state, @extschema@.ces_state) RETURNS @extschema@.ces_state
	AS 'MODULE_PATHNAME', 'skpi_ces_state_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_state_combine(@extschema@.ces_state, @extschema@.ces_state) IS 'merges two ces_state values (parallel combine, rollup()): counters added; states of different scales are an error; called directly it returns a new state';
CREATE FUNCTION @extschema@.ces_state_uncombine(@extschema@.ces_state, @extschema@.ces_state) RETURNS @extschema@.ces_state
	AS 'MODULE_PATHNAME', 'skpi_ces_state_uncombine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_state_uncombine(@extschema@.ces_state, @extschema@.ces_state) IS 'inverse of ces_state_combine (rollup() over window frames): the counters of the second state subtracted from the first';
CREATE FUNCTION @extschema@.ces_state_nonempty(@extschema@.ces_state) RETURNS @extschema@.ces_state
	AS 'MODULE_PATHNAME', 'skpi_ces_state_nonempty' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_state_nonempty(@extschema@.ces_state) IS 'final function of ces_agg() over window frames: the state, or NULL when it holds no response';

CREATE FUNCTION @extschema@.ces_state(counts bigint[]) RETURNS @extschema@.ces_state
	AS 'MODULE_PATHNAME', 'skpi_ces_state' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_state(bigint[]) IS 'the ces_state of responses counted elsewhere: counts[1..M] the responses of scores 1..M, the scale_max M the array length (3..100, else 22023), checked as its text input (negative count 22003); a NULL array or element 22004, not from subscript 1 in one dimension 2202E';

CREATE FUNCTION @extschema@.ces(@extschema@.ces_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_ces' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces(@extschema@.ces_state) IS 'CES of the state: the mean score, numeric 1..scale_max; NULL without responses';
CREATE FUNCTION @extschema@.ces_easy_pct(@extschema@.ces_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_ces_easy_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_easy_pct(@extschema@.ces_state) IS 'responses in the top two points (6-7 of 7, 4-5 of 5) * 100 / responses, numeric 0..100; NULL without responses';
CREATE FUNCTION @extschema@.ces_difficult_pct(@extschema@.ces_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_ces_difficult_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_difficult_pct(@extschema@.ces_state) IS 'responses below the midpoint, points 1..floor(scale_max / 2) (1-3 of 7), * 100 / responses, numeric 0..100; NULL without responses';
CREATE FUNCTION @extschema@.ces_index(@extschema@.ces_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_ces_index' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_index(@extschema@.ces_state) IS 'ces_easy_pct - ces_difficult_pct, numeric -100..100; NULL without responses';
CREATE FUNCTION @extschema@.responses(@extschema@.ces_state) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_responses_ces' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.responses(@extschema@.ces_state) IS 'number of responses (non-NULL scores) in the state';
CREATE FUNCTION @extschema@.score_counts(@extschema@.ces_state) RETURNS bigint[]
	AS 'MODULE_PATHNAME', 'skpi_score_counts_ces' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.score_counts(@extschema@.ces_state) IS 'the counters of the state, one per point 1..scale_max';

CREATE AGGREGATE @extschema@.ces(score integer) (
	SFUNC = @extschema@.ces_state_accum, STYPE = @extschema@.ces_state,
	FINALFUNC = @extschema@.ces, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.ces_state_combine,
	MSFUNC = @extschema@.ces_state_maccum, MINVFUNC = @extschema@.ces_state_retract,
	MSTYPE = @extschema@.ces_state,
	MFINALFUNC = @extschema@.ces, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.ces(integer) IS 'Customer Effort Score of scores 1..7: the mean score, numeric; NULL scores ignored, NULL without any';
CREATE AGGREGATE @extschema@.ces(score integer, scale_max integer) (
	SFUNC = @extschema@.ces_state_accum, STYPE = @extschema@.ces_state,
	FINALFUNC = @extschema@.ces, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.ces_state_combine,
	MSFUNC = @extschema@.ces_state_maccum, MINVFUNC = @extschema@.ces_state_retract,
	MSTYPE = @extschema@.ces_state,
	MFINALFUNC = @extschema@.ces, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.ces(integer, integer) IS 'Customer Effort Score of scores 1..scale_max (3..100, the same on every row): the mean score, numeric; NULL scores ignored, NULL without any';
CREATE AGGREGATE @extschema@.ces_agg(score integer) (
	SFUNC = @extschema@.ces_state_accum, STYPE = @extschema@.ces_state,
	COMBINEFUNC = @extschema@.ces_state_combine,
	MSFUNC = @extschema@.ces_state_maccum, MINVFUNC = @extschema@.ces_state_retract,
	MSTYPE = @extschema@.ces_state,
	MFINALFUNC = @extschema@.ces_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.ces_agg(integer) IS 'two-step CES: the ces_state of scores 1..7 (NULL scores ignored; NULL without any)';
CREATE AGGREGATE @extschema@.ces_agg(score integer, scale_max integer) (
	SFUNC = @extschema@.ces_state_accum, STYPE = @extschema@.ces_state,
	COMBINEFUNC = @extschema@.ces_state_combine,
	MSFUNC = @extschema@.ces_state_maccum, MINVFUNC = @extschema@.ces_state_retract,
	MSTYPE = @extschema@.ces_state,
	MFINALFUNC = @extschema@.ces_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.ces_agg(integer, integer) IS 'two-step CES: the ces_state of scores 1..scale_max (3..100, the same on every row; NULL scores ignored, NULL without any)';

-- 1.3 CSAT: csat_state, scores 1..scale_max (default 5) ------------------
CREATE TYPE @extschema@.csat_state;
CREATE FUNCTION @extschema@.csat_state_in(cstring) RETURNS @extschema@.csat_state
	AS 'MODULE_PATHNAME', 'skpi_csat_state_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_state_in(cstring) IS 'text input of csat_state: {"version":1,"kind":"csat","scale":[1,M],"counts":[c1,...,cM]}; validated';
CREATE FUNCTION @extschema@.csat_state_out(@extschema@.csat_state) RETURNS cstring
	AS 'MODULE_PATHNAME', 'skpi_csat_state_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_state_out(@extschema@.csat_state) IS 'text output of csat_state (the form csat_state_in reads)';
CREATE FUNCTION @extschema@.csat_state_recv(internal) RETURNS @extschema@.csat_state
	AS 'MODULE_PATHNAME', 'skpi_csat_state_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_state_recv(internal) IS 'binary input of csat_state (COPY BINARY, binary protocol): uint8 version, uint8 kind, int16 scale_min, int16 scale_max, one int64 count per point; validated';
CREATE FUNCTION @extschema@.csat_state_send(@extschema@.csat_state) RETURNS bytea
	AS 'MODULE_PATHNAME', 'skpi_csat_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_state_send(@extschema@.csat_state) IS 'binary output of csat_state (the form csat_state_recv reads)';
CREATE TYPE @extschema@.csat_state (
	INPUT = @extschema@.csat_state_in, OUTPUT = @extschema@.csat_state_out,
	RECEIVE = @extschema@.csat_state_recv, SEND = @extschema@.csat_state_send,
	INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = plain);
COMMENT ON TYPE @extschema@.csat_state IS 'CSAT responses counted per score 1..scale_max; mergeable with rollup()';

CREATE FUNCTION @extschema@.csat_state_accum(@extschema@.csat_state, integer) RETURNS @extschema@.csat_state
	AS 'MODULE_PATHNAME', 'skpi_csat_state_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_state_accum(@extschema@.csat_state, integer) IS 'transition of csat(score) and csat_agg(score): counts the score (NULL skipped); refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.csat_state_maccum(@extschema@.csat_state, integer) RETURNS @extschema@.csat_state
	AS 'MODULE_PATHNAME', 'skpi_csat_state_maccum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_state_maccum(@extschema@.csat_state, integer) IS 'moving-aggregate transition of csat(score) and csat_agg(score) over window frames: as csat_state_accum, but never returns NULL';
CREATE FUNCTION @extschema@.csat_state_accum(@extschema@.csat_state, integer, integer) RETURNS @extschema@.csat_state
	AS 'MODULE_PATHNAME', 'skpi_csat_state_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_state_accum(@extschema@.csat_state, integer, integer) IS 'transition of csat(score, scale_max) and csat_agg(score, scale_max): counts the score on the scale 1..scale_max (NULL skipped); refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.csat_state_maccum(@extschema@.csat_state, integer, integer) RETURNS @extschema@.csat_state
	AS 'MODULE_PATHNAME', 'skpi_csat_state_maccum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_state_maccum(@extschema@.csat_state, integer, integer) IS 'moving-aggregate transition of csat(score, scale_max) and csat_agg(score, scale_max) over window frames: as csat_state_accum, but never returns NULL';
CREATE FUNCTION @extschema@.csat_state_retract(@extschema@.csat_state, integer) RETURNS @extschema@.csat_state
	AS 'MODULE_PATHNAME', 'skpi_csat_state_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_state_retract(@extschema@.csat_state, integer) IS 'inverse transition of csat(score) and csat_agg(score): uncounts the score of a row leaving the window frame (NULL: recompute the frame)';
CREATE FUNCTION @extschema@.csat_state_retract(@extschema@.csat_state, integer, integer) RETURNS @extschema@.csat_state
	AS 'MODULE_PATHNAME', 'skpi_csat_state_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_state_retract(@extschema@.csat_state, integer, integer) IS 'inverse transition of csat(score, scale_max) and csat_agg(score, scale_max): uncounts the score of a row leaving the window frame (NULL: recompute the frame)';
CREATE FUNCTION @extschema@.csat_state_combine(@extschema@.csat_state, @extschema@.csat_state) RETURNS @extschema@.csat_state
	AS 'MODULE_PATHNAME', 'skpi_csat_state_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_state_combine(@extschema@.csat_state, @extschema@.csat_state) IS 'merges two csat_state values (parallel combine, rollup()): counters added; states of different scales are an error; called directly it returns a new state';
CREATE FUNCTION @extschema@.csat_state_uncombine(@extschema@.csat_state, @extschema@.csat_state) RETURNS @extschema@.csat_state
	AS 'MODULE_PATHNAME', 'skpi_csat_state_uncombine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_state_uncombine(@extschema@.csat_state, @extschema@.csat_state) IS 'inverse of csat_state_combine (rollup() over window frames): the counters of the second state subtracted from the first';
CREATE FUNCTION @extschema@.csat_state_nonempty(@extschema@.csat_state) RETURNS @extschema@.csat_state
	AS 'MODULE_PATHNAME', 'skpi_csat_state_nonempty' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_state_nonempty(@extschema@.csat_state) IS 'final function of csat_agg() over window frames: the state, or NULL when it holds no response';

CREATE FUNCTION @extschema@.csat_state(counts bigint[]) RETURNS @extschema@.csat_state
	AS 'MODULE_PATHNAME', 'skpi_csat_state' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_state(bigint[]) IS 'the csat_state of responses counted elsewhere: counts[1..M] the responses of scores 1..M, the scale_max M the array length (3..100, else 22023), checked as its text input (negative count 22003); a NULL array or element 22004, not from subscript 1 in one dimension 2202E';

CREATE FUNCTION @extschema@.csat(@extschema@.csat_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_csat' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat(@extschema@.csat_state) IS 'CSAT of the state: responses in the top two points * 100 / responses, numeric 0..100; NULL without responses';
CREATE FUNCTION @extschema@.csat_mean(@extschema@.csat_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_csat_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_mean(@extschema@.csat_state) IS 'mean rating of the state, numeric 1..scale_max; NULL without responses';
CREATE FUNCTION @extschema@.csat_ci_lower(state @extschema@.csat_state, level double precision DEFAULT 0.95) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_csat_ci_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_ci_lower(@extschema@.csat_state, double precision) IS 'lower bound of the Wilson score interval of the CSAT share at level (default 0.95), numeric 0..100';
CREATE FUNCTION @extschema@.csat_ci_upper(state @extschema@.csat_state, level double precision DEFAULT 0.95) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_csat_ci_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_ci_upper(@extschema@.csat_state, double precision) IS 'upper bound of the Wilson score interval of the CSAT share at level (default 0.95), numeric 0..100';
CREATE FUNCTION @extschema@.responses(@extschema@.csat_state) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_responses_csat' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.responses(@extschema@.csat_state) IS 'number of responses (non-NULL scores) in the state';
CREATE FUNCTION @extschema@.score_counts(@extschema@.csat_state) RETURNS bigint[]
	AS 'MODULE_PATHNAME', 'skpi_score_counts_csat' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.score_counts(@extschema@.csat_state) IS 'the counters of the state, one per point 1..scale_max';

CREATE AGGREGATE @extschema@.csat(score integer) (
	SFUNC = @extschema@.csat_state_accum, STYPE = @extschema@.csat_state,
	FINALFUNC = @extschema@.csat, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.csat_state_combine,
	MSFUNC = @extschema@.csat_state_maccum, MINVFUNC = @extschema@.csat_state_retract,
	MSTYPE = @extschema@.csat_state,
	MFINALFUNC = @extschema@.csat, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.csat(integer) IS 'Customer Satisfaction of scores 1..5: responses 4-5 * 100 / responses, numeric 0..100; NULL scores ignored, NULL without any';
CREATE AGGREGATE @extschema@.csat(score integer, scale_max integer) (
	SFUNC = @extschema@.csat_state_accum, STYPE = @extschema@.csat_state,
	FINALFUNC = @extschema@.csat, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.csat_state_combine,
	MSFUNC = @extschema@.csat_state_maccum, MINVFUNC = @extschema@.csat_state_retract,
	MSTYPE = @extschema@.csat_state,
	MFINALFUNC = @extschema@.csat, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.csat(integer, integer) IS 'Customer Satisfaction of scores 1..scale_max (3..100, the same on every row): responses in the top two points * 100 / responses, numeric 0..100';
CREATE AGGREGATE @extschema@.csat_agg(score integer) (
	SFUNC = @extschema@.csat_state_accum, STYPE = @extschema@.csat_state,
	COMBINEFUNC = @extschema@.csat_state_combine,
	MSFUNC = @extschema@.csat_state_maccum, MINVFUNC = @extschema@.csat_state_retract,
	MSTYPE = @extschema@.csat_state,
	MFINALFUNC = @extschema@.csat_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.csat_agg(integer) IS 'two-step CSAT: the csat_state of scores 1..5 (NULL scores ignored; NULL without any)';
CREATE AGGREGATE @extschema@.csat_agg(score integer, scale_max integer) (
	SFUNC = @extschema@.csat_state_accum, STYPE = @extschema@.csat_state,
	COMBINEFUNC = @extschema@.csat_state_combine,
	MSFUNC = @extschema@.csat_state_maccum, MINVFUNC = @extschema@.csat_state_retract,
	MSTYPE = @extschema@.csat_state,
	MFINALFUNC = @extschema@.csat_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.csat_agg(integer, integer) IS 'two-step CSAT: the csat_state of scores 1..scale_max (3..100, the same on every row; NULL scores ignored, NULL without any)';


-- =======================================================================
-- 2. Rates on a boolean: share_pct and the named rates, on share_state
--
-- Rows where the flag is true * 100 / rows where it is not NULL.  The named
-- rates (transfer_rate, containment_rate, fcr_rate, resolution_rate,
-- reopen_rate) compute the same figure as share_pct, so that a report says
-- what it measures; share_agg is the two-step form of all of them.  The
-- window functions repeat_contact and is_repeat_contact give the flags of
-- the repeat-window FCR (fcr_rate of NOT repeat_contact(...), in a subquery).
-- =======================================================================

CREATE TYPE @extschema@.share_state;
CREATE FUNCTION @extschema@.share_state_in(cstring) RETURNS @extschema@.share_state
	AS 'MODULE_PATHNAME', 'skpi_share_state_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.share_state_in(cstring) IS 'text input of share_state: {"version":1,"kind":"share","hits":h,"total":t}; validated';
CREATE FUNCTION @extschema@.share_state_out(@extschema@.share_state) RETURNS cstring
	AS 'MODULE_PATHNAME', 'skpi_share_state_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.share_state_out(@extschema@.share_state) IS 'text output of share_state (the form share_state_in reads)';
CREATE FUNCTION @extschema@.share_state_recv(internal) RETURNS @extschema@.share_state
	AS 'MODULE_PATHNAME', 'skpi_share_state_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.share_state_recv(internal) IS 'binary input of share_state (COPY BINARY, binary protocol): uint8 version, uint8 kind, uint8 parameter, uint8 number of counters, then the counters as int64; validated';
CREATE FUNCTION @extschema@.share_state_send(@extschema@.share_state) RETURNS bytea
	AS 'MODULE_PATHNAME', 'skpi_share_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.share_state_send(@extschema@.share_state) IS 'binary output of share_state (the form share_state_recv reads)';
CREATE TYPE @extschema@.share_state (
	INPUT = @extschema@.share_state_in, OUTPUT = @extschema@.share_state_out,
	RECEIVE = @extschema@.share_state_recv, SEND = @extschema@.share_state_send,
	INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = plain);
COMMENT ON TYPE @extschema@.share_state IS 'true / non-NULL counts of a boolean; mergeable with rollup()';

CREATE FUNCTION @extschema@.share_state_accum(@extschema@.share_state, boolean) RETURNS @extschema@.share_state
	AS 'MODULE_PATHNAME', 'skpi_share_state_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.share_state_accum(@extschema@.share_state, boolean) IS 'transition of the share_state aggregates (share_pct, the named rates, share_agg): total + 1, and hits + 1 for true (NULL skipped); refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.share_state_maccum(@extschema@.share_state, boolean) RETURNS @extschema@.share_state
	AS 'MODULE_PATHNAME', 'skpi_share_state_maccum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.share_state_maccum(@extschema@.share_state, boolean) IS 'moving-aggregate transition of the share_state aggregates over window frames: as share_state_accum, but never returns NULL';
CREATE FUNCTION @extschema@.share_state_retract(@extschema@.share_state, boolean) RETURNS @extschema@.share_state
	AS 'MODULE_PATHNAME', 'skpi_share_state_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.share_state_retract(@extschema@.share_state, boolean) IS 'inverse transition of the share_state aggregates: total - 1, and hits - 1 for true, for a row leaving the window frame (NULL: recompute the frame)';
CREATE FUNCTION @extschema@.share_state_combine(@extschema@.share_state, @extschema@.share_state) RETURNS @extschema@.share_state
	AS 'MODULE_PATHNAME', 'skpi_share_state_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.share_state_combine(@extschema@.share_state, @extschema@.share_state) IS 'merges two share_state values (parallel combine, rollup()): hits and total added; called directly it returns a new state';
CREATE FUNCTION @extschema@.share_state_uncombine(@extschema@.share_state, @extschema@.share_state) RETURNS @extschema@.share_state
	AS 'MODULE_PATHNAME', 'skpi_share_state_uncombine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.share_state_uncombine(@extschema@.share_state, @extschema@.share_state) IS 'inverse of share_state_combine (rollup() over window frames): the hits and total of the second state subtracted from the first';
CREATE FUNCTION @extschema@.share_state_nonempty(@extschema@.share_state) RETURNS @extschema@.share_state
	AS 'MODULE_PATHNAME', 'skpi_share_state_nonempty' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.share_state_nonempty(@extschema@.share_state) IS 'final function of share_agg() over window frames: the state, or NULL when it holds no flag';

CREATE FUNCTION @extschema@.share_state(hits bigint, total bigint) RETURNS @extschema@.share_state
	AS 'MODULE_PATHNAME', 'skpi_share_state' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.share_state(bigint, bigint) IS 'the share_state of figures counted elsewhere: hits of total, checked as its text input (a negative count, hits above total: 22003); a NULL argument is an error (22004)';

CREATE FUNCTION @extschema@.share_pct(@extschema@.share_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_share_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.share_pct(@extschema@.share_state) IS 'hits * 100 / total, numeric 0..100; NULL when total is 0';
CREATE FUNCTION @extschema@.share_hits(@extschema@.share_state) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_share_hits' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.share_hits(@extschema@.share_state) IS 'hits: the true flags counted';
CREATE FUNCTION @extschema@.share_total(@extschema@.share_state) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_share_total' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.share_total(@extschema@.share_state) IS 'total: the non-NULL flags counted';
CREATE FUNCTION @extschema@.share_ci_lower(state @extschema@.share_state, level double precision DEFAULT 0.95) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_share_ci_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.share_ci_lower(@extschema@.share_state, double precision) IS 'lower bound of the Wilson score interval of share_pct at level (default 0.95), numeric 0..100';
CREATE FUNCTION @extschema@.share_ci_upper(state @extschema@.share_state, level double precision DEFAULT 0.95) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_share_ci_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.share_ci_upper(@extschema@.share_state, double precision) IS 'upper bound of the Wilson score interval of share_pct at level (default 0.95), numeric 0..100';

CREATE AGGREGATE @extschema@.share_pct(flag boolean) (
	SFUNC = @extschema@.share_state_accum, STYPE = @extschema@.share_state,
	FINALFUNC = @extschema@.share_pct, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.share_state_combine,
	MSFUNC = @extschema@.share_state_maccum, MINVFUNC = @extschema@.share_state_retract,
	MSTYPE = @extschema@.share_state,
	MFINALFUNC = @extschema@.share_pct, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.share_pct(boolean) IS 'share of true flags: true * 100 / non-NULL, numeric 0..100; NULL flags ignored, NULL without any';
CREATE AGGREGATE @extschema@.transfer_rate(transferred boolean) (
	SFUNC = @extschema@.share_state_accum, STYPE = @extschema@.share_state,
	FINALFUNC = @extschema@.share_pct, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.share_state_combine,
	MSFUNC = @extschema@.share_state_maccum, MINVFUNC = @extschema@.share_state_retract,
	MSTYPE = @extschema@.share_state,
	MFINALFUNC = @extschema@.share_pct, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.transfer_rate(boolean) IS 'transfer rate: contacts transferred * 100 / contacts with a non-NULL flag, numeric 0..100 (share_pct under its name)';
CREATE AGGREGATE @extschema@.containment_rate(contained boolean) (
	SFUNC = @extschema@.share_state_accum, STYPE = @extschema@.share_state,
	FINALFUNC = @extschema@.share_pct, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.share_state_combine,
	MSFUNC = @extschema@.share_state_maccum, MINVFUNC = @extschema@.share_state_retract,
	MSTYPE = @extschema@.share_state,
	MFINALFUNC = @extschema@.share_pct, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.containment_rate(boolean) IS 'containment rate: contacts closed by the bot * 100 / contacts with a non-NULL flag (give it the contacts that started with the bot), numeric 0..100';
CREATE AGGREGATE @extschema@.fcr_rate(resolved_first_contact boolean) (
	SFUNC = @extschema@.share_state_accum, STYPE = @extschema@.share_state,
	FINALFUNC = @extschema@.share_pct, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.share_state_combine,
	MSFUNC = @extschema@.share_state_maccum, MINVFUNC = @extschema@.share_state_retract,
	MSTYPE = @extschema@.share_state,
	MFINALFUNC = @extschema@.share_pct, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.fcr_rate(boolean) IS 'first contact resolution rate: contacts resolved at first contact * 100 / contacts with a non-NULL flag, numeric 0..100';
CREATE AGGREGATE @extschema@.resolution_rate(resolved boolean) (
	SFUNC = @extschema@.share_state_accum, STYPE = @extschema@.share_state,
	FINALFUNC = @extschema@.share_pct, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.share_state_combine,
	MSFUNC = @extschema@.share_state_maccum, MINVFUNC = @extschema@.share_state_retract,
	MSTYPE = @extschema@.share_state,
	MFINALFUNC = @extschema@.share_pct, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.resolution_rate(boolean) IS 'resolution rate: contacts resolved * 100 / contacts with a non-NULL flag, numeric 0..100';
CREATE AGGREGATE @extschema@.reopen_rate(reopened boolean) (
	SFUNC = @extschema@.share_state_accum, STYPE = @extschema@.share_state,
	FINALFUNC = @extschema@.share_pct, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.share_state_combine,
	MSFUNC = @extschema@.share_state_maccum, MINVFUNC = @extschema@.share_state_retract,
	MSTYPE = @extschema@.share_state,
	MFINALFUNC = @extschema@.share_pct, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.reopen_rate(boolean) IS 'reopen rate: contacts reopened * 100 / contacts with a non-NULL flag, numeric 0..100';
CREATE AGGREGATE @extschema@.share_agg(flag boolean) (
	SFUNC = @extschema@.share_state_accum, STYPE = @extschema@.share_state,
	COMBINEFUNC = @extschema@.share_state_combine,
	MSFUNC = @extschema@.share_state_maccum, MINVFUNC = @extschema@.share_state_retract,
	MSTYPE = @extschema@.share_state,
	MFINALFUNC = @extschema@.share_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.share_agg(boolean) IS 'two-step share: the share_state (hits, total) of the flags (NULL flags ignored; NULL without any), read by share_pct(state)';

-- 2.1 Repeat contacts: window functions over a customer's contacts -------
CREATE FUNCTION @extschema@.repeat_contact(contacted_at timestamptz, within interval) RETURNS boolean
	AS 'MODULE_PATHNAME', 'skpi_repeat_contact' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.repeat_contact(timestamptz, interval) IS 'window function: the same customer contacts again within the interval after this contact';
CREATE FUNCTION @extschema@.is_repeat_contact(contacted_at timestamptz, within interval) RETURNS boolean
	AS 'MODULE_PATHNAME', 'skpi_is_repeat_contact' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_repeat_contact(timestamptz, interval) IS 'window function: this contact comes within the interval after the same customer''s previous one';


-- =======================================================================
-- 3. Queue: service level, abandon rate, speed of answer, on queue_state
--
-- Counters answered, answered_within, abandoned, abandoned_within,
-- short_abandoned and answered_wait_us (the sum of the answered waits in
-- microseconds), and the service-level policy (against, ignore_early,
-- favour, answered_only).  Waits come as intervals, as seconds (double
-- precision) or as offered_at and answered_at (a NULL answered_at is an
-- abandon); sl_pct and queue_agg take a threshold, abandon_rate and asa
-- none (their transitions are the *_nothreshold ones).
-- =======================================================================

CREATE TYPE @extschema@.queue_state;
CREATE FUNCTION @extschema@.queue_state_in(cstring) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_in(cstring) IS 'text input of queue_state: {"version":1,"kind":"queue","policy":...,"answered":...,"answered_within":...,"abandoned":...,"abandoned_within":...,"short_abandoned":...,"answered_wait_us":...}; validated';
CREATE FUNCTION @extschema@.queue_state_out(@extschema@.queue_state) RETURNS cstring
	AS 'MODULE_PATHNAME', 'skpi_queue_state_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_out(@extschema@.queue_state) IS 'text output of queue_state (the form queue_state_in reads)';
CREATE FUNCTION @extschema@.queue_state_recv(internal) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_recv(internal) IS 'binary input of queue_state (COPY BINARY, binary protocol): uint8 version, uint8 kind, uint8 parameter, uint8 number of counters, then the counters as int64; validated';
CREATE FUNCTION @extschema@.queue_state_send(@extschema@.queue_state) RETURNS bytea
	AS 'MODULE_PATHNAME', 'skpi_queue_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_send(@extschema@.queue_state) IS 'binary output of queue_state (the form queue_state_recv reads)';
CREATE TYPE @extschema@.queue_state (
	INPUT = @extschema@.queue_state_in, OUTPUT = @extschema@.queue_state_out,
	RECEIVE = @extschema@.queue_state_recv, SEND = @extschema@.queue_state_send,
	INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = plain);
COMMENT ON TYPE @extschema@.queue_state IS 'queue counters (answered / abandoned within and after the threshold, waits); mergeable with rollup()';

CREATE FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, interval, boolean, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_accum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, interval, boolean, interval) IS 'transition of sl_pct and queue_agg for (wait interval, answered, threshold): counts the contact, answered (within the threshold or not) or abandoned, and its wait; refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, interval, boolean, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_maccum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, interval, boolean, interval) IS 'moving-aggregate transition of sl_pct and queue_agg for (wait interval, answered, threshold) over window frames: as queue_state_accum, but never returns NULL';
CREATE FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, interval, boolean, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_retract_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, interval, boolean, interval) IS 'inverse transition of sl_pct and queue_agg for (wait interval, answered, threshold): uncounts the contact for a row leaving the window frame (NULL: recompute the frame)';
CREATE FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, interval, boolean, interval, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_accum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, interval, boolean, interval, interval) IS 'transition of sl_pct and queue_agg for (wait interval, answered, threshold, short_abandon): counts the contact, answered (within the threshold or not) or abandoned, and its wait; refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, interval, boolean, interval, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_maccum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, interval, boolean, interval, interval) IS 'moving-aggregate transition of sl_pct and queue_agg for (wait interval, answered, threshold, short_abandon) over window frames: as queue_state_accum, but never returns NULL';
CREATE FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, interval, boolean, interval, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_retract_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, interval, boolean, interval, interval) IS 'inverse transition of sl_pct and queue_agg for (wait interval, answered, threshold, short_abandon): uncounts the contact for a row leaving the window frame (NULL: recompute the frame)';
CREATE FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, interval, boolean, interval, interval, text) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_accum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, interval, boolean, interval, interval, text) IS 'transition of sl_pct and queue_agg for (wait interval, answered, threshold, short_abandon, policy): counts the contact, answered (within the threshold or not) or abandoned, and its wait; refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, interval, boolean, interval, interval, text) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_maccum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, interval, boolean, interval, interval, text) IS 'moving-aggregate transition of sl_pct and queue_agg for (wait interval, answered, threshold, short_abandon, policy) over window frames: as queue_state_accum, but never returns NULL';
CREATE FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, interval, boolean, interval, interval, text) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_retract_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, interval, boolean, interval, interval, text) IS 'inverse transition of sl_pct and queue_agg for (wait interval, answered, threshold, short_abandon, policy): uncounts the contact for a row leaving the window frame (NULL: recompute the frame)';
CREATE FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, double precision, boolean, double precision) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_accum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, double precision, boolean, double precision) IS 'transition of sl_pct and queue_agg for (wait seconds, answered, threshold): counts the contact, answered (within the threshold or not) or abandoned, and its wait; refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, double precision, boolean, double precision) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_maccum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, double precision, boolean, double precision) IS 'moving-aggregate transition of sl_pct and queue_agg for (wait seconds, answered, threshold) over window frames: as queue_state_accum, but never returns NULL';
CREATE FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, double precision, boolean, double precision) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_retract_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, double precision, boolean, double precision) IS 'inverse transition of sl_pct and queue_agg for (wait seconds, answered, threshold): uncounts the contact for a row leaving the window frame (NULL: recompute the frame)';
CREATE FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, double precision, boolean, double precision, double precision) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_accum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, double precision, boolean, double precision, double precision) IS 'transition of sl_pct and queue_agg for (wait seconds, answered, threshold, short_abandon): counts the contact, answered (within the threshold or not) or abandoned, and its wait; refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, double precision, boolean, double precision, double precision) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_maccum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, double precision, boolean, double precision, double precision) IS 'moving-aggregate transition of sl_pct and queue_agg for (wait seconds, answered, threshold, short_abandon) over window frames: as queue_state_accum, but never returns NULL';
CREATE FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, double precision, boolean, double precision, double precision) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_retract_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, double precision, boolean, double precision, double precision) IS 'inverse transition of sl_pct and queue_agg for (wait seconds, answered, threshold, short_abandon): uncounts the contact for a row leaving the window frame (NULL: recompute the frame)';
CREATE FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, double precision, boolean, double precision, double precision, text) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_accum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, double precision, boolean, double precision, double precision, text) IS 'transition of sl_pct and queue_agg for (wait seconds, answered, threshold, short_abandon, policy): counts the contact, answered (within the threshold or not) or abandoned, and its wait; refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, double precision, boolean, double precision, double precision, text) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_maccum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, double precision, boolean, double precision, double precision, text) IS 'moving-aggregate transition of sl_pct and queue_agg for (wait seconds, answered, threshold, short_abandon, policy) over window frames: as queue_state_accum, but never returns NULL';
CREATE FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, double precision, boolean, double precision, double precision, text) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_retract_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, double precision, boolean, double precision, double precision, text) IS 'inverse transition of sl_pct and queue_agg for (wait seconds, answered, threshold, short_abandon, policy): uncounts the contact for a row leaving the window frame (NULL: recompute the frame)';
CREATE FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, timestamptz, timestamptz, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_accum_timestamps' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, timestamptz, timestamptz, interval) IS 'transition of sl_pct and queue_agg for (offered_at, answered_at, threshold): counts the contact, answered (within the threshold or not) or abandoned, and its wait; refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, timestamptz, timestamptz, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_maccum_timestamps' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, timestamptz, timestamptz, interval) IS 'moving-aggregate transition of sl_pct and queue_agg for (offered_at, answered_at, threshold) over window frames: as queue_state_accum, but never returns NULL';
CREATE FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, timestamptz, timestamptz, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_retract_timestamps' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, timestamptz, timestamptz, interval) IS 'inverse transition of sl_pct and queue_agg for (offered_at, answered_at, threshold): uncounts the contact for a row leaving the window frame (NULL: recompute the frame)';
CREATE FUNCTION @extschema@.queue_state_accum_nothreshold(@extschema@.queue_state, interval, boolean) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_accum_nothreshold_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_accum_nothreshold(@extschema@.queue_state, interval, boolean) IS 'transition of abandon_rate and asa for (wait interval, answered): counts the contact, answered or abandoned, and its wait; refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.queue_state_maccum_nothreshold(@extschema@.queue_state, interval, boolean) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_maccum_nothreshold_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_maccum_nothreshold(@extschema@.queue_state, interval, boolean) IS 'moving-aggregate transition of abandon_rate and asa for (wait interval, answered) over window frames: as queue_state_accum_nothreshold, but never returns NULL';
CREATE FUNCTION @extschema@.queue_state_retract_nothreshold(@extschema@.queue_state, interval, boolean) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_retract_nothreshold_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_retract_nothreshold(@extschema@.queue_state, interval, boolean) IS 'inverse transition of abandon_rate and asa for (wait interval, answered): uncounts the contact for a row leaving the window frame (NULL: recompute the frame)';
CREATE FUNCTION @extschema@.queue_state_accum_nothreshold(@extschema@.queue_state, interval, boolean, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_accum_nothreshold_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_accum_nothreshold(@extschema@.queue_state, interval, boolean, interval) IS 'transition of abandon_rate(wait interval, answered, short_abandon): counts the contact, answered or abandoned, and its wait; refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.queue_state_maccum_nothreshold(@extschema@.queue_state, interval, boolean, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_maccum_nothreshold_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_maccum_nothreshold(@extschema@.queue_state, interval, boolean, interval) IS 'moving-aggregate transition of abandon_rate(wait interval, answered, short_abandon) over window frames: as queue_state_accum_nothreshold, but never returns NULL';
CREATE FUNCTION @extschema@.queue_state_retract_nothreshold(@extschema@.queue_state, interval, boolean, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_retract_nothreshold_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_retract_nothreshold(@extschema@.queue_state, interval, boolean, interval) IS 'inverse transition of abandon_rate(wait interval, answered, short_abandon): uncounts the contact for a row leaving the window frame (NULL: recompute the frame)';
CREATE FUNCTION @extschema@.queue_state_accum_nothreshold(@extschema@.queue_state, double precision, boolean) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_accum_nothreshold_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_accum_nothreshold(@extschema@.queue_state, double precision, boolean) IS 'transition of abandon_rate and asa for (wait seconds, answered): counts the contact, answered or abandoned, and its wait; refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.queue_state_maccum_nothreshold(@extschema@.queue_state, double precision, boolean) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_maccum_nothreshold_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_maccum_nothreshold(@extschema@.queue_state, double precision, boolean) IS 'moving-aggregate transition of abandon_rate and asa for (wait seconds, answered) over window frames: as queue_state_accum_nothreshold, but never returns NULL';
CREATE FUNCTION @extschema@.queue_state_retract_nothreshold(@extschema@.queue_state, double precision, boolean) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_retract_nothreshold_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_retract_nothreshold(@extschema@.queue_state, double precision, boolean) IS 'inverse transition of abandon_rate and asa for (wait seconds, answered): uncounts the contact for a row leaving the window frame (NULL: recompute the frame)';
CREATE FUNCTION @extschema@.queue_state_accum_nothreshold(@extschema@.queue_state, double precision, boolean, double precision) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_accum_nothreshold_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_accum_nothreshold(@extschema@.queue_state, double precision, boolean, double precision) IS 'transition of abandon_rate(wait seconds, answered, short_abandon): counts the contact, answered or abandoned, and its wait; refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.queue_state_maccum_nothreshold(@extschema@.queue_state, double precision, boolean, double precision) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_maccum_nothreshold_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_maccum_nothreshold(@extschema@.queue_state, double precision, boolean, double precision) IS 'moving-aggregate transition of abandon_rate(wait seconds, answered, short_abandon) over window frames: as queue_state_accum_nothreshold, but never returns NULL';
CREATE FUNCTION @extschema@.queue_state_retract_nothreshold(@extschema@.queue_state, double precision, boolean, double precision) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_retract_nothreshold_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_retract_nothreshold(@extschema@.queue_state, double precision, boolean, double precision) IS 'inverse transition of abandon_rate(wait seconds, answered, short_abandon): uncounts the contact for a row leaving the window frame (NULL: recompute the frame)';
CREATE FUNCTION @extschema@.queue_state_accum_nothreshold(@extschema@.queue_state, timestamptz, timestamptz) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_accum_nothreshold_timestamps' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_accum_nothreshold(@extschema@.queue_state, timestamptz, timestamptz) IS 'transition of abandon_rate and asa for (offered_at, answered_at): counts the contact, answered or abandoned, and its wait; refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.queue_state_maccum_nothreshold(@extschema@.queue_state, timestamptz, timestamptz) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_maccum_nothreshold_timestamps' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_maccum_nothreshold(@extschema@.queue_state, timestamptz, timestamptz) IS 'moving-aggregate transition of abandon_rate and asa for (offered_at, answered_at) over window frames: as queue_state_accum_nothreshold, but never returns NULL';
CREATE FUNCTION @extschema@.queue_state_retract_nothreshold(@extschema@.queue_state, timestamptz, timestamptz) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_retract_nothreshold_timestamps' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_retract_nothreshold(@extschema@.queue_state, timestamptz, timestamptz) IS 'inverse transition of abandon_rate and asa for (offered_at, answered_at): uncounts the contact for a row leaving the window frame (NULL: recompute the frame)';
CREATE FUNCTION @extschema@.queue_state_combine(@extschema@.queue_state, @extschema@.queue_state) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_combine(@extschema@.queue_state, @extschema@.queue_state) IS 'merges two queue_state values (parallel combine, rollup()): counters added; states of different policies are an error; called directly it returns a new state';
CREATE FUNCTION @extschema@.queue_state_uncombine(@extschema@.queue_state, @extschema@.queue_state) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_uncombine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_uncombine(@extschema@.queue_state, @extschema@.queue_state) IS 'inverse of queue_state_combine (rollup() over window frames): the counters of the second state subtracted from the first';
CREATE FUNCTION @extschema@.queue_state_nonempty(@extschema@.queue_state) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_nonempty' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state_nonempty(@extschema@.queue_state) IS 'final function of queue_agg() over window frames: the state, or NULL when it holds no contact';

CREATE FUNCTION @extschema@.queue_state(answered bigint, answered_within bigint, abandoned bigint,
	abandoned_within bigint, short_abandoned bigint, answered_wait_seconds double precision,
	policy text DEFAULT 'against') RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state(bigint, bigint, bigint, bigint, bigint, double precision, text) IS 'the queue_state of figures counted elsewhere: the counters, the sum of the answered waits in seconds (exact microseconds, rounded half to even) and the policy (default against), checked as its text input (22003; an unknown or NULL policy 22023); a NULL figure is an error (22004)';

CREATE FUNCTION @extschema@.sl_pct(@extschema@.queue_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_sl_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sl_pct(@extschema@.queue_state) IS 'service level under the state''s policy: answered within the threshold * 100 / offered as the policy counts them, numeric 0..100; NULL when nothing is counted';
CREATE FUNCTION @extschema@.sl_pct(state @extschema@.queue_state, policy text) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_sl_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sl_pct(@extschema@.queue_state, text) IS 'service level under another policy (against, ignore_early, favour, answered_only), numeric 0..100; NULL when nothing is counted';
CREATE FUNCTION @extschema@.abandon_rate(@extschema@.queue_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_abandon_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.abandon_rate(@extschema@.queue_state) IS 'abandoned * 100 / (answered + abandoned), short abandons left out of both, numeric 0..100; NULL when nothing is counted';
CREATE FUNCTION @extschema@.asa(@extschema@.queue_state) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_asa' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.asa(@extschema@.queue_state) IS 'average speed of answer: answered waits / answered, in seconds; NULL when nothing was answered';
CREATE FUNCTION @extschema@.offered(@extschema@.queue_state) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_offered' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.offered(@extschema@.queue_state) IS 'contacts offered: answered + abandoned, short abandons excluded';
CREATE FUNCTION @extschema@.answered(@extschema@.queue_state) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_answered' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.answered(@extschema@.queue_state) IS 'contacts answered';
CREATE FUNCTION @extschema@.answered_within(@extschema@.queue_state) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_answered_within' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.answered_within(@extschema@.queue_state) IS 'contacts answered within the threshold (a wait equal to it counts)';
CREATE FUNCTION @extschema@.abandoned(@extschema@.queue_state) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_abandoned' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.abandoned(@extschema@.queue_state) IS 'contacts abandoned, short abandons excluded';
CREATE FUNCTION @extschema@.short_abandoned(@extschema@.queue_state) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_short_abandoned' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.short_abandoned(@extschema@.queue_state) IS 'contacts abandoned before short_abandon (left out of every rate)';
CREATE FUNCTION @extschema@.sl_ci_lower(state @extschema@.queue_state, level double precision DEFAULT 0.95) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_sl_ci_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sl_ci_lower(@extschema@.queue_state, double precision) IS 'lower bound of the Wilson score interval of the service level (the state''s policy) at level (default 0.95), numeric 0..100';
CREATE FUNCTION @extschema@.sl_ci_upper(state @extschema@.queue_state, level double precision DEFAULT 0.95) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_sl_ci_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sl_ci_upper(@extschema@.queue_state, double precision) IS 'upper bound of the Wilson score interval of the service level (the state''s policy) at level (default 0.95), numeric 0..100';
CREATE FUNCTION @extschema@.abandon_rate_ci_lower(state @extschema@.queue_state, level double precision DEFAULT 0.95) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_abandon_rate_ci_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.abandon_rate_ci_lower(@extschema@.queue_state, double precision) IS 'lower bound of the Wilson score interval of the abandon rate at level (default 0.95), numeric 0..100';
CREATE FUNCTION @extschema@.abandon_rate_ci_upper(state @extschema@.queue_state, level double precision DEFAULT 0.95) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_abandon_rate_ci_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.abandon_rate_ci_upper(@extschema@.queue_state, double precision) IS 'upper bound of the Wilson score interval of the abandon rate at level (default 0.95), numeric 0..100';

CREATE AGGREGATE @extschema@.sl_pct(wait interval, answered boolean, threshold interval) (
	SFUNC = @extschema@.queue_state_accum, STYPE = @extschema@.queue_state,
	FINALFUNC = @extschema@.sl_pct, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum, MINVFUNC = @extschema@.queue_state_retract,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.sl_pct, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.sl_pct(interval, boolean, interval) IS 'service level (policy against): answered within threshold * 100 / (answered + abandoned), numeric 0..100; waits and threshold as intervals';
CREATE AGGREGATE @extschema@.queue_agg(wait interval, answered boolean, threshold interval) (
	SFUNC = @extschema@.queue_state_accum, STYPE = @extschema@.queue_state,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum, MINVFUNC = @extschema@.queue_state_retract,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.queue_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.queue_agg(interval, boolean, interval) IS 'two-step queue KPIs: the queue_state of the contacts (counters and policy), arguments as sl_pct; waits and threshold as intervals';
CREATE AGGREGATE @extschema@.sl_pct(wait interval, answered boolean, threshold interval, short_abandon interval) (
	SFUNC = @extschema@.queue_state_accum, STYPE = @extschema@.queue_state,
	FINALFUNC = @extschema@.sl_pct, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum, MINVFUNC = @extschema@.queue_state_retract,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.sl_pct, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.sl_pct(interval, boolean, interval, interval) IS 'service level (policy against): answered within threshold * 100 / (answered + abandoned), numeric 0..100; waits as intervals, abandons shorter than short_abandon left out';
CREATE AGGREGATE @extschema@.queue_agg(wait interval, answered boolean, threshold interval, short_abandon interval) (
	SFUNC = @extschema@.queue_state_accum, STYPE = @extschema@.queue_state,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum, MINVFUNC = @extschema@.queue_state_retract,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.queue_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.queue_agg(interval, boolean, interval, interval) IS 'two-step queue KPIs: the queue_state of the contacts (counters and policy), arguments as sl_pct; waits as intervals, abandons shorter than short_abandon left out';
CREATE AGGREGATE @extschema@.sl_pct(wait interval, answered boolean, threshold interval, short_abandon interval, policy text) (
	SFUNC = @extschema@.queue_state_accum, STYPE = @extschema@.queue_state,
	FINALFUNC = @extschema@.sl_pct, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum, MINVFUNC = @extschema@.queue_state_retract,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.sl_pct, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.sl_pct(interval, boolean, interval, interval, text) IS 'service level under policy (against, ignore_early, favour, answered_only), numeric 0..100; waits as intervals, abandons shorter than short_abandon left out';
CREATE AGGREGATE @extschema@.queue_agg(wait interval, answered boolean, threshold interval, short_abandon interval, policy text) (
	SFUNC = @extschema@.queue_state_accum, STYPE = @extschema@.queue_state,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum, MINVFUNC = @extschema@.queue_state_retract,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.queue_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.queue_agg(interval, boolean, interval, interval, text) IS 'two-step queue KPIs: the queue_state of the contacts (counters and policy), arguments as sl_pct; waits as intervals, abandons shorter than short_abandon left out';
CREATE AGGREGATE @extschema@.sl_pct(wait double precision, answered boolean, threshold double precision) (
	SFUNC = @extschema@.queue_state_accum, STYPE = @extschema@.queue_state,
	FINALFUNC = @extschema@.sl_pct, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum, MINVFUNC = @extschema@.queue_state_retract,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.sl_pct, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.sl_pct(double precision, boolean, double precision) IS 'service level (policy against): answered within threshold * 100 / (answered + abandoned), numeric 0..100; waits and threshold in seconds';
CREATE AGGREGATE @extschema@.queue_agg(wait double precision, answered boolean, threshold double precision) (
	SFUNC = @extschema@.queue_state_accum, STYPE = @extschema@.queue_state,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum, MINVFUNC = @extschema@.queue_state_retract,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.queue_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.queue_agg(double precision, boolean, double precision) IS 'two-step queue KPIs: the queue_state of the contacts (counters and policy), arguments as sl_pct; waits and threshold in seconds';
CREATE AGGREGATE @extschema@.sl_pct(wait double precision, answered boolean, threshold double precision, short_abandon double precision) (
	SFUNC = @extschema@.queue_state_accum, STYPE = @extschema@.queue_state,
	FINALFUNC = @extschema@.sl_pct, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum, MINVFUNC = @extschema@.queue_state_retract,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.sl_pct, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.sl_pct(double precision, boolean, double precision, double precision) IS 'service level (policy against): answered within threshold * 100 / (answered + abandoned), numeric 0..100; waits in seconds, abandons shorter than short_abandon left out';
CREATE AGGREGATE @extschema@.queue_agg(wait double precision, answered boolean, threshold double precision, short_abandon double precision) (
	SFUNC = @extschema@.queue_state_accum, STYPE = @extschema@.queue_state,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum, MINVFUNC = @extschema@.queue_state_retract,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.queue_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.queue_agg(double precision, boolean, double precision, double precision) IS 'two-step queue KPIs: the queue_state of the contacts (counters and policy), arguments as sl_pct; waits in seconds, abandons shorter than short_abandon left out';
CREATE AGGREGATE @extschema@.sl_pct(wait double precision, answered boolean, threshold double precision, short_abandon double precision, policy text) (
	SFUNC = @extschema@.queue_state_accum, STYPE = @extschema@.queue_state,
	FINALFUNC = @extschema@.sl_pct, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum, MINVFUNC = @extschema@.queue_state_retract,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.sl_pct, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.sl_pct(double precision, boolean, double precision, double precision, text) IS 'service level under policy (against, ignore_early, favour, answered_only), numeric 0..100; waits in seconds, abandons shorter than short_abandon left out';
CREATE AGGREGATE @extschema@.queue_agg(wait double precision, answered boolean, threshold double precision, short_abandon double precision, policy text) (
	SFUNC = @extschema@.queue_state_accum, STYPE = @extschema@.queue_state,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum, MINVFUNC = @extschema@.queue_state_retract,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.queue_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.queue_agg(double precision, boolean, double precision, double precision, text) IS 'two-step queue KPIs: the queue_state of the contacts (counters and policy), arguments as sl_pct; waits in seconds, abandons shorter than short_abandon left out';
CREATE AGGREGATE @extschema@.sl_pct(offered_at timestamptz, answered_at timestamptz, threshold interval) (
	SFUNC = @extschema@.queue_state_accum, STYPE = @extschema@.queue_state,
	FINALFUNC = @extschema@.sl_pct, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum, MINVFUNC = @extschema@.queue_state_retract,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.sl_pct, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.sl_pct(timestamptz, timestamptz, interval) IS 'service level (policy against): answered within threshold * 100 / (answered + abandoned), numeric 0..100; waits from offered_at to answered_at, a NULL answered_at is an abandon';
CREATE AGGREGATE @extschema@.queue_agg(offered_at timestamptz, answered_at timestamptz, threshold interval) (
	SFUNC = @extschema@.queue_state_accum, STYPE = @extschema@.queue_state,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum, MINVFUNC = @extschema@.queue_state_retract,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.queue_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.queue_agg(timestamptz, timestamptz, interval) IS 'two-step queue KPIs: the queue_state of the contacts (counters and policy), arguments as sl_pct; waits from offered_at to answered_at, a NULL answered_at is an abandon';
CREATE AGGREGATE @extschema@.abandon_rate(wait interval, answered boolean) (
	SFUNC = @extschema@.queue_state_accum_nothreshold, STYPE = @extschema@.queue_state,
	FINALFUNC = @extschema@.abandon_rate, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum_nothreshold, MINVFUNC = @extschema@.queue_state_retract_nothreshold,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.abandon_rate, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.abandon_rate(interval, boolean) IS 'abandon rate: abandoned * 100 / (answered + abandoned), numeric 0..100; waits as intervals';
CREATE AGGREGATE @extschema@.asa(wait interval, answered boolean) (
	SFUNC = @extschema@.queue_state_accum_nothreshold, STYPE = @extschema@.queue_state,
	FINALFUNC = @extschema@.asa, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum_nothreshold, MINVFUNC = @extschema@.queue_state_retract_nothreshold,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.asa, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.asa(interval, boolean) IS 'average speed of answer: the mean wait of the answered contacts, in seconds (abandons excluded); waits as intervals';
CREATE AGGREGATE @extschema@.abandon_rate(wait interval, answered boolean, short_abandon interval) (
	SFUNC = @extschema@.queue_state_accum_nothreshold, STYPE = @extschema@.queue_state,
	FINALFUNC = @extschema@.abandon_rate, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum_nothreshold, MINVFUNC = @extschema@.queue_state_retract_nothreshold,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.abandon_rate, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.abandon_rate(interval, boolean, interval) IS 'abandon rate: abandoned * 100 / (answered + abandoned), numeric 0..100; waits as intervals, abandons shorter than short_abandon left out';
CREATE AGGREGATE @extschema@.abandon_rate(wait double precision, answered boolean) (
	SFUNC = @extschema@.queue_state_accum_nothreshold, STYPE = @extschema@.queue_state,
	FINALFUNC = @extschema@.abandon_rate, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum_nothreshold, MINVFUNC = @extschema@.queue_state_retract_nothreshold,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.abandon_rate, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.abandon_rate(double precision, boolean) IS 'abandon rate: abandoned * 100 / (answered + abandoned), numeric 0..100; waits in seconds';
CREATE AGGREGATE @extschema@.asa(wait double precision, answered boolean) (
	SFUNC = @extschema@.queue_state_accum_nothreshold, STYPE = @extschema@.queue_state,
	FINALFUNC = @extschema@.asa, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum_nothreshold, MINVFUNC = @extschema@.queue_state_retract_nothreshold,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.asa, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.asa(double precision, boolean) IS 'average speed of answer: the mean wait of the answered contacts, in seconds (abandons excluded); waits in seconds';
CREATE AGGREGATE @extschema@.abandon_rate(wait double precision, answered boolean, short_abandon double precision) (
	SFUNC = @extschema@.queue_state_accum_nothreshold, STYPE = @extschema@.queue_state,
	FINALFUNC = @extschema@.abandon_rate, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum_nothreshold, MINVFUNC = @extschema@.queue_state_retract_nothreshold,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.abandon_rate, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.abandon_rate(double precision, boolean, double precision) IS 'abandon rate: abandoned * 100 / (answered + abandoned), numeric 0..100; waits in seconds, abandons shorter than short_abandon left out';
CREATE AGGREGATE @extschema@.abandon_rate(offered_at timestamptz, answered_at timestamptz) (
	SFUNC = @extschema@.queue_state_accum_nothreshold, STYPE = @extschema@.queue_state,
	FINALFUNC = @extschema@.abandon_rate, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum_nothreshold, MINVFUNC = @extschema@.queue_state_retract_nothreshold,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.abandon_rate, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.abandon_rate(timestamptz, timestamptz) IS 'abandon rate: abandoned * 100 / (answered + abandoned), numeric 0..100; from offered_at and answered_at, a NULL answered_at is an abandon';
CREATE AGGREGATE @extschema@.asa(offered_at timestamptz, answered_at timestamptz) (
	SFUNC = @extschema@.queue_state_accum_nothreshold, STYPE = @extschema@.queue_state,
	FINALFUNC = @extschema@.asa, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum_nothreshold, MINVFUNC = @extschema@.queue_state_retract_nothreshold,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.asa, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.asa(timestamptz, timestamptz) IS 'average speed of answer: the mean wait of the answered contacts, in seconds (abandons excluded); from offered_at and answered_at, a NULL answered_at is an abandon';


-- =======================================================================
-- 4. Handling: average handle time and occupancy
--
-- Durations as intervals or seconds, summed as exact microseconds; a NULL
-- component counts as zero, a row with every component NULL is skipped.
-- =======================================================================

-- 4.1 AHT: handle_state (handled, handle_us) -----------------------------
CREATE TYPE @extschema@.handle_state;
CREATE FUNCTION @extschema@.handle_state_in(cstring) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.handle_state_in(cstring) IS 'text input of handle_state: {"version":1,"kind":"handle","handled":n,"handle_us":us}; validated';
CREATE FUNCTION @extschema@.handle_state_out(@extschema@.handle_state) RETURNS cstring
	AS 'MODULE_PATHNAME', 'skpi_handle_state_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.handle_state_out(@extschema@.handle_state) IS 'text output of handle_state (the form handle_state_in reads)';
CREATE FUNCTION @extschema@.handle_state_recv(internal) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.handle_state_recv(internal) IS 'binary input of handle_state (COPY BINARY, binary protocol): uint8 version, uint8 kind, uint8 parameter, uint8 number of counters, then the counters as int64; validated';
CREATE FUNCTION @extschema@.handle_state_send(@extschema@.handle_state) RETURNS bytea
	AS 'MODULE_PATHNAME', 'skpi_handle_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.handle_state_send(@extschema@.handle_state) IS 'binary output of handle_state (the form handle_state_recv reads)';
CREATE TYPE @extschema@.handle_state (
	INPUT = @extschema@.handle_state_in, OUTPUT = @extschema@.handle_state_out,
	RECEIVE = @extschema@.handle_state_recv, SEND = @extschema@.handle_state_send,
	INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = plain);
COMMENT ON TYPE @extschema@.handle_state IS 'handled contacts and their total handle time (microseconds); mergeable with rollup()';

CREATE FUNCTION @extschema@.handle_state_accum(@extschema@.handle_state, interval, interval, interval) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_accum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.handle_state_accum(@extschema@.handle_state, interval, interval, interval) IS 'transition of aht and handle_agg for (talk, hold, wrap intervals): handled + 1, and the handle time added; refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.handle_state_maccum(@extschema@.handle_state, interval, interval, interval) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_maccum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.handle_state_maccum(@extschema@.handle_state, interval, interval, interval) IS 'moving-aggregate transition of aht and handle_agg for (talk, hold, wrap intervals) over window frames: as handle_state_accum, but never returns NULL';
CREATE FUNCTION @extschema@.handle_state_retract(@extschema@.handle_state, interval, interval, interval) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_retract_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.handle_state_retract(@extschema@.handle_state, interval, interval, interval) IS 'inverse transition of aht and handle_agg for (talk, hold, wrap intervals): handled - 1, and the handle time subtracted, for a row leaving the window frame (NULL: recompute the frame)';
CREATE FUNCTION @extschema@.handle_state_accum(@extschema@.handle_state, interval) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_accum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.handle_state_accum(@extschema@.handle_state, interval) IS 'transition of aht and handle_agg for (handle interval): handled + 1, and the handle time added; refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.handle_state_maccum(@extschema@.handle_state, interval) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_maccum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.handle_state_maccum(@extschema@.handle_state, interval) IS 'moving-aggregate transition of aht and handle_agg for (handle interval) over window frames: as handle_state_accum, but never returns NULL';
CREATE FUNCTION @extschema@.handle_state_retract(@extschema@.handle_state, interval) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_retract_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.handle_state_retract(@extschema@.handle_state, interval) IS 'inverse transition of aht and handle_agg for (handle interval): handled - 1, and the handle time subtracted, for a row leaving the window frame (NULL: recompute the frame)';
CREATE FUNCTION @extschema@.handle_state_accum(@extschema@.handle_state, double precision, double precision, double precision) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_accum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.handle_state_accum(@extschema@.handle_state, double precision, double precision, double precision) IS 'transition of aht and handle_agg for (talk, hold, wrap seconds): handled + 1, and the handle time added; refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.handle_state_maccum(@extschema@.handle_state, double precision, double precision, double precision) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_maccum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.handle_state_maccum(@extschema@.handle_state, double precision, double precision, double precision) IS 'moving-aggregate transition of aht and handle_agg for (talk, hold, wrap seconds) over window frames: as handle_state_accum, but never returns NULL';
CREATE FUNCTION @extschema@.handle_state_retract(@extschema@.handle_state, double precision, double precision, double precision) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_retract_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.handle_state_retract(@extschema@.handle_state, double precision, double precision, double precision) IS 'inverse transition of aht and handle_agg for (talk, hold, wrap seconds): handled - 1, and the handle time subtracted, for a row leaving the window frame (NULL: recompute the frame)';
CREATE FUNCTION @extschema@.handle_state_accum(@extschema@.handle_state, double precision) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_accum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.handle_state_accum(@extschema@.handle_state, double precision) IS 'transition of aht and handle_agg for (handle seconds): handled + 1, and the handle time added; refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.handle_state_maccum(@extschema@.handle_state, double precision) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_maccum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.handle_state_maccum(@extschema@.handle_state, double precision) IS 'moving-aggregate transition of aht and handle_agg for (handle seconds) over window frames: as handle_state_accum, but never returns NULL';
CREATE FUNCTION @extschema@.handle_state_retract(@extschema@.handle_state, double precision) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_retract_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.handle_state_retract(@extschema@.handle_state, double precision) IS 'inverse transition of aht and handle_agg for (handle seconds): handled - 1, and the handle time subtracted, for a row leaving the window frame (NULL: recompute the frame)';
CREATE FUNCTION @extschema@.handle_state_combine(@extschema@.handle_state, @extschema@.handle_state) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.handle_state_combine(@extschema@.handle_state, @extschema@.handle_state) IS 'merges two handle_state values (parallel combine, rollup()): handled and handle time added; called directly it returns a new state';
CREATE FUNCTION @extschema@.handle_state_uncombine(@extschema@.handle_state, @extschema@.handle_state) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_uncombine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.handle_state_uncombine(@extschema@.handle_state, @extschema@.handle_state) IS 'inverse of handle_state_combine (rollup() over window frames): the handled and handle time of the second state subtracted from the first';
CREATE FUNCTION @extschema@.handle_state_nonempty(@extschema@.handle_state) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_nonempty' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.handle_state_nonempty(@extschema@.handle_state) IS 'final function of handle_agg() over window frames: the state, or NULL when it holds no contact';

CREATE FUNCTION @extschema@.handle_state(handled bigint, handle_seconds double precision) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.handle_state(bigint, double precision) IS 'the handle_state of figures counted elsewhere: handled contacts and their total handle time in seconds (exact microseconds, rounded half to even), checked as its text input (22003); a NULL figure is an error (22004)';

CREATE FUNCTION @extschema@.aht(@extschema@.handle_state) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_aht' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.aht(@extschema@.handle_state) IS 'average handle time of the state: handle time / handled, in seconds; NULL when nothing is counted';
CREATE FUNCTION @extschema@.handled(@extschema@.handle_state) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_handled' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.handled(@extschema@.handle_state) IS 'contacts handled (counted)';
CREATE FUNCTION @extschema@.handle_seconds(@extschema@.handle_state) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_handle_seconds' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.handle_seconds(@extschema@.handle_state) IS 'total handle time, in seconds';

CREATE AGGREGATE @extschema@.aht(talk interval, hold interval, wrap interval) (
	SFUNC = @extschema@.handle_state_accum, STYPE = @extschema@.handle_state,
	FINALFUNC = @extschema@.aht, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.handle_state_combine,
	MSFUNC = @extschema@.handle_state_maccum, MINVFUNC = @extschema@.handle_state_retract,
	MSTYPE = @extschema@.handle_state,
	MFINALFUNC = @extschema@.aht, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.aht(interval, interval, interval) IS 'average handle time: the mean of talk + hold + wrap over the handled contacts, in seconds; talk, hold and wrap as intervals';
CREATE AGGREGATE @extschema@.handle_agg(talk interval, hold interval, wrap interval) (
	SFUNC = @extschema@.handle_state_accum, STYPE = @extschema@.handle_state,
	COMBINEFUNC = @extschema@.handle_state_combine,
	MSFUNC = @extschema@.handle_state_maccum, MINVFUNC = @extschema@.handle_state_retract,
	MSTYPE = @extschema@.handle_state,
	MFINALFUNC = @extschema@.handle_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.handle_agg(interval, interval, interval) IS 'two-step AHT: the handle_state (handled, handle time) of the contacts; talk, hold and wrap as intervals';
CREATE AGGREGATE @extschema@.aht(handle interval) (
	SFUNC = @extschema@.handle_state_accum, STYPE = @extschema@.handle_state,
	FINALFUNC = @extschema@.aht, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.handle_state_combine,
	MSFUNC = @extschema@.handle_state_maccum, MINVFUNC = @extschema@.handle_state_retract,
	MSTYPE = @extschema@.handle_state,
	MFINALFUNC = @extschema@.aht, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.aht(interval) IS 'average handle time: the mean handle time of the handled contacts, in seconds; the handle time as an interval';
CREATE AGGREGATE @extschema@.handle_agg(handle interval) (
	SFUNC = @extschema@.handle_state_accum, STYPE = @extschema@.handle_state,
	COMBINEFUNC = @extschema@.handle_state_combine,
	MSFUNC = @extschema@.handle_state_maccum, MINVFUNC = @extschema@.handle_state_retract,
	MSTYPE = @extschema@.handle_state,
	MFINALFUNC = @extschema@.handle_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.handle_agg(interval) IS 'two-step AHT: the handle_state (handled, handle time) of the contacts; the handle time as an interval';
CREATE AGGREGATE @extschema@.aht(talk double precision, hold double precision, wrap double precision) (
	SFUNC = @extschema@.handle_state_accum, STYPE = @extschema@.handle_state,
	FINALFUNC = @extschema@.aht, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.handle_state_combine,
	MSFUNC = @extschema@.handle_state_maccum, MINVFUNC = @extschema@.handle_state_retract,
	MSTYPE = @extschema@.handle_state,
	MFINALFUNC = @extschema@.aht, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.aht(double precision, double precision, double precision) IS 'average handle time: the mean of talk + hold + wrap over the handled contacts, in seconds; talk, hold and wrap in seconds';
CREATE AGGREGATE @extschema@.handle_agg(talk double precision, hold double precision, wrap double precision) (
	SFUNC = @extschema@.handle_state_accum, STYPE = @extschema@.handle_state,
	COMBINEFUNC = @extschema@.handle_state_combine,
	MSFUNC = @extschema@.handle_state_maccum, MINVFUNC = @extschema@.handle_state_retract,
	MSTYPE = @extschema@.handle_state,
	MFINALFUNC = @extschema@.handle_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.handle_agg(double precision, double precision, double precision) IS 'two-step AHT: the handle_state (handled, handle time) of the contacts; talk, hold and wrap in seconds';
CREATE AGGREGATE @extschema@.aht(handle double precision) (
	SFUNC = @extschema@.handle_state_accum, STYPE = @extschema@.handle_state,
	FINALFUNC = @extschema@.aht, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.handle_state_combine,
	MSFUNC = @extschema@.handle_state_maccum, MINVFUNC = @extschema@.handle_state_retract,
	MSTYPE = @extschema@.handle_state,
	MFINALFUNC = @extschema@.aht, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.aht(double precision) IS 'average handle time: the mean handle time of the handled contacts, in seconds; the handle time in seconds';
CREATE AGGREGATE @extschema@.handle_agg(handle double precision) (
	SFUNC = @extschema@.handle_state_accum, STYPE = @extschema@.handle_state,
	COMBINEFUNC = @extschema@.handle_state_combine,
	MSFUNC = @extschema@.handle_state_maccum, MINVFUNC = @extschema@.handle_state_retract,
	MSTYPE = @extschema@.handle_state,
	MFINALFUNC = @extschema@.handle_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.handle_agg(double precision) IS 'two-step AHT: the handle_state (handled, handle time) of the contacts; the handle time in seconds';

-- 4.2 Occupancy: occupancy_state (periods, busy_us, available_us) --------
CREATE TYPE @extschema@.occupancy_state;
CREATE FUNCTION @extschema@.occupancy_state_in(cstring) RETURNS @extschema@.occupancy_state
	AS 'MODULE_PATHNAME', 'skpi_occupancy_state_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.occupancy_state_in(cstring) IS 'text input of occupancy_state: {"version":1,"kind":"occupancy","periods":n,"busy_us":us,"available_us":us}; validated';
CREATE FUNCTION @extschema@.occupancy_state_out(@extschema@.occupancy_state) RETURNS cstring
	AS 'MODULE_PATHNAME', 'skpi_occupancy_state_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.occupancy_state_out(@extschema@.occupancy_state) IS 'text output of occupancy_state (the form occupancy_state_in reads)';
CREATE FUNCTION @extschema@.occupancy_state_recv(internal) RETURNS @extschema@.occupancy_state
	AS 'MODULE_PATHNAME', 'skpi_occupancy_state_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.occupancy_state_recv(internal) IS 'binary input of occupancy_state (COPY BINARY, binary protocol): uint8 version, uint8 kind, uint8 parameter, uint8 number of counters, then the counters as int64; validated';
CREATE FUNCTION @extschema@.occupancy_state_send(@extschema@.occupancy_state) RETURNS bytea
	AS 'MODULE_PATHNAME', 'skpi_occupancy_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.occupancy_state_send(@extschema@.occupancy_state) IS 'binary output of occupancy_state (the form occupancy_state_recv reads)';
CREATE TYPE @extschema@.occupancy_state (
	INPUT = @extschema@.occupancy_state_in, OUTPUT = @extschema@.occupancy_state_out,
	RECEIVE = @extschema@.occupancy_state_recv, SEND = @extschema@.occupancy_state_send,
	INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = plain);
COMMENT ON TYPE @extschema@.occupancy_state IS 'busy and available agent time (microseconds); mergeable with rollup()';

CREATE FUNCTION @extschema@.occupancy_state_accum(@extschema@.occupancy_state, interval, interval) RETURNS @extschema@.occupancy_state
	AS 'MODULE_PATHNAME', 'skpi_occupancy_state_accum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.occupancy_state_accum(@extschema@.occupancy_state, interval, interval) IS 'transition of occupancy and occupancy_agg for (busy, available intervals): periods + 1, and the busy and available time added; refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.occupancy_state_maccum(@extschema@.occupancy_state, interval, interval) RETURNS @extschema@.occupancy_state
	AS 'MODULE_PATHNAME', 'skpi_occupancy_state_maccum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.occupancy_state_maccum(@extschema@.occupancy_state, interval, interval) IS 'moving-aggregate transition of occupancy and occupancy_agg for (busy, available intervals) over window frames: as occupancy_state_accum, but never returns NULL';
CREATE FUNCTION @extschema@.occupancy_state_retract(@extschema@.occupancy_state, interval, interval) RETURNS @extschema@.occupancy_state
	AS 'MODULE_PATHNAME', 'skpi_occupancy_state_retract_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.occupancy_state_retract(@extschema@.occupancy_state, interval, interval) IS 'inverse transition of occupancy and occupancy_agg for (busy, available intervals): periods - 1, and the times subtracted, for a row leaving the window frame (NULL: recompute the frame)';
CREATE FUNCTION @extschema@.occupancy_state_accum(@extschema@.occupancy_state, double precision, double precision) RETURNS @extschema@.occupancy_state
	AS 'MODULE_PATHNAME', 'skpi_occupancy_state_accum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.occupancy_state_accum(@extschema@.occupancy_state, double precision, double precision) IS 'transition of occupancy and occupancy_agg for (busy, available seconds): periods + 1, and the busy and available time added; refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.occupancy_state_maccum(@extschema@.occupancy_state, double precision, double precision) RETURNS @extschema@.occupancy_state
	AS 'MODULE_PATHNAME', 'skpi_occupancy_state_maccum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.occupancy_state_maccum(@extschema@.occupancy_state, double precision, double precision) IS 'moving-aggregate transition of occupancy and occupancy_agg for (busy, available seconds) over window frames: as occupancy_state_accum, but never returns NULL';
CREATE FUNCTION @extschema@.occupancy_state_retract(@extschema@.occupancy_state, double precision, double precision) RETURNS @extschema@.occupancy_state
	AS 'MODULE_PATHNAME', 'skpi_occupancy_state_retract_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.occupancy_state_retract(@extschema@.occupancy_state, double precision, double precision) IS 'inverse transition of occupancy and occupancy_agg for (busy, available seconds): periods - 1, and the times subtracted, for a row leaving the window frame (NULL: recompute the frame)';
CREATE FUNCTION @extschema@.occupancy_state_combine(@extschema@.occupancy_state, @extschema@.occupancy_state) RETURNS @extschema@.occupancy_state
	AS 'MODULE_PATHNAME', 'skpi_occupancy_state_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.occupancy_state_combine(@extschema@.occupancy_state, @extschema@.occupancy_state) IS 'merges two occupancy_state values (parallel combine, rollup()): periods, busy and available time added; called directly it returns a new state';
CREATE FUNCTION @extschema@.occupancy_state_uncombine(@extschema@.occupancy_state, @extschema@.occupancy_state) RETURNS @extschema@.occupancy_state
	AS 'MODULE_PATHNAME', 'skpi_occupancy_state_uncombine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.occupancy_state_uncombine(@extschema@.occupancy_state, @extschema@.occupancy_state) IS 'inverse of occupancy_state_combine (rollup() over window frames): the periods, busy and available time of the second state subtracted from the first';
CREATE FUNCTION @extschema@.occupancy_state_nonempty(@extschema@.occupancy_state) RETURNS @extschema@.occupancy_state
	AS 'MODULE_PATHNAME', 'skpi_occupancy_state_nonempty' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.occupancy_state_nonempty(@extschema@.occupancy_state) IS 'final function of occupancy_agg() over window frames: the state, or NULL when it holds no period';

CREATE FUNCTION @extschema@.occupancy_state(periods bigint, busy_seconds double precision,
	available_seconds double precision) RETURNS @extschema@.occupancy_state
	AS 'MODULE_PATHNAME', 'skpi_occupancy_state' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.occupancy_state(bigint, double precision, double precision) IS 'the occupancy_state of figures counted elsewhere: periods and the total busy and available time in seconds (exact microseconds, rounded half to even), checked as its text input (22003); a NULL figure is an error (22004)';

CREATE FUNCTION @extschema@.occupancy(@extschema@.occupancy_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_occupancy' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.occupancy(@extschema@.occupancy_state) IS 'occupancy of the state: busy * 100 / (busy + available), numeric 0..100; NULL without time';
CREATE FUNCTION @extschema@.busy_seconds(@extschema@.occupancy_state) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_busy_seconds' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.busy_seconds(@extschema@.occupancy_state) IS 'total busy time, in seconds';
CREATE FUNCTION @extschema@.available_seconds(@extschema@.occupancy_state) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_available_seconds' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.available_seconds(@extschema@.occupancy_state) IS 'total available (idle) time, in seconds';

CREATE AGGREGATE @extschema@.occupancy(busy interval, available interval) (
	SFUNC = @extschema@.occupancy_state_accum, STYPE = @extschema@.occupancy_state,
	FINALFUNC = @extschema@.occupancy, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.occupancy_state_combine,
	MSFUNC = @extschema@.occupancy_state_maccum, MINVFUNC = @extschema@.occupancy_state_retract,
	MSTYPE = @extschema@.occupancy_state,
	MFINALFUNC = @extschema@.occupancy, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.occupancy(interval, interval) IS 'occupancy: sum(busy) * 100 / sum(busy + available), numeric 0..100; durations as intervals';
CREATE AGGREGATE @extschema@.occupancy_agg(busy interval, available interval) (
	SFUNC = @extschema@.occupancy_state_accum, STYPE = @extschema@.occupancy_state,
	COMBINEFUNC = @extschema@.occupancy_state_combine,
	MSFUNC = @extschema@.occupancy_state_maccum, MINVFUNC = @extschema@.occupancy_state_retract,
	MSTYPE = @extschema@.occupancy_state,
	MFINALFUNC = @extschema@.occupancy_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.occupancy_agg(interval, interval) IS 'two-step occupancy: the occupancy_state (periods, busy and available time) of the rows; durations as intervals';
CREATE AGGREGATE @extschema@.occupancy(busy double precision, available double precision) (
	SFUNC = @extschema@.occupancy_state_accum, STYPE = @extschema@.occupancy_state,
	FINALFUNC = @extschema@.occupancy, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.occupancy_state_combine,
	MSFUNC = @extschema@.occupancy_state_maccum, MINVFUNC = @extschema@.occupancy_state_retract,
	MSTYPE = @extschema@.occupancy_state,
	MFINALFUNC = @extschema@.occupancy, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.occupancy(double precision, double precision) IS 'occupancy: sum(busy) * 100 / sum(busy + available), numeric 0..100; durations in seconds';
CREATE AGGREGATE @extschema@.occupancy_agg(busy double precision, available double precision) (
	SFUNC = @extschema@.occupancy_state_accum, STYPE = @extschema@.occupancy_state,
	COMBINEFUNC = @extschema@.occupancy_state_combine,
	MSFUNC = @extschema@.occupancy_state_maccum, MINVFUNC = @extschema@.occupancy_state_retract,
	MSTYPE = @extschema@.occupancy_state,
	MFINALFUNC = @extschema@.occupancy_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.occupancy_agg(double precision, double precision) IS 'two-step occupancy: the occupancy_state (periods, busy and available time) of the rows; durations in seconds';


-- =======================================================================
-- 5. Exact durations: resolution_time, exact percentiles, on duration_values
--
-- The state keeps every value (8 bytes each, at most
-- support_kpi.exact_max_values); over window frames it is an
-- order-statistics tree.  The percentile is the one percentile_cont gives
-- on the same data (the median when none is given), in seconds.  There is
-- no public two-step form: stored rollups use the duration sketch (next
-- section).
-- =======================================================================

CREATE TYPE @extschema@.duration_values;
CREATE FUNCTION @extschema@.duration_values_in(cstring) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_in(cstring) IS 'text input of duration_values: {"version":1,"percentiles":[p,...],"array":b,"values":[seconds,...]}; validated';
CREATE FUNCTION @extschema@.duration_values_out(@extschema@.duration_values) RETURNS cstring
	AS 'MODULE_PATHNAME', 'skpi_duration_values_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_out(@extschema@.duration_values) IS 'text output of duration_values (the form duration_values_in reads)';
CREATE FUNCTION @extschema@.duration_values_recv(internal) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_recv(internal) IS 'binary input of duration_values (COPY BINARY, binary protocol): uint8 version, uint8 array flag, uint8 number of percentiles, float8 per percentile, int64 number of values, float8 per value; validated';
CREATE FUNCTION @extschema@.duration_values_send(@extschema@.duration_values) RETURNS bytea
	AS 'MODULE_PATHNAME', 'skpi_duration_values_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_send(@extschema@.duration_values) IS 'binary output of duration_values (the form duration_values_recv reads)';
CREATE TYPE @extschema@.duration_values (
	INPUT = @extschema@.duration_values_in, OUTPUT = @extschema@.duration_values_out,
	RECEIVE = @extschema@.duration_values_recv, SEND = @extschema@.duration_values_send,
	INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = extended);
COMMENT ON TYPE @extschema@.duration_values IS 'every duration of a group, in seconds: the state of the exact resolution_time() percentiles';

CREATE FUNCTION @extschema@.duration_values_combine(@extschema@.duration_values, @extschema@.duration_values) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_combine(@extschema@.duration_values, @extschema@.duration_values) IS 'parallel combine of resolution_time(): the values of the second state appended to the first (different percentiles are an error); refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.duration_values_percentile(@extschema@.duration_values) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_duration_values_percentile' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_percentile(@extschema@.duration_values) IS 'final function of resolution_time() with one percentile: the percentile recorded in the state, in seconds, as percentile_cont; NULL without values';
CREATE FUNCTION @extschema@.duration_values_percentiles(@extschema@.duration_values) RETURNS double precision[]
	AS 'MODULE_PATHNAME', 'skpi_duration_values_percentiles' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_percentiles(@extschema@.duration_values) IS 'final function of resolution_time(..., percentiles): the percentiles recorded in the state, in seconds, as percentile_cont; NULL without values';
CREATE FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, timestamptz, timestamptz) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_accum_timestamps' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, timestamptz, timestamptz) IS 'transition of resolution_time(opened_at, resolved_at): adds the duration in seconds (NULL skipped); refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, timestamptz, timestamptz) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_maccum_timestamps' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, timestamptz, timestamptz) IS 'moving-aggregate transition of resolution_time(opened_at, resolved_at) over window frames: as duration_values_accum, but never returns NULL';
CREATE FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, timestamptz, timestamptz) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_retract_timestamps' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, timestamptz, timestamptz) IS 'inverse transition of resolution_time(opened_at, resolved_at): removes the duration for a row leaving the window frame (NULL: recompute the frame)';
CREATE FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, timestamptz, timestamptz, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_accum_timestamps_pct' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, timestamptz, timestamptz, double precision) IS 'transition of resolution_time(opened_at, resolved_at, percentile): adds the duration in seconds (NULL skipped); refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, timestamptz, timestamptz, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_maccum_timestamps_pct' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, timestamptz, timestamptz, double precision) IS 'moving-aggregate transition of resolution_time(opened_at, resolved_at, percentile) over window frames: as duration_values_accum, but never returns NULL';
CREATE FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, timestamptz, timestamptz, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_retract_timestamps_pct' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, timestamptz, timestamptz, double precision) IS 'inverse transition of resolution_time(opened_at, resolved_at, percentile): removes the duration for a row leaving the window frame (NULL: recompute the frame)';
CREATE FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, timestamptz, timestamptz, double precision[]) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_accum_timestamps_pcts' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, timestamptz, timestamptz, double precision[]) IS 'transition of resolution_time(opened_at, resolved_at, percentiles): adds the duration in seconds (NULL skipped); refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, timestamptz, timestamptz, double precision[]) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_maccum_timestamps_pcts' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, timestamptz, timestamptz, double precision[]) IS 'moving-aggregate transition of resolution_time(opened_at, resolved_at, percentiles) over window frames: as duration_values_accum, but never returns NULL';
CREATE FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, timestamptz, timestamptz, double precision[]) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_retract_timestamps_pcts' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, timestamptz, timestamptz, double precision[]) IS 'inverse transition of resolution_time(opened_at, resolved_at, percentiles): removes the duration for a row leaving the window frame (NULL: recompute the frame)';
CREATE FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, interval) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_accum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, interval) IS 'transition of resolution_time(duration): adds the duration in seconds (NULL skipped); refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, interval) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_maccum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, interval) IS 'moving-aggregate transition of resolution_time(duration) over window frames: as duration_values_accum, but never returns NULL';
CREATE FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, interval) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_retract_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, interval) IS 'inverse transition of resolution_time(duration): removes the duration for a row leaving the window frame (NULL: recompute the frame)';
CREATE FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, interval, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_accum_interval_pct' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, interval, double precision) IS 'transition of resolution_time(duration, percentile): adds the duration in seconds (NULL skipped); refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, interval, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_maccum_interval_pct' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, interval, double precision) IS 'moving-aggregate transition of resolution_time(duration, percentile) over window frames: as duration_values_accum, but never returns NULL';
CREATE FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, interval, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_retract_interval_pct' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, interval, double precision) IS 'inverse transition of resolution_time(duration, percentile): removes the duration for a row leaving the window frame (NULL: recompute the frame)';
CREATE FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, interval, double precision[]) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_accum_interval_pcts' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, interval, double precision[]) IS 'transition of resolution_time(duration, percentiles): adds the duration in seconds (NULL skipped); refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, interval, double precision[]) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_maccum_interval_pcts' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, interval, double precision[]) IS 'moving-aggregate transition of resolution_time(duration, percentiles) over window frames: as duration_values_accum, but never returns NULL';
CREATE FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, interval, double precision[]) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_retract_interval_pcts' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, interval, double precision[]) IS 'inverse transition of resolution_time(duration, percentiles): removes the duration for a row leaving the window frame (NULL: recompute the frame)';
CREATE FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_accum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, double precision) IS 'transition of resolution_time(seconds): adds the duration in seconds (NULL skipped); refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_maccum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, double precision) IS 'moving-aggregate transition of resolution_time(seconds) over window frames: as duration_values_accum, but never returns NULL';
CREATE FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_retract_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, double precision) IS 'inverse transition of resolution_time(seconds): removes the duration for a row leaving the window frame (NULL: recompute the frame)';
CREATE FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, double precision, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_accum_seconds_pct' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, double precision, double precision) IS 'transition of resolution_time(seconds, percentile): adds the duration in seconds (NULL skipped); refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, double precision, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_maccum_seconds_pct' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, double precision, double precision) IS 'moving-aggregate transition of resolution_time(seconds, percentile) over window frames: as duration_values_accum, but never returns NULL';
CREATE FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, double precision, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_retract_seconds_pct' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, double precision, double precision) IS 'inverse transition of resolution_time(seconds, percentile): removes the duration for a row leaving the window frame (NULL: recompute the frame)';
CREATE FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, double precision, double precision[]) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_accum_seconds_pcts' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, double precision, double precision[]) IS 'transition of resolution_time(seconds, percentiles): adds the duration in seconds (NULL skipped); refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, double precision, double precision[]) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_maccum_seconds_pcts' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, double precision, double precision[]) IS 'moving-aggregate transition of resolution_time(seconds, percentiles) over window frames: as duration_values_accum, but never returns NULL';
CREATE FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, double precision, double precision[]) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_retract_seconds_pcts' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, double precision, double precision[]) IS 'inverse transition of resolution_time(seconds, percentiles): removes the duration for a row leaving the window frame (NULL: recompute the frame)';

CREATE AGGREGATE @extschema@.resolution_time(opened_at timestamptz, resolved_at timestamptz) (
	SFUNC = @extschema@.duration_values_accum, STYPE = @extschema@.duration_values,
	FINALFUNC = @extschema@.duration_values_percentile, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.duration_values_combine,
	MSFUNC = @extschema@.duration_values_maccum, MINVFUNC = @extschema@.duration_values_retract,
	MSTYPE = @extschema@.duration_values,
	MFINALFUNC = @extschema@.duration_values_percentile, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.resolution_time(timestamptz, timestamptz) IS 'the exact median of resolved_at - opened_at, in seconds (double precision), equal to what percentile_cont gives; a NULL resolved_at (unresolved) or opened_at is skipped, NULL without any';
CREATE AGGREGATE @extschema@.resolution_time(opened_at timestamptz, resolved_at timestamptz, percentile double precision) (
	SFUNC = @extschema@.duration_values_accum, STYPE = @extschema@.duration_values,
	FINALFUNC = @extschema@.duration_values_percentile, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.duration_values_combine,
	MSFUNC = @extschema@.duration_values_maccum, MINVFUNC = @extschema@.duration_values_retract,
	MSTYPE = @extschema@.duration_values,
	MFINALFUNC = @extschema@.duration_values_percentile, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.resolution_time(timestamptz, timestamptz, double precision) IS 'the exact percentile (0..1, the same on every row) of resolved_at - opened_at, in seconds (double precision), equal to what percentile_cont gives; a NULL resolved_at (unresolved) or opened_at is skipped, NULL without any';
CREATE AGGREGATE @extschema@.resolution_time(opened_at timestamptz, resolved_at timestamptz, percentiles double precision[]) (
	SFUNC = @extschema@.duration_values_accum, STYPE = @extschema@.duration_values,
	FINALFUNC = @extschema@.duration_values_percentiles, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.duration_values_combine,
	MSFUNC = @extschema@.duration_values_maccum, MINVFUNC = @extschema@.duration_values_retract,
	MSTYPE = @extschema@.duration_values,
	MFINALFUNC = @extschema@.duration_values_percentiles, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.resolution_time(timestamptz, timestamptz, double precision[]) IS 'the exact percentiles (each 0..1, the same array on every row) of resolved_at - opened_at, in seconds (double precision[]), equal to what percentile_cont gives; a NULL resolved_at (unresolved) or opened_at is skipped, NULL without any';
CREATE AGGREGATE @extschema@.resolution_time(duration interval) (
	SFUNC = @extschema@.duration_values_accum, STYPE = @extschema@.duration_values,
	FINALFUNC = @extschema@.duration_values_percentile, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.duration_values_combine,
	MSFUNC = @extschema@.duration_values_maccum, MINVFUNC = @extschema@.duration_values_retract,
	MSTYPE = @extschema@.duration_values,
	MFINALFUNC = @extschema@.duration_values_percentile, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.resolution_time(interval) IS 'the exact median of the durations, in seconds (double precision), equal to what percentile_cont gives; NULL durations skipped, NULL without any';
CREATE AGGREGATE @extschema@.resolution_time(duration interval, percentile double precision) (
	SFUNC = @extschema@.duration_values_accum, STYPE = @extschema@.duration_values,
	FINALFUNC = @extschema@.duration_values_percentile, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.duration_values_combine,
	MSFUNC = @extschema@.duration_values_maccum, MINVFUNC = @extschema@.duration_values_retract,
	MSTYPE = @extschema@.duration_values,
	MFINALFUNC = @extschema@.duration_values_percentile, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.resolution_time(interval, double precision) IS 'the exact percentile (0..1, the same on every row) of the durations, in seconds (double precision), equal to what percentile_cont gives; NULL durations skipped, NULL without any';
CREATE AGGREGATE @extschema@.resolution_time(duration interval, percentiles double precision[]) (
	SFUNC = @extschema@.duration_values_accum, STYPE = @extschema@.duration_values,
	FINALFUNC = @extschema@.duration_values_percentiles, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.duration_values_combine,
	MSFUNC = @extschema@.duration_values_maccum, MINVFUNC = @extschema@.duration_values_retract,
	MSTYPE = @extschema@.duration_values,
	MFINALFUNC = @extschema@.duration_values_percentiles, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.resolution_time(interval, double precision[]) IS 'the exact percentiles (each 0..1, the same array on every row) of the durations, in seconds (double precision[]), equal to what percentile_cont gives; NULL durations skipped, NULL without any';
CREATE AGGREGATE @extschema@.resolution_time(seconds double precision) (
	SFUNC = @extschema@.duration_values_accum, STYPE = @extschema@.duration_values,
	FINALFUNC = @extschema@.duration_values_percentile, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.duration_values_combine,
	MSFUNC = @extschema@.duration_values_maccum, MINVFUNC = @extschema@.duration_values_retract,
	MSTYPE = @extschema@.duration_values,
	MFINALFUNC = @extschema@.duration_values_percentile, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.resolution_time(double precision) IS 'the exact median of the durations (seconds), in seconds (double precision), equal to what percentile_cont gives; NULL durations skipped, NULL without any';
CREATE AGGREGATE @extschema@.resolution_time(seconds double precision, percentile double precision) (
	SFUNC = @extschema@.duration_values_accum, STYPE = @extschema@.duration_values,
	FINALFUNC = @extschema@.duration_values_percentile, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.duration_values_combine,
	MSFUNC = @extschema@.duration_values_maccum, MINVFUNC = @extschema@.duration_values_retract,
	MSTYPE = @extschema@.duration_values,
	MFINALFUNC = @extschema@.duration_values_percentile, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.resolution_time(double precision, double precision) IS 'the exact percentile (0..1, the same on every row) of the durations (seconds), in seconds (double precision), equal to what percentile_cont gives; NULL durations skipped, NULL without any';
CREATE AGGREGATE @extschema@.resolution_time(seconds double precision, percentiles double precision[]) (
	SFUNC = @extschema@.duration_values_accum, STYPE = @extschema@.duration_values,
	FINALFUNC = @extschema@.duration_values_percentiles, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.duration_values_combine,
	MSFUNC = @extschema@.duration_values_maccum, MINVFUNC = @extschema@.duration_values_retract,
	MSTYPE = @extschema@.duration_values,
	MFINALFUNC = @extschema@.duration_values_percentiles, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.resolution_time(double precision, double precision[]) IS 'the exact percentiles (each 0..1, the same array on every row) of the durations (seconds), in seconds (double precision[]), equal to what percentile_cont gives; NULL durations skipped, NULL without any';


-- =======================================================================
-- 6. Duration sketch: percentiles for dashboards and rolling windows
--
-- A mergeable state of bounded size: logarithmic buckets with relative
-- accuracy 0.5 %, plus the exact count, sum, minimum and maximum
-- (src/sketch.c).  Durations as exact microseconds; results in seconds.
-- =======================================================================

CREATE TYPE @extschema@.duration_sketch;
CREATE FUNCTION @extschema@.duration_sketch_in(cstring) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_sketch_in(cstring) IS 'text input of duration_sketch: {"version":1,"kind":"duration","count":n,"sum_us":...,"min_us":...,"min_count":...,"max_us":...,"max_count":...,"zero":...,"offset":i,"buckets":[...]}; validated';
CREATE FUNCTION @extschema@.duration_sketch_out(@extschema@.duration_sketch) RETURNS cstring
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_sketch_out(@extschema@.duration_sketch) IS 'text output of duration_sketch (the form duration_sketch_in reads)';
CREATE FUNCTION @extschema@.duration_sketch_recv(internal) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_sketch_recv(internal) IS 'binary input of duration_sketch (COPY BINARY, binary protocol): uint8 version, uint8 kind, int16 0, int64 count, zero, sum_us, min_us, min_count, max_us, max_count, int32 offset, int32 number of buckets, int64 per bucket; validated';
CREATE FUNCTION @extschema@.duration_sketch_send(@extschema@.duration_sketch) RETURNS bytea
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_sketch_send(@extschema@.duration_sketch) IS 'binary output of duration_sketch (the form duration_sketch_recv reads)';
-- up to 35 KB (4368 buckets): STORAGE extended, so large sketches are compressed / toasted
CREATE TYPE @extschema@.duration_sketch (
	INPUT = @extschema@.duration_sketch_in, OUTPUT = @extschema@.duration_sketch_out,
	RECEIVE = @extschema@.duration_sketch_recv, SEND = @extschema@.duration_sketch_send,
	INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = extended);
COMMENT ON TYPE @extschema@.duration_sketch IS 'distribution of durations: percentiles within 0.5 % relative, exact count, mean, min and max; mergeable with rollup()';

CREATE FUNCTION @extschema@.duration_sketch_combine(@extschema@.duration_sketch, @extschema@.duration_sketch) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_sketch_combine(@extschema@.duration_sketch, @extschema@.duration_sketch) IS 'merges two duration_sketch values (parallel combine, rollup()): counts, sums and extremes merged; called directly it returns a new sketch';
CREATE FUNCTION @extschema@.duration_sketch_uncombine(@extschema@.duration_sketch, @extschema@.duration_sketch) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_uncombine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_sketch_uncombine(@extschema@.duration_sketch, @extschema@.duration_sketch) IS 'inverse of duration_sketch_combine: the second sketch removed from the first (in rollup() over window frames NULL when an extreme becomes unknown; called directly, an inexact extreme)';
CREATE FUNCTION @extschema@.duration_sketch_nonempty(@extschema@.duration_sketch) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_nonempty' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_sketch_nonempty(@extschema@.duration_sketch) IS 'final function of rollup(), and of duration_agg() and resolution_time_agg() over window frames: NULL for a sketch holding no value, else the sketch without empty edge buckets';
CREATE FUNCTION @extschema@.duration_sketch_accum(@extschema@.duration_sketch, interval) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_accum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_sketch_accum(@extschema@.duration_sketch, interval) IS 'transition of duration_agg(duration interval): the bucket of the duration + 1, count, sum and extremes (NULL skipped); refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.duration_sketch_maccum(@extschema@.duration_sketch, interval) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_maccum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_sketch_maccum(@extschema@.duration_sketch, interval) IS 'moving-aggregate transition of duration_agg(duration interval) over window frames: as duration_sketch_accum, but never returns NULL';
CREATE FUNCTION @extschema@.duration_sketch_retract(@extschema@.duration_sketch, interval) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_retract_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_sketch_retract(@extschema@.duration_sketch, interval) IS 'inverse transition of duration_agg(duration interval): the bucket of the duration - 1 for a row leaving the window frame (NULL: recompute the frame, also when the last copy of an extreme leaves)';
CREATE FUNCTION @extschema@.duration_sketch_accum(@extschema@.duration_sketch, double precision) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_accum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_sketch_accum(@extschema@.duration_sketch, double precision) IS 'transition of duration_agg(seconds): the bucket of the duration + 1, count, sum and extremes (NULL skipped); refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.duration_sketch_maccum(@extschema@.duration_sketch, double precision) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_maccum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_sketch_maccum(@extschema@.duration_sketch, double precision) IS 'moving-aggregate transition of duration_agg(seconds) over window frames: as duration_sketch_accum, but never returns NULL';
CREATE FUNCTION @extschema@.duration_sketch_retract(@extschema@.duration_sketch, double precision) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_retract_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_sketch_retract(@extschema@.duration_sketch, double precision) IS 'inverse transition of duration_agg(seconds): the bucket of the duration - 1 for a row leaving the window frame (NULL: recompute the frame, also when the last copy of an extreme leaves)';
CREATE FUNCTION @extschema@.duration_sketch_accum(@extschema@.duration_sketch, timestamptz, timestamptz) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_accum_timestamps' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_sketch_accum(@extschema@.duration_sketch, timestamptz, timestamptz) IS 'transition of duration_agg(started_at, ended_at): the bucket of the duration + 1, count, sum and extremes (NULL skipped); refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.duration_sketch_maccum(@extschema@.duration_sketch, timestamptz, timestamptz) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_maccum_timestamps' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_sketch_maccum(@extschema@.duration_sketch, timestamptz, timestamptz) IS 'moving-aggregate transition of duration_agg(started_at, ended_at) over window frames: as duration_sketch_accum, but never returns NULL';
CREATE FUNCTION @extschema@.duration_sketch_retract(@extschema@.duration_sketch, timestamptz, timestamptz) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_retract_timestamps' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_sketch_retract(@extschema@.duration_sketch, timestamptz, timestamptz) IS 'inverse transition of duration_agg(started_at, ended_at): the bucket of the duration - 1 for a row leaving the window frame (NULL: recompute the frame, also when the last copy of an extreme leaves)';
-- the same for resolution_time_agg, whose errors name opened_at and resolved_at
CREATE FUNCTION @extschema@.duration_sketch_accum_resolution(@extschema@.duration_sketch, timestamptz, timestamptz) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_accum_resolution' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_sketch_accum_resolution(@extschema@.duration_sketch, timestamptz, timestamptz) IS 'transition of resolution_time_agg(opened_at, resolved_at): the bucket of resolved_at - opened_at + 1, count, sum and extremes (NULL skipped); refuses to run outside an aggregate';
CREATE FUNCTION @extschema@.duration_sketch_maccum_resolution(@extschema@.duration_sketch, timestamptz, timestamptz) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_maccum_resolution' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_sketch_maccum_resolution(@extschema@.duration_sketch, timestamptz, timestamptz) IS 'moving-aggregate transition of resolution_time_agg(opened_at, resolved_at) over window frames: as duration_sketch_accum_resolution, but never returns NULL';
CREATE FUNCTION @extschema@.duration_sketch_retract_resolution(@extschema@.duration_sketch, timestamptz, timestamptz) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_retract_resolution' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_sketch_retract_resolution(@extschema@.duration_sketch, timestamptz, timestamptz) IS 'inverse transition of resolution_time_agg(opened_at, resolved_at): the bucket of the duration - 1 for a row leaving the window frame (NULL: recompute the frame, also when the last copy of an extreme leaves)';

CREATE FUNCTION @extschema@.duration_percentile(@extschema@.duration_sketch, p double precision) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_duration_percentile' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_percentile(@extschema@.duration_sketch, double precision) IS 'percentile p (0..1) of the sketch, in seconds, interpolated as percentile_cont and within 0.5 % of it; NULL for an empty sketch';
CREATE FUNCTION @extschema@.duration_percentiles(@extschema@.duration_sketch, p double precision[]) RETURNS double precision[]
	AS 'MODULE_PATHNAME', 'skpi_duration_percentiles' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_percentiles(@extschema@.duration_sketch, double precision[]) IS 'one percentile per element of p (each 0..1), in seconds, as duration_percentile; NULL elements give NULL elements';
CREATE FUNCTION @extschema@.duration_median(@extschema@.duration_sketch) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_duration_median' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_median(@extschema@.duration_sketch) IS 'duration_percentile(sketch, 0.5), in seconds';
CREATE FUNCTION @extschema@.duration_mean(@extschema@.duration_sketch) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_duration_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_mean(@extschema@.duration_sketch) IS 'exact mean duration: sum / count, in seconds';
CREATE FUNCTION @extschema@.duration_count(@extschema@.duration_sketch) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_duration_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_count(@extschema@.duration_sketch) IS 'number of durations counted (exact)';
CREATE FUNCTION @extschema@.duration_min(@extschema@.duration_sketch) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_duration_min' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_min(@extschema@.duration_sketch) IS 'shortest duration, in seconds (exact unless an uncombine made it unknown)';
CREATE FUNCTION @extschema@.duration_max(@extschema@.duration_sketch) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_duration_max' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_max(@extschema@.duration_sketch) IS 'longest duration, in seconds (exact unless an uncombine made it unknown)';
CREATE FUNCTION @extschema@.duration_share_within(@extschema@.duration_sketch, seconds double precision) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_duration_share_within' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.duration_share_within(@extschema@.duration_sketch, double precision) IS 'durations <= seconds * 100 / count, numeric 0..100 (exact except for the bucket holding the threshold)';

CREATE AGGREGATE @extschema@.duration_agg(duration interval) (
	SFUNC = @extschema@.duration_sketch_accum, STYPE = @extschema@.duration_sketch,
	COMBINEFUNC = @extschema@.duration_sketch_combine,
	MSFUNC = @extschema@.duration_sketch_maccum, MINVFUNC = @extschema@.duration_sketch_retract,
	MSTYPE = @extschema@.duration_sketch,
	MFINALFUNC = @extschema@.duration_sketch_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.duration_agg(interval) IS 'duration_sketch of the durations (intervals): percentiles within 0.5 %, exact count, mean, min and max; NULL skipped, NULL without any';
CREATE AGGREGATE @extschema@.duration_agg(seconds double precision) (
	SFUNC = @extschema@.duration_sketch_accum, STYPE = @extschema@.duration_sketch,
	COMBINEFUNC = @extschema@.duration_sketch_combine,
	MSFUNC = @extschema@.duration_sketch_maccum, MINVFUNC = @extschema@.duration_sketch_retract,
	MSTYPE = @extschema@.duration_sketch,
	MFINALFUNC = @extschema@.duration_sketch_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.duration_agg(double precision) IS 'duration_sketch of the durations given in seconds: percentiles within 0.5 %, exact count, mean, min and max; NULL skipped, NULL without any';
CREATE AGGREGATE @extschema@.duration_agg(started_at timestamptz, ended_at timestamptz) (
	SFUNC = @extschema@.duration_sketch_accum, STYPE = @extschema@.duration_sketch,
	COMBINEFUNC = @extschema@.duration_sketch_combine,
	MSFUNC = @extschema@.duration_sketch_maccum, MINVFUNC = @extschema@.duration_sketch_retract,
	MSTYPE = @extschema@.duration_sketch,
	MFINALFUNC = @extschema@.duration_sketch_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.duration_agg(timestamptz, timestamptz) IS 'duration_sketch of ended_at - started_at: percentiles within 0.5 %, exact count, mean, min and max; NULL skipped, NULL without any';
CREATE AGGREGATE @extschema@.resolution_time_agg(opened_at timestamptz, resolved_at timestamptz) (
	SFUNC = @extschema@.duration_sketch_accum_resolution, STYPE = @extschema@.duration_sketch,
	COMBINEFUNC = @extschema@.duration_sketch_combine,
	MSFUNC = @extschema@.duration_sketch_maccum_resolution, MINVFUNC = @extschema@.duration_sketch_retract_resolution,
	MSTYPE = @extschema@.duration_sketch,
	MFINALFUNC = @extschema@.duration_sketch_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.resolution_time_agg(timestamptz, timestamptz) IS 'duration_sketch of resolved_at - opened_at (a NULL resolved_at, unresolved, is skipped): duration_agg under the name analysts look for';


-- =======================================================================
-- 7. Business calendars: working-time durations
--
-- The business_calendar type (a time zone, weekly hours, dated hours and
-- holidays) and working seconds measured on it.
-- =======================================================================

CREATE TYPE @extschema@.business_calendar;
CREATE FUNCTION @extschema@.business_calendar_in(cstring) RETURNS @extschema@.business_calendar
	AS 'MODULE_PATHNAME', 'skpi_business_calendar_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.business_calendar_in(cstring) IS 'text input of business_calendar: zone; weekly hours; dated hours; holidays (canonical: weekdays grouped, intervals sorted and merged); validated';
CREATE FUNCTION @extschema@.business_calendar_out(@extschema@.business_calendar) RETURNS cstring
	AS 'MODULE_PATHNAME', 'skpi_business_calendar_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.business_calendar_out(@extschema@.business_calendar) IS 'text output of business_calendar (the form business_calendar_in reads)';
CREATE FUNCTION @extschema@.business_calendar_recv(internal) RETURNS @extschema@.business_calendar
	AS 'MODULE_PATHNAME', 'skpi_business_calendar_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.business_calendar_recv(internal) IS 'binary input of business_calendar (COPY BINARY, binary protocol): uint8 version, the zone name, the intervals of each weekday, then the dated entries (first and last date, their intervals); validated';
CREATE FUNCTION @extschema@.business_calendar_send(@extschema@.business_calendar) RETURNS bytea
	AS 'MODULE_PATHNAME', 'skpi_business_calendar_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.business_calendar_send(@extschema@.business_calendar) IS 'binary output of business_calendar (the form business_calendar_recv reads)';
CREATE TYPE @extschema@.business_calendar (
	INPUT = @extschema@.business_calendar_in, OUTPUT = @extschema@.business_calendar_out,
	RECEIVE = @extschema@.business_calendar_recv, SEND = @extschema@.business_calendar_send,
	INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = extended);
COMMENT ON TYPE @extschema@.business_calendar IS 'business hours: a time zone, weekly hours, dated hours and holidays, e.g. ''Europe/Berlin; Mon-Fri 09:00-18:00; holidays 2026-12-24..2026-12-26''';

CREATE FUNCTION @extschema@.business_seconds(calendar @extschema@.business_calendar, start_at timestamptz, end_at timestamptz) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_business_seconds' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.business_seconds(@extschema@.business_calendar, timestamptz, timestamptz) IS 'working seconds of the calendar between two instants (negative when end_at is before start_at)';
CREATE FUNCTION @extschema@.business_add(calendar @extschema@.business_calendar, start_at timestamptz, seconds double precision) RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'skpi_business_add' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.business_add(@extschema@.business_calendar, timestamptz, double precision) IS 'the first instant at which that many working seconds have passed since start_at (SLA due time)';
CREATE FUNCTION @extschema@.is_business_time(calendar @extschema@.business_calendar, at timestamptz) RETURNS boolean
	AS 'MODULE_PATHNAME', 'skpi_is_business_time' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_business_time(@extschema@.business_calendar, timestamptz) IS 'whether the instant falls in the calendar''s business hours (intervals are half-open: [start, end))';


-- =======================================================================
-- 8. Contact timelines: per-contact timings from event logs
--
-- The aggregate contact_timeline(kind, at [, party [, operator_id]]) keeps
-- the events of one contact (contact_timeline_state, 16 bytes an event) and
-- summarizes them, sorted, into a contact_timeline read by the accessors
-- (durations in seconds); sessionize() numbers a customer's sessions in a
-- window (src/timeline_state.c, src/timeline_summary.c, src/window.c).
-- =======================================================================

-- 8.1 Events: kinds, parties, and a composite type for event logs --------
CREATE TYPE @extschema@.contact_event_kind AS ENUM (
	'offered', 'customer_message', 'operator_message', 'bot_message', 'assigned',
	'transferred', 'hold_start', 'hold_end', 'answered', 'abandoned', 'ended',
	'wrapup_end', 'resolved', 'reopened');
COMMENT ON TYPE @extschema@.contact_event_kind IS 'what happened in a contact; the order of the labels breaks ties between events at the same instant';
CREATE TYPE @extschema@.contact_party AS ENUM ('customer', 'operator', 'bot', 'system');
COMMENT ON TYPE @extschema@.contact_party IS 'who caused a contact event';
CREATE TYPE @extschema@.contact_event AS (kind @extschema@.contact_event_kind, at timestamptz,
	party @extschema@.contact_party, operator_id text);
COMMENT ON TYPE @extschema@.contact_event IS 'one event of a contact, for event logs kept as rows of this type';

-- 8.2 contact_timeline_state: the aggregate's state (the events) ---------
CREATE TYPE @extschema@.contact_timeline_state;
CREATE FUNCTION @extschema@.contact_timeline_state_in(cstring) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_state_in' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.contact_timeline_state_in(cstring) IS 'text input of contact_timeline_state: {"version":1,"events":[[at,kind,party,operator_id],...]}; validated (STABLE, as timestamptz input)';
CREATE FUNCTION @extschema@.contact_timeline_state_out(@extschema@.contact_timeline_state) RETURNS cstring
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_state_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.contact_timeline_state_out(@extschema@.contact_timeline_state) IS 'text output of contact_timeline_state (the form contact_timeline_state_in reads)';
CREATE FUNCTION @extschema@.contact_timeline_state_recv(internal) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_state_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.contact_timeline_state_recv(internal) IS 'binary input of contact_timeline_state (COPY BINARY, binary protocol): uint8 version, int32 number of events, per event int64 time, kind and party bytes, int32 length and bytes of the operator id (-1 for NULL); validated';
CREATE FUNCTION @extschema@.contact_timeline_state_send(@extschema@.contact_timeline_state) RETURNS bytea
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.contact_timeline_state_send(@extschema@.contact_timeline_state) IS 'binary output of contact_timeline_state (the form contact_timeline_state_recv reads)';
CREATE TYPE @extschema@.contact_timeline_state (
	INPUT = @extschema@.contact_timeline_state_in, OUTPUT = @extschema@.contact_timeline_state_out,
	RECEIVE = @extschema@.contact_timeline_state_recv, SEND = @extschema@.contact_timeline_state_send,
	INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = extended);
COMMENT ON TYPE @extschema@.contact_timeline_state IS 'the events of one contact: the state of the contact_timeline() aggregate';

-- 8.3 contact_timeline: the timings of one contact (160 bytes) -----------
CREATE TYPE @extschema@.contact_timeline;
CREATE FUNCTION @extschema@.contact_timeline_in(cstring) RETURNS @extschema@.contact_timeline
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_in' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.contact_timeline_in(cstring) IS 'text input of contact_timeline: {"version":1,"first_event":...,...,"resolved":b}, times in UTC, durations in seconds; validated (STABLE, as timestamptz input)';
CREATE FUNCTION @extschema@.contact_timeline_out(@extschema@.contact_timeline) RETURNS cstring
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.contact_timeline_out(@extschema@.contact_timeline) IS 'text output of contact_timeline (the form contact_timeline_in reads)';
CREATE FUNCTION @extschema@.contact_timeline_recv(internal) RETURNS @extschema@.contact_timeline
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.contact_timeline_recv(internal) IS 'binary input of contact_timeline (COPY BINARY, binary protocol): version and flag bytes, then 18 int64 (counts, times in microseconds, durations with -1 for NULL); validated';
CREATE FUNCTION @extschema@.contact_timeline_send(@extschema@.contact_timeline) RETURNS bytea
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.contact_timeline_send(@extschema@.contact_timeline) IS 'binary output of contact_timeline (the form contact_timeline_recv reads)';
CREATE TYPE @extschema@.contact_timeline (
	INPUT = @extschema@.contact_timeline_in, OUTPUT = @extschema@.contact_timeline_out,
	RECEIVE = @extschema@.contact_timeline_recv, SEND = @extschema@.contact_timeline_send,
	INTERNALLENGTH = 160, ALIGNMENT = double, STORAGE = plain);
COMMENT ON TYPE @extschema@.contact_timeline IS 'per-contact timings: first response, response times, handle time, hold, resolution time, counts and flags';

-- 8.4 The aggregate contact_timeline(...) and the accessors --------------
CREATE FUNCTION @extschema@.contact_timeline_combine(@extschema@.contact_timeline_state, @extschema@.contact_timeline_state) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.contact_timeline_combine(@extschema@.contact_timeline_state, @extschema@.contact_timeline_state) IS 'parallel combine of contact_timeline(): the events of both states of one contact, concatenated';
CREATE FUNCTION @extschema@.contact_timeline_final(@extschema@.contact_timeline_state) RETURNS @extschema@.contact_timeline
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.contact_timeline_final(@extschema@.contact_timeline_state) IS 'final function of contact_timeline(): sorts the events and summarizes them into a contact_timeline; also callable on a stored state';
-- the same transition for every form; it never returns NULL (also the moving-aggregate
-- transition), the inverse removes one equal event (window frames)
CREATE FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, @extschema@.contact_event_kind, timestamptz) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, @extschema@.contact_event_kind, timestamptz) IS 'transition of contact_timeline(kind, at), also its moving-aggregate transition: appends the event (NULL kind or at skipped), never returns NULL';
CREATE FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, @extschema@.contact_event_kind, timestamptz) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, @extschema@.contact_event_kind, timestamptz) IS 'inverse transition of contact_timeline(kind, at): removes the event of a row leaving the window frame (one equal event)';
CREATE FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, @extschema@.contact_event_kind, timestamptz, @extschema@.contact_party) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, @extschema@.contact_event_kind, timestamptz, @extschema@.contact_party) IS 'transition of contact_timeline(kind, at, party), also its moving-aggregate transition: appends the event (NULL kind or at skipped), never returns NULL';
CREATE FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, @extschema@.contact_event_kind, timestamptz, @extschema@.contact_party) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, @extschema@.contact_event_kind, timestamptz, @extschema@.contact_party) IS 'inverse transition of contact_timeline(kind, at, party): removes the event of a row leaving the window frame (one equal event)';
CREATE FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, @extschema@.contact_event_kind, timestamptz, @extschema@.contact_party, text) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, @extschema@.contact_event_kind, timestamptz, @extschema@.contact_party, text) IS 'transition of contact_timeline(kind, at, party, operator_id), also its moving-aggregate transition: appends the event (NULL kind or at skipped), never returns NULL';
CREATE FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, @extschema@.contact_event_kind, timestamptz, @extschema@.contact_party, text) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, @extschema@.contact_event_kind, timestamptz, @extschema@.contact_party, text) IS 'inverse transition of contact_timeline(kind, at, party, operator_id): removes the event of a row leaving the window frame (one equal event)';
CREATE FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, text, timestamptz) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, text, timestamptz) IS 'transition of contact_timeline(kind text, at), also its moving-aggregate transition: appends the event (NULL kind or at skipped), never returns NULL';
CREATE FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, text, timestamptz) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, text, timestamptz) IS 'inverse transition of contact_timeline(kind text, at): removes the event of a row leaving the window frame (one equal event)';
CREATE FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, text, timestamptz, @extschema@.contact_party) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, text, timestamptz, @extschema@.contact_party) IS 'transition of contact_timeline(kind text, at, party), also its moving-aggregate transition: appends the event (NULL kind or at skipped), never returns NULL';
CREATE FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, text, timestamptz, @extschema@.contact_party) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, text, timestamptz, @extschema@.contact_party) IS 'inverse transition of contact_timeline(kind text, at, party): removes the event of a row leaving the window frame (one equal event)';
CREATE FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, text, timestamptz, @extschema@.contact_party, text) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, text, timestamptz, @extschema@.contact_party, text) IS 'transition of contact_timeline(kind text, at, party, operator_id), also its moving-aggregate transition: appends the event (NULL kind or at skipped), never returns NULL';
CREATE FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, text, timestamptz, @extschema@.contact_party, text) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, text, timestamptz, @extschema@.contact_party, text) IS 'inverse transition of contact_timeline(kind text, at, party, operator_id): removes the event of a row leaving the window frame (one equal event)';
CREATE FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, @extschema@.contact_event) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, @extschema@.contact_event) IS 'transition of contact_timeline(event), also its moving-aggregate transition: appends the event (NULL kind or at skipped), never returns NULL';
CREATE FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, @extschema@.contact_event) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, @extschema@.contact_event) IS 'inverse transition of contact_timeline(event): removes the event of a row leaving the window frame (one equal event)';

CREATE FUNCTION @extschema@.first_event_at(@extschema@.contact_timeline) RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'skpi_first_event_at' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.first_event_at(@extschema@.contact_timeline) IS 'time of the first event of the contact';
CREATE FUNCTION @extschema@.first_customer_message_at(@extschema@.contact_timeline) RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'skpi_first_customer_message_at' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.first_customer_message_at(@extschema@.contact_timeline) IS 'time of the first customer message (NULL without one)';
CREATE FUNCTION @extschema@.first_response_time(@extschema@.contact_timeline) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_first_response_time' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.first_response_time(@extschema@.contact_timeline) IS 'seconds from the first customer message to the first operator message after it';
CREATE FUNCTION @extschema@.avg_response_time(@extschema@.contact_timeline) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_avg_response_time' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.avg_response_time(@extschema@.contact_timeline) IS 'mean seconds of the answered customer turns (customer message -> operator reply)';
CREATE FUNCTION @extschema@.max_response_time(@extschema@.contact_timeline) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_max_response_time' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.max_response_time(@extschema@.contact_timeline) IS 'longest answered customer turn, in seconds';
CREATE FUNCTION @extschema@.response_turns(@extschema@.contact_timeline) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_response_turns' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.response_turns(@extschema@.contact_timeline) IS 'number of answered customer turns (customer message -> operator reply)';
CREATE FUNCTION @extschema@.assignment_to_reply_time(@extschema@.contact_timeline) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_assignment_to_reply_time' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.assignment_to_reply_time(@extschema@.contact_timeline) IS 'seconds from the first assignment to the first operator message after it';
CREATE FUNCTION @extschema@.handle_time(@extschema@.contact_timeline) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_handle_time' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.handle_time(@extschema@.contact_timeline) IS 'calls: answered -> ended plus wrap-up; chats: first operator message -> resolved (or last operator message)';
CREATE FUNCTION @extschema@.hold_time(@extschema@.contact_timeline) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_hold_time' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.hold_time(@extschema@.contact_timeline) IS 'seconds on hold (hold_start -> hold_end)';
CREATE FUNCTION @extschema@.contact_duration(@extschema@.contact_timeline) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_contact_duration' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.contact_duration(@extschema@.contact_timeline) IS 'seconds from the first to the last event';
CREATE FUNCTION @extschema@.time_to_resolution(@extschema@.contact_timeline) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_time_to_resolution' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_to_resolution(@extschema@.contact_timeline) IS 'seconds from the first offered or customer message to the first resolved after it';
CREATE FUNCTION @extschema@.message_count(@extschema@.contact_timeline) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_message_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.message_count(@extschema@.contact_timeline) IS 'number of messages of every party';
CREATE FUNCTION @extschema@.message_count(@extschema@.contact_timeline, party @extschema@.contact_party) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_message_count_party' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.message_count(@extschema@.contact_timeline, @extschema@.contact_party) IS 'number of messages of the party (0 for system)';
CREATE FUNCTION @extschema@.event_count(@extschema@.contact_timeline) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_event_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.event_count(@extschema@.contact_timeline) IS 'number of events of the contact';
CREATE FUNCTION @extschema@.transfer_count(@extschema@.contact_timeline) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_transfer_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.transfer_count(@extschema@.contact_timeline) IS 'number of transferred events';
CREATE FUNCTION @extschema@.reopen_count(@extschema@.contact_timeline) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_reopen_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.reopen_count(@extschema@.contact_timeline) IS 'number of reopened events';
CREATE FUNCTION @extschema@.operator_count(@extschema@.contact_timeline) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_operator_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.operator_count(@extschema@.contact_timeline) IS 'distinct non-NULL operator ids';
CREATE FUNCTION @extschema@.bot_handoff(@extschema@.contact_timeline) RETURNS boolean
	AS 'MODULE_PATHNAME', 'skpi_bot_handoff' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bot_handoff(@extschema@.contact_timeline) IS 'a bot message came before the first operator message';
CREATE FUNCTION @extschema@.is_abandoned(@extschema@.contact_timeline) RETURNS boolean
	AS 'MODULE_PATHNAME', 'skpi_is_abandoned' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_abandoned(@extschema@.contact_timeline) IS 'the contact has an abandoned event';
CREATE FUNCTION @extschema@.is_resolved(@extschema@.contact_timeline) RETURNS boolean
	AS 'MODULE_PATHNAME', 'skpi_is_resolved' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_resolved(@extschema@.contact_timeline) IS 'resolved, and not reopened after the last resolve';

CREATE AGGREGATE @extschema@.contact_timeline(kind @extschema@.contact_event_kind, at timestamptz) (
	SFUNC = @extschema@.contact_timeline_accum, STYPE = @extschema@.contact_timeline_state,
	FINALFUNC = @extschema@.contact_timeline_final, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.contact_timeline_combine,
	MSFUNC = @extschema@.contact_timeline_accum, MINVFUNC = @extschema@.contact_timeline_retract,
	MSTYPE = @extschema@.contact_timeline_state,
	MFINALFUNC = @extschema@.contact_timeline_final, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.contact_timeline(@extschema@.contact_event_kind, timestamptz) IS 'the timings of one contact (a contact_timeline) from its events given as (kind, at), each party the kind''s default, in any order; NULL without events';
CREATE AGGREGATE @extschema@.contact_timeline(kind @extschema@.contact_event_kind, at timestamptz, party @extschema@.contact_party) (
	SFUNC = @extschema@.contact_timeline_accum, STYPE = @extschema@.contact_timeline_state,
	FINALFUNC = @extschema@.contact_timeline_final, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.contact_timeline_combine,
	MSFUNC = @extschema@.contact_timeline_accum, MINVFUNC = @extschema@.contact_timeline_retract,
	MSTYPE = @extschema@.contact_timeline_state,
	MFINALFUNC = @extschema@.contact_timeline_final, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.contact_timeline(@extschema@.contact_event_kind, timestamptz, @extschema@.contact_party) IS 'the timings of one contact (a contact_timeline) from its events given as (kind, at, party), in any order; NULL without events';
CREATE AGGREGATE @extschema@.contact_timeline(kind @extschema@.contact_event_kind, at timestamptz, party @extschema@.contact_party, operator_id text) (
	SFUNC = @extschema@.contact_timeline_accum, STYPE = @extschema@.contact_timeline_state,
	FINALFUNC = @extschema@.contact_timeline_final, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.contact_timeline_combine,
	MSFUNC = @extschema@.contact_timeline_accum, MINVFUNC = @extschema@.contact_timeline_retract,
	MSTYPE = @extschema@.contact_timeline_state,
	MFINALFUNC = @extschema@.contact_timeline_final, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.contact_timeline(@extschema@.contact_event_kind, timestamptz, @extschema@.contact_party, text) IS 'the timings of one contact (a contact_timeline) from its events given as (kind, at, party, operator_id), in any order; NULL without events';
CREATE AGGREGATE @extschema@.contact_timeline(kind text, at timestamptz) (
	SFUNC = @extschema@.contact_timeline_accum, STYPE = @extschema@.contact_timeline_state,
	FINALFUNC = @extschema@.contact_timeline_final, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.contact_timeline_combine,
	MSFUNC = @extschema@.contact_timeline_accum, MINVFUNC = @extschema@.contact_timeline_retract,
	MSTYPE = @extschema@.contact_timeline_state,
	MFINALFUNC = @extschema@.contact_timeline_final, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.contact_timeline(text, timestamptz) IS 'the timings of one contact (a contact_timeline) from its events given as (kind text, at), kinds as the enum''s labels, each party the kind''s default, in any order; NULL without events';
CREATE AGGREGATE @extschema@.contact_timeline(kind text, at timestamptz, party @extschema@.contact_party) (
	SFUNC = @extschema@.contact_timeline_accum, STYPE = @extschema@.contact_timeline_state,
	FINALFUNC = @extschema@.contact_timeline_final, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.contact_timeline_combine,
	MSFUNC = @extschema@.contact_timeline_accum, MINVFUNC = @extschema@.contact_timeline_retract,
	MSTYPE = @extschema@.contact_timeline_state,
	MFINALFUNC = @extschema@.contact_timeline_final, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.contact_timeline(text, timestamptz, @extschema@.contact_party) IS 'the timings of one contact (a contact_timeline) from its events given as (kind text, at, party), kinds as the enum''s labels, in any order; NULL without events';
CREATE AGGREGATE @extschema@.contact_timeline(kind text, at timestamptz, party @extschema@.contact_party, operator_id text) (
	SFUNC = @extschema@.contact_timeline_accum, STYPE = @extschema@.contact_timeline_state,
	FINALFUNC = @extschema@.contact_timeline_final, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.contact_timeline_combine,
	MSFUNC = @extschema@.contact_timeline_accum, MINVFUNC = @extschema@.contact_timeline_retract,
	MSTYPE = @extschema@.contact_timeline_state,
	MFINALFUNC = @extschema@.contact_timeline_final, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.contact_timeline(text, timestamptz, @extschema@.contact_party, text) IS 'the timings of one contact (a contact_timeline) from its events given as (kind text, at, party, operator_id), kinds as the enum''s labels, in any order; NULL without events';
CREATE AGGREGATE @extschema@.contact_timeline(event @extschema@.contact_event) (
	SFUNC = @extschema@.contact_timeline_accum, STYPE = @extschema@.contact_timeline_state,
	FINALFUNC = @extschema@.contact_timeline_final, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.contact_timeline_combine,
	MSFUNC = @extschema@.contact_timeline_accum, MINVFUNC = @extschema@.contact_timeline_retract,
	MSTYPE = @extschema@.contact_timeline_state,
	MFINALFUNC = @extschema@.contact_timeline_final, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.contact_timeline(@extschema@.contact_event) IS 'the timings of one contact (a contact_timeline) from its events given as rows of the composite type contact_event, in any order; NULL without events';

-- 8.5 Sessions: the window function sessionize ---------------------------
CREATE FUNCTION @extschema@.sessionize(at timestamptz, gap interval) RETURNS integer
	AS 'MODULE_PATHNAME', 'skpi_sessionize' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sessionize(timestamptz, interval) IS 'window function: session number (1, 2, ...) of an event, a new session after a silence longer than gap';


-- =======================================================================
-- 9. Staffing: Erlang C
--
-- Plain functions of contacts offered in one interval of interval_s
-- seconds, handled in aht_s seconds on average, by agents agents; the
-- results are fractions 0..1 (as the model is published) or seconds.  The
-- _pct forms give (numeric) and take percentages 0..100, as the rest of
-- the API does.
-- =======================================================================

CREATE FUNCTION @extschema@.erlang_c_pw(contacts double precision, interval_s double precision,
	aht_s double precision, agents integer) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_erlang_c_pw' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.erlang_c_pw(double precision, double precision, double precision, integer) IS 'Erlang C probability that a contact waits (a fraction 0..1), for contacts offered per interval of interval_s seconds, an average handle time of aht_s seconds and the given number of agents';
CREATE FUNCTION @extschema@.erlang_c_sl(contacts double precision, interval_s double precision,
	aht_s double precision, agents integer, threshold_s double precision) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_erlang_c_sl' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.erlang_c_sl(double precision, double precision, double precision, integer, double precision) IS 'Erlang C predicted service level: the fraction 0..1 of contacts answered within threshold_s seconds';
CREATE FUNCTION @extschema@.erlang_c_asa(contacts double precision, interval_s double precision,
	aht_s double precision, agents integer) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_erlang_c_asa' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.erlang_c_asa(double precision, double precision, double precision, integer) IS 'Erlang C predicted average speed of answer, in seconds (Infinity when the agents cannot carry the traffic)';
CREATE FUNCTION @extschema@.erlang_c_occupancy(contacts double precision, interval_s double precision,
	aht_s double precision, agents integer) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_erlang_c_occupancy' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.erlang_c_occupancy(double precision, double precision, double precision, integer) IS 'Erlang C agent occupancy: traffic / agents, a fraction 0..1 (capped at 1)';
CREATE FUNCTION @extschema@.erlang_c_agents(contacts double precision, interval_s double precision,
	aht_s double precision, target_sl double precision, threshold_s double precision) RETURNS integer
	AS 'MODULE_PATHNAME', 'skpi_erlang_c_agents' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.erlang_c_agents(double precision, double precision, double precision, double precision, double precision) IS 'the fewest agents whose Erlang C service level within threshold_s seconds reaches target_sl (a fraction 0..1)';
CREATE FUNCTION @extschema@.erlang_c_agents(contacts double precision, interval_s double precision,
	aht_s double precision, target_sl double precision, threshold_s double precision,
	max_occupancy double precision) RETURNS integer
	AS 'MODULE_PATHNAME', 'skpi_erlang_c_agents' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.erlang_c_agents(double precision, double precision, double precision, double precision, double precision, double precision) IS 'the fewest agents whose Erlang C service level within threshold_s seconds reaches target_sl (a fraction) at an occupancy of at most max_occupancy (a fraction, (0, 1])';
CREATE FUNCTION @extschema@.erlang_c_pw_pct(contacts double precision, interval_s double precision,
	aht_s double precision, agents integer) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_erlang_c_pw_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.erlang_c_pw_pct(double precision, double precision, double precision, integer) IS 'Erlang C probability that a contact waits as a percentage, numeric 0..100: 100 * erlang_c_pw(...)';
CREATE FUNCTION @extschema@.erlang_c_sl_pct(contacts double precision, interval_s double precision,
	aht_s double precision, agents integer, threshold_s double precision) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_erlang_c_sl_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.erlang_c_sl_pct(double precision, double precision, double precision, integer, double precision) IS 'Erlang C predicted service level as a percentage, numeric 0..100, of contacts answered within threshold_s seconds: 100 * erlang_c_sl(...)';
CREATE FUNCTION @extschema@.erlang_c_occupancy_pct(contacts double precision, interval_s double precision,
	aht_s double precision, agents integer) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_erlang_c_occupancy_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.erlang_c_occupancy_pct(double precision, double precision, double precision, integer) IS 'Erlang C agent occupancy as a percentage: traffic * 100 / agents, numeric 0..100 (capped at 100): 100 * erlang_c_occupancy(...)';
CREATE FUNCTION @extschema@.erlang_c_agents_pct(contacts double precision, interval_s double precision,
	aht_s double precision, target_sl_pct double precision, threshold_s double precision) RETURNS integer
	AS 'MODULE_PATHNAME', 'skpi_erlang_c_agents_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.erlang_c_agents_pct(double precision, double precision, double precision, double precision, double precision) IS 'the fewest agents whose Erlang C service level within threshold_s seconds reaches target_sl_pct (a percentage, (0, 100))';
CREATE FUNCTION @extschema@.erlang_c_agents_pct(contacts double precision, interval_s double precision,
	aht_s double precision, target_sl_pct double precision, threshold_s double precision,
	max_occupancy_pct double precision) RETURNS integer
	AS 'MODULE_PATHNAME', 'skpi_erlang_c_agents_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.erlang_c_agents_pct(double precision, double precision, double precision, double precision, double precision, double precision) IS 'the fewest agents whose Erlang C service level within threshold_s seconds reaches target_sl_pct (a percentage, (0, 100)) at an occupancy of at most max_occupancy_pct (a percentage, (0, 100])';


-- =======================================================================
-- 10. Rollup: merging stored states
--
-- rollup(state) merges states exactly (the state of all their rows: never
-- average ratios), skips NULL states, and works over moving window frames
-- (the uncombine function is its inverse).  One overload for each of the
-- eight mergeable state types (duration_values and contact_timeline_state
-- hold rows, not counts, and have none); the accessors read the result.
-- =======================================================================

CREATE AGGREGATE @extschema@.rollup(@extschema@.nps_state) (
	SFUNC = @extschema@.nps_state_combine, STYPE = @extschema@.nps_state,
	COMBINEFUNC = @extschema@.nps_state_combine,
	MSFUNC = @extschema@.nps_state_combine, MINVFUNC = @extschema@.nps_state_uncombine,
	MSTYPE = @extschema@.nps_state,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.nps_state) IS 'merges nps_state values: counters added, NULL states skipped; NULL without any';
CREATE AGGREGATE @extschema@.rollup(@extschema@.ces_state) (
	SFUNC = @extschema@.ces_state_combine, STYPE = @extschema@.ces_state,
	COMBINEFUNC = @extschema@.ces_state_combine,
	MSFUNC = @extschema@.ces_state_combine, MINVFUNC = @extschema@.ces_state_uncombine,
	MSTYPE = @extschema@.ces_state,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.ces_state) IS 'merges ces_state values: counters added, NULL states skipped; states of different scales are an error; NULL without any';
CREATE AGGREGATE @extschema@.rollup(@extschema@.csat_state) (
	SFUNC = @extschema@.csat_state_combine, STYPE = @extschema@.csat_state,
	COMBINEFUNC = @extschema@.csat_state_combine,
	MSFUNC = @extschema@.csat_state_combine, MINVFUNC = @extschema@.csat_state_uncombine,
	MSTYPE = @extschema@.csat_state,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.csat_state) IS 'merges csat_state values: counters added, NULL states skipped; states of different scales are an error; NULL without any';
CREATE AGGREGATE @extschema@.rollup(@extschema@.share_state) (
	SFUNC = @extschema@.share_state_combine, STYPE = @extschema@.share_state,
	COMBINEFUNC = @extschema@.share_state_combine,
	MSFUNC = @extschema@.share_state_combine, MINVFUNC = @extschema@.share_state_uncombine,
	MSTYPE = @extschema@.share_state,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.share_state) IS 'merges share_state values: counters added, NULL states skipped; NULL without any';
CREATE AGGREGATE @extschema@.rollup(@extschema@.queue_state) (
	SFUNC = @extschema@.queue_state_combine, STYPE = @extschema@.queue_state,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_combine, MINVFUNC = @extschema@.queue_state_uncombine,
	MSTYPE = @extschema@.queue_state,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.queue_state) IS 'merges queue_state values: counters added, NULL states skipped; states of different policies are an error; NULL without any';
CREATE AGGREGATE @extschema@.rollup(@extschema@.handle_state) (
	SFUNC = @extschema@.handle_state_combine, STYPE = @extschema@.handle_state,
	COMBINEFUNC = @extschema@.handle_state_combine,
	MSFUNC = @extschema@.handle_state_combine, MINVFUNC = @extschema@.handle_state_uncombine,
	MSTYPE = @extschema@.handle_state,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.handle_state) IS 'merges handle_state values: counters added, NULL states skipped; NULL without any';
CREATE AGGREGATE @extschema@.rollup(@extschema@.occupancy_state) (
	SFUNC = @extschema@.occupancy_state_combine, STYPE = @extschema@.occupancy_state,
	COMBINEFUNC = @extschema@.occupancy_state_combine,
	MSFUNC = @extschema@.occupancy_state_combine, MINVFUNC = @extschema@.occupancy_state_uncombine,
	MSTYPE = @extschema@.occupancy_state,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.occupancy_state) IS 'merges occupancy_state values: counters added, NULL states skipped; NULL without any';
-- sketches holding no value (only from text input) give NULL, as no rows do
CREATE AGGREGATE @extschema@.rollup(@extschema@.duration_sketch) (
	SFUNC = @extschema@.duration_sketch_combine, STYPE = @extschema@.duration_sketch,
	FINALFUNC = @extschema@.duration_sketch_nonempty, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.duration_sketch_combine,
	MSFUNC = @extschema@.duration_sketch_combine, MINVFUNC = @extschema@.duration_sketch_uncombine,
	MSTYPE = @extschema@.duration_sketch,
	MFINALFUNC = @extschema@.duration_sketch_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.duration_sketch) IS 'merges duration_sketch values: counts added, the same bytes as duration_agg over all their rows; NULL states skipped, NULL when none holds a value';


-- =======================================================================
-- 11. Demo data: generate_demo_contacts, generate_demo_events; the operators' time
-- (generate_demo_agent_status, generate_demo_schedule, generate_demo_chats)
--
-- A deterministic synthetic support line (chats, calls, e-mail) for the
-- cookbook, `make demo` and tests.  Pseudo-random numbers come from
-- hashint8extended(key, seed): integer hashing only (no byte-order or
-- locale dependence), and durations from IEEE-exact arithmetic (+ - * /
-- sqrt) rounded to whole seconds, so the same arguments give the same rows
-- on every platform and every run.  No random(), no volatile functions.
--
-- Why the generator is part of the extension: `make demo`, the cookbook
-- (docs/cookbook.md), the tested examples of the docs and the test suite
-- all rely on one reproducible dataset, available wherever the extension
-- is.  It is plain SQL and PL/pgSQL without privileges of its own (not
-- SECURITY DEFINER, it writes nothing), covered by the install-capture
-- checks (sql/security.sql, sql/security_capture.sql).  Moving it to a
-- separate extension (support_kpi_demo) would make ALTER EXTENSION
-- support_kpi UPDATE drop functions that users' scripts call.
-- =======================================================================

CREATE FUNCTION @extschema@.demo_uniform(key bigint, seed bigint) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN ((pg_catalog.hashint8extended(pg_catalog.hashint8extended(key, seed), seed) OPERATOR(pg_catalog.>>) 11)
	OPERATOR(pg_catalog.&) 9007199254740991)::double precision OPERATOR(pg_catalog./) 9007199254740992::double precision;
COMMENT ON FUNCTION @extschema@.demo_uniform(bigint, bigint) IS 'demo data: a uniform number in [0, 1) from hashint8extended applied twice to (key, seed); the same on every platform';

-- log-logistic quantile of shape 2 (median m, mean pi/2 m, a long tail) or 4 (mean 1.11 m):
-- m * (u / (1 - u))^(1/shape); sqrt is correctly rounded (IEEE 754), so the result is exact everywhere
CREATE FUNCTION @extschema@.demo_loglogistic(u double precision, median double precision, shape integer)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN median OPERATOR(pg_catalog.*) CASE WHEN shape OPERATOR(pg_catalog.=) 4
	THEN pg_catalog.sqrt(pg_catalog.sqrt(u OPERATOR(pg_catalog./) (1::double precision OPERATOR(pg_catalog.-) u)))
	ELSE pg_catalog.sqrt(u OPERATOR(pg_catalog./) (1::double precision OPERATOR(pg_catalog.-) u)) END;
COMMENT ON FUNCTION @extschema@.demo_loglogistic(double precision, double precision, integer) IS 'demo data: the quantile u of a log-logistic distribution of the given median and shape (4, else 2)';

-- PL/pgSQL resolves names when it runs: the search_path is pinned (pg_catalog, never
-- pg_temp for functions and operators), and every call of an @extschema@ function has
-- arguments of exactly its parameter types (typed literals: 35::double precision, not 35),
-- so no overload planted in a schema others can write to (public) is ever a better match
CREATE FUNCTION @extschema@.demo_contacts_detail(months integer, start_month date, seed bigint)
RETURNS TABLE (contact_id bigint, channel text, queue text, product text, segment text, customer_id bigint,
	operator_id text, transferred_to text, arrived_at timestamptz, offered_at timestamptz,
	answered_at timestamptz, abandoned_at timestamptz, wait_seconds integer, answered boolean,
	talk_seconds integer, hold_seconds integer, wrap_seconds integer, handle_seconds integer,
	bot_handled boolean, bot_contained boolean, transferred boolean, resolved boolean,
	resolved_at timestamptz, first_contact_resolved boolean, repeat_of bigint,
	rating integer, nps integer, ces integer,
	bot_seconds integer, turns integer, turn_seconds integer, resolve_delay integer)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
BEGIN
	IF months IS NULL OR start_month IS NULL OR seed IS NULL THEN
		RAISE EXCEPTION 'demo data arguments must not be NULL' USING ERRCODE = '22004';
	END IF;
	IF months < 1 OR months > 120 THEN
		RAISE EXCEPTION 'months % is outside the range 1..120', months USING ERRCODE = '22023';
	END IF;
	IF NOT isfinite(start_month) OR start_month < date '1970-01-01' OR start_month > date '2200-01-01' THEN
		RAISE EXCEPTION 'start_month % is outside the range 1970-01-01..2200-01-01',
			CASE WHEN isfinite(start_month) THEN to_char(start_month, 'YYYY-MM-DD') ELSE start_month::text END
			USING ERRCODE = '22008';
	END IF;
	IF extract(day FROM start_month) <> 1 THEN
		RAISE EXCEPTION 'start_month % is not the first day of a month', to_char(start_month, 'YYYY-MM-DD')
			USING ERRCODE = '22023',
				HINT = format('Use date_trunc(''month'', ...): %s.', to_char(date_trunc('month', start_month), 'YYYY-MM-DD'));
	END IF;
	RETURN QUERY
	WITH mon0 AS (
		SELECT g.m,
			extract(epoch FROM (start_month + make_interval(months => g.m)))::bigint AS t0,
			((start_month + make_interval(months => g.m + 1))::date
				- (start_month + make_interval(months => g.m))::date) AS days,
			g.m % 12 + 1 AS si, least(g.m, 12) + 1 AS qi,
			extract(epoch FROM (start_month + interval '6 months 14 days'))::bigint AS t_train
		FROM generate_series(0, months - 1) g(m)),
	-- dow0: the weekday of the month's first day (0 Sunday .. 6 Saturday; 1970-01-01 was a
	-- Thursday); wdays: the month's Monday-to-Friday days (offsets from its first day)
	mon AS (
		SELECT m0.*, w.dow0,
			(SELECT array_agg(d.d ORDER BY d.d) FROM generate_series(0, m0.days - 1) d(d)
				WHERE (w.dow0 + d.d) % 7 NOT IN (0, 6)) AS wdays
		FROM mon0 m0 CROSS JOIN LATERAL (SELECT ((m0.t0 / 86400 + 4) % 7)::int AS dow0) w),
	ops AS (
		SELECT o.idx, o.name, o.team, o.from_m, o.to_m,
			0.8 + 0.5 * @extschema@.demo_uniform(4000000000 + o.idx * 8, seed) AS speed,
			0.5 + 1.3 * @extschema@.demo_uniform(4000000001 + o.idx * 8, seed) AS negativity,
			0.7 + 0.7 * @extschema@.demo_uniform(4000000002 + o.idx * 8, seed) AS repeats,
			0.8 + 0.45 * @extschema@.demo_uniform(4000000003 + o.idx * 8, seed) AS slowness
		FROM (VALUES (1, 'anna', 'general', 0, 999), (2, 'boris', 'general', 0, 999),
			(3, 'daria', 'general', 0, 999), (4, 'egor', 'general', 0, 8),
			(5, 'fedor', 'general', 0, 999), (6, 'irina', 'general', 0, 999),
			(7, 'kirill', 'general', 0, 999), (8, 'maria', 'general', 0, 999),
			(9, 'nikita', 'general', 0, 999), (10, 'olga', 'general', 0, 999),
			(11, 'roman', 'general', 0, 999), (12, 'sofia', 'general', 3, 999),
			(13, 'timur', 'general', 8, 999), (14, 'ulyana', 'general', 0, 999),
			(15, 'vera', 'pharmacists', 0, 999), (16, 'gleb', 'pharmacists', 0, 999),
			(17, 'kira', 'pharmacists', 0, 999), (18, 'lev', 'partners', 0, 999),
			(19, 'pavel', 'partners', 0, 999), (20, 'rita', 'partners', 0, 999))
			o(idx, name, team, from_m, to_m)),
	pools AS (
		SELECT mon.m, ops.team, array_agg(ops.idx ORDER BY ops.idx) AS pool
		FROM mon JOIN ops ON mon.m BETWEEN ops.from_m AND ops.to_m GROUP BY 1, 2),
	-- first contacts about an issue; follow-ups (repeats) are added below
	prim AS (
		SELECT mon.*, c.ch, k.key,
			(ARRAY[0.16, 0.16, 0.15, 0.15, 0.14, 0.14, 0.14, 0.10, 0.10, 0.09, 0.09, 0.09, 0.09])[mon.qi] AS p_follow
		FROM mon
		CROSS JOIN LATERAL (VALUES
			('chat', 0, (ARRAY[7348, 8965, 9674, 8798, 7714, 7193, 6576, 7080, 7890, 8610, 8930, 9770])[mon.si]),
			('call', 1, (ARRAY[549, 483, 236, 785, 490, 523, 690, 610, 575, 560, 540, 630])[mon.si]),
			('email', 2, (ARRAY[380, 410, 450, 430, 400, 390, 370, 380, 420, 440, 450, 480])[mon.si])) c(ch, chn, target)
		CROSS JOIN LATERAL (SELECT ((mon.m * 3 + c.chn) * 20000 + i)::bigint AS key
			FROM generate_series(1, round(c.target / 1.12)::int) i) k),
	prim2 AS (
		SELECT p.*, u.seg, u.cust, u.prod,
			CASE WHEN u.seg = 'partner' THEN 'partners' WHEN u.prod = 'consultation' THEN 'pharmacists'
				ELSE 'general' END AS team,
			p.t0 + dd.day * 86400
				+ CASE p.ch WHEN 'email' THEN CASE WHEN @extschema@.demo_uniform(p.key * 64 + 39, seed) < 0.8
						THEN 25200 + floor((@extschema@.demo_uniform(p.key * 64 + 2, seed)
							+ @extschema@.demo_uniform(p.key * 64 + 3, seed)) * 21600)::bigint
						ELSE floor(@extschema@.demo_uniform(p.key * 64 + 2, seed) * 86400)::bigint END
					WHEN 'call' THEN 21600 + floor((@extschema@.demo_uniform(p.key * 64 + 2, seed)
						+ @extschema@.demo_uniform(p.key * 64 + 3, seed)) * 21600)::bigint
					ELSE 18000 + floor((@extschema@.demo_uniform(p.key * 64 + 2, seed)
						+ @extschema@.demo_uniform(p.key * 64 + 3, seed)) * 27000)::bigint END AS arrival
		FROM prim p
		-- the day: uniform over the month, but a weekend day is kept only with the channel's
		-- weekend weight (chats 0.6, calls 0.35, e-mail 0.3), else a weekday is drawn instead
		CROSS JOIN LATERAL (SELECT CASE WHEN (p.dow0 + d0.d) % 7 IN (0, 6)
					AND @extschema@.demo_uniform(p.key * 64 + 37, seed)
						>= CASE p.ch WHEN 'chat' THEN 0.6 WHEN 'call' THEN 0.35 ELSE 0.3 END
				THEN p.wdays[1 + floor(@extschema@.demo_uniform(p.key * 64 + 38, seed) * cardinality(p.wdays))::int]
				ELSE d0.d END::bigint AS day
			FROM (SELECT floor(@extschema@.demo_uniform(p.key * 64 + 1, seed) * p.days)::int AS d) d0) dd
		CROSS JOIN LATERAL (SELECT s.seg,
				CASE WHEN s.seg = 'partner' THEN 900001 + floor(@extschema@.demo_uniform(p.key * 64 + 5, seed) * 1200)::bigint
					ELSE 100001 + floor(@extschema@.demo_uniform(p.key * 64 + 5, seed) * 60000)::bigint END AS cust,
				CASE WHEN s.seg = 'partner' THEN CASE WHEN s.pu < 0.45 THEN 'orders' WHEN s.pu < 0.8 THEN 'payments' ELSE 'app' END
					ELSE CASE WHEN s.pu < 0.34 THEN 'orders' WHEN s.pu < 0.60 THEN 'delivery' WHEN s.pu < 0.76 THEN 'payments'
						WHEN s.pu < 0.90 THEN 'consultation' ELSE 'app' END END AS prod
			FROM (SELECT CASE WHEN @extschema@.demo_uniform(p.key * 64 + 4, seed) < 0.12 THEN 'partner' ELSE 'client' END AS seg,
					@extschema@.demo_uniform(p.key * 64 + 6, seed) AS pu) s) u),
	-- the operator who takes the first contact, and whether the issue needs another contact
	prim3 AS (
		SELECT p.*, o.idx AS op, pl.pool,
			@extschema@.demo_uniform(p.key * 64 + 7, seed) < p.p_follow * o.repeats AS has_follow
		FROM prim2 p JOIN pools pl ON pl.m = p.m AND pl.team = p.team
		JOIN ops o ON o.idx = pl.pool[1 + floor(@extschema@.demo_uniform(p.key * 64 + 8, seed) * cardinality(pl.pool))::int]),
	fol AS (
		SELECT f.key, mon.m, mon.t0, mon.days, mon.si, mon.qi, mon.t_train, f.ch, f.seg, f.cust, f.prod, f.team,
			f.arrival, f.repeat_key
		FROM (SELECT 10000000 + p.key AS key,
				p.m + (p.arrival + p.delay >= p.t0 + p.days * 86400)::int AS m,
				CASE WHEN p.ch = 'chat' AND p.cu < 0.08 THEN 'call' WHEN p.ch = 'email' AND p.cu < 0.3 THEN 'chat'
					WHEN p.ch = 'call' AND p.cu < 0.2 THEN 'chat' ELSE p.ch END AS ch,
				p.seg, p.cust, p.prod, p.team, p.arrival + p.delay AS arrival, p.key AS repeat_key
			FROM (SELECT p.*, 1800 + floor(@extschema@.demo_uniform(p.key * 64 + 9, seed) ^ 2 * 518400)::bigint AS delay,
					@extschema@.demo_uniform(p.key * 64 + 10, seed) AS cu
				FROM prim3 p WHERE p.has_follow) p) f
		JOIN mon ON mon.m = f.m),
	skel AS (
		SELECT p.key, p.m, p.t0, p.days, p.si, p.qi, p.t_train, p.ch, p.seg, p.cust, p.prod, p.team, p.arrival,
			NULL::bigint AS repeat_key, p.op, p.pool, p.has_follow
		FROM prim3 p
		UNION ALL
		SELECT f.key, f.m, f.t0, f.days, f.si, f.qi, f.t_train, f.ch, f.seg, f.cust, f.prod, f.team, f.arrival,
			f.repeat_key, pl.pool[1 + floor(@extschema@.demo_uniform(f.key * 64 + 8, seed) * cardinality(pl.pool))::int],
			pl.pool, false
		FROM fol f JOIN pools pl ON pl.m = f.m AND pl.team = f.team),
	-- per-contact draws.  b, d and g are MATERIALIZED: the later steps read their columns many
	-- times, and an inlined CTE would evaluate the whole expression again for each reference (3x slower)
	a AS (
		SELECT s.*, o.name AS op_name, o.negativity, o.slowness,
			o.speed * CASE WHEN s.m - o.from_m < 2 AND o.from_m > 0 THEN 1.35 ELSE 1 END AS speed,
			(s.arrival >= s.t_train) AS post,
			CASE WHEN s.ch = 'chat' THEN @extschema@.demo_uniform(s.key * 64 + 11, seed)
				< CASE WHEN s.qi >= 7 THEN 0.55 ELSE 0.30 END END AS bot,
			@extschema@.demo_uniform(s.key * 64 + 12, seed) AS u_contain,
			10 + floor(@extschema@.demo_uniform(s.key * 64 + 13, seed) * 40)::int AS bot_s,
			@extschema@.demo_uniform(s.key * 64 + 14, seed) AS u_abandon,
			@extschema@.demo_uniform(s.key * 64 + 15, seed) AS u_abwait,
			@extschema@.demo_uniform(s.key * 64 + 16, seed) AS u_wait,
			@extschema@.demo_uniform(s.key * 64 + 17, seed) AS u_transfer,
			@extschema@.demo_uniform(s.key * 64 + 18, seed) AS u_transfer_to,
			@extschema@.demo_uniform(s.key * 64 + 19, seed) AS u_long,
			@extschema@.demo_uniform(s.key * 64 + 20, seed) * @extschema@.demo_uniform(s.key * 64 + 21, seed) AS u_turns,
			@extschema@.demo_uniform(s.key * 64 + 22, seed) AS u_dur,
			5 + floor(@extschema@.demo_uniform(s.key * 64 + 23, seed) * 60)::int AS resolve_delay,
			@extschema@.demo_uniform(s.key * 64 + 24, seed) AS u_unresolved,
			@extschema@.demo_uniform(s.key * 64 + 25, seed) AS u_hold,
			@extschema@.demo_uniform(s.key * 64 + 26, seed) AS u_holdlen,
			@extschema@.demo_uniform(s.key * 64 + 27, seed) AS u_wrap,
			@extschema@.demo_uniform(s.key * 64 + 28, seed) AS u_escalate,
			@extschema@.demo_uniform(s.key * 64 + 29, seed) AS u_esclen,
			CASE WHEN s.qi = 7 THEN CASE WHEN s.arrival >= s.t_train THEN 0.2 ELSE 5 END
				ELSE (ARRAY[0.25, 0.31, 0.31, 0.15, 0.26, 0.18, 0, 0.12, 0.12, 0.11, 0.11, 0.11, 0.11])[s.qi] END AS k_month
		FROM skel s JOIN ops o ON o.idx = s.op),
	b AS MATERIALIZED (
		SELECT a.*,
			coalesce(a.bot AND a.u_contain < CASE WHEN a.qi >= 7 THEN 0.45 ELSE 0.35 END, false) AS contained,
			a.ch <> 'email' AND a.u_abandon < CASE a.ch
				WHEN 'call' THEN (ARRAY[0.07, 0.06, 0.05, 0.06, 0.05, 0.05, 0.055, 0.035, 0.03, 0.03, 0.03, 0.03, 0.03])[a.qi]
				ELSE (ARRAY[0.05, 0.04, 0.03, 0.03, 0.025, 0.03, 0.03, 0.02, 0.02, 0.018, 0.018, 0.02, 0.018])[a.qi] END AS abandon_draw,
			-- seconds in the queue before the answer
			CASE a.ch
				WHEN 'chat' THEN least(1800, 3 + round(@extschema@.demo_loglogistic(a.u_wait,
					CASE WHEN a.qi = 7 THEN CASE WHEN a.post THEN 36 ELSE 80 END
						ELSE (ARRAY[200, 118, 62, 58, 30, 60, 0, 33, 30, 28, 27, 26, 26])[a.qi] END
					* a.speed / 1.05 * CASE WHEN a.bot THEN 0.5 ELSE 1 END, 2))::int)
				WHEN 'call' THEN least(900, round(@extschema@.demo_loglogistic(a.u_wait,
					(ARRAY[18, 16, 12, 14, 11, 12, 13, 9, 8, 8, 7, 8, 8])[a.qi] * a.speed, 4))::int)
				ELSE least(259200, 300 + round(@extschema@.demo_loglogistic(a.u_wait,
					(ARRAY[3, 2.8, 2.6, 2.4, 2.2, 2.2, 2.2, 1.5, 1.4, 1.3, 1.2, 1.2, 1.2])[a.qi] * 3600 * a.speed, 4))::int) END AS wait,
			CASE WHEN a.ch = 'call' AND a.u_abwait < 0.12 THEN 1 + floor(a.u_abwait * 33)::int
				WHEN a.ch = 'call' THEN least(600, 5 + round(@extschema@.demo_loglogistic(a.u_abwait, 35::double precision, 4))::int)
				ELSE least(1800, 10 + round(@extschema@.demo_loglogistic(a.u_abwait, 100::double precision, 4))::int) END AS abandon_wait,
			a.u_long < 0.015 AS long_chat
		FROM a),
	c AS (
		SELECT b.*,
			NOT b.contained AND NOT b.abandon_draw AS handled,
			b.abandon_draw AND NOT b.contained AS abandon,
			NOT b.contained AND NOT b.abandon_draw AND b.ch <> 'email' AND b.u_transfer
				< CASE WHEN b.post THEN 0.05 ELSE 0.09 END * CASE b.ch WHEN 'call' THEN 0.8 ELSE 1 END AS transfer,
			CASE WHEN b.ch <> 'chat' THEN 1
				WHEN b.long_chat THEN 6 + floor(b.u_turns * 8)::int
				ELSE 1 + floor(b.u_turns * 8)::int END AS n_turns,
			CASE WHEN b.ch <> 'chat' THEN 0
				WHEN b.long_chat THEN 60 + least(3000, round(@extschema@.demo_loglogistic(b.u_dur, 800::double precision, 4))::int)
				ELSE 6 + least(1200, round(2 * @extschema@.demo_loglogistic(b.u_dur,
					(ARRAY[90, 70, 50, 45, 35, 45, 42, 30, 28, 26, 25, 25, 25])[b.qi] * b.speed, 4))::int) END AS slot
		FROM b),
	d AS MATERIALIZED (
		SELECT c.*,
			CASE WHEN c.transfer THEN greatest(c.n_turns, 2) ELSE c.n_turns END AS turns_n,
			CASE WHEN c.contained THEN NOT c.has_follow
				ELSE c.handled AND NOT c.has_follow AND c.u_unresolved >= 0.02 END AS is_resolved,
			CASE WHEN c.ch = 'chat' AND c.bot THEN c.arrival + c.bot_s END AS bot_end,
			CASE WHEN c.ch = 'call' THEN 5 + round(@extschema@.demo_loglogistic(c.u_dur,
				(ARRAY[250, 270, 265, 215, 240, 235, 245, 225, 220, 215, 210, 215, 215])[c.qi] * c.slowness / 1.1, 4))::int END AS talk,
			CASE WHEN c.ch = 'call' THEN CASE WHEN c.u_hold < 0.2
				THEN 15 + least(600, round(@extschema@.demo_loglogistic(c.u_holdlen, 40::double precision, 4))::int) ELSE 0 END END AS hold,
			CASE WHEN c.ch = 'call' THEN round((30 + c.u_wrap * 60) * c.slowness)::int END AS wrap
		FROM c),
	e0 AS (
		SELECT d.*,
			CASE WHEN d.contained THEN NULL WHEN d.bot THEN d.bot_end ELSE d.arrival END AS offered,
			CASE WHEN d.transfer THEN (SELECT o2.name FROM ops o2 WHERE o2.idx = d.pool[1 + (array_position(d.pool, d.op)
				+ floor(d.u_transfer_to * (cardinality(d.pool) - 1))::int) % cardinality(d.pool)]) END AS transfer_name
		FROM d),
	-- the wait in the queue, wall clock: e-mail is worked Mon-Fri 08:00-20:00 UTC, so its wait
	-- (drawn in working seconds) runs on that calendar: an e-mail of Friday night is answered on Monday
	e AS (
		SELECT e0.*,
			CASE WHEN e0.ch = 'email' AND e0.handled
				THEN (extract(epoch FROM @extschema@.business_add(
					'UTC; Mon-Fri 08:00-20:00'::@extschema@.business_calendar,
					to_timestamp(e0.offered::double precision), e0.wait::double precision))::bigint - e0.offered)::int
				ELSE e0.wait END AS wall_wait
		FROM e0),
	f AS (
		SELECT e.*,
			CASE WHEN e.handled THEN e.offered + e.wall_wait END AS answered_t,
			CASE WHEN e.abandon THEN e.offered + e.abandon_wait END AS abandoned_t,
			CASE WHEN NOT e.handled THEN NULL
				WHEN e.ch = 'chat' THEN (e.turns_n - 1) * e.slot + CASE WHEN e.is_resolved THEN e.resolve_delay ELSE 0 END
				WHEN e.ch = 'call' THEN e.talk + e.hold + e.wrap
				ELSE least(3600, 120 + round(@extschema@.demo_loglogistic(e.u_dur, 240::double precision, 4) * e.slowness)::int) END AS handle
		FROM e),
	g AS MATERIALIZED (
		SELECT f.*,
			CASE WHEN NOT f.is_resolved THEN NULL
				WHEN f.contained THEN f.bot_end
				WHEN f.ch = 'chat' THEN f.answered_t + f.handle
				WHEN f.ch = 'call' THEN f.answered_t + f.talk + f.hold
				WHEN f.u_escalate < 0.25 THEN f.answered_t + f.handle
					+ least(604800, round(6 * 3600 * sqrt(f.u_esclen / (1 - f.u_esclen)))::int)
				ELSE f.answered_t + f.handle END AS resolved_t,
			-- how negative this customer feels: the month, the operator, the wait, an unresolved issue
			least(9, f.k_month * f.negativity
				* (1 + CASE f.ch WHEN 'chat' THEN least(900, coalesce(f.answered_t - f.arrival, 0)) / 300.0
					WHEN 'call' THEN least(300, coalesce(f.wait, 0)) / 120.0 ELSE 0 END)
				* CASE WHEN f.is_resolved THEN 1 ELSE 2.5 END) AS k
		FROM f),
	h AS (
		SELECT g.*,
			CASE WHEN g.handled AND @extschema@.demo_uniform(g.key * 64 + 30, seed)
					< CASE g.ch WHEN 'chat' THEN 0.35 WHEN 'call' THEN 0.18 ELSE 0.12 END
				THEN (SELECT CASE WHEN r < 0.03 * g.k THEN 1 WHEN r < 0.04 * g.k THEN 2 WHEN r < 0.06 * g.k THEN 3
						WHEN r < 0.06 * g.k + 0.06 THEN 4 ELSE 5 END
					FROM (SELECT @extschema@.demo_uniform(g.key * 64 + 31, seed) AS r) x) END AS rating_v,
			CASE WHEN NOT g.abandon AND @extschema@.demo_uniform(g.key * 64 + 32, seed) < 0.05
				THEN (SELECT CASE WHEN r < 0.12 * g.k THEN floor(7 * sqrt(r2))::int
						WHEN r < 0.12 * g.k + 0.22 THEN 7 + floor(2 * r2)::int
						ELSE 9 + (r2 < 0.62)::int END
					FROM (SELECT @extschema@.demo_uniform(g.key * 64 + 33, seed) AS r,
						@extschema@.demo_uniform(g.key * 64 + 34, seed) AS r2) x) END AS nps_v,
			CASE WHEN NOT g.abandon AND @extschema@.demo_uniform(g.key * 64 + 35, seed) < 0.04
				THEN (SELECT CASE WHEN r < 0.02 * g.k THEN 1 WHEN r < 0.04 * g.k THEN 2 WHEN r < 0.07 * g.k THEN 3
						WHEN r < 0.07 * g.k + 0.08 THEN 4 WHEN r < 0.07 * g.k + 0.22 THEN 5
						WHEN r < 0.07 * g.k + 0.47 THEN 6 ELSE 7 END
					FROM (SELECT @extschema@.demo_uniform(g.key * 64 + 36, seed) AS r) x) END AS ces_v
		FROM g),
	numbered AS (
		SELECT h.*, row_number() OVER (ORDER BY h.arrival, h.key) AS id FROM h)
	SELECT n.id, n.ch, n.team, n.prod, n.seg, n.cust,
		CASE WHEN n.handled THEN n.op_name END, n.transfer_name,
		to_timestamp(n.arrival), to_timestamp(n.offered), to_timestamp(n.answered_t), to_timestamp(n.abandoned_t),
		CASE WHEN n.handled THEN n.wall_wait WHEN n.abandon THEN n.abandon_wait END,
		CASE WHEN NOT n.contained THEN n.handled END,
		CASE WHEN n.handled THEN n.talk END, CASE WHEN n.handled THEN n.hold END,
		CASE WHEN n.handled THEN n.wrap END, n.handle,
		coalesce(n.bot, false), n.contained, coalesce(n.transfer, false), n.is_resolved,
		to_timestamp(n.resolved_t),
		CASE WHEN n.abandon THEN NULL WHEN n.repeat_key IS NOT NULL THEN false ELSE n.is_resolved END,
		r.id, n.rating_v, n.nps_v, n.ces_v,
		CASE WHEN n.bot THEN n.bot_s END, n.turns_n, n.slot, n.resolve_delay
	FROM numbered n LEFT JOIN numbered r ON r.key = n.repeat_key
	ORDER BY n.id;
END
$fn$;
COMMENT ON FUNCTION @extschema@.demo_contacts_detail(integer, date, bigint) IS 'demo data: generate_demo_contacts with the internal columns generate_demo_events needs';

CREATE FUNCTION @extschema@.generate_demo_contacts(months integer DEFAULT 12, start_month date DEFAULT '2026-01-01',
	seed bigint DEFAULT 42)
RETURNS TABLE (contact_id bigint, channel text, queue text, product text, segment text, customer_id bigint,
	operator_id text, transferred_to text, arrived_at timestamptz, offered_at timestamptz,
	answered_at timestamptz, abandoned_at timestamptz, wait_seconds integer, answered boolean,
	talk_seconds integer, hold_seconds integer, wrap_seconds integer, handle_seconds integer,
	bot_handled boolean, bot_contained boolean, transferred boolean, resolved boolean,
	resolved_at timestamptz, first_contact_resolved boolean, repeat_of bigint,
	rating integer, nps integer, ces integer)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT d.contact_id, d.channel, d.queue, d.product, d.segment, d.customer_id, d.operator_id, d.transferred_to,
		d.arrived_at, d.offered_at, d.answered_at, d.abandoned_at, d.wait_seconds, d.answered,
		d.talk_seconds, d.hold_seconds, d.wrap_seconds, d.handle_seconds, d.bot_handled, d.bot_contained,
		d.transferred, d.resolved, d.resolved_at, d.first_contact_resolved, d.repeat_of, d.rating, d.nps, d.ces
	FROM @extschema@.demo_contacts_detail(months, start_month, seed) d;
END;
COMMENT ON FUNCTION @extschema@.generate_demo_contacts(integer, date, bigint) IS 'a deterministic synthetic support line: one row per chat, call and e-mail, for demos and tests';

CREATE FUNCTION @extschema@.generate_demo_events(months integer DEFAULT 12,
	start_month date DEFAULT '2026-01-01', seed bigint DEFAULT 42)
RETURNS TABLE (contact_id bigint, at timestamptz, kind @extschema@.contact_event_kind,
	party @extschema@.contact_party, operator_id text)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH c AS MATERIALIZED (
		SELECT d.*, coalesce(d.transferred_to, d.operator_id) AS last_operator
		FROM (SELECT x.*, seed OPERATOR(pg_catalog.#) 6148914691236517205::bigint AS seed2
			FROM @extschema@.demo_contacts_detail(months, start_month, seed) x) d),
	ev AS (
		-- a chat or an e-mail starts with the customer's message, a call with the offer
		SELECT c.contact_id, c.arrived_at AS at,
			CASE WHEN c.channel OPERATOR(pg_catalog.=) 'call'::text THEN 'offered'::text
				ELSE 'customer_message'::text END AS kind, NULL::text AS op
		FROM c
		UNION ALL
		-- the bot's part: it answers, the customer writes again, it answers again
		SELECT c.contact_id,
			c.arrived_at OPERATOR(pg_catalog.+) pg_catalog.make_interval(secs => b.s::double precision), b.k, NULL
		FROM c CROSS JOIN LATERAL (VALUES (2, 'bot_message'::text),
			(c.bot_seconds OPERATOR(pg_catalog./) 2, 'customer_message'::text),
			((c.bot_seconds OPERATOR(pg_catalog./) 2) OPERATOR(pg_catalog.+) 2, 'bot_message'::text)) b(s, k)
		WHERE c.bot_handled
		UNION ALL
		-- chats and e-mail enter the operators' queue (after the bot, if any)
		SELECT c.contact_id, c.offered_at, 'offered'::text, NULL
		FROM c WHERE c.channel OPERATOR(pg_catalog.<>) 'call'::text AND c.offered_at IS NOT NULL
		UNION ALL
		SELECT c.contact_id, c.abandoned_at, 'abandoned'::text, NULL FROM c WHERE c.abandoned_at IS NOT NULL
		UNION ALL
		SELECT c.contact_id,
			c.answered_at OPERATOR(pg_catalog.-) pg_catalog.make_interval(secs => least(c.wait_seconds,
				2 OPERATOR(pg_catalog.+) pg_catalog.floor(@extschema@.demo_uniform(
					(c.contact_id OPERATOR(pg_catalog.*) 256::bigint) OPERATOR(pg_catalog.+) 1::bigint, c.seed2)
					OPERATOR(pg_catalog.*) 20::double precision)::integer)::double precision),
			'assigned'::text, c.operator_id
		FROM c WHERE c.channel OPERATOR(pg_catalog.<>) 'call'::text AND c.answered_at IS NOT NULL
		UNION ALL
		-- the first operator reply, or the call's answer
		SELECT c.contact_id, c.answered_at,
			CASE WHEN c.channel OPERATOR(pg_catalog.=) 'call'::text THEN 'answered'::text
				ELSE 'operator_message'::text END,
			c.operator_id
		FROM c WHERE c.answered_at IS NOT NULL
		UNION ALL
		-- the later turns of a chat: the customer writes (sometimes twice), an operator replies
		SELECT c.contact_id,
			c.answered_at OPERATOR(pg_catalog.+) pg_catalog.make_interval(secs =>
				(((t.j OPERATOR(pg_catalog.-) 1) OPERATOR(pg_catalog.*) c.turn_seconds)
					OPERATOR(pg_catalog.+) m.s)::double precision),
			m.k, m.op
		FROM c CROSS JOIN LATERAL pg_catalog.generate_series(1, c.turns OPERATOR(pg_catalog.-) 1) t(j)
		CROSS JOIN LATERAL (SELECT 0.25::double precision OPERATOR(pg_catalog.+) (0.5::double precision
					OPERATOR(pg_catalog.*) @extschema@.demo_uniform((c.contact_id OPERATOR(pg_catalog.*) 256::bigint)
						OPERATOR(pg_catalog.+) 2::bigint OPERATOR(pg_catalog.+) (3::bigint OPERATOR(pg_catalog.*) t.j::bigint),
						c.seed2)) AS cj,
				@extschema@.demo_uniform((c.contact_id OPERATOR(pg_catalog.*) 256::bigint)
					OPERATOR(pg_catalog.+) 3::bigint OPERATOR(pg_catalog.+) (3::bigint OPERATOR(pg_catalog.*) t.j::bigint),
					c.seed2) OPERATOR(pg_catalog.<) 0.25::double precision AS twice) u
		CROSS JOIN LATERAL (VALUES
				(pg_catalog.round(c.turn_seconds::double precision OPERATOR(pg_catalog.*) u.cj)::integer,
					'customer_message'::text, NULL::text),
				(CASE WHEN u.twice THEN pg_catalog.round((c.turn_seconds::double precision
					OPERATOR(pg_catalog.*) (u.cj OPERATOR(pg_catalog.+) 1::double precision))
					OPERATOR(pg_catalog./) 2::double precision)::integer END, 'customer_message'::text, NULL::text),
				(c.turn_seconds, 'operator_message'::text, c.last_operator)) m(s, k, op)
		WHERE c.channel OPERATOR(pg_catalog.=) 'chat'::text AND c.answered_at IS NOT NULL AND m.s IS NOT NULL
		UNION ALL
		SELECT c.contact_id,
			c.answered_at OPERATOR(pg_catalog.+) pg_catalog.make_interval(secs => (CASE
				WHEN c.channel OPERATOR(pg_catalog.=) 'call'::text
				THEN pg_catalog.round(c.talk_seconds::numeric OPERATOR(pg_catalog.*) 0.6::numeric)::integer
					OPERATOR(pg_catalog.+) c.hold_seconds
				ELSE pg_catalog.round(c.turn_seconds::numeric OPERATOR(pg_catalog.*) 0.1::numeric)::integer
				END)::double precision),
			'transferred'::text, c.transferred_to
		FROM c WHERE c.transferred
		UNION ALL
		-- a call: hold, end, after-call work
		SELECT c.contact_id, c.answered_at OPERATOR(pg_catalog.+) pg_catalog.make_interval(secs => h.s::double precision),
			h.k, h.op
		FROM c CROSS JOIN LATERAL (VALUES
				(CASE WHEN c.hold_seconds OPERATOR(pg_catalog.>) 0
					THEN pg_catalog.round(c.talk_seconds::numeric OPERATOR(pg_catalog.*) 0.4::numeric)::integer END,
					'hold_start'::text, NULL::text),
				(CASE WHEN c.hold_seconds OPERATOR(pg_catalog.>) 0
					THEN pg_catalog.round(c.talk_seconds::numeric OPERATOR(pg_catalog.*) 0.4::numeric)::integer
						OPERATOR(pg_catalog.+) c.hold_seconds END, 'hold_end'::text, NULL::text),
				(c.talk_seconds OPERATOR(pg_catalog.+) c.hold_seconds, 'ended'::text, NULL::text),
				((c.talk_seconds OPERATOR(pg_catalog.+) c.hold_seconds) OPERATOR(pg_catalog.+) c.wrap_seconds,
					'wrapup_end'::text, c.last_operator)) h(s, k, op)
		WHERE c.channel OPERATOR(pg_catalog.=) 'call'::text AND c.answered_at IS NOT NULL AND h.s IS NOT NULL
		UNION ALL
		SELECT c.contact_id, c.resolved_at, 'resolved'::text, c.last_operator FROM c WHERE c.resolved)
	SELECT ev.contact_id, ev.at, ev.kind::@extschema@.contact_event_kind,
		CASE WHEN ev.kind OPERATOR(pg_catalog.=) 'customer_message'::text THEN 'customer'
			WHEN ev.kind OPERATOR(pg_catalog.=) 'operator_message'::text THEN 'operator'
			WHEN ev.kind OPERATOR(pg_catalog.=) 'bot_message'::text THEN 'bot'
			WHEN ev.kind OPERATOR(pg_catalog.=) 'abandoned'::text THEN 'customer'
			WHEN ev.kind OPERATOR(pg_catalog.=) 'resolved'::text AND ev.op IS NULL THEN 'bot'
			WHEN ev.kind OPERATOR(pg_catalog.=) 'resolved'::text OR ev.kind OPERATOR(pg_catalog.=) 'wrapup_end'::text
				THEN 'operator'
			ELSE 'system' END::@extschema@.contact_party,
		ev.op
	FROM ev
	ORDER BY ev.contact_id, ev.at, ev.kind::@extschema@.contact_event_kind;
END;
COMMENT ON FUNCTION @extschema@.generate_demo_events(integer, date, bigint) IS 'the event log (messages, queue and call events) of the contacts of generate_demo_contacts with the same arguments';

--
-- 12. Sources: views over the tables of the systems support teams run
-- (docs/sources.md).  create_<system>_views(...) is plpgsql (the only way to
-- name a user's schema at call time): SECURITY INVOKER, search_path locked to
-- pg_catalog, every identifier through format('%I'), every extension object
-- qualified with the extension's schema; the views it creates are
-- security_invoker and bind every name when they are created.
--

CREATE FUNCTION @extschema@.source_args_check(made_by text, time_zone text, thresholds jsonb, channels text[]) RETURNS void
LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY INVOKER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	k text;
	v jsonb;
	ok boolean;
BEGIN
	IF time_zone IS NULL OR NOT EXISTS (SELECT FROM pg_timezone_names WHERE lower(name) = lower(time_zone))
	   AND NOT EXISTS (SELECT FROM pg_timezone_abbrevs WHERE lower(abbrev) = lower(time_zone)) THEN
		RAISE EXCEPTION '%: time zone "%" not recognized', made_by, time_zone
			USING ERRCODE = '22023', HINT = 'Use a name of pg_timezone_names, such as Europe/Berlin or UTC.';
	END IF;
	-- seconds per channel; "*" for the channels not named (required when the channels are an open set)
	IF thresholds IS NULL OR jsonb_typeof(thresholds) <> 'object' OR (channels IS NULL AND NOT thresholds ? '*') THEN
		RAISE EXCEPTION '%: thresholds must be a JSON object of seconds per channel%', made_by,
			CASE WHEN channels IS NULL THEN ' with a "*" entry for the other channels' ELSE '' END
			USING ERRCODE = '22023', HINT = 'For example {"chat": 60, "email": 14400, "*": 3600}.';
	END IF;
	-- each a double precision above 0 and finite (1e400 and 1e-400 do not cast)
	FOR k, v IN SELECT e.key, e.value FROM jsonb_each(thresholds) e LOOP
		BEGIN
			ok := jsonb_typeof(v) = 'number' AND v::text::double precision > 0 AND v::text::double precision < 'infinity';
		EXCEPTION WHEN numeric_value_out_of_range THEN
			ok := false;
		END;
		IF NOT ok THEN
			RAISE EXCEPTION '%: the threshold of channel "%" must be a finite number of seconds above 0, not %', made_by, k,
				CASE WHEN length(v::text) > 24 THEN left(v::text, 20) || '...' ELSE v::text END
				USING ERRCODE = '22023';
		END IF;
	END LOOP;
	FOREACH k IN ARRAY coalesce(channels, ARRAY[]::text[]) LOOP
		IF NOT (thresholds ? k OR thresholds ? '*') THEN
			RAISE EXCEPTION '%: thresholds has no entry for channel "%" and no "*" entry', made_by, k
				USING ERRCODE = '22023';
		END IF;
	END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.source_args_check(text, text, jsonb, text[]) IS 'the arguments create_chatwoot_views and create_zammad_views share: a known time zone, and thresholds as a JSON object of finite seconds above 0 per channel, covering channels (NULL: an open set, a "*" entry required); raises 22023 prefixed with made_by';
CREATE FUNCTION @extschema@.source_target_check(into_schema name, views text[], made_by text) RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE SECURITY INVOKER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	me oid := (SELECT r.oid FROM pg_roles r WHERE r.rolname = current_user);
	v text;
BEGIN
	-- a schema of another role: that role could drop and re-create the views
	-- later and run its SQL with the rights of whoever reads them
	IF EXISTS (SELECT FROM pg_namespace n WHERE n.nspname = into_schema AND n.nspowner <> me) THEN
		RAISE EXCEPTION '%: schema "%" belongs to another role', made_by, into_schema
			USING ERRCODE = '42501',
			HINT = 'Give a schema you own, or a new one: the owner of a schema can replace the views in it.';
	END IF;
	-- replace only views this function made, owned by the caller
	FOREACH v IN ARRAY views LOOP
		IF EXISTS (SELECT FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE n.nspname = into_schema AND c.relname = v
					AND (c.relkind <> 'v' OR c.relowner <> me
						OR coalesce(obj_description(c.oid, 'pg_class'), '') NOT LIKE '%(made by ' || made_by || ')%')) THEN
			RAISE EXCEPTION '%: %.% exists and was not made by % as you', made_by, quote_ident(into_schema),
				quote_ident(v), made_by
				USING ERRCODE = '42P07', HINT = 'Drop or rename it, or give another into_schema.';
		END IF;
	END LOOP;
	IF NOT EXISTS (SELECT FROM pg_namespace n WHERE n.nspname = into_schema) THEN
		EXECUTE format('CREATE SCHEMA %I', into_schema);
	END IF;
END
$fn$;
COMMENT ON FUNCTION @extschema@.source_target_check(name, text[], text) IS 'the target of a create_*_views function: refuses a schema of another role and a relation of one of the view names that the function did not make as the caller (its comment ends with "(made by <function>)"), then creates the schema if needed';

-- 12.1 Asterisk: the call-queue log (queue_log) ----------------------------
-- create_asterisk_views(queue_log, ...): views over Asterisk's realtime
-- queue_log table (docs/sources.md, "Asterisk").  Reads the table's columns
-- at call time: "time" as timestamptz, timestamp or text (Asterisk's
-- 'YYYY-MM-DD HH:MM:SS.uuuuuu' in log_time_zone) or epoch seconds; data1 ..
-- data5, or one '|'-separated "data"; an "id" column, when there is one,
-- orders the rows of the same instant.
CREATE FUNCTION @extschema@.create_asterisk_views(queue_log regclass, into_schema name DEFAULT 'asterisk_kpi',
	time_zone text DEFAULT 'UTC', log_time_zone text DEFAULT NULL,
	threshold_seconds double precision DEFAULT 20, short_abandon_seconds double precision DEFAULT 5,
	sl_policy text DEFAULT 'against')
RETURNS SETOF regclass
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE SECURITY INVOKER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	src text;
	s text;
	ltz text := coalesce(log_time_zone, time_zone);
	kind "char";
	coltype jsonb := '{}';
	c record;
	tt text;
	at_expr text;
	id_expr text;
	f text[];
	msg text;
	sec text;
	views text[] := ARRAY['queue_log_events', 'queue_visits', 'contact_facts', 'contact_events', 'agent_events',
		'monthly_states', 'operator_monthly', 'cross_check', 'monthly_report'];
	body text[];
	comments jsonb[];
	short_s text := short_abandon_seconds::text;
	calls text;
	call_events text;
	visit_ctes text;
	visit_select text;
	thr text := threshold_seconds::text;
	v text;
	i integer;
BEGIN
	-- the arguments
	IF queue_log IS NULL THEN
		RAISE EXCEPTION 'queue_log must not be null' USING ERRCODE = '22004',
			HINT = 'Give Asterisk''s realtime queue_log table, for example ''public.queue_log''.';
	END IF;
	IF into_schema IS NULL OR into_schema = '' THEN
		RAISE EXCEPTION 'into_schema must not be null or empty' USING ERRCODE = '22004';
	END IF;
	IF time_zone IS NULL THEN
		RAISE EXCEPTION 'time_zone must not be null' USING ERRCODE = '22004';
	END IF;
	FOREACH v IN ARRAY ARRAY[time_zone, ltz] LOOP
		BEGIN
			PERFORM pg_catalog.timezone(v, pg_catalog.now());
		EXCEPTION WHEN invalid_parameter_value THEN
			RAISE EXCEPTION 'time zone "%" is not recognized', v USING ERRCODE = '22023',
				HINT = 'Give a name of pg_timezone_names, such as ''Europe/Berlin'' or ''UTC''.';
		END;
	END LOOP;
	IF threshold_seconds IS NULL OR short_abandon_seconds IS NULL OR sl_policy IS NULL THEN
		RAISE EXCEPTION 'threshold_seconds, short_abandon_seconds and sl_policy must not be null' USING ERRCODE = '22004';
	END IF;
	IF NOT (threshold_seconds > 0 AND threshold_seconds < 86400) THEN
		RAISE EXCEPTION 'threshold_seconds % is out of range', threshold_seconds USING ERRCODE = '22023',
			HINT = 'The service-level threshold is a wait in seconds, above 0 and below a day (20: 80 % within 20 s).';
	END IF;
	IF NOT (short_abandon_seconds >= 0 AND short_abandon_seconds < 86400) THEN
		RAISE EXCEPTION 'short_abandon_seconds % is out of range', short_abandon_seconds USING ERRCODE = '22023',
			HINT = 'Abandons faster than this many seconds are misdials left out of the rates; 0 keeps them all.';
	END IF;
	IF sl_policy NOT IN ('against', 'ignore_early', 'favour', 'answered_only') THEN
		RAISE EXCEPTION 'unknown sl_policy "%"', sl_policy USING ERRCODE = '22023',
			HINT = 'One of against, ignore_early, favour, answered_only (see sl_pct).';
	END IF;

	-- the source: a table (or view) with Asterisk's queue_log columns
	SELECT r.relkind INTO kind FROM pg_class r WHERE r.oid = queue_log;
	IF kind NOT IN ('r', 'p', 'v', 'm', 'f') THEN
		RAISE EXCEPTION '% is not a table or view', queue_log USING ERRCODE = '42809';
	END IF;
	src := queue_log::text;
	FOR c IN SELECT a.attname, format_type(a.atttypid, NULL) AS t, a.atttypid
		FROM pg_attribute a WHERE a.attrelid = queue_log AND a.attnum > 0 AND NOT a.attisdropped LOOP
		coltype := coltype || jsonb_build_object(c.attname::text, c.t);
	END LOOP;
	FOREACH v IN ARRAY ARRAY['time', 'callid', 'queuename', 'agent', 'event'] LOOP
		IF NOT coltype ? v THEN
			RAISE EXCEPTION 'column "%" of % does not exist', v, src USING ERRCODE = '42703',
				HINT = 'create_asterisk_views expects Asterisk''s realtime queue_log: time, callid, queuename, agent, event, data1 .. data5 (or data).';
		END IF;
	END LOOP;
	IF coltype ? 'data1' THEN
		FOREACH v IN ARRAY ARRAY['data2', 'data3', 'data4', 'data5'] LOOP
			IF NOT coltype ? v THEN
				RAISE EXCEPTION 'column "%" of % does not exist', v, src USING ERRCODE = '42703',
					HINT = 'A queue_log with data1 has data1 .. data5; without them, one column data holds the ''|''-separated fields.';
			END IF;
		END LOOP;
		f := ARRAY['q.data1::text', 'q.data2::text', 'q.data3::text', 'q.data4::text', 'q.data5::text'];
		msg := 'CASE WHEN q.event::text = ''ATTENDEDTRANSFER'' THEN concat(q.data1, ''|'', q.data2, ''|'', q.data3, ''|'', q.data4, ''|'', q.data5) END';
	ELSIF coltype ? 'data' THEN
		f := ARRAY['split_part(q.data::text, ''|'', 1)', 'split_part(q.data::text, ''|'', 2)',
			'split_part(q.data::text, ''|'', 3)', 'split_part(q.data::text, ''|'', 4)',
			'split_part(q.data::text, ''|'', 5)'];
		msg := 'q.data::text';
	ELSE
		RAISE EXCEPTION 'column "data1" of % does not exist', src USING ERRCODE = '42703',
			HINT = 'create_asterisk_views expects data1 .. data5, or one column data with the ''|''-separated fields.';
	END IF;
	tt := coltype ->> 'time';
	IF tt = 'timestamp with time zone' THEN
		at_expr := 'q."time"';
	ELSIF tt = 'timestamp without time zone' THEN
		at_expr := format('(q."time" AT TIME ZONE %L)', ltz);
	ELSIF tt IN ('text', 'character varying', 'character') THEN
		at_expr := format('(q."time"::text::timestamp AT TIME ZONE %L)', ltz);
	ELSIF tt IN ('integer', 'bigint', 'numeric', 'double precision') THEN
		at_expr := 'to_timestamp(q."time"::double precision)';
	ELSE
		RAISE EXCEPTION 'column "time" of % has type %', src, tt USING ERRCODE = '42804',
			HINT = 'Expected timestamp, timestamptz, text (Asterisk writes ''YYYY-MM-DD HH:MM:SS.uuuuuu'') or epoch seconds.';
	END IF;
	id_expr := CASE WHEN coltype ->> 'id' IN ('integer', 'bigint', 'smallint', 'numeric')
		THEN 'q.id::bigint' ELSE 'NULL::bigint' END;
	sec := '^[0-9]{1,15}$';

	s := quote_ident(into_schema);
	PERFORM @extschema@.source_target_check(into_schema, views, 'create_asterisk_views'::text);

	-- 1. every row of the log, its time as timestamptz and the figures of its data fields
	body[1] := format($v$
SELECT e.log_id, e.at, e.callid, e.queue, e.agent, e.event, e.event_code,
	CASE WHEN e.w <> '' AND length(e.w) <= 15 AND ltrim(e.w, '0123456789') = '' THEN e.w::double precision END
		AS their_wait_seconds,
	CASE WHEN e.t <> '' AND length(e.t) <= 15 AND ltrim(e.t, '0123456789') = '' THEN e.t::double precision END
		AS their_talk_seconds,
	CASE WHEN e.r <> '' AND length(e.r) <= 15 AND ltrim(e.r, '0123456789') = '' THEN e.r::double precision / 1000 END
		AS ring_seconds,
	nullif(e.info, '') AS info
FROM (SELECT d.log_id, d.at, d.callid, d.queue, d.agent, d.event, d.event_code,
		CASE WHEN d.event_code IN (3, 8, 9) THEN d.f1 WHEN d.event_code IN (4, 5, 6, 10, 11) THEN d.f3
			WHEN d.event_code = 7 THEN d.f4 WHEN d.event_code = 12 THEN split_part(d.msg, '|', -3) END AS w,
		CASE WHEN d.event_code IN (8, 9) THEN d.f2 WHEN d.event_code IN (10, 11) THEN d.f4
			WHEN d.event_code = 12 THEN split_part(d.msg, '|', -2) END AS t,
		CASE WHEN d.event_code IN (2, 20) THEN d.f1 END AS r,
		CASE WHEN d.event_code = 1 THEN d.f2 WHEN d.event_code = 39 THEN d.f3
			WHEN d.event_code IN (7, 10, 11, 12, 30, 32, 33, 34, 35, 36, 37, 38) THEN d.f1 END AS info
	FROM (SELECT %1$s AS log_id, %2$s AS at, q.callid::text COLLATE "C" AS callid, q.queuename::text AS queue,
			q.agent::text AS agent, q.event::text AS event,
			CASE q.event::text WHEN 'ENTERQUEUE' THEN 1 WHEN 'CONNECT' THEN 3 WHEN 'COMPLETECALLER' THEN 8
				WHEN 'COMPLETEAGENT' THEN 9 WHEN 'RINGNOANSWER' THEN 2 WHEN 'ABANDON' THEN 4 WHEN 'EXITWITHTIMEOUT' THEN 5
				WHEN 'EXITEMPTY' THEN 6 WHEN 'EXITWITHKEY' THEN 7 WHEN 'TRANSFER' THEN 10 WHEN 'BLINDTRANSFER' THEN 11
				WHEN 'ATTENDEDTRANSFER' THEN 12 WHEN 'RINGCANCELED' THEN 20 WHEN 'AGENTDUMP' THEN 21
				WHEN 'ADDMEMBER' THEN 30 WHEN 'REMOVEMEMBER' THEN 31 WHEN 'PAUSE' THEN 32 WHEN 'UNPAUSE' THEN 33
				WHEN 'PAUSEALL' THEN 34 WHEN 'UNPAUSEALL' THEN 35 WHEN 'AGENTLOGIN' THEN 36 WHEN 'AGENTLOGOFF' THEN 37
				WHEN 'AGENTCALLBACKLOGIN' THEN 38 WHEN 'AGENTCALLBACKLOGOFF' THEN 39 ELSE 0 END::smallint AS event_code,
			%3$s AS f1, %4$s AS f2, %5$s AS f3, %6$s AS f4, %7$s AS msg
		FROM %8$s q
		OFFSET 0) d
	OFFSET 0) e$v$,
		id_expr, at_expr, f[1], f[2], f[3], f[4], msg, src);
	comments[1] := jsonb_build_array(
		'Every row of the Asterisk queue_log, its time read as timestamptz and the seconds of its data fields parsed (made by create_asterisk_views).',
		'log_id', 'the id column of queue_log (NULL when the table has none): orders the rows of the same instant',
		'at', 'the row''s time: a timestamptz column as is; a timestamp or text column read in log_time_zone (Asterisk writes local time, or GMT with queue_log_realtime_use_gmt); epoch seconds converted',
		'callid', 'the caller channel''s uniqueid (NONE for agent events), in the C collation (an id: sorts and groups bytewise)',
		'queue', 'queuename (NONE for events of no queue)',
		'agent', 'the member name (NONE for call events without a member)',
		'event', 'the event name as Asterisk writes it (ENTERQUEUE, CONNECT, ...)',
		'event_code', 'the event as a number (read once per row): 1 ENTERQUEUE, 2 RINGNOANSWER, 3 CONNECT, 4 ABANDON, 5 EXITWITHTIMEOUT, 6 EXITEMPTY, 7 EXITWITHKEY, 8 COMPLETECALLER, 9 COMPLETEAGENT, 10 TRANSFER, 11 BLINDTRANSFER, 12 ATTENDEDTRANSFER (1 .. 12: the call events of a queue visit), 20 RINGCANCELED, 21 AGENTDUMP, 30 ADDMEMBER, 31 REMOVEMEMBER, 32 PAUSE, 33 UNPAUSE, 34 PAUSEALL, 35 UNPAUSEALL, 36 AGENTLOGIN, 37 AGENTLOGOFF, 38 AGENTCALLBACKLOGIN, 39 AGENTCALLBACKLOGOFF; 0 any other event (ignored)',
		'their_wait_seconds', 'Asterisk''s own wait, whole seconds: CONNECT and COMPLETE* holdtime (data1); ABANDON, EXITWITHTIMEOUT, EXITEMPTY waittime (data3); EXITWITHKEY (data4); TRANSFER, BLINDTRANSFER holdtime (data3); ATTENDEDTRANSFER the third field from the end',
		'their_talk_seconds', 'Asterisk''s own talk time, whole seconds: COMPLETE* calltime (data2); TRANSFER, BLINDTRANSFER (data4); ATTENDEDTRANSFER the second field from the end',
		'ring_seconds', 'RINGNOANSWER, RINGCANCELED: how long the member''s phone rang, seconds (data1 is milliseconds)',
		'info', 'ENTERQUEUE: the caller id (data2); EXITWITHKEY: the key; PAUSE, UNPAUSE, ADDMEMBER: the reason (data1); agent logins: the channel; transfers: the target (data1); else NULL');

	-- 2. one row per visit of a call to a queue: from an ENTERQUEUE to the next one of the same call
	-- the visits from the call events ev (shared by queue_visits, monthly_report, operator_monthly)
	visit_ctes := $v$w AS (
	-- the call events of a call in one queue in time order: each ENTERQUEUE, the event after it
	-- (CONNECT, ABANDON, EXIT*) and the one after that (the end of the talk): one sort
	SELECT x.callid, x.queue, x.event_code, x.at, x.info,
		lead(x.event_code) OVER o AS c1, lead(x.at) OVER o AS t1, lead(x.agent) OVER o AS a1,
		lead(x.their_wait_seconds) OVER o AS w1, lead(x.event_code, 2) OVER o AS c2, lead(x.at, 2) OVER o AS t2,
		lead(x.their_talk_seconds, 2) OVER o AS k2
	FROM ev x
	WHERE x.event_code = 1 OR x.event_code BETWEEN 3 AND 12
	WINDOW o AS (PARTITION BY x.callid, x.queue ORDER BY x.at, x.log_id, x.event_code)),
v AS (
	SELECT w.callid, w.queue, w.at AS entered_at, w.info AS caller_id,
		CASE WHEN w.c1 = 3 THEN w.t1 END AS connected_at,
		CASE WHEN w.c1 = 3 THEN w.a1 END AS operator_id,
		CASE WHEN w.c1 BETWEEN 4 AND 7 THEN w.t1 END AS exit_at,
		CASE WHEN w.c1 BETWEEN 4 AND 7 THEN w.c1 END AS exit_code,
		CASE WHEN w.c1 BETWEEN 3 AND 7 THEN w.w1 END AS their_wait_seconds,
		CASE WHEN w.c1 = 3 AND w.c2 >= 8 THEN w.t2 END AS talk_end_at,
		CASE WHEN w.c1 = 3 AND w.c2 >= 8 THEN w.c2 END AS talk_end_code,
		CASE WHEN w.c1 = 3 AND w.c2 >= 8 THEN w.k2 END AS their_talk_seconds
	FROM w WHERE w.event_code = 1),
n AS (
	-- the visits of a call in the order of their ENTERQUEUE, and the call's own figures
	SELECT v.*, row_number() OVER f AS visit,
		count(*) OVER f AS visits, min(v.connected_at) OVER f AS first_connect,
		min(v.entered_at) OVER f AS call_arrived_at,
		(array_agg(v.operator_id) FILTER (WHERE v.connected_at IS NOT NULL) OVER f)[1] AS call_operator,
		(array_agg(v.queue) FILTER (WHERE v.connected_at IS NOT NULL) OVER f)[1] AS call_answered_queue,
		first_value(v.caller_id) OVER f AS call_caller, last_value(v.queue) OVER f AS last_queue,
		last_value(v.connected_at) OVER f AS last_connected, last_value(v.exit_code) OVER f AS last_exit_code,
		last_value(coalesce(v.talk_end_at, v.exit_at)) OVER f AS last_end,
		sum(extract(epoch FROM v.talk_end_at - v.connected_at)) OVER f AS call_talk,
		bool_or(CASE WHEN v.connected_at IS NOT NULL AND v.talk_end_at IS NOT NULL THEN v.talk_end_code >= 10 END)
			OVER f AS call_transferred
	FROM v
	-- one window: row_number ignores the frame, the aggregates see the whole call
	WINDOW f AS (PARTITION BY v.callid ORDER BY v.entered_at, v.queue
		ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING))$v$;
	visit_select := $v$
SELECT hashtextextended(v.callid, 0) AS contact_id, v.callid, v.visit::integer AS visit,
	v.queue, v.entered_at, v.connected_at, coalesce(v.talk_end_at, v.exit_at) AS ended_at, v.operator_id,
	CASE WHEN v.connected_at IS NOT NULL THEN 'answered' WHEN v.exit_code = 4 THEN 'abandoned'
		WHEN v.exit_code = 5 THEN 'timeout' WHEN v.exit_code = 6 THEN 'empty' WHEN v.exit_code = 7 THEN 'key'
		ELSE 'waiting' END AS outcome,
	extract(epoch FROM coalesce(v.connected_at, v.exit_at) - v.entered_at)::double precision AS wait_seconds,
	extract(epoch FROM v.talk_end_at - v.connected_at)::double precision AS talk_seconds,
	CASE WHEN v.connected_at IS NOT NULL AND v.talk_end_at IS NOT NULL THEN v.talk_end_code >= 10 END AS transferred,
	CASE WHEN v.talk_end_code = 8 THEN 'caller' WHEN v.talk_end_code = 9 THEN 'agent'
		WHEN v.talk_end_code >= 10 THEN 'transfer' END AS ended_by,
	v.caller_id, v.their_wait_seconds, v.their_talk_seconds,
	v.connected_at = v.first_connect AS first_answer, v.visit = v.visits AS last_visit
FROM n v$v$;
	call_events := format('ev AS (SELECT * FROM %s.queue_log_events x WHERE x.event_code BETWEEN 1 AND 12)', s);
	body[2] := 'WITH ' || call_events || ', ' || visit_ctes || visit_select;
	comments[2] := jsonb_build_array(
		'One row per visit of a call to a queue, from its ENTERQUEUE to its end: answered (CONNECT), abandoned (ABANDON: the caller hung up), an overflow (EXITWITHTIMEOUT, EXITEMPTY, EXITWITHKEY: the queue sent the call on) or still waiting; events of a call and queue before its first ENTERQUEUE in the log (a call that entered before the log starts) are left out (made by create_asterisk_views).',
		'contact_id', 'the call''s key: hashtextextended(callid, 0), the same in every view',
		'callid', 'the caller channel''s uniqueid',
		'visit', 'the visit''s number within the call, in the order of ENTERQUEUE (1 for the first queue it entered, 2 after an overflow or a transfer into a queue, ...)',
		'queue', 'the queue of the visit',
		'entered_at', 'ENTERQUEUE',
		'connected_at', 'CONNECT: a member answered (NULL: not answered in this visit)',
		'ended_at', 'the end of the visit: COMPLETECALLER, COMPLETEAGENT, a transfer, ABANDON or EXIT* (NULL: still waiting or talking)',
		'operator_id', 'the member who answered (CONNECT''s agent)',
		'outcome', 'answered, abandoned (caller hung up), timeout (EXITWITHTIMEOUT), empty (EXITEMPTY), key (EXITWITHKEY), or waiting (no end in the log yet); timeout, empty and key are overflows',
		'wait_seconds', 'seconds from ENTERQUEUE to CONNECT, or to ABANDON / EXIT*, from the log''s times (microseconds)',
		'talk_seconds', 'seconds from CONNECT to COMPLETE* or the transfer: talk time (queue_log records no hold split and no after-call work)',
		'transferred', 'the member transferred the call (TRANSFER, BLINDTRANSFER, ATTENDEDTRANSFER); NULL when not answered or still talking',
		'ended_by', 'caller (COMPLETECALLER), agent (COMPLETEAGENT) or transfer; NULL otherwise',
		'caller_id', 'the caller id of ENTERQUEUE (data2)',
		'their_wait_seconds', 'Asterisk''s own wait of the visit, whole seconds (CONNECT holdtime, ABANDON / EXIT* waittime)',
		'their_talk_seconds', 'Asterisk''s own talk time, whole seconds (COMPLETE* / transfer calltime)',
		'first_answer', 'this visit is the call''s first answered one (NULL: not answered)',
		'last_visit', 'this visit is the call''s last one in the log');

	-- 3. the contract of docs/your-data.md: one row per call
	-- the calls from their visits (shared by contact_facts and monthly_report): the first visit's row
	calls := format($v$
SELECT hashtextextended(c.callid, 0) AS contact_id, 'call'::text AS channel,
	coalesce(c.call_answered_queue, c.last_queue) AS queue, NULL::text AS product, NULL::text AS segment,
	c.call_caller AS customer_id, c.call_operator AS operator_id, c.call_arrived_at AS arrived_at,
	c.call_arrived_at AS offered_at, c.first_connect AS answered_at,
	CASE WHEN c.first_connect IS NOT NULL THEN extract(epoch FROM c.first_connect - c.call_arrived_at)::double precision
		WHEN c.last_connected IS NULL AND c.last_exit_code = 4
		THEN extract(epoch FROM c.last_end - c.call_arrived_at)::double precision END AS wait_seconds,
	CASE WHEN c.first_connect IS NOT NULL THEN true WHEN c.last_exit_code IS NOT NULL THEN false END AS answered,
	c.call_talk::double precision AS handle_seconds,
	CASE WHEN c.first_connect IS NOT NULL THEN c.call_transferred END AS transferred,
	NULL::boolean AS resolved, NULL::timestamptz AS resolved_at, NULL::boolean AS first_contact_resolved,
	NULL::bigint AS repeat_of, NULL::integer AS rating, NULL::integer AS nps, NULL::integer AS ces,
	date_trunc('month', c.call_arrived_at AT TIME ZONE %1$L)::date AS month,
	%2$s::double precision AS threshold_seconds, NULL::double precision AS frt_seconds,
	NULL::double precision AS art_seconds
FROM n c WHERE c.visit = 1$v$, time_zone, thr);
	body[3] := 'WITH ' || call_events || ', ' || visit_ctes || calls;
	comments[3] := jsonb_build_array(
		'One row per call in the contract of docs/your-data.md (contact_facts): a call that entered several queues is one contact, answered if any queue answered it, its wait from the first ENTERQUEUE; an overflow out of the last queue is not answered with an unknown wait (counted against the service level, never as a short abandon) (made by create_asterisk_views).',
		'contact_id', 'hashtextextended(callid, 0): the call''s key',
		'channel', 'always call',
		'queue', 'the queue that answered the call (the first, if several did), else the last queue it waited in',
		'product', 'not recorded by queue_log: NULL',
		'segment', 'not recorded by queue_log: NULL',
		'customer_id', 'the caller id of the first ENTERQUEUE (NULL when empty)',
		'operator_id', 'the member who answered first (NULL: not answered)',
		'arrived_at', 'the first ENTERQUEUE (queue_log does not see the IVR before the queue)',
		'offered_at', 'the first ENTERQUEUE',
		'answered_at', 'the first CONNECT',
		'wait_seconds', 'seconds from the first ENTERQUEUE to the first CONNECT, or to the ABANDON; NULL for an overflow out of the last queue and for a call still waiting',
		'answered', 'true: a member answered; false: the caller hung up (ABANDON) or the last queue sent the call on (EXIT*) unanswered; NULL: still waiting at the end of the log',
		'handle_seconds', 'talk seconds of the call, summed over its answered visits (queue_log records no after-call work)',
		'transferred', 'a member transferred the call; NULL when not answered',
		'resolved', 'not recorded by queue_log: NULL',
		'resolved_at', 'not recorded by queue_log: NULL',
		'first_contact_resolved', 'not recorded by queue_log: NULL',
		'repeat_of', 'not recorded by queue_log: NULL',
		'rating', 'not recorded by queue_log: NULL',
		'nps', 'not recorded by queue_log: NULL',
		'ces', 'not recorded by queue_log: NULL',
		'month', 'the month of arrived_at in the report''s time_zone',
		'threshold_seconds', 'the service-level threshold given to create_asterisk_views, seconds',
		'frt_seconds', 'calls have no first response time: NULL',
		'art_seconds', 'calls have no average response time: NULL');

	-- 4. the raw events, for contact_timeline(kind, at, party, operator_id)
	body[4] := format($v$
SELECT hashtextextended(e.callid, 0) AS contact_id, e.at, k.kind, k.party,
	CASE WHEN k.with_agent THEN e.agent END AS operator_id
FROM %1$s.queue_log_events e
JOIN (VALUES ('ENTERQUEUE', 'offered'::@extschema@.contact_event_kind, 'system'::@extschema@.contact_party, false),
		('CONNECT', 'answered', 'operator', true),
		('ABANDON', 'abandoned', 'customer', false),
		('EXITWITHTIMEOUT', 'transferred', 'system', false),
		('EXITEMPTY', 'transferred', 'system', false),
		('EXITWITHKEY', 'transferred', 'customer', false),
		('COMPLETECALLER', 'ended', 'customer', true),
		('COMPLETEAGENT', 'ended', 'operator', true),
		('TRANSFER', 'transferred', 'operator', true), ('TRANSFER', 'ended', 'operator', true),
		('BLINDTRANSFER', 'transferred', 'operator', true), ('BLINDTRANSFER', 'ended', 'operator', true),
		('ATTENDEDTRANSFER', 'transferred', 'operator', true), ('ATTENDEDTRANSFER', 'ended', 'operator', true))
	AS k(event, kind, party, with_agent) ON k.event = e.event$v$, s);
	comments[4] := jsonb_build_array(
		'The call events of queue_log as contact events, for contact_timeline(kind, at, party, operator_id) grouped by contact_id: ENTERQUEUE offered, CONNECT answered, ABANDON abandoned, EXIT* transferred by the system (EXITWITHKEY by the caller), COMPLETE* ended, a member''s transfer transferred and ended (made by create_asterisk_views).',
		'contact_id', 'hashtextextended(callid, 0): the call''s key',
		'at', 'the event''s time',
		'kind', 'the contact_event_kind',
		'party', 'who caused it: customer (ABANDON, COMPLETECALLER, EXITWITHKEY), operator (CONNECT, COMPLETEAGENT, transfers), system (ENTERQUEUE, EXITWITHTIMEOUT, EXITEMPTY)',
		'operator_id', 'the member of CONNECT, COMPLETE* and transfers; NULL otherwise');

	-- 5. the members' own events, for agent status time
	body[5] := format($v$
SELECT e.agent AS operator, e.at, e.event, e.info AS reason, nullif(e.queue, 'NONE') AS queue
FROM %1$s.queue_log_events e
WHERE e.event_code BETWEEN 30 AND 39$v$, s);
	comments[5] := jsonb_build_array(
		'The members'' own events (ADDMEMBER, REMOVEMEMBER, PAUSE, UNPAUSE, PAUSEALL, UNPAUSEALL, AGENTLOGIN, AGENTLOGOFF, AGENTCALLBACKLOGIN, AGENTCALLBACKLOGOFF) as they are logged: a PAUSEALL is followed by one PAUSE per queue (made by create_asterisk_views).',
		'operator', 'the member name (agent column)',
		'at', 'the event''s time',
		'event', 'the event name',
		'reason', 'PAUSE, UNPAUSE, PAUSEALL, UNPAUSEALL: the pause reason (data1); ADDMEMBER: PAUSED when added paused; logins and logoffs: the channel; NULL when empty',
		'queue', 'the queue of the event; NULL for events of every queue (NONE)');

	-- 6. the monthly report: one row per month and queue, and the whole line (queue NULL, one row per call)
	body[6] := format($v$
WITH ev AS (
	-- only what the report reads: Asterisk's own seconds, the caller id and the member are not parsed
	SELECT x.log_id, x.at, x.callid, x.queue, NULL::text AS agent, x.event_code, NULL::double precision AS their_wait_seconds,
		NULL::double precision AS their_talk_seconds, NULL::text AS info
	FROM %1$s.queue_log_events x WHERE x.event_code BETWEEN 1 AND 12), %7$s,
visits AS (%8$s),
rings AS (
	-- RINGNOANSWER straight from the source: only their time is read
	SELECT date_trunc('month', %9$s AT TIME ZONE %2$L)::date AS month, q.queuename::text AS queue, count(*) AS n
	FROM %10$s q WHERE q.event::text = 'RINGNOANSWER' GROUP BY 1, 2)
SELECT r.month, 'call'::text AS channel, r.queue, @extschema@.offered(r.st) AS offered,
	@extschema@.answered(r.st) AS answered, r.abandoned, r.short_abandoned, r.overflowed, r.still_waiting,
	round(@extschema@.sl_pct(r.st), 2) AS sl_pct, r.abandon_rate, r.overflow_rate,
	round(@extschema@.asa(r.st)::numeric, 1)::double precision AS asa_seconds,
	round(r.wait_pct[1]::numeric, 1)::double precision AS wait_median_seconds,
	round(r.wait_pct[2]::numeric, 1)::double precision AS wait_p90_seconds,
	round(r.aht::numeric, 1)::double precision AS aht_seconds,
	round(r.talk_pct[1]::numeric, 1)::double precision AS talk_median_seconds,
	round(r.talk_pct[2]::numeric, 1)::double precision AS talk_p90_seconds,
	r.transfer_rate,
	coalesce(CASE WHEN r.queue IS NULL THEN (SELECT sum(g.n) FROM rings g WHERE g.month = r.month)
		ELSE (SELECT g.n FROM rings g WHERE g.month = r.month AND g.queue = r.queue) END, 0)::bigint AS ring_no_answer,
	r.st AS sl_state
FROM (SELECT x.month, x.queue,
		@extschema@.queue_agg(CASE WHEN x.outcome IN ('answered', 'abandoned') THEN x.wait_seconds END,
			CASE WHEN x.outcome = 'answered' THEN true WHEN x.outcome <> 'waiting' THEN false END,
			%3$s::double precision, %4$s::double precision, %5$L::text) AS st,
		count(*) FILTER (WHERE x.outcome = 'abandoned' AND x.wait_seconds >= %4$s) AS abandoned,
		count(*) FILTER (WHERE x.outcome = 'abandoned' AND x.wait_seconds < %4$s) AS short_abandoned,
		count(*) FILTER (WHERE x.outcome IN ('timeout', 'empty', 'key', 'overflow')) AS overflowed,
		count(*) FILTER (WHERE x.outcome = 'waiting') AS still_waiting,
		round(@extschema@.share_pct(x.outcome = 'abandoned') FILTER (WHERE x.outcome <> 'waiting'
			AND NOT (x.outcome = 'abandoned' AND x.wait_seconds < %4$s)), 2) AS abandon_rate,
		round(@extschema@.share_pct(x.outcome IN ('timeout', 'empty', 'key', 'overflow')) FILTER (WHERE x.outcome <> 'waiting'
			AND NOT (x.outcome = 'abandoned' AND x.wait_seconds < %4$s)), 2) AS overflow_rate,
		@extschema@.resolution_time(x.wait_seconds, ARRAY[0.5, 0.9]::double precision[]) FILTER (WHERE x.outcome = 'answered') AS wait_pct,
		@extschema@.aht(x.talk_seconds) AS aht,
		@extschema@.resolution_time(x.talk_seconds, ARRAY[0.5, 0.9]::double precision[]) AS talk_pct,
		round(@extschema@.transfer_rate(x.transferred), 2) AS transfer_rate
	FROM (SELECT date_trunc('month', v.entered_at AT TIME ZONE %2$L)::date AS month, v.queue, v.outcome,
			v.wait_seconds, v.talk_seconds, v.transferred
		FROM visits v
		UNION ALL
		SELECT f.month, NULL, CASE WHEN f.answered THEN 'answered' WHEN f.answered IS NULL THEN 'waiting'
				WHEN f.wait_seconds IS NULL THEN 'overflow' ELSE 'abandoned' END,
			f.wait_seconds, f.handle_seconds, f.transferred
		FROM (%6$s) f) x
	GROUP BY x.month, x.queue) r$v$, s, time_zone, thr, short_s, sl_policy, calls, visit_ctes, visit_select, at_expr, src);
	comments[6] := jsonb_build_array(
		'The monthly report of the Asterisk queues with each row''s queue_state (sl_state), for SQL users who roll rows up (weeks, queues, another service-level policy, confidence intervals); BI tools read monthly_report, the same rows without the state: one row per month and queue (a queue''s visits: a call that overflowed from A to B counts in both), and one row per month for the whole line (queue NULL: one row per call, its wait from the first ENTERQUEUE). Overflows (EXITWITHTIMEOUT, EXITEMPTY, EXITWITHKEY) count as offered and not answered within the threshold, never as abandons nor short abandons (made by create_asterisk_views).',
		'month', 'the month of ENTERQUEUE (the line: of the call''s first ENTERQUEUE) in the report''s time_zone',
		'channel', 'always call',
		'queue', 'the queue; NULL for the whole line, one row per call',
		'offered', 'answered + abandoned + overflowed; short abandons and calls still waiting left out',
		'answered', 'answered visits (CONNECT); the line: answered calls',
		'abandoned', 'the caller hung up (ABANDON) after short_abandon_seconds or more',
		'short_abandoned', 'ABANDON before short_abandon_seconds: misdials, left out of every rate',
		'overflowed', 'sent on by the queue unanswered: EXITWITHTIMEOUT, EXITEMPTY, EXITWITHKEY (the line: calls whose last queue did so)',
		'still_waiting', 'visits (calls) with no end event in the log yet: left out of every rate',
		'sl_pct', 'service level, %: answered within threshold_seconds / offered under sl_policy (an overflow counts as not answered within the threshold under every policy)',
		'abandon_rate', 'abandoned / offered, %',
		'overflow_rate', 'overflowed / offered, %',
		'asa_seconds', 'average speed of answer: mean wait of the answered, seconds',
		'wait_median_seconds', 'exact median wait of the answered, seconds',
		'wait_p90_seconds', 'exact 90th percentile of the wait of the answered, seconds',
		'aht_seconds', 'average handle time: mean talk time, seconds (queue_log has no after-call work; the line: talk summed per call)',
		'talk_median_seconds', 'exact median talk time, seconds',
		'talk_p90_seconds', 'exact 90th percentile of the talk time, seconds',
		'transfer_rate', 'answered calls the member transferred / answered calls whose talk ended, %',
		'ring_no_answer', 'RINGNOANSWER events: members rung who did not answer (the line: all queues)',
		'sl_state', 'the queue_state of the row (threshold, short abandons, policy), to roll up with rollup(): sl_pct(rollup(sl_state)) over weeks or queues');

	-- 7. one row per month and member
	body[7] := format($v$
WITH ev AS (
	SELECT x.log_id, x.at, x.callid, x.queue, x.agent, x.event_code, NULL::double precision AS their_wait_seconds,
		NULL::double precision AS their_talk_seconds, NULL::text AS info
	FROM %1$s.queue_log_events x WHERE x.event_code BETWEEN 1 AND 12), %4$s,
visits AS (%5$s)
SELECT x.month, x.operator_id,
	count(*) FILTER (WHERE x.k = 'answer') AS answered,
	round(@extschema@.sl_pct(x.wait_seconds, true, %3$s::double precision, 0::double precision, 'answered_only'::text) FILTER (WHERE x.k = 'answer'), 2) AS sl_pct,
	round(@extschema@.asa(x.wait_seconds, true) FILTER (WHERE x.k = 'answer')::numeric, 1)::double precision AS asa_seconds,
	coalesce(sum(x.talk_seconds::numeric), 0)::double precision AS talk_seconds,
	round(@extschema@.aht(x.talk_seconds)::numeric, 1)::double precision AS aht_seconds,
	round(@extschema@.resolution_time(x.talk_seconds)::numeric, 1)::double precision AS talk_median_seconds,
	count(*) FILTER (WHERE x.transferred) AS transferred,
	round(@extschema@.transfer_rate(x.transferred), 2) AS transfer_rate,
	count(*) FILTER (WHERE x.ended_by = 'caller') AS completed_by_caller,
	count(*) FILTER (WHERE x.ended_by = 'agent') AS completed_by_agent,
	count(*) FILTER (WHERE x.k = 'ring') AS ring_no_answer,
	coalesce(sum(x.ring_seconds::numeric), 0)::double precision AS ring_no_answer_seconds,
	count(*) FILTER (WHERE x.k = 'dump') AS agent_dumps
FROM (SELECT date_trunc('month', v.connected_at AT TIME ZONE %2$L)::date AS month, v.operator_id, 'answer'::text AS k,
		v.wait_seconds, v.talk_seconds, v.transferred, v.ended_by, NULL::double precision AS ring_seconds
	FROM visits v WHERE v.connected_at IS NOT NULL
	UNION ALL
	-- RINGNOANSWER and AGENTDUMP straight from the source
	SELECT date_trunc('month', %6$s AT TIME ZONE %2$L)::date, q.agent::text,
		CASE WHEN q.event::text = 'RINGNOANSWER' THEN 'ring' ELSE 'dump' END, NULL, NULL, NULL, NULL,
		CASE WHEN q.event::text = 'RINGNOANSWER' AND %7$s <> '' AND length(%7$s) <= 15 AND ltrim(%7$s, '0123456789') = ''
			THEN %7$s::double precision / 1000 END
	FROM %8$s q WHERE q.event::text IN ('RINGNOANSWER', 'AGENTDUMP')) x
GROUP BY x.month, x.operator_id$v$, s, time_zone, thr, visit_ctes, visit_select, at_expr, f[1], src);
	comments[7] := jsonb_build_array(
		'One row per month and member (agent): the calls they answered, their talk time, the calls they let ring (RINGNOANSWER) (made by create_asterisk_views).',
		'month', 'the month of CONNECT (of the RINGNOANSWER / AGENTDUMP) in the report''s time_zone',
		'operator_id', 'the member name (queue_log''s agent column)',
		'answered', 'calls the member answered (CONNECT)',
		'sl_pct', 'of those, answered within threshold_seconds, % (answered_only: abandons belong to the queue, see monthly_report)',
		'asa_seconds', 'mean wait of the calls they answered, seconds',
		'talk_seconds', 'talk time, seconds, of the calls whose talk ended',
		'aht_seconds', 'average handle time: mean talk time, seconds (no after-call work in queue_log)',
		'talk_median_seconds', 'exact median talk time, seconds',
		'transferred', 'calls the member transferred',
		'transfer_rate', 'transferred / answered calls whose talk ended, %',
		'completed_by_caller', 'COMPLETECALLER: the caller hung up first',
		'completed_by_agent', 'COMPLETEAGENT: the member hung up first',
		'ring_no_answer', 'RINGNOANSWER: calls offered to the member who did not pick up',
		'ring_no_answer_seconds', 'seconds those calls rang (RINGNOANSWER data1)',
		'agent_dumps', 'AGENTDUMP: the member hung up during the announcement');

	-- 8. Asterisk's own seconds against ours
	body[8] := format($v$
SELECT v.contact_id, 'wait'::text AS figure, v.wait_seconds AS ours, v.their_wait_seconds AS theirs,
	v.wait_seconds - v.their_wait_seconds AS difference,
	CASE WHEN v.wait_seconds = v.their_wait_seconds THEN NULL
		WHEN v.their_wait_seconds = floor(extract(epoch FROM coalesce(v.connected_at, v.ended_at)))
			- floor(extract(epoch FROM v.entered_at)) THEN 'whole_seconds' END AS rule
FROM %1$s.queue_visits v
WHERE v.their_wait_seconds IS NOT NULL AND v.wait_seconds IS NOT NULL
UNION ALL
SELECT v.contact_id, 'talk', v.talk_seconds, v.their_talk_seconds, v.talk_seconds - v.their_talk_seconds,
	CASE WHEN v.talk_seconds = v.their_talk_seconds THEN NULL
		WHEN v.their_talk_seconds = floor(extract(epoch FROM v.ended_at))
			- floor(extract(epoch FROM v.connected_at)) THEN 'whole_seconds' END
FROM %1$s.queue_visits v
WHERE v.their_talk_seconds IS NOT NULL AND v.talk_seconds IS NOT NULL$v$, s);
	comments[8] := jsonb_build_array(
		'Asterisk''s own wait and talk seconds against ours from the event times: one row per call visit and figure where Asterisk stored one; rule explains a difference, a difference without a rule is unexplained (made by create_asterisk_views).',
		'contact_id', 'hashtextextended(callid, 0): the call''s key (a call with several visits has a row per visit)',
		'figure', 'wait (CONNECT holdtime, ABANDON / EXIT* waittime) or talk (COMPLETE* / transfer calltime)',
		'ours', 'seconds between the two events'' logged times (microseconds)',
		'theirs', 'the seconds Asterisk wrote in the event''s data field',
		'difference', 'ours - theirs, seconds',
		'rule', 'NULL when equal; whole_seconds: Asterisk subtracts whole-second clocks (time(NULL)), theirs = floor(end) - floor(start) in epoch seconds, so |difference| < 1; NULL with a difference: unexplained');

	-- 9. the monthly report for BI tools: monthly_states without the state column
	body[9] := format($v$
SELECT r.month, r.channel, r.queue, r.offered, r.answered, r.abandoned, r.short_abandoned, r.overflowed,
	r.still_waiting, r.sl_pct, r.abandon_rate, r.overflow_rate, r.asa_seconds, r.wait_median_seconds,
	r.wait_p90_seconds, r.aht_seconds, r.talk_median_seconds, r.talk_p90_seconds, r.transfer_rate, r.ring_no_answer
FROM %1$s.monthly_states r$v$, s);
	comments[9] := jsonb_build_array(
		'The monthly report of the Asterisk queues, chartable columns only (monthly_states adds each row''s queue_state): one row per month and queue (a queue''s visits: a call that overflowed from A to B counts in both), and one row per month for the whole line (queue NULL: one row per call, its wait from the first ENTERQUEUE). Overflows (EXITWITHTIMEOUT, EXITEMPTY, EXITWITHKEY) count as offered and not answered within the threshold, never as abandons nor short abandons (made by create_asterisk_views).')
		|| (((comments[6] - 0) - -1) - -1);

	FOREACH i IN ARRAY ARRAY[1, 2, 3, 4, 5, 6, 9, 7, 8] LOOP
		EXECUTE format('CREATE OR REPLACE VIEW %s.%I WITH (security_invoker = true) AS %s', s, views[i], body[i]);
		EXECUTE format('COMMENT ON VIEW %s.%I IS %L', s, views[i], CASE
			WHEN comments[i] ->> 0 LIKE '%(made by create_asterisk_views)%' THEN comments[i] ->> 0
			ELSE (comments[i] ->> 0) || ' (made by create_asterisk_views)' END);
		FOR c IN SELECT comments[i] ->> (2 * n - 1) AS col, comments[i] ->> (2 * n) AS txt
			FROM generate_series(1, (jsonb_array_length(comments[i]) - 1) / 2) n LOOP
			EXECUTE format('COMMENT ON COLUMN %s.%I.%I IS %L', s, views[i], c.col, c.txt);
		END LOOP;
		RETURN NEXT format('%s.%I', s, views[i])::regclass;
	END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.create_asterisk_views(regclass, name, text, text, double precision, double precision, text) IS 'creates (or replaces) views over Asterisk''s realtime queue_log in into_schema: queue_log_events, queue_visits, contact_facts, contact_events, agent_events, monthly_states, monthly_report, operator_monthly, cross_check; returns them in creation order';
-- (end of 12.1)



-- 12.2 Chatwoot: conversations, messages, reporting_events ------------------
CREATE FUNCTION @extschema@.create_chatwoot_views(source_schema name DEFAULT 'public',
	into_schema name DEFAULT 'chatwoot_kpi', time_zone text DEFAULT 'UTC',
	thresholds jsonb DEFAULT '{"chat": 60, "email": 14400, "call": 20}', repeat_within interval DEFAULT '7 days')
RETURNS SETOF regclass
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE SECURITY INVOKER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	need text[] := ARRAY[
		'conversations', 'id,inbox_id,status,assignee_id,contact_id,created_at',
		'messages', 'conversation_id,message_type,private,sender_type,sender_id,created_at,content_attributes,additional_attributes',
		'inboxes', 'id,name,channel_type,timezone,working_hours_enabled',
		'working_hours', 'inbox_id,day_of_week,closed_all_day,open_all_day,open_hour,open_minutes,close_hour,close_minutes',
		'reporting_events', 'name,value,value_in_business_hours,user_id,conversation_id,event_start_time,event_end_time',
		'csat_survey_responses', 'id,conversation_id,rating,created_at',
		'users', 'id,name'];
	k integer;
	col text;
	views text[] := ARRAY['business_calendars', 'contact_events', 'contact_facts', 'monthly_report',
		'operator_monthly', 'cross_check_detail', 'cross_check'];
	v text;
	c record;
BEGIN
	-- the arguments
	IF source_schema IS NULL OR into_schema IS NULL THEN
		RAISE EXCEPTION 'create_chatwoot_views: source_schema and into_schema must not be NULL'
			USING ERRCODE = '22004';
	END IF;
	IF NOT EXISTS (SELECT FROM pg_namespace WHERE nspname = source_schema) THEN
		RAISE EXCEPTION 'create_chatwoot_views: schema "%" does not exist', source_schema
			USING ERRCODE = '3F000', HINT = 'Give the schema that holds Chatwoot''s tables (conversations, messages, ...).';
	END IF;
	IF into_schema = source_schema THEN
		RAISE EXCEPTION 'create_chatwoot_views: into_schema must differ from source_schema "%"', source_schema
			USING ERRCODE = '22023';
	END IF;
	PERFORM @extschema@.source_args_check('create_chatwoot_views'::text, time_zone, thresholds,
		ARRAY['chat', 'email', 'call']::text[]);
	IF repeat_within IS NULL OR repeat_within <= interval '0' OR isfinite(repeat_within) IS NOT TRUE THEN
		RAISE EXCEPTION 'create_chatwoot_views: repeat_within must be a positive interval, not %', repeat_within
			USING ERRCODE = '22023';
	END IF;
	-- the source: every table and column the views read
	FOR k IN 1 .. array_length(need, 1) BY 2 LOOP
		IF to_regclass(format('%I.%I', source_schema, need[k])) IS NULL THEN
			RAISE EXCEPTION 'create_chatwoot_views: table %.% does not exist', quote_ident(source_schema), quote_ident(need[k])
				USING ERRCODE = '42P01', DETAIL = format('Chatwoot''s table %s with the columns %s is expected.', need[k], need[k + 1]);
		END IF;
		FOREACH col IN ARRAY string_to_array(need[k + 1], ',') LOOP
			IF NOT EXISTS (SELECT FROM pg_attribute WHERE attrelid = to_regclass(format('%I.%I', source_schema, need[k]))
			               AND attname = col AND attnum > 0 AND NOT attisdropped) THEN
				RAISE EXCEPTION 'create_chatwoot_views: column %.%.% does not exist', quote_ident(source_schema),
					quote_ident(need[k]), quote_ident(col)
					USING ERRCODE = '42703', DETAIL = format('Chatwoot''s table %s with the columns %s is expected.', need[k], need[k + 1]);
			END IF;
		END LOOP;
	END LOOP;
	PERFORM @extschema@.source_target_check(into_schema, views, 'create_chatwoot_views'::text);

	-- business_calendars: each inbox's working hours as business_calendar values
	EXECUTE format($v$
CREATE OR REPLACE VIEW %2$I.business_calendars WITH (security_invoker = true) AS
WITH d AS (
    SELECT i.id AS inbox_id, i.name::text AS inbox_name, coalesce(nullif(i.timezone::text, ''), 'UTC') AS zone,
           w.day_of_week, coalesce(w.open_all_day, false) AS all_day,
           (ARRAY['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'])[w.day_of_week + 1] || ' ' AS day,
           lpad(w.open_hour::text, 2, '0') || ':' || lpad(coalesce(w.open_minutes, 0)::text, 2, '0') || '-'
           || lpad(w.close_hour::text, 2, '0') || ':' || lpad(coalesce(w.close_minutes, 0)::text, 2, '0') AS hours
    FROM %1$I.inboxes i
    JOIN %1$I.working_hours w ON w.inbox_id = i.id AND w.day_of_week BETWEEN 0 AND 6
         AND NOT coalesce(w.closed_all_day, false)
         AND (w.open_all_day OR w.open_hour IS NOT NULL AND w.close_hour IS NOT NULL)
    WHERE i.working_hours_enabled)
SELECT d.inbox_id, d.inbox_name,
       (d.zone || '; ' || string_agg(d.day || CASE WHEN d.all_day THEN '00:00-24:00' ELSE d.hours END, '; '
                                     ORDER BY d.day_of_week))::@extschema@.business_calendar AS calendar,
       (d.zone || '; ' || string_agg(d.day || CASE WHEN d.all_day THEN '00:00-23:59' ELSE d.hours END, '; '
                                     ORDER BY d.day_of_week))::@extschema@.business_calendar AS chatwoot_calendar
FROM d
GROUP BY d.inbox_id, d.inbox_name, d.zone
$v$, source_schema, into_schema);

	-- contact_events: the raw events of each conversation
	EXECUTE format($v$
CREATE OR REPLACE VIEW %2$I.contact_events WITH (security_invoker = true) AS
WITH msg AS MATERIALIZED (
    SELECT m.conversation_id, m.created_at, m.sender_id,
           m.message_type = 1 AND m.sender_type IN ('AgentBot', 'Captain::Assistant') AS from_bot,
           CASE WHEN m.message_type = 0 THEN 'customer_message'
                WHEN m.sender_type = 'User' AND (m.content_attributes ->> 'automation_rule_id') IS NULL
                     AND (m.additional_attributes ->> 'campaign_id') IS NULL THEN 'operator_message'
                ELSE 'bot_message' END AS kind
    FROM %1$I.messages m
    WHERE m.message_type IN (0, 1) AND NOT coalesce(m.private, false)),
per AS (
    SELECT msg.conversation_id, bool_or(msg.from_bot) AS had_bot, bool_or(msg.kind = 'operator_message') AS had_operator,
           min(msg.created_at) FILTER (WHERE msg.kind = 'operator_message')
               < coalesce(min(msg.created_at) FILTER (WHERE msg.kind = 'customer_message'), 'infinity') AS outbound
    FROM msg GROUP BY msg.conversation_id),
rep AS MATERIALIZED (
    SELECT r.conversation_id, r.name, r.event_end_time, r.user_id
    FROM %1$I.reporting_events r
    WHERE r.name IN ('conversation_resolved', 'conversation_bot_resolved', 'conversation_bot_handoff', 'conversation_opened')
      AND r.event_end_time IS NOT NULL),
handoff AS (
    SELECT rep.conversation_id, min(rep.event_end_time) AS at FROM rep
    WHERE rep.name = 'conversation_bot_handoff' GROUP BY rep.conversation_id),
bot_res AS (
    SELECT DISTINCT rep.conversation_id, rep.event_end_time FROM rep WHERE rep.name = 'conversation_bot_resolved'),
first_res AS (
    SELECT rep.conversation_id, min(rep.event_end_time) AS at FROM rep
    WHERE rep.name = 'conversation_resolved' GROUP BY rep.conversation_id),
offer AS (
    SELECT c.id AS conversation_id, h.at IS NOT NULL AS handoff,
           CASE WHEN NOT coalesce(p.outbound, false)
                THEN coalesce(h.at, CASE WHEN NOT coalesce(p.had_bot, false) OR coalesce(p.had_operator, false)
                                         THEN c.created_at END) END AS at
    FROM %1$I.conversations c
    LEFT JOIN handoff h ON h.conversation_id = c.id
    LEFT JOIN per p ON p.conversation_id = c.id)
SELECT m.conversation_id::bigint AS contact_id, m.created_at AT TIME ZONE 'UTC' AS at,
       m.kind::@extschema@.contact_event_kind AS kind, NULL::@extschema@.contact_party AS party,
       CASE WHEN m.kind = 'operator_message' THEN m.sender_id::text END AS operator_id
FROM msg m
UNION ALL
SELECT o.conversation_id::bigint, o.at AT TIME ZONE 'UTC', 'offered'::@extschema@.contact_event_kind,
       CASE WHEN o.handoff THEN 'bot' ELSE 'system' END::@extschema@.contact_party, NULL::text
FROM offer o WHERE o.at IS NOT NULL
UNION ALL
SELECT r.conversation_id::bigint, r.event_end_time AT TIME ZONE 'UTC', 'resolved'::@extschema@.contact_event_kind,
       CASE WHEN b.conversation_id IS NOT NULL THEN 'bot' WHEN r.user_id IS NOT NULL THEN 'operator'
            ELSE 'system' END::@extschema@.contact_party,
       CASE WHEN b.conversation_id IS NULL THEN r.user_id::text END
FROM rep r
LEFT JOIN bot_res b ON b.conversation_id = r.conversation_id AND b.event_end_time = r.event_end_time
WHERE r.name = 'conversation_resolved'
UNION ALL
SELECT p.conversation_id::bigint, p.event_end_time AT TIME ZONE 'UTC', 'reopened'::@extschema@.contact_event_kind,
       'system'::@extschema@.contact_party, NULL::text
FROM rep p JOIN first_res f ON f.conversation_id = p.conversation_id AND f.at <= p.event_end_time
WHERE p.name = 'conversation_opened'
$v$, source_schema, into_schema);

	-- contact_facts: one row per conversation, the contract of docs/your-data.md
	EXECUTE format($v$
CREATE OR REPLACE VIEW %2$I.contact_facts WITH (security_invoker = true) AS
WITH e AS (
    SELECT ev.contact_id, @extschema@.contact_timeline(ev.kind, ev.at, ev.party, ev.operator_id) AS t,
           min(ev.at) FILTER (WHERE ev.kind = 'offered') AS offered_at,
           min(ev.at) FILTER (WHERE ev.kind = 'customer_message') AS first_customer_at,
           max(ev.at) FILTER (WHERE ev.kind = 'resolved') AS last_resolved_at,
           count(DISTINCT ev.operator_id) FILTER (WHERE ev.kind = 'operator_message') AS repliers,
           (array_agg(ev.operator_id ORDER BY ev.at, ev.operator_id) FILTER (WHERE ev.kind = 'operator_message'))[1]
               AS first_operator
    FROM %2$I.contact_events ev GROUP BY ev.contact_id),
f AS (
    SELECT c.id::bigint AS contact_id,
           CASE i.channel_type WHEN 'Channel::Email' THEN 'email' WHEN 'Channel::Voice' THEN 'call' ELSE 'chat' END AS channel,
           coalesce(i.name::text, 'default') AS queue, c.contact_id::bigint AS customer_id,
           e.first_operator AS operator_id,
           coalesce(e.first_customer_at, c.created_at AT TIME ZONE 'UTC') AS arrived_at,
           e.offered_at, a.answered_at,
           -- not offered (bot only, or outbound: an agent wrote first): NULL
           CASE WHEN e.offered_at IS NULL THEN NULL WHEN a.answered_at IS NOT NULL THEN true
                WHEN c.status = 1 THEN false END AS answered,
           @extschema@.handle_time(e.t) AS handle_seconds,
           e.repliers, c.assignee_id, c.contact_id AS cw_contact,
           @extschema@.is_resolved(e.t) AS resolved,
           CASE WHEN @extschema@.is_resolved(e.t) THEN e.last_resolved_at END AS resolved_at,
           @extschema@.reopen_count(e.t) AS reopens,
           s.rating::integer AS rating,
           @extschema@.first_response_time(e.t) AS frt_seconds, @extschema@.avg_response_time(e.t) AS art_seconds
    FROM %1$I.conversations c
    JOIN e ON e.contact_id = c.id
    -- the first human reply to the customer: the first operator message at or after the customer's
    -- first message (first_response_time of the timeline), never an outbound conversation's opening
    CROSS JOIN LATERAL (SELECT e.first_customer_at + make_interval(secs => @extschema@.first_response_time(e.t))
                        AS answered_at) a
    LEFT JOIN %1$I.inboxes i ON i.id = c.inbox_id
    LEFT JOIN (SELECT DISTINCT ON (r.conversation_id) r.conversation_id, r.rating
               FROM %1$I.csat_survey_responses r
               ORDER BY r.conversation_id, r.created_at DESC, r.id DESC) s ON s.conversation_id = c.id)
SELECT f.contact_id, f.channel, f.queue, NULL::text AS product, NULL::text AS segment, f.customer_id, f.operator_id,
       f.arrived_at, f.offered_at, f.answered_at,
       CASE WHEN f.answered THEN greatest(extract(epoch FROM f.answered_at - f.offered_at)::double precision, 0) END
           AS wait_seconds,
       f.answered, f.handle_seconds,
       CASE WHEN f.answered THEN f.repliers > 1 OR f.assignee_id IS NOT NULL AND f.assignee_id::text <> f.operator_id END
           AS transferred,
       f.resolved, f.resolved_at,
       CASE WHEN f.answered OR f.offered_at IS NULL
            THEN f.resolved AND f.reopens = 0
                 AND NOT @extschema@.repeat_contact(f.arrived_at, %3$L::interval) OVER w
                 AND NOT @extschema@.is_repeat_contact(f.arrived_at, %3$L::interval) OVER w END AS first_contact_resolved,
       CASE WHEN @extschema@.is_repeat_contact(f.arrived_at, %3$L::interval) OVER w THEN lag(f.contact_id) OVER w END
           AS repeat_of,
       f.rating, NULL::integer AS nps, NULL::integer AS ces,
       date_trunc('month', f.arrived_at AT TIME ZONE %4$L)::date AS month,
       coalesce((%5$L::jsonb ->> f.channel)::double precision, (%5$L::jsonb ->> '*')::double precision)
           AS threshold_seconds,
       f.frt_seconds, f.art_seconds
FROM f
WINDOW w AS (PARTITION BY f.cw_contact, CASE WHEN f.cw_contact IS NULL THEN f.contact_id END
             ORDER BY f.arrived_at, f.contact_id)
$v$, source_schema, into_schema, repeat_within, time_zone, thresholds);

	-- monthly_report: month x channel x inbox, and each month's total
	EXECUTE format($v$
CREATE OR REPLACE VIEW %2$I.monthly_report WITH (security_invoker = true) AS
WITH x AS (
    SELECT f.*, b.calendar,
           CASE WHEN b.calendar IS NOT NULL AND f.frt_seconds IS NOT NULL
                THEN @extschema@.business_seconds(b.calendar, f.arrived_at,
                         f.arrived_at + make_interval(secs => f.frt_seconds)) END AS frt_business_seconds,
           CASE WHEN f.resolved_at IS NOT NULL THEN extract(epoch FROM f.resolved_at - f.arrived_at)::double precision END
               AS resolution_seconds,
           CASE WHEN b.calendar IS NOT NULL AND f.resolved_at IS NOT NULL
                THEN @extschema@.business_seconds(b.calendar, f.arrived_at, f.resolved_at) END AS resolution_business_seconds
    FROM %2$I.contact_facts f
    JOIN %1$I.conversations c ON c.id = f.contact_id
    LEFT JOIN %2$I.business_calendars b ON b.inbox_id = c.inbox_id)
SELECT x.month,
       CASE WHEN grouping(x.channel) = 1 THEN '(all)' ELSE x.channel END AS channel,
       CASE WHEN grouping(x.queue) = 1 THEN '(all)' ELSE x.queue END AS inbox,
       count(*) AS conversations,
       count(x.answered) AS offered,
       count(*) FILTER (WHERE x.answered) AS answered,
       count(*) FILTER (WHERE NOT x.answered) AS abandoned,
       count(*) FILTER (WHERE x.offered_at IS NULL AND x.operator_id IS NULL AND x.resolved) AS bot_resolved,
       count(*) FILTER (WHERE x.offered_at IS NULL AND x.operator_id IS NULL AND NOT x.resolved) AS with_bot,
       count(*) FILTER (WHERE x.offered_at IS NULL AND x.operator_id IS NOT NULL) AS outbound,
       round(@extschema@.sl_pct(x.wait_seconds, x.answered, x.threshold_seconds), 2) AS sl_pct,
       round(@extschema@.abandon_rate(x.wait_seconds, x.answered), 2) AS abandon_rate_pct,
       round(@extschema@.asa(x.wait_seconds, x.answered)::numeric, 1)::double precision AS asa_seconds,
       round(@extschema@.aht(x.handle_seconds)::numeric, 1)::double precision AS aht_seconds,
       @extschema@.resolution_time(x.frt_seconds) AS frt_median_seconds,
       @extschema@.resolution_time(x.frt_seconds, 0.9::double precision) AS frt_p90_seconds,
       @extschema@.resolution_time(x.frt_business_seconds) AS frt_business_median_seconds,
       @extschema@.resolution_time(x.frt_business_seconds, 0.9::double precision) AS frt_business_p90_seconds,
       round(avg(x.art_seconds)::numeric, 1)::double precision AS art_seconds,
       @extschema@.resolution_time(x.resolution_seconds) AS resolution_median_seconds,
       @extschema@.resolution_time(x.resolution_seconds, 0.9::double precision) AS resolution_p90_seconds,
       @extschema@.resolution_time(x.resolution_business_seconds) AS resolution_business_median_seconds,
       round(@extschema@.fcr_rate(x.first_contact_resolved), 2) AS fcr_pct,
       round(@extschema@.transfer_rate(x.transferred), 2) AS transfer_rate_pct,
       round(@extschema@.csat(x.rating), 2) AS csat_pct,
       count(x.rating) AS ratings
FROM x
GROUP BY GROUPING SETS ((x.month, x.channel, x.queue), (x.month))
$v$, source_schema, into_schema);

	-- operator_monthly: month x operator (the agent who answered first)
	EXECUTE format($v$
CREATE OR REPLACE VIEW %2$I.operator_monthly WITH (security_invoker = true) AS
SELECT f.month, f.operator_id, u.name::text AS operator_name,
       count(*) FILTER (WHERE f.answered) AS answered,
       count(*) FILTER (WHERE f.offered_at IS NULL) AS outbound,
       round(@extschema@.sl_pct(f.wait_seconds, f.answered, f.threshold_seconds), 2) AS sl_pct,
       round(@extschema@.asa(f.wait_seconds, f.answered)::numeric, 1)::double precision AS asa_seconds,
       @extschema@.resolution_time(f.frt_seconds) AS frt_median_seconds,
       @extschema@.resolution_time(f.frt_seconds, 0.9::double precision) AS frt_p90_seconds,
       round(avg(f.art_seconds)::numeric, 1)::double precision AS art_seconds,
       round(@extschema@.aht(f.handle_seconds)::numeric, 1)::double precision AS aht_seconds,
       @extschema@.resolution_time(f.arrived_at, f.resolved_at) AS resolution_median_seconds,
       round(@extschema@.fcr_rate(f.first_contact_resolved), 2) AS fcr_pct,
       round(@extschema@.transfer_rate(f.transferred), 2) AS transfer_rate_pct,
       round(@extschema@.csat(f.rating), 2) AS csat_pct,
       count(f.rating) AS ratings
FROM %2$I.contact_facts f
LEFT JOIN %1$I.users u ON u.id::text = f.operator_id
WHERE f.operator_id IS NOT NULL
GROUP BY f.month, f.operator_id, u.name
$v$, source_schema, into_schema);

	-- cross_check_detail: Chatwoot's stored figures beside ours, with the parts of each difference
	EXECUTE format($v$
CREATE OR REPLACE VIEW %2$I.cross_check_detail WITH (security_invoker = true) AS
WITH ev AS MATERIALIZED (
    SELECT r.id AS event_id, r.conversation_id::bigint AS contact_id, r.name::text AS name, r.value,
           r.value_in_business_hours, r.event_start_time AT TIME ZONE 'UTC' AS their_start,
           r.event_end_time AT TIME ZONE 'UTC' AS their_end, c.inbox_id, r.event_start_time = c.created_at AS at_created
    FROM %1$I.reporting_events r JOIN %1$I.conversations c ON c.id = r.conversation_id
    WHERE r.name IN ('first_response', 'reply_time', 'conversation_resolved')
      AND r.event_start_time IS NOT NULL AND r.event_end_time IS NOT NULL),
-- our turns: messages numbered by the operator messages before them; a turn
-- starts at its first customer message and ends at its operator message
msgs AS (
    SELECT e.contact_id, e.at, e.kind,
           count(*) FILTER (WHERE e.kind = 'operator_message')
               OVER (PARTITION BY e.contact_id ORDER BY e.at, e.kind ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS turn
    FROM %2$I.contact_events e WHERE e.kind IN ('customer_message', 'operator_message')),
turns AS MATERIALIZED (
    SELECT m.contact_id, m.turn, min(m.at) FILTER (WHERE m.kind = 'customer_message') AS turn_start,
           min(m.at) FILTER (WHERE m.kind = 'operator_message') AS turn_end
    FROM msgs m GROUP BY m.contact_id, m.turn),
facts AS MATERIALIZED (
    SELECT f.contact_id, f.arrived_at, f.resolved_at, f.frt_seconds
    FROM %2$I.contact_facts f),
first_in AS (
    SELECT t.contact_id, min(t.turn_start) AS at FROM turns t GROUP BY t.contact_id),
marks AS (
    SELECT r.conversation_id::bigint AS contact_id, r.event_end_time AT TIME ZONE 'UTC' AS at,
           bool_or(r.name = 'conversation_bot_handoff') AS handoff, bool_or(r.name = 'conversation_opened') AS opened
    FROM %1$I.reporting_events r
    WHERE r.name IN ('conversation_bot_handoff', 'conversation_opened') AND r.event_end_time IS NOT NULL
    GROUP BY 1, 2),
ours AS MATERIALIZED (
    SELECT ev.*,
           CASE ev.name WHEN 'first_response' THEN fi.at WHEN 'reply_time' THEN rt.turn_start ELSE f.arrived_at END
               AS our_start,
           CASE ev.name
               WHEN 'first_response' THEN fi.at + make_interval(secs => f.frt_seconds)
               WHEN 'reply_time' THEN CASE WHEN rt.turn_start IS NOT NULL THEN ev.their_end END
               ELSE f.resolved_at END AS our_end,
           coalesce(mk.handoff, false) AS at_handoff, coalesce(mk.opened, false) AS at_opened
    FROM ev
    JOIN facts f ON f.contact_id = ev.contact_id
    LEFT JOIN first_in fi ON fi.contact_id = ev.contact_id
    LEFT JOIN (SELECT DISTINCT ON (t.contact_id, t.turn_end) t.contact_id, t.turn_end, t.turn_start
               FROM turns t WHERE t.turn_end IS NOT NULL
               ORDER BY t.contact_id, t.turn_end, t.turn) rt
           ON ev.name = 'reply_time' AND rt.contact_id = ev.contact_id AND rt.turn_end = ev.their_end
    LEFT JOIN marks mk ON mk.contact_id = ev.contact_id AND mk.at = ev.their_start),
cleared AS (
    SELECT DISTINCT o.event_id
    FROM ours o JOIN %1$I.reporting_events r ON r.conversation_id = o.contact_id AND r.name = 'conversation_resolved'
         AND r.event_end_time AT TIME ZONE 'UTC' BETWEEN o.our_start AND o.their_start
    WHERE o.name = 'reply_time'),
parts AS (
    SELECT o.*, v.business,
           CASE WHEN v.business THEN o.value_in_business_hours ELSE o.value END AS theirs,
           CASE WHEN o.our_start IS NULL OR o.our_end IS NULL THEN NULL
                WHEN v.business THEN @extschema@.business_seconds(b.calendar, o.our_start, o.our_end)
                ELSE extract(epoch FROM o.our_end - o.our_start)::double precision END AS ours,
           CASE WHEN v.business THEN @extschema@.business_seconds(b.calendar, o.our_start, o.their_start)
                ELSE extract(epoch FROM o.their_start - o.our_start)::double precision END AS start_shift,
           CASE WHEN v.business THEN @extschema@.business_seconds(b.calendar, o.their_end, o.our_end)
                ELSE extract(epoch FROM o.our_end - o.their_end)::double precision END AS end_shift,
           CASE WHEN v.business THEN @extschema@.business_seconds(b.calendar, o.their_start, o.their_end)
                    - @extschema@.business_seconds(b.chatwoot_calendar, o.their_start, o.their_end)
                ELSE 0 END AS calendar_part,
           CASE WHEN cl.event_id IS NOT NULL THEN 'resolution_cleared_wait'
                WHEN o.at_handoff THEN 'bot_handoff_start'
                WHEN o.at_opened THEN 'reopen_start'
                WHEN o.at_created THEN 'conversation_created_start' END AS start_cause
    FROM ours o
    LEFT JOIN %2$I.business_calendars b ON b.inbox_id = o.inbox_id
    LEFT JOIN cleared cl ON cl.event_id = o.event_id
    CROSS JOIN LATERAL (VALUES (false), (true)) v(business)
    WHERE NOT v.business OR b.calendar IS NOT NULL),
d AS (
    SELECT p.*, p.ours - p.theirs AS difference,
           p.ours - p.theirs - p.start_shift - p.end_shift - p.calendar_part AS residual,
           CASE WHEN p.business THEN 0.5 ELSE 1 END::double precision AS bound
    FROM parts p)
-- a rule only when the residual (what the explained parts leave) is within
-- the bound (1e-6 s of floating-point slack), else NULL: unexplained
SELECT d.contact_id, d.event_id,
       d.name || CASE WHEN d.business THEN '_business' ELSE '' END AS figure,
       d.ours, d.theirs, d.difference,
       CASE WHEN d.difference = 0 THEN NULL
            WHEN d.ours IS NULL AND d.name = 'conversation_resolved' THEN 'not_resolved'
            WHEN d.ours IS NULL THEN 'no_customer_turn'
            WHEN (abs(d.residual) <= d.bound + 1e-6) IS NOT TRUE THEN NULL
            WHEN d.name = 'first_response' AND d.their_end < d.our_start AND d.at_created THEN 'agent_started'
            WHEN abs(d.start_shift) >= 1 THEN d.start_cause
            WHEN abs(d.end_shift) >= 1 THEN CASE WHEN d.name = 'conversation_resolved' AND d.end_shift > 0
                                                 THEN 'reopened_later' END
            WHEN d.calendar_part <> 0 THEN 'all_day_until_2359'
            WHEN d.business THEN 'rounded_seconds'
            ELSE 'whole_seconds' END AS rule,
       d.our_start, d.our_end, d.their_start, d.their_end, d.start_shift, d.end_shift, d.calendar_part,
       d.residual, d.bound
FROM d
$v$, source_schema, into_schema);

	-- cross_check: the contract's columns
	EXECUTE format($v$
CREATE OR REPLACE VIEW %2$I.cross_check WITH (security_invoker = true) AS
SELECT d.contact_id, d.figure, d.ours, d.theirs, d.difference, d.rule
FROM %2$I.cross_check_detail d
$v$, source_schema, into_schema);

	-- the comments: every view and every column
	FOR c IN
		SELECT * FROM (VALUES
		('business_calendars', NULL, 'each Chatwoot inbox with working hours enabled: its working_hours and timezone as business calendars (support_kpi create_chatwoot_views)'),
		('business_calendars', 'inbox_id', 'the inbox (inboxes.id)'),
		('business_calendars', 'inbox_name', 'the inbox''s name'),
		('business_calendars', 'calendar', 'the inbox''s working hours in its time zone; an open_all_day day is 00:00-24:00 (used for our business-hours figures)'),
		('business_calendars', 'chatwoot_calendar', 'the same hours as Chatwoot counts them: an open_all_day day is 00:00-23:59 (used by cross_check only)'),
		('contact_events', NULL, 'the raw events of each Chatwoot conversation for contact_timeline(kind, at, party, operator_id): messages (not private notes, activity or template messages), the entry into the agents'' queue, resolutions and reopens'),
		('contact_events', 'contact_id', 'the conversation (conversations.id)'),
		('contact_events', 'at', 'when it happened (Chatwoot stores UTC)'),
		('contact_events', 'kind', 'customer_message (incoming), operator_message (outgoing from a User, not automated), bot_message (outgoing from a bot, an automation rule or a campaign, or without a sender), offered (none for a conversation only a bot handled, nor for an outbound one: an agent wrote first), resolved, reopened'),
		('contact_events', 'party', 'who: bot for a bot handoff or a bot resolution, operator for an agent''s resolution, system otherwise; NULL for messages (their kind''s party)'),
		('contact_events', 'operator_id', 'the agent (users.id as text) of an operator message or of a resolution'),
		('contact_facts', NULL, 'one row per Chatwoot conversation, the contract of contact_facts (docs/your-data.md)'),
		('contact_facts', 'contact_id', 'the conversation (conversations.id)'),
		('contact_facts', 'channel', 'chat (web widget, API, WhatsApp, social and SMS inboxes), email (e-mail inboxes) or call (voice inboxes), from inboxes.channel_type'),
		('contact_facts', 'queue', 'the inbox''s name'),
		('contact_facts', 'product', 'not recorded by Chatwoot: always NULL'),
		('contact_facts', 'segment', 'not recorded by Chatwoot: always NULL'),
		('contact_facts', 'customer_id', 'the customer (contacts.id)'),
		('contact_facts', 'operator_id', 'the agent (users.id as text) who sent the first human message: the first reply, or the opening message of an outbound conversation (an agent wrote first); NULL when no agent wrote'),
		('contact_facts', 'arrived_at', 'the customer''s first message, else the conversation''s creation'),
		('contact_facts', 'offered_at', 'entry into the agents'' queue: the bot handoff, else the conversation''s creation; NULL when only a bot handled it, and for an outbound conversation (the first message not from a bot is an agent''s outgoing message)'),
		('contact_facts', 'answered_at', 'the first human reply (outgoing, not private, from a User, not automated) at or after the customer''s first message; never before arrived_at (an outbound conversation''s opening message is no reply); NULL when none'),
		('contact_facts', 'wait_seconds', 'seconds from offered_at to the first human reply (0 when an agent replied before the handoff); NULL when not answered'),
		('contact_facts', 'answered', 'true: an agent replied; false: offered and resolved without a human reply (abandoned); NULL: not offered (bot only, or outbound) or still waiting'),
		('contact_facts', 'handle_seconds', 'elapsed seconds (not work time: hours for an e-mail) from the first human message (the first reply, or an outbound conversation''s opening message) to the first resolution after it, else to the last human message (handle_time of the timeline)'),
		('contact_facts', 'transferred', 'answered and replied to by more than one agent, or now assigned to another agent than the first replier'),
		('contact_facts', 'resolved', 'resolved and not reopened since (is_resolved of the timeline)'),
		('contact_facts', 'resolved_at', 'the last resolution of a resolved conversation'),
		('contact_facts', 'first_contact_resolved', 'resolved, never reopened, not a repeat and not followed by a repeat of the same customer within repeat_within; NULL when abandoned or still waiting'),
		('contact_facts', 'repeat_of', 'the customer''s previous conversation when this one started within repeat_within of it'),
		('contact_facts', 'rating', 'the CSAT rating 1..5 (csat_survey_responses, the latest of the conversation)'),
		('contact_facts', 'nps', 'not recorded by Chatwoot: always NULL'),
		('contact_facts', 'ces', 'not recorded by Chatwoot: always NULL'),
		('contact_facts', 'month', 'the month of arrived_at in the report''s time zone'),
		('contact_facts', 'threshold_seconds', 'the service-level threshold of the channel, in seconds (the thresholds argument)'),
		('contact_facts', 'frt_seconds', 'first response time in seconds: the customer''s first message to the first human reply after it'),
		('contact_facts', 'art_seconds', 'average response time in seconds over the answered customer turns'),
		('monthly_report', NULL, 'per month, channel and inbox, and per month over all ((all)): Chatwoot conversations'' KPIs from support_kpi''s aggregates'),
		('monthly_report', 'month', 'the month (in the report''s time zone)'),
		('monthly_report', 'channel', 'chat, email, call, or (all)'),
		('monthly_report', 'inbox', 'the inbox''s name, or (all)'),
		('monthly_report', 'conversations', 'conversations that arrived in the month'),
		('monthly_report', 'offered', 'conversations offered to the agents and answered or abandoned (outbound ones are not offered)'),
		('monthly_report', 'answered', 'conversations with a human reply'),
		('monthly_report', 'abandoned', 'offered conversations resolved without a human reply'),
		('monthly_report', 'bot_resolved', 'conversations resolved by the bot without a handoff'),
		('monthly_report', 'with_bot', 'conversations the bot still holds (no handoff, not resolved)'),
		('monthly_report', 'outbound', 'conversations an agent started (the first message not from a bot is an agent''s): not offered, left out of offered, sl_pct, asa_seconds and abandon_rate_pct'),
		('monthly_report', 'sl_pct', 'service level, %: answered within the channel''s threshold over offered (abandons count against)'),
		('monthly_report', 'abandon_rate_pct', 'abandoned over offered, %'),
		('monthly_report', 'asa_seconds', 'average seconds from the queue entry to the first human reply'),
		('monthly_report', 'aht_seconds', 'average handle_seconds: elapsed seconds from the first human message to the resolution (handle_time of the timeline), not work time: hours for e-mail'),
		('monthly_report', 'frt_median_seconds', 'exact median first response time, seconds (from the customer''s first message)'),
		('monthly_report', 'frt_p90_seconds', 'exact 90th percentile of the first response time, seconds'),
		('monthly_report', 'frt_business_median_seconds', 'exact median first response time in the inbox''s working hours, seconds; NULL without working hours'),
		('monthly_report', 'frt_business_p90_seconds', 'exact 90th percentile of the first response time in working hours, seconds'),
		('monthly_report', 'art_seconds', 'mean of the conversations'' average response times, seconds'),
		('monthly_report', 'resolution_median_seconds', 'exact median time from arrival to the last resolution of resolved conversations, seconds'),
		('monthly_report', 'resolution_p90_seconds', 'exact 90th percentile of the resolution time, seconds'),
		('monthly_report', 'resolution_business_median_seconds', 'exact median resolution time in working hours, seconds; NULL without working hours'),
		('monthly_report', 'fcr_pct', 'first contact resolution, %'),
		('monthly_report', 'transfer_rate_pct', 'answered conversations transferred to another agent, %'),
		('monthly_report', 'csat_pct', 'CSAT: ratings 4 and 5 over all ratings, %'),
		('monthly_report', 'ratings', 'CSAT ratings received'),
		('operator_monthly', NULL, 'per month and agent (the first human writer: the first replier, or the agent who started an outbound conversation): Chatwoot conversations'' KPIs from support_kpi''s aggregates'),
		('operator_monthly', 'month', 'the month (in the report''s time zone)'),
		('operator_monthly', 'operator_id', 'the agent (users.id as text)'),
		('operator_monthly', 'operator_name', 'the agent''s name (users.name)'),
		('operator_monthly', 'answered', 'conversations the agent answered first'),
		('operator_monthly', 'outbound', 'outbound conversations the agent started (not offered: outside sl_pct and asa_seconds)'),
		('operator_monthly', 'sl_pct', 'answered within the channel''s threshold over answered, % (abandons have no agent)'),
		('operator_monthly', 'asa_seconds', 'average seconds from the queue entry to the agent''s first reply'),
		('operator_monthly', 'frt_median_seconds', 'exact median first response time, seconds'),
		('operator_monthly', 'frt_p90_seconds', 'exact 90th percentile of the first response time, seconds'),
		('operator_monthly', 'art_seconds', 'mean of the conversations'' average response times, seconds'),
		('operator_monthly', 'aht_seconds', 'average handle_seconds: elapsed seconds from the agent''s first message to the resolution (handle_time of the timeline), not work time: hours for e-mail'),
		('operator_monthly', 'resolution_median_seconds', 'exact median resolution time of the resolved conversations, seconds'),
		('operator_monthly', 'fcr_pct', 'first contact resolution, %'),
		('operator_monthly', 'transfer_rate_pct', 'conversations transferred to another agent, %'),
		('operator_monthly', 'csat_pct', 'CSAT: ratings 4 and 5 over all ratings, %'),
		('operator_monthly', 'ratings', 'CSAT ratings received'),
		('cross_check_detail', NULL, 'cross_check with the parts of each difference: the clock starts and ends, the calendar part, and what is left (residual, within bound)'),
		('cross_check_detail', 'contact_id', 'the conversation'),
		('cross_check_detail', 'event_id', 'the reporting event (reporting_events.id)'),
		('cross_check_detail', 'figure', 'the reporting event''s name, with _business for its value_in_business_hours'),
		('cross_check_detail', 'ours', 'our figure from the raw messages, seconds'),
		('cross_check_detail', 'theirs', 'Chatwoot''s stored figure, seconds'),
		('cross_check_detail', 'difference', 'ours - theirs, seconds'),
		('cross_check_detail', 'rule', 'NULL when equal; else the documented reason of the difference (docs/sources.md), given only when the residual is within bound; NULL with a difference: unexplained'),
		('cross_check_detail', 'our_start', 'when our clock starts'),
		('cross_check_detail', 'our_end', 'when our clock stops'),
		('cross_check_detail', 'their_start', 'when Chatwoot''s clock starts (event_start_time)'),
		('cross_check_detail', 'their_end', 'when Chatwoot''s clock stops (event_end_time)'),
		('cross_check_detail', 'start_shift', 'seconds (working seconds for a _business figure) from our start to Chatwoot''s'),
		('cross_check_detail', 'end_shift', 'seconds (working seconds for a _business figure) from Chatwoot''s end to ours'),
		('cross_check_detail', 'calendar_part', 'working seconds our calendar counts and Chatwoot''s does not between its start and end (open_all_day days end at 23:59 in Chatwoot)'),
		('cross_check_detail', 'residual', 'difference - start_shift - end_shift - calendar_part: Chatwoot''s whole seconds, within bound when the difference is explained'),
		('cross_check_detail', 'bound', 'the largest residual a rule allows: 1 s (to_i of each end) or 0.5 s (working time rounded), with 1e-6 s of floating-point slack; beyond it the rule is NULL'),
		('cross_check', NULL, 'one row per Chatwoot-stored figure (first_response, reply_time, conversation_resolved, each also in business hours) beside ours, with the rule that explains any difference'),
		('cross_check', 'contact_id', 'the conversation'),
		('cross_check', 'figure', 'the reporting event''s name, with _business for its value_in_business_hours'),
		('cross_check', 'ours', 'our figure from the raw messages, seconds'),
		('cross_check', 'theirs', 'Chatwoot''s stored figure, seconds'),
		('cross_check', 'difference', 'ours - theirs, seconds'),
		('cross_check', 'rule', 'NULL when equal, else the documented reason: whole_seconds, rounded_seconds, bot_handoff_start, reopen_start, resolution_cleared_wait, conversation_created_start, agent_started, reopened_later, all_day_until_2359, not_resolved, no_customer_turn; NULL with a difference: unexplained (what the rule''s parts leave exceeds its bound)')
		) t(view_name, column_name, remark)
	LOOP
		IF c.column_name IS NULL THEN
			EXECUTE format('COMMENT ON VIEW %I.%I IS %L', into_schema, c.view_name, CASE
				WHEN c.remark LIKE '%(made by create_chatwoot_views)%' THEN c.remark
				ELSE c.remark || ' (made by create_chatwoot_views)' END);
		ELSE
			EXECUTE format('COMMENT ON COLUMN %I.%I.%I IS %L', into_schema, c.view_name, c.column_name, c.remark);
		END IF;
	END LOOP;
	FOREACH v IN ARRAY views LOOP
		RETURN NEXT format('%I.%I', into_schema, v)::regclass;
	END LOOP;
	RETURN;
END
$fn$;
COMMENT ON FUNCTION @extschema@.create_chatwoot_views(name, name, text, jsonb, interval) IS 'creates (or replaces) in into_schema the views business_calendars, contact_events, contact_facts, monthly_report, operator_monthly, cross_check_detail and cross_check over the Chatwoot tables of source_schema, and returns them (docs/sources.md)';
-- (end of 12.2)



-- 12.3 Zammad: tickets and articles -----------------------------------------
-- create_zammad_views: views over a Zammad database (docs/sources.md).  Zammad
-- keeps `timestamp without time zone` in UTC; its business hours are the
-- calendar of its SLAs (YAML or JSON in calendars.business_hours and
-- calendars.public_holidays), read once here and written into the views as a
-- business_calendar literal: re-run after changing the calendar.
CREATE FUNCTION @extschema@.create_zammad_views(source_schema name DEFAULT 'public',
	into_schema name DEFAULT 'zammad_kpi', time_zone text DEFAULT 'UTC',
	thresholds jsonb DEFAULT '{"chat": 60, "*": 14400}', calendar_name text DEFAULT NULL,
	repeat_within interval DEFAULT '7 days', time_unit_seconds double precision DEFAULT NULL)
RETURNS SETOF regclass
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE SECURITY INVOKER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	s name := source_schema;
	req text[] := ARRAY[
		'tickets:id,group_id,state_id,owner_id,customer_id,created_at,first_response_at,first_response_in_min,close_at,close_in_min,last_close_at,create_article_type_id,create_article_sender_id,time_unit',
		'ticket_articles:id,ticket_id,type_id,sender_id,internal,created_by_id,created_at',
		'ticket_article_types:id,name,communication',
		'ticket_article_senders:id,name',
		'ticket_states:id,name,state_type_id,ignore_escalation',
		'ticket_state_types:id,name',
		'groups:id,name',
		'users:id,login',
		'calendars:id,name,timezone,business_hours,public_holidays,default',
		'slas:id,calendar_id',
		'histories:id,history_object_id,history_attribute_id,o_id,id_from,id_to,value_from,value_to,created_by_id,created_at',
		'history_objects:id,name',
		'history_attributes:id,name'];
	spec text;
	tbl text;
	col text;
	cal_id bigint;
	cal record;
	cal_text text;
	cal_lit text := 'NULL::@extschema@.business_calendar';
	days text[] := ARRAY['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
	day_names text[] := ARRAY['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
	hours jsonb;
	hol jsonb;
	clauses text[];
	frames text[];
	d int;
	fr jsonb;
	ln text;
	cur text;
	m text[];
	tu text := 'NULL::double precision';
	src text;
	names text[] := ARRAY[]::text[];
	sqls text[] := ARRAY[]::text[];
	comments text[] := ARRAY[]::text[];
	cols jsonb := '[]';
	i int;
	j int;
BEGIN
	-- arguments
	IF source_schema IS NULL OR into_schema IS NULL THEN
		RAISE EXCEPTION 'create_zammad_views: source_schema and into_schema must not be NULL' USING ERRCODE = '22004';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = source_schema) THEN
		RAISE EXCEPTION 'create_zammad_views: schema "%" does not exist', source_schema
			USING ERRCODE = '3F000', HINT = 'Give the schema that holds Zammad''s tables (tickets, ticket_articles, ...).';
	END IF;
	IF into_schema = source_schema THEN
		RAISE EXCEPTION 'create_zammad_views: into_schema must differ from source_schema "%"', source_schema
			USING ERRCODE = '22023';
	END IF;
	PERFORM @extschema@.source_args_check('create_zammad_views'::text, time_zone, thresholds, NULL::text[]);
	IF repeat_within IS NULL OR repeat_within <= interval '0' THEN
		RAISE EXCEPTION 'create_zammad_views: repeat_within must be above 0' USING ERRCODE = '22023';
	END IF;
	IF time_unit_seconds IS NOT NULL THEN
		IF NOT (time_unit_seconds > 0 AND time_unit_seconds < 'infinity') THEN
			RAISE EXCEPTION 'create_zammad_views: time_unit_seconds must be a finite number above 0 (or NULL: no handle time)'
				USING ERRCODE = '22023';
		END IF;
		tu := format('%s::double precision', time_unit_seconds);
	END IF;

	-- the source tables and the columns read
	FOREACH spec IN ARRAY req LOOP
		tbl := split_part(spec, ':', 1);
		IF NOT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE n.nspname = s AND c.relname = tbl AND c.relkind IN ('r', 'v', 'm', 'f', 'p')) THEN
			RAISE EXCEPTION 'create_zammad_views: table %.% does not exist', quote_ident(s), quote_ident(tbl)
				USING ERRCODE = '42P01', HINT = 'create_zammad_views expects Zammad''s tables ' || array_to_string(ARRAY(SELECT split_part(x, ':', 1) FROM unnest(req) x), ', ') || ' in the source schema.';
		END IF;
		FOREACH col IN ARRAY string_to_array(split_part(spec, ':', 2), ',') LOOP
			IF NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = format('%I.%I', s, tbl)::regclass
					AND a.attname = col AND a.attnum > 0 AND NOT a.attisdropped) THEN
				RAISE EXCEPTION 'create_zammad_views: column %.%.% does not exist', quote_ident(s), quote_ident(tbl), quote_ident(col)
					USING ERRCODE = '42703', HINT = format('create_zammad_views reads %s of %s.', replace(split_part(spec, ':', 2), ',', ', '), tbl);
			END IF;
		END LOOP;
	END LOOP;

	-- the calendar: the one named, else the one every SLA uses, else Zammad's default calendar
	IF calendar_name IS NOT NULL THEN
		EXECUTE format('SELECT min(id) FROM %I.calendars WHERE name = $1', s) INTO cal_id USING calendar_name;
		IF cal_id IS NULL THEN
			RAISE EXCEPTION 'create_zammad_views: no calendar named "%" in %.calendars', calendar_name, quote_ident(s)
				USING ERRCODE = '22023';
		END IF;
	ELSE
		EXECUTE format('SELECT CASE WHEN count(DISTINCT calendar_id) = 1 THEN min(calendar_id) END FROM %I.slas', s) INTO cal_id;
		IF cal_id IS NULL THEN
			EXECUTE format('SELECT id FROM %I.calendars ORDER BY "default" DESC, id LIMIT 1', s) INTO cal_id;
		END IF;
	END IF;
	IF cal_id IS NOT NULL THEN
		EXECUTE format('SELECT name, timezone, business_hours::text AS bh, public_holidays::text AS ph FROM %I.calendars WHERE id = $1', s)
			INTO cal USING cal_id;
		-- business_hours: {mon: {active: true, timeframes: [["09:00", "17:00"], ...]}, ...}, stored by Rails as YAML
		-- (or JSON); '23:59' is Zammad's "end of day", 24:00
		IF ltrim(coalesce(cal.bh, '')) LIKE '{%' THEN
			hours := cal.bh::jsonb;
		ELSE
			hours := '{}';
			cur := NULL;
			FOREACH ln IN ARRAY regexp_split_to_array(coalesce(cal.bh, ''), E'\\r?\\n') LOOP
				IF ln ~ '^:?(mon|tue|wed|thu|fri|sat|sun):\s*$' THEN
					cur := substring(ln FROM '(mon|tue|wed|thu|fri|sat|sun)');
					hours := hours || jsonb_build_object(cur, jsonb_build_object('active', false, 'timeframes', '[]'::jsonb));
				ELSIF cur IS NOT NULL AND ln ~ '^\s+:?active:\s*(true|false)\s*$' THEN
					hours := jsonb_set(hours, ARRAY[cur, 'active'], to_jsonb(ln ~ 'true'));
				ELSIF cur IS NOT NULL AND ln ~ '^\s*-\s+-\s+[''"]?\d{1,2}:\d{2}' THEN
					m := regexp_match(ln, '(\d{1,2}:\d{2})');
					hours := jsonb_insert(hours, ARRAY[cur, 'timeframes', '-1'], jsonb_build_array(m[1]), true);
				ELSIF cur IS NOT NULL AND ln ~ '^\s+-\s+[''"]?\d{1,2}:\d{2}' THEN
					m := regexp_match(ln, '(\d{1,2}:\d{2})');
					hours := jsonb_set(hours, ARRAY[cur, 'timeframes', '-1'], (hours #> ARRAY[cur, 'timeframes', '-1']) || to_jsonb(m[1]));
				END IF;
			END LOOP;
		END IF;
		clauses := ARRAY[coalesce(cal.timezone, 'UTC')];
		FOR d IN 1 .. 7 LOOP
			IF coalesce((hours #>> ARRAY[days[d], 'active'])::boolean, false) THEN
				frames := ARRAY[]::text[];
				FOR fr IN SELECT x FROM jsonb_array_elements(coalesce(hours #> ARRAY[days[d], 'timeframes'], '[]')) x LOOP
					IF jsonb_array_length(fr) = 2 AND fr ->> 0 IS NOT NULL AND fr ->> 1 IS NOT NULL THEN
						frames := frames || ((fr ->> 0) || '-' || CASE WHEN fr ->> 1 = '23:59' THEN '24:00' ELSE fr ->> 1 END);
					END IF;
				END LOOP;
				IF cardinality(frames) > 0 THEN
					clauses := clauses || (day_names[d] || ' ' || array_to_string(frames, ', '));
				END IF;
			END IF;
		END LOOP;
		IF cardinality(clauses) = 1 THEN
			RAISE EXCEPTION 'create_zammad_views: calendar "%" has no active business hours', cal.name USING ERRCODE = '22023';
		END IF;
		-- public_holidays: {"2026-12-25": {active: true, summary: ..., removed: ...}, ...}; active and not removed close the day
		IF ltrim(coalesce(cal.ph, '')) LIKE '{%' THEN
			hol := cal.ph::jsonb;
		ELSE
			hol := '{}';
			cur := NULL;
			FOREACH ln IN ARRAY regexp_split_to_array(coalesce(cal.ph, ''), E'\\r?\\n') LOOP
				IF ln ~ '^[''"]?\d{4}-\d{2}-\d{2}[''"]?:\s*$' THEN
					cur := substring(ln FROM '\d{4}-\d{2}-\d{2}');
					hol := hol || jsonb_build_object(cur, '{}'::jsonb);
				ELSIF cur IS NOT NULL AND ln ~ '^\s+:?(active|removed):\s*(true|false)\s*$' THEN
					hol := jsonb_set(hol, ARRAY[cur, substring(ln FROM '(active|removed)')], to_jsonb(ln ~ ':\s*true'));
				END IF;
			END LOOP;
		END IF;
		SELECT string_agg(e.key, ', ' ORDER BY e.key) INTO cal_text FROM jsonb_each(coalesce(hol, '{}')) e
		WHERE jsonb_typeof(e.value) = 'object' AND coalesce((e.value ->> 'active')::boolean, false)
			AND NOT coalesce((e.value ->> 'removed')::boolean, false);
		IF cal_text IS NOT NULL THEN
			clauses := clauses || ('holidays ' || cal_text);
		END IF;
		cal_text := array_to_string(clauses, '; ');
		BEGIN
			cal_text := cal_text::@extschema@.business_calendar::text;
		EXCEPTION WHEN OTHERS THEN
			RAISE EXCEPTION 'create_zammad_views: calendar "%" does not make a business_calendar: %', cal.name, SQLERRM
				USING ERRCODE = '22023', DETAIL = 'Read as: ' || cal_text;
		END;
		cal_lit := format('%L::@extschema@.business_calendar', cal_text);
	END IF;

	PERFORM @extschema@.source_target_check(into_schema, ARRAY['ticket_figures', 'contact_events', 'contact_facts',
		'monthly_report', 'operator_monthly', 'cross_check']::text[], 'create_zammad_views'::text);

	-- ticket_figures: one row per ticket (merged and removed tickets left out)
	names := names || 'ticket_figures'::text;
	sqls := sqls || format($v$
WITH st AS (
	SELECT s.id, s.name, s.ignore_escalation, y.name AS type_name
	FROM %1$I.ticket_states s JOIN %1$I.ticket_state_types y ON y.id = s.state_type_id),
-- the articles of the conversation: the customer's (not internal) and the agents' replies
-- (not internal, a communication type); per ticket the first reply and its writer
replies AS (
	SELECT a.ticket_id, min(a.created_at) AS first_at,
		(array_agg(a.created_by_id ORDER BY a.created_at, a.id))[1] AS first_by
	FROM %1$I.ticket_articles a
	JOIN %1$I.ticket_article_senders snd ON snd.id = a.sender_id AND snd.name = 'Agent'
	JOIN %1$I.ticket_article_types ty ON ty.id = a.type_id AND ty.communication
	WHERE NOT a.internal
	GROUP BY a.ticket_id),
hist AS (
	SELECT h.o_id AS ticket_id, ha.name AS attr, h.value_from, h.value_to, h.created_at AT TIME ZONE 'UTC' AS at, h.id
	FROM %1$I.histories h
	JOIN %1$I.history_objects ho ON ho.id = h.history_object_id AND ho.name = 'Ticket'
	JOIN %1$I.history_attributes ha ON ha.id = h.history_attribute_id AND ha.name IN ('state', 'group')),
-- state changes in order, each with the next one's time
states AS (
	SELECT h.ticket_id, h.value_from, h.value_to, h.at, h.id,
		lead(h.at) OVER (PARTITION BY h.ticket_id ORDER BY h.at, h.id) AS next_at,
		row_number() OVER (PARTITION BY h.ticket_id ORDER BY h.at, h.id) AS n
	FROM hist h WHERE h.attr = 'state'),
hist_agg AS (
	SELECT h.ticket_id,
		max(h.at) FILTER (WHERE h.attr = 'state' AND tt.type_name = 'closed') AS last_closed_at,
		count(*) FILTER (WHERE h.attr = 'state' AND tf.type_name = 'closed' AND tt.type_name <> 'closed') AS reopens,
		count(*) FILTER (WHERE h.attr = 'group') AS transfers
	FROM hist h LEFT JOIN st tf ON tf.name = h.value_from LEFT JOIN st tt ON tt.name = h.value_to
	GROUP BY h.ticket_id),
base AS (
	SELECT t.id::bigint AS contact_id, t.customer_id::bigint AS customer_id, t.owner_id, t.state_id,
		t.created_at AT TIME ZONE 'UTC' AS created_at,
		t.close_at AT TIME ZONE 'UTC' AS close_at, t.last_close_at AT TIME ZONE 'UTC' AS last_close_at,
		t.first_response_at AT TIME ZONE 'UTC' AS their_first_response_at,
		t.first_response_in_min, t.close_in_min, t.time_unit,
		coalesce(nullif(split_part(ct.name, ' ', 1), ''), 'unknown') AS channel,
		coalesce(g.name::text, 'default') AS queue, coalesce(cs.name = 'Agent', false) AS outbound,
		st.name AS state_name, st.type_name AS state_type, st.type_name = 'closed' AS closed_now,
		r.first_at AT TIME ZONE 'UTC' AS first_response_at, ru.login::text AS first_responder,
		CASE WHEN t.owner_id <> 1 THEN o.login::text END AS owner,
		ha.last_closed_at, coalesce(ha.reopens, 0) AS reopens, coalesce(ha.transfers, 0) AS transfers
	FROM %1$I.tickets t
	JOIN st ON st.id = t.state_id
	LEFT JOIN %1$I.groups g ON g.id = t.group_id
	LEFT JOIN %1$I.users o ON o.id = t.owner_id
	LEFT JOIN %1$I.ticket_article_types ct ON ct.id = t.create_article_type_id
	LEFT JOIN %1$I.ticket_article_senders cs ON cs.id = t.create_article_sender_id
	LEFT JOIN replies r ON r.ticket_id = t.id
	LEFT JOIN %1$I.users ru ON ru.id = r.first_by
	LEFT JOIN hist_agg ha ON ha.ticket_id = t.id
	WHERE st.type_name NOT IN ('merged', 'removed')),
fig AS (
	SELECT b.*, CASE WHEN b.closed_now THEN coalesce(b.last_closed_at, b.last_close_at, b.close_at) END AS resolved_at,
		least(b.first_response_at, b.close_at) AS fr_end
	FROM base b),
-- the ticket's states over time, as Zammad's escalation reads them: from the
-- creation, the state before the first recorded change (or the current one)
periods AS (
	SELECT f.contact_id, coalesce(s1.value_from, f.state_name) AS state, f.created_at AS from_at,
		coalesce(s1.at, 'infinity') AS to_at
	FROM fig f LEFT JOIN states s1 ON s1.ticket_id = f.contact_id AND s1.n = 1
	UNION ALL
	SELECT s.ticket_id, s.value_to, s.at, coalesce(s.next_at, 'infinity') FROM states s),
-- business time in states that ignore escalation (Zammad's pauses) before the first response / the first close
paused AS (
	SELECT f.contact_id,
		sum(@extschema@.business_seconds(c.cal, greatest(p.from_at, f.created_at), least(p.to_at, f.fr_end)))
			FILTER (WHERE p.from_at < f.fr_end) AS frt_paused_seconds,
		count(*) FILTER (WHERE p.from_at < f.fr_end) AS frt_pauses,
		sum(@extschema@.business_seconds(c.cal, greatest(p.from_at, f.created_at), least(p.to_at, f.close_at)))
			FILTER (WHERE p.from_at < f.close_at) AS close_paused_seconds,
		count(*) FILTER (WHERE p.from_at < f.close_at) AS close_pauses
	FROM fig f CROSS JOIN (SELECT %2$s AS cal) c
	JOIN periods p ON p.contact_id = f.contact_id AND p.to_at > f.created_at
	JOIN st ON st.name = p.state AND st.ignore_escalation
	GROUP BY f.contact_id)
SELECT f.contact_id, f.customer_id, f.channel, f.queue, f.state_type, f.outbound,
	coalesce(f.owner, f.first_responder) AS operator_id, f.first_responder,
	f.created_at, f.first_response_at, f.close_at, f.resolved_at, f.reopens, f.transfers,
	f.time_unit::double precision * %4$s AS handle_seconds,
	@extschema@.business_seconds(c.cal, f.created_at, f.first_response_at) AS frt_business_seconds,
	@extschema@.business_seconds(c.cal, f.created_at, f.resolved_at) AS resolution_business_seconds,
	coalesce(p.frt_paused_seconds, 0) AS frt_paused_seconds, coalesce(p.frt_pauses, 0) AS frt_pauses,
	coalesce(p.close_paused_seconds, 0) AS close_paused_seconds, coalesce(p.close_pauses, 0) AS close_pauses,
	CASE WHEN f.first_response_at > f.close_at THEN @extschema@.business_seconds(c.cal, f.close_at, f.first_response_at) ELSE 0 END
		AS frt_after_close_seconds,
	CASE WHEN f.resolved_at > f.close_at THEN @extschema@.business_seconds(c.cal, f.close_at, f.resolved_at) ELSE 0 END
		AS reopened_seconds,
	f.their_first_response_at, f.first_response_in_min AS their_first_response_in_min, f.close_in_min AS their_close_in_min
FROM fig f CROSS JOIN (SELECT %2$s AS cal) c LEFT JOIN paused p ON p.contact_id = f.contact_id
$v$, s, cal_lit, NULL, tu);
	comments := comments || (
		'one row per Zammad ticket (merged and removed tickets left out): our timings from the articles and the state history, '
		|| 'in business hours of the calendar ' || coalesce(quote_literal(cal_text), 'NULL (no calendar)') || ', beside Zammad''s stored figures')::text;
	cols := cols || jsonb_build_array(to_jsonb(ARRAY[
		'contact_id', 'the ticket''s id (tickets.id)',
		'customer_id', 'tickets.customer_id',
		'channel', 'the first word of the type of the ticket''s first article: email, phone, web, chat, sms, twitter, facebook, telegram, whatsapp, fax, note; unknown without one',
		'queue', 'the ticket''s group (groups.name)',
		'state_type', 'the type of the ticket''s current state: new, open, pending reminder, pending action, closed',
		'outbound', 'the first article was an agent''s (an outbound call or e-mail): not offered to the queue',
		'operator_id', 'the owner''s login, or the first replying agent''s when the ticket has no owner; NULL without either',
		'first_responder', 'login of the agent who wrote the first reply',
		'created_at', 'tickets.created_at (stored in UTC)',
		'first_response_at', 'the first reply: the first article of sender Agent, not internal, of a communication type (Zammad''s rule), from the articles',
		'close_at', 'Zammad''s tickets.close_at: the first time the ticket was closed',
		'resolved_at', 'the last change to a closed state (the state history), when the ticket is closed now; NULL otherwise',
		'reopens', 'changes from a closed state to another (the state history)',
		'transfers', 'changes of group (the history)',
		'handle_seconds', 'tickets.time_unit (accounted time) times time_unit_seconds; NULL without it',
		'frt_business_seconds', 'seconds of business hours from created_at to first_response_at',
		'resolution_business_seconds', 'seconds of business hours from created_at to resolved_at',
		'frt_paused_seconds', 'seconds of business hours in states that ignore escalation (pending, closed) before the first response or the first close',
		'frt_pauses', 'number of those periods',
		'close_paused_seconds', 'seconds of business hours in states that ignore escalation before the first close',
		'close_pauses', 'number of those periods',
		'frt_after_close_seconds', 'seconds of business hours from the first close to a first response after it (Zammad stops its clock at close_at)',
		'reopened_seconds', 'seconds of business hours from the first close to resolved_at (reopened and closed again)',
		'their_first_response_at', 'Zammad''s tickets.first_response_at',
		'their_first_response_in_min', 'Zammad''s tickets.first_response_in_min: working minutes to the first response (SLA tickets only)',
		'their_close_in_min', 'Zammad''s tickets.close_in_min: working minutes to the first close (SLA tickets only)']));

	-- contact_events: articles and state, group and owner changes as contact events
	names := names || 'contact_events'::text;
	sqls := sqls || format($v$
WITH t AS (
	SELECT t.id, t.customer_id, t.created_at AT TIME ZONE 'UTC' AS created_at
	FROM %1$I.tickets t JOIN %1$I.ticket_states s ON s.id = t.state_id JOIN %1$I.ticket_state_types y ON y.id = s.state_type_id
	WHERE y.name NOT IN ('merged', 'removed')),
st AS (
	SELECT s.name, y.name AS type_name FROM %1$I.ticket_states s JOIN %1$I.ticket_state_types y ON y.id = s.state_type_id),
ev AS (
	SELECT t.id AS contact_id, t.created_at AS at, 'offered'::text AS kind, 'system'::text AS party, NULL::text AS op
	FROM t
	UNION ALL
	SELECT a.ticket_id, a.created_at AT TIME ZONE 'UTC',
		CASE snd.name WHEN 'Customer' THEN 'customer_message' WHEN 'Agent' THEN 'operator_message' ELSE 'bot_message' END,
		CASE snd.name WHEN 'Customer' THEN 'customer' WHEN 'Agent' THEN 'operator' ELSE 'bot' END,
		CASE WHEN snd.name = 'Agent' THEN u.login::text END
	FROM %1$I.ticket_articles a
	JOIN t ON t.id = a.ticket_id
	JOIN %1$I.ticket_article_senders snd ON snd.id = a.sender_id
	JOIN %1$I.ticket_article_types ty ON ty.id = a.type_id
	LEFT JOIN %1$I.users u ON u.id = a.created_by_id
	WHERE NOT a.internal AND (snd.name = 'Customer' OR (snd.name IN ('Agent', 'System') AND ty.communication))
	UNION ALL
	SELECT h.o_id, h.created_at AT TIME ZONE 'UTC',
		CASE WHEN ha.name = 'group' THEN 'transferred'
		     WHEN ha.name = 'owner' THEN 'assigned'
		     WHEN tf.type_name = 'closed' THEN 'reopened' ELSE 'resolved' END,
		CASE WHEN h.created_by_id = 1 THEN 'system' WHEN h.created_by_id = t.customer_id THEN 'customer' ELSE 'operator' END,
		CASE WHEN ha.name = 'owner' THEN CASE WHEN h.id_to <> 1 THEN u.login::text END
		     WHEN h.created_by_id NOT IN (1, t.customer_id) THEN u.login::text END
	FROM %1$I.histories h
	JOIN t ON t.id = h.o_id
	JOIN %1$I.history_objects ho ON ho.id = h.history_object_id AND ho.name = 'Ticket'
	JOIN %1$I.history_attributes ha ON ha.id = h.history_attribute_id AND ha.name IN ('state', 'group', 'owner')
	LEFT JOIN st tf ON tf.name = h.value_from
	LEFT JOIN st tt ON tt.name = h.value_to
	LEFT JOIN %1$I.users u ON u.id = CASE WHEN ha.name = 'owner' THEN h.id_to ELSE h.created_by_id END
	WHERE ha.name <> 'state' OR (tf.type_name = 'closed') <> (tt.type_name = 'closed'))
SELECT ev.contact_id::bigint AS contact_id, ev.at, ev.kind::@extschema@.contact_event_kind AS kind,
	ev.party::@extschema@.contact_party AS party, ev.op AS operator_id
FROM ev
$v$, s);
	comments := comments || (
		'the events of each Zammad ticket for contact_timeline(kind, at, party, operator_id): the creation, the articles customers, agents and the system sent (internal articles and non-communication agent articles left out), closes, reopens, group and owner changes')::text;
	cols := cols || jsonb_build_array(to_jsonb(ARRAY[
		'contact_id', 'the ticket''s id',
		'at', 'when (ticket_articles.created_at or histories.created_at, stored in UTC)',
		'kind', 'offered (the ticket''s creation), customer_message (sender Customer), operator_message (sender Agent, a communication type), bot_message (sender System: auto-replies), resolved / reopened (a state change into / out of a closed state), transferred (group change), assigned (owner change)',
		'party', 'customer, operator, bot; system for changes by Zammad itself (user 1), customer for changes by the ticket''s customer',
		'operator_id', 'the agent''s login: the writer of an operator message, the new owner of an assignment, the agent who changed the ticket']));

	-- contact_facts: the contract of docs/your-data.md
	names := names || 'contact_facts'::text;
	sqls := sqls || format($v$
WITH tl AS (
	SELECT e.contact_id, @extschema@.contact_timeline(e.kind, e.at, e.party, e.operator_id) AS t
	FROM %1$I.contact_events e GROUP BY e.contact_id),
f AS (
	SELECT f.*, f.first_response_at IS NOT NULL AS has_reply,
		CASE WHEN f.first_response_at IS NOT NULL THEN true WHEN f.state_type = 'closed' THEN false END AS answered_flag
	FROM %1$I.ticket_figures f)
SELECT f.contact_id, f.channel, f.queue, NULL::text AS product, NULL::text AS segment, f.customer_id,
	CASE WHEN f.has_reply THEN f.operator_id END AS operator_id,
	f.created_at AS arrived_at,
	CASE WHEN NOT f.outbound THEN f.created_at END AS offered_at,
	CASE WHEN NOT f.outbound THEN f.first_response_at END AS answered_at,
	CASE WHEN f.outbound THEN NULL
	     WHEN f.has_reply THEN extract(epoch FROM f.first_response_at - f.created_at)::double precision
	     WHEN f.state_type = 'closed' THEN extract(epoch FROM f.resolved_at - f.created_at)::double precision END AS wait_seconds,
	CASE WHEN NOT f.outbound THEN f.answered_flag END AS answered,
	f.handle_seconds,
	CASE WHEN f.has_reply THEN f.transfers > 0 END AS transferred,
	f.resolved_at IS NOT NULL AS resolved, f.resolved_at,
	CASE WHEN f.answered_flag OR f.outbound THEN
		f.resolved_at IS NOT NULL AND f.reopens = 0
		AND NOT @extschema@.repeat_contact(f.created_at, %2$L::interval) OVER w
		AND NOT @extschema@.is_repeat_contact(f.created_at, %2$L::interval) OVER w END AS first_contact_resolved,
	CASE WHEN @extschema@.is_repeat_contact(f.created_at, %2$L::interval) OVER w THEN lag(f.contact_id) OVER w END AS repeat_of,
	NULL::integer AS rating, NULL::integer AS nps, NULL::integer AS ces,
	date_trunc('month', f.created_at AT TIME ZONE %3$L)::date AS month,
	coalesce((%4$L::jsonb ->> f.channel)::double precision, (%4$L::jsonb ->> '*')::double precision) AS threshold_seconds,
	@extschema@.first_response_time(tl.t) AS frt_seconds,
	@extschema@.avg_response_time(tl.t) AS art_seconds
FROM f LEFT JOIN tl ON tl.contact_id = f.contact_id
WINDOW w AS (PARTITION BY f.customer_id ORDER BY f.created_at, f.contact_id)
$v$, into_schema, repeat_within, time_zone, thresholds);
	comments := comments || (
		'one row per Zammad ticket in the contract of contact_facts (docs/your-data.md)')::text;
	cols := cols || jsonb_build_array(to_jsonb(ARRAY[
		'contact_id', 'the ticket''s id',
		'channel', 'the first word of the type of the ticket''s first article (email, phone, web, chat, ...)',
		'queue', 'the ticket''s group',
		'product', 'not recorded by Zammad: NULL',
		'segment', 'not recorded by Zammad: NULL',
		'customer_id', 'tickets.customer_id',
		'operator_id', 'the owner''s login (else the first replying agent''s) of an answered ticket; NULL when nobody replied',
		'arrived_at', 'tickets.created_at',
		'offered_at', 'tickets.created_at; NULL for an outbound ticket (opened by an agent''s article)',
		'answered_at', 'the first reply (first non-internal Agent article of a communication type); NULL for outbound tickets',
		'wait_seconds', 'seconds from creation to the first reply, or to the close of a ticket closed without a reply; wall-clock',
		'answered', 'true: replied; false: closed without a reply; NULL: still waiting, or outbound (not offered)',
		'handle_seconds', 'accounted time (tickets.time_unit) times time_unit_seconds; NULL without it',
		'transferred', 'an answered ticket changed group; NULL when not answered',
		'resolved', 'the ticket is in a closed state now',
		'resolved_at', 'the last change to a closed state',
		'first_contact_resolved', 'resolved, never reopened, not a repeat and not followed by a repeat of the same customer within repeat_within; NULL for a ticket closed without a reply or still waiting for one',
		'repeat_of', 'the same customer''s previous ticket when this one came within repeat_within of it',
		'rating', 'not recorded by Zammad: NULL',
		'nps', 'not recorded by Zammad: NULL',
		'ces', 'not recorded by Zammad: NULL',
		'month', 'month of the creation in the report''s time zone',
		'threshold_seconds', 'the service-level threshold of the channel, seconds (thresholds argument)',
		'frt_seconds', 'seconds from the first customer message to the first agent reply after it (contact_timeline), wall-clock',
		'art_seconds', 'average seconds of the answered turns customer message -> agent reply (contact_timeline)']));

	-- monthly_report
	names := names || 'monthly_report'::text;
	sqls := sqls || format($v$
SELECT c.month, CASE WHEN grouping(c.channel) = 1 THEN 'all' ELSE c.channel END AS channel,
	CASE WHEN grouping(c.queue) = 1 THEN 'all' ELSE c.queue END AS queue,
	count(*) AS tickets,
	count(c.answered) AS offered,
	count(*) FILTER (WHERE c.answered) AS answered,
	count(*) FILTER (WHERE NOT c.answered) AS abandoned,
	round(@extschema@.sl_pct(c.wait_seconds, c.answered, c.threshold_seconds), 2) AS sl_pct,
	round(@extschema@.abandon_rate(c.wait_seconds, c.answered), 2) AS abandon_rate,
	round(@extschema@.asa(c.wait_seconds, c.answered)::numeric, 1)::double precision AS asa_seconds,
	round(@extschema@.aht(c.handle_seconds)::numeric, 1)::double precision AS aht_seconds,
	@extschema@.resolution_time(c.frt_seconds) AS frt_median_seconds,
	@extschema@.resolution_time(c.frt_seconds, 0.9::double precision) AS frt_p90_seconds,
	avg(c.art_seconds) AS art_seconds,
	@extschema@.resolution_time(f.frt_business_seconds) AS frt_business_median_seconds,
	@extschema@.resolution_time(f.frt_business_seconds, 0.9::double precision) AS frt_business_p90_seconds,
	@extschema@.resolution_time(c.arrived_at, c.resolved_at) AS resolution_median_seconds,
	@extschema@.resolution_time(c.arrived_at, c.resolved_at, 0.9::double precision) AS resolution_p90_seconds,
	@extschema@.resolution_time(f.resolution_business_seconds) AS resolution_business_median_seconds,
	@extschema@.resolution_time(f.resolution_business_seconds, 0.9::double precision) AS resolution_business_p90_seconds,
	round(@extschema@.fcr_rate(c.first_contact_resolved), 2) AS fcr_pct,
	round(@extschema@.transfer_rate(c.transferred), 2) AS transfer_pct,
	round(@extschema@.reopen_rate(f.reopens > 0) FILTER (WHERE f.close_at IS NOT NULL), 2) AS reopen_pct
FROM %1$I.contact_facts c JOIN %1$I.ticket_figures f USING (contact_id)
GROUP BY GROUPING SETS ((c.month, c.channel, c.queue), (c.month))
$v$, into_schema);
	comments := comments || (
		'Zammad tickets per month, channel and group, and per month (channel and queue ''all''): queue, reply, resolution and business-hours figures')::text;
	cols := cols || jsonb_build_array(to_jsonb(ARRAY[
		'month', 'month of the tickets'' creation in the report''s time zone',
		'channel', 'the channel, or all',
		'queue', 'the group, or all',
		'tickets', 'tickets created (merged and removed ones left out)',
		'offered', 'tickets answered or closed without a reply (outbound and still waiting ones left out)',
		'answered', 'offered tickets with a reply',
		'abandoned', 'offered tickets closed without a reply',
		'sl_pct', 'percent of offered tickets replied within the channel''s threshold (wall-clock)',
		'abandon_rate', 'percent of offered tickets closed without a reply',
		'asa_seconds', 'mean seconds to the first reply of answered tickets (wall-clock), to 0.1 s',
		'aht_seconds', 'mean accounted time, seconds, to 0.1 s (NULL without time_unit_seconds)',
		'frt_median_seconds', 'exact median first response time, seconds (first customer message -> first reply, wall-clock)',
		'frt_p90_seconds', 'exact 90th percentile first response time, seconds',
		'art_seconds', 'mean of the tickets'' average response times, seconds',
		'frt_business_median_seconds', 'exact median seconds of business hours from creation to the first reply',
		'frt_business_p90_seconds', 'exact 90th percentile of the same',
		'resolution_median_seconds', 'exact median seconds from creation to the last close (closed tickets)',
		'resolution_p90_seconds', 'exact 90th percentile of the same',
		'resolution_business_median_seconds', 'exact median seconds of business hours from creation to the last close',
		'resolution_business_p90_seconds', 'exact 90th percentile of the same',
		'fcr_pct', 'percent resolved at first contact (closed, never reopened, no repeat)',
		'transfer_pct', 'percent of answered tickets that changed group',
		'reopen_pct', 'percent of tickets ever closed that were reopened']));

	-- operator_monthly
	names := names || 'operator_monthly'::text;
	sqls := sqls || format($v$
SELECT c.month, c.operator_id,
	count(*) AS tickets,
	count(*) FILTER (WHERE c.resolved) AS resolved,
	@extschema@.resolution_time(c.frt_seconds) AS frt_median_seconds,
	@extschema@.resolution_time(c.frt_seconds, 0.9::double precision) AS frt_p90_seconds,
	@extschema@.resolution_time(f.frt_business_seconds) AS frt_business_median_seconds,
	@extschema@.resolution_time(c.arrived_at, c.resolved_at) AS resolution_median_seconds,
	@extschema@.resolution_time(f.resolution_business_seconds) AS resolution_business_median_seconds,
	round(@extschema@.aht(c.handle_seconds)::numeric, 1)::double precision AS aht_seconds,
	round(@extschema@.sl_pct(c.wait_seconds, c.answered, c.threshold_seconds), 2) AS sl_pct,
	round(@extschema@.fcr_rate(c.first_contact_resolved), 2) AS fcr_pct,
	round(@extschema@.transfer_rate(c.transferred), 2) AS transfer_pct,
	round(@extschema@.reopen_rate(f.reopens > 0) FILTER (WHERE f.close_at IS NOT NULL), 2) AS reopen_pct
FROM %1$I.contact_facts c JOIN %1$I.ticket_figures f USING (contact_id)
WHERE c.operator_id IS NOT NULL
GROUP BY c.month, c.operator_id
$v$, into_schema);
	comments := comments || (
		'Zammad tickets per month and operator (the owner, else the first replying agent) of the answered tickets')::text;
	cols := cols || jsonb_build_array(to_jsonb(ARRAY[
		'month', 'month of the tickets'' creation in the report''s time zone',
		'operator_id', 'the agent''s login',
		'tickets', 'answered tickets of the operator',
		'resolved', 'of them, closed now',
		'frt_median_seconds', 'exact median first response time, seconds (wall-clock)',
		'frt_p90_seconds', 'exact 90th percentile first response time, seconds',
		'frt_business_median_seconds', 'exact median seconds of business hours to the first reply',
		'resolution_median_seconds', 'exact median seconds from creation to the last close',
		'resolution_business_median_seconds', 'exact median seconds of business hours from creation to the last close',
		'aht_seconds', 'mean accounted time, seconds, to 0.1 s (NULL without time_unit_seconds)',
		'sl_pct', 'percent replied within the channel''s threshold (answered tickets only: answered within / answered)',
		'fcr_pct', 'percent resolved at first contact',
		'transfer_pct', 'percent that changed group',
		'reopen_pct', 'percent of those ever closed that were reopened']));

	-- cross_check: Zammad's stored figures against ours
	names := names || 'cross_check'::text;
	sqls := sqls || format($v$
-- per figure: the candidate rule, the business seconds it explains (cut) and its pauses (k); the rule is
-- given only when its bound holds: -k <= ours - theirs - cut / 60 < 62/60 + k (whole minutes; pause
-- ends cut to the minute), or when ours is NULL for its reason; otherwise NULL: unexplained
SELECT x.contact_id, x.figure, x.ours, x.theirs, x.ours - x.theirs AS difference,
	CASE WHEN x.ours IS NOT DISTINCT FROM x.theirs THEN NULL
	     WHEN x.ours IS NULL THEN x.null_rule
	     WHEN x.ours - x.theirs - x.cut / 60 >= -x.k AND x.ours - x.theirs - x.cut / 60 < 62.0::double precision / 60 + x.k
		THEN x.rule END AS rule
FROM (
	SELECT f.contact_id, 'first_response_at'::text AS figure,
		extract(epoch FROM f.first_response_at)::double precision AS ours,
		extract(epoch FROM f.their_first_response_at)::double precision AS theirs,
		CASE WHEN f.first_response_at IS NULL THEN 'reply_not_found' END AS null_rule,
		NULL::text AS rule, 0::double precision AS cut, 0::double precision AS k
	FROM %1$I.ticket_figures f WHERE f.their_first_response_at IS NOT NULL
	UNION ALL
	SELECT f.contact_id, 'first_response_in_min', f.frt_business_seconds / 60, f.their_first_response_in_min,
		CASE WHEN f.first_response_at IS NULL THEN 'reply_not_found' END,
		CASE WHEN f.frt_after_close_seconds > 0 THEN 'capped_at_close'
		     WHEN f.frt_pauses > 0 THEN 'pending_paused' ELSE 'whole_minutes' END,
		f.frt_paused_seconds + f.frt_after_close_seconds, f.frt_pauses
	FROM %1$I.ticket_figures f WHERE f.their_first_response_in_min IS NOT NULL
	UNION ALL
	SELECT f.contact_id, 'close_in_min', f.resolution_business_seconds / 60, f.their_close_in_min,
		CASE WHEN f.resolved_at IS NULL AND f.reopens > 0 THEN 'reopened' END,
		CASE WHEN f.resolved_at > f.close_at THEN 'reopened'
		     WHEN f.close_pauses > 0 THEN 'pending_paused' ELSE 'whole_minutes' END,
		f.close_paused_seconds + f.reopened_seconds, f.close_pauses
	FROM %1$I.ticket_figures f WHERE f.their_close_in_min IS NOT NULL) x
$v$, into_schema);
	comments := comments || (
		'Zammad''s stored figures (first_response_at, first_response_in_min, close_in_min) against ours from the articles, the history and the calendar, one row per ticket and figure Zammad stored; rule names the documented reason of a difference')::text;
	cols := cols || jsonb_build_array(to_jsonb(ARRAY[
		'contact_id', 'the ticket''s id',
		'figure', 'first_response_at (epoch seconds), first_response_in_min or close_in_min (minutes of business hours)',
		'ours', 'our figure: the first reply from the articles; business minutes from business_seconds (exact, not paused in pending states; to the last close)',
		'theirs', 'the figure Zammad stored in tickets',
		'difference', 'ours - theirs',
		'rule', 'NULL when equal or unexplained (no rule''s bound holds); whole_minutes: Zammad truncates to whole minutes (0 <= difference < 62/60); pending_paused: Zammad stops its clock in pending (ignore-escalation) states, we do not (difference less the paused business minutes within [-k, 62/60 + k), k pauses); capped_at_close: Zammad stops the first-response clock at the first close (the same bound, less the business minutes from the close to the reply); reopened: Zammad measures to the first close, we to the last (the same bound, less the business minutes between the closes; ours NULL: reopened and not closed again); reply_not_found: Zammad stored a first response, the articles have no reply (ours NULL: imported, or deleted)']));
	-- create (or replace) the views in order, with their comments, and return them
	FOR i IN 1 .. cardinality(names) LOOP
		EXECUTE format('CREATE OR REPLACE VIEW %I.%I WITH (security_invoker = true) AS %s', into_schema, names[i], sqls[i]);
		EXECUTE format('COMMENT ON VIEW %I.%I IS %L', into_schema, names[i], CASE
			WHEN comments[i] LIKE '%(made by create_zammad_views)%' THEN comments[i]
			ELSE comments[i] || ' (made by create_zammad_views)' END);
		FOR j IN 0 .. jsonb_array_length(cols -> (i - 1)) / 2 - 1 LOOP
			EXECUTE format('COMMENT ON COLUMN %I.%I.%I IS %L', into_schema, names[i],
				cols -> (i - 1) ->> (2 * j), cols -> (i - 1) ->> (2 * j + 1));
		END LOOP;
		RETURN NEXT format('%I.%I', into_schema, names[i])::regclass;
	END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.create_zammad_views(name, name, text, jsonb, text, interval, double precision) IS 'creates (or replaces) in into_schema the views ticket_figures, contact_events, contact_facts, monthly_report, operator_monthly and cross_check over the Zammad tables of source_schema, and returns them';
-- (end of 12.3)

--
-- 13. Operator time (docs/reference.md "Operator time"): agent-status logs
-- split exactly at bucket edges into time per (planned activity, status)
-- per bucket, the KPIs read through a status-category mapping (occupancy,
-- utilisation, shrinkage, adherence, conformance), and chat concurrency.
-- The splitting aggregates agent_time(...) and concurrency(...) take one
-- operator's time-ordered rows and return one state per bucket; they have
-- no combine function (a log split at arbitrary rows cannot be merged
-- without its events), the per-bucket states merge with rollup().
--

-- 13.1 Status time: agent_time_state, agent_time(...), categories -------
CREATE TYPE @extschema@.agent_time_state;
CREATE FUNCTION @extschema@.agent_time_state_in(cstring) RETURNS @extschema@.agent_time_state
	AS 'MODULE_PATHNAME', 'skpi_agent_time_state_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.agent_time_state_in(cstring) IS 'text input of agent_time_state; validated';
CREATE FUNCTION @extschema@.agent_time_state_out(@extschema@.agent_time_state) RETURNS cstring
	AS 'MODULE_PATHNAME', 'skpi_agent_time_state_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.agent_time_state_out(@extschema@.agent_time_state) IS 'text output of agent_time_state';
CREATE FUNCTION @extschema@.agent_time_state_recv(internal) RETURNS @extschema@.agent_time_state
	AS 'MODULE_PATHNAME', 'skpi_agent_time_state_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.agent_time_state_recv(internal) IS 'binary input of agent_time_state; validated';
CREATE FUNCTION @extschema@.agent_time_state_send(@extschema@.agent_time_state) RETURNS bytea
	AS 'MODULE_PATHNAME', 'skpi_agent_time_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.agent_time_state_send(@extschema@.agent_time_state) IS 'binary output of agent_time_state';
CREATE TYPE @extschema@.agent_time_state (
	INPUT = @extschema@.agent_time_state_in, OUTPUT = @extschema@.agent_time_state_out,
	RECEIVE = @extschema@.agent_time_state_recv, SEND = @extschema@.agent_time_state_send,
	INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = extended);
COMMENT ON TYPE @extschema@.agent_time_state IS 'time per (planned activity, status) over one or more buckets (microseconds); mergeable with rollup()';
CREATE FUNCTION @extschema@.agent_time_state_combine(@extschema@.agent_time_state, @extschema@.agent_time_state) RETURNS @extschema@.agent_time_state
	AS 'MODULE_PATHNAME', 'skpi_agent_time_state_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.agent_time_state_combine(@extschema@.agent_time_state, @extschema@.agent_time_state) IS 'merges two agent_time_state values: times added';
CREATE FUNCTION @extschema@.agent_time_state_uncombine(@extschema@.agent_time_state, @extschema@.agent_time_state) RETURNS @extschema@.agent_time_state
	AS 'MODULE_PATHNAME', 'skpi_agent_time_state_uncombine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.agent_time_state_uncombine(@extschema@.agent_time_state, @extschema@.agent_time_state) IS 'inverse of agent_time_state_combine for window frames';
CREATE FUNCTION @extschema@.agent_time_state_nonempty(@extschema@.agent_time_state) RETURNS @extschema@.agent_time_state
	AS 'MODULE_PATHNAME', 'skpi_agent_time_state_nonempty' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.agent_time_state_nonempty(@extschema@.agent_time_state) IS 'the state, NULL when it covers no time';
CREATE AGGREGATE @extschema@.rollup(@extschema@.agent_time_state) (
	SFUNC = @extschema@.agent_time_state_combine, STYPE = @extschema@.agent_time_state,
	COMBINEFUNC = @extschema@.agent_time_state_combine,
	MSFUNC = @extschema@.agent_time_state_combine, MINVFUNC = @extschema@.agent_time_state_uncombine,
	MSTYPE = @extschema@.agent_time_state,
	MFINALFUNC = @extschema@.agent_time_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.agent_time_state) IS 'merges agent_time_state values: times added';
CREATE TYPE @extschema@.agent_time_log_state;
CREATE FUNCTION @extschema@.agent_time_log_state_in(cstring) RETURNS @extschema@.agent_time_log_state
	AS 'MODULE_PATHNAME', 'skpi_agent_time_log_state_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.agent_time_log_state_in(cstring) IS 'text input of agent_time_log_state; validated';
CREATE FUNCTION @extschema@.agent_time_log_state_out(@extschema@.agent_time_log_state) RETURNS cstring
	AS 'MODULE_PATHNAME', 'skpi_agent_time_log_state_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.agent_time_log_state_out(@extschema@.agent_time_log_state) IS 'text output of agent_time_log_state';
CREATE FUNCTION @extschema@.agent_time_log_state_recv(internal) RETURNS @extschema@.agent_time_log_state
	AS 'MODULE_PATHNAME', 'skpi_agent_time_log_state_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.agent_time_log_state_recv(internal) IS 'binary input of agent_time_log_state; validated';
CREATE FUNCTION @extschema@.agent_time_log_state_send(@extschema@.agent_time_log_state) RETURNS bytea
	AS 'MODULE_PATHNAME', 'skpi_agent_time_log_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.agent_time_log_state_send(@extschema@.agent_time_log_state) IS 'binary output of agent_time_log_state';
CREATE TYPE @extschema@.agent_time_log_state (
	INPUT = @extschema@.agent_time_log_state_in, OUTPUT = @extschema@.agent_time_log_state_out,
	RECEIVE = @extschema@.agent_time_log_state_recv, SEND = @extschema@.agent_time_log_state_send,
	INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = extended);
COMMENT ON TYPE @extschema@.agent_time_log_state IS 'the running state of agent_time over an operator''s status log: the status in force and the time per bucket and status so far';
CREATE FUNCTION @extschema@.agent_time_accum(@extschema@.agent_time_log_state, timestamptz, text, interval, timestamptz, timestamptz) RETURNS @extschema@.agent_time_log_state
	AS 'MODULE_PATHNAME', 'skpi_agent_time_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.agent_time_accum(@extschema@.agent_time_log_state, timestamptz, text, interval, timestamptz, timestamptz) IS 'transition of agent_time(at, status, width, from, to): credits the time up to the row to the status in force, then takes the row''s status';
CREATE FUNCTION @extschema@.agent_time_accum(@extschema@.agent_time_log_state, timestamptz, text, interval, timestamptz, timestamptz, text) RETURNS @extschema@.agent_time_log_state
	AS 'MODULE_PATHNAME', 'skpi_agent_time_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.agent_time_accum(@extschema@.agent_time_log_state, timestamptz, text, interval, timestamptz, timestamptz, text) IS 'transition of agent_time(at, status, width, from, to, time_zone)';
CREATE FUNCTION @extschema@.agent_time_final(@extschema@.agent_time_log_state, timestamptz, text, interval, timestamptz, timestamptz) RETURNS @extschema@.agent_time_state[]
	AS 'MODULE_PATHNAME', 'skpi_agent_time_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.agent_time_final(@extschema@.agent_time_log_state, timestamptz, text, interval, timestamptz, timestamptz) IS 'final function of agent_time(at, status, width, from, to): a copy of the log run up to to, one agent_time_state per bucket (read-only)';
CREATE FUNCTION @extschema@.agent_time_final(@extschema@.agent_time_log_state, timestamptz, text, interval, timestamptz, timestamptz, text) RETURNS @extschema@.agent_time_state[]
	AS 'MODULE_PATHNAME', 'skpi_agent_time_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.agent_time_final(@extschema@.agent_time_log_state, timestamptz, text, interval, timestamptz, timestamptz, text) IS 'final function of agent_time(at, status, width, from, to, time_zone)';
CREATE AGGREGATE @extschema@.agent_time(at timestamptz, status text, width interval, "from" timestamptz, "to" timestamptz) (
	SFUNC = @extschema@.agent_time_accum, STYPE = @extschema@.agent_time_log_state,
	FINALFUNC = @extschema@.agent_time_final, FINALFUNC_EXTRA, FINALFUNC_MODIFY = READ_ONLY, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.agent_time(timestamptz, text, interval, timestamptz, timestamptz) IS 'an operator''s status log (ORDER BY at) as one agent_time_state per bucket of [from, to): time per status in microseconds, split exactly at the edges from + k * width (in the session''s time zone for days and months), the status in force carried in, every bucket present; no combine function (merge the per-bucket results with rollup())';
CREATE AGGREGATE @extschema@.agent_time(at timestamptz, status text, width interval, "from" timestamptz, "to" timestamptz, time_zone text) (
	SFUNC = @extschema@.agent_time_accum, STYPE = @extschema@.agent_time_log_state,
	FINALFUNC = @extschema@.agent_time_final, FINALFUNC_EXTRA, FINALFUNC_MODIFY = READ_ONLY, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.agent_time(timestamptz, text, interval, timestamptz, timestamptz, text) IS 'an operator''s status log (ORDER BY at) as one agent_time_state per bucket of [from, to): time per status in microseconds, split exactly at the edges from + k * width (in time_zone for days and months), the status in force carried in, every bucket present; no combine function (merge the per-bucket results with rollup())';
CREATE FUNCTION @extschema@.agent_time_accum(@extschema@.agent_time_log_state, timestamptz, text, text, timestamptz, interval, timestamptz, timestamptz, text) RETURNS @extschema@.agent_time_log_state
	AS 'MODULE_PATHNAME', 'skpi_agent_time_accum_plan' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.agent_time_accum(@extschema@.agent_time_log_state, timestamptz, text, text, timestamptz, interval, timestamptz, timestamptz, text) IS 'a status change and / or the start of a planned activity (until planned_until)';
CREATE FUNCTION @extschema@.agent_time_final(@extschema@.agent_time_log_state, timestamptz, text, text, timestamptz, interval, timestamptz, timestamptz, text) RETURNS @extschema@.agent_time_state[]
	AS 'MODULE_PATHNAME', 'skpi_agent_time_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.agent_time_final(@extschema@.agent_time_log_state, timestamptz, text, text, timestamptz, interval, timestamptz, timestamptz, text) IS 'final function of agent_time with planned activities: one agent_time_state per bucket (read-only)';
CREATE AGGREGATE @extschema@.agent_time(at timestamptz, status text, planned_activity text, planned_until timestamptz, width interval, "from" timestamptz, "to" timestamptz, time_zone text) (
	SFUNC = @extschema@.agent_time_accum, STYPE = @extschema@.agent_time_log_state,
	FINALFUNC = @extschema@.agent_time_final, FINALFUNC_EXTRA, FINALFUNC_MODIFY = READ_ONLY, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.agent_time(timestamptz, text, text, timestamptz, interval, timestamptz, timestamptz, text) IS 'the status log and the schedule in one ordered input: time per bucket, planned activity and status';
CREATE FUNCTION @extschema@.status_seconds(@extschema@.agent_time_state, text) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_status_seconds' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.status_seconds(@extschema@.agent_time_state, text) IS 'seconds in the status';
CREATE FUNCTION @extschema@.unknown_seconds(@extschema@.agent_time_state) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_unknown_seconds' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.unknown_seconds(@extschema@.agent_time_state) IS 'seconds before any known status';
CREATE FUNCTION @extschema@.span_seconds(@extschema@.agent_time_state) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_span_seconds' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.span_seconds(@extschema@.agent_time_state) IS 'seconds covered (operator-time)';
CREATE FUNCTION @extschema@.bucket_start(@extschema@.agent_time_state) RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'skpi_bucket_start' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bucket_start(@extschema@.agent_time_state) IS 'the earliest bucket start';
CREATE FUNCTION @extschema@.bucket_end(@extschema@.agent_time_state) RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'skpi_bucket_end' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bucket_end(@extschema@.agent_time_state) IS 'the latest bucket end';
CREATE FUNCTION @extschema@.status_times(@extschema@.agent_time_state, OUT activity text, OUT status text, OUT seconds double precision) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'skpi_status_times' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.status_times(@extschema@.agent_time_state) IS 'one row per (planned activity, status)';
CREATE FUNCTION @extschema@.occupancy(@extschema@.agent_time_state, jsonb) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_occupancy_categories' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.occupancy(@extschema@.agent_time_state, jsonb) IS 'occupancy %';
CREATE FUNCTION @extschema@.utilisation(@extschema@.agent_time_state, jsonb) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_utilisation' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.utilisation(@extschema@.agent_time_state, jsonb) IS 'utilisation %';
CREATE FUNCTION @extschema@.shrinkage(@extschema@.agent_time_state, jsonb) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_shrinkage' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.shrinkage(@extschema@.agent_time_state, jsonb) IS 'shrinkage %';
CREATE FUNCTION @extschema@.adherence(@extschema@.agent_time_state, jsonb) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_adherence' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.adherence(@extschema@.agent_time_state, jsonb) IS 'schedule adherence %';
CREATE FUNCTION @extschema@.conformance(@extschema@.agent_time_state, jsonb) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_conformance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.conformance(@extschema@.agent_time_state, jsonb) IS 'schedule conformance %';
CREATE FUNCTION @extschema@.category_seconds(@extschema@.agent_time_state, jsonb, text) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_category_seconds' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.category_seconds(@extschema@.agent_time_state, jsonb, text) IS 'seconds in a status category';

-- 13.2 Chat concurrency: window functions, concurrency_state, concurrency(...)
CREATE FUNCTION @extschema@.adjusted_handle_seconds(started_at timestamptz, ended_at timestamptz) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_adjusted_handle_seconds' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.adjusted_handle_seconds(timestamptz, timestamptz) IS 'window function over an operator''s chats: the chat''s share of the operator''s time (each instant divided among the chats open then), seconds';
CREATE FUNCTION @extschema@.max_concurrency(started_at timestamptz, ended_at timestamptz) RETURNS integer
	AS 'MODULE_PATHNAME', 'skpi_max_concurrency' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.max_concurrency(timestamptz, timestamptz) IS 'window function over an operator''s chats: the most chats open at once during the chat, itself included';
CREATE TYPE @extschema@.concurrency_state;
CREATE FUNCTION @extschema@.concurrency_state_in(cstring) RETURNS @extschema@.concurrency_state
	AS 'MODULE_PATHNAME', 'skpi_concurrency_state_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.concurrency_state_in(cstring) IS 'text input of concurrency_state; validated';
CREATE FUNCTION @extschema@.concurrency_state_out(@extschema@.concurrency_state) RETURNS cstring
	AS 'MODULE_PATHNAME', 'skpi_concurrency_state_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.concurrency_state_out(@extschema@.concurrency_state) IS 'text output of concurrency_state';
CREATE FUNCTION @extschema@.concurrency_state_recv(internal) RETURNS @extschema@.concurrency_state
	AS 'MODULE_PATHNAME', 'skpi_concurrency_state_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.concurrency_state_recv(internal) IS 'binary input of concurrency_state; validated';
CREATE FUNCTION @extschema@.concurrency_state_send(@extschema@.concurrency_state) RETURNS bytea
	AS 'MODULE_PATHNAME', 'skpi_concurrency_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.concurrency_state_send(@extschema@.concurrency_state) IS 'binary output of concurrency_state';
CREATE TYPE @extschema@.concurrency_state (
	INPUT = @extschema@.concurrency_state_in, OUTPUT = @extschema@.concurrency_state_out,
	RECEIVE = @extschema@.concurrency_state_recv, SEND = @extschema@.concurrency_state_send,
	INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = extended);
COMMENT ON TYPE @extschema@.concurrency_state IS 'chat concurrency over one or more buckets: the span, the chats started, the chat time and the time at each number of chats open at once (microseconds); mergeable with rollup()';
CREATE FUNCTION @extschema@.concurrency_state_combine(@extschema@.concurrency_state, @extschema@.concurrency_state) RETURNS @extschema@.concurrency_state
	AS 'MODULE_PATHNAME', 'skpi_concurrency_state_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.concurrency_state_combine(@extschema@.concurrency_state, @extschema@.concurrency_state) IS 'merges two concurrency_state values: spans, chats and times added';
CREATE FUNCTION @extschema@.concurrency_state_uncombine(@extschema@.concurrency_state, @extschema@.concurrency_state) RETURNS @extschema@.concurrency_state
	AS 'MODULE_PATHNAME', 'skpi_concurrency_state_uncombine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.concurrency_state_uncombine(@extschema@.concurrency_state, @extschema@.concurrency_state) IS 'inverse of concurrency_state_combine for window frames';
CREATE FUNCTION @extschema@.concurrency_state_nonempty(@extschema@.concurrency_state) RETURNS @extschema@.concurrency_state
	AS 'MODULE_PATHNAME', 'skpi_concurrency_state_nonempty' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.concurrency_state_nonempty(@extschema@.concurrency_state) IS 'the state, NULL when it covers no time';
CREATE AGGREGATE @extschema@.rollup(@extschema@.concurrency_state) (
	SFUNC = @extschema@.concurrency_state_combine, STYPE = @extschema@.concurrency_state,
	COMBINEFUNC = @extschema@.concurrency_state_combine,
	MSFUNC = @extschema@.concurrency_state_combine, MINVFUNC = @extschema@.concurrency_state_uncombine,
	MSTYPE = @extschema@.concurrency_state,
	MFINALFUNC = @extschema@.concurrency_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.concurrency_state) IS 'merges concurrency_state values: spans, chats and times added';
CREATE TYPE @extschema@.concurrency_log_state;
CREATE FUNCTION @extschema@.concurrency_log_state_in(cstring) RETURNS @extschema@.concurrency_log_state
	AS 'MODULE_PATHNAME', 'skpi_concurrency_log_state_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.concurrency_log_state_in(cstring) IS 'text input of concurrency_log_state; validated';
CREATE FUNCTION @extschema@.concurrency_log_state_out(@extschema@.concurrency_log_state) RETURNS cstring
	AS 'MODULE_PATHNAME', 'skpi_concurrency_log_state_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.concurrency_log_state_out(@extschema@.concurrency_log_state) IS 'text output of concurrency_log_state';
CREATE FUNCTION @extschema@.concurrency_log_state_recv(internal) RETURNS @extschema@.concurrency_log_state
	AS 'MODULE_PATHNAME', 'skpi_concurrency_log_state_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.concurrency_log_state_recv(internal) IS 'binary input of concurrency_log_state; validated';
CREATE FUNCTION @extschema@.concurrency_log_state_send(@extschema@.concurrency_log_state) RETURNS bytea
	AS 'MODULE_PATHNAME', 'skpi_concurrency_log_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.concurrency_log_state_send(@extschema@.concurrency_log_state) IS 'binary output of concurrency_log_state';
CREATE TYPE @extschema@.concurrency_log_state (
	INPUT = @extschema@.concurrency_log_state_in, OUTPUT = @extschema@.concurrency_log_state_out,
	RECEIVE = @extschema@.concurrency_log_state_recv, SEND = @extschema@.concurrency_log_state_send,
	INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = extended);
COMMENT ON TYPE @extschema@.concurrency_log_state IS 'the running state of concurrency over an operator''s chats: the open chats'' ends and, per bucket, the chats started and the time (microseconds) at each number of chats open so far';
CREATE FUNCTION @extschema@.concurrency_accum(@extschema@.concurrency_log_state, timestamptz, timestamptz, interval, timestamptz, timestamptz) RETURNS @extschema@.concurrency_log_state
	AS 'MODULE_PATHNAME', 'skpi_concurrency_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.concurrency_accum(@extschema@.concurrency_log_state, timestamptz, timestamptz, interval, timestamptz, timestamptz) IS 'transition of concurrency: one chat (started_at, ended_at; a NULL end: still open)';
CREATE FUNCTION @extschema@.concurrency_accum(@extschema@.concurrency_log_state, timestamptz, timestamptz, interval, timestamptz, timestamptz, text) RETURNS @extschema@.concurrency_log_state
	AS 'MODULE_PATHNAME', 'skpi_concurrency_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.concurrency_accum(@extschema@.concurrency_log_state, timestamptz, timestamptz, interval, timestamptz, timestamptz, text) IS 'transition of concurrency: one chat (started_at, ended_at; a NULL end: still open)';
CREATE FUNCTION @extschema@.concurrency_final(@extschema@.concurrency_log_state, timestamptz, timestamptz, interval, timestamptz, timestamptz) RETURNS @extschema@.concurrency_state[]
	AS 'MODULE_PATHNAME', 'skpi_concurrency_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.concurrency_final(@extschema@.concurrency_log_state, timestamptz, timestamptz, interval, timestamptz, timestamptz) IS 'final function of concurrency: the sweep run to `to` (on a copy), one concurrency_state per bucket';
CREATE FUNCTION @extschema@.concurrency_final(@extschema@.concurrency_log_state, timestamptz, timestamptz, interval, timestamptz, timestamptz, text) RETURNS @extschema@.concurrency_state[]
	AS 'MODULE_PATHNAME', 'skpi_concurrency_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.concurrency_final(@extschema@.concurrency_log_state, timestamptz, timestamptz, interval, timestamptz, timestamptz, text) IS 'final function of concurrency: the sweep run to `to` (on a copy), one concurrency_state per bucket';
CREATE AGGREGATE @extschema@.concurrency(started_at timestamptz, ended_at timestamptz, width interval, "from" timestamptz, "to" timestamptz) (
	SFUNC = @extschema@.concurrency_accum, STYPE = @extschema@.concurrency_log_state,
	FINALFUNC = @extschema@.concurrency_final, FINALFUNC_EXTRA, FINALFUNC_MODIFY = READ_ONLY, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.concurrency(timestamptz, timestamptz, interval, timestamptz, timestamptz) IS 'an operator''s chats (ORDER BY started_at; a NULL ended_at: open until `to`) as one concurrency_state per bucket of [from, to), edges from + k * width in the session''s time zone; no combine function: the sweep is sequential (merge the per-bucket results with rollup())';
CREATE AGGREGATE @extschema@.concurrency(started_at timestamptz, ended_at timestamptz, width interval, "from" timestamptz, "to" timestamptz, time_zone text) (
	SFUNC = @extschema@.concurrency_accum, STYPE = @extschema@.concurrency_log_state,
	FINALFUNC = @extschema@.concurrency_final, FINALFUNC_EXTRA, FINALFUNC_MODIFY = READ_ONLY, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.concurrency(timestamptz, timestamptz, interval, timestamptz, timestamptz, text) IS 'an operator''s chats (ORDER BY started_at; a NULL ended_at: open until `to`) as one concurrency_state per bucket of [from, to), edges from + k * width in time_zone; no combine function: the sweep is sequential (merge the per-bucket results with rollup())';
CREATE FUNCTION @extschema@.max_concurrency(@extschema@.concurrency_state) RETURNS integer
	AS 'MODULE_PATHNAME', 'skpi_max_concurrency_state' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.max_concurrency(@extschema@.concurrency_state) IS 'the most chats open at once (chats), 0 without any';
CREATE FUNCTION @extschema@.avg_concurrency(@extschema@.concurrency_state) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_avg_concurrency' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.avg_concurrency(@extschema@.concurrency_state) IS 'time-weighted average number of chats open while at least one is (chat seconds / busy seconds); NULL when never busy';
CREATE FUNCTION @extschema@.busy_seconds(@extschema@.concurrency_state) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_busy_seconds_concurrency' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.busy_seconds(@extschema@.concurrency_state) IS 'seconds with at least one chat open';
CREATE FUNCTION @extschema@.chat_seconds(@extschema@.concurrency_state) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_chat_seconds' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.chat_seconds(@extschema@.concurrency_state) IS 'the chats'' seconds added up (two chats open for a minute: 120 s), clipped to the buckets';
CREATE FUNCTION @extschema@.chat_count(@extschema@.concurrency_state) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_chat_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.chat_count(@extschema@.concurrency_state) IS 'the number of chats that started in the buckets covered';
CREATE FUNCTION @extschema@.level_seconds(@extschema@.concurrency_state, level integer) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_level_seconds' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.level_seconds(@extschema@.concurrency_state, integer) IS 'seconds with exactly level chats open (level 0: idle seconds of the span)';
CREATE FUNCTION @extschema@.concurrency_levels(@extschema@.concurrency_state, OUT level integer, OUT seconds double precision) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'skpi_concurrency_levels' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.concurrency_levels(@extschema@.concurrency_state) IS 'one row per number of chats open at once, 1 to the most: the seconds at it';
CREATE FUNCTION @extschema@.span_seconds(@extschema@.concurrency_state) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_span_seconds_concurrency' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.span_seconds(@extschema@.concurrency_state) IS 'seconds covered (operator-time)';
CREATE FUNCTION @extschema@.bucket_start(@extschema@.concurrency_state) RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'skpi_bucket_start_concurrency' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bucket_start(@extschema@.concurrency_state) IS 'the earliest bucket start';
CREATE FUNCTION @extschema@.bucket_end(@extschema@.concurrency_state) RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'skpi_bucket_end_concurrency' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bucket_end(@extschema@.concurrency_state) IS 'the latest bucket end';

-- 13.3 Demo data: the operators' time behind the demo contacts ------------
-- the operators' working day, derived from the contacts of demo_contacts_detail with the same
-- arguments (the contacts are not changed): an operator is busy while one of its contacts is
-- handled -- a call from its answer for talk + hold ('Call') and then its after-call work
-- ('Wrap-up'), a chat or an e-mail from its answer for its handle time ('Chat', 'Email'); when
-- they overlap, a call wins over wrap-up, wrap-up over chats, chats over e-mail.  A shift is the
-- operator's busy time up to an idle gap over 6 hours or across 04:45 UTC, logged in 2..12
-- minutes before its first contact and logged out 1..5 minutes after its last.  In a shift of 5
-- hours or more the operator takes a lunch break of 30..60 minutes (shorter when the gap is) in
-- an idle gap, one of 40 minutes or more nearest the middle of the shift if there is one; in the
-- next such gap, on some shifts, a training or a meeting of 20..50 minutes; idle time otherwise
-- is 'Ready'.  A transferred contact stays on its first operator's time, as its
-- handle_seconds does in generate_demo_contacts.  Draws: demo_uniform(the shift's first busy
-- second * 8 + k, seed # 0x2545F4914F6CDD1D), apart from the contacts' own draws
CREATE FUNCTION @extschema@.generate_demo_agent_status(months integer DEFAULT 12,
	start_month date DEFAULT '2026-01-01', seed bigint DEFAULT 42)
RETURNS TABLE (operator_id text, at timestamptz, status text)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH c AS MATERIALIZED (
		SELECT d.operator_id AS op, d.channel,
			EXTRACT(epoch FROM d.answered_at)::bigint AS a,
			d.talk_seconds, d.hold_seconds, d.handle_seconds
		FROM @extschema@.demo_contacts_detail(months, start_month, seed) d
		WHERE d.operator_id IS NOT NULL),
	-- busy intervals [s, e) of kind k: 1 call, 2 wrap-up, 3 chat, 4 e-mail
	iv AS (
		SELECT c.op, x.k, x.s, x.e
		FROM c CROSS JOIN LATERAL (VALUES
				(1, c.a, c.a OPERATOR(pg_catalog.+) (c.talk_seconds OPERATOR(pg_catalog.+) c.hold_seconds)::bigint,
					c.channel OPERATOR(pg_catalog.=) 'call'::text),
				(2, c.a OPERATOR(pg_catalog.+) (c.talk_seconds OPERATOR(pg_catalog.+) c.hold_seconds)::bigint,
					c.a OPERATOR(pg_catalog.+) c.handle_seconds::bigint, c.channel OPERATOR(pg_catalog.=) 'call'::text),
				(3, c.a, c.a OPERATOR(pg_catalog.+) c.handle_seconds::bigint, c.channel OPERATOR(pg_catalog.=) 'chat'::text),
				(4, c.a, c.a OPERATOR(pg_catalog.+) c.handle_seconds::bigint, c.channel OPERATOR(pg_catalog.=) 'email'::text)
			) x(k, s, e, keep)
		WHERE x.keep AND x.s OPERATOR(pg_catalog.<) x.e),
	-- the change of each kind's open count at each instant, then the counts (a sweep)
	pt AS (
		SELECT p.op, p.t,
			pg_catalog.sum(p.d) FILTER (WHERE p.k OPERATOR(pg_catalog.=) 1) AS dc,
			pg_catalog.sum(p.d) FILTER (WHERE p.k OPERATOR(pg_catalog.=) 2) AS dw,
			pg_catalog.sum(p.d) FILTER (WHERE p.k OPERATOR(pg_catalog.=) 3) AS dh,
			pg_catalog.sum(p.d) FILTER (WHERE p.k OPERATOR(pg_catalog.=) 4) AS de
		FROM (SELECT iv.op, iv.k, iv.s AS t, 1 AS d FROM iv
			UNION ALL SELECT iv.op, iv.k, iv.e, -1 FROM iv) p
		GROUP BY p.op, p.t),
	sw AS (
		SELECT pt.op, pt.t,
			CASE WHEN pg_catalog.sum(pt.dc) OVER w OPERATOR(pg_catalog.>) 0::numeric THEN 1
				WHEN pg_catalog.sum(pt.dw) OVER w OPERATOR(pg_catalog.>) 0::numeric THEN 2
				WHEN pg_catalog.sum(pt.dh) OVER w OPERATOR(pg_catalog.>) 0::numeric THEN 3
				WHEN pg_catalog.sum(pt.de) OVER w OPERATOR(pg_catalog.>) 0::numeric THEN 4
				ELSE 0 END AS code
		FROM pt
		WINDOW w AS (PARTITION BY pt.op ORDER BY pt.t)),
	-- one row per change of status (0 idle), with the next change
	ch AS (
		SELECT x.op, x.t, x.code, pg_catalog.lead(x.t) OVER (PARTITION BY x.op ORDER BY x.t) AS nxt
		FROM (SELECT sw.*, pg_catalog.lag(sw.code, 1, -1) OVER (PARTITION BY sw.op ORDER BY sw.t) AS prev
			FROM sw) x
		WHERE x.code OPERATOR(pg_catalog.<>) x.prev),
	-- an idle gap over 6 hours or across 04:45 UTC (the working day's change: new contacts arrive
	-- from 05:00, follow-ups at any hour), or the last, ends a shift
	ch2 AS (
		SELECT ch.*, y.ends_shift,
			pg_catalog.count(*) FILTER (WHERE y.ends_shift) OVER (PARTITION BY ch.op ORDER BY ch.t
				ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS shift_no
		FROM ch CROSS JOIN LATERAL (SELECT ch.code OPERATOR(pg_catalog.=) 0 AND (ch.nxt IS NULL
				OR ch.nxt OPERATOR(pg_catalog.-) ch.t OPERATOR(pg_catalog.>) 21600::bigint
				OR ((ch.t OPERATOR(pg_catalog.+) 69300::bigint) OPERATOR(pg_catalog./) 86400::bigint)
					OPERATOR(pg_catalog.<) ((ch.nxt OPERATOR(pg_catalog.+) 69300::bigint) OPERATOR(pg_catalog./) 86400::bigint))
				AS ends_shift) y),
	ch3 AS (
		SELECT x.*,
			CASE WHEN x.code OPERATOR(pg_catalog.=) 0 AND NOT x.ends_shift
				THEN pg_catalog.row_number() OVER (PARTITION BY x.op, x.shift_no,
					x.code OPERATOR(pg_catalog.=) 0 AND NOT x.ends_shift
					ORDER BY x.nxt OPERATOR(pg_catalog.-) x.t OPERATOR(pg_catalog.>=) 2400::bigint DESC,
						pg_catalog.abs((x.t OPERATOR(pg_catalog.+) x.nxt) OPERATOR(pg_catalog.-)
							(x.first_t OPERATOR(pg_catalog.+) x.last_t)), x.t) END AS gap_rank
		FROM (SELECT ch2.*,
				pg_catalog.min(ch2.t) OVER (PARTITION BY ch2.op, ch2.shift_no) AS first_t,
				pg_catalog.max(ch2.t) OVER (PARTITION BY ch2.op, ch2.shift_no) AS last_t
			FROM ch2) x),
	-- the break and a training or meeting inside idle gaps: gaps of 40 minutes or more first,
	-- nearest the middle of the shift first
	act AS (
		SELECT ch3.op, ch3.t, ch3.nxt, ch3.gap_rank, z.a0,
			least(ch3.nxt OPERATOR(pg_catalog.-) 60::bigint,
				z.a0 OPERATOR(pg_catalog.+) CASE WHEN ch3.gap_rank OPERATOR(pg_catalog.=) 1
					THEN 1800::bigint OPERATOR(pg_catalog.+) pg_catalog.floor(z.u2 OPERATOR(pg_catalog.*) 1800::double precision)::bigint
					ELSE 1200::bigint OPERATOR(pg_catalog.+) pg_catalog.floor(z.u2 OPERATOR(pg_catalog.*) 1800::double precision)::bigint END) AS a1,
			CASE WHEN ch3.gap_rank OPERATOR(pg_catalog.=) 1 THEN 'Break'::text
				WHEN z.u3 OPERATOR(pg_catalog.<) 0.35::double precision THEN 'Training'::text ELSE 'Meeting'::text END AS activity,
			ch3.gap_rank OPERATOR(pg_catalog.=) 1
				AND ch3.last_t OPERATOR(pg_catalog.-) ch3.first_t OPERATOR(pg_catalog.>=) 18000::bigint
				OR ch3.gap_rank OPERATOR(pg_catalog.=) 2 AND z.u0 OPERATOR(pg_catalog.<) 0.15::double precision AS wanted
		FROM ch3
		CROSS JOIN LATERAL (SELECT seed OPERATOR(pg_catalog.#) 2685821657736338717::bigint AS seed3,
				ch3.first_t OPERATOR(pg_catalog.*) 8::bigint AS key) k
		CROSS JOIN LATERAL (SELECT
				@extschema@.demo_uniform(k.key OPERATOR(pg_catalog.+) 2::bigint, k.seed3) AS u0,
				@extschema@.demo_uniform((k.key OPERATOR(pg_catalog.+) 3::bigint) OPERATOR(pg_catalog.+) ch3.gap_rank, k.seed3) AS u2,
				@extschema@.demo_uniform(k.key OPERATOR(pg_catalog.+) 6::bigint, k.seed3) AS u3,
				ch3.t OPERATOR(pg_catalog.+) 60::bigint OPERATOR(pg_catalog.+) pg_catalog.floor(
					@extschema@.demo_uniform((k.key OPERATOR(pg_catalog.+) 4::bigint) OPERATOR(pg_catalog.+) ch3.gap_rank, k.seed3)
					OPERATOR(pg_catalog.*) 240::double precision)::bigint AS a0) z
		WHERE ch3.gap_rank OPERATOR(pg_catalog.<=) 2),
	ev AS (
		-- logged in before the shift's first contact
		SELECT ch3.op, ch3.first_t OPERATOR(pg_catalog.-) (120::bigint OPERATOR(pg_catalog.+) pg_catalog.floor(
				@extschema@.demo_uniform(ch3.first_t OPERATOR(pg_catalog.*) 8::bigint,
					seed OPERATOR(pg_catalog.#) 2685821657736338717::bigint)
				OPERATOR(pg_catalog.*) 600::double precision)::bigint) AS t, 'Ready'::text AS status
		FROM ch3 WHERE ch3.t OPERATOR(pg_catalog.=) ch3.first_t
		UNION ALL
		SELECT ch3.op, ch3.t, (ARRAY['Ready'::text, 'Call'::text, 'Wrap-up'::text, 'Chat'::text, 'Email'::text])
			[ch3.code OPERATOR(pg_catalog.+) 1]
		FROM ch3
		UNION ALL
		-- logged out after the last
		SELECT ch3.op, ch3.t OPERATOR(pg_catalog.+) (60::bigint OPERATOR(pg_catalog.+) pg_catalog.floor(
				@extschema@.demo_uniform((ch3.first_t OPERATOR(pg_catalog.*) 8::bigint) OPERATOR(pg_catalog.+) 1::bigint,
					seed OPERATOR(pg_catalog.#) 2685821657736338717::bigint)
				OPERATOR(pg_catalog.*) 240::double precision)::bigint), 'Logged out'::text
		FROM ch3 WHERE ch3.ends_shift
		UNION ALL
		SELECT act.op, x.t, x.status
		FROM act CROSS JOIN LATERAL (VALUES (act.a0, act.activity), (act.a1, 'Ready'::text)) x(t, status)
		WHERE act.wanted AND act.a1 OPERATOR(pg_catalog.-) act.a0 OPERATOR(pg_catalog.>=) 600::bigint)
	SELECT ev.op, pg_catalog.to_timestamp(ev.t::double precision), ev.status
	FROM ev
	ORDER BY ev.op, ev.t;
END;
COMMENT ON FUNCTION @extschema@.generate_demo_agent_status(integer, date, bigint) IS 'the operators'' status log (Ready, Chat, Call, Wrap-up, Email, Break, Training, Meeting, Logged out) consistent with the contacts of generate_demo_contacts with the same arguments: one row per change of status';

-- the planned schedule of generate_demo_agent_status's shifts: 'Work' from the login to the
-- logout, each rounded to the nearest quarter hour, and a 45-minute 'Break' from the actual
-- lunch break's start rounded the same way (when the shift has one and it fits): the operators
-- keep to it closely but not exactly (late or early logins, longer or shorter breaks, meetings)
CREATE FUNCTION @extschema@.generate_demo_schedule(months integer DEFAULT 12,
	start_month date DEFAULT '2026-01-01', seed bigint DEFAULT 42)
RETURNS TABLE (operator_id text, activity text, starts_at timestamptz, ends_at timestamptz)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH l AS (
		SELECT s.operator_id AS op, s.status,
			EXTRACT(epoch FROM s.at)::bigint AS t,
			pg_catalog.count(*) FILTER (WHERE s.status OPERATOR(pg_catalog.=) 'Logged out'::text)
				OVER (PARTITION BY s.operator_id ORDER BY s.at ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS shift_no
		FROM @extschema@.generate_demo_agent_status(months, start_month, seed) s),
	-- a shift, its times rounded to the nearest quarter hour
	sh AS (
		SELECT y.op, y.ps, greatest(y.pe, y.ps OPERATOR(pg_catalog.+) 900::bigint) AS pe, y.bs
		FROM (SELECT l.op,
				pg_catalog.round(pg_catalog.min(l.t)::numeric OPERATOR(pg_catalog./) 900::numeric)::bigint
					OPERATOR(pg_catalog.*) 900::bigint AS ps,
				pg_catalog.round(pg_catalog.max(l.t)::numeric OPERATOR(pg_catalog./) 900::numeric)::bigint
					OPERATOR(pg_catalog.*) 900::bigint AS pe,
				pg_catalog.round(pg_catalog.min(l.t) FILTER (WHERE l.status OPERATOR(pg_catalog.=) 'Break'::text)::numeric
					OPERATOR(pg_catalog./) 900::numeric)::bigint OPERATOR(pg_catalog.*) 900::bigint AS bs
			FROM l GROUP BY l.op, l.shift_no) y),
	pl AS (
		SELECT sh.op, x.activity, x.s, x.e
		FROM sh CROSS JOIN LATERAL (SELECT sh.bs OPERATOR(pg_catalog.>) sh.ps
				AND sh.bs OPERATOR(pg_catalog.+) 2700::bigint OPERATOR(pg_catalog.<) sh.pe AS with_break) b
		CROSS JOIN LATERAL (VALUES
				('Work'::text, sh.ps, CASE WHEN b.with_break THEN sh.bs ELSE sh.pe END, true),
				('Break'::text, sh.bs, sh.bs OPERATOR(pg_catalog.+) 2700::bigint, b.with_break),
				('Work'::text, sh.bs OPERATOR(pg_catalog.+) 2700::bigint, sh.pe, b.with_break)) x(activity, s, e, keep)
		WHERE x.keep)
	SELECT pl.op, pl.activity, pg_catalog.to_timestamp(pl.s::double precision), pg_catalog.to_timestamp(pl.e::double precision)
	FROM pl
	ORDER BY pl.op, pl.s;
END;
COMMENT ON FUNCTION @extschema@.generate_demo_schedule(integer, date, bigint) IS 'the planned shifts (Work) and lunch breaks (Break) of the operators of generate_demo_agent_status with the same arguments: one row per planned interval';

-- a handled chat is open for its operator from its answer for its handle time: the intervals
-- whose concurrency (several chats open at once) the chat AHT reports adjust for
CREATE FUNCTION @extschema@.generate_demo_chats(months integer DEFAULT 12,
	start_month date DEFAULT '2026-01-01', seed bigint DEFAULT 42)
RETURNS TABLE (operator_id text, contact_id bigint, started_at timestamptz, ended_at timestamptz)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT d.operator_id, d.contact_id, d.answered_at,
		d.answered_at OPERATOR(pg_catalog.+) pg_catalog.make_interval(secs => d.handle_seconds::double precision)
	FROM @extschema@.demo_contacts_detail(months, start_month, seed) d
	WHERE d.channel OPERATOR(pg_catalog.=) 'chat'::text AND d.operator_id IS NOT NULL
	ORDER BY d.operator_id, d.answered_at, d.contact_id;
END;
COMMENT ON FUNCTION @extschema@.generate_demo_chats(integer, date, bigint) IS 'the chats of generate_demo_contacts with the same arguments as intervals of their operators'' time: from the answer for the handle time';

--
-- 14. Figures: every figure of a state in one call (docs/reference.md "Figures")
--
-- figures(x) returns one composite row with the figures of a state or timeline,
-- each column equal to the accessor of the same name.  A query that reads
-- several figures of one aggregate builds the state once and reads it once:
--   SELECT s.team, f.sl_pct, f.abandon_rate, f.asa
--   FROM (SELECT team, queue_agg(wait, answered, 20) AS q FROM calls GROUP BY team) s,
--        LATERAL figures(s.q) f;
-- which is what a distributed planner (Citus) needs: it ships each aggregate
-- call's state separately and does not merge identical calls.  The bodies
-- are single ROW expressions (inlined by the planner); a NULL state gives
-- a row of NULLs, as each accessor does.
-- =======================================================================

CREATE TYPE @extschema@.nps_figures AS (nps numeric, promoters_pct numeric, passives_pct numeric,
	detractors_pct numeric, nps_stderr numeric, responses bigint);
COMMENT ON TYPE @extschema@.nps_figures IS 'figures(nps_state): NPS (-100..100), the shares of promoters, passives and detractors (%), the standard error of the NPS (points), responses';
CREATE FUNCTION @extschema@.figures(state @extschema@.nps_state) RETURNS @extschema@.nps_figures
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ROW(@extschema@.nps(state), @extschema@.promoters_pct(state), @extschema@.passives_pct(state),
	@extschema@.detractors_pct(state), @extschema@.nps_stderr(state), @extschema@.responses(state))::@extschema@.nps_figures;
COMMENT ON FUNCTION @extschema@.figures(@extschema@.nps_state) IS 'every figure of an nps_state in one row (columns = the accessors of the same name); read it in FROM: ... , LATERAL figures(state) f';

CREATE TYPE @extschema@.ces_figures AS (ces numeric, ces_easy_pct numeric, ces_difficult_pct numeric,
	ces_index numeric, responses bigint);
COMMENT ON TYPE @extschema@.ces_figures IS 'figures(ces_state): mean CES, easy and difficult shares (%), CES index (%), responses';
CREATE FUNCTION @extschema@.figures(state @extschema@.ces_state) RETURNS @extschema@.ces_figures
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ROW(@extschema@.ces(state), @extschema@.ces_easy_pct(state), @extschema@.ces_difficult_pct(state),
	@extschema@.ces_index(state), @extschema@.responses(state))::@extschema@.ces_figures;
COMMENT ON FUNCTION @extschema@.figures(@extschema@.ces_state) IS 'every figure of a ces_state in one row (columns = the accessors of the same name); read it in FROM: ... , LATERAL figures(state) f';

CREATE TYPE @extschema@.csat_figures AS (csat numeric, csat_mean numeric, responses bigint);
COMMENT ON TYPE @extschema@.csat_figures IS 'figures(csat_state): CSAT (% of the top two scores), mean score, responses';
CREATE FUNCTION @extschema@.figures(state @extschema@.csat_state) RETURNS @extschema@.csat_figures
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ROW(@extschema@.csat(state), @extschema@.csat_mean(state), @extschema@.responses(state))::@extschema@.csat_figures;
COMMENT ON FUNCTION @extschema@.figures(@extschema@.csat_state) IS 'every figure of a csat_state in one row (columns = the accessors of the same name); read it in FROM: ... , LATERAL figures(state) f';

CREATE TYPE @extschema@.share_figures AS (share_pct numeric, share_hits bigint, share_total bigint);
COMMENT ON TYPE @extschema@.share_figures IS 'figures(share_state): share of true (%), true rows, known rows';
CREATE FUNCTION @extschema@.figures(state @extschema@.share_state) RETURNS @extschema@.share_figures
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ROW(@extschema@.share_pct(state), @extschema@.share_hits(state), @extschema@.share_total(state))::@extschema@.share_figures;
COMMENT ON FUNCTION @extschema@.figures(@extschema@.share_state) IS 'every figure of a share_state in one row (columns = the accessors of the same name); read it in FROM: ... , LATERAL figures(state) f';

CREATE TYPE @extschema@.queue_figures AS (sl_pct numeric, abandon_rate numeric, asa double precision,
	offered bigint, answered bigint, answered_within bigint, abandoned bigint, short_abandoned bigint);
COMMENT ON TYPE @extschema@.queue_figures IS 'figures(queue_state): service level (%), abandon rate (%), ASA (seconds), offered, answered, answered within the threshold, abandoned, short abandons';
CREATE FUNCTION @extschema@.figures(state @extschema@.queue_state) RETURNS @extschema@.queue_figures
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ROW(@extschema@.sl_pct(state), @extschema@.abandon_rate(state), @extschema@.asa(state),
	@extschema@.offered(state), @extschema@.answered(state), @extschema@.answered_within(state),
	@extschema@.abandoned(state), @extschema@.short_abandoned(state))::@extschema@.queue_figures;
COMMENT ON FUNCTION @extschema@.figures(@extschema@.queue_state) IS 'every figure of a queue_state in one row (columns = the accessors of the same name); read it in FROM: ... , LATERAL figures(state) f';

CREATE TYPE @extschema@.handle_figures AS (aht double precision, handled bigint, handle_seconds double precision);
COMMENT ON TYPE @extschema@.handle_figures IS 'figures(handle_state): AHT (seconds), handled contacts, total handle time (seconds)';
CREATE FUNCTION @extschema@.figures(state @extschema@.handle_state) RETURNS @extschema@.handle_figures
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ROW(@extschema@.aht(state), @extschema@.handled(state), @extschema@.handle_seconds(state))::@extschema@.handle_figures;
COMMENT ON FUNCTION @extschema@.figures(@extschema@.handle_state) IS 'every figure of a handle_state in one row (columns = the accessors of the same name); read it in FROM: ... , LATERAL figures(state) f';

CREATE TYPE @extschema@.occupancy_figures AS (occupancy numeric, busy_seconds double precision,
	available_seconds double precision);
COMMENT ON TYPE @extschema@.occupancy_figures IS 'figures(occupancy_state): occupancy (%), busy and available time (seconds)';
CREATE FUNCTION @extschema@.figures(state @extschema@.occupancy_state) RETURNS @extschema@.occupancy_figures
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ROW(@extschema@.occupancy(state), @extschema@.busy_seconds(state),
	@extschema@.available_seconds(state))::@extschema@.occupancy_figures;
COMMENT ON FUNCTION @extschema@.figures(@extschema@.occupancy_state) IS 'every figure of an occupancy_state in one row (columns = the accessors of the same name); read it in FROM: ... , LATERAL figures(state) f';

CREATE TYPE @extschema@.duration_figures AS (duration_count bigint, duration_mean double precision,
	duration_min double precision, duration_median double precision, duration_p90 double precision,
	duration_p95 double precision, duration_p99 double precision, duration_max double precision);
COMMENT ON TYPE @extschema@.duration_figures IS 'figures(duration_sketch): count, mean, minimum, median, 90th, 95th and 99th percentiles, maximum (seconds; percentiles within 0.5 % of percentile_cont)';
CREATE FUNCTION @extschema@.figures(state @extschema@.duration_sketch) RETURNS @extschema@.duration_figures
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ROW(@extschema@.duration_count(state), @extschema@.duration_mean(state), @extschema@.duration_min(state),
	@extschema@.duration_median(state), @extschema@.duration_percentile(state, 0.9::double precision),
	@extschema@.duration_percentile(state, 0.95::double precision),
	@extschema@.duration_percentile(state, 0.99::double precision),
	@extschema@.duration_max(state))::@extschema@.duration_figures;
COMMENT ON FUNCTION @extschema@.figures(@extschema@.duration_sketch) IS 'every figure of a duration_sketch in one row (duration_p90/p95/p99 = duration_percentile(state, 0.9/0.95/0.99), the others = the accessors of the same name); read it in FROM: ... , LATERAL figures(state) f';

CREATE TYPE @extschema@.contact_timeline_figures AS (first_event_at timestamptz,
	first_customer_message_at timestamptz, first_response_time double precision,
	avg_response_time double precision, max_response_time double precision, response_turns bigint,
	assignment_to_reply_time double precision, handle_time double precision, hold_time double precision,
	contact_duration double precision, time_to_resolution double precision, message_count bigint,
	event_count bigint, transfer_count bigint, reopen_count bigint, operator_count bigint,
	bot_handoff boolean, is_abandoned boolean, is_resolved boolean);
COMMENT ON TYPE @extschema@.contact_timeline_figures IS 'figures(contact_timeline): every timing (seconds), count and flag of one contact, columns named after the accessors';
CREATE FUNCTION @extschema@.figures(timeline @extschema@.contact_timeline) RETURNS @extschema@.contact_timeline_figures
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ROW(@extschema@.first_event_at(timeline), @extschema@.first_customer_message_at(timeline),
	@extschema@.first_response_time(timeline), @extschema@.avg_response_time(timeline),
	@extschema@.max_response_time(timeline), @extschema@.response_turns(timeline),
	@extschema@.assignment_to_reply_time(timeline), @extschema@.handle_time(timeline),
	@extschema@.hold_time(timeline), @extschema@.contact_duration(timeline),
	@extschema@.time_to_resolution(timeline), @extschema@.message_count(timeline),
	@extschema@.event_count(timeline), @extschema@.transfer_count(timeline),
	@extschema@.reopen_count(timeline), @extschema@.operator_count(timeline),
	@extschema@.bot_handoff(timeline), @extschema@.is_abandoned(timeline),
	@extschema@.is_resolved(timeline))::@extschema@.contact_timeline_figures;
COMMENT ON FUNCTION @extschema@.figures(@extschema@.contact_timeline) IS 'every figure of a contact_timeline in one row (columns = the accessors of the same name); read it in FROM: ... , LATERAL figures(timeline) f';
