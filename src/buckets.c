/*
 * buckets.c
 *		What the splitting aggregates share: bucket edges, the bounds of the
 *		per-bucket states, the cursor of the logs (buckets.h).
 */
#include "postgres.h"

#include <limits.h>

#include "common/int.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "nodes/primnodes.h"
#include "pgtime.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/json.h"
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
		/* the months, then the days, each resolved in the zone: as timestamptz + interval */
		if (width->month != 0)
		{
			int64		m;

			if (timestamp2tm(t, &tz_off, &tm, &fsec, NULL, tz) != 0)
				range_error();
			m = (int64) tm.tm_year * MONTHS_PER_YEAR + (tm.tm_mon - 1) + (int64) width->month * k;
			if (m < 0 || m > (int64) 300000 * MONTHS_PER_YEAR)
				range_error();
			tm.tm_year = (int) (m / MONTHS_PER_YEAR);
			tm.tm_mon = (int) (m % MONTHS_PER_YEAR) + 1;
			if (tm.tm_mday > day_tab[isleap(tm.tm_year)][tm.tm_mon - 1])
				tm.tm_mday = day_tab[isleap(tm.tm_year)][tm.tm_mon - 1];
			tz_off = DetermineTimeZoneOffset(&tm, tz);
			if (tm2timestamp(&tm, fsec, &tz_off, &t) != 0)
				range_error();
		}
		if (width->day != 0)
		{
			int64		j;

			if (timestamp2tm(t, &tz_off, &tm, &fsec, NULL, tz) != 0)
				range_error();
			j = (int64) date2j(tm.tm_year, tm.tm_mon, tm.tm_mday) + (int64) width->day * k;
			if (j < 0 || j > INT_MAX / 2)
				range_error();
			j2date((int) j, &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
			tz_off = DetermineTimeZoneOffset(&tm, tz);
			if (tm2timestamp(&tm, fsec, &tz_off, &t) != 0)
				range_error();
		}
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
	int64		k,
				span;
	TimestampTz prev = from;

	/* finite times can be further apart than int64 microseconds */
	if (pg_sub_s64_overflow(to, from, &span))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("%s period from \"from\" to \"to\" is too long", what),
				 errhint("Use a period of at most about 292 000 years.")));
	if (width->month == 0 && width->day == 0)
	{
		/* a wide width may not be added to the span: divide */
		k = span / width->time + (span % width->time != 0);
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

/* ---- the cursor of a splitting aggregate's log ---- */

/* a final function's result: its n per-bucket states as an array of its return type's element */
static ArrayType *
states_array(FunctionCallInfo fcinfo, Datum *states, int n, const char *what)
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

/* ERROR 22023 when an argument width, from, to [, time_zone] from a on is NULL */
static void
args_not_null(FunctionCallInfo fcinfo, int a, const char *what)
{
	int			i;

	for (i = a; i < PG_NARGS(); i++)
		if (PG_ARGISNULL(i))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s %s must not be null", what,
							i == a ? "width" : i == a + 1 ? "from" : i == a + 2 ? "to" : "time zone")));
}

void
skpi_cursor_start(FunctionCallInfo fcinfo, int a, const char *what, SkpiBucketCursorBuf *cb)
{
	SkpiBucketCursor *c = &cb->cur;
	Interval   *w;
	const char *zone;

	args_not_null(fcinfo, a, what);
	w = PG_GETARG_INTERVAL_P(a);
	memset(cb, 0, sizeof(*cb));
	c->from = PG_GETARG_TIMESTAMPTZ(a + 1);
	c->to = PG_GETARG_TIMESTAMPTZ(a + 2);
	if (w->month < 0 || w->day < 0 || w->time < 0 ||
		(w->month == 0 && w->day == 0 && w->time == 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s width must be positive, not %s", what,
						DatumGetCString(DirectFunctionCall1(interval_out, IntervalPGetDatum(w))))));
	if (TIMESTAMP_NOT_FINITE(c->from) || TIMESTAMP_NOT_FINITE(c->to) || c->from >= c->to)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s needs a finite from before a finite to", what)));
	if (PG_NARGS() > a + 3)
	{
		/* kept as given: later rows compare their argument with it as text */
		zone = text_to_cstring(PG_GETARG_TEXT_PP(a + 3));
		if (pg_tzset(zone) == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("time zone \"%s\" not recognized", zone),
					 errhint("Use a name from pg_timezone_names, such as Europe/Berlin.")));
	}
	else
		zone = pg_get_timezone_name(session_timezone);
	if (strlen(zone) > SKPI_MAX_ZONE_LEN)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("time zone name too long")));
	c->width = *w;
	c->zone_len = (uint8) strlen(zone);
	memcpy(cb->zone, zone, c->zone_len + 1);
	c->nbuckets = skpi_bucket_count(what, w, c->from, c->to, zone);
	c->bs = c->t0 = c->from;
	c->be = skpi_cursor_edge(c, 1);
}

void
skpi_cursor_same_args(const SkpiBucketCursor *c, FunctionCallInfo fcinfo, int a, const char *what)
{
	const Interval *w;
	const char *differs = NULL;

	args_not_null(fcinfo, a, what);
	w = PG_GETARG_INTERVAL_P(a);
	if (w->time != c->width.time || w->day != c->width.day || w->month != c->width.month)
		differs = "width";
	else if (PG_GETARG_TIMESTAMPTZ(a + 1) != c->from)
		differs = "from";
	else if (PG_GETARG_TIMESTAMPTZ(a + 2) != c->to)
		differs = "to";
	else if (PG_NARGS() > a + 3)
	{
		text	   *zone = PG_GETARG_TEXT_PP(a + 3);

		if (VARSIZE_ANY_EXHDR(zone) != c->zone_len ||
			memcmp(VARDATA_ANY(zone), SKPI_CURSOR_ZONE(c), c->zone_len) != 0)
			differs = "time zone";
	}
	if (unlikely(differs != NULL))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 PG_NARGS() > a + 3 ?
				 errmsg("%s's width, from, to and time zone must be the same on every row of a group", what) :
				 errmsg("%s's width, from and to must be the same on every row of a group", what),
				 errdetail("A row's %s differs from the first row's.", differs)));
}

/*
 * fn_extra of a call site whose arguments width, from, to [, time_zone] are
 * constants of the query: its rows cannot differ in them.
 */
static char args_constant;

void *
skpi_log_for_row(FunctionCallInfo fcinfo, const SkpiStateType *t, int a, const char *what, Size cur_off,
				 SkpiLogMake make)
{
	void	   *log;

	skpi_state_require_aggregate(fcinfo, t);
	if (PG_ARGISNULL(0))
	{
		SkpiBucketCursorBuf cb;

		skpi_cursor_start(fcinfo, a, what, &cb);
		fcinfo->flinfo->fn_extra = skpi_agg_args_constant(fcinfo, a) ? &args_constant : NULL;
		return make(&cb.cur);
	}
	log = skpi_state_for_update(fcinfo, 0, t);
	if (fcinfo->flinfo->fn_extra != &args_constant)
		skpi_cursor_same_args((const SkpiBucketCursor *) ((const char *) log + cur_off), fcinfo, a, what);
	return log;
}

void *
skpi_log_alloc(const SkpiStateType *t, Size size, Size cur_off, const SkpiBucketCursor *c)
{
	SkpiStateHeader *h = palloc0(size);

	Assert(cur_off + SKPI_CURSOR_SIZE(c->zone_len) <= size);
	SET_VARSIZE(h, size);
	h->version = t->version;
	h->kind = (uint8) t->kind;
	memcpy((char *) h + cur_off, c, SKPI_CURSOR_SIZE(c->zone_len));
	return h;
}

void *
skpi_log_copy(FunctionCallInfo fcinfo, int argno, const SkpiStateType *t)
{
	const SkpiStateHeader *stored = skpi_state_getarg(fcinfo, argno, t);
	void	   *copy = palloc(VARSIZE(stored));

	memcpy(copy, stored, VARSIZE(stored));
	return copy;
}

ArrayType *
skpi_cursor_states(FunctionCallInfo fcinfo, const SkpiBucketCursor *c, const char *what,
				   SkpiBucketState state, const void *log, void *arg)
{
	Datum	   *states = palloc(sizeof(Datum) * c->nbuckets);
	TimestampTz bs = c->from;
	int			b;

	for (b = 0; b < c->nbuckets; b++)
	{
		TimestampTz be = skpi_cursor_edge(c, b + 1);
		SkpiBucketBounds bounds = skpi_bucket_bounds(bs, be, be - bs);

		states[b] = state(log, b, &bounds, arg);
		bs = be;
		if ((b & 0xFF) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	return states_array(fcinfo, states, c->nbuckets, what);
}

/* ---- checks ---- */

bool
skpi_cursor_header_ok(const SkpiBucketCursor *c)
{
	return c->nbuckets >= 1 && c->nbuckets <= SKPI_MAX_BUCKETS && c->k >= 0 && c->k < c->nbuckets &&
		(c->flags & ~(SKPI_CURSOR_SEEN | SKPI_CURSOR_DONE)) == 0;
}

const char *
skpi_cursor_problem(const SkpiBucketCursor *c)
{
	const char *zone = SKPI_CURSOR_ZONE(c);

	if (zone[c->zone_len] != '\0' || strlen(zone) != c->zone_len)
		return "Its time zone is not terminated.";
	if (!IS_VALID_TIMESTAMP(c->from) || !IS_VALID_TIMESTAMP(c->to) || !(c->from < c->to) ||
		!(c->bs <= c->t0 && c->t0 <= c->be && c->bs < c->be && c->be <= c->to && c->bs >= c->from) ||
		((c->flags & SKPI_CURSOR_DONE) && c->t0 != c->to) ||
		((c->flags & SKPI_CURSOR_SEEN) ? !IS_VALID_TIMESTAMP(c->last_at) : c->last_at != 0))
		return "Its position is inconsistent.";
	return NULL;
}

const char *
skpi_cursor_buckets_problem(const SkpiBucketCursor *c, const char *what, SkpiBucketCheck check,
							const void *log)
{
	const char *problem = NULL;
	TimestampTz bs,
				be;
	int			b;

	if (skpi_bucket_count(what, &c->width, c->from, c->to, SKPI_CURSOR_ZONE(c)) != c->nbuckets)
		return "Its number of buckets does not match its width and period.";
	for (b = 0, bs = c->from; problem == NULL && b <= c->k; b++, bs = be)
	{
		be = skpi_cursor_edge(c, b + 1);
		if (b == c->k && (bs != c->bs || be != c->be))
			return "Its current bucket is not where its width puts it.";
		problem = check(log, b, bs, b < c->k || (c->flags & SKPI_CURSOR_DONE) ? be : c->t0);
	}
	return problem;
}

/* ---- text and binary forms ---- */

/*
 * The parameters and the bucket read into cb (width, from, to, zone,
 * zone_len, t0, last_at, flags) checked, nbuckets, k, bs and be set; or
 * the problem.
 */
static const char *
cursor_complete(SkpiBucketCursorBuf *cb, int64 bucket, const char *what)
{
	SkpiBucketCursor *c = &cb->cur;
	const Interval *w = &c->width;

	if (w->month < 0 || w->day < 0 || w->time < 0 || (w->month == 0 && w->day == 0 && w->time == 0))
		return "The width must be positive.";
	if (!IS_VALID_TIMESTAMP(c->from) || !IS_VALID_TIMESTAMP(c->to) || !(c->from < c->to))
		return "from must be a finite time before to.";
	if (c->zone_len == 0 || strlen(cb->zone) != c->zone_len || pg_tzset(cb->zone) == NULL)
		return "The time zone is not a known zone name.";
	c->nbuckets = skpi_bucket_count(what, w, c->from, c->to, cb->zone);
	if (bucket < 0 || bucket >= c->nbuckets)
		return "The bucket is out of range.";
	c->k = (int32) bucket;
	c->bs = skpi_cursor_edge(c, c->k);
	c->be = skpi_cursor_edge(c, c->k + 1);
	return NULL;
}

void
skpi_cursor_text_begin(SkpiCursorTextIn *in, const char *last_key, SkpiBucketCursorBuf *cb)
{
	memset(in, 0, sizeof(*in));
	memset(cb, 0, sizeof(*cb));
	initStringInfo(&in->zone);
	in->last_key = last_key;
	in->cb = cb;
}

bool
skpi_cursor_text_field(TextParser *tp, int key, SkpiCursorTextIn *in)
{
	SkpiBucketCursor *c = &in->cb->cur;

	switch (key)
	{
		case 0:
		case 1:
		case 2:
			return skpi_text_int64(tp, &in->width[key]);
		case 3:
			return skpi_text_timestamp(tp, &c->from, "from must be finite.");
		case 4:
			return skpi_text_timestamp(tp, &c->to, "to must be finite.");
		case 5:
			return skpi_text_string(tp, &in->zone, SKPI_MAX_ZONE_LEN, "A time zone");
		case 6:
			return skpi_text_int64(tp, &in->bucket);
		case 7:
			return skpi_text_timestamp(tp, &c->t0, "credited_to must be finite.");
		case 8:
			in->seen = !skpi_text_null(tp);
			return !in->seen ||
				skpi_text_timestamp(tp, &c->last_at, psprintf("%s must be finite.", in->last_key));
		default:
			return skpi_text_bool(tp, &in->done);
	}
}

bool
skpi_cursor_text_end(TextParser *tp, const char *what, SkpiCursorTextIn *in)
{
	SkpiBucketCursor *c = &in->cb->cur;
	const char *problem;

	if (in->width[0] < 0 || in->width[0] > INT_MAX || in->width[1] < 0 || in->width[1] > INT_MAX ||
		in->width[2] < 0)
		return skpi_text_error(tp, "The width must be positive.");
	c->width.month = (int32) in->width[0];
	c->width.day = (int32) in->width[1];
	c->width.time = in->width[2];
	c->zone_len = (uint8) in->zone.len;
	memcpy(in->cb->zone, in->zone.data, in->zone.len + 1);
	if (!in->seen)
		c->last_at = 0;
	c->flags = (in->seen ? SKPI_CURSOR_SEEN : 0) | (in->done ? SKPI_CURSOR_DONE : 0);
	problem = cursor_complete(in->cb, in->bucket, what);
	return problem == NULL || skpi_text_error(tp, problem);
}

void
skpi_cursor_out(StringInfo buf, const SkpiBucketCursor *c, const char *last_key)
{
	appendStringInfo(buf, ",\"width_months\":%d,\"width_days\":%d,\"width_us\":" INT64_FORMAT ",\"from\":",
					 c->width.month, c->width.day, c->width.time);
	tl_append_timestamp(buf, c->from);
	appendStringInfoString(buf, ",\"to\":");
	tl_append_timestamp(buf, c->to);
	appendStringInfoString(buf, ",\"time_zone\":");
	escape_json(buf, SKPI_CURSOR_ZONE(c));
	appendStringInfo(buf, ",\"bucket\":%d,\"credited_to\":", c->k);
	tl_append_timestamp(buf, c->t0);
	appendStringInfo(buf, ",\"%s\":", last_key);
	if (c->flags & SKPI_CURSOR_SEEN)
		tl_append_timestamp(buf, c->last_at);
	else
		appendStringInfoString(buf, "null");
	appendStringInfo(buf, ",\"done\":%s", (c->flags & SKPI_CURSOR_DONE) ? "true" : "false");
}

void *
skpi_log_input_error(TextParser *tp, const SkpiStateType *t, const char *problem)
{
	if (tp == NULL)
		skpi_state_recv_error(t, "%s", problem);
	skpi_text_error(tp, problem);
	return NULL;
}

void
skpi_cursor_send(StringInfo buf, uint8 kind, const SkpiBucketCursor *c)
{
	pq_sendbyte(buf, kind);
	pq_sendbyte(buf, c->flags);
	pq_sendint32(buf, c->width.month);
	pq_sendint32(buf, c->width.day);
	pq_sendint64(buf, c->width.time);
	pq_sendint64(buf, c->from);
	pq_sendint64(buf, c->to);
	pq_sendbyte(buf, c->zone_len);
	pq_sendbytes(buf, SKPI_CURSOR_ZONE(c), c->zone_len);
	pq_sendint32(buf, c->k);
	pq_sendint64(buf, c->t0);
	pq_sendint64(buf, c->last_at);
}

void
skpi_cursor_recv(StringInfo buf, const SkpiStateType *t, const char *what, SkpiBucketCursorBuf *cb)
{
	SkpiBucketCursor *c = &cb->cur;
	int			kind = pq_getmsgbyte(buf),
				flags = pq_getmsgbyte(buf);
	int32		bucket;
	const char *problem;

	if (kind != t->kind || (flags & ~(SKPI_CURSOR_SEEN | SKPI_CURSOR_DONE)) != 0)
		skpi_state_recv_error(t, "Kind %d and flags %d do not make %s %s.",
							  kind, flags, article(t), t->typname);
	memset(cb, 0, sizeof(*cb));
	c->flags = (uint8) flags;
	c->width.month = pq_getmsgint(buf, 4);
	c->width.day = pq_getmsgint(buf, 4);
	c->width.time = pq_getmsgint64(buf);
	c->from = pq_getmsgint64(buf);
	c->to = pq_getmsgint64(buf);
	c->zone_len = (uint8) pq_getmsgbyte(buf);
	pq_copymsgbytes(buf, cb->zone, c->zone_len);
	cb->zone[c->zone_len] = '\0';
	bucket = pq_getmsgint(buf, 4);
	c->t0 = pq_getmsgint64(buf);
	c->last_at = pq_getmsgint64(buf);
	problem = cursor_complete(cb, bucket, what);
	if (problem)
		skpi_state_recv_error(t, "%s", problem);
}

/* ---- cells ---- */

void
skpi_cells_init(SkpiCells *cells, int width)
{
	cells->width = width;
	cells->n = 0;
	cells->cap = 16;
	cells->v = palloc(sizeof(int64) * width * cells->cap);
}

int64 *
skpi_cells_add(TextParser *tp, SkpiCells *cells, int64 max)
{
	if (cells->n >= max)
	{
		skpi_text_error(tp, "Too many cells.");
		return NULL;
	}
	if (cells->n == cells->cap)
	{
		cells->cap *= 2;
		cells->v = repalloc_huge(cells->v, sizeof(int64) * cells->width * cells->cap);
	}
	return &cells->v[(Size) cells->width * cells->n++];
}

void
skpi_cells_recv(StringInfo buf, const SkpiStateType *t, int width, SkpiCells *cells)
{
	int			n = pq_getmsgint(buf, 4),
				i,
				j;

	if (n < 0 || n > (buf->len - buf->cursor) / (4 * (width - 1) + 8))
		skpi_state_recv_error(t, "%d cells do not fit the value.", n);
	cells->width = width;
	cells->n = cells->cap = n;
	cells->v = palloc(sizeof(int64) * width * Max(n, 1));
	for (i = 0; i < n; i++)
	{
		int64	   *c = &cells->v[(Size) cells->width * i];

		for (j = 0; j < cells->width - 1; j++)
			c[j] = (int32) pq_getmsgint(buf, 4);
		c[j] = pq_getmsgint64(buf);
	}
}
