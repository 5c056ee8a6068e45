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
