/*
 * calendar.c
 *		The business_calendar type: building a calendar from its parsed form
 *		(validation), the stored value's checks, text output and binary I/O.
 *		The text form's reader is calendar_parse.c; working time
 *		(business_seconds, business_add, is_business_time) is business_time.c;
 *		calendar.h describes the model and the stored form.
 */
#include "postgres.h"

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "nodes/primnodes.h"
#include "pgtime.h"
#include "utils/datetime.h"

#include "compat.h"
#include "calendar.h"
#include "state.h"

PG_FUNCTION_INFO_V1(skpi_business_calendar_out);
PG_FUNCTION_INFO_V1(skpi_business_calendar_recv);
PG_FUNCTION_INFO_V1(skpi_business_calendar_send);

/* ---- formatting ---- */

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

/* ---- the parsed form (calendar.h): validation, building the value ---- */

CalExcIn *
skpi_calendar_spec_add_exc(CalSpec *spec)
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

char *
skpi_calendar_dates_label(int32 first, int32 last)
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

/*
 * Validate a parsed calendar and build the value: the zone must be known,
 * every day's hours sorted without overlap (also across midnight, between
 * weekly and dated hours), dated entries sorted without repeated dates.
 * Returns NULL after a soft error.
 */
SkpiCalendar *
skpi_calendar_build(CalSpec *spec, Node *escontext)
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

		if (!day_normalize(&e->hours, skpi_calendar_dates_label(e->first, e->last), escontext))
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
							   skpi_calendar_dates_label(spec->exc[n - 1].first, spec->exc[n - 1].last),
							   skpi_calendar_dates_label(e->first, e->last))));
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
		const char *label = skpi_calendar_dates_label(e->first, e->last);
		bool		prev_dated = (k > 0 && spec->exc[k - 1].last + 1 == e->first);
		bool		next_dated = (k + 1 < n && spec->exc[k + 1].first == e->last + 1);
		int			dprev = weekday_of((int64) e->first - 1 + MONDAY_SHIFT);
		int			dnext = weekday_of((int64) e->last + 1 + MONDAY_SHIFT);

		if (prev_dated)
		{
			if (!check_spill(&spec->exc[k - 1].hours,
							 skpi_calendar_dates_label(spec->exc[k - 1].first, spec->exc[k - 1].last),
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
 * detoasted calendar and zone are kept: a calendar that is a constant of the
 * query is detoasted and checked on the first call only, a
 * calendar stored out of line or compressed once while the same value comes
 * again (the rows of one queue), and the zone is looked up only when it
 * changes.  extra: business_time.c's tables of the kept calendar and zone
 * (one palloc'd chunk in fn_mcxt, freed here when the calendar changes).
 */
typedef struct CalCache
{
	bool		seen;			/* called before */
	bool		constant;		/* cal is the argument of every call */
	char	   *raw;			/* the argument's bytes, if toasted */
	Size		rawlen;
	SkpiCalendar *cal;			/* its detoasted form */
	pg_tz	   *tz;
	void	   *extra;
	char		zone[TZ_STRLEN_MAX + 1];
} CalCache;

/* keep a copy of the checked calendar d as the cached one */
static void
cache_keep(FunctionCallInfo fcinfo, CalCache *cache, const SkpiCalendar *d)
{
	if (cache->cal)
		pfree(cache->cal);
	if (cache->extra)
		pfree(cache->extra);
	cache->extra = NULL;
	cache->cal = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, VARSIZE(d));
	memcpy(cache->cal, d, VARSIZE(d));
}

/*
 * Is argument argno a constant of the query (a Const in the call's
 * expression)?  Not get_fn_expr_arg_stable: PL/pgSQL evaluates a simple
 * expression again and again, with new values of its variables, through
 * the same call site, where they are external Params.
 */
static bool
arg_is_const(FmgrInfo *flinfo, int argno)
{
	List	   *args;

	if (flinfo->fn_expr == NULL || !IsA(flinfo->fn_expr, FuncExpr))
		return false;
	args = ((FuncExpr *) flinfo->fn_expr)->args;
	return argno < list_length(args) && IsA(list_nth(args, argno), Const);
}

SkpiCalendar *
skpi_calendar_arg_site(FunctionCallInfo fcinfo, int argno, pg_tz **tz, void ***extra)
{
	struct varlena *raw = (struct varlena *) DatumGetPointer(PG_GETARG_DATUM(argno));
	CalCache   *cache = (CalCache *) fcinfo->flinfo->fn_extra;
	SkpiCalendar *c;
	bool		kept = true,
				constant = false;

	if (likely(cache != NULL && cache->constant))
	{
		*tz = cache->tz;
		*extra = &cache->extra;
		return cache->cal;
	}
	if (cache == NULL)
	{
		cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(CalCache));
		fcinfo->flinfo->fn_extra = cache;
	}
	if (!cache->seen && arg_is_const(fcinfo->flinfo, argno))
	{
		SkpiCalendar *d = (SkpiCalendar *) PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));

		calendar_check(d);
		cache_keep(fcinfo, cache, d);
		constant = true;
		c = cache->cal;
	}
	else if (VARATT_IS_EXTERNAL_ONDISK(raw) || VARATT_IS_COMPRESSED(raw))
	{
		Size		len = VARSIZE_ANY(raw);

		if (cache->raw && cache->rawlen == len && memcmp(cache->raw, raw, len) == 0)
			c = cache->cal;
		else
		{
			SkpiCalendar *d = (SkpiCalendar *) PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));

			calendar_check(d);
			if (cache->raw)
				pfree(cache->raw);
			cache->raw = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, len);
			memcpy(cache->raw, raw, len);
			cache->rawlen = len;
			cache_keep(fcinfo, cache, d);
			c = cache->cal;
		}
	}
	else
	{
		c = (SkpiCalendar *) PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));
		calendar_check(c);
		kept = false;
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
	/* only now: the fast path above returns cache->tz (never NULL then) */
	cache->seen = true;
	cache->constant = constant;
	*tz = cache->tz;
	*extra = kept ? &cache->extra : NULL;
	return c;
}

SkpiCalendar *
skpi_calendar_arg(FunctionCallInfo fcinfo, int argno, pg_tz **tz)
{
	void	  **extra;

	return skpi_calendar_arg_site(fcinfo, argno, tz, &extra);
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
skpi_business_calendar_out(PG_FUNCTION_ARGS)
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

#define recv_error(detail) skpi_recv_error("business_calendar", "%s", (detail))

static void
recv_day(StringInfo buf, CalDayIn *d)
{
	int			n = pq_getmsgbyte(buf),
				i;

	if (n > CAL_MAX_IVS)
		recv_error("Too many intervals in a day.");
	for (i = 0; i < n; i++)
	{
		d->iv[i].start = (int32) pq_getmsgint(buf, 4);
		d->iv[i].end = (int32) pq_getmsgint(buf, 4);
		if (!iv_valid(&d->iv[i]))
			recv_error("Business hours out of range.");
	}
	d->niv = n;
}

Datum
skpi_business_calendar_recv(PG_FUNCTION_ARGS)
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
				 errmsg("unsupported %s format version %d", "business_calendar", version),
				 errdetail("This version of support_kpi reads format version %d.", CAL_VERSION)));
	zlen = pq_getmsgbyte(buf);
	pq_copymsgbytes(buf, spec->zone, zlen);
	spec->zone[zlen] = '\0';
	for (i = 0; i < zlen; i++)
		if (!is_zone_char(spec->zone[i]))
			recv_error("Invalid character in the time zone name.");
	if (zlen == 0)
		recv_error("Empty time zone name.");
	for (i = 0; i < 7; i++)
		recv_day(buf, &spec->week[i]);
	nexc = pq_getmsgint(buf, 4);
	if (nexc < 0 || nexc > CAL_MAX_EXC)
		recv_error("Too many dates.");
	for (i = 0; i < nexc; i++)
	{
		CalExcIn   *e = skpi_calendar_spec_add_exc(spec);

		e->first = (int32) pq_getmsgint(buf, 4);
		e->last = (int32) pq_getmsgint(buf, 4);
		if (e->first < min_date || e->last > max_date || e->first > e->last)
			recv_error("Date out of range.");
		recv_day(buf, &e->hours);
	}
	if (buf->cursor != buf->len)
		skpi_recv_error("business_calendar", "%d unexpected bytes at the end.", buf->len - buf->cursor);
	c = skpi_calendar_build(spec, NULL);
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
skpi_business_calendar_send(PG_FUNCTION_ARGS)
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

