/*
 * calendar.h
 *		The business_calendar type: its stored form and its parsed form,
 *		shared by calendar.c (building and validating a calendar, text output,
 *		binary I/O, the calendar argument of SQL functions), calendar_parse.c
 *		(the text form's reader) and business_time.c (working time:
 *		business_seconds, business_add, is_business_time).
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
 * Errors: 22P02 syntax, 22023 unknown time zone, 22008 time or date field
 * out of range, 22000 empty, overlapping or repeated hours and dates,
 * 54000 size limits, 22P03 malformed binary input.
 */
#ifndef SKPI_CALENDAR_H
#define SKPI_CALENDAR_H

#include "postgres.h"

#include "datatype/timestamp.h"
#include "fmgr.h"
#include "pgtime.h"

#define CAL_VERSION 1
#define CAL_MAX_IVS 24			/* intervals per weekday or dated entry */
#define CAL_MAX_EXC 5000		/* dated entries (a date or a range each) */
#define CAL_DAY_SECS SECS_PER_DAY
#define DAY_US USECS_PER_DAY
/* local day numbers count from Monday 1999-12-27: PostgreSQL date + 5 */
#define MONDAY_SHIFT 5

/* weekday names, Monday first, in the text form and in messages */
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

/* working time of Monday-based days 0 .. k - 1 of the weekly schedule (k may be negative) */
static inline int64
week_days_sum(const SkpiCalendar *c, int64 k)
{
	int64		w = floor_div(k, 7);

	return w * c->week_total + c->week_cum[k - w * 7];
}

/* the characters of a time zone name in the text and binary forms */
static inline bool
is_zone_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		c == '/' || c == '_' || c == '-' || c == '+';
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

/* calendar.c: a new, zeroed dated entry of the parsed form */
extern CalExcIn *skpi_calendar_spec_add_exc(CalSpec *spec);
/* "2026-12-24" or "2026-12-24..2026-12-26" (PostgreSQL dates), palloc'd */
extern char *skpi_calendar_dates_label(int32 first, int32 last);
/* the value of a parsed calendar, validated; NULL after a soft error */
extern SkpiCalendar *skpi_calendar_build(CalSpec *spec, Node *escontext);
/* argument argno of a SQL function as a checked calendar, and its zone */
extern SkpiCalendar *skpi_calendar_arg(FunctionCallInfo fcinfo, int argno, pg_tz **tz);
/*
 * The same; *extra is a slot of the call site for data derived from the
 * calendar and its zone (NULL until set; one palloc'd chunk in fn_mcxt,
 * pfree'd when the calendar changes), or NULL when the calendar is not kept
 * from call to call (a plain value that may change on every row).
 */
extern SkpiCalendar *skpi_calendar_arg_site(FunctionCallInfo fcinfo, int argno, pg_tz **tz,
											void ***extra);

#endif							/* SKPI_CALENDAR_H */
