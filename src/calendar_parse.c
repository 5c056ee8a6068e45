/*
 * calendar_parse.c
 *		The text form of business_calendar: a time zone, then clauses separated
 *		by ";" (weekly hours "Mon-Fri 09:00-18:00", dated hours "2026-12-31
 *		09:00-13:00", "holidays 2026-12-25, 2026-12-31..2027-01-01").  The
 *		clauses become the parsed form (calendar.h) that calendar.c validates
 *		and builds.
 */
#include "postgres.h"

#include <ctype.h>

#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "utils/datetime.h"

#include "compat.h"
#include "calendar.h"
#include "textparse.h"

PG_FUNCTION_INFO_V1(skpi_business_calendar_in);

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

/*
 * After an item of a comma-separated list: true, and the cursor on the next
 * item, if a comma follows.
 */
static bool
next_item(TextParser *tp)
{
	if (!skpi_text_accept(tp, ','))
		return false;
	skpi_text_skip_ws(tp);
	return true;
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
		if (!next_item(tp))
			return true;
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
		if (!next_item(tp))
			return true;
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
		e = skpi_calendar_spec_add_exc(spec);
		return parse_dates(tp, &e->first, &e->last) &&
			expect_space(tp, "Expected a space and business hours after the date") &&
			parse_hours(tp, &e->hours, skpi_calendar_dates_label(e->first, e->last));
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
			e = skpi_calendar_spec_add_exc(spec);
			if (!parse_dates(tp, &e->first, &e->last))
				return false;
			if (!next_item(tp))
				return true;
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
skpi_business_calendar_in(PG_FUNCTION_ARGS)
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
	c = skpi_calendar_build(spec, tp.escontext);
	if (c == NULL)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(c);
}
