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
--   10 Rollup              rollup(state) for each mergeable state type (eight)
--   11 Demo data           generate_demo_contacts, generate_demo_events, their helpers
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
-- 11. Demo data: generate_demo_contacts, generate_demo_events
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

-- 12.1 Asterisk: the call-queue log (queue_log) ----------------------------
-- (end of 12.1)



-- 12.2 Chatwoot: conversations, messages, reporting_events ------------------
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
	repeat_window interval DEFAULT '7 days', time_unit_seconds double precision DEFAULT NULL)
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
	k text;
	v jsonb;
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
		RAISE EXCEPTION 'create_zammad_views: source_schema and into_schema must not be NULL' USING ERRCODE = '22023';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = source_schema) THEN
		RAISE EXCEPTION 'create_zammad_views: schema "%" does not exist', source_schema
			USING ERRCODE = '3F000', HINT = 'Give the schema that holds Zammad''s tables (tickets, ticket_articles, ...).';
	END IF;
	IF time_zone IS NULL OR NOT EXISTS (SELECT 1 FROM pg_timezone_names WHERE lower(name) = lower(time_zone))
		AND NOT EXISTS (SELECT 1 FROM pg_timezone_abbrevs WHERE lower(abbrev) = lower(time_zone)) THEN
		RAISE EXCEPTION 'create_zammad_views: time zone "%" not recognized', time_zone USING ERRCODE = '22023';
	END IF;
	IF thresholds IS NULL OR jsonb_typeof(thresholds) <> 'object' OR NOT thresholds ? '*' THEN
		RAISE EXCEPTION 'create_zammad_views: thresholds must be a JSON object of seconds per channel with a "*" entry for the other channels'
			USING ERRCODE = '22023';
	END IF;
	FOR k, v IN SELECT e.key, e.value FROM jsonb_each(thresholds) e LOOP
		IF jsonb_typeof(v) <> 'number' OR v::text::numeric <= 0 THEN
			RAISE EXCEPTION 'create_zammad_views: the threshold of channel "%" must be a number of seconds above 0, not %', k, v
				USING ERRCODE = '22023';
		END IF;
	END LOOP;
	IF repeat_window IS NULL OR repeat_window <= interval '0' THEN
		RAISE EXCEPTION 'create_zammad_views: repeat_window must be above 0' USING ERRCODE = '22023';
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

	IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = into_schema) THEN
		EXECUTE format('CREATE SCHEMA %I', into_schema);
	END IF;

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
	CASE WHEN f.answered_flag IS NOT FALSE OR f.outbound THEN
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
$v$, into_schema, repeat_window, time_zone, thresholds);
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
		'first_contact_resolved', 'resolved, never reopened, not a repeat and not followed by a repeat of the same customer within repeat_window; NULL for a ticket closed without a reply',
		'repeat_of', 'the same customer''s previous ticket when this one came within repeat_window of it',
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
	@extschema@.asa(c.wait_seconds, c.answered) AS asa_seconds,
	@extschema@.aht(c.handle_seconds) AS aht_seconds,
	@extschema@.resolution_time(c.frt_seconds) AS frt_median_seconds,
	@extschema@.resolution_time(c.frt_seconds, 0.9) AS frt_p90_seconds,
	avg(c.art_seconds) AS art_seconds,
	@extschema@.resolution_time(f.frt_business_seconds) AS frt_business_median_seconds,
	@extschema@.resolution_time(f.frt_business_seconds, 0.9) AS frt_business_p90_seconds,
	@extschema@.resolution_time(c.arrived_at, c.resolved_at) AS resolution_median_seconds,
	@extschema@.resolution_time(c.arrived_at, c.resolved_at, 0.9) AS resolution_p90_seconds,
	@extschema@.resolution_time(f.resolution_business_seconds) AS resolution_business_median_seconds,
	@extschema@.resolution_time(f.resolution_business_seconds, 0.9) AS resolution_business_p90_seconds,
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
		'asa_seconds', 'mean seconds to the first reply of answered tickets (wall-clock)',
		'aht_seconds', 'mean accounted time, seconds (NULL without time_unit_seconds)',
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
	@extschema@.resolution_time(c.frt_seconds, 0.9) AS frt_p90_seconds,
	@extschema@.resolution_time(f.frt_business_seconds) AS frt_business_median_seconds,
	@extschema@.resolution_time(c.arrived_at, c.resolved_at) AS resolution_median_seconds,
	@extschema@.resolution_time(f.resolution_business_seconds) AS resolution_business_median_seconds,
	@extschema@.aht(c.handle_seconds) AS aht_seconds,
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
		'aht_seconds', 'mean accounted time, seconds (NULL without time_unit_seconds)',
		'sl_pct', 'percent replied within the channel''s threshold (answered tickets only: answered within / answered)',
		'fcr_pct', 'percent resolved at first contact',
		'transfer_pct', 'percent that changed group',
		'reopen_pct', 'percent of those ever closed that were reopened']));

	-- cross_check: Zammad's stored figures against ours
	names := names || 'cross_check'::text;
	sqls := sqls || format($v$
SELECT x.contact_id, x.figure, x.ours, x.theirs, x.ours - x.theirs AS difference,
	CASE WHEN x.ours IS NOT DISTINCT FROM x.theirs THEN NULL ELSE x.rule END AS rule
FROM (
	SELECT f.contact_id, 'first_response_at'::text AS figure,
		extract(epoch FROM f.first_response_at)::double precision AS ours,
		extract(epoch FROM f.their_first_response_at)::double precision AS theirs,
		CASE WHEN f.first_response_at IS NULL THEN 'reply_not_found' ELSE 'articles_changed' END AS rule
	FROM %1$I.ticket_figures f WHERE f.their_first_response_at IS NOT NULL
	UNION ALL
	SELECT f.contact_id, 'first_response_in_min', f.frt_business_seconds / 60, f.their_first_response_in_min,
		CASE WHEN f.first_response_at IS NULL THEN 'reply_not_found'
		     WHEN f.frt_after_close_seconds > 0 THEN 'capped_at_close'
		     WHEN f.frt_pauses > 0 THEN 'pending_paused' ELSE 'whole_minutes' END
	FROM %1$I.ticket_figures f WHERE f.their_first_response_in_min IS NOT NULL
	UNION ALL
	SELECT f.contact_id, 'close_in_min', f.resolution_business_seconds / 60, f.their_close_in_min,
		CASE WHEN f.resolved_at IS NULL OR f.resolved_at > f.close_at THEN 'reopened'
		     WHEN f.close_pauses > 0 THEN 'pending_paused' ELSE 'whole_minutes' END
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
		'rule', 'NULL when equal; whole_minutes: Zammad truncates to whole minutes (0 <= difference < 62/60); pending_paused: Zammad stops its clock in pending (ignore-escalation) states, we do not; capped_at_close: Zammad stops the first-response clock at the first close; reopened: Zammad measures to the first close, we to the last (NULL: not closed again); reply_not_found: no reply article (imported, or deleted); articles_changed: the articles differ from when Zammad stored it (merged in or deleted)']));
	-- create (or replace) the views in order, with their comments, and return them
	FOR i IN 1 .. cardinality(names) LOOP
		EXECUTE format('CREATE OR REPLACE VIEW %I.%I WITH (security_invoker = true) AS %s', into_schema, names[i], sqls[i]);
		EXECUTE format('COMMENT ON VIEW %I.%I IS %L', into_schema, names[i], comments[i]);
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
