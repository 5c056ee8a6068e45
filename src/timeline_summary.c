/*
 * timeline_summary.c
 *		Contact timelines: the contact_timeline summary type and its accessors.
 *
 *	contact_timeline	the summary of one contact's events (fixed size, 160
 *			bytes): first response, average / maximum response time, handle
 *			time, hold, resolution time, counts, flags.  Built by the
 *			aggregate's final function (timeline_state.c) through
 *			tl_summarize(), or read from its text and binary forms, which are
 *			validated (summary_invalid) as strictly as the aggregate builds.
 *
 * The type is described by tl_summary_type (state.h, kind SKPI_NO_KIND: its
 * second byte is its flags); its text form has no "kind" key.
 *
 * Errors: 22P02 malformed text input, 22P03 malformed binary input, 22008
 * infinite timestamps or events too far apart, XX001 corrupted stored values.
 */
#include "postgres.h"

#include "common/int.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/datetime.h"
#include "utils/timestamp.h"

#include "compat.h"
#include "durations.h"
#include "state.h"
#include "textparse.h"
#include "timeline.h"

#define TL_VERSION 1
#define TL_NONE (-1)			/* a duration that does not apply */

#define TL_HAS_CUSTOMER	0x01	/* first_customer_at is set */
#define TL_BOT_HANDOFF	0x02
#define TL_ABANDONED	0x04
#define TL_RESOLVED		0x08
#define TL_ALL_FLAGS	0x0F

struct TlSummary
{
	SKPI_STATE_HEADER_OWN(flags);	/* version TL_VERSION, then TL_* flags */
	uint16		reserved;
	int32		reserved2;
	int64		events;
	int64		customer_messages;
	int64		operator_messages;
	int64		bot_messages;
	int64		operators;		/* distinct non-NULL operator ids */
	int64		transfers;
	int64		reopens;
	int64		turns;			/* answered customer turns */
	int64		first_at;
	int64		last_at;
	int64		first_customer_at;	/* 0 unless TL_HAS_CUSTOMER */
	/* durations in microseconds, TL_NONE when they do not apply */
	int64		first_response;
	int64		response_total;
	int64		response_max;
	int64		assignment_to_reply;
	int64		handle;
	int64		hold;			/* always applies (0 without holds) */
	int64		resolution;
};

SKPI_STATE_LAYOUT_OWN(TlSummary, flags);

#define TL_NCOUNTS 8
#define TL_NDURATIONS 7

StaticAssertDecl(offsetof(TlSummary, first_response) ==
				 offsetof(TlSummary, events) + 8 * (TL_NCOUNTS + 3),
				 "TlSummary fields are contiguous");

static inline int64 *
summary_counts(TlSummary *s)
{
	return &s->events;
}

static inline int64 *
summary_durations(TlSummary *s)
{
	return &s->first_response;
}

/*
 * The keys of the text form after "version", in their order: the times, the
 * counts and durations (in the order of the struct) and the flags.
 */
#define TL_NFLAGS 3
#define KEY_FIRST_CUSTOMER 2
#define KEY_COUNTS 3
#define KEY_DURATIONS (KEY_COUNTS + TL_NCOUNTS)
#define KEY_FLAGS (KEY_DURATIONS + TL_NDURATIONS)

static const char *const summary_keys[] = {
	"first_event", "last_event", "first_customer_message",
	"events", "customer_messages", "operator_messages", "bot_messages", "operators",
	"transfers", "reopens", "response_turns",
	"first_response", "response_total", "response_max", "assignment_to_reply",
	"handle", "hold", "resolution",
	"bot_handoff", "abandoned", "resolved"
};
static const uint8 flag_bits[TL_NFLAGS] = {TL_BOT_HANDOFF, TL_ABANDONED, TL_RESOLVED};

StaticAssertDecl(lengthof(summary_keys) == KEY_FLAGS + TL_NFLAGS, "summary keys");

/* a summary of nothing yet, version set */
static TlSummary *
summary_new(void)
{
	TlSummary  *s = palloc0(sizeof(TlSummary));

	SET_VARSIZE(s, sizeof(TlSummary));
	s->version = TL_VERSION;
	return s;
}

/* the event order of timeline.h: at, kind, party, then operator id (NULL first) */
static inline int
cmp_event(const TlEvent *x, const TlEvent *y, const char *pool)
{
	int			r;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if (x->party != y->party)
		return x->party < y->party ? -1 : 1;
	if (x->opoff == TL_NO_OPERATOR || y->opoff == TL_NO_OPERATOR)
		return (x->opoff == TL_NO_OPERATOR ? 0 : 1) - (y->opoff == TL_NO_OPERATOR ? 0 : 1);
	r = memcmp(pool + x->opoff, pool + y->opoff, Min(x->oplen, y->oplen));
	if (r != 0)
		return r;
	return (int) x->oplen - (int) y->oplen;
}

/*
 * tl_sort_events(ev, n, pool): the sort of lib/sort_template.h with
 * cmp_event inlined (qsort_interruptible called it through a pointer for
 * each comparison); it checks for interrupts, as a contact of millions of
 * events takes seconds to sort.  Equal events are equal in every field the
 * summary reads, so the order of ties does not matter.
 */
#define ST_SORT tl_sort_events
#define ST_ELEMENT_TYPE TlEvent
#define ST_COMPARE(a, b, arg) cmp_event(a, b, arg)
#define ST_COMPARE_ARG_TYPE const char
#define ST_CHECK_FOR_INTERRUPTS
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"

typedef struct OpRef
{
	const char *s;
	int			len;
} OpRef;

static int
cmp_opref(const void *a, const void *b, void *arg)
{
	const OpRef *x = (const OpRef *) a;
	const OpRef *y = (const OpRef *) b;
	int			r = memcmp(x->s, y->s, Min(x->len, y->len));

	return r != 0 ? r : x->len - y->len;
}

/* a hold in progress ends at at */
static inline void
end_hold(bool *holding, int64 since, int64 at, int64 *hold)
{
	if (*holding)
	{
		*holding = false;
		*hold += at - since;
	}
}

/*
 * The summary of n events (n >= 1), sorted here in a private copy.
 */
TlSummary *
tl_summarize(const TlEvent *events, int64 n, const char *pool)
{
	TlEvent    *ev = palloc(sizeof(TlEvent) * n);
	TlSummary  *s;
	int64		i;

	/* in slices: a first touch of hundreds of MB of fresh memory takes seconds */
	for (i = 0; i < n; i += 65536)
	{
		memcpy(ev + i, events + i, sizeof(TlEvent) * Min(n - i, 65536));
		CHECK_FOR_INTERRUPTS();
	}
	tl_sort_if_needed(ev, n, pool);
	s = tl_summarize_sorted(ev, n, pool);
	pfree(ev);
	return s;
}

/*
 * Sorts n events in place, unless they already are in order (events that
 * arrive in time order, as from most tables, cost one pass).
 */
void
tl_sort_if_needed(TlEvent *ev, int64 n, const char *pool)
{
	int64		i;

	for (i = 1; i < n; i++)
		if (cmp_event(&ev[i - 1], &ev[i], pool) > 0)
		{
			tl_sort_events(ev, n, pool);
			return;
		}
}

/*
 * The summary of n sorted events (n >= 1).  The definitions are those of
 * docs/reference.md, "Contact timelines".
 */
TlSummary *
tl_summarize_sorted(const TlEvent *ev, int64 n, const char *pool)
{
	TlSummary  *s = summary_new();
	OpRef	   *ops = NULL;
	int64		nops = 0,
				i;
	/* instants found so far; "unset" is tracked by the has_ flags */
	int64		waiting_since = 0,
				answered_at = 0,
				ended_at = 0,
				wrap_at = 0,
				first_op_at = 0,
				last_op_at = 0,
				res_after_op = 0,
				start_at = 0,
				res_after_start = 0,
				assigned_at = 0,
				reply_after_assign = 0,
				hold_since = 0;
	bool		waiting = false,
				has_answered = false,
				has_ended = false,
				has_wrap = false,
				has_op = false,
				has_res_after_op = false,
				has_start = false,
				has_res_after_start = false,
				has_assigned = false,
				has_reply_after_assign = false,
				holding = false,
				bot_before_op = false,
				resolved = false;

	s->events = n;
	s->first_at = ev[0].at;
	s->last_at = ev[n - 1].at;
	{
		int64		span;

		/* every duration is at most the span: one check covers them all */
		if (pg_sub_s64_overflow(s->last_at, s->first_at, &span))
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("contact events are too far apart"),
					 errdetail("The first and last events are more than 292 000 years apart.")));
	}
	s->response_max = 0;
	for (i = 0; i < n; i++)
	{
		const TlEvent *e = &ev[i];
		int64		at = e->at;

		if ((i & 0xFFFF) == 0xFFFF)
			CHECK_FOR_INTERRUPTS();

		if (e->opoff != TL_NO_OPERATOR)
		{
			if (ops == NULL)
				ops = palloc(sizeof(OpRef) * n);
			ops[nops].s = pool + e->opoff;
			ops[nops++].len = e->oplen;
		}
		switch (e->kind)
		{
			case K_OFFERED:
				if (!has_start)
					has_start = true, start_at = at;
				break;
			case K_CUSTOMER_MESSAGE:
				s->customer_messages++;
				if (!(s->flags & TL_HAS_CUSTOMER))
				{
					s->flags |= TL_HAS_CUSTOMER;
					s->first_customer_at = at;
				}
				if (!has_start)
					has_start = true, start_at = at;
				if (!waiting)
					waiting = true, waiting_since = at;
				break;
			case K_OPERATOR_MESSAGE:
				s->operator_messages++;
				if (!has_op)
					has_op = true, first_op_at = at;
				last_op_at = at;
				if (has_assigned && !has_reply_after_assign)
					has_reply_after_assign = true, reply_after_assign = at;
				if (waiting)
				{
					int64		turn = at - waiting_since;

					if (s->turns == 0)
						s->first_response = turn;
					s->turns++;
					s->response_total += turn;
					s->response_max = Max(s->response_max, turn);
					waiting = false;
				}
				break;
			case K_BOT_MESSAGE:
				s->bot_messages++;
				if (!has_op)
					bot_before_op = true;
				break;
			case K_ASSIGNED:
				if (!has_assigned)
				{
					has_assigned = true;
					assigned_at = at;
					/* a reply at the same instant sorts before: it still counts (0 s) */
					if (has_op && last_op_at == at)
						has_reply_after_assign = true, reply_after_assign = at;
				}
				break;
			case K_TRANSFERRED:
				s->transfers++;
				break;
			case K_HOLD_START:
				if (!holding)
					holding = true, hold_since = at;
				break;
			case K_HOLD_END:
				end_hold(&holding, hold_since, at, &s->hold);
				break;
			case K_ANSWERED:
				if (!has_answered)
					has_answered = true, answered_at = at;
				break;
			case K_ABANDONED:
				s->flags |= TL_ABANDONED;
				end_hold(&holding, hold_since, at, &s->hold);
				break;
			case K_ENDED:
				if (has_answered && !has_ended)
					has_ended = true, ended_at = at;
				end_hold(&holding, hold_since, at, &s->hold);
				break;
			case K_WRAPUP_END:
				if (has_ended && !has_wrap)
					has_wrap = true, wrap_at = at;
				break;
			case K_RESOLVED:
				resolved = true;
				if (has_op && !has_res_after_op)
					has_res_after_op = true, res_after_op = at;
				if (has_start && !has_res_after_start)
					has_res_after_start = true, res_after_start = at;
				break;
			case K_REOPENED:
				s->reopens++;
				resolved = false;
				break;
		}
	}
	end_hold(&holding, hold_since, s->last_at, &s->hold);
	if (s->turns == 0)
		s->first_response = s->response_total = s->response_max = TL_NONE;
	s->assignment_to_reply = has_reply_after_assign ? reply_after_assign - assigned_at : TL_NONE;
	if (has_answered)
		s->handle = has_ended ? (has_wrap ? wrap_at : ended_at) - answered_at : TL_NONE;
	else if (has_op)
		s->handle = (has_res_after_op ? res_after_op : last_op_at) - first_op_at;
	else
		s->handle = TL_NONE;
	s->resolution = has_res_after_start ? res_after_start - start_at : TL_NONE;
	if (bot_before_op && has_op)
		s->flags |= TL_BOT_HANDOFF;
	if (resolved)
		s->flags |= TL_RESOLVED;
	if (nops > 0)
	{
		qsort_interruptible(ops, nops, sizeof(OpRef), cmp_opref, NULL);
		s->operators = 1;
		for (i = 1; i < nops; i++)
			if (cmp_opref(&ops[i - 1], &ops[i], NULL) != 0)
				s->operators++;
	}
	if (ops != NULL)
		pfree(ops);
	return s;
}

/* an instant as ISO text in UTC: 2026-03-02 09:00:00+00 */
void
tl_append_timestamp(StringInfo buf, int64 at)
{
	struct pg_tm tm;
	fsec_t		fsec;
	char		s[MAXDATELEN + 1];

	if (timestamp2tm(at, NULL, &tm, &fsec, NULL, NULL) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("timestamp out of range")));
	tm.tm_isdst = 0;			/* print the +00 offset */
	EncodeDateTime(&tm, fsec, true, 0, NULL, USE_ISO_DATES, s);
	appendStringInfoChar(buf, '"');
	appendStringInfoString(buf, s);
	appendStringInfoChar(buf, '"');
}

/* microseconds as exact decimal seconds: 45, 45.5, 0.000001 */
static void
append_seconds(StringInfo buf, int64 us)
{
	int64		frac = us % 1000000;
	char		digits[8];
	int			len = 6;

	appendStringInfo(buf, INT64_FORMAT, us / 1000000);
	if (frac == 0)
		return;
	snprintf(digits, sizeof(digits), "%06d", (int) frac);
	while (digits[len - 1] == '0')
		len--;
	digits[len] = '\0';
	appendStringInfo(buf, ".%s", digits);
}

/* seconds with at most 6 decimals, not negative, as microseconds; or null */
static bool
text_seconds(TextParser *tp, int64 *us)
{
	int64		whole = 0;
	int64		frac = 0;
	int			nfrac = 0;
	bool		any = false;

	if (skpi_text_null(tp))
	{
		*us = TL_NONE;
		return true;
	}
	while (*tp->p >= '0' && *tp->p <= '9')
	{
		/* whole * 1 000 000 + frac must fit too: checked at the end */
		if (whole > PG_INT64_MAX / 10000000)
			return skpi_text_error(tp, "A duration is out of range.");
		whole = whole * 10 + (*tp->p++ - '0');
		any = true;
	}
	if (!any)
		return skpi_text_error(tp, "Expected seconds (a number with at most 6 decimals) or null.");
	if (*tp->p == '.')
	{
		tp->p++;
		while (*tp->p >= '0' && *tp->p <= '9')
		{
			if (++nfrac > 6)
				return skpi_text_error(tp, "Seconds have at most 6 decimals.");
			frac = frac * 10 + (*tp->p++ - '0');
		}
		if (nfrac == 0)
			return skpi_text_error(tp, "Expected digits after the decimal point.");
	}
	while (nfrac++ < 6)
		frac *= 10;
	/* up to 9 223 372 036 859 whole seconds pass the loop: more than fits */
	if (pg_mul_s64_overflow(whole, 1000000, us) || pg_add_s64_overflow(*us, frac, us))
		return skpi_text_error(tp, "A duration is out of range.");
	return true;
}


/* ---- contact_timeline: validation, text and binary forms ---- */

/* the invariants of a summary built from outside; NULL if it is fine */
static const char *
summary_invalid(TlSummary *s)
{
	int64	   *c = summary_counts(s);
	int64	   *d = summary_durations(s);
	int64		span;
	bool		needs_offered = false;
	int			i;

	if (s->flags & ~TL_ALL_FLAGS)
		return "Unknown flags.";
	for (i = 0; i < TL_NCOUNTS; i++)
		if (c[i] < 0)
			return "A count is negative.";
	if (s->events < 1 || s->events > TL_MAX_EVENTS)
		return "A timeline has at least one event.";
	/* each count is checked before the sum, so the sum cannot wrap */
	if (s->customer_messages > s->events || s->operator_messages > s->events ||
		s->bot_messages > s->events || s->transfers > s->events || s->reopens > s->events ||
		s->customer_messages + s->operator_messages + s->bot_messages + s->transfers +
		s->reopens > s->events || s->operators > s->events)
		return "The counts exceed the events.";
	if (TIMESTAMP_NOT_FINITE(s->first_at) || TIMESTAMP_NOT_FINITE(s->last_at) ||
		!IS_VALID_TIMESTAMP(s->first_at) || !IS_VALID_TIMESTAMP(s->last_at) ||
		s->last_at < s->first_at ||
		pg_sub_s64_overflow(s->last_at, s->first_at, &span))
		return "The first and last event times are out of order or out of range.";
	if ((s->customer_messages > 0) != ((s->flags & TL_HAS_CUSTOMER) != 0))
		return "A first customer message is given exactly when there are customer messages.";
	if ((s->flags & TL_HAS_CUSTOMER) &&
		(s->first_customer_at < s->first_at || s->first_customer_at > s->last_at))
		return "The first customer message lies outside the timeline.";
	if (!(s->flags & TL_HAS_CUSTOMER) && s->first_customer_at != 0)
		return "The first customer message is set without the flag.";
	for (i = 0; i < TL_NDURATIONS; i++)
		if (d[i] < TL_NONE || d[i] > span)
			return "A duration is negative or longer than the timeline.";
	if (s->hold == TL_NONE)
		return "The hold time always applies.";

	/* one event is one instant */
	if (s->events == 1 && span != 0)
		return "One event, but the first and last event times differ.";

	/*
	 * What the flags and durations say happened needs events of its own
	 * kind, besides the messages, transfers and reopens counted: an
	 * abandoned event, a resolved event (resolved, or a resolution time), a
	 * hold_start (hold time), an assigned event (assignment to reply), the
	 * answered and ended events of a call (a handle time without operator
	 * messages), an answered event without its ended one (no handle time
	 * although operators wrote: a chat's handle time always applies), an
	 * offered event (a resolution time without customer messages, or one
	 * longer than the time from the first customer message to the last
	 * event: the resolution runs from the first offered event or customer
	 * message to a resolved event, so it then started at an earlier
	 * offered event).  The kinds differ, so their sum is a lower bound of
	 * the events (each term is at most the events, checked above: no
	 * overflow).
	 */
	if (s->assignment_to_reply != TL_NONE && s->operator_messages == 0)
		return "An assignment-to-reply time needs an operator message.";
	if (s->resolution != TL_NONE)
		needs_offered = s->customer_messages == 0 ||
			s->resolution > s->last_at - s->first_customer_at;
	if (s->customer_messages + s->operator_messages + s->bot_messages + s->transfers +
		s->reopens +
		((s->flags & TL_ABANDONED) ? 1 : 0) +
		(((s->flags & TL_RESOLVED) || s->resolution != TL_NONE) ? 1 : 0) +
		(s->hold > 0 ? 1 : 0) +
		(s->assignment_to_reply != TL_NONE ? 1 : 0) +
		((s->handle != TL_NONE && s->operator_messages == 0) ? 2 : 0) +
		((s->handle == TL_NONE && s->operator_messages > 0) ? 1 : 0) +
		(needs_offered ? 1 : 0) > s->events)
		return "The flags and durations need more events than the timeline has.";
	/* what lies before the first customer message is another event */
	if ((s->flags & TL_HAS_CUSTOMER) && s->first_customer_at > s->first_at &&
		s->customer_messages >= s->events)
		return "Only customer messages, but the first of them is not the first event.";
	if (s->turns > s->customer_messages || s->turns > s->operator_messages)
		return "More response turns than messages.";
	if (s->turns == 0)
	{
		if (s->first_response != TL_NONE || s->response_total != TL_NONE ||
			s->response_max != TL_NONE)
			return "Response times without response turns.";

		/*
		 * An operator message at or after the first customer message
		 * answers it (at the same instant it sorts after it): with both
		 * kinds of message and no turn, every operator message came first.
		 */
		if (s->customer_messages > 0 && s->operator_messages > 0 &&
			s->first_customer_at == s->first_at)
			return "Customer and operator messages without a response turn need an operator message before the first customer message.";
	}
	else
	{
		int64		rest,
					bound,
					end;

		/*
		 * The turns are disjoint intervals, each from a customer message to
		 * the operator reply that ends it; the next turn starts at a later
		 * customer message.  The first starts at the first customer message
		 * and lasts first_response; the others (turns - 1 of them) sum to the
		 * rest of the total, each at most the maximum, one of them equal to
		 * it when the first is shorter; and the last ends by the last event.
		 * (Products and sums are checked for overflow.)
		 */
		if (s->first_response == TL_NONE || s->response_total == TL_NONE ||
			s->response_max == TL_NONE)
			return "Response turns without response times.";
		if (s->first_response > s->response_max || s->response_max > s->response_total)
			return "The first response exceeds the maximum, or the maximum the total.";
		rest = s->response_total - s->first_response;
		if (s->turns == 1 && rest != 0)
			return "One response turn, but its first, maximum and total response times differ.";
		if (s->response_max > s->first_response && rest < s->response_max)
			return "The maximum response is not the first, but the other turns sum to less than it.";
		if (!pg_mul_s64_overflow(s->turns - 1, s->response_max, &bound) && rest > bound)
			return "The response total exceeds the first response plus the other turns at the maximum.";
		if (pg_add_s64_overflow(s->first_customer_at, s->response_total, &end) ||
			end > s->last_at)
			return "The response turns end after the last event.";
	}

	if ((s->flags & TL_BOT_HANDOFF) && (s->bot_messages == 0 || s->operator_messages == 0))
		return "A bot handoff needs bot and operator messages.";

	/*
	 * A bot message at the instant of the first operator message sorts
	 * after it: a handoff needs the bot earlier, so the timeline lasts.
	 */
	if ((s->flags & TL_BOT_HANDOFF) && span == 0)
		return "A bot handoff, but every event is at the same instant.";
	if (s->reserved != 0 || s->reserved2 != 0)
		return "Reserved fields are not zero.";
	return NULL;
}


/* ---- the type's hooks (state.h) ---- */

static const SkpiStateType tl_summary_type;

static bool
summary_stored_ok(const SkpiStateHeader *h)
{
	return VARSIZE(h) == sizeof(TlSummary);
}

static inline TlSummary *
summary_getarg(FunctionCallInfo fcinfo, int argno)
{
	return (TlSummary *) skpi_state_getarg(fcinfo, argno, &tl_summary_type);
}

/* the keys after "version", in the order of summary_keys */
static void
summary_out(StringInfo buf, const SkpiStateHeader *h)
{
	TlSummary  *s = (TlSummary *) h;
	int64	   *c = summary_counts(s);
	int64	   *d = summary_durations(s);
	int			i;

	appendStringInfoString(buf, ",\"first_event\":");
	tl_append_timestamp(buf, s->first_at);
	appendStringInfoString(buf, ",\"last_event\":");
	tl_append_timestamp(buf, s->last_at);
	appendStringInfoString(buf, ",\"first_customer_message\":");
	if (s->flags & TL_HAS_CUSTOMER)
		tl_append_timestamp(buf, s->first_customer_at);
	else
		appendStringInfoString(buf, "null");
	for (i = 0; i < TL_NCOUNTS; i++)
		appendStringInfo(buf, ",\"%s\":" INT64_FORMAT, summary_keys[KEY_COUNTS + i], c[i]);
	for (i = 0; i < TL_NDURATIONS; i++)
	{
		appendStringInfo(buf, ",\"%s\":", summary_keys[KEY_DURATIONS + i]);
		if (d[i] == TL_NONE)
			appendStringInfoString(buf, "null");
		else
			append_seconds(buf, d[i]);
	}
	for (i = 0; i < TL_NFLAGS; i++)
		appendStringInfo(buf, ",\"%s\":%s", summary_keys[KEY_FLAGS + i],
						 (s->flags & flag_bits[i]) ? "true" : "false");
}

static void *
summary_text_begin(const SkpiStateType *t)
{
	return summary_new();
}

static bool
summary_text_field(TextParser *tp, int key, void *ctx)
{
	TlSummary  *s = (TlSummary *) ctx;
	bool		b = false;

	if (key < KEY_FIRST_CUSTOMER)
		return skpi_text_timestamp(tp, key == 0 ? &s->first_at : &s->last_at,
								   TL_INFINITE_DETAIL);
	if (key == KEY_FIRST_CUSTOMER)
	{
		if (skpi_text_null(tp))
			return true;
		s->flags |= TL_HAS_CUSTOMER;
		return skpi_text_timestamp(tp, &s->first_customer_at, TL_INFINITE_DETAIL);
	}
	if (key < KEY_DURATIONS)
		return skpi_text_int64(tp, &summary_counts(s)[key - KEY_COUNTS]);
	if (key < KEY_FLAGS)
		return text_seconds(tp, &summary_durations(s)[key - KEY_DURATIONS]);
	if (!skpi_text_bool(tp, &b))
		return false;
	if (b)
		s->flags |= flag_bits[key - KEY_FLAGS];
	return true;
}

static SkpiStateHeader *
summary_text_end(TextParser *tp, void *ctx)
{
	TlSummary  *s = (TlSummary *) ctx;
	const char *bad = summary_invalid(s);

	if (bad != NULL)
	{
		skpi_text_error(tp, bad);
		return NULL;
	}
	return (SkpiStateHeader *) s;
}

/*
 * Binary form: version (1 byte), flags (1), then the 8 counts, first and
 * last event times, the first customer message time (0 without one) and the
 * 7 durations (-1 when they do not apply), each an int64: contiguous in the
 * struct.
 */
#define TL_WIRE_INT64S (TL_NCOUNTS + 3 + TL_NDURATIONS)

static void
summary_send(StringInfo buf, const SkpiStateHeader *h)
{
	TlSummary  *s = (TlSummary *) h;

	pq_sendbyte(buf, s->flags);
	skpi_send_int64s(buf, summary_counts(s), TL_WIRE_INT64S);
}

static SkpiStateHeader *
summary_recv(StringInfo buf, const SkpiStateType *t)
{
	TlSummary  *s;
	const char *bad;

	if (buf->len - buf->cursor != 1 + 8 * TL_WIRE_INT64S)
		skpi_state_recv_error(t, "The value has the wrong length.");
	s = summary_new();
	s->flags = (uint8) pq_getmsgbyte(buf);
	skpi_recv_int64s(buf, summary_counts(s), TL_WIRE_INT64S);
	if ((bad = summary_invalid(s)) != NULL)
		skpi_state_recv_error(t, "%s", bad);
	return (SkpiStateHeader *) s;
}

/*
 * Kind SKPI_NO_KIND: the second byte is the flags; no kind name (the text
 * form has no "kind" key).  No valid hook: the text and binary readers check
 * a value from outside themselves (summary_invalid; the text error echoes
 * the input).  No merge (a summary is final), no empty hook.
 */
static const SkpiStateType tl_summary_type = {
	.typname = "contact_timeline",
	.version = TL_VERSION,
	.kind = SKPI_NO_KIND,
	.stored_ok = summary_stored_ok,
	.keys = summary_keys,
	.nkeys = lengthof(summary_keys),
	.text_begin = summary_text_begin,
	.text_field = summary_text_field,
	.text_end = summary_text_end,
	.out = summary_out,
	.send = summary_send,
	.recv = summary_recv
};

SKPI_STATE_IO(skpi_contact_timeline, tl_summary_type)

/* ---- accessors ---- */

/* us / n microseconds as seconds, NULL when us does not apply */
static inline Datum
seconds_or_null(FunctionCallInfo fcinfo, int64 us, int64 n)
{
	if (us == TL_NONE)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(SKPI_US_TO_SECONDS(us) / (double) n);
}

#define TL_SECONDS_ACCESSOR(name, us, n) \
	PG_FUNCTION_INFO_V1(name); \
	Datum name(PG_FUNCTION_ARGS) \
	{ \
		TlSummary  *s = summary_getarg(fcinfo, 0); \
		return seconds_or_null(fcinfo, (us), (n)); \
	}

TL_SECONDS_ACCESSOR(skpi_first_response_time, s->first_response, 1)
TL_SECONDS_ACCESSOR(skpi_max_response_time, s->response_max, 1)
TL_SECONDS_ACCESSOR(skpi_assignment_to_reply_time, s->assignment_to_reply, 1)
TL_SECONDS_ACCESSOR(skpi_handle_time, s->handle, 1)
TL_SECONDS_ACCESSOR(skpi_hold_time, s->hold, 1)
TL_SECONDS_ACCESSOR(skpi_contact_duration, s->last_at - s->first_at, 1)
TL_SECONDS_ACCESSOR(skpi_time_to_resolution, s->resolution, 1)
/* the mean over the turns (x / 1.0 above is exact) */
TL_SECONDS_ACCESSOR(skpi_avg_response_time, s->turns == 0 ? TL_NONE : s->response_total, s->turns)

#define TL_COUNT_ACCESSOR(name, field) \
	PG_FUNCTION_INFO_V1(name); \
	Datum name(PG_FUNCTION_ARGS) \
	{ \
		PG_RETURN_INT64(summary_getarg(fcinfo, 0)->field); \
	}

TL_COUNT_ACCESSOR(skpi_event_count, events)
TL_COUNT_ACCESSOR(skpi_response_turns, turns)
TL_COUNT_ACCESSOR(skpi_transfer_count, transfers)
TL_COUNT_ACCESSOR(skpi_reopen_count, reopens)
TL_COUNT_ACCESSOR(skpi_operator_count, operators)

PG_FUNCTION_INFO_V1(skpi_message_count_party);
Datum
skpi_message_count_party(PG_FUNCTION_ARGS)
{
	TlSummary  *s = summary_getarg(fcinfo, 0);
	TlCache    *c = (TlCache *) fcinfo->flinfo->fn_extra;

	if (c == NULL)
	{
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(TlCache));
		fcinfo->flinfo->fn_extra = c;
	}
	switch (tl_enum_code(c, PG_GETARG_DATUM(1), true))
	{
		case P_CUSTOMER:
			PG_RETURN_INT64(s->customer_messages);
		case P_OPERATOR:
			PG_RETURN_INT64(s->operator_messages);
		case P_BOT:
			PG_RETURN_INT64(s->bot_messages);
		default:
			PG_RETURN_INT64(0);
	}
}

PG_FUNCTION_INFO_V1(skpi_message_count);
Datum
skpi_message_count(PG_FUNCTION_ARGS)
{
	TlSummary  *s = summary_getarg(fcinfo, 0);

	PG_RETURN_INT64(s->customer_messages + s->operator_messages + s->bot_messages);
}

#define TL_FLAG_ACCESSOR(name, flag) \
	PG_FUNCTION_INFO_V1(name); \
	Datum name(PG_FUNCTION_ARGS) \
	{ \
		PG_RETURN_BOOL((summary_getarg(fcinfo, 0)->flags & (flag)) != 0); \
	}

TL_FLAG_ACCESSOR(skpi_bot_handoff, TL_BOT_HANDOFF)
TL_FLAG_ACCESSOR(skpi_is_abandoned, TL_ABANDONED)
TL_FLAG_ACCESSOR(skpi_is_resolved, TL_RESOLVED)

PG_FUNCTION_INFO_V1(skpi_first_event_at);
Datum
skpi_first_event_at(PG_FUNCTION_ARGS)
{
	PG_RETURN_TIMESTAMPTZ(summary_getarg(fcinfo, 0)->first_at);
}

PG_FUNCTION_INFO_V1(skpi_first_customer_message_at);
Datum
skpi_first_customer_message_at(PG_FUNCTION_ARGS)
{
	TlSummary  *s = summary_getarg(fcinfo, 0);

	if (!(s->flags & TL_HAS_CUSTOMER))
		PG_RETURN_NULL();
	PG_RETURN_TIMESTAMPTZ(s->first_customer_at);
}
