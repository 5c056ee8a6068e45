/*
 * agent_time_agg.c
 *		agent_time(at, status, width, from, to [, time_zone] ORDER BY at):
 *		an operator's status log split exactly at bucket edges, one closed
 *		agent_time_state per bucket of [from, to), as an array.
 *
 * WORK IN PROGRESS (issue 18): the transition state is still internal; it
 * becomes the concrete type agent_time_builder (an expanded object with a
 * text and binary form) before this ships.
 *
 * Rules: the status of the last row before a bucket is carried into it
 * (rows before `from` only set the status carried into the first bucket);
 * time before the first known status is unknown (status NULL); the last
 * status runs to `to` (now() for a live view); every bucket is present, those
 * without a row filled with the status in force; rows at or after `to` are
 * ignored.  Rows must come in time order (ORDER BY at in the call, or an
 * input sorted by operator and time): a row earlier than the one before is
 * an error.  Rows at the same instant: the later in the aggregate's order
 * stays in force (give a total order: ORDER BY at, id).  A row with a NULL at
 * or status is skipped.  Bucket edges are from + k * width, computed in the
 * time zone (the session's by default) when width has days or months: a day
 * bucket across a DST change is 23 or 25 hours; month k of a start on the
 * 31st is the month's last day.
 */
#include "postgres.h"

#include <limits.h>

#include "catalog/pg_type.h"
#include "common/int.h"
#include "pgtime.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/lsyscache.h"
#include "utils/timestamp.h"

#include "agent_time.h"

#define AT_MAX_BUCKETS 1000000

typedef struct AtBuilder
{
	/* parameters */
	Interval	width;
	TimestampTz from,
				to;
	pg_tz	   *tz;
	struct pg_tm from_tm;		/* from in tz (days / months widths) */
	fsec_t		from_fsec;

	/* position */
	int64		k;				/* current bucket */
	TimestampTz bs,
				be;				/* its bounds (be clipped to to) */
	TimestampTz t0;				/* time credited up to */
	TimestampTz last_at;
	bool		seen;
	bool		done;			/* past to */
	int			status;			/* name index, -1 unknown */

	/* interned status names */
	int			nnames,
				capnames;
	char	  **names;
	int		   *namelens;

	/* the open bucket: microseconds per status (index + 1; 0: unknown) */
	int64	   *acc;
	int			capacc;

	/* closed buckets */
	Datum	   *closed;
	int			nclosed,
				capclosed;
} AtBuilder;

static TimestampTz
edge(AtBuilder *b, int64 k)
{
	TimestampTz t;

	if (b->width.month != 0 || b->width.day != 0)
	{
		struct pg_tm tm = b->from_tm;
		int			tz_off;
		int64		months = (int64) b->width.month * k;
		int64		days = (int64) b->width.day * k;
		int			julian;

		if (months != 0)
		{
			int64		m = (int64) tm.tm_year * MONTHS_PER_YEAR + (tm.tm_mon - 1) + months;

			if (m < 0 || m > (int64) 300000 * MONTHS_PER_YEAR)
				goto out_of_range;
			tm.tm_year = (int) (m / MONTHS_PER_YEAR);
			tm.tm_mon = (int) (m % MONTHS_PER_YEAR) + 1;
			if (tm.tm_mday > day_tab[isleap(tm.tm_year)][tm.tm_mon - 1])
				tm.tm_mday = day_tab[isleap(tm.tm_year)][tm.tm_mon - 1];
		}
		if (days != 0)
		{
			int64		j = (int64) date2j(tm.tm_year, tm.tm_mon, tm.tm_mday) + days;

			if (j < 0 || j > INT_MAX / 2)
				goto out_of_range;
			julian = (int) j;
			j2date(julian, &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
		}
		tz_off = DetermineTimeZoneOffset(&tm, b->tz);
		if (tm2timestamp(&tm, b->from_fsec, &tz_off, &t) != 0)
			goto out_of_range;
	}
	else
		t = b->from;
	{
		int64		add;

		if (pg_mul_s64_overflow(b->width.time, k, &add) ||
			pg_add_s64_overflow(t, add, &t))
			goto out_of_range;
	}
	return t;

out_of_range:
	ereport(ERROR,
			(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
			 errmsg("timestamp out of range")));
	return 0;
}

static void
close_bucket(AtBuilder *b)
{
	AtItem	   *items = palloc(sizeof(AtItem) * (b->nnames + 1));
	int			n = 0,
				i;
	AgentTimeState *st;

	for (i = 0; i <= b->nnames; i++)
		if (b->acc[i] > 0)
		{
			items[n].plan = NULL;
			items[n].status = i == 0 ? NULL : b->names[i - 1];
			items[n].us = b->acc[i];
			n++;
		}
	st = skpi_agent_time_build(items, n, b->bs, b->be, b->be - b->bs, true);
	pfree(items);
	if (b->nclosed == b->capclosed)
	{
		b->capclosed *= 2;
		b->closed = repalloc(b->closed, sizeof(Datum) * b->capclosed);
	}
	b->closed[b->nclosed++] = PointerGetDatum(st);
	memset(b->acc, 0, sizeof(int64) * (b->nnames + 1));
}

/* credit the status in force up to t (clipped to to), closing buckets on the way */
static void
advance(AtBuilder *b, TimestampTz t)
{
	if (b->done)
		return;
	if (t > b->to)
		t = b->to;
	while (t >= b->be)
	{
		b->acc[b->status + 1] += b->be - b->t0;
		close_bucket(b);
		if (b->be >= b->to)
		{
			b->done = true;
			return;
		}
		if (++b->k >= AT_MAX_BUCKETS)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("agent_time would give more than %d buckets", AT_MAX_BUCKETS),
					 errhint("Use a wider bucket or a shorter period.")));
		b->bs = b->t0 = b->be;
		b->be = Min(edge(b, b->k + 1), b->to);
		if (b->be <= b->bs)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("agent_time bucket width must move time forward")));
	}
	if (t > b->t0)
	{
		b->acc[b->status + 1] += t - b->t0;
		b->t0 = t;
	}
}

static int
intern(AtBuilder *b, const char *s, int len)
{
	int			i;

	for (i = 0; i < b->nnames; i++)
		if (b->namelens[i] == len && memcmp(b->names[i], s, len) == 0)
			return i;
	if (len > AT_MAX_NAME_LEN)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("status name too long for agent_time"),
				 errdetail("A name has %d bytes; the limit is %d.", len, AT_MAX_NAME_LEN)));
	if (memchr(s, '\0', len))
		ereport(ERROR,
				(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
				 errmsg("status name contains a zero byte")));
	if (b->nnames >= AT_MAX_NAMES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("more than %d distinct statuses for agent_time", AT_MAX_NAMES)));
	if (b->nnames == b->capnames)
	{
		b->capnames *= 2;
		b->names = repalloc(b->names, sizeof(char *) * b->capnames);
		b->namelens = repalloc(b->namelens, sizeof(int) * b->capnames);
		b->acc = repalloc(b->acc, sizeof(int64) * (b->capnames + 1));
		memset(b->acc + b->nnames + 1, 0, sizeof(int64) * (b->capnames - b->nnames));
	}
	b->names[b->nnames] = pnstrdup(s, len);
	b->namelens[b->nnames] = len;
	return b->nnames++;
}

static AtBuilder *
builder_new(FunctionCallInfo fcinfo, MemoryContext agg)
{
	MemoryContext old = MemoryContextSwitchTo(agg);
	AtBuilder  *b = palloc0(sizeof(AtBuilder));
	Interval   *w;
	int			i;

	for (i = 3; i <= 5 && i < PG_NARGS(); i++)
		if (PG_ARGISNULL(i))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("agent_time %s must not be null",
							i == 3 ? "width" : i == 4 ? "from" : "to")));
	if (PG_NARGS() > 6 && PG_ARGISNULL(6))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("agent_time time zone must not be null")));
	w = PG_GETARG_INTERVAL_P(3);
	b->width = *w;
	b->from = PG_GETARG_TIMESTAMPTZ(4);
	b->to = PG_GETARG_TIMESTAMPTZ(5);
	if (w->month < 0 || w->day < 0 || w->time < 0 ||
		(w->month == 0 && w->day == 0 && w->time == 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("agent_time width must be positive, not %s",
						DatumGetCString(DirectFunctionCall1(interval_out, IntervalPGetDatum(w))))));
	if (TIMESTAMP_NOT_FINITE(b->from) || TIMESTAMP_NOT_FINITE(b->to) || b->from >= b->to)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("agent_time needs a finite from before a finite to")));
	if (PG_NARGS() > 6)
	{
		char	   *zone = text_to_cstring(PG_GETARG_TEXT_PP(6));

		b->tz = pg_tzset(zone);
		if (b->tz == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("time zone \"%s\" not recognized", zone)));
	}
	else
		b->tz = session_timezone;
	if (b->width.month != 0 || b->width.day != 0)
	{
		int			tz_off;

		if (timestamp2tm(b->from, &tz_off, &b->from_tm, &b->from_fsec, NULL, b->tz) != 0)
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("timestamp out of range")));
	}
	b->capnames = 8;
	b->names = palloc(sizeof(char *) * b->capnames);
	b->namelens = palloc(sizeof(int) * b->capnames);
	b->acc = palloc0(sizeof(int64) * (b->capnames + 1));
	b->capclosed = 16;
	b->closed = palloc(sizeof(Datum) * b->capclosed);
	b->status = -1;
	b->k = 0;
	b->bs = b->t0 = b->from;
	b->be = Min(edge(b, 1), b->to);
	if (b->be <= b->bs)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("agent_time bucket width must move time forward")));
	MemoryContextSwitchTo(old);
	return b;
}

PG_FUNCTION_INFO_V1(skpi_agent_time_accum);
Datum
skpi_agent_time_accum(PG_FUNCTION_ARGS)
{
	MemoryContext agg,
				old;
	AtBuilder  *b;
	TimestampTz at;
	text	   *status;

	if (!AggCheckCallContext(fcinfo, &agg))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("agent_time transition function called in non-aggregate context")));
	b = PG_ARGISNULL(0) ? builder_new(fcinfo, agg) : (AtBuilder *) PG_GETARG_POINTER(0);
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_POINTER(b);
	at = PG_GETARG_TIMESTAMPTZ(1);
	if (TIMESTAMP_NOT_FINITE(at))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("agent_time needs finite event times")));
	if (b->seen && at < b->last_at)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("agent_time rows out of time order"),
				 errdetail("A row at an earlier time follows one at a later time."),
				 errhint("Write agent_time(... ORDER BY at), or feed rows sorted by operator and time.")));
	b->seen = true;
	b->last_at = at;
	if (b->done || at >= b->to)
		PG_RETURN_POINTER(b);
	status = PG_GETARG_TEXT_PP(2);
	old = MemoryContextSwitchTo(agg);
	if (at > b->from)
		advance(b, at);
	b->status = intern(b, VARDATA_ANY(status), VARSIZE_ANY_EXHDR(status));
	MemoryContextSwitchTo(old);
	PG_RETURN_POINTER(b);
}

PG_FUNCTION_INFO_V1(skpi_agent_time_final);
Datum
skpi_agent_time_final(PG_FUNCTION_ARGS)
{
	AtBuilder  *b;
	AtBuilder	c;
	ArrayType  *result;
	Oid			elemtype;
	int16		typlen;
	bool		typbyval;
	char		typalign;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "agent_time final function called in non-aggregate context");
	b = (AtBuilder *) PG_GETARG_POINTER(0);
	/*
	 * Close the remaining buckets on a copy: the final function leaves the
	 * state as it found it (it may run again on the same state in a window).
	 */
	c = *b;
	c.acc = palloc(sizeof(int64) * (c.capnames + 1));
	memcpy(c.acc, b->acc, sizeof(int64) * (c.capnames + 1));
	c.closed = palloc(sizeof(Datum) * c.capclosed);
	memcpy(c.closed, b->closed, sizeof(Datum) * c.nclosed);
	advance(&c, c.to);
	b = &c;
	elemtype = get_fn_expr_rettype(fcinfo->flinfo);
	elemtype = get_element_type(elemtype);
	if (!OidIsValid(elemtype))
		elog(ERROR, "agent_time must return an array");
	get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
	result = construct_array(b->closed, b->nclosed, elemtype, typlen, typbyval, typalign);
	PG_RETURN_ARRAYTYPE_P(result);
}
