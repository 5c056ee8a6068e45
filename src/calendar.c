/*
 * calendar.c
 *		Business-hours calendars: the business_calendar type and working-time
 *		durations (business_seconds, business_add, is_business_time).
 *
 * A calendar is a time zone, weekly hours (several intervals per weekday;
 * an interval whose end is not after its start crosses midnight) and dated
 * exceptions (a date or a range of dates with its own hours, or closed: a
 * holiday).  Hours are local wall-clock hours of the zone.
 *
 * Every interval belongs to the local date it starts on (a 22:00-06:00
 * shift belongs to the evening's date); an exception replaces the intervals
 * starting on its dates.  An instant is business time when its local time
 * falls in an interval, half-open [start, end).  business_seconds is the
 * measure of the business instants between two instants.
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
 *
 * Errors: 22P02 syntax, 22023 unknown time zone, 22008 time or date field
 * out of range, 22000 empty, overlapping or repeated hours and dates,
 * 54000 size limits, 22P03 malformed binary input.
 */
#include "postgres.h"

#include <ctype.h>

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "common/int.h"
#include "pgtime.h"
#include "utils/datetime.h"
#include "utils/timestamp.h"

#include "compat.h"
#include "durations.h"
#include "textparse.h"

#define CAL_VERSION 1
#define CAL_MAX_IVS 24			/* intervals per weekday or dated entry */
#define CAL_MAX_EXC 5000		/* dated entries (a date or a range each) */
#define CAL_DAY_SECS SECS_PER_DAY
#define DAY_US USECS_PER_DAY
#define WEEK_US (7 * DAY_US)
/* local day numbers count from Monday 1999-12-27: PostgreSQL date + 5 */
#define MONDAY_SHIFT 5
#define UNIX_TO_PG_SECS ((int64) (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * SECS_PER_DAY)

static const char *const day_names[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

/* one interval, seconds from the start of its day: 0 <= start < 86400,
 * start < end, and an end past midnight ends before the next day's start
 * time (at most 24 hours: 00:00-24:00) */
typedef struct CalIv
{
	int32		start;
	int32		end;
} CalIv;

typedef struct CalExc
{
	int32		first;			/* local day numbers, Monday-based */
	int32		last;
	int32		iv_off;
	int32		niv;			/* 0: closed (a holiday) */
	int64		total;			/* working microseconds of each of its days */
	int64		cum;			/* sum over the entries before it of (their
								 * days' time - the weekly time of those days) */
} CalExc;

typedef struct SkpiCalendar
{
	int32		vl_len_;
	uint8		version;
	uint8		zone_len;
	uint16		week_off[8];	/* weekday d (Mon = 0): iv[week_off[d] ..
								 * week_off[d + 1]) */
	int32		nexc;
	int32		niv;
	int64		week_total;
	int64		week_cum[8];	/* working time of weekdays 0 .. d - 1 */
	CalExc		exc[FLEXIBLE_ARRAY_MEMBER];
	/* then CalIv iv[niv], then char zone[zone_len + 1] */
} SkpiCalendar;

#define CAL_IVS(c) ((CalIv *) ((char *) (c) + offsetof(SkpiCalendar, exc) + \
							   sizeof(CalExc) * (c)->nexc))
#define CAL_ZONE(c) ((char *) (CAL_IVS(c) + (c)->niv))
#define CAL_SIZE(nexc, niv, zlen) (offsetof(SkpiCalendar, exc) + sizeof(CalExc) * (nexc) + \
								   sizeof(CalIv) * (niv) + (zlen) + 1)

PG_FUNCTION_INFO_V1(skpi_calendar_in);
PG_FUNCTION_INFO_V1(skpi_calendar_out);
PG_FUNCTION_INFO_V1(skpi_calendar_recv);
PG_FUNCTION_INFO_V1(skpi_calendar_send);
PG_FUNCTION_INFO_V1(skpi_business_seconds);
PG_FUNCTION_INFO_V1(skpi_business_add);
PG_FUNCTION_INFO_V1(skpi_is_business_time);

/* ---- small helpers ---- */

static inline int64
floor_div(int64 a, int64 b)
{
	int64		q = a / b;

	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

static inline int
weekday_of(int64 mday)
{
	return (int) (mday - floor_div(mday, 7) * 7);
}

static void
format_time(StringInfo buf, int32 secs)
{
	appendStringInfo(buf, "%02d:%02d", secs / 3600, secs / 60 % 60);
	if (secs % 60 != 0)
		appendStringInfo(buf, ":%02d", secs % 60);
}

static void
format_iv(StringInfo buf, const CalIv *iv)
{
	format_time(buf, iv->start);
	appendStringInfoChar(buf, '-');
	format_time(buf, iv->end > CAL_DAY_SECS ? iv->end - CAL_DAY_SECS : iv->end);
}

static void
format_ivs(StringInfo buf, const CalIv *iv, int n)
{
	int			i;

	for (i = 0; i < n; i++)
	{
		if (i > 0)
			appendStringInfoString(buf, ", ");
		format_iv(buf, &iv[i]);
	}
}

/* a PostgreSQL date (days since 2000-01-01) */
static void
format_date(StringInfo buf, int32 date)
{
	int			y,
				m,
				d;

	j2date(date + POSTGRES_EPOCH_JDATE, &y, &m, &d);
	appendStringInfo(buf, "%04d-%02d-%02d", y, m, d);
}

static void
format_dates(StringInfo buf, int32 first, int32 last)
{
	format_date(buf, first);
	if (last != first)
	{
		appendStringInfoString(buf, "..");
		format_date(buf, last);
	}
}

/* ---- the parsed form, shared by text and binary input ---- */

typedef struct CalDayIn
{
	int			niv;
	CalIv		iv[CAL_MAX_IVS];
} CalDayIn;

typedef struct CalExcIn
{
	int32		first;			/* PostgreSQL dates */
	int32		last;
	CalDayIn	hours;
} CalExcIn;

typedef struct CalSpec
{
	char		zone[TZ_STRLEN_MAX + 1];
	CalDayIn	week[7];
	int			nexc;
	int			maxexc;
	CalExcIn   *exc;
} CalSpec;

static CalExcIn *
spec_add_exc(CalSpec *spec)
{
	if (spec->nexc == spec->maxexc)
	{
		spec->maxexc = spec->maxexc ? spec->maxexc * 2 : 16;
		spec->exc = spec->exc ? repalloc(spec->exc, sizeof(CalExcIn) * spec->maxexc)
			: palloc(sizeof(CalExcIn) * spec->maxexc);
	}
	memset(&spec->exc[spec->nexc], 0, sizeof(CalExcIn));
	return &spec->exc[spec->nexc++];
}

static bool
iv_valid(const CalIv *iv)
{
	return iv->start >= 0 && iv->start < CAL_DAY_SECS && iv->end > iv->start &&
		(iv->end <= CAL_DAY_SECS || iv->end - CAL_DAY_SECS < iv->start);
}

/* qsort order of structs that begin with their int32 key (CalIv, CalExcIn) */
StaticAssertDecl(offsetof(CalIv, start) == 0 && offsetof(CalExcIn, first) == 0,
				 "sort keys lead their structs");

static int
leading_int32_cmp(const void *a, const void *b)
{
	int32		x = *(const int32 *) a,
				y = *(const int32 *) b;

	return (x > y) - (x < y);
}

static bool
overlap_error(const char *la, const CalIv *a, const char *lb, const CalIv *b,
			  Node *escontext)
{
	StringInfoData s;

	initStringInfo(&s);
	appendStringInfo(&s, "%s ", la);
	format_iv(&s, a);
	appendStringInfo(&s, " and %s ", lb);
	format_iv(&s, b);
	ereturn(escontext, false,
			(errcode(ERRCODE_DATA_EXCEPTION),
			 errmsg("business hours overlap: %s", s.data),
			 errhint("Hours belong to the day they start on; an interval ending after 24:00 runs into the next day.")));
}

/* sort one day's intervals, reject overlaps, merge touching ones */
static bool
day_normalize(CalDayIn *d, const char *label, Node *escontext)
{
	int			i,
				n = 0;

	qsort(d->iv, d->niv, sizeof(CalIv), leading_int32_cmp);
	for (i = 0; i < d->niv; i++)
	{
		if (n > 0 && d->iv[n - 1].end > d->iv[i].start)
			return overlap_error(label, &d->iv[n - 1], label, &d->iv[i], escontext);
		if (n > 0 && d->iv[n - 1].end == d->iv[i].start)
		{
			CalIv		merged = {d->iv[n - 1].start, d->iv[i].end};

			if (iv_valid(&merged))
			{
				d->iv[n - 1] = merged;
				continue;
			}
		}
		d->iv[n++] = d->iv[i];
	}
	d->niv = n;
	return true;
}

/* the part of day a's last interval after midnight must end by day b's first start */
static bool
check_spill(const CalDayIn *a, const char *la, const CalDayIn *b, const char *lb,
			Node *escontext)
{
	const CalIv *last;

	if (a->niv == 0 || b->niv == 0)
		return true;
	last = &a->iv[a->niv - 1];
	if (last->end > CAL_DAY_SECS && last->end - CAL_DAY_SECS > b->iv[0].start)
		return overlap_error(la, last, lb, &b->iv[0], escontext);
	return true;
}

static bool
same_hours(const CalDayIn *a, const CalDayIn *b)
{
	return a->niv == b->niv && memcmp(a->iv, b->iv, sizeof(CalIv) * a->niv) == 0;
}

static char *
dates_label(int32 first, int32 last)
{
	StringInfoData s;

	initStringInfo(&s);
	format_dates(&s, first, last);
	return s.data;
}

static int64
day_total_us(const CalDayIn *d)
{
	int64		t = 0;
	int			i;

	for (i = 0; i < d->niv; i++)
		t += (int64) (d->iv[i].end - d->iv[i].start) * USECS_PER_SEC;
	return t;
}

/* working time of Monday-based days 0 .. k - 1 of the weekly schedule (k may be negative) */
static inline int64
week_days_sum(const SkpiCalendar *c, int64 k)
{
	int64		w = floor_div(k, 7);

	return w * c->week_total + c->week_cum[k - w * 7];
}

/*
 * Validate a parsed calendar and build the value: the zone must be known,
 * every day's hours sorted without overlap (also across midnight, between
 * weekly and dated hours), dated entries sorted without repeated dates.
 * Returns NULL after a soft error.
 */
static SkpiCalendar *
calendar_build(CalSpec *spec, Node *escontext)
{
	pg_tz	   *tz;
	const char *zone;
	int			zlen,
				d,
				k,
				n,
				niv;
	SkpiCalendar *c;
	CalIv	   *iv;
	int64		cum = 0;

	tz = pg_tzset(spec->zone);
	if (tz == NULL)
		ereturn(escontext, NULL,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("time zone \"%s\" not recognized", spec->zone),
				 errhint("Use a name from pg_timezone_names, such as Europe/Berlin.")));
	if (!pg_tz_acceptable(tz))
		ereturn(escontext, NULL,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("time zone \"%s\" appears to use leap seconds", spec->zone),
				 errdetail("PostgreSQL does not support leap seconds.")));
	{
		/*
		 * POSIX zone strings may have any offset up to 167 hours; the
		 * arithmetic near the ends of the timestamp range assumes real
		 * offsets (at most 26 hours, as every zone of the database).
		 */
		pg_time_t	probe = 946684800;	/* 2000-01-01 */
		pg_time_t	boundary;
		long int	before_off,
					after_off;
		int			before_dst,
					after_dst;
		int			r = pg_next_dst_boundary(&probe, &before_off, &before_dst, &boundary,
											 &after_off, &after_dst, tz);

		if (r < 0 || labs(before_off) > 26 * SECS_PER_HOUR ||
			(r == 1 && labs(after_off) > 26 * SECS_PER_HOUR))
			ereturn(escontext, NULL,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("time zone \"%s\" has a UTC offset beyond 26 hours", spec->zone),
					 errhint("Use a name from pg_timezone_names, such as Europe/Berlin.")));
	}
	zone = pg_get_timezone_name(tz);
	zlen = strlen(zone);

	for (d = 0; d < 7; d++)
		if (!day_normalize(&spec->week[d], day_names[d], escontext))
			return NULL;
	for (d = 0; d < 7; d++)
		if (!check_spill(&spec->week[d], day_names[d], &spec->week[(d + 1) % 7],
						 day_names[(d + 1) % 7], escontext))
			return NULL;

	/* dated entries: sorted, no date twice, adjacent equal entries merged */
	qsort(spec->exc, spec->nexc, sizeof(CalExcIn), leading_int32_cmp);
	n = 0;
	for (k = 0; k < spec->nexc; k++)
	{
		CalExcIn   *e = &spec->exc[k];

		if (!day_normalize(&e->hours, dates_label(e->first, e->last), escontext))
			return NULL;
		if (n > 0 && spec->exc[n - 1].last >= e->first)
		{
			StringInfoData s;

			initStringInfo(&s);
			format_date(&s, e->first);
			ereturn(escontext, NULL,
					(errcode(ERRCODE_DATA_EXCEPTION),
					 errmsg("date %s is given twice in business_calendar", s.data),
					 errdetail("A date appears once, as a holiday or with its own hours; here in %s and in %s.",
							   dates_label(spec->exc[n - 1].first, spec->exc[n - 1].last),
							   dates_label(e->first, e->last))));
		}
		if (n > 0 && spec->exc[n - 1].last + 1 == e->first &&
			same_hours(&spec->exc[n - 1].hours, &e->hours))
		{
			spec->exc[n - 1].last = e->last;
			continue;
		}
		spec->exc[n++] = *e;
	}
	spec->nexc = n;
	for (k = 0; k < n; k++)
	{
		CalExcIn   *e = &spec->exc[k];
		const char *label = dates_label(e->first, e->last);
		bool		prev_dated = (k > 0 && spec->exc[k - 1].last + 1 == e->first);
		bool		next_dated = (k + 1 < n && spec->exc[k + 1].first == e->last + 1);
		int			dprev = weekday_of((int64) e->first - 1 + MONDAY_SHIFT);
		int			dnext = weekday_of((int64) e->last + 1 + MONDAY_SHIFT);

		if (prev_dated)
		{
			if (!check_spill(&spec->exc[k - 1].hours,
							 dates_label(spec->exc[k - 1].first, spec->exc[k - 1].last),
							 &e->hours, label, escontext))
				return NULL;
		}
		else if (!check_spill(&spec->week[dprev], day_names[dprev], &e->hours, label, escontext))
			return NULL;
		if (e->last > e->first &&
			!check_spill(&e->hours, label, &e->hours, label, escontext))
			return NULL;
		if (!next_dated &&
			!check_spill(&e->hours, label, &spec->week[dnext], day_names[dnext], escontext))
			return NULL;
	}

	niv = 0;
	for (d = 0; d < 7; d++)
		niv += spec->week[d].niv;
	for (k = 0; k < n; k++)
		niv += spec->exc[k].hours.niv;

	c = palloc0(CAL_SIZE(n, niv, zlen));
	SET_VARSIZE(c, CAL_SIZE(n, niv, zlen));
	c->version = CAL_VERSION;
	c->zone_len = (uint8) zlen;
	c->nexc = n;
	c->niv = niv;
	iv = CAL_IVS(c);
	niv = 0;
	for (d = 0; d < 7; d++)
	{
		int64		t = day_total_us(&spec->week[d]);

		c->week_off[d] = (uint16) niv;
		memcpy(iv + niv, spec->week[d].iv, sizeof(CalIv) * spec->week[d].niv);
		niv += spec->week[d].niv;
		c->week_cum[d + 1] = c->week_cum[d] + t;
	}
	c->week_off[7] = (uint16) niv;
	c->week_total = c->week_cum[7];
	for (k = 0; k < n; k++)
	{
		CalExcIn   *e = &spec->exc[k];
		CalExc	   *x = &c->exc[k];

		x->first = e->first + MONDAY_SHIFT;
		x->last = e->last + MONDAY_SHIFT;
		x->iv_off = niv;
		x->niv = e->hours.niv;
		x->total = day_total_us(&e->hours);
		x->cum = cum;
		memcpy(iv + niv, e->hours.iv, sizeof(CalIv) * e->hours.niv);
		niv += e->hours.niv;
		cum += ((int64) x->last - x->first + 1) * x->total -
			(week_days_sum(c, (int64) x->last + 1) - week_days_sum(c, x->first));
	}
	memcpy(CAL_ZONE(c), zone, zlen + 1);
	return c;
}

/* ---- text input ---- */

static bool
cal_syntax(TextParser *tp, const char *what)
{
	char		detail[200];

	if (*tp->p == '\0')
		snprintf(detail, sizeof(detail), "%s at the end of the input.", what);
	else
	{
		int			len = pg_mbcliplen(tp->p, strlen(tp->p), 30);

		snprintf(detail, sizeof(detail), "%s at \"%.*s\".", what, len, tp->p);
	}
	return skpi_text_error(tp, detail);
}

static bool
is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool
is_zone_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		c == '/' || c == '_' || c == '-' || c == '+';
}

/* exactly n digits */
static bool
read_digits(TextParser *tp, int n, int *out)
{
	int			v = 0,
				i;

	for (i = 0; i < n; i++)
	{
		if (tp->p[i] < '0' || tp->p[i] > '9')
			return false;
		v = v * 10 + (tp->p[i] - '0');
	}
	tp->p += n;
	*out = v;
	return true;
}

static bool
field_overflow(TextParser *tp, const char *from, const char *what)
{
	ereturn(tp->escontext, false,
			(errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
			 errmsg("%s value out of range: \"%.*s\"", what, (int) (tp->p - from), from),
			 errdetail("In business_calendar \"%s\".", skpi_input_excerpt(tp->input))));
}

/* HH:MM or HH:MM:SS (H:MM also), 00:00 .. 24:00, in seconds */
static bool
parse_time(TextParser *tp, int32 *secs)
{
	const char *from = tp->p;
	int			h,
				m,
				s = 0;

	if (!read_digits(tp, 2, &h) && !read_digits(tp, 1, &h))
		return cal_syntax(tp, "Expected a time such as 09:00");
	if (*tp->p != ':' || (tp->p++, !read_digits(tp, 2, &m)))
	{
		tp->p = from;
		return cal_syntax(tp, "Expected a time such as 09:00");
	}
	if (*tp->p == ':' && tp->p[1] >= '0' && tp->p[1] <= '9')
	{
		tp->p++;
		if (!read_digits(tp, 2, &s))
		{
			tp->p = from;
			return cal_syntax(tp, "Expected a time such as 09:00:30");
		}
	}
	if (m > 59 || s > 59 || h > 24 || (h == 24 && (m != 0 || s != 0)))
		return field_overflow(tp, from, "time");
	*secs = h * 3600 + m * 60 + s;
	return true;
}

static bool
parse_span(TextParser *tp, CalIv *iv)
{
	const char *from = tp->p;
	int32		a,
				b;

	if (!parse_time(tp, &a))
		return false;
	skpi_text_skip_ws(tp);
	if (*tp->p != '-')
		return cal_syntax(tp, "Expected \"-\" and the end time of the business hours");
	tp->p++;
	skpi_text_skip_ws(tp);
	if (!parse_time(tp, &b))
		return false;
	if (a == CAL_DAY_SECS)
		ereturn(tp->escontext, false,
				(errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
				 errmsg("business hours \"%.*s\" start at 24:00", (int) (tp->p - from), from),
				 errhint("24:00 can only end business hours; start at 00:00.")));
	if (a == b)
		ereturn(tp->escontext, false,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("business hours \"%.*s\" are empty", (int) (tp->p - from), from),
				 errhint("An end before the start crosses midnight; write 00:00-24:00 for a whole day.")));
	iv->start = a;
	iv->end = b < a ? b + CAL_DAY_SECS : b;
	return true;
}

static bool
parse_hours(TextParser *tp, CalDayIn *d, const char *label)
{
	for (;;)
	{
		if (d->niv >= CAL_MAX_IVS)
			ereturn(tp->escontext, false,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("too many business hours for %s", label),
					 errdetail("A day has at most %d intervals.", CAL_MAX_IVS)));
		if (!parse_span(tp, &d->iv[d->niv++]))
			return false;
		skpi_text_skip_ws(tp);
		if (*tp->p != ',')
			return true;
		tp->p++;
		skpi_text_skip_ws(tp);
	}
}

/* YYYY-MM-DD, years 0001..9999, as a PostgreSQL date */
static bool
parse_date(TextParser *tp, int32 *date)
{
	const char *from = tp->p;
	int			y,
				m,
				d;

	if (!read_digits(tp, 4, &y) || *tp->p != '-' || (tp->p++, !read_digits(tp, 2, &m)) ||
		*tp->p != '-' || (tp->p++, !read_digits(tp, 2, &d)))
	{
		tp->p = from;
		return cal_syntax(tp, "Expected a date such as 2026-01-01");
	}
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > day_tab[isleap(y)][m - 1])
		return field_overflow(tp, from, "date");
	*date = date2j(y, m, d) - POSTGRES_EPOCH_JDATE;
	return true;
}

static bool
parse_dates(TextParser *tp, int32 *first, int32 *last)
{
	const char *from = tp->p;

	if (!parse_date(tp, first))
		return false;
	*last = *first;
	if (tp->p[0] == '.' && tp->p[1] == '.')
	{
		tp->p += 2;
		if (!parse_date(tp, last))
			return false;
		if (*last < *first)
			ereturn(tp->escontext, false,
					(errcode(ERRCODE_DATA_EXCEPTION),
					 errmsg("date range \"%.*s\" ends before it starts", (int) (tp->p - from), from)));
	}
	return true;
}

static bool
parse_weekday(TextParser *tp, int *day)
{
	const char *from = tp->p;
	int			i;

	while (isalpha((unsigned char) *tp->p))
		tp->p++;
	for (i = 0; i < 7; i++)
		if (tp->p - from == 3 && pg_strncasecmp(from, day_names[i], 3) == 0)
		{
			*day = i;
			return true;
		}
	tp->p = from;
	return cal_syntax(tp, "Expected a weekday (Mon, Tue, Wed, Thu, Fri, Sat, Sun), a date or \"holidays\"");
}

/* Mon-Fri, Sat: sets days[]; a range may wrap (Sun-Thu) */
static bool
parse_days(TextParser *tp, bool *days)
{
	for (;;)
	{
		int			a,
					b,
					i;

		if (!parse_weekday(tp, &a))
			return false;
		b = a;
		skpi_text_skip_ws(tp);
		if (*tp->p == '-')
		{
			tp->p++;
			skpi_text_skip_ws(tp);
			if (!parse_weekday(tp, &b))
				return false;
			skpi_text_skip_ws(tp);
		}
		for (i = a;; i = (i + 1) % 7)
		{
			if (days[i])
				ereturn(tp->escontext, false,
						(errcode(ERRCODE_DATA_EXCEPTION),
						 errmsg("weekday %s is given twice in business_calendar", day_names[i]),
						 errhint("List all the hours of a weekday in one clause: Mon 09:00-13:00, 14:00-18:00.")));
			days[i] = true;
			if (i == b)
				break;
		}
		if (*tp->p != ',')
			return true;
		tp->p++;
		skpi_text_skip_ws(tp);
	}
}

static bool
expect_space(TextParser *tp, const char *what)
{
	if (!is_ws(*tp->p))
		return cal_syntax(tp, what);
	skpi_text_skip_ws(tp);
	return true;
}

static bool
parse_clause(TextParser *tp, CalSpec *spec, bool *week_given)
{
	const char *from = tp->p;

	if (*tp->p >= '0' && *tp->p <= '9')
	{
		/* dated hours: 2026-12-31 09:00-13:00 */
		CalExcIn   *e;

		if (spec->nexc >= CAL_MAX_EXC)
			goto too_many;
		e = spec_add_exc(spec);
		return parse_dates(tp, &e->first, &e->last) &&
			expect_space(tp, "Expected a space and business hours after the date") &&
			parse_hours(tp, &e->hours, dates_label(e->first, e->last));
	}
	while (isalpha((unsigned char) *tp->p))
		tp->p++;
	if (tp->p - from == 8 && pg_strncasecmp(from, "holidays", 8) == 0)
	{
		if (!expect_space(tp, "Expected a space and dates after \"holidays\""))
			return false;
		for (;;)
		{
			CalExcIn   *e;

			if (spec->nexc >= CAL_MAX_EXC)
				goto too_many;
			e = spec_add_exc(spec);
			if (!parse_dates(tp, &e->first, &e->last))
				return false;
			skpi_text_skip_ws(tp);
			if (*tp->p != ',')
				return true;
			tp->p++;
			skpi_text_skip_ws(tp);
		}
	}
	else
	{
		/* weekly hours: Mon-Fri 09:00-18:00 */
		bool		days[7] = {0};
		CalDayIn	hours = {0};
		int			d;

		tp->p = from;
		if (!parse_days(tp, days))
			return false;
		for (d = 0; d < 7; d++)
			if (days[d] && week_given[d])
				ereturn(tp->escontext, false,
						(errcode(ERRCODE_DATA_EXCEPTION),
						 errmsg("weekday %s is given twice in business_calendar", day_names[d]),
						 errhint("List all the hours of a weekday in one clause: Mon 09:00-13:00, 14:00-18:00.")));
		if (tp->p == from || !is_ws(tp->p[-1]))
			return cal_syntax(tp, "Expected a space and business hours after the weekdays");
		if (!parse_hours(tp, &hours, "a weekday"))
			return false;
		for (d = 0; d < 7; d++)
			if (days[d])
			{
				week_given[d] = true;
				spec->week[d] = hours;
			}
		return true;
	}

too_many:
	ereturn(tp->escontext, false,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("too many dates in business_calendar"),
			 errdetail("A calendar has at most %d holidays and dated hours (a date or a range each).",
					   CAL_MAX_EXC)));
}

Datum
skpi_calendar_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	TextParser	tp;
	CalSpec    *spec = palloc0(sizeof(CalSpec));
	bool		week_given[7] = {0};
	const char *z;
	SkpiCalendar *c;

	skpi_text_init(&tp, str, "business_calendar", fcinfo->context);
	skpi_text_skip_ws(&tp);
	z = tp.p;
	while (is_zone_char(*tp.p))
		tp.p++;
	if (tp.p == z)
	{
		cal_syntax(&tp, "Expected a time zone name (such as Europe/Berlin) first");
		PG_RETURN_NULL();
	}
	if (tp.p - z > TZ_STRLEN_MAX)
	{
		tp.p = z;
		cal_syntax(&tp, "The time zone name is too long");
		PG_RETURN_NULL();
	}
	memcpy(spec->zone, z, tp.p - z);
	spec->zone[tp.p - z] = '\0';
	skpi_text_skip_ws(&tp);
	while (*tp.p != '\0')
	{
		if (*tp.p != ';')
		{
			cal_syntax(&tp, "Expected \";\" before the next clause");
			PG_RETURN_NULL();
		}
		tp.p++;
		skpi_text_skip_ws(&tp);
		if (!parse_clause(&tp, spec, week_given))
			PG_RETURN_NULL();
		skpi_text_skip_ws(&tp);
	}
	c = calendar_build(spec, tp.escontext);
	if (c == NULL)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(c);
}

/* ---- stored values ---- */

static void
calendar_check(const SkpiCalendar *c)
{
	int			d;
	bool		ok;

	ok = VARSIZE(c) >= offsetof(SkpiCalendar, exc) && c->version == CAL_VERSION &&
		c->nexc >= 0 && c->nexc <= CAL_MAX_EXC &&
		c->niv >= 0 && c->niv <= CAL_MAX_IVS * (7 + CAL_MAX_EXC) &&
		VARSIZE(c) == CAL_SIZE(c->nexc, c->niv, c->zone_len) && c->week_off[0] == 0;
	for (d = 0; ok && d < 7; d++)
		ok = c->week_off[d] <= c->week_off[d + 1] && c->week_off[d + 1] - c->week_off[d] <= CAL_MAX_IVS;
	ok = ok && c->week_off[7] <= c->niv && CAL_ZONE(c)[c->zone_len] == '\0';
	/* dated entries: sorted, disjoint, their intervals inside the array */
	for (d = 0; ok && d < c->nexc; d++)
	{
		const CalExc *e = &c->exc[d];

		ok = e->first <= e->last && e->niv >= 0 && e->niv <= CAL_MAX_IVS &&
			e->iv_off >= 0 && e->iv_off <= c->niv - e->niv &&
			(d == 0 || e->first > c->exc[d - 1].last);
	}
	if (!ok)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupted business_calendar value")));
}

/*
 * The calendar argument, and its zone.  Per call site (fn_extra) the last
 * detoasted calendar and zone are kept: a calendar stored out of line or
 * compressed is detoasted once while the same value comes again (a constant,
 * or the rows of one queue), and the zone is looked up only when it changes.
 */
typedef struct CalCache
{
	char	   *raw;			/* the argument's bytes, if toasted */
	Size		rawlen;
	SkpiCalendar *cal;			/* its detoasted form */
	pg_tz	   *tz;
	char		zone[TZ_STRLEN_MAX + 1];
} CalCache;

static SkpiCalendar *
calendar_arg(FunctionCallInfo fcinfo, int argno, pg_tz **tz)
{
	struct varlena *raw = (struct varlena *) DatumGetPointer(PG_GETARG_DATUM(argno));
	CalCache   *cache = (CalCache *) fcinfo->flinfo->fn_extra;
	SkpiCalendar *c;

	if (cache == NULL)
	{
		cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(CalCache));
		fcinfo->flinfo->fn_extra = cache;
	}
	if (VARATT_IS_EXTERNAL_ONDISK(raw) || VARATT_IS_COMPRESSED(raw))
	{
		Size		len = VARSIZE_ANY(raw);

		if (cache->raw && cache->rawlen == len && memcmp(cache->raw, raw, len) == 0)
			c = cache->cal;
		else
		{
			SkpiCalendar *d = (SkpiCalendar *) PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));

			calendar_check(d);
			if (cache->raw)
			{
				pfree(cache->raw);
				pfree(cache->cal);
			}
			cache->raw = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, len);
			memcpy(cache->raw, raw, len);
			cache->rawlen = len;
			cache->cal = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, VARSIZE(d));
			memcpy(cache->cal, d, VARSIZE(d));
			c = cache->cal;
		}
	}
	else
	{
		c = (SkpiCalendar *) PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));
		calendar_check(c);
	}
	if (cache->tz == NULL || strcmp(cache->zone, CAL_ZONE(c)) != 0)
	{
		pg_tz	   *z = pg_tzset(CAL_ZONE(c));

		if (z == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("time zone \"%s\" not recognized", CAL_ZONE(c))));
		cache->tz = z;
		strcpy(cache->zone, CAL_ZONE(c));
	}
	*tz = cache->tz;
	return c;
}

/* ---- text output ---- */

/* weekdays as runs, Mon first unless a run wraps past Sunday (Sun-Thu) */
static void
format_days(StringInfo buf, const bool *days)
{
	int			start = -1,
				i;
	bool		any = false;

	for (i = 6; i >= 0 && start < 0; i--)
		if (!days[i])
			start = i;
	if (start < 0)
	{
		appendStringInfoString(buf, "Mon-Sun");
		return;
	}
	for (i = 1; i <= 7; i++)
	{
		int			d = (start + i) % 7,
					e;

		if (!days[d] || (i > 1 && days[(d + 6) % 7]))
			continue;
		e = d;
		while (days[(e + 1) % 7] && (e + 1) % 7 != start)
			e = (e + 1) % 7;
		appendStringInfo(buf, "%s%s", any ? ", " : "", day_names[d]);
		if (e != d)
			appendStringInfo(buf, "-%s", day_names[e]);
		any = true;
	}
}

Datum
skpi_calendar_out(PG_FUNCTION_ARGS)
{
	SkpiCalendar *c = (SkpiCalendar *) PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	CalIv	   *iv;
	StringInfoData buf;
	bool		done[7] = {0};
	bool		any_holiday = false;
	int			d,
				k;

	calendar_check(c);
	iv = CAL_IVS(c);
	initStringInfo(&buf);
	appendStringInfoString(&buf, CAL_ZONE(c));
	for (d = 0; d < 7; d++)
	{
		int			n = c->week_off[d + 1] - c->week_off[d];
		bool		days[7] = {0};
		int			e;

		if (done[d] || n == 0)
			continue;
		for (e = d; e < 7; e++)
			if (c->week_off[e + 1] - c->week_off[e] == n &&
				memcmp(iv + c->week_off[e], iv + c->week_off[d], sizeof(CalIv) * n) == 0)
				days[e] = done[e] = true;
		appendStringInfoString(&buf, "; ");
		format_days(&buf, days);
		appendStringInfoChar(&buf, ' ');
		format_ivs(&buf, iv + c->week_off[d], n);
	}
	for (k = 0; k < c->nexc; k++)
	{
		if (c->exc[k].niv == 0)
		{
			any_holiday = true;
			continue;
		}
		appendStringInfoString(&buf, "; ");
		format_dates(&buf, c->exc[k].first - MONDAY_SHIFT, c->exc[k].last - MONDAY_SHIFT);
		appendStringInfoChar(&buf, ' ');
		format_ivs(&buf, iv + c->exc[k].iv_off, c->exc[k].niv);
	}
	if (any_holiday)
	{
		const char *sep = "; holidays ";

		for (k = 0; k < c->nexc; k++)
			if (c->exc[k].niv == 0)
			{
				appendStringInfoString(&buf, sep);
				format_dates(&buf, c->exc[k].first - MONDAY_SHIFT, c->exc[k].last - MONDAY_SHIFT);
				sep = ", ";
			}
	}
	PG_RETURN_CSTRING(buf.data);
}

/*
 * ---- binary I/O ----
 * uint8 version; uint8 zone length, zone bytes; 7 x (uint8 n, n x (int32
 * start, int32 end)), weekdays from Monday; int32 number of dated entries,
 * each int32 first date, int32 last date (PostgreSQL dates), uint8 n, n x
 * (int32 start, int32 end).  Times are seconds from the start of the day;
 * an end past 86400 runs into the next day.
 */

static void
recv_error(const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid business_calendar: %s", what)));
}

static void
recv_day(StringInfo buf, CalDayIn *d)
{
	int			n = pq_getmsgbyte(buf),
				i;

	if (n > CAL_MAX_IVS)
		recv_error("too many intervals in a day");
	for (i = 0; i < n; i++)
	{
		d->iv[i].start = (int32) pq_getmsgint(buf, 4);
		d->iv[i].end = (int32) pq_getmsgint(buf, 4);
		if (!iv_valid(&d->iv[i]))
			recv_error("business hours out of range");
	}
	d->niv = n;
}

Datum
skpi_calendar_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	CalSpec    *spec = palloc0(sizeof(CalSpec));
	int			version,
				zlen,
				nexc,
				i;
	const int32 min_date = date2j(1, 1, 1) - POSTGRES_EPOCH_JDATE;
	const int32 max_date = date2j(9999, 12, 31) - POSTGRES_EPOCH_JDATE;
	SkpiCalendar *c;

	version = pq_getmsgbyte(buf);
	if (version != CAL_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported business_calendar format version %d", version),
				 errdetail("This version of support_kpi reads format version %d.", CAL_VERSION)));
	zlen = pq_getmsgbyte(buf);
	pq_copymsgbytes(buf, spec->zone, zlen);
	spec->zone[zlen] = '\0';
	for (i = 0; i < zlen; i++)
		if (!is_zone_char(spec->zone[i]))
			recv_error("invalid character in the time zone name");
	if (zlen == 0)
		recv_error("empty time zone name");
	for (i = 0; i < 7; i++)
		recv_day(buf, &spec->week[i]);
	nexc = pq_getmsgint(buf, 4);
	if (nexc < 0 || nexc > CAL_MAX_EXC)
		recv_error("too many dates");
	for (i = 0; i < nexc; i++)
	{
		CalExcIn   *e = spec_add_exc(spec);

		e->first = (int32) pq_getmsgint(buf, 4);
		e->last = (int32) pq_getmsgint(buf, 4);
		if (e->first < min_date || e->last > max_date || e->first > e->last)
			recv_error("date out of range");
		recv_day(buf, &e->hours);
	}
	if (buf->cursor != buf->len)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid business_calendar: %d unexpected bytes at the end",
						buf->len - buf->cursor)));
	c = calendar_build(spec, NULL);
	PG_RETURN_POINTER(c);
}

static void
send_ivs(StringInfo buf, const CalIv *iv, int n)
{
	int			i;

	pq_sendbyte(buf, (uint8) n);
	for (i = 0; i < n; i++)
	{
		pq_sendint32(buf, iv[i].start);
		pq_sendint32(buf, iv[i].end);
	}
}

Datum
skpi_calendar_send(PG_FUNCTION_ARGS)
{
	SkpiCalendar *c = (SkpiCalendar *) PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	CalIv	   *iv;
	StringInfoData buf;
	int			d,
				k;

	calendar_check(c);
	iv = CAL_IVS(c);
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, c->version);
	pq_sendbyte(&buf, c->zone_len);
	pq_sendbytes(&buf, CAL_ZONE(c), c->zone_len);
	for (d = 0; d < 7; d++)
		send_ivs(&buf, iv + c->week_off[d], c->week_off[d + 1] - c->week_off[d]);
	pq_sendint32(&buf, c->nexc);
	for (k = 0; k < c->nexc; k++)
	{
		pq_sendint32(&buf, c->exc[k].first - MONDAY_SHIFT);
		pq_sendint32(&buf, c->exc[k].last - MONDAY_SHIFT);
		send_ivs(&buf, iv + c->exc[k].iv_off, c->exc[k].niv);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

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
	/* smallest m in [m_lo, m_hi] with m * DAY_US >= hi or P(m * DAY_US) >= v */
	bad = m_lo - 1;
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
	SkpiCalendar *c = calendar_arg(fcinfo, 0, &tz);
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
	SkpiCalendar *c = calendar_arg(fcinfo, 0, &tz);
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
	SkpiCalendar *c = calendar_arg(fcinfo, 0, &tz);
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
