/*
 * concurrency.c
 *		Chat concurrency: window functions over
 *		an operator's chats, PARTITION BY operator (no order needed).
 *
 *	adjusted_handle_seconds(started_at, ended_at) OVER (PARTITION BY op):
 *		the chat's share of the operator's time: every instant divided among
 *		the chats open then (integral of 1 / c(t) over the chat), so the
 *		adjusted times of an operator's chats add up to the time it had at
 *		least one chat open (its busy time);
 *	max_concurrency(started_at, ended_at) OVER (PARTITION BY op):
 *		the most chats open at once during the chat, itself included.
 *
 * The partition is read once, on its first row: its chats' starts and ends
 * sorted (an end before a start at the same instant: a chat that ends as
 * another begins does not overlap it), one sweep computes the integral F at
 * every event and the count c after it; a chat's adjusted time is F(end) -
 * F(start), its maximum the largest c between its start and its end (a
 * sparse table: O(n log n)).  A chat with a NULL start or end is left out
 * (its result is NULL); an end before its start is an error (22023); a chat
 * of zero length gets 0 s and, as its maximum, itself plus the chats of
 * positive length open at its instant; it counts for no other chat.
 */
#include "postgres.h"

#include "common/int.h"
#include "utils/float.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"
#include "windowapi.h"

#include "compat.h"

typedef struct ConcEvent
{
	TimestampTz at;
	int32		row;			/* partition row */
	int8		delta;			/* -1 end, +1 start (ends sort first) */
} ConcEvent;

typedef struct ConcPartition
{
	bool		done;
	int64		nrows;
	double	   *adjusted;		/* per row, seconds; NaN: NULL */
	int32	   *maxc;			/* per row; -1: NULL */
} ConcPartition;

static int
cmp_events(const void *a, const void *b)
{
	const ConcEvent *x = a,
			   *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	if (x->delta != y->delta)
		return x->delta < y->delta ? -1 : 1;
	return x->row - y->row;
}

static void
conc_compute(WindowObject winobj, ConcPartition *cp)
{
	MemoryContext ctx = GetMemoryChunkContext(cp);
	int64		n = WinGetPartitionRowCount(winobj);
	ConcEvent  *ev = palloc(sizeof(ConcEvent) * Max(2 * n, 1));
	int64	   *start_ix = palloc(sizeof(int64) * Max(n, 1));
	int64	   *end_ix = palloc(sizeof(int64) * Max(n, 1));
	double	   *F;
	int32	   *c;
	int32	  **sparse;
	int			levels = 1;
	int64		m = 0,
				nzero = 0,
				i;
	int64	   *zero_rows = palloc(sizeof(int64) * Max(n, 1));
	TimestampTz *zero_at = palloc(sizeof(TimestampTz) * Max(n, 1));
	int64		dummy;
	int			k;
	int32		open = 0;

	if (n > PG_INT32_MAX / 2)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many chats in one partition")));
	cp->nrows = n;
	cp->adjusted = MemoryContextAlloc(ctx, sizeof(double) * Max(n, 1));
	cp->maxc = MemoryContextAlloc(ctx, sizeof(int32) * Max(n, 1));
	for (i = 0; i < n; i++)
	{
		bool		n1,
					n2,
					out;
		Datum		s = WinGetFuncArgInPartition(winobj, 0, (int) i, WINDOW_SEEK_HEAD, false, &n1, &out);
		Datum		e = WinGetFuncArgInPartition(winobj, 1, (int) i, WINDOW_SEEK_HEAD, false, &n2, &out);

		cp->adjusted[i] = get_float8_nan();
		cp->maxc[i] = -1;
		start_ix[i] = end_ix[i] = -1;
		if (n1 || n2)
			continue;
		if (TIMESTAMP_NOT_FINITE(DatumGetTimestampTz(s)) || TIMESTAMP_NOT_FINITE(DatumGetTimestampTz(e)))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("chat times must be finite")));
		if (DatumGetTimestampTz(e) < DatumGetTimestampTz(s))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("a chat ends before it starts")));
		if (pg_sub_s64_overflow(DatumGetTimestampTz(e), DatumGetTimestampTz(s), &dummy))
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("a chat is too long to measure")));
		if (DatumGetTimestampTz(e) == DatumGetTimestampTz(s))
		{
			/* zero length: no time, no effect on the others; counted after the sweep */
			zero_at[nzero] = DatumGetTimestampTz(s);
			zero_rows[nzero++] = i;
			continue;
		}
		ev[m].at = DatumGetTimestampTz(s);
		ev[m].row = (int32) i;
		ev[m++].delta = 1;
		ev[m].at = DatumGetTimestampTz(e);
		ev[m].row = (int32) i;
		ev[m++].delta = -1;
	}
	qsort(ev, m, sizeof(ConcEvent), cmp_events);
	F = palloc(sizeof(double) * Max(m, 1));
	c = palloc(sizeof(int32) * Max(m, 1));
	for (i = 0; i < m; i++)
	{
		if (i > 0 && open > 0)
			F[i] = F[i - 1] + (double) (ev[i].at - ev[i - 1].at) / USECS_PER_SEC / open;
		else
			F[i] = i > 0 ? F[i - 1] : 0;
		open += ev[i].delta;
		c[i] = open;
		if (ev[i].delta > 0)
			start_ix[ev[i].row] = i;
		else
			end_ix[ev[i].row] = i;
	}
	/* sparse table over c for range maxima */
	while ((INT64CONST(1) << levels) <= m)
		levels++;
	sparse = palloc(sizeof(int32 *) * levels);
	sparse[0] = c;
	for (k = 1; k < levels; k++)
	{
		int64		span = INT64CONST(1) << k;

		sparse[k] = palloc(sizeof(int32) * Max(m, 1));
		for (i = 0; i + span <= m; i++)
			sparse[k][i] = Max(sparse[k - 1][i], sparse[k - 1][i + span / 2]);
	}
	for (i = 0; i < n; i++)
	{
		int64		a = start_ix[i],
					b = end_ix[i];

		if (a < 0)
			continue;			/* NULL, or zero length (below) */
		cp->adjusted[i] = F[b] - F[a];
		/* the counts after its start up to before its end: [a, b - 1] */
		{
			int64		lo = a,
						hi = Max(b - 1, a),
						len = hi - lo + 1;
			int			lv = 0;

			while ((INT64CONST(1) << (lv + 1)) <= len)
				lv++;
			cp->maxc[i] = Max(sparse[lv][lo], sparse[lv][hi - (INT64CONST(1) << lv) + 1]);
		}
	}
	/*
	 * A zero-length chat at t: 0 s, and itself with the chats of positive
	 * length open at t (started at or before t, ending after t): the count
	 * after the last event at or before t (ends sort before starts).
	 */
	for (k = 0; k < nzero; k++)
	{
		int64		row = zero_rows[k];
		TimestampTz t = zero_at[k];
		int64		lo = 0,
					hi = m;		/* first event after t */

		while (lo < hi)
		{
			int64		mid = lo + (hi - lo) / 2;

			if (ev[mid].at <= t)
				lo = mid + 1;
			else
				hi = mid;
		}
		cp->adjusted[row] = 0;
		cp->maxc[row] = (lo > 0 ? c[lo - 1] : 0) + 1;
	}
	cp->done = true;
}

static ConcPartition *
conc_partition(FunctionCallInfo fcinfo)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	ConcPartition *cp = WinGetPartitionLocalMemory(winobj, sizeof(ConcPartition));

	if (!cp->done)
		conc_compute(winobj, cp);
	return cp;
}

PG_FUNCTION_INFO_V1(skpi_adjusted_handle_seconds);
Datum
skpi_adjusted_handle_seconds(PG_FUNCTION_ARGS)
{
	ConcPartition *cp = conc_partition(fcinfo);
	int64		pos = WinGetCurrentPosition(PG_WINDOW_OBJECT());
	double		v = cp->adjusted[pos];

	if (isnan(v))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v);
}

PG_FUNCTION_INFO_V1(skpi_max_concurrency);
Datum
skpi_max_concurrency(PG_FUNCTION_ARGS)
{
	ConcPartition *cp = conc_partition(fcinfo);
	int64		pos = WinGetCurrentPosition(PG_WINDOW_OBJECT());

	if (cp->maxc[pos] < 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32(cp->maxc[pos]);
}
