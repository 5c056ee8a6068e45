/* support_kpi--1.0.sql: customer-voice KPIs (NPS, CES, CSAT) */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION support_kpi" to load this file. \quit

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
