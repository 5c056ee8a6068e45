/* support_kpi--1.0--1.1.sql: version 1.1, resolution KPIs, business-hours calendars */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION support_kpi UPDATE TO '1.1'" to load this file. \quit

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
