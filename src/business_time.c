/*
 * business_time.c
 *		Working time of a business_calendar (calendar.h): business_seconds,
 *		business_add, is_business_time.
 *
 * Speed: local time x (microseconds) has a cumulative working time P(x),
 * computed in O(log exceptions) by arithmetic: whole days by weeks and a
 * per-weekday prefix sum, corrected by the prefix sum of the exceptions'
 * differences (binary search), plus the two partial days around x.  Between
 * two UTC offset changes local time is the instant plus a constant, so the
 * working time of a range is the sum over its DST segments of P(end) -
 * P(start): O(DST transitions in the range + 1) evaluations of P.  Nothing
 * loops over days or minutes.  business_add inverts P by arithmetic
 * (working_inverse, O(log exceptions)), or walks the intervals for a short
 * addition; a call site with a constant calendar keeps the zone's segments
 * (see skpi_business_add), so its cost does not grow with the time added.
 */
#include "postgres.h"

#include "fmgr.h"
#include "miscadmin.h"
#include "common/int.h"
#include "pgtime.h"
#include "utils/timestamp.h"

#include "compat.h"
#include "calendar.h"
#include "durations.h"

#define UNIX_TO_PG_SECS ((int64) (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * SECS_PER_DAY)

PG_FUNCTION_INFO_V1(skpi_business_seconds);
PG_FUNCTION_INFO_V1(skpi_business_add);
PG_FUNCTION_INFO_V1(skpi_is_business_time);

/*
 * ---- working time on the local time line ----
 * Local time x: microseconds since Monday 1999-12-27 00:00 local; day m
 * covers [m * DAY_US, (m + 1) * DAY_US).  A day's intervals lie within
 * [m * DAY_US, (m + 2) * DAY_US).
 */

/* number of dated entries starting on or before day m */
static int
exc_upper(const SkpiCalendar *c, int64 m)
{
	int			lo = 0,
				hi = c->nexc;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (c->exc[mid].first <= m)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* exc_upper(c, m) from k = exc_upper(c, m') for a day m' >= m a few days later */
static inline int
exc_upper_back(const SkpiCalendar *c, int k, int64 m)
{
	while (k > 0 && c->exc[k - 1].first > m)
		k--;
	return k;
}

/* day m's intervals, k = exc_upper(c, m) */
static inline const CalIv *
day_ivs_k(const SkpiCalendar *c, int64 m, int k, int *n)
{
	int			d;

	if (k > 0 && c->exc[k - 1].last >= m)
	{
		*n = c->exc[k - 1].niv;
		return CAL_IVS(c) + c->exc[k - 1].iv_off;
	}
	d = weekday_of(m);
	*n = c->week_off[d + 1] - c->week_off[d];
	return CAL_IVS(c) + c->week_off[d];
}

static const CalIv *
day_ivs(const SkpiCalendar *c, int64 m, int *n)
{
	return day_ivs_k(c, m, exc_upper(c, m), n);
}

/* working time of the days before day n (relative to day 0: negative before it), k = exc_upper(c, n - 1) */
static inline int64
full_days_k(const SkpiCalendar *c, int64 n, int k)
{
	const CalExc *e;
	int64		last;

	if (k == 0)
		return week_days_sum(c, n);
	e = &c->exc[k - 1];
	last = Min((int64) e->last, n - 1);
	return week_days_sum(c, n) + e->cum + (last - e->first + 1) * e->total -
		(week_days_sum(c, last + 1) - week_days_sum(c, e->first));
}

/* working time of day m's intervals before x, k = exc_upper(c, m) */
static inline int64
day_part_k(const SkpiCalendar *c, int64 m, int k, int64 x)
{
	int			n,
				i;
	const CalIv *iv = day_ivs_k(c, m, k, &n);
	int64		base = m * DAY_US,
				t = 0;

	/* without a branch on x (random): an interval after x adds nothing */
	for (i = 0; i < n; i++)
	{
		int64		a = base + (int64) iv[i].start * USECS_PER_SEC;
		int64		b = base + (int64) iv[i].end * USECS_PER_SEC;
		int64		part = Min(x, b) - a;

		t += part > 0 ? part : 0;
	}
	return t;
}

/* P(x): working time before local time x (relative to day 0); one search of the dated entries */
static int64
working_before(const SkpiCalendar *c, int64 x)
{
	int64		m = floor_div(x, DAY_US);
	int			k0 = exc_upper(c, m),
				k1 = exc_upper_back(c, k0, m - 1),
				k2 = exc_upper_back(c, k1, m - 2);

	return full_days_k(c, m - 1, k2) + day_part_k(c, m - 1, k1, x) + day_part_k(c, m, k0, x);
}

static bool
is_working(const SkpiCalendar *c, int64 x)
{
	int64		m = floor_div(x, DAY_US),
				day;

	for (day = m - 1; day <= m; day++)
	{
		int			n,
					i;
		const CalIv *iv = day_ivs(c, day, &n);
		int64		base = day * DAY_US;

		for (i = 0; i < n; i++)
			if (x >= base + (int64) iv[i].start * USECS_PER_SEC &&
				x < base + (int64) iv[i].end * USECS_PER_SEC)
				return true;
	}
	return false;
}

/*
 * The smallest local time y with P(y) >= v, given that there is one in the
 * timestamp range (callers know P(hi) >= v for a local time hi in it) and
 * that P(x) < v for some x: the day d whose intervals reach v is the last
 * one with F(d) < v, F(d) = full_days(c, d) the working time before day d
 * (P at day d's first interval: a day's spill past midnight ends before the
 * next day's first interval).  F is the weekly sum W(d) = week_days_sum(c,
 * d) plus a constant between two dated entries and grows by the entry's
 * daily total within one, so d comes by arithmetic: O(log dated entries).
 */
static int64
working_inverse(const SkpiCalendar *c, int64 v)
{
	int			lo = 0,
				hi = c->nexc,
				n,
				i;
	int64		d,
				base,
				shift = 0;
	const CalIv *iv;

	/* k = lo - 1: the last dated entry with F(first) < v (-1: none) */
	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (week_days_sum(c, c->exc[mid].first) + c->exc[mid].cum < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0)
	{
		const CalExc *e = &c->exc[lo - 1];
		int64		f_first = week_days_sum(c, e->first) + e->cum;
		int64		days = (int64) e->last - e->first + 1;

		/* F after the entry: the weekly sum shifted by the entries' differences */
		shift = e->cum + days * e->total -
			(week_days_sum(c, (int64) e->last + 1) - week_days_sum(c, e->first));
		if (e->total > 0 && f_first + days * e->total >= v)
		{
			/* a day of the entry */
			d = e->first + (v - f_first - 1) / e->total;
			base = f_first + (d - e->first) * e->total;
			iv = CAL_IVS(c) + e->iv_off;
			n = e->niv;
			goto walk;
		}
	}
	/* the last day of the weekly schedule with W(d) < v - shift */
	if (c->week_total <= 0)
		elog(ERROR, "business_add: no working time where the calendar's sums put it");
	{
		int64		u = v - shift - 1;
		int64		w = floor_div(u, c->week_total);
		int64		r = u - w * c->week_total;
		int			j = 0;

		/* the last weekday j with week_cum[j] <= r (nondecreasing; week_cum[0] = 0) */
		for (i = 1; i < 7; i++)
			j += c->week_cum[i] <= r;
		d = w * 7 + j;
		base = w * c->week_total + c->week_cum[j] + shift;
		iv = CAL_IVS(c) + c->week_off[j];
		n = c->week_off[j + 1] - c->week_off[j];
	}
walk:
	for (i = 0; i < n; i++)
	{
		int64		len = (int64) (iv[i].end - iv[i].start) * USECS_PER_SEC;

		if (base + len >= v)
			return d * DAY_US + (int64) iv[i].start * USECS_PER_SEC + (v - base);
		base += len;
	}
	elog(ERROR, "business_add: no working time where the calendar's sums put it");
	return 0;					/* keep compiler quiet */
}

/*
 * A short addition (callers try it for up to a week's hours): the smallest
 * local time y <= lim with P(y) - P(lt) = rem (> 0), by walking the
 * intervals from lt (clipped to start there) over the next WALK_DAYS days;
 * false if it is not reached by then or by lim.  The same y as
 * working_inverse(P(lt) + rem) when that is <= lim, without evaluating P.
 * spills: does an interval of the calendar run past midnight (else the day
 * before lt's has no working time at or after lt)?
 */
#define WALK_DAYS 7

static bool
working_walk(const SkpiCalendar *c, bool spills, int64 lt, int64 rem, int64 lim, int64 *y)
{
	int64		m = floor_div(lt, DAY_US),
				day = spills ? m - 1 : m;
	int			k = exc_upper(c, day);

	for (; day <= m + WALK_DAYS; day++)
	{
		int			n,
					i;
		const CalIv *iv;
		int64		base = day * DAY_US;

		while (k < c->nexc && c->exc[k].first <= day)
			k++;
		iv = day_ivs_k(c, day, k, &n);
		for (i = 0; i < n; i++)
		{
			int64		a = Max(lt, base + (int64) iv[i].start * USECS_PER_SEC);
			int64		b = base + (int64) iv[i].end * USECS_PER_SEC;

			if (b <= a)
				continue;
			if (b - a >= rem)
			{
				*y = a + rem;
				return *y <= lim;
			}
			if (b >= lim)
				return false;
			rem -= b - a;
		}
	}
	return false;
}

/*
 * The UTC offset (microseconds) at instant t, and the next instant at which
 * it may change (false: none within the timestamp range).
 */
static bool
zone_segment(pg_tz *tz, TimestampTz t, int64 *off, TimestampTz *next)
{
	pg_time_t	sec = floor_div(t, USECS_PER_SEC) + UNIX_TO_PG_SECS,
				boundary;
	long int	before_off,
				after_off;
	int			before_dst,
				after_dst,
				r;

	r = pg_next_dst_boundary(&sec, &before_off, &before_dst, &boundary,
							 &after_off, &after_dst, tz);
	if (r < 0)
		elog(ERROR, "could not find the time zone transitions of \"%s\"",
			 pg_get_timezone_name(tz));
	if (r == 0)
	{
		/*
		 * Exactly on a transition that the zone's rules repeat every 400
		 * years, pg_next_dst_boundary reports "no further transition": ask
		 * again one second later (the offset is the same there).
		 */
		pg_time_t	sec2 = sec + 1;
		pg_time_t	boundary2;
		long int	before2,
					after2;
		int			bdst2,
					adst2;

		if (pg_next_dst_boundary(&sec2, &before2, &bdst2, &boundary2,
								 &after2, &adst2, tz) == 1 && boundary2 > sec)
		{
			r = 1;
			before_off = before2;
			boundary = boundary2;
		}
	}
	*off = (int64) before_off * USECS_PER_SEC;
	if (r == 0 || boundary - UNIX_TO_PG_SECS >= END_TIMESTAMP / USECS_PER_SEC)
		return false;
	*next = (boundary - UNIX_TO_PG_SECS) * USECS_PER_SEC;
	return true;
}

static inline int64
local_time(TimestampTz t, int64 off)
{
	return t + off + MONDAY_SHIFT * DAY_US;
}

static void
check_finite(TimestampTz t, const char *what)
{
	if (TIMESTAMP_NOT_FINITE(t))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("%s must be a finite timestamp", what)));
}

/* working microseconds in [s, e), s <= e */
static int64
working_between(const SkpiCalendar *c, pg_tz *tz, TimestampTz s, TimestampTz e)
{
	int64		total = 0;

	while (s < e)
	{
		int64		off,
					part;
		TimestampTz next,
					seg_end;

		seg_end = (zone_segment(tz, s, &off, &next) && next < e) ? next : e;
		/* only ranges of about 292 000 years of working time overflow */
		if (pg_sub_s64_overflow(working_before(c, local_time(seg_end, off)),
								working_before(c, local_time(s, off)), &part) ||
			pg_add_s64_overflow(total, part, &total))
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("business_seconds result is out of range")));
		s = seg_end;
	}
	return total;
}

Datum
skpi_business_seconds(PG_FUNCTION_ARGS)
{
	pg_tz	   *tz;
	SkpiCalendar *c = skpi_calendar_arg(fcinfo, 0, &tz);
	TimestampTz s = PG_GETARG_TIMESTAMPTZ(1);
	TimestampTz e = PG_GETARG_TIMESTAMPTZ(2);

	check_finite(s, "start");
	check_finite(e, "end");
	if (s <= e)
		PG_RETURN_FLOAT8(SKPI_US_TO_SECONDS(working_between(c, tz, s, e)));
	/* negated as an integer: an empty reversed range is 0, not -0 */
	PG_RETURN_FLOAT8(SKPI_US_TO_SECONDS(-working_between(c, tz, e, s)));
}

Datum
skpi_is_business_time(PG_FUNCTION_ARGS)
{
	pg_tz	   *tz;
	SkpiCalendar *c = skpi_calendar_arg(fcinfo, 0, &tz);
	TimestampTz t = PG_GETARG_TIMESTAMPTZ(1);
	int64		off;
	TimestampTz next;

	check_finite(t, "at");
	(void) zone_segment(tz, t, &off, &next);
	PG_RETURN_BOOL(is_working(c, local_time(t, off)));
}

static void
never_reached(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
			 errmsg("business_add result is out of range"),
			 errdetail("The calendar does not have that much working time before the end of the timestamp range.")));
}

/*
 * business_add walks the zone's segments (constant UTC offset) from the
 * start.  In segment j = [b_j, b_j+1) with offset o_j, local time is the
 * instant + o_j; the working time from s to an instant y of segment j is
 *	 P(y + o_j) - P(s + o_j0) - (C_j - C_j0),
 * where C_j sums over the segments' starts b_i (i <= j) c_i = P(b_i + o_i) -
 * P(b_i + o_i-1): the working time of the local hours that a transition
 * skips (negative: that it repeats; 0 unless the calendar works at the hour
 * of the change).  So the answer is in the first segment j with
 *	 Q_j = P(b_j+1 + o_j) - C_j >= P(s + o_j0) + seconds - C_j0,
 * at the local time working_inverse(P(s + o_j0) + seconds - C_j0 + C_j).
 * The walk of segment after segment (zone_segment, two evaluations of P
 * each) gives the same instants; a call site whose calendar is kept
 * (skpi_calendar_arg_site) keeps the segments met, with C_j and Q_j, in a
 * table (extra), and finds the start's segment and the answer's by binary
 * search: no cost grows with the time added while the table holds the
 * segments (SEG_MAX, over a thousand years of DST changes), and the walk
 * takes over after it.
 */
#define SEG_MAX 2048			/* segments a table holds */
#define SEG_AHEAD 64			/* segments walked to reach a start past the table, at first */
#define SEG_AHEAD_MAX 512		/* ... doubled at each reset, up to this (about 256 years of DST) */

typedef struct ZoneSeg
{
	TimestampTz start;			/* b_j (the first: possibly not a transition) */
	int64		off;			/* o_j */
	int64		cum;			/* C_j, from the first segment's (0) */
	int64		q;				/* Q_j */
} ZoneSeg;

typedef struct ZoneTable
{
	int			n;
	int			max;
	int			ahead;			/* segments walked before a reset (SEG_AHEAD, doubled at each) */
	bool		spills;			/* an interval of the calendar runs past midnight */
	bool		open;			/* no transition after the last segment's start */
	TimestampTz end;			/* else the end of the last segment */
	ZoneSeg		seg[FLEXIBLE_ARRAY_MEMBER];
} ZoneTable;

/* local end of segment j: of its last instant before b_j+1, or of the timestamp range */
static inline int64
seg_local_end(const ZoneTable *zt, int j)
{
	TimestampTz e = j + 1 < zt->n ? zt->seg[j + 1].start :
		(zt->open ? END_TIMESTAMP - 1 : zt->end);

	return local_time(e, zt->seg[j].off);
}

/* the table, reset to the one segment of instant t */
static ZoneTable *
seg_reset(FunctionCallInfo fcinfo, void **extra, const SkpiCalendar *c, pg_tz *tz, TimestampTz t)
{
	ZoneTable  *zt = (ZoneTable *) *extra;
	int64		off;
	TimestampTz next;

	if (zt == NULL)
	{
		const CalIv *iv = CAL_IVS(c);
		int			i;

		zt = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, offsetof(ZoneTable, seg) + 16 * sizeof(ZoneSeg));
		zt->max = 16;
		zt->ahead = SEG_AHEAD;
		zt->spills = false;
		for (i = 0; i < c->niv; i++)
			zt->spills |= iv[i].end > CAL_DAY_SECS;
		*extra = zt;
	}
	zt->open = !zone_segment(tz, t, &off, &next);
	zt->end = next;
	zt->n = 1;
	zt->seg[0].start = t;
	zt->seg[0].off = off;
	zt->seg[0].cum = 0;
	zt->seg[0].q = working_before(c, seg_local_end(zt, 0));
	return zt;
}

/* one more segment at the end; false if the table is full or the zone has no more */
static bool
seg_extend(FunctionCallInfo fcinfo, void **extra, const SkpiCalendar *c, pg_tz *tz)
{
	ZoneTable  *zt = (ZoneTable *) *extra;
	ZoneSeg    *prev,
			   *sg;
	int64		off;
	TimestampTz next,
				b = zt->end;

	if (zt->open || zt->n >= SEG_MAX)
		return false;
	if (zt->n == zt->max)
	{
		zt->max *= 2;
		zt = repalloc(zt, offsetof(ZoneTable, seg) + zt->max * sizeof(ZoneSeg));
		*extra = zt;
	}
	CHECK_FOR_INTERRUPTS();
	zt->open = !zone_segment(tz, b, &off, &next);
	zt->end = next;
	prev = &zt->seg[zt->n - 1];
	sg = &zt->seg[zt->n++];
	sg->start = b;
	sg->off = off;
	sg->cum = prev->cum + working_before(c, local_time(b, off)) -
		working_before(c, local_time(b, prev->off));
	sg->q = working_before(c, seg_local_end(zt, zt->n - 1)) - sg->cum;
	return true;
}

/*
 * The segment of instant t in the table, which is extended or reset to hold
 * it; -1 if it cannot (the zone's transitions end before t).
 */
static int
seg_find(FunctionCallInfo fcinfo, void **extra, const SkpiCalendar *c, pg_tz *tz, TimestampTz t)
{
	ZoneTable  *zt = (ZoneTable *) *extra;
	int			lo,
				n,
				steps = 0;

	if (zt == NULL)
		zt = seg_reset(fcinfo, extra, c, tz, t);
	else if (t < zt->seg[0].start)
	{
		/*
		 * A start before the table: the table starts again there and, within
		 * the budget, reaches the old table's start too, so that starts in
		 * two clusters far apart (placeholder dates beside current data)
		 * share one table instead of resetting it at every row.
		 */
		TimestampTz old_start = zt->seg[0].start;

		zt->ahead = Min(zt->ahead * 2, SEG_AHEAD_MAX);
		zt = seg_reset(fcinfo, extra, c, tz, t);
		while (!zt->open && zt->end <= old_start && steps < zt->ahead &&
			   seg_extend(fcinfo, extra, c, tz))
		{
			zt = (ZoneTable *) *extra;
			steps++;
		}
		zt = (ZoneTable *) *extra;
		steps = 0;
	}
	while (!zt->open && t >= zt->end)
	{
		if (++steps > zt->ahead || !seg_extend(fcinfo, extra, c, tz))
		{
			zt->ahead = Min(zt->ahead * 2, SEG_AHEAD_MAX);
			zt = seg_reset(fcinfo, extra, c, tz, t);
			break;
		}
		zt = (ZoneTable *) *extra;
	}
	/* the last segment starting at or before t (without branches: t is random) */
	lo = 0;
	n = zt->n;
	while (n > 1)
	{
		int			half = n / 2;

		lo = zt->seg[lo + half].start <= t ? lo + half : lo;
		n -= half;
	}
	return lo;
}

Datum
skpi_business_add(PG_FUNCTION_ARGS)
{
	pg_tz	   *tz;
	void	  **extra;
	SkpiCalendar *c = skpi_calendar_arg_site(fcinfo, 0, &tz, &extra);
	TimestampTz t = PG_GETARG_TIMESTAMPTZ(1);
	int64		rem = skpi_seconds_us(PG_GETARG_FLOAT8(2), "business time");
	/* with no weekly hours, nothing is worked after the last dated entry */
	int64		horizon = c->nexc > 0 ? ((int64) c->exc[c->nexc - 1].last + 2) * DAY_US : PG_INT64_MIN;

	check_finite(t, "start");
	if (rem == 0)
		PG_RETURN_TIMESTAMPTZ(t);
	if (extra != NULL)
	{
		ZoneTable  *zt;
		int			j = seg_find(fcinfo, extra, c, tz, t),
					lo,
					len;
		int64		lt,
					target,
					y;

		zt = (ZoneTable *) *extra;
		lt = local_time(t, zt->seg[j].off);
		if (c->week_total == 0 && lt >= horizon)
			never_reached();
		if (rem <= Max(c->week_total, DAY_US) && working_walk(c, zt->spills, lt, rem, seg_local_end(zt, j), &y))
			PG_RETURN_TIMESTAMPTZ(y - zt->seg[j].off - MONDAY_SHIFT * DAY_US);
		if (pg_add_s64_overflow(working_before(c, lt), rem, &target) ||
			pg_sub_s64_overflow(target, zt->seg[j].cum, &target))
			never_reached();
		/* the first segment from j with Q >= target, extending the table */
		while (zt->seg[zt->n - 1].q < target)
		{
			if (!seg_extend(fcinfo, extra, c, tz))
				break;
			zt = (ZoneTable *) *extra;
		}
		if (zt->seg[zt->n - 1].q >= target)
		{
			TimestampTz r;

			/* without branches, as in seg_find: the answer is in [lo, lo + len) */
			lo = j;
			len = zt->n - j;
			while (len > 1)
			{
				int			half = len / 2;

				lo = zt->seg[lo + half - 1].q < target ? lo + half : lo;
				len -= half;
			}
			r = working_inverse(c, target + zt->seg[lo].cum) - zt->seg[lo].off - MONDAY_SHIFT * DAY_US;
			if (!IS_VALID_TIMESTAMP(r))
				never_reached();
			PG_RETURN_TIMESTAMPTZ(r);
		}
		if (zt->open)
			never_reached();
		/* the table is full: walk on from its end */
		/* what is left: target - Q, Q being the time up to the table's end plus the same constant */
		rem = target - zt->seg[zt->n - 1].q;
		t = zt->end;
	}
	for (;;)
	{
		int64		off,
					lo,
					target,
					whi,
					y;
		TimestampTz next;
		bool		more = zone_segment(tz, t, &off, &next);
		int64		hi = local_time(more ? next : END_TIMESTAMP - 1, off);

		CHECK_FOR_INTERRUPTS();
		lo = local_time(t, off);
		if (c->week_total == 0 && lo >= horizon)
			never_reached();
		if (rem <= Max(c->week_total, DAY_US) && working_walk(c, true, lo, rem, hi, &y))
			PG_RETURN_TIMESTAMPTZ(y - off - MONDAY_SHIFT * DAY_US);
		if (pg_add_s64_overflow(working_before(c, lo), rem, &target))
			never_reached();
		whi = working_before(c, hi);
		if (whi >= target)
		{
			TimestampTz r = working_inverse(c, target) - off - MONDAY_SHIFT * DAY_US;

			if (!IS_VALID_TIMESTAMP(r))
				never_reached();
			PG_RETURN_TIMESTAMPTZ(r);
		}
		if (!more)
			never_reached();
		rem -= whi - working_before(c, lo);
		t = next;
	}
}
