/*
 * buckets.c
 *		Bucket edges shared by the splitting aggregates (buckets.h).
 */
#include "postgres.h"

#include <limits.h>

#include "common/int.h"
#include "libpq/pqformat.h"
#include "pgtime.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/lsyscache.h"
#include "utils/timestamp.h"

#include "buckets.h"
#include "timeline.h"

static void
range_error(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
			 errmsg("timestamp out of range")));
}

/* from + k * width, in zone when width has days or months (as timestamptz + interval) */
TimestampTz
skpi_bucket_edge_at(const Interval *width, TimestampTz from, const char *zone, int64 k)
{
	TimestampTz t = from;
	int64		add;

	if (width->month != 0 || width->day != 0)
	{
		pg_tz	   *tz = pg_tzset(zone);
		struct pg_tm tm;
		fsec_t		fsec;
		int			tz_off;

		if (tz == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("time zone \"%s\" not recognized", zone)));
		if (timestamp2tm(from, &tz_off, &tm, &fsec, NULL, tz) != 0)
			range_error();
		if (width->month != 0)
		{
			int64		m = (int64) tm.tm_year * MONTHS_PER_YEAR + (tm.tm_mon - 1) +
				(int64) width->month * k;

			if (m < 0 || m > (int64) 300000 * MONTHS_PER_YEAR)
				range_error();
			tm.tm_year = (int) (m / MONTHS_PER_YEAR);
			tm.tm_mon = (int) (m % MONTHS_PER_YEAR) + 1;
			if (tm.tm_mday > day_tab[isleap(tm.tm_year)][tm.tm_mon - 1])
				tm.tm_mday = day_tab[isleap(tm.tm_year)][tm.tm_mon - 1];
		}
		if (width->day != 0)
		{
			int64		j = (int64) date2j(tm.tm_year, tm.tm_mon, tm.tm_mday) + (int64) width->day * k;

			if (j < 0 || j > INT_MAX / 2)
				range_error();
			j2date((int) j, &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
		}
		tz_off = DetermineTimeZoneOffset(&tm, tz);
		if (tm2timestamp(&tm, fsec, &tz_off, &t) != 0)
			range_error();
	}
	if (pg_mul_s64_overflow(width->time, k, &add) || pg_add_s64_overflow(t, add, &t) ||
		TIMESTAMP_NOT_FINITE(t))
		range_error();
	return t;
}

TimestampTz
skpi_bucket_edge(const Interval *width, TimestampTz from, TimestampTz to,
				 const char *zone, int32 nbuckets, int64 k)
{
	TimestampTz t;

	if (k >= nbuckets)
		return to;
	t = skpi_bucket_edge_at(width, from, zone, k);
	return Min(t, to);
}

int32
skpi_bucket_count(const char *what, const Interval *width, TimestampTz from, TimestampTz to,
				  const char *zone)
{
	int64		k;
	TimestampTz prev = from;

	if (width->month == 0 && width->day == 0)
	{
		/* to - from cannot overflow (finite times); a wide width may not be added to it */
		k = (to - from) / width->time + ((to - from) % width->time != 0);
		if (k > SKPI_MAX_BUCKETS)
			goto too_many;
		return (int32) k;
	}
	for (k = 1;; k++)
	{
		TimestampTz e = skpi_bucket_edge_at(width, from, zone, k);

		if (e <= prev)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s bucket width must move time forward", what)));
		if (e >= to)
			return (int32) k;
		if (k >= SKPI_MAX_BUCKETS)
			goto too_many;
		prev = e;
	}
too_many:
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("%s would give more than %d buckets", what, SKPI_MAX_BUCKETS),
			 errhint("Use a wider bucket or a shorter period.")));
	return 0;
}

const char *
skpi_bucket_args(FunctionCallInfo fcinfo, int a, const char *what, Interval *width,
				 TimestampTz *from, TimestampTz *to, int32 *nbuckets)
{
	Interval   *w;
	const char *zone;
	int			i;

	for (i = a; i < PG_NARGS(); i++)
		if (PG_ARGISNULL(i))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s %s must not be null", what,
							i == a ? "width" : i == a + 1 ? "from" : i == a + 2 ? "to" : "time zone")));
	w = PG_GETARG_INTERVAL_P(a);
	*from = PG_GETARG_TIMESTAMPTZ(a + 1);
	*to = PG_GETARG_TIMESTAMPTZ(a + 2);
	if (w->month < 0 || w->day < 0 || w->time < 0 ||
		(w->month == 0 && w->day == 0 && w->time == 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s width must be positive, not %s", what,
						DatumGetCString(DirectFunctionCall1(interval_out, IntervalPGetDatum(w))))));
	if (TIMESTAMP_NOT_FINITE(*from) || TIMESTAMP_NOT_FINITE(*to) || *from >= *to)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s needs a finite from before a finite to", what)));
	if (PG_NARGS() > a + 3)
	{
		pg_tz	   *tz;

		zone = text_to_cstring(PG_GETARG_TEXT_PP(a + 3));
		tz = pg_tzset(zone);
		if (tz == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("time zone \"%s\" not recognized", zone),
					 errhint("Use a name from pg_timezone_names, such as Europe/Berlin.")));
		zone = pg_get_timezone_name(tz);
	}
	else
		zone = pg_get_timezone_name(session_timezone);
	if (strlen(zone) > 255)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("time zone name too long")));
	*width = *w;
	*nbuckets = skpi_bucket_count(what, w, *from, *to, zone);
	return zone;
}

/* ---- the bounds of per-bucket states ---- */

bool
skpi_bucket_bounds_ok(const SkpiBucketBounds *b)
{
	if (b->span_us == 0)
		return b->start == 0 && b->end == 0;
	return b->start < b->end && IS_VALID_TIMESTAMP(b->start) && IS_VALID_TIMESTAMP(b->end);
}

bool
skpi_bucket_bounds_field(TextParser *tp, int key, SkpiBoundsIn *in)
{
	switch (key)
	{
		case 0:
			in->start_null = skpi_text_null(tp);
			return in->start_null || skpi_text_timestamp(tp, &in->b.start, "A bucket bound must be finite.");
		case 1:
			in->end_null = skpi_text_null(tp);
			return in->end_null || skpi_text_timestamp(tp, &in->b.end, "A bucket bound must be finite.");
		default:
			return skpi_text_int64(tp, &in->b.span_us);
	}
}

bool
skpi_bucket_bounds_in_end(TextParser *tp, SkpiBoundsIn *in)
{
	if (in->start_null != in->end_null || in->start_null != (in->b.span_us == 0))
		return skpi_text_error(tp, "bucket_start and bucket_end are null exactly when span_us is 0.");
	if (in->start_null)
		in->b.start = in->b.end = 0;
	return true;
}

void
skpi_bucket_bounds_out(StringInfo buf, const SkpiBucketBounds *b)
{
	appendStringInfoString(buf, ",\"bucket_start\":");
	if (b->span_us == 0)
		appendStringInfoString(buf, "null");
	else
		tl_append_timestamp(buf, b->start);
	appendStringInfoString(buf, ",\"bucket_end\":");
	if (b->span_us == 0)
		appendStringInfoString(buf, "null");
	else
		tl_append_timestamp(buf, b->end);
	appendStringInfo(buf, ",\"span_us\":" INT64_FORMAT, b->span_us);
}

void
skpi_bucket_bounds_send(StringInfo buf, const SkpiBucketBounds *b)
{
	pq_sendint64(buf, b->start);
	pq_sendint64(buf, b->end);
	pq_sendint64(buf, b->span_us);
}

void
skpi_bucket_bounds_recv(StringInfo buf, SkpiBucketBounds *b)
{
	b->start = pq_getmsgint64(buf);
	b->end = pq_getmsgint64(buf);
	b->span_us = pq_getmsgint64(buf);
}

void
skpi_bucket_out_of_range(const SkpiStateType *t)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("%s out of range", t->typname)));
}

/* "a" or "an" before a type's name */
static const char *
article(const SkpiStateType *t)
{
	return strchr("aeiou", t->typname[0]) ? "an" : "a";
}

void
skpi_bucket_not_part(const SkpiStateType *t)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("cannot remove %s %s that is not part of the other", article(t), t->typname)));
}

bool
skpi_bucket_bounds_merge(const SkpiStateType *t, const SkpiBucketBounds *a, const SkpiBucketBounds *b,
						 int sign, bool in_aggregate, SkpiBucketBounds *r)
{
	if (sign > 0)
	{
		if (pg_add_s64_overflow(a->span_us, b->span_us, &r->span_us))
			skpi_bucket_out_of_range(t);
		r->start = a->span_us == 0 ? b->start : Min(a->start, b->start);
		r->end = a->span_us == 0 ? b->end : Max(a->end, b->end);
		return true;
	}
	r->span_us = a->span_us - b->span_us;
	if (r->span_us < 0 || b->start < a->start || b->end > a->end)
		skpi_bucket_not_part(t);

	/*
	 * The bounds of what remains are known only when b's lie strictly inside
	 * a's (or nothing remains); else a window recomputes its frame.
	 */
	if (r->span_us > 0 && (b->start == a->start || b->end == a->end))
	{
		if (in_aggregate)
			return false;
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot remove %s %s at the edge of the other", article(t), t->typname),
				 errdetail("The bounds of what would remain are unknown.")));
	}
	r->start = a->start;
	r->end = a->end;
	return true;
}

Datum
skpi_bucket_bound_datum(FunctionCallInfo fcinfo, const SkpiBucketBounds *b, bool end)
{
	if (b->span_us == 0)
		PG_RETURN_NULL();
	PG_RETURN_TIMESTAMPTZ(end ? b->end : b->start);
}

bool
skpi_bucket_state_valid(const SkpiStateType *t, const char *problem, Node *escontext)
{
	if (problem)
		ereturn(escontext, false,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid %s value", t->typname),
				 errdetail("%s", problem)));
	return true;
}

ArrayType *
skpi_bucket_states_array(FunctionCallInfo fcinfo, Datum *states, int n, const char *what)
{
	Oid			elemtype = get_element_type(get_fn_expr_rettype(fcinfo->flinfo));
	int16		typlen;
	bool		typbyval;
	char		typalign;

	if (!OidIsValid(elemtype))
		elog(ERROR, "%s must return an array", what);
	get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
	return construct_array(states, n, elemtype, typlen, typbyval, typalign);
}
