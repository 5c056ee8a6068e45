/* support_kpi--1.3.sql: the whole extension, version 1.3 */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION support_kpi" to load this file. \quit

-- CREATE EXTENSION support_kpi runs this script alone; installations of 1.0,
-- 1.1 and 1.2 reach the same objects through the update scripts
-- (support_kpi--1.0--1.1.sql, --1.1--1.3.sql, --1.2--1.3.sql), which
-- sql/upgrade.sql checks.  1.2 is withdrawn as a target (its script,
-- support_kpi--1.1--1.2.sql, is not installed).  The parts below keep the order in which the
-- versions added them: 1.0 customer voice, queue, handling and rates; 1.1
-- resolution, timelines and calendars; 1.2 the demo data generator, with
-- 1.3's generate_demo_events.
--
-- Every SQL-language body names only pg_catalog objects, schema-qualified
-- with exact argument types (OPERATOR(pg_catalog.*), pg_catalog.make_interval,
-- typed literals), or @extschema@ objects with exact argument types: a body
-- is bound when this script runs, and an implicit cast would let an
-- exact-type overload planted beforehand in the target schema or in public
-- win (see support_kpi--1.2--1.3.sql; sql/security_capture.sql checks it).


-- ======================== 1.0 ========================

--------------------------------------------------------------------------
-- State types: score distributions (one bigint counter per scale point).
-- Text form: {"version":1,"kind":"nps","scale":[0,10],"counts":[...]}
--------------------------------------------------------------------------

CREATE TYPE @extschema@.nps_state;
CREATE TYPE @extschema@.ces_state;
CREATE TYPE @extschema@.csat_state;

CREATE FUNCTION @extschema@.nps_state_in(cstring) RETURNS @extschema@.nps_state
	AS 'MODULE_PATHNAME', 'skpi_nps_state_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.nps_state_out(@extschema@.nps_state) RETURNS cstring
	AS 'MODULE_PATHNAME', 'skpi_nps_state_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.nps_state_recv(internal) RETURNS @extschema@.nps_state
	AS 'MODULE_PATHNAME', 'skpi_nps_state_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.nps_state_send(@extschema@.nps_state) RETURNS bytea
	AS 'MODULE_PATHNAME', 'skpi_nps_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.nps_state (
	INPUT = @extschema@.nps_state_in, OUTPUT = @extschema@.nps_state_out,
	RECEIVE = @extschema@.nps_state_recv, SEND = @extschema@.nps_state_send,
	INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = plain);
COMMENT ON TYPE @extschema@.nps_state IS 'NPS responses counted per score 0..10; mergeable with rollup()';

CREATE FUNCTION @extschema@.ces_state_in(cstring) RETURNS @extschema@.ces_state
	AS 'MODULE_PATHNAME', 'skpi_ces_state_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ces_state_out(@extschema@.ces_state) RETURNS cstring
	AS 'MODULE_PATHNAME', 'skpi_ces_state_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ces_state_recv(internal) RETURNS @extschema@.ces_state
	AS 'MODULE_PATHNAME', 'skpi_ces_state_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ces_state_send(@extschema@.ces_state) RETURNS bytea
	AS 'MODULE_PATHNAME', 'skpi_ces_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.ces_state (
	INPUT = @extschema@.ces_state_in, OUTPUT = @extschema@.ces_state_out,
	RECEIVE = @extschema@.ces_state_recv, SEND = @extschema@.ces_state_send,
	INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = plain);
COMMENT ON TYPE @extschema@.ces_state IS 'CES responses counted per score 1..scale_max; mergeable with rollup()';

CREATE FUNCTION @extschema@.csat_state_in(cstring) RETURNS @extschema@.csat_state
	AS 'MODULE_PATHNAME', 'skpi_csat_state_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.csat_state_out(@extschema@.csat_state) RETURNS cstring
	AS 'MODULE_PATHNAME', 'skpi_csat_state_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.csat_state_recv(internal) RETURNS @extschema@.csat_state
	AS 'MODULE_PATHNAME', 'skpi_csat_state_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.csat_state_send(@extschema@.csat_state) RETURNS bytea
	AS 'MODULE_PATHNAME', 'skpi_csat_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.csat_state (
	INPUT = @extschema@.csat_state_in, OUTPUT = @extschema@.csat_state_out,
	RECEIVE = @extschema@.csat_state_recv, SEND = @extschema@.csat_state_send,
	INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = plain);
COMMENT ON TYPE @extschema@.csat_state IS 'CSAT responses counted per score 1..scale_max; mergeable with rollup()';

--------------------------------------------------------------------------
-- Aggregate support functions (transition, inverse, combine).
-- Not STRICT where a NULL score must be skipped with a NULL starting state.
--------------------------------------------------------------------------

CREATE FUNCTION @extschema@.nps_state_accum(@extschema@.nps_state, integer) RETURNS @extschema@.nps_state
	AS 'MODULE_PATHNAME', 'skpi_nps_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.nps_state_maccum(@extschema@.nps_state, integer) RETURNS @extschema@.nps_state
	AS 'MODULE_PATHNAME', 'skpi_nps_maccum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.nps_state_retract(@extschema@.nps_state, integer) RETURNS @extschema@.nps_state
	AS 'MODULE_PATHNAME', 'skpi_nps_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.nps_state_combine(@extschema@.nps_state, @extschema@.nps_state) RETURNS @extschema@.nps_state
	AS 'MODULE_PATHNAME', 'skpi_nps_state_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.nps_state_nonempty(@extschema@.nps_state) RETURNS @extschema@.nps_state
	AS 'MODULE_PATHNAME', 'skpi_nps_nonempty' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.nps_state_uncombine(@extschema@.nps_state, @extschema@.nps_state) RETURNS @extschema@.nps_state
	AS 'MODULE_PATHNAME', 'skpi_nps_state_uncombine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.ces_state_accum(@extschema@.ces_state, integer) RETURNS @extschema@.ces_state
	AS 'MODULE_PATHNAME', 'skpi_ces_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.ces_state_maccum(@extschema@.ces_state, integer) RETURNS @extschema@.ces_state
	AS 'MODULE_PATHNAME', 'skpi_ces_maccum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.ces_state_accum(@extschema@.ces_state, integer, integer) RETURNS @extschema@.ces_state
	AS 'MODULE_PATHNAME', 'skpi_ces_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.ces_state_maccum(@extschema@.ces_state, integer, integer) RETURNS @extschema@.ces_state
	AS 'MODULE_PATHNAME', 'skpi_ces_maccum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.ces_state_retract(@extschema@.ces_state, integer) RETURNS @extschema@.ces_state
	AS 'MODULE_PATHNAME', 'skpi_ces_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.ces_state_retract(@extschema@.ces_state, integer, integer) RETURNS @extschema@.ces_state
	AS 'MODULE_PATHNAME', 'skpi_ces_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.ces_state_combine(@extschema@.ces_state, @extschema@.ces_state) RETURNS @extschema@.ces_state
	AS 'MODULE_PATHNAME', 'skpi_ces_state_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ces_state_nonempty(@extschema@.ces_state) RETURNS @extschema@.ces_state
	AS 'MODULE_PATHNAME', 'skpi_ces_nonempty' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ces_state_uncombine(@extschema@.ces_state, @extschema@.ces_state) RETURNS @extschema@.ces_state
	AS 'MODULE_PATHNAME', 'skpi_ces_state_uncombine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.csat_state_accum(@extschema@.csat_state, integer) RETURNS @extschema@.csat_state
	AS 'MODULE_PATHNAME', 'skpi_csat_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.csat_state_maccum(@extschema@.csat_state, integer) RETURNS @extschema@.csat_state
	AS 'MODULE_PATHNAME', 'skpi_csat_maccum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.csat_state_accum(@extschema@.csat_state, integer, integer) RETURNS @extschema@.csat_state
	AS 'MODULE_PATHNAME', 'skpi_csat_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.csat_state_maccum(@extschema@.csat_state, integer, integer) RETURNS @extschema@.csat_state
	AS 'MODULE_PATHNAME', 'skpi_csat_maccum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.csat_state_retract(@extschema@.csat_state, integer) RETURNS @extschema@.csat_state
	AS 'MODULE_PATHNAME', 'skpi_csat_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.csat_state_retract(@extschema@.csat_state, integer, integer) RETURNS @extschema@.csat_state
	AS 'MODULE_PATHNAME', 'skpi_csat_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.csat_state_combine(@extschema@.csat_state, @extschema@.csat_state) RETURNS @extschema@.csat_state
	AS 'MODULE_PATHNAME', 'skpi_csat_state_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.csat_state_nonempty(@extschema@.csat_state) RETURNS @extschema@.csat_state
	AS 'MODULE_PATHNAME', 'skpi_csat_nonempty' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.csat_state_uncombine(@extschema@.csat_state, @extschema@.csat_state) RETURNS @extschema@.csat_state
	AS 'MODULE_PATHNAME', 'skpi_csat_state_uncombine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

--------------------------------------------------------------------------
-- Accessors (also the aggregates' final functions; they never modify the state)
--------------------------------------------------------------------------

CREATE FUNCTION @extschema@.nps(@extschema@.nps_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_nps_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.promoters_pct(@extschema@.nps_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_nps_promoters_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.passives_pct(@extschema@.nps_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_nps_passives_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.detractors_pct(@extschema@.nps_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_nps_detractors_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.nps_stderr(@extschema@.nps_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_nps_stderr' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.nps_ci_lower(state @extschema@.nps_state, level double precision DEFAULT 0.95) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_nps_ci_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.nps_ci_upper(state @extschema@.nps_state, level double precision DEFAULT 0.95) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_nps_ci_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.responses(@extschema@.nps_state) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_nps_responses' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.score_counts(@extschema@.nps_state) RETURNS bigint[]
	AS 'MODULE_PATHNAME', 'skpi_nps_score_counts' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.ces(@extschema@.ces_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_ces_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ces_easy_pct(@extschema@.ces_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_ces_easy_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ces_difficult_pct(@extschema@.ces_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_ces_difficult_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ces_index(@extschema@.ces_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_ces_index' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.responses(@extschema@.ces_state) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_ces_responses' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.score_counts(@extschema@.ces_state) RETURNS bigint[]
	AS 'MODULE_PATHNAME', 'skpi_ces_score_counts' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.csat(@extschema@.csat_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_csat_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.csat_mean(@extschema@.csat_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_csat_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.csat_ci_lower(state @extschema@.csat_state, level double precision DEFAULT 0.95) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_csat_ci_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.csat_ci_upper(state @extschema@.csat_state, level double precision DEFAULT 0.95) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_csat_ci_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.responses(@extschema@.csat_state) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_csat_responses' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.score_counts(@extschema@.csat_state) RETURNS bigint[]
	AS 'MODULE_PATHNAME', 'skpi_csat_score_counts' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

--------------------------------------------------------------------------
-- Aggregates.  One-shot (nps, ces, csat), two-step (*_agg, rollup).
-- Every one: combine function (parallel), inverse (O(n) window frames),
-- read-only final function.
--------------------------------------------------------------------------

CREATE AGGREGATE @extschema@.nps(score integer) (
	SFUNC = @extschema@.nps_state_accum, STYPE = @extschema@.nps_state,
	FINALFUNC = @extschema@.nps, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.nps_state_combine,
	MSFUNC = @extschema@.nps_state_maccum, MINVFUNC = @extschema@.nps_state_retract,
	MSTYPE = @extschema@.nps_state,
	MFINALFUNC = @extschema@.nps, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.nps_agg(score integer) (
	SFUNC = @extschema@.nps_state_accum, STYPE = @extschema@.nps_state,
	COMBINEFUNC = @extschema@.nps_state_combine,
	MSFUNC = @extschema@.nps_state_maccum, MINVFUNC = @extschema@.nps_state_retract,
	MSTYPE = @extschema@.nps_state,
	MFINALFUNC = @extschema@.nps_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.rollup(@extschema@.nps_state) (
	SFUNC = @extschema@.nps_state_combine, STYPE = @extschema@.nps_state,
	COMBINEFUNC = @extschema@.nps_state_combine,
	MSFUNC = @extschema@.nps_state_combine, MINVFUNC = @extschema@.nps_state_uncombine,
	MSTYPE = @extschema@.nps_state,
	PARALLEL = SAFE);

CREATE AGGREGATE @extschema@.ces(score integer) (
	SFUNC = @extschema@.ces_state_accum, STYPE = @extschema@.ces_state,
	FINALFUNC = @extschema@.ces, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.ces_state_combine,
	MSFUNC = @extschema@.ces_state_maccum, MINVFUNC = @extschema@.ces_state_retract,
	MSTYPE = @extschema@.ces_state,
	MFINALFUNC = @extschema@.ces, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.ces(score integer, scale_max integer) (
	SFUNC = @extschema@.ces_state_accum, STYPE = @extschema@.ces_state,
	FINALFUNC = @extschema@.ces, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.ces_state_combine,
	MSFUNC = @extschema@.ces_state_maccum, MINVFUNC = @extschema@.ces_state_retract,
	MSTYPE = @extschema@.ces_state,
	MFINALFUNC = @extschema@.ces, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.ces_agg(score integer) (
	SFUNC = @extschema@.ces_state_accum, STYPE = @extschema@.ces_state,
	COMBINEFUNC = @extschema@.ces_state_combine,
	MSFUNC = @extschema@.ces_state_maccum, MINVFUNC = @extschema@.ces_state_retract,
	MSTYPE = @extschema@.ces_state,
	MFINALFUNC = @extschema@.ces_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.ces_agg(score integer, scale_max integer) (
	SFUNC = @extschema@.ces_state_accum, STYPE = @extschema@.ces_state,
	COMBINEFUNC = @extschema@.ces_state_combine,
	MSFUNC = @extschema@.ces_state_maccum, MINVFUNC = @extschema@.ces_state_retract,
	MSTYPE = @extschema@.ces_state,
	MFINALFUNC = @extschema@.ces_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.rollup(@extschema@.ces_state) (
	SFUNC = @extschema@.ces_state_combine, STYPE = @extschema@.ces_state,
	COMBINEFUNC = @extschema@.ces_state_combine,
	MSFUNC = @extschema@.ces_state_combine, MINVFUNC = @extschema@.ces_state_uncombine,
	MSTYPE = @extschema@.ces_state,
	PARALLEL = SAFE);

CREATE AGGREGATE @extschema@.csat(score integer) (
	SFUNC = @extschema@.csat_state_accum, STYPE = @extschema@.csat_state,
	FINALFUNC = @extschema@.csat, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.csat_state_combine,
	MSFUNC = @extschema@.csat_state_maccum, MINVFUNC = @extschema@.csat_state_retract,
	MSTYPE = @extschema@.csat_state,
	MFINALFUNC = @extschema@.csat, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.csat(score integer, scale_max integer) (
	SFUNC = @extschema@.csat_state_accum, STYPE = @extschema@.csat_state,
	FINALFUNC = @extschema@.csat, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.csat_state_combine,
	MSFUNC = @extschema@.csat_state_maccum, MINVFUNC = @extschema@.csat_state_retract,
	MSTYPE = @extschema@.csat_state,
	MFINALFUNC = @extschema@.csat, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.csat_agg(score integer) (
	SFUNC = @extschema@.csat_state_accum, STYPE = @extschema@.csat_state,
	COMBINEFUNC = @extschema@.csat_state_combine,
	MSFUNC = @extschema@.csat_state_maccum, MINVFUNC = @extschema@.csat_state_retract,
	MSTYPE = @extschema@.csat_state,
	MFINALFUNC = @extschema@.csat_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.csat_agg(score integer, scale_max integer) (
	SFUNC = @extschema@.csat_state_accum, STYPE = @extschema@.csat_state,
	COMBINEFUNC = @extschema@.csat_state_combine,
	MSFUNC = @extschema@.csat_state_maccum, MINVFUNC = @extschema@.csat_state_retract,
	MSTYPE = @extschema@.csat_state,
	MFINALFUNC = @extschema@.csat_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.rollup(@extschema@.csat_state) (
	SFUNC = @extschema@.csat_state_combine, STYPE = @extschema@.csat_state,
	COMBINEFUNC = @extschema@.csat_state_combine,
	MSFUNC = @extschema@.csat_state_combine, MINVFUNC = @extschema@.csat_state_uncombine,
	MSTYPE = @extschema@.csat_state,
	PARALLEL = SAFE);

--------------------------------------------------------------------------
-- Share-of-contacts rates on a boolean: share_pct, transfer_rate,
-- containment_rate, on share_state (counters: hits, total).
--------------------------------------------------------------------------

CREATE TYPE @extschema@.share_state;
CREATE FUNCTION @extschema@.share_state_in(cstring) RETURNS @extschema@.share_state
	AS 'MODULE_PATHNAME', 'skpi_share_state_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.share_state_out(@extschema@.share_state) RETURNS cstring
	AS 'MODULE_PATHNAME', 'skpi_share_state_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.share_state_recv(internal) RETURNS @extschema@.share_state
	AS 'MODULE_PATHNAME', 'skpi_share_state_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.share_state_send(@extschema@.share_state) RETURNS bytea
	AS 'MODULE_PATHNAME', 'skpi_share_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.share_state (
	INPUT = @extschema@.share_state_in, OUTPUT = @extschema@.share_state_out,
	RECEIVE = @extschema@.share_state_recv, SEND = @extschema@.share_state_send,
	INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = plain);
COMMENT ON TYPE @extschema@.share_state IS 'true / non-NULL counts of a boolean; mergeable with rollup()';

CREATE FUNCTION @extschema@.share_state_accum(@extschema@.share_state, boolean) RETURNS @extschema@.share_state
	AS 'MODULE_PATHNAME', 'skpi_share_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.share_state_maccum(@extschema@.share_state, boolean) RETURNS @extschema@.share_state
	AS 'MODULE_PATHNAME', 'skpi_share_maccum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.share_state_retract(@extschema@.share_state, boolean) RETURNS @extschema@.share_state
	AS 'MODULE_PATHNAME', 'skpi_share_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.share_state_combine(@extschema@.share_state, @extschema@.share_state) RETURNS @extschema@.share_state
	AS 'MODULE_PATHNAME', 'skpi_share_state_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.share_state_uncombine(@extschema@.share_state, @extschema@.share_state) RETURNS @extschema@.share_state
	AS 'MODULE_PATHNAME', 'skpi_share_state_uncombine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.share_state_nonempty(@extschema@.share_state) RETURNS @extschema@.share_state
	AS 'MODULE_PATHNAME', 'skpi_share_state_nonempty' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.share_pct(@extschema@.share_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_share_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.share_hits(@extschema@.share_state) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_share_hits' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.share_total(@extschema@.share_state) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_share_total' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.share_ci_lower(state @extschema@.share_state, level double precision DEFAULT 0.95) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_share_ci_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.share_ci_upper(state @extschema@.share_state, level double precision DEFAULT 0.95) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_share_ci_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE AGGREGATE @extschema@.share_pct(flag boolean) (
	SFUNC = @extschema@.share_state_accum, STYPE = @extschema@.share_state,
	FINALFUNC = @extschema@.share_pct, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.share_state_combine,
	MSFUNC = @extschema@.share_state_maccum, MINVFUNC = @extschema@.share_state_retract,
	MSTYPE = @extschema@.share_state,
	MFINALFUNC = @extschema@.share_pct, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.transfer_rate(transferred boolean) (
	SFUNC = @extschema@.share_state_accum, STYPE = @extschema@.share_state,
	FINALFUNC = @extschema@.share_pct, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.share_state_combine,
	MSFUNC = @extschema@.share_state_maccum, MINVFUNC = @extschema@.share_state_retract,
	MSTYPE = @extschema@.share_state,
	MFINALFUNC = @extschema@.share_pct, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.containment_rate(contained boolean) (
	SFUNC = @extschema@.share_state_accum, STYPE = @extschema@.share_state,
	FINALFUNC = @extschema@.share_pct, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.share_state_combine,
	MSFUNC = @extschema@.share_state_maccum, MINVFUNC = @extschema@.share_state_retract,
	MSTYPE = @extschema@.share_state,
	MFINALFUNC = @extschema@.share_pct, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.share_agg(flag boolean) (
	SFUNC = @extschema@.share_state_accum, STYPE = @extschema@.share_state,
	COMBINEFUNC = @extschema@.share_state_combine,
	MSFUNC = @extschema@.share_state_maccum, MINVFUNC = @extschema@.share_state_retract,
	MSTYPE = @extschema@.share_state,
	MFINALFUNC = @extschema@.share_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.rollup(@extschema@.share_state) (
	SFUNC = @extschema@.share_state_combine, STYPE = @extschema@.share_state,
	COMBINEFUNC = @extschema@.share_state_combine,
	MSFUNC = @extschema@.share_state_combine, MINVFUNC = @extschema@.share_state_uncombine,
	MSTYPE = @extschema@.share_state,
	PARALLEL = SAFE);

--------------------------------------------------------------------------
-- Staffing: Erlang C (fractions 0..1; durations in seconds)
--------------------------------------------------------------------------

CREATE FUNCTION @extschema@.erlang_c_pw(contacts double precision, interval_s double precision,
	aht_s double precision, agents integer) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_erlang_c_pw' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.erlang_c_sl(contacts double precision, interval_s double precision,
	aht_s double precision, agents integer, threshold_s double precision) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_erlang_c_sl' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.erlang_c_asa(contacts double precision, interval_s double precision,
	aht_s double precision, agents integer) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_erlang_c_asa' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.erlang_c_occupancy(contacts double precision, interval_s double precision,
	aht_s double precision, agents integer) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_erlang_c_occupancy' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.erlang_c_agents(contacts double precision, interval_s double precision,
	aht_s double precision, target_sl double precision, threshold_s double precision) RETURNS integer
	AS 'MODULE_PATHNAME', 'skpi_erlang_c_agents' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.erlang_c_agents(contacts double precision, interval_s double precision,
	aht_s double precision, target_sl double precision, threshold_s double precision,
	max_occupancy double precision) RETURNS integer
	AS 'MODULE_PATHNAME', 'skpi_erlang_c_agents' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

--------------------------------------------------------------------------
-- Queue KPIs: sl_pct, abandon_rate, asa on queue_state (counters:
-- answered, answered_within, abandoned, abandoned_within, short_abandoned,
-- answered_wait_us; the SL policy recorded in the state).
--------------------------------------------------------------------------

CREATE TYPE @extschema@.queue_state;
CREATE FUNCTION @extschema@.queue_state_in(cstring) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_out(@extschema@.queue_state) RETURNS cstring
	AS 'MODULE_PATHNAME', 'skpi_queue_state_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_recv(internal) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_send(@extschema@.queue_state) RETURNS bytea
	AS 'MODULE_PATHNAME', 'skpi_queue_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.queue_state (
	INPUT = @extschema@.queue_state_in, OUTPUT = @extschema@.queue_state_out,
	RECEIVE = @extschema@.queue_state_recv, SEND = @extschema@.queue_state_send,
	INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = plain);
COMMENT ON TYPE @extschema@.queue_state IS 'queue counters (answered / abandoned within and after the threshold, waits); mergeable with rollup()';

CREATE FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, interval, boolean, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_accum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, interval, boolean, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_maccum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, interval, boolean, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_retract_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, interval, boolean, interval, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_accum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, interval, boolean, interval, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_maccum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, interval, boolean, interval, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_retract_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, interval, boolean, interval, interval, text) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_accum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, interval, boolean, interval, interval, text) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_maccum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, interval, boolean, interval, interval, text) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_retract_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, double precision, boolean, double precision) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_accum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, double precision, boolean, double precision) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_maccum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, double precision, boolean, double precision) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_retract_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, double precision, boolean, double precision, double precision) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_accum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, double precision, boolean, double precision, double precision) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_maccum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, double precision, boolean, double precision, double precision) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_retract_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, double precision, boolean, double precision, double precision, text) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_accum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, double precision, boolean, double precision, double precision, text) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_maccum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, double precision, boolean, double precision, double precision, text) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_retract_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, timestamptz, timestamptz, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_accum_timestamps' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, timestamptz, timestamptz, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_maccum_timestamps' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, timestamptz, timestamptz, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_retract_timestamps' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_accum_nothreshold(@extschema@.queue_state, interval, boolean) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_accum_interval_nt' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_maccum_nothreshold(@extschema@.queue_state, interval, boolean) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_maccum_interval_nt' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_retract_nothreshold(@extschema@.queue_state, interval, boolean) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_retract_interval_nt' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_accum_nothreshold(@extschema@.queue_state, interval, boolean, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_accum_interval_nt' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_maccum_nothreshold(@extschema@.queue_state, interval, boolean, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_maccum_interval_nt' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_retract_nothreshold(@extschema@.queue_state, interval, boolean, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_retract_interval_nt' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_accum_nothreshold(@extschema@.queue_state, double precision, boolean) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_accum_seconds_nt' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_maccum_nothreshold(@extschema@.queue_state, double precision, boolean) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_maccum_seconds_nt' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_retract_nothreshold(@extschema@.queue_state, double precision, boolean) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_retract_seconds_nt' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_accum_nothreshold(@extschema@.queue_state, double precision, boolean, double precision) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_accum_seconds_nt' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_maccum_nothreshold(@extschema@.queue_state, double precision, boolean, double precision) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_maccum_seconds_nt' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_retract_nothreshold(@extschema@.queue_state, double precision, boolean, double precision) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_retract_seconds_nt' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_accum_nothreshold(@extschema@.queue_state, timestamptz, timestamptz) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_accum_timestamps_nt' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_maccum_nothreshold(@extschema@.queue_state, timestamptz, timestamptz) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_maccum_timestamps_nt' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_retract_nothreshold(@extschema@.queue_state, timestamptz, timestamptz) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_retract_timestamps_nt' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_combine(@extschema@.queue_state, @extschema@.queue_state) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_uncombine(@extschema@.queue_state, @extschema@.queue_state) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_uncombine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.queue_state_nonempty(@extschema@.queue_state) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_nonempty' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.sl_pct(@extschema@.queue_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_queue_sl_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.sl_pct(state @extschema@.queue_state, policy text) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_queue_sl_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.abandon_rate(@extschema@.queue_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_queue_abandon_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.asa(@extschema@.queue_state) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_queue_asa' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.offered(@extschema@.queue_state) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_queue_offered' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.answered(@extschema@.queue_state) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_queue_answered' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.answered_within(@extschema@.queue_state) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_queue_answered_within' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.abandoned(@extschema@.queue_state) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_queue_abandoned' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.short_abandoned(@extschema@.queue_state) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_queue_short_abandoned' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.sl_ci_lower(state @extschema@.queue_state, level double precision DEFAULT 0.95) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_queue_sl_ci_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.sl_ci_upper(state @extschema@.queue_state, level double precision DEFAULT 0.95) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_queue_sl_ci_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.abandon_rate_ci_lower(state @extschema@.queue_state, level double precision DEFAULT 0.95) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_queue_abandon_ci_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.abandon_rate_ci_upper(state @extschema@.queue_state, level double precision DEFAULT 0.95) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_queue_abandon_ci_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE AGGREGATE @extschema@.sl_pct(wait interval, answered boolean, threshold interval) (
	SFUNC = @extschema@.queue_state_accum, STYPE = @extschema@.queue_state,
	FINALFUNC = @extschema@.sl_pct, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum, MINVFUNC = @extschema@.queue_state_retract,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.sl_pct, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.queue_agg(wait interval, answered boolean, threshold interval) (
	SFUNC = @extschema@.queue_state_accum, STYPE = @extschema@.queue_state,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum, MINVFUNC = @extschema@.queue_state_retract,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.queue_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.sl_pct(wait interval, answered boolean, threshold interval, short_abandon interval) (
	SFUNC = @extschema@.queue_state_accum, STYPE = @extschema@.queue_state,
	FINALFUNC = @extschema@.sl_pct, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum, MINVFUNC = @extschema@.queue_state_retract,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.sl_pct, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.queue_agg(wait interval, answered boolean, threshold interval, short_abandon interval) (
	SFUNC = @extschema@.queue_state_accum, STYPE = @extschema@.queue_state,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum, MINVFUNC = @extschema@.queue_state_retract,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.queue_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.sl_pct(wait interval, answered boolean, threshold interval, short_abandon interval, policy text) (
	SFUNC = @extschema@.queue_state_accum, STYPE = @extschema@.queue_state,
	FINALFUNC = @extschema@.sl_pct, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum, MINVFUNC = @extschema@.queue_state_retract,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.sl_pct, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.queue_agg(wait interval, answered boolean, threshold interval, short_abandon interval, policy text) (
	SFUNC = @extschema@.queue_state_accum, STYPE = @extschema@.queue_state,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum, MINVFUNC = @extschema@.queue_state_retract,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.queue_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.sl_pct(wait double precision, answered boolean, threshold double precision) (
	SFUNC = @extschema@.queue_state_accum, STYPE = @extschema@.queue_state,
	FINALFUNC = @extschema@.sl_pct, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum, MINVFUNC = @extschema@.queue_state_retract,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.sl_pct, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.queue_agg(wait double precision, answered boolean, threshold double precision) (
	SFUNC = @extschema@.queue_state_accum, STYPE = @extschema@.queue_state,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum, MINVFUNC = @extschema@.queue_state_retract,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.queue_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.sl_pct(wait double precision, answered boolean, threshold double precision, short_abandon double precision) (
	SFUNC = @extschema@.queue_state_accum, STYPE = @extschema@.queue_state,
	FINALFUNC = @extschema@.sl_pct, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum, MINVFUNC = @extschema@.queue_state_retract,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.sl_pct, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.queue_agg(wait double precision, answered boolean, threshold double precision, short_abandon double precision) (
	SFUNC = @extschema@.queue_state_accum, STYPE = @extschema@.queue_state,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum, MINVFUNC = @extschema@.queue_state_retract,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.queue_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.sl_pct(wait double precision, answered boolean, threshold double precision, short_abandon double precision, policy text) (
	SFUNC = @extschema@.queue_state_accum, STYPE = @extschema@.queue_state,
	FINALFUNC = @extschema@.sl_pct, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum, MINVFUNC = @extschema@.queue_state_retract,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.sl_pct, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.queue_agg(wait double precision, answered boolean, threshold double precision, short_abandon double precision, policy text) (
	SFUNC = @extschema@.queue_state_accum, STYPE = @extschema@.queue_state,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum, MINVFUNC = @extschema@.queue_state_retract,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.queue_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.sl_pct(offered_at timestamptz, answered_at timestamptz, threshold interval) (
	SFUNC = @extschema@.queue_state_accum, STYPE = @extschema@.queue_state,
	FINALFUNC = @extschema@.sl_pct, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum, MINVFUNC = @extschema@.queue_state_retract,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.sl_pct, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.queue_agg(offered_at timestamptz, answered_at timestamptz, threshold interval) (
	SFUNC = @extschema@.queue_state_accum, STYPE = @extschema@.queue_state,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum, MINVFUNC = @extschema@.queue_state_retract,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.queue_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.abandon_rate(wait interval, answered boolean) (
	SFUNC = @extschema@.queue_state_accum_nothreshold, STYPE = @extschema@.queue_state,
	FINALFUNC = @extschema@.abandon_rate, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum_nothreshold, MINVFUNC = @extschema@.queue_state_retract_nothreshold,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.abandon_rate, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.abandon_rate(wait interval, answered boolean, short_abandon interval) (
	SFUNC = @extschema@.queue_state_accum_nothreshold, STYPE = @extschema@.queue_state,
	FINALFUNC = @extschema@.abandon_rate, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum_nothreshold, MINVFUNC = @extschema@.queue_state_retract_nothreshold,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.abandon_rate, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.asa(wait interval, answered boolean) (
	SFUNC = @extschema@.queue_state_accum_nothreshold, STYPE = @extschema@.queue_state,
	FINALFUNC = @extschema@.asa, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum_nothreshold, MINVFUNC = @extschema@.queue_state_retract_nothreshold,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.asa, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.abandon_rate(wait double precision, answered boolean) (
	SFUNC = @extschema@.queue_state_accum_nothreshold, STYPE = @extschema@.queue_state,
	FINALFUNC = @extschema@.abandon_rate, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum_nothreshold, MINVFUNC = @extschema@.queue_state_retract_nothreshold,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.abandon_rate, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.abandon_rate(wait double precision, answered boolean, short_abandon double precision) (
	SFUNC = @extschema@.queue_state_accum_nothreshold, STYPE = @extschema@.queue_state,
	FINALFUNC = @extschema@.abandon_rate, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum_nothreshold, MINVFUNC = @extschema@.queue_state_retract_nothreshold,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.abandon_rate, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.asa(wait double precision, answered boolean) (
	SFUNC = @extschema@.queue_state_accum_nothreshold, STYPE = @extschema@.queue_state,
	FINALFUNC = @extschema@.asa, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum_nothreshold, MINVFUNC = @extschema@.queue_state_retract_nothreshold,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.asa, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.abandon_rate(offered_at timestamptz, answered_at timestamptz) (
	SFUNC = @extschema@.queue_state_accum_nothreshold, STYPE = @extschema@.queue_state,
	FINALFUNC = @extschema@.abandon_rate, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum_nothreshold, MINVFUNC = @extschema@.queue_state_retract_nothreshold,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.abandon_rate, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.asa(offered_at timestamptz, answered_at timestamptz) (
	SFUNC = @extschema@.queue_state_accum_nothreshold, STYPE = @extschema@.queue_state,
	FINALFUNC = @extschema@.asa, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_maccum_nothreshold, MINVFUNC = @extschema@.queue_state_retract_nothreshold,
	MSTYPE = @extschema@.queue_state,
	MFINALFUNC = @extschema@.asa, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.rollup(@extschema@.queue_state) (
	SFUNC = @extschema@.queue_state_combine, STYPE = @extschema@.queue_state,
	COMBINEFUNC = @extschema@.queue_state_combine,
	MSFUNC = @extschema@.queue_state_combine, MINVFUNC = @extschema@.queue_state_uncombine,
	MSTYPE = @extschema@.queue_state,
	PARALLEL = SAFE);

--------------------------------------------------------------------------
-- Handling KPIs: aht on handle_state (handled, handle_us), occupancy on
-- occupancy_state (busy_us, available_us).
--------------------------------------------------------------------------

CREATE TYPE @extschema@.handle_state;
CREATE FUNCTION @extschema@.handle_state_in(cstring) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.handle_state_out(@extschema@.handle_state) RETURNS cstring
	AS 'MODULE_PATHNAME', 'skpi_handle_state_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.handle_state_recv(internal) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.handle_state_send(@extschema@.handle_state) RETURNS bytea
	AS 'MODULE_PATHNAME', 'skpi_handle_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.handle_state (
	INPUT = @extschema@.handle_state_in, OUTPUT = @extschema@.handle_state_out,
	RECEIVE = @extschema@.handle_state_recv, SEND = @extschema@.handle_state_send,
	INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = plain);
COMMENT ON TYPE @extschema@.handle_state IS 'handled contacts and their total handle time (microseconds); mergeable with rollup()';
CREATE FUNCTION @extschema@.handle_state_combine(@extschema@.handle_state, @extschema@.handle_state) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.handle_state_uncombine(@extschema@.handle_state, @extschema@.handle_state) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_uncombine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.handle_state_nonempty(@extschema@.handle_state) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_nonempty' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.occupancy_state;
CREATE FUNCTION @extschema@.occupancy_state_in(cstring) RETURNS @extschema@.occupancy_state
	AS 'MODULE_PATHNAME', 'skpi_occupancy_state_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.occupancy_state_out(@extschema@.occupancy_state) RETURNS cstring
	AS 'MODULE_PATHNAME', 'skpi_occupancy_state_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.occupancy_state_recv(internal) RETURNS @extschema@.occupancy_state
	AS 'MODULE_PATHNAME', 'skpi_occupancy_state_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.occupancy_state_send(@extschema@.occupancy_state) RETURNS bytea
	AS 'MODULE_PATHNAME', 'skpi_occupancy_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.occupancy_state (
	INPUT = @extschema@.occupancy_state_in, OUTPUT = @extschema@.occupancy_state_out,
	RECEIVE = @extschema@.occupancy_state_recv, SEND = @extschema@.occupancy_state_send,
	INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = plain);
COMMENT ON TYPE @extschema@.occupancy_state IS 'busy and available agent time (microseconds); mergeable with rollup()';
CREATE FUNCTION @extschema@.occupancy_state_combine(@extschema@.occupancy_state, @extschema@.occupancy_state) RETURNS @extschema@.occupancy_state
	AS 'MODULE_PATHNAME', 'skpi_occupancy_state_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.occupancy_state_uncombine(@extschema@.occupancy_state, @extschema@.occupancy_state) RETURNS @extschema@.occupancy_state
	AS 'MODULE_PATHNAME', 'skpi_occupancy_state_uncombine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.occupancy_state_nonempty(@extschema@.occupancy_state) RETURNS @extschema@.occupancy_state
	AS 'MODULE_PATHNAME', 'skpi_occupancy_state_nonempty' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.handle_state_accum(@extschema@.handle_state, interval, interval, interval) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_accum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.handle_state_maccum(@extschema@.handle_state, interval, interval, interval) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_maccum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.handle_state_retract(@extschema@.handle_state, interval, interval, interval) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_retract_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.handle_state_accum(@extschema@.handle_state, interval) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_accum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.handle_state_maccum(@extschema@.handle_state, interval) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_maccum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.handle_state_retract(@extschema@.handle_state, interval) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_retract_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.handle_state_accum(@extschema@.handle_state, double precision, double precision, double precision) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_accum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.handle_state_maccum(@extschema@.handle_state, double precision, double precision, double precision) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_maccum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.handle_state_retract(@extschema@.handle_state, double precision, double precision, double precision) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_retract_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.handle_state_accum(@extschema@.handle_state, double precision) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_accum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.handle_state_maccum(@extschema@.handle_state, double precision) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_maccum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.handle_state_retract(@extschema@.handle_state, double precision) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_retract_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.occupancy_state_accum(@extschema@.occupancy_state, interval, interval) RETURNS @extschema@.occupancy_state
	AS 'MODULE_PATHNAME', 'skpi_occupancy_accum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.occupancy_state_maccum(@extschema@.occupancy_state, interval, interval) RETURNS @extschema@.occupancy_state
	AS 'MODULE_PATHNAME', 'skpi_occupancy_maccum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.occupancy_state_retract(@extschema@.occupancy_state, interval, interval) RETURNS @extschema@.occupancy_state
	AS 'MODULE_PATHNAME', 'skpi_occupancy_retract_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.occupancy_state_accum(@extschema@.occupancy_state, double precision, double precision) RETURNS @extschema@.occupancy_state
	AS 'MODULE_PATHNAME', 'skpi_occupancy_accum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.occupancy_state_maccum(@extschema@.occupancy_state, double precision, double precision) RETURNS @extschema@.occupancy_state
	AS 'MODULE_PATHNAME', 'skpi_occupancy_maccum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.occupancy_state_retract(@extschema@.occupancy_state, double precision, double precision) RETURNS @extschema@.occupancy_state
	AS 'MODULE_PATHNAME', 'skpi_occupancy_retract_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.aht(@extschema@.handle_state) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_handle_aht' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.handled(@extschema@.handle_state) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_handle_handled' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.handle_seconds(@extschema@.handle_state) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_handle_seconds' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.occupancy(@extschema@.occupancy_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_occupancy_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.busy_seconds(@extschema@.occupancy_state) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_occupancy_busy_seconds' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.available_seconds(@extschema@.occupancy_state) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_occupancy_available_seconds' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE AGGREGATE @extschema@.aht(talk interval, hold interval, wrap interval) (
	SFUNC = @extschema@.handle_state_accum, STYPE = @extschema@.handle_state,
	FINALFUNC = @extschema@.aht, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.handle_state_combine,
	MSFUNC = @extschema@.handle_state_maccum, MINVFUNC = @extschema@.handle_state_retract,
	MSTYPE = @extschema@.handle_state,
	MFINALFUNC = @extschema@.aht, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.handle_agg(talk interval, hold interval, wrap interval) (
	SFUNC = @extschema@.handle_state_accum, STYPE = @extschema@.handle_state,
	COMBINEFUNC = @extschema@.handle_state_combine,
	MSFUNC = @extschema@.handle_state_maccum, MINVFUNC = @extschema@.handle_state_retract,
	MSTYPE = @extschema@.handle_state,
	MFINALFUNC = @extschema@.handle_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.aht(handle interval) (
	SFUNC = @extschema@.handle_state_accum, STYPE = @extschema@.handle_state,
	FINALFUNC = @extschema@.aht, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.handle_state_combine,
	MSFUNC = @extschema@.handle_state_maccum, MINVFUNC = @extschema@.handle_state_retract,
	MSTYPE = @extschema@.handle_state,
	MFINALFUNC = @extschema@.aht, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.handle_agg(handle interval) (
	SFUNC = @extschema@.handle_state_accum, STYPE = @extschema@.handle_state,
	COMBINEFUNC = @extschema@.handle_state_combine,
	MSFUNC = @extschema@.handle_state_maccum, MINVFUNC = @extschema@.handle_state_retract,
	MSTYPE = @extschema@.handle_state,
	MFINALFUNC = @extschema@.handle_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.aht(talk double precision, hold double precision, wrap double precision) (
	SFUNC = @extschema@.handle_state_accum, STYPE = @extschema@.handle_state,
	FINALFUNC = @extschema@.aht, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.handle_state_combine,
	MSFUNC = @extschema@.handle_state_maccum, MINVFUNC = @extschema@.handle_state_retract,
	MSTYPE = @extschema@.handle_state,
	MFINALFUNC = @extschema@.aht, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.handle_agg(talk double precision, hold double precision, wrap double precision) (
	SFUNC = @extschema@.handle_state_accum, STYPE = @extschema@.handle_state,
	COMBINEFUNC = @extschema@.handle_state_combine,
	MSFUNC = @extschema@.handle_state_maccum, MINVFUNC = @extschema@.handle_state_retract,
	MSTYPE = @extschema@.handle_state,
	MFINALFUNC = @extschema@.handle_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.aht(handle double precision) (
	SFUNC = @extschema@.handle_state_accum, STYPE = @extschema@.handle_state,
	FINALFUNC = @extschema@.aht, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.handle_state_combine,
	MSFUNC = @extschema@.handle_state_maccum, MINVFUNC = @extschema@.handle_state_retract,
	MSTYPE = @extschema@.handle_state,
	MFINALFUNC = @extschema@.aht, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.handle_agg(handle double precision) (
	SFUNC = @extschema@.handle_state_accum, STYPE = @extschema@.handle_state,
	COMBINEFUNC = @extschema@.handle_state_combine,
	MSFUNC = @extschema@.handle_state_maccum, MINVFUNC = @extschema@.handle_state_retract,
	MSTYPE = @extschema@.handle_state,
	MFINALFUNC = @extschema@.handle_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.rollup(@extschema@.handle_state) (
	SFUNC = @extschema@.handle_state_combine, STYPE = @extschema@.handle_state,
	COMBINEFUNC = @extschema@.handle_state_combine,
	MSFUNC = @extschema@.handle_state_combine, MINVFUNC = @extschema@.handle_state_uncombine,
	MSTYPE = @extschema@.handle_state,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.occupancy(busy interval, available interval) (
	SFUNC = @extschema@.occupancy_state_accum, STYPE = @extschema@.occupancy_state,
	FINALFUNC = @extschema@.occupancy, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.occupancy_state_combine,
	MSFUNC = @extschema@.occupancy_state_maccum, MINVFUNC = @extschema@.occupancy_state_retract,
	MSTYPE = @extschema@.occupancy_state,
	MFINALFUNC = @extschema@.occupancy, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.occupancy_agg(busy interval, available interval) (
	SFUNC = @extschema@.occupancy_state_accum, STYPE = @extschema@.occupancy_state,
	COMBINEFUNC = @extschema@.occupancy_state_combine,
	MSFUNC = @extschema@.occupancy_state_maccum, MINVFUNC = @extschema@.occupancy_state_retract,
	MSTYPE = @extschema@.occupancy_state,
	MFINALFUNC = @extschema@.occupancy_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.occupancy(busy double precision, available double precision) (
	SFUNC = @extschema@.occupancy_state_accum, STYPE = @extschema@.occupancy_state,
	FINALFUNC = @extschema@.occupancy, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.occupancy_state_combine,
	MSFUNC = @extschema@.occupancy_state_maccum, MINVFUNC = @extschema@.occupancy_state_retract,
	MSTYPE = @extschema@.occupancy_state,
	MFINALFUNC = @extschema@.occupancy, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.occupancy_agg(busy double precision, available double precision) (
	SFUNC = @extschema@.occupancy_state_accum, STYPE = @extschema@.occupancy_state,
	COMBINEFUNC = @extschema@.occupancy_state_combine,
	MSFUNC = @extschema@.occupancy_state_maccum, MINVFUNC = @extschema@.occupancy_state_retract,
	MSTYPE = @extschema@.occupancy_state,
	MFINALFUNC = @extschema@.occupancy_state_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.rollup(@extschema@.occupancy_state) (
	SFUNC = @extschema@.occupancy_state_combine, STYPE = @extschema@.occupancy_state,
	COMBINEFUNC = @extschema@.occupancy_state_combine,
	MSFUNC = @extschema@.occupancy_state_combine, MINVFUNC = @extschema@.occupancy_state_uncombine,
	MSTYPE = @extschema@.occupancy_state,
	PARALLEL = SAFE);

-- ======================== 1.1 ========================

--------------------------------------------------------------------------
-- Resolution rates on a boolean: fcr_rate, resolution_rate, reopen_rate,
-- on the shared share_state (counters: hits, total; NULL flags ignored).
--------------------------------------------------------------------------

CREATE AGGREGATE @extschema@.fcr_rate(resolved_first_contact boolean) (
	SFUNC = @extschema@.share_state_accum, STYPE = @extschema@.share_state,
	FINALFUNC = @extschema@.share_pct, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.share_state_combine,
	MSFUNC = @extschema@.share_state_maccum, MINVFUNC = @extschema@.share_state_retract,
	MSTYPE = @extschema@.share_state,
	MFINALFUNC = @extschema@.share_pct, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.resolution_rate(resolved boolean) (
	SFUNC = @extschema@.share_state_accum, STYPE = @extschema@.share_state,
	FINALFUNC = @extschema@.share_pct, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.share_state_combine,
	MSFUNC = @extschema@.share_state_maccum, MINVFUNC = @extschema@.share_state_retract,
	MSTYPE = @extschema@.share_state,
	MFINALFUNC = @extschema@.share_pct, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.reopen_rate(reopened boolean) (
	SFUNC = @extschema@.share_state_accum, STYPE = @extschema@.share_state,
	FINALFUNC = @extschema@.share_pct, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.share_state_combine,
	MSFUNC = @extschema@.share_state_maccum, MINVFUNC = @extschema@.share_state_retract,
	MSTYPE = @extschema@.share_state,
	MFINALFUNC = @extschema@.share_pct, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);

--------------------------------------------------------------------------
-- Exact resolution time: resolution_time(...) percentiles on the
-- duration_values state (every value, 8 bytes each), and the repeat-contact
-- window functions.
--------------------------------------------------------------------------

CREATE TYPE @extschema@.duration_values;
CREATE FUNCTION @extschema@.duration_values_in(cstring) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_values_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_values_out(@extschema@.duration_values) RETURNS cstring
	AS 'MODULE_PATHNAME', 'skpi_values_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_values_recv(internal) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_values_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_values_send(@extschema@.duration_values) RETURNS bytea
	AS 'MODULE_PATHNAME', 'skpi_values_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.duration_values (
	INPUT = @extschema@.duration_values_in, OUTPUT = @extschema@.duration_values_out,
	RECEIVE = @extschema@.duration_values_recv, SEND = @extschema@.duration_values_send,
	INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = extended);
COMMENT ON TYPE @extschema@.duration_values IS 'every duration of a group, in seconds: the state of the exact resolution_time() percentiles';

CREATE FUNCTION @extschema@.duration_values_combine(@extschema@.duration_values, @extschema@.duration_values) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_values_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_values_percentile(@extschema@.duration_values) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_values_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_values_percentiles(@extschema@.duration_values) RETURNS double precision[]
	AS 'MODULE_PATHNAME', 'skpi_values_final_array' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, timestamptz, timestamptz) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_rt_ts_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, timestamptz, timestamptz) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_rt_ts_maccum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, timestamptz, timestamptz) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_rt_ts_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE @extschema@.resolution_time(opened_at timestamptz, resolved_at timestamptz) (
	SFUNC = @extschema@.duration_values_accum, STYPE = @extschema@.duration_values,
	FINALFUNC = @extschema@.duration_values_percentile, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.duration_values_combine,
	MSFUNC = @extschema@.duration_values_maccum, MINVFUNC = @extschema@.duration_values_retract,
	MSTYPE = @extschema@.duration_values,
	MFINALFUNC = @extschema@.duration_values_percentile, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, timestamptz, timestamptz, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_rt_ts_p_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, timestamptz, timestamptz, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_rt_ts_p_maccum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, timestamptz, timestamptz, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_rt_ts_p_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE @extschema@.resolution_time(opened_at timestamptz, resolved_at timestamptz, percentile double precision) (
	SFUNC = @extschema@.duration_values_accum, STYPE = @extschema@.duration_values,
	FINALFUNC = @extschema@.duration_values_percentile, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.duration_values_combine,
	MSFUNC = @extschema@.duration_values_maccum, MINVFUNC = @extschema@.duration_values_retract,
	MSTYPE = @extschema@.duration_values,
	MFINALFUNC = @extschema@.duration_values_percentile, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, timestamptz, timestamptz, double precision[]) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_rt_ts_pa_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, timestamptz, timestamptz, double precision[]) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_rt_ts_pa_maccum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, timestamptz, timestamptz, double precision[]) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_rt_ts_pa_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE @extschema@.resolution_time(opened_at timestamptz, resolved_at timestamptz, percentiles double precision[]) (
	SFUNC = @extschema@.duration_values_accum, STYPE = @extschema@.duration_values,
	FINALFUNC = @extschema@.duration_values_percentiles, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.duration_values_combine,
	MSFUNC = @extschema@.duration_values_maccum, MINVFUNC = @extschema@.duration_values_retract,
	MSTYPE = @extschema@.duration_values,
	MFINALFUNC = @extschema@.duration_values_percentiles, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, interval) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_rt_iv_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, interval) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_rt_iv_maccum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, interval) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_rt_iv_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE @extschema@.resolution_time(duration interval) (
	SFUNC = @extschema@.duration_values_accum, STYPE = @extschema@.duration_values,
	FINALFUNC = @extschema@.duration_values_percentile, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.duration_values_combine,
	MSFUNC = @extschema@.duration_values_maccum, MINVFUNC = @extschema@.duration_values_retract,
	MSTYPE = @extschema@.duration_values,
	MFINALFUNC = @extschema@.duration_values_percentile, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, interval, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_rt_iv_p_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, interval, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_rt_iv_p_maccum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, interval, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_rt_iv_p_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE @extschema@.resolution_time(duration interval, percentile double precision) (
	SFUNC = @extschema@.duration_values_accum, STYPE = @extschema@.duration_values,
	FINALFUNC = @extschema@.duration_values_percentile, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.duration_values_combine,
	MSFUNC = @extschema@.duration_values_maccum, MINVFUNC = @extschema@.duration_values_retract,
	MSTYPE = @extschema@.duration_values,
	MFINALFUNC = @extschema@.duration_values_percentile, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, interval, double precision[]) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_rt_iv_pa_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, interval, double precision[]) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_rt_iv_pa_maccum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, interval, double precision[]) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_rt_iv_pa_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE @extschema@.resolution_time(duration interval, percentiles double precision[]) (
	SFUNC = @extschema@.duration_values_accum, STYPE = @extschema@.duration_values,
	FINALFUNC = @extschema@.duration_values_percentiles, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.duration_values_combine,
	MSFUNC = @extschema@.duration_values_maccum, MINVFUNC = @extschema@.duration_values_retract,
	MSTYPE = @extschema@.duration_values,
	MFINALFUNC = @extschema@.duration_values_percentiles, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_rt_sec_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_rt_sec_maccum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_rt_sec_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE @extschema@.resolution_time(seconds double precision) (
	SFUNC = @extschema@.duration_values_accum, STYPE = @extschema@.duration_values,
	FINALFUNC = @extschema@.duration_values_percentile, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.duration_values_combine,
	MSFUNC = @extschema@.duration_values_maccum, MINVFUNC = @extschema@.duration_values_retract,
	MSTYPE = @extschema@.duration_values,
	MFINALFUNC = @extschema@.duration_values_percentile, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, double precision, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_rt_sec_p_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, double precision, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_rt_sec_p_maccum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, double precision, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_rt_sec_p_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE @extschema@.resolution_time(seconds double precision, percentile double precision) (
	SFUNC = @extschema@.duration_values_accum, STYPE = @extschema@.duration_values,
	FINALFUNC = @extschema@.duration_values_percentile, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.duration_values_combine,
	MSFUNC = @extschema@.duration_values_maccum, MINVFUNC = @extschema@.duration_values_retract,
	MSTYPE = @extschema@.duration_values,
	MFINALFUNC = @extschema@.duration_values_percentile, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, double precision, double precision[]) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_rt_sec_pa_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, double precision, double precision[]) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_rt_sec_pa_maccum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, double precision, double precision[]) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_rt_sec_pa_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE @extschema@.resolution_time(seconds double precision, percentiles double precision[]) (
	SFUNC = @extschema@.duration_values_accum, STYPE = @extschema@.duration_values,
	FINALFUNC = @extschema@.duration_values_percentiles, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.duration_values_combine,
	MSFUNC = @extschema@.duration_values_maccum, MINVFUNC = @extschema@.duration_values_retract,
	MSTYPE = @extschema@.duration_values,
	MFINALFUNC = @extschema@.duration_values_percentiles, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);

CREATE FUNCTION @extschema@.repeat_contact(contacted_at timestamptz, within interval) RETURNS boolean
	AS 'MODULE_PATHNAME', 'skpi_repeat_contact' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.repeat_contact(timestamptz, interval) IS 'window function: the same customer contacts again within the interval after this contact';
CREATE FUNCTION @extschema@.is_repeat_contact(contacted_at timestamptz, within interval) RETURNS boolean
	AS 'MODULE_PATHNAME', 'skpi_is_repeat_contact' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_repeat_contact(timestamptz, interval) IS 'window function: this contact comes within the interval after the same customer''s previous one';
-- Duration sketch: percentiles of durations (resolution time, handle time,
-- waits) from a mergeable state with bounded relative error: logarithmic
-- buckets with relative accuracy 0.5 %, plus the exact count, sum, minimum
-- and maximum (src/sketch.c).  Durations as exact microseconds.
--------------------------------------------------------------------------

CREATE TYPE @extschema@.duration_sketch;
CREATE FUNCTION @extschema@.duration_sketch_in(cstring) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_sketch_out(@extschema@.duration_sketch) RETURNS cstring
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_sketch_recv(internal) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_sketch_send(@extschema@.duration_sketch) RETURNS bytea
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
-- up to 35 KB (4368 buckets): STORAGE extended, so large sketches are compressed / toasted
CREATE TYPE @extschema@.duration_sketch (
	INPUT = @extschema@.duration_sketch_in, OUTPUT = @extschema@.duration_sketch_out,
	RECEIVE = @extschema@.duration_sketch_recv, SEND = @extschema@.duration_sketch_send,
	INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = extended);
COMMENT ON TYPE @extschema@.duration_sketch IS 'distribution of durations: percentiles within 0.5 % relative, exact count, mean, min and max; mergeable with rollup()';

CREATE FUNCTION @extschema@.duration_sketch_combine(@extschema@.duration_sketch, @extschema@.duration_sketch) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_sketch_uncombine(@extschema@.duration_sketch, @extschema@.duration_sketch) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_uncombine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_sketch_nonempty(@extschema@.duration_sketch) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_nonempty' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.duration_sketch_accum(@extschema@.duration_sketch, interval) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_accum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_sketch_maccum(@extschema@.duration_sketch, interval) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_maccum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_sketch_retract(@extschema@.duration_sketch, interval) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_retract_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_sketch_accum(@extschema@.duration_sketch, double precision) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_accum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_sketch_maccum(@extschema@.duration_sketch, double precision) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_maccum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_sketch_retract(@extschema@.duration_sketch, double precision) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_retract_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_sketch_accum(@extschema@.duration_sketch, timestamptz, timestamptz) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_accum_timestamps' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_sketch_maccum(@extschema@.duration_sketch, timestamptz, timestamptz) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_maccum_timestamps' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_sketch_retract(@extschema@.duration_sketch, timestamptz, timestamptz) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_retract_timestamps' LANGUAGE C IMMUTABLE PARALLEL SAFE;
-- the same for resolution_time_agg, whose errors name opened_at and resolved_at
CREATE FUNCTION @extschema@.duration_sketch_accum_resolution(@extschema@.duration_sketch, timestamptz, timestamptz) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_accum_resolution' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_sketch_maccum_resolution(@extschema@.duration_sketch, timestamptz, timestamptz) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_maccum_resolution' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_sketch_retract_resolution(@extschema@.duration_sketch, timestamptz, timestamptz) RETURNS @extschema@.duration_sketch
	AS 'MODULE_PATHNAME', 'skpi_duration_sketch_retract_resolution' LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.duration_percentile(@extschema@.duration_sketch, p double precision) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_duration_percentile' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_percentiles(@extschema@.duration_sketch, p double precision[]) RETURNS double precision[]
	AS 'MODULE_PATHNAME', 'skpi_duration_percentiles' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_median(@extschema@.duration_sketch) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_duration_median' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_mean(@extschema@.duration_sketch) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_duration_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_count(@extschema@.duration_sketch) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_duration_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_min(@extschema@.duration_sketch) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_duration_min' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_max(@extschema@.duration_sketch) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_duration_max' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.duration_share_within(@extschema@.duration_sketch, seconds double precision) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_duration_share_within' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE AGGREGATE @extschema@.duration_agg(duration interval) (
	SFUNC = @extschema@.duration_sketch_accum, STYPE = @extschema@.duration_sketch,
	COMBINEFUNC = @extschema@.duration_sketch_combine,
	MSFUNC = @extschema@.duration_sketch_maccum, MINVFUNC = @extschema@.duration_sketch_retract,
	MSTYPE = @extschema@.duration_sketch,
	MFINALFUNC = @extschema@.duration_sketch_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.duration_agg(seconds double precision) (
	SFUNC = @extschema@.duration_sketch_accum, STYPE = @extschema@.duration_sketch,
	COMBINEFUNC = @extschema@.duration_sketch_combine,
	MSFUNC = @extschema@.duration_sketch_maccum, MINVFUNC = @extschema@.duration_sketch_retract,
	MSTYPE = @extschema@.duration_sketch,
	MFINALFUNC = @extschema@.duration_sketch_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.duration_agg(started_at timestamptz, ended_at timestamptz) (
	SFUNC = @extschema@.duration_sketch_accum, STYPE = @extschema@.duration_sketch,
	COMBINEFUNC = @extschema@.duration_sketch_combine,
	MSFUNC = @extschema@.duration_sketch_maccum, MINVFUNC = @extschema@.duration_sketch_retract,
	MSTYPE = @extschema@.duration_sketch,
	MFINALFUNC = @extschema@.duration_sketch_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.resolution_time_agg(opened_at timestamptz, resolved_at timestamptz) (
	SFUNC = @extschema@.duration_sketch_accum_resolution, STYPE = @extschema@.duration_sketch,
	COMBINEFUNC = @extschema@.duration_sketch_combine,
	MSFUNC = @extschema@.duration_sketch_maccum_resolution, MINVFUNC = @extschema@.duration_sketch_retract_resolution,
	MSTYPE = @extschema@.duration_sketch,
	MFINALFUNC = @extschema@.duration_sketch_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
-- sketches holding no value (only from text input) give NULL, as no rows do
CREATE AGGREGATE @extschema@.rollup(@extschema@.duration_sketch) (
	SFUNC = @extschema@.duration_sketch_combine, STYPE = @extschema@.duration_sketch,
	FINALFUNC = @extschema@.duration_sketch_nonempty, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.duration_sketch_combine,
	MSFUNC = @extschema@.duration_sketch_combine, MINVFUNC = @extschema@.duration_sketch_uncombine,
	MSTYPE = @extschema@.duration_sketch,
	MFINALFUNC = @extschema@.duration_sketch_nonempty, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);

--------------------------------------------------------------------------
-- Business hours: the business_calendar type (time zone, weekly hours,
-- dated hours and holidays) and working-time durations on it.
--------------------------------------------------------------------------

CREATE TYPE @extschema@.business_calendar;
CREATE FUNCTION @extschema@.business_calendar_in(cstring) RETURNS @extschema@.business_calendar
	AS 'MODULE_PATHNAME', 'skpi_calendar_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.business_calendar_out(@extschema@.business_calendar) RETURNS cstring
	AS 'MODULE_PATHNAME', 'skpi_calendar_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.business_calendar_recv(internal) RETURNS @extschema@.business_calendar
	AS 'MODULE_PATHNAME', 'skpi_calendar_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.business_calendar_send(@extschema@.business_calendar) RETURNS bytea
	AS 'MODULE_PATHNAME', 'skpi_calendar_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
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

--------------------------------------------------------------------------
-- Contact timelines: per-contact timings from event logs (src/timeline.c).
-- The aggregate contact_timeline(kind, at [, party [, operator_id]]) keeps
-- the events of one contact (contact_timeline_state, 16 bytes an event) and
-- summarizes them, sorted, into a contact_timeline read by accessors;
-- sessionize() numbers a customer's sessions in a window.
--------------------------------------------------------------------------

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

CREATE TYPE @extschema@.contact_timeline_state;
CREATE FUNCTION @extschema@.contact_timeline_state_in(cstring) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_timeline_state_in' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.contact_timeline_state_out(@extschema@.contact_timeline_state) RETURNS cstring
	AS 'MODULE_PATHNAME', 'skpi_timeline_state_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.contact_timeline_state_recv(internal) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_timeline_state_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.contact_timeline_state_send(@extschema@.contact_timeline_state) RETURNS bytea
	AS 'MODULE_PATHNAME', 'skpi_timeline_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.contact_timeline_state (
	INPUT = @extschema@.contact_timeline_state_in, OUTPUT = @extschema@.contact_timeline_state_out,
	RECEIVE = @extschema@.contact_timeline_state_recv, SEND = @extschema@.contact_timeline_state_send,
	INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = extended);
COMMENT ON TYPE @extschema@.contact_timeline_state IS 'the events of one contact: the state of the contact_timeline() aggregate';

CREATE TYPE @extschema@.contact_timeline;
CREATE FUNCTION @extschema@.contact_timeline_in(cstring) RETURNS @extschema@.contact_timeline
	AS 'MODULE_PATHNAME', 'skpi_timeline_in' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.contact_timeline_out(@extschema@.contact_timeline) RETURNS cstring
	AS 'MODULE_PATHNAME', 'skpi_timeline_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.contact_timeline_recv(internal) RETURNS @extschema@.contact_timeline
	AS 'MODULE_PATHNAME', 'skpi_timeline_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.contact_timeline_send(@extschema@.contact_timeline) RETURNS bytea
	AS 'MODULE_PATHNAME', 'skpi_timeline_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.contact_timeline (
	INPUT = @extschema@.contact_timeline_in, OUTPUT = @extschema@.contact_timeline_out,
	RECEIVE = @extschema@.contact_timeline_recv, SEND = @extschema@.contact_timeline_send,
	INTERNALLENGTH = 160, ALIGNMENT = double, STORAGE = plain);
COMMENT ON TYPE @extschema@.contact_timeline IS 'per-contact timings: first response, response times, handle time, hold, resolution time, counts and flags';

CREATE FUNCTION @extschema@.contact_timeline_combine(@extschema@.contact_timeline_state, @extschema@.contact_timeline_state) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_timeline_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.contact_timeline_final(@extschema@.contact_timeline_state) RETURNS @extschema@.contact_timeline
	AS 'MODULE_PATHNAME', 'skpi_timeline_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
-- the same transition for every form; it never returns NULL (also the moving-aggregate
-- transition), the inverse removes one equal event (window frames)
CREATE FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, @extschema@.contact_event_kind, timestamptz) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_timeline_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, @extschema@.contact_event_kind, timestamptz) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_timeline_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE @extschema@.contact_timeline(kind @extschema@.contact_event_kind, at timestamptz) (
	SFUNC = @extschema@.contact_timeline_accum, STYPE = @extschema@.contact_timeline_state,
	FINALFUNC = @extschema@.contact_timeline_final, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.contact_timeline_combine,
	MSFUNC = @extschema@.contact_timeline_accum, MINVFUNC = @extschema@.contact_timeline_retract,
	MSTYPE = @extschema@.contact_timeline_state,
	MFINALFUNC = @extschema@.contact_timeline_final, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, @extschema@.contact_event_kind, timestamptz, @extschema@.contact_party) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_timeline_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, @extschema@.contact_event_kind, timestamptz, @extschema@.contact_party) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_timeline_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE @extschema@.contact_timeline(kind @extschema@.contact_event_kind, at timestamptz, party @extschema@.contact_party) (
	SFUNC = @extschema@.contact_timeline_accum, STYPE = @extschema@.contact_timeline_state,
	FINALFUNC = @extschema@.contact_timeline_final, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.contact_timeline_combine,
	MSFUNC = @extschema@.contact_timeline_accum, MINVFUNC = @extschema@.contact_timeline_retract,
	MSTYPE = @extschema@.contact_timeline_state,
	MFINALFUNC = @extschema@.contact_timeline_final, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, @extschema@.contact_event_kind, timestamptz, @extschema@.contact_party, text) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_timeline_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, @extschema@.contact_event_kind, timestamptz, @extschema@.contact_party, text) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_timeline_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE @extschema@.contact_timeline(kind @extschema@.contact_event_kind, at timestamptz, party @extschema@.contact_party, operator_id text) (
	SFUNC = @extschema@.contact_timeline_accum, STYPE = @extschema@.contact_timeline_state,
	FINALFUNC = @extschema@.contact_timeline_final, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.contact_timeline_combine,
	MSFUNC = @extschema@.contact_timeline_accum, MINVFUNC = @extschema@.contact_timeline_retract,
	MSTYPE = @extschema@.contact_timeline_state,
	MFINALFUNC = @extschema@.contact_timeline_final, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, text, timestamptz) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_timeline_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, text, timestamptz) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_timeline_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE @extschema@.contact_timeline(kind text, at timestamptz) (
	SFUNC = @extschema@.contact_timeline_accum, STYPE = @extschema@.contact_timeline_state,
	FINALFUNC = @extschema@.contact_timeline_final, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.contact_timeline_combine,
	MSFUNC = @extschema@.contact_timeline_accum, MINVFUNC = @extschema@.contact_timeline_retract,
	MSTYPE = @extschema@.contact_timeline_state,
	MFINALFUNC = @extschema@.contact_timeline_final, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, text, timestamptz, @extschema@.contact_party) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_timeline_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, text, timestamptz, @extschema@.contact_party) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_timeline_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE @extschema@.contact_timeline(kind text, at timestamptz, party @extschema@.contact_party) (
	SFUNC = @extschema@.contact_timeline_accum, STYPE = @extschema@.contact_timeline_state,
	FINALFUNC = @extschema@.contact_timeline_final, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.contact_timeline_combine,
	MSFUNC = @extschema@.contact_timeline_accum, MINVFUNC = @extschema@.contact_timeline_retract,
	MSTYPE = @extschema@.contact_timeline_state,
	MFINALFUNC = @extschema@.contact_timeline_final, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, text, timestamptz, @extschema@.contact_party, text) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_timeline_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, text, timestamptz, @extschema@.contact_party, text) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_timeline_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE @extschema@.contact_timeline(kind text, at timestamptz, party @extschema@.contact_party, operator_id text) (
	SFUNC = @extschema@.contact_timeline_accum, STYPE = @extschema@.contact_timeline_state,
	FINALFUNC = @extschema@.contact_timeline_final, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.contact_timeline_combine,
	MSFUNC = @extschema@.contact_timeline_accum, MINVFUNC = @extschema@.contact_timeline_retract,
	MSTYPE = @extschema@.contact_timeline_state,
	MFINALFUNC = @extschema@.contact_timeline_final, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);
CREATE FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, @extschema@.contact_event) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_timeline_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, @extschema@.contact_event) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_timeline_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE @extschema@.contact_timeline(event @extschema@.contact_event) (
	SFUNC = @extschema@.contact_timeline_accum, STYPE = @extschema@.contact_timeline_state,
	FINALFUNC = @extschema@.contact_timeline_final, FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.contact_timeline_combine,
	MSFUNC = @extschema@.contact_timeline_accum, MINVFUNC = @extschema@.contact_timeline_retract,
	MSTYPE = @extschema@.contact_timeline_state,
	MFINALFUNC = @extschema@.contact_timeline_final, MFINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE);

CREATE FUNCTION @extschema@.first_event_at(@extschema@.contact_timeline) RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'skpi_tl_started_at' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.first_event_at(@extschema@.contact_timeline) IS 'time of the first event of the contact';
CREATE FUNCTION @extschema@.first_customer_message_at(@extschema@.contact_timeline) RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'skpi_tl_first_customer_at' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.first_customer_message_at(@extschema@.contact_timeline) IS 'time of the first customer message (NULL without one)';
CREATE FUNCTION @extschema@.first_response_time(@extschema@.contact_timeline) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_tl_first_response' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.first_response_time(@extschema@.contact_timeline) IS 'seconds from the first customer message to the first operator message after it';
CREATE FUNCTION @extschema@.avg_response_time(@extschema@.contact_timeline) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_tl_avg_response' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.avg_response_time(@extschema@.contact_timeline) IS 'mean seconds of the answered customer turns (customer message -> operator reply)';
CREATE FUNCTION @extschema@.max_response_time(@extschema@.contact_timeline) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_tl_max_response' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.max_response_time(@extschema@.contact_timeline) IS 'longest answered customer turn, in seconds';
CREATE FUNCTION @extschema@.response_turns(@extschema@.contact_timeline) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_tl_turns' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.response_turns(@extschema@.contact_timeline) IS 'answered customer turns';
CREATE FUNCTION @extschema@.assignment_to_reply_time(@extschema@.contact_timeline) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_tl_assignment_to_reply' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.assignment_to_reply_time(@extschema@.contact_timeline) IS 'seconds from the first assignment to the first operator message after it';
CREATE FUNCTION @extschema@.handle_time(@extschema@.contact_timeline) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_tl_handle' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.handle_time(@extschema@.contact_timeline) IS 'calls: answered -> ended plus wrap-up; chats: first operator message -> resolved (or last operator message)';
CREATE FUNCTION @extschema@.hold_time(@extschema@.contact_timeline) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_tl_hold' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.hold_time(@extschema@.contact_timeline) IS 'seconds on hold (hold_start -> hold_end)';
CREATE FUNCTION @extschema@.contact_duration(@extschema@.contact_timeline) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_tl_duration' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.contact_duration(@extschema@.contact_timeline) IS 'seconds from the first to the last event';
CREATE FUNCTION @extschema@.time_to_resolution(@extschema@.contact_timeline) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_tl_resolution' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_to_resolution(@extschema@.contact_timeline) IS 'seconds from the first offered or customer message to the first resolved after it';
CREATE FUNCTION @extschema@.message_count(@extschema@.contact_timeline) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_tl_all_messages' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.message_count(@extschema@.contact_timeline) IS 'messages of every party';
CREATE FUNCTION @extschema@.message_count(@extschema@.contact_timeline, party @extschema@.contact_party) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_tl_messages' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.message_count(@extschema@.contact_timeline, @extschema@.contact_party) IS 'messages of the party (0 for system)';
CREATE FUNCTION @extschema@.event_count(@extschema@.contact_timeline) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_tl_events' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.event_count(@extschema@.contact_timeline) IS 'events';
CREATE FUNCTION @extschema@.transfer_count(@extschema@.contact_timeline) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_tl_transfers' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.transfer_count(@extschema@.contact_timeline) IS 'transferred events';
CREATE FUNCTION @extschema@.reopen_count(@extschema@.contact_timeline) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_tl_reopens' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.reopen_count(@extschema@.contact_timeline) IS 'reopened events';
CREATE FUNCTION @extschema@.operator_count(@extschema@.contact_timeline) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_tl_operators' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.operator_count(@extschema@.contact_timeline) IS 'distinct non-NULL operator ids';
CREATE FUNCTION @extschema@.bot_handoff(@extschema@.contact_timeline) RETURNS boolean
	AS 'MODULE_PATHNAME', 'skpi_tl_bot_handoff' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bot_handoff(@extschema@.contact_timeline) IS 'a bot message came before the first operator message';
CREATE FUNCTION @extschema@.is_abandoned(@extschema@.contact_timeline) RETURNS boolean
	AS 'MODULE_PATHNAME', 'skpi_tl_abandoned' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_abandoned(@extschema@.contact_timeline) IS 'the contact has an abandoned event';
CREATE FUNCTION @extschema@.is_resolved(@extschema@.contact_timeline) RETURNS boolean
	AS 'MODULE_PATHNAME', 'skpi_tl_resolved' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_resolved(@extschema@.contact_timeline) IS 'resolved, and not reopened after the last resolve';

CREATE FUNCTION @extschema@.sessionize(at timestamptz, gap interval) RETURNS integer
	AS 'MODULE_PATHNAME', 'skpi_sessionize' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sessionize(timestamptz, interval) IS 'window function: session number (1, 2, ...) of an event, a new session after a silence longer than gap';

-- ======================== 1.2 ========================

--------------------------------------------------------------------------
-- Demo data: a deterministic synthetic support line (chats, calls, e-mail)
-- for the cookbook, `make demo` and tests.  Pseudo-random numbers come from
-- hashint8extended(key, seed): integer hashing only (no byte-order or
-- locale dependence), and durations from IEEE-exact arithmetic (+ - * /
-- sqrt) rounded to whole seconds, so the same arguments give the same rows
-- on every platform and every run.  No random(), no volatile functions.
--------------------------------------------------------------------------

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
	WITH mon AS (
		SELECT g.m,
			extract(epoch FROM (start_month + make_interval(months => g.m)))::bigint AS t0,
			((start_month + make_interval(months => g.m + 1))::date
				- (start_month + make_interval(months => g.m))::date) AS days,
			g.m % 12 + 1 AS si, least(g.m, 12) + 1 AS qi,
			extract(epoch FROM (start_month + interval '6 months 14 days'))::bigint AS t_train
		FROM generate_series(0, months - 1) g(m)),
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
			p.t0 + floor(@extschema@.demo_uniform(p.key * 64 + 1, seed) * p.days)::bigint * 86400
				+ CASE p.ch WHEN 'email' THEN floor(@extschema@.demo_uniform(p.key * 64 + 2, seed) * 86400)::bigint
					WHEN 'call' THEN 21600 + floor((@extschema@.demo_uniform(p.key * 64 + 2, seed)
						+ @extschema@.demo_uniform(p.key * 64 + 3, seed)) * 21600)::bigint
					ELSE 18000 + floor((@extschema@.demo_uniform(p.key * 64 + 2, seed)
						+ @extschema@.demo_uniform(p.key * 64 + 3, seed)) * 27000)::bigint END AS arrival
		FROM prim p
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
					(ARRAY[5, 4.5, 4, 3.5, 3, 3, 3, 2, 1.8, 1.6, 1.5, 1.5, 1.5])[a.qi] * 3600 * a.speed, 4))::int) END AS wait,
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
				(ARRAY[68, 100, 104, 27, 71, 53, 53, 55, 57, 56, 55, 57, 57])[c.qi] * c.slowness / 1.1, 4))::int END AS talk,
			CASE WHEN c.ch = 'call' THEN CASE WHEN c.u_hold < 0.2
				THEN 15 + least(600, round(@extschema@.demo_loglogistic(c.u_holdlen, 40::double precision, 4))::int) ELSE 0 END END AS hold,
			CASE WHEN c.ch = 'call' THEN round((10 + c.u_wrap * 40) * c.slowness)::int END AS wrap
		FROM c),
	e AS (
		SELECT d.*,
			CASE WHEN d.contained THEN NULL WHEN d.bot THEN d.bot_end ELSE d.arrival END AS offered,
			CASE WHEN d.transfer THEN (SELECT o2.name FROM ops o2 WHERE o2.idx = d.pool[1 + (array_position(d.pool, d.op)
				+ floor(d.u_transfer_to * (cardinality(d.pool) - 1))::int) % cardinality(d.pool)]) END AS transfer_name
		FROM d),
	f AS (
		SELECT e.*,
			CASE WHEN e.handled THEN e.offered + e.wait END AS answered_t,
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
		CASE WHEN n.handled THEN n.wait WHEN n.abandon THEN n.abandon_wait END,
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

