/*
 * agent_time_agg.c
 *		agent_time(at, status, width, from, to [, time_zone] ORDER BY at):
 *		an operator's status log split exactly at bucket edges, one closed
 *		agent_time_state per bucket of [from, to), as an array.
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
 * 31st is the month's last day.  width, from, to and the time zone (its
 * text) must be the same on every row of a group (22023 otherwise).
 *
 * The transition state is agent_time_log_state: a flat value updated in
 * place in the aggregate's memory, its position a bucket cursor (buckets.h),
 * a dense matrix of microseconds per bucket and status (the number of
 * buckets is known from the arguments), so a row costs a comparison and an
 * addition.  It has no combine function: a log split at arbitrary rows
 * cannot be merged without its events (the per-bucket results do merge,
 * with rollup()).
 */
#include "postgres.h"

#include <limits.h>

#include "common/int.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/array.h"
#include "utils/json.h"
#include "utils/timestamp.h"

#include "agent_time.h"
#include "buckets.h"
#include "timeline.h"

#define AT_LOG_VERSION 1
#define AT_LOG_KIND 1
#define AT_MAX_CELLS (INT64CONST(1) << 24)	/* buckets x (statuses + 1) */

typedef struct AgentTimeLog
{
	SKPI_STATE_HEADER;
	int32		nnames;			/* statuses seen */
	int32		capnames;		/* columns of the matrix, minus the unknown one */
	int32		pool_len;		/* bytes of names used */
	int32		pool_cap;		/* bytes of names allocated */
	int32		status;			/* the status in force, -1 unknown */
	int32		plan;			/* the planned activity in force, -1 unscheduled */
	TimestampTz plan_end;		/* when the planned activity ends (plan >= 0), else 0 */
	SkpiBucketCursor cur;		/* the parameters and the position */
	char		var[FLEXIBLE_ARRAY_MEMBER];
	/*
	 * zone[cur.zone_len + 1]; int32 name_off[capnames]; pool[pool_cap];
	 * int64 acc[nbuckets][capnames + 1][capnames + 1]
	 */
} AgentTimeLog;

SKPI_STATE_LAYOUT(AgentTimeLog);
SKPI_CURSOR_LAYOUT(AgentTimeLog, cur, var);

#define LOG_OFFS(l) ((int32 *) ((l)->var + INTALIGN((l)->cur.zone_len + 1)))
#define LOG_POOL(l) ((char *) (LOG_OFFS(l) + (l)->capnames))
#define LOG_ACC_OFFSET(zone_len, capnames, pool_cap) \
	MAXALIGN(offsetof(AgentTimeLog, var) + INTALIGN((zone_len) + 1) + (Size) (capnames) * sizeof(int32) + (pool_cap))
#define LOG_ACC(l) ((int64 *) ((char *) (l) + LOG_ACC_OFFSET((l)->cur.zone_len, (l)->capnames, (l)->pool_cap)))
#define LOG_CELL(l, b, p, s) \
	(LOG_ACC(l)[((Size) (b) * ((l)->capnames + 1) + (p) + 1) * ((l)->capnames + 1) + (s) + 1])
#define LOG_NAME(l, i) (LOG_POOL(l) + LOG_OFFS(l)[i])

static Size
log_size(int zone_len, int nbuckets, int capnames, int pool_cap)
{
	return LOG_ACC_OFFSET(zone_len, capnames, pool_cap) +
		(Size) nbuckets * (capnames + 1) * (capnames + 1) * sizeof(int64);
}

static const SkpiStateType skpi_agent_time_log_type;

/* ---- the state ---- */

/* a log at cursor c with room for capnames statuses and pool_cap bytes of names, no status in force */
static AgentTimeLog *
log_alloc(const SkpiBucketCursor *c, int capnames, int pool_cap)
{
	AgentTimeLog *l;

	if ((int64) c->nbuckets * (capnames + 1) * (capnames + 1) > AT_MAX_CELLS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("agent_time would keep too many bucket and status pairs"),
				 errdetail("%d buckets by %d statuses exceed the limit of " INT64_FORMAT " pairs.",
						   c->nbuckets, capnames, AT_MAX_CELLS),
				 errhint("Use a wider bucket or a shorter period.")));
	l = skpi_log_alloc(&skpi_agent_time_log_type, log_size(c->zone_len, c->nbuckets, capnames, pool_cap),
					   offsetof(AgentTimeLog, cur), c);
	l->capnames = capnames;
	l->pool_cap = pool_cap;
	l->status = -1;
	l->plan = -1;
	return l;
}

/* the first row's log (skpi_log_for_row) */
static void *
log_new(const SkpiBucketCursor *c)
{
	return log_alloc(c, 4, 64);
}

/* a copy with room for more statuses (the caller's context) */
static AgentTimeLog *
log_grow(const AgentTimeLog *l, int capnames, int pool_cap)
{
	AgentTimeLog *n = log_alloc(&l->cur, capnames, pool_cap);
	int			b,
				p;

	n->nnames = l->nnames;
	n->pool_len = l->pool_len;
	n->status = l->status;
	n->plan = l->plan;
	n->plan_end = l->plan_end;
	memcpy(LOG_OFFS(n), LOG_OFFS(l), sizeof(int32) * l->nnames);
	memcpy(LOG_POOL(n), LOG_POOL(l), l->pool_len);
	for (b = 0; b < l->cur.nbuckets; b++)
		for (p = -1; p < l->nnames; p++)
			memcpy(&LOG_CELL(n, b, p, -1), &LOG_CELL(l, b, p, -1), sizeof(int64) * (l->nnames + 1));
	return n;
}

/* a new name at the end of the pool (room made by the caller) */
static int
log_add_name(AgentTimeLog *l, const char *s, int len)
{
	LOG_OFFS(l)[l->nnames] = l->pool_len;
	memcpy(LOG_POOL(l) + l->pool_len, s, len);
	LOG_POOL(l)[l->pool_len + len] = '\0';
	l->pool_len += len + 1;
	return l->nnames++;
}

/* the index of a status name, added if new (which may replace *lp) */
static int
log_intern(AgentTimeLog **lp, const char *s, int len)
{
	AgentTimeLog *l = *lp;
	int			i;

	if (l->status >= 0)
	{
		const char *cur = LOG_NAME(l, l->status);

		if (strncmp(cur, s, len) == 0 && cur[len] == '\0')
			return l->status;
	}
	for (i = 0; i < l->nnames; i++)
	{
		const char *name = LOG_NAME(l, i);

		if (strncmp(name, s, len) == 0 && name[len] == '\0')
			return i;
	}
	if (len > AT_MAX_NAME_LEN)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("status name too long for agent_time"),
				 errdetail("A name has %d bytes; the limit is %d.", len, AT_MAX_NAME_LEN)));
	if (memchr(s, '\0', len))
		ereport(ERROR,
				(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
				 errmsg("status name contains a zero byte")));
	if (l->nnames >= AT_MAX_NAMES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("more than %d distinct statuses for agent_time", AT_MAX_NAMES)));
	if (l->nnames == l->capnames || l->pool_len + len + 1 > l->pool_cap)
	{
		int			capnames = l->nnames == l->capnames ? Min(2 * l->capnames, AT_MAX_NAMES) : l->capnames;
		int			pool_cap = Max(2 * l->pool_cap, l->pool_len + len + 1);

		/* doubling past the cell limit: room for just this name (log_alloc says if even that is too much) */
		if ((int64) l->cur.nbuckets * (capnames + 1) * (capnames + 1) > AT_MAX_CELLS)
			capnames = Max(l->capnames, l->nnames + 1);

		l = *lp = log_grow(l, capnames, pool_cap);
	}
	return log_add_name(l, s, len);
}

/*
 * Credit the status and planned activity in force up to t (clipped to `to`),
 * moving through buckets and ending the planned activity at its end.
 */
static void
log_advance(AgentTimeLog *l, TimestampTz t)
{
	SkpiBucketCursor *c = &l->cur;

	if (c->flags & SKPI_CURSOR_DONE)
		return;
	if (t > c->to)
		t = c->to;
	for (;;)
	{
		TimestampTz edge = c->be;

		if (l->plan >= 0 && l->plan_end < edge)
			edge = l->plan_end;
		if (t < edge)
		{
			if (t > c->t0)
			{
				LOG_CELL(l, c->k, l->plan, l->status) += t - c->t0;
				c->t0 = t;
			}
			return;
		}
		LOG_CELL(l, c->k, l->plan, l->status) += edge - c->t0;
		c->t0 = edge;
		if (l->plan >= 0 && l->plan_end <= c->t0)
		{
			/* no stale end: the text and binary forms round-trip exactly */
			l->plan = -1;
			l->plan_end = 0;
		}
		if (c->t0 >= c->be && !skpi_cursor_next(c))
			return;
	}
}

/*
 * One row: a status change (status not NULL) and, in the form with a
 * schedule, the start of a planned activity lasting until planned_until.
 */
static Datum
agent_time_row(FunctionCallInfo fcinfo, bool with_plan)
{
	AgentTimeLog *l = skpi_log_for_row(fcinfo, &skpi_agent_time_log_type, with_plan ? 5 : 3,
									   "agent_time", offsetof(AgentTimeLog, cur), log_new);
	TimestampTz at;

	if (PG_ARGISNULL(1) || (PG_ARGISNULL(2) && (!with_plan || PG_ARGISNULL(3))))
		PG_RETURN_POINTER(l);
	at = PG_GETARG_TIMESTAMPTZ(1);
	if (TIMESTAMP_NOT_FINITE(at))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("agent_time needs finite event times")));
	if (!skpi_cursor_take(&l->cur, at))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("agent_time rows out of time order"),
				 errdetail("A row at an earlier time follows one at a later time."),
				 errhint("Write agent_time(... ORDER BY at), or feed rows sorted by operator and time.")));
	log_advance(l, at);
	if (l->cur.flags & SKPI_CURSOR_DONE)
		PG_RETURN_POINTER(l);	/* at or after `to`: ignored */
	if (!PG_ARGISNULL(2))
	{
		text	   *status = PG_GETARG_TEXT_PP(2);

		/* log_intern may replace l: take the index first */
		int			idx = log_intern(&l, VARDATA_ANY(status), VARSIZE_ANY_EXHDR(status));

		l->status = idx;
	}
	if (with_plan && !PG_ARGISNULL(3))
	{
		text	   *activity = PG_GETARG_TEXT_PP(3);
		TimestampTz until;

		if (PG_ARGISNULL(4))
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("a planned activity needs its end (planned_until)")));
		until = PG_GETARG_TIMESTAMPTZ(4);
		if (TIMESTAMP_NOT_FINITE(until) || until < at)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("a planned activity must end at a finite time after it starts")));
		if (l->plan >= 0 && l->plan_end > at)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("planned activities overlap"),
					 errdetail("An activity starts before the one in force ends.")));
		/* an activity that ends before the time credited (before `from`) is over */
		if (until > at && until > l->cur.t0)
		{
			int			idx = log_intern(&l, VARDATA_ANY(activity), VARSIZE_ANY_EXHDR(activity));

			l->plan = idx;
			l->plan_end = until;
		}
	}
	PG_RETURN_POINTER(l);
}

SKPI_ENTRY(skpi_agent_time_accum, agent_time_row(fcinfo, false))
SKPI_ENTRY(skpi_agent_time_accum_plan, agent_time_row(fcinfo, true))

/* bucket b of a log (advanced to its end) as a state; arg: room for its items */
static Datum
log_bucket(const void *log, int b, const SkpiBucketBounds *bounds, void *arg)
{
	const AgentTimeLog *l = log;
	AtItem	   *items = arg;
	int			n = 0,
				p,
				s;

	for (p = -1; p < l->nnames; p++)
		for (s = -1; s < l->nnames; s++)
		{
			int64		us = LOG_CELL(l, b, p, s);

			if (us > 0)
			{
				items[n].plan = p < 0 ? NULL : LOG_NAME(l, p);
				items[n].status = s < 0 ? NULL : LOG_NAME(l, s);
				items[n].us = us;
				n++;
			}
		}
	return PointerGetDatum(skpi_agent_time_build(items, n, bounds, true));
}

PG_FUNCTION_INFO_V1(skpi_agent_time_final);
Datum
skpi_agent_time_final(PG_FUNCTION_ARGS)
{
	AgentTimeLog *l;
	AtItem	   *items;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	l = skpi_log_copy(fcinfo, 0, &skpi_agent_time_log_type);
	/* no row counted (all skipped: NULL time or status): NULL, as any aggregate */
	if (!(l->cur.flags & SKPI_CURSOR_SEEN))
		PG_RETURN_NULL();
	log_advance(l, l->cur.to);
	items = palloc(sizeof(AtItem) * (l->nnames + 1) * (l->nnames + 1));
	PG_RETURN_ARRAYTYPE_P(skpi_cursor_states(fcinfo, &l->cur, "agent_time", log_bucket, l, items));
}

/* ---- checks, text and binary forms of agent_time_log_state ---- */

/* the header and the size: constant work (readers index by them) */
static bool
log_header_ok(const AgentTimeLog *l)
{
	Size		size = VARSIZE(l);

	return size >= offsetof(AgentTimeLog, var) && skpi_cursor_header_ok(&l->cur) &&
		l->capnames >= 1 && l->capnames <= AT_MAX_NAMES && l->nnames >= 0 && l->nnames <= l->capnames &&
		l->pool_cap >= 0 && l->pool_len >= 0 && l->pool_len <= l->pool_cap &&
		l->status >= -1 && l->status < l->nnames && l->plan >= -1 && l->plan < l->nnames &&
		(int64) l->cur.nbuckets * (l->capnames + 1) * (l->capnames + 1) <= AT_MAX_CELLS &&
		size == log_size(l->cur.zone_len, l->cur.nbuckets, l->capnames, l->pool_cap);
}

static bool
log_stored_ok(const SkpiStateHeader *h)
{
	return log_header_ok((const AgentTimeLog *) h);
}

/*
 * A closed bucket's times add up to its length, the current one's to the
 * time credited (skpi_cursor_buckets_problem).
 */
static const char *
bucket_problem(const void *log, int b, TimestampTz bs, TimestampTz credited)
{
	const AgentTimeLog *l = log;
	int64		sum = 0;
	int			p,
				s;

	for (p = -1; p < l->nnames; p++)
		for (s = -1; s < l->nnames; s++)
			if (pg_add_s64_overflow(sum, LOG_CELL(l, b, p, s), &sum))
				return "A bucket's times overflow.";
	return sum != credited - bs ? "A bucket's times do not add up to its length." : NULL;
}

/* why a log read from outside is inconsistent, or NULL */
static const char *
log_problem(const AgentTimeLog *l)
{
	const char *problem;
	int			b,
				p,
				s,
				i;

	if (!log_header_ok(l))
		return "Its header is inconsistent.";
	if ((problem = skpi_cursor_problem(&l->cur)) != NULL)
		return problem;
	for (i = 0; i < l->nnames; i++)
	{
		int32		off = LOG_OFFS(l)[i];
		const char *end;

		if (off < 0 || off >= l->pool_len || (i > 0 && off <= LOG_OFFS(l)[i - 1]))
			return "A name lies outside its pool.";
		end = memchr(LOG_POOL(l) + off, '\0', l->pool_len - off);
		if (end == NULL || end - (LOG_POOL(l) + off) > AT_MAX_NAME_LEN)
			return "A name is not terminated.";
	}
	if (l->plan >= 0 ? !IS_VALID_TIMESTAMP(l->plan_end) || l->plan_end <= l->cur.t0 : l->plan_end != 0)
		return "Its position is inconsistent.";
	/* every cell non-negative, none past the position */
	for (b = 0; b < l->cur.nbuckets; b++)
		for (p = -1; p < l->capnames; p++)
			for (s = -1; s < l->capnames; s++)
			{
				int64		us = LOG_CELL(l, b, p, s);

				if (us < 0 || (us > 0 && (b > l->cur.k || s >= l->nnames || p >= l->nnames)))
					return "A bucket holds time it cannot hold.";
			}
	return skpi_cursor_buckets_problem(&l->cur, "agent_time", bucket_problem, l);
}

static bool
log_valid(const SkpiStateHeader *h, Node *escontext)
{
	return skpi_bucket_state_valid(&skpi_agent_time_log_type, log_problem((const AgentTimeLog *) h),
								   escontext);
}

/*
 * A log from its parts (text and binary input): the cursor, read and
 * checked; the status and the planned activity in force; the names; the
 * cells.  The checks are log_valid's.
 */
typedef struct LogParts
{
	SkpiBucketCursorBuf cb;
	int64		status,			/* -1: unknown */
				plan;			/* -1: unscheduled */
	TimestampTz plan_end;		/* 0 without a planned activity */
	int			nnames;
	char	  **names;
	SkpiCells	cells;			/* [bucket, plan, status, microseconds] each */
} LogParts;

/* the log, or NULL after its problem (skpi_log_input_error: tp for text input) */
static AgentTimeLog *
log_from_parts(const LogParts *p, TextParser *tp)
{
	AgentTimeLog *l;
	int			pool = 0,
				i,
				j;

	if (p->status < -1 || p->status >= p->nnames || p->plan < -1 || p->plan >= p->nnames)
		return skpi_log_input_error(tp, &skpi_agent_time_log_type,
									"The status or the planned activity is out of range.");
	for (i = 0; i < p->nnames; i++)
	{
		for (j = 0; j < i; j++)
			if (strcmp(p->names[i], p->names[j]) == 0)
				return skpi_log_input_error(tp, &skpi_agent_time_log_type, "A status appears twice.");
		pool += strlen(p->names[i]) + 1;
	}
	l = log_alloc(&p->cb.cur, Max(p->nnames, 1), pool);
	l->status = (int32) p->status;
	l->plan = (int32) p->plan;
	l->plan_end = p->plan_end;
	for (i = 0; i < p->nnames; i++)
		log_add_name(l, p->names[i], strlen(p->names[i]));
	for (i = 0; i < p->cells.n; i++)
	{
		const int64 *c = &p->cells.v[4 * i];

		if (c[0] < 0 || c[0] >= l->cur.nbuckets || c[1] < -1 || c[1] >= p->nnames || c[2] < -1 ||
			c[2] >= p->nnames || c[3] <= 0 || LOG_CELL(l, c[0], c[1], c[2]) != 0)
			return skpi_log_input_error(tp, &skpi_agent_time_log_type,
										"A cell is out of range, not positive, or repeated.");
		LOG_CELL(l, c[0], c[1], c[2]) = c[3];
	}
	return l;
}

/*
 * {"version":1,"kind":"agent_time_log", the cursor (buckets.h),
 *  "status":1|null,"plan":0|null,"plan_until":"..."|null,"statuses":["off","running"],
 *  "times":[[0,null,0,1500000000],...]}
 * statuses: the names of the statuses and planned activities; times: [bucket, planned activity index or
 * null (unscheduled), status index or null (unknown), microseconds], the non-zero cells.
 */
#define LOG_LAST_KEY "last_at"

static const char *const log_keys[] = {
	SKPI_CURSOR_KEYS(LOG_LAST_KEY), "status", "plan", "plan_until", "statuses", "times"
};

typedef struct LogTextIn
{
	SkpiCursorTextIn cur;
	LogParts	p;
	bool		until_null;
	int			capnames;
	StringInfoData buf;
} LogTextIn;

static void *
log_text_begin(const SkpiStateType *t)
{
	LogTextIn  *in = palloc0(sizeof(LogTextIn));

	skpi_cursor_text_begin(&in->cur, LOG_LAST_KEY, &in->p.cb);
	initStringInfo(&in->buf);
	in->p.status = in->p.plan = -1;
	in->capnames = 16;
	in->p.names = palloc(sizeof(char *) * in->capnames);
	skpi_cells_init(&in->p.cells, 4);
	return in;
}

static bool
log_text_name(TextParser *tp, void *arg)
{
	LogTextIn  *in = (LogTextIn *) arg;

	if (!skpi_text_string(tp, &in->buf, AT_MAX_NAME_LEN, "A status name"))
		return false;
	if (in->p.nnames >= AT_MAX_NAMES)
		return skpi_text_error(tp, "Too many statuses.");
	if (in->p.nnames == in->capnames)
	{
		in->capnames *= 2;
		in->p.names = repalloc(in->p.names, sizeof(char *) * in->capnames);
	}
	in->p.names[in->p.nnames++] = pstrdup(in->buf.data);
	return true;
}

/* an index or null (-1) */
static bool
log_text_index(TextParser *tp, int64 *v)
{
	if (skpi_text_null(tp))
	{
		*v = -1;
		return true;
	}
	return skpi_text_int64(tp, v);
}

static bool
log_text_cell(TextParser *tp, void *arg)
{
	LogTextIn  *in = (LogTextIn *) arg;
	int64	   *c = skpi_cells_add(tp, &in->p.cells, AT_MAX_CELLS);

	return c != NULL &&
		skpi_text_expect(tp, '[') && skpi_text_int64(tp, &c[0]) && skpi_text_expect(tp, ',') &&
		log_text_index(tp, &c[1]) && skpi_text_expect(tp, ',') &&
		log_text_index(tp, &c[2]) && skpi_text_expect(tp, ',') &&
		skpi_text_int64(tp, &c[3]) && skpi_text_expect(tp, ']');
}

static bool
log_text_field(TextParser *tp, int key, void *ctx)
{
	LogTextIn  *in = (LogTextIn *) ctx;

	if (key < SKPI_CURSOR_NKEYS)
		return skpi_cursor_text_field(tp, key, &in->cur);
	switch (key - SKPI_CURSOR_NKEYS)
	{
		case 0:
			return log_text_index(tp, &in->p.status);
		case 1:
			return log_text_index(tp, &in->p.plan);
		case 2:
			in->until_null = skpi_text_null(tp);
			return in->until_null || skpi_text_timestamp(tp, &in->p.plan_end, "plan_until must be finite.");
		case 3:
			return skpi_text_list(tp, log_text_name, in);
		default:
			return skpi_text_list(tp, log_text_cell, in);
	}
}

static SkpiStateHeader *
log_text_end(TextParser *tp, void *ctx)
{
	LogTextIn  *in = (LogTextIn *) ctx;

	if (!skpi_cursor_text_end(tp, "agent_time", &in->cur))
		return NULL;
	if ((in->p.plan < 0) != in->until_null)
		return skpi_log_input_error(tp, &skpi_agent_time_log_type, "plan and plan_until are null together.");
	return (SkpiStateHeader *) log_from_parts(&in->p, tp);
}

static void
log_out(StringInfo buf, const SkpiStateHeader *h)
{
	const AgentTimeLog *l = (const AgentTimeLog *) h;
	int			b,
				p,
				s,
				n = 0;

	skpi_cursor_out(buf, &l->cur, LOG_LAST_KEY);
	appendStringInfoString(buf, ",\"status\":");
	if (l->status < 0)
		appendStringInfoString(buf, "null");
	else
		appendStringInfo(buf, "%d", l->status);
	if (l->plan < 0)
		appendStringInfoString(buf, ",\"plan\":null,\"plan_until\":null");
	else
	{
		appendStringInfo(buf, ",\"plan\":%d,\"plan_until\":", l->plan);
		tl_append_timestamp(buf, l->plan_end);
	}
	appendStringInfoString(buf, ",\"statuses\":[");
	for (s = 0; s < l->nnames; s++)
	{
		if (s > 0)
			appendStringInfoChar(buf, ',');
		escape_json(buf, LOG_NAME(l, s));
	}
	appendStringInfoString(buf, "],\"times\":[");
	for (b = 0; b < l->cur.nbuckets; b++)
		for (p = -1; p < l->nnames; p++)
			for (s = -1; s < l->nnames; s++)
				if (LOG_CELL(l, b, p, s) != 0)
				{
					if (n++ > 0)
						appendStringInfoChar(buf, ',');
					appendStringInfo(buf, "[%d,", b);
					if (p < 0)
						appendStringInfoString(buf, "null,");
					else
						appendStringInfo(buf, "%d,", p);
					if (s < 0)
						appendStringInfoString(buf, "null,");
					else
						appendStringInfo(buf, "%d,", s);
					appendStringInfo(buf, INT64_FORMAT "]", LOG_CELL(l, b, p, s));
				}
	appendStringInfoChar(buf, ']');
}

/*
 * binary: the cursor (buckets.h); int32 status, plan (-1: none); int64
 * plan_until (0 without a plan); int32 statuses, each int32 length and its
 * bytes; int32 cells, each int32 bucket, plan, status, int64 microseconds.
 */
static void
log_send(StringInfo buf, const SkpiStateHeader *h)
{
	const AgentTimeLog *l = (const AgentTimeLog *) h;
	int			b,
				p,
				s,
				n = 0;

	skpi_cursor_send(buf, l->kind, &l->cur);
	pq_sendint32(buf, l->status);
	pq_sendint32(buf, l->plan);
	pq_sendint64(buf, l->plan_end);
	pq_sendint32(buf, l->nnames);
	for (s = 0; s < l->nnames; s++)
	{
		const char *name = LOG_NAME(l, s);
		int			len = (int) strlen(name);

		pq_sendint32(buf, len);
		pq_sendbytes(buf, name, len);
	}
	for (b = 0; b < l->cur.nbuckets; b++)
		for (p = -1; p < l->nnames; p++)
			for (s = -1; s < l->nnames; s++)
				n += LOG_CELL(l, b, p, s) != 0;
	pq_sendint32(buf, n);
	for (b = 0; b < l->cur.nbuckets; b++)
		for (p = -1; p < l->nnames; p++)
			for (s = -1; s < l->nnames; s++)
				if (LOG_CELL(l, b, p, s) != 0)
				{
					pq_sendint32(buf, b);
					pq_sendint32(buf, p);
					pq_sendint32(buf, s);
					pq_sendint64(buf, LOG_CELL(l, b, p, s));
				}
}

static SkpiStateHeader *
log_recv(StringInfo buf, const SkpiStateType *t)
{
	LogParts	p;
	int			i;

	memset(&p, 0, sizeof(p));
	skpi_cursor_recv(buf, t, "agent_time", &p.cb);
	p.status = (int32) pq_getmsgint(buf, 4);
	p.plan = (int32) pq_getmsgint(buf, 4);
	p.plan_end = pq_getmsgint64(buf);
	p.nnames = pq_getmsgint(buf, 4);
	if (p.nnames < 0 || p.nnames > AT_MAX_NAMES)
		skpi_state_recv_error(t, "%d statuses are not allowed.", p.nnames);
	p.names = palloc(sizeof(char *) * Max(p.nnames, 1));
	for (i = 0; i < p.nnames; i++)
	{
		int			len = pq_getmsgint(buf, 4);

		if (len < 0 || len > AT_MAX_NAME_LEN)
			skpi_state_recv_error(t, "A name of %d bytes is not allowed.", len);
		p.names[i] = palloc(len + 1);
		pq_copymsgbytes(buf, p.names[i], len);
		p.names[i][len] = '\0';
		if ((int) strlen(p.names[i]) != len || !pg_verifymbstr(p.names[i], len, true))
			skpi_state_recv_error(t, "A name is not valid text.");
	}
	skpi_cells_recv(buf, t, 4, &p.cells);
	return (SkpiStateHeader *) log_from_parts(&p, NULL);
}

static const SkpiStateType skpi_agent_time_log_type = {
	.typname = "agent_time_log_state",
	.version = AT_LOG_VERSION,
	.kind = AT_LOG_KIND,
	.kindname = "agent_time_log",
	.stored_ok = log_stored_ok,
	.valid = log_valid,
	.keys = log_keys,
	.nkeys = lengthof(log_keys),
	.optional = 0,
	.text_begin = log_text_begin,
	.text_field = log_text_field,
	.text_end = log_text_end,
	.out = log_out,
	.send = log_send,
	.recv = log_recv,
};

SKPI_STATE_IO(skpi_agent_time_log_state, skpi_agent_time_log_type)
