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
 * loops over days or minutes.  business_add inverts P by galloping over
 * days, O(log days) evaluations.
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

static const CalIv *
day_ivs(const SkpiCalendar *c, int64 m, int *n)
{
	int			k = exc_upper(c, m);
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

/* working time of the days before day n (relative to day 0: negative before it) */
static int64
full_days(const SkpiCalendar *c, int64 n)
{
	int			k = exc_upper(c, n - 1);
	const CalExc *e;
	int64		last;

	if (k == 0)
		return week_days_sum(c, n);
	e = &c->exc[k - 1];
	last = Min((int64) e->last, n - 1);
	return week_days_sum(c, n) + e->cum + (last - e->first + 1) * e->total -
		(week_days_sum(c, last + 1) - week_days_sum(c, e->first));
}

/* working time of day m's intervals before x */
static int64
day_part(const SkpiCalendar *c, int64 m, int64 x)
{
	int			n,
				i;
	const CalIv *iv = day_ivs(c, m, &n);
	int64		base = m * DAY_US,
				t = 0;

	for (i = 0; i < n; i++)
	{
		int64		a = base + (int64) iv[i].start * USECS_PER_SEC;
		int64		b = base + (int64) iv[i].end * USECS_PER_SEC;

		if (x <= a)
			break;
		t += Min(x, b) - a;
	}
	return t;
}

/* P(x): working time before local time x (relative to day 0) */
static int64
working_before(const SkpiCalendar *c, int64 x)
{
	int64		m = floor_div(x, DAY_US);

	return full_days(c, m - 1) + day_part(c, m - 1, x) + day_part(c, m, x);
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
 * The smallest local time y in [lo, hi] with P(y) >= v, given P(lo) <= v;
 * false if P(hi) < v.  Gallops over day boundaries, then walks the pieces of
 * the day found (the previous day's spill, then its own intervals).
 */
static bool
working_until(const SkpiCalendar *c, int64 v, int64 lo, int64 hi, int64 *y)
{
	int64		m_lo = floor_div(lo, DAY_US) + 1,
				m_hi = floor_div(hi, DAY_US) + 1,
				good,
				bad,
				step = 1,
				wlo,
				whi,
				base,
				day;

	if (working_before(c, lo) >= v)
	{
		*y = lo;
		return true;
	}
	if (working_before(c, hi) < v)
		return false;
	/*
	 * Smallest m in [m_lo, m_hi] with m * DAY_US >= hi or P(m * DAY_US) >= v:
	 * "bad" days have P < v (m_lo - 1 is one: P(lo) < v), "good" ones not.
	 * The weekly hours give a first guess of the day (P grows by week_total
	 * a week, dated entries aside), so the gallop starts near the answer and
	 * its cost does not grow with the time added.
	 */
	bad = m_lo - 1;
	if (c->week_total > 0)
	{
		int64		need = v - working_before(c, lo);
		int64		guess;

		/* a week and a day short of it: P(guess) < v unless holidays give more time */
		guess = (need / c->week_total) * 7 - 8;
		if (guess > 0 && guess < m_hi - m_lo)
		{
			int64		m = m_lo + guess;

			if (working_before(c, m * DAY_US) < v)
				bad = m;
			else
			{
				/* dated entries added time: gallop down to a bad day from the guess */
				good = m;
				for (;;)
				{
					int64		b = Max(good - step, m_lo - 1);

					if (b == m_lo - 1 || working_before(c, b * DAY_US) < v)
					{
						bad = b;
						break;
					}
					good = b;
					step *= 2;
				}
				goto bisect;
			}
		}
	}
	for (;;)
	{
		int64		m = Min(bad + step, m_hi);

		if (m == m_hi || working_before(c, m * DAY_US) >= v)
		{
			good = m;
			break;
		}
		bad = m;
		step *= 2;
	}
bisect:
	while (good - bad > 1)
	{
		int64		m = bad + (good - bad) / 2;

		if (working_before(c, m * DAY_US) >= v)
			good = m;
		else
			bad = m;
	}
	wlo = Max(lo, (good - 1) * DAY_US);
	whi = Min(hi, good * DAY_US);
	base = working_before(c, wlo);
	for (day = good - 2; day <= good - 1; day++)
	{
		int			n,
					i;
		const CalIv *iv = day_ivs(c, day, &n);

		for (i = 0; i < n; i++)
		{
			int64		a = Max(wlo, day * DAY_US + (int64) iv[i].start * USECS_PER_SEC);
			int64		b = Min(whi, day * DAY_US + (int64) iv[i].end * USECS_PER_SEC);

			if (b <= a)
				continue;
			if (base + (b - a) >= v)
			{
				*y = a + (v - base);
				return true;
			}
			base += b - a;
		}
	}
	*y = whi;
	return true;
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

Datum
skpi_business_add(PG_FUNCTION_ARGS)
{
	pg_tz	   *tz;
	SkpiCalendar *c = skpi_calendar_arg(fcinfo, 0, &tz);
	TimestampTz t = PG_GETARG_TIMESTAMPTZ(1);
	int64		rem = skpi_seconds_us(PG_GETARG_FLOAT8(2), "business time");
	/* with no weekly hours, nothing is worked after the last dated entry */
	int64		horizon = c->nexc > 0 ? ((int64) c->exc[c->nexc - 1].last + 2) * DAY_US : PG_INT64_MIN;

	check_finite(t, "start");
	for (;;)
	{
		int64		off,
					lo,
					y,
					target;
		TimestampTz next;
		bool		more = zone_segment(tz, t, &off, &next);
		int64		hi = local_time(more ? next : END_TIMESTAMP - 1, off);

		CHECK_FOR_INTERRUPTS();
		lo = local_time(t, off);
		if (c->week_total == 0 && lo >= horizon && rem > 0)
			never_reached();
		if (pg_add_s64_overflow(working_before(c, lo), rem, &target))
			never_reached();
		if (working_until(c, target, lo, hi, &y))
		{
			TimestampTz r = y - off - MONDAY_SHIFT * DAY_US;

			if (!IS_VALID_TIMESTAMP(r))
				never_reached();
			PG_RETURN_TIMESTAMPTZ(r);
		}
		if (!more)
			never_reached();
		rem -= working_before(c, hi) - working_before(c, lo);
		t = next;
	}
}
