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
 * 31st is the month's last day.
 *
 * The transition state is agent_time_log_state: a flat value updated in
 * place in the aggregate's memory, a dense matrix of microseconds per bucket
 * and status (the number of buckets is known from the arguments), so a row
 * costs a comparison and an addition.  It has no combine function: a log
 * split at arbitrary rows cannot be merged without its events (the
 * per-bucket results do merge, with rollup()).
 */
#include "postgres.h"

#include <limits.h>

#include "catalog/pg_type.h"
#include "common/int.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "pgtime.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/json.h"
#include "utils/lsyscache.h"
#include "utils/timestamp.h"

#include "agent_time.h"
#include "buckets.h"
#include "timeline.h"

#define AT_LOG_VERSION 1
#define AT_LOG_KIND 1
#define AT_MAX_BUCKETS SKPI_MAX_BUCKETS
#define AT_MAX_CELLS (INT64CONST(1) << 24)	/* buckets x (statuses + 1) */

#define AT_LOG_SEEN 0x01		/* a row was read (last_at valid) */
#define AT_LOG_DONE 0x02		/* time credited up to `to` */

typedef struct AgentTimeLog
{
	SKPI_STATE_HEADER;
	uint8		flags;
	uint8		zone_len;		/* bytes of the zone name (no NUL) */
	int32		nbuckets;		/* buckets of [from, to) */
	int32		k;				/* the current bucket */
	int32		nnames;			/* statuses seen */
	int32		capnames;		/* columns of the matrix, minus the unknown one */
	int32		pool_len;		/* bytes of names used */
	int32		pool_cap;		/* bytes of names allocated */
	int32		status;			/* the status in force, -1 unknown */
	int32		plan;			/* the planned activity in force, -1 unscheduled */
	Interval	width;
	TimestampTz from,
				to,
				bs,				/* the current bucket's start */
				be,				/* its end, clipped to `to` */
				t0,				/* time credited up to */
				last_at,		/* the last row's time */
				plan_end;		/* when the planned activity ends (plan >= 0) */
	char		var[FLEXIBLE_ARRAY_MEMBER];
	/* zone[zone_len + 1]; int32 name_off[capnames]; pool[pool_cap]; int64 acc[nbuckets][capnames + 1][capnames + 1] */
} AgentTimeLog;

SKPI_STATE_LAYOUT(AgentTimeLog);

#define LOG_ZONE(l) ((l)->var)
#define LOG_OFFS(l) ((int32 *) ((l)->var + INTALIGN((l)->zone_len + 1)))
#define LOG_POOL(l) ((char *) (LOG_OFFS(l) + (l)->capnames))
#define LOG_ACC_OFFSET(zone_len, capnames, pool_cap) \
	MAXALIGN(offsetof(AgentTimeLog, var) + INTALIGN((zone_len) + 1) + (Size) (capnames) * sizeof(int32) + (pool_cap))
#define LOG_ACC(l) ((int64 *) ((char *) (l) + LOG_ACC_OFFSET((l)->zone_len, (l)->capnames, (l)->pool_cap)))
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

/* ---- bucket edges (buckets.c) ---- */

static TimestampTz
log_edge(const AgentTimeLog *l, int64 k)
{
	return skpi_bucket_edge(&l->width, l->from, l->to, LOG_ZONE(l), l->nbuckets, k);
}

#define count_buckets(width, from, to, zone) skpi_bucket_count("agent_time", width, from, to, zone)

/* ---- the state ---- */

static AgentTimeLog *
log_alloc(const char *zone, int nbuckets, int capnames, int pool_cap)
{
	int			zone_len = (int) strlen(zone);
	Size		size;
	AgentTimeLog *l;

	if ((int64) nbuckets * (capnames + 1) * (capnames + 1) > AT_MAX_CELLS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("agent_time would keep too many bucket and status pairs"),
				 errdetail("%d buckets by %d statuses exceed the limit of " INT64_FORMAT " pairs.",
						   nbuckets, capnames, AT_MAX_CELLS),
				 errhint("Use a wider bucket or a shorter period.")));
	size = log_size(zone_len, nbuckets, capnames, pool_cap);
	l = palloc0(size);
	SET_VARSIZE(l, size);
	l->version = AT_LOG_VERSION;
	l->kind = AT_LOG_KIND;
	l->zone_len = (uint8) zone_len;
	l->nbuckets = nbuckets;
	l->capnames = capnames;
	l->pool_cap = pool_cap;
	l->status = -1;
	l->plan = -1;
	memcpy(LOG_ZONE(l), zone, zone_len + 1);
	return l;
}

/* a copy with room for more statuses (the caller's context) */
static AgentTimeLog *
log_grow(const AgentTimeLog *l, int capnames, int pool_cap)
{
	AgentTimeLog *n = log_alloc(LOG_ZONE(l), l->nbuckets, capnames, pool_cap);
	int			b,
				p;

	memcpy((char *) n + SKPI_STATE_HEADER_BYTES + 2, (const char *) l + SKPI_STATE_HEADER_BYTES + 2,
		   offsetof(AgentTimeLog, var) - SKPI_STATE_HEADER_BYTES - 2);
	n->capnames = capnames;
	n->pool_cap = pool_cap;
	memcpy(LOG_OFFS(n), LOG_OFFS(l), sizeof(int32) * l->nnames);
	memcpy(LOG_POOL(n), LOG_POOL(l), l->pool_len);
	for (b = 0; b < l->nbuckets; b++)
		for (p = -1; p < l->nnames; p++)
			memcpy(&LOG_CELL(n, b, p, -1), &LOG_CELL(l, b, p, -1), sizeof(int64) * (l->nnames + 1));
	return n;
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

		l = *lp = log_grow(l, capnames, pool_cap);
	}
	LOG_OFFS(l)[l->nnames] = l->pool_len;
	memcpy(LOG_POOL(l) + l->pool_len, s, len);
	LOG_POOL(l)[l->pool_len + len] = '\0';
	l->pool_len += len + 1;
	return l->nnames++;
}

/*
 * Credit the status and planned activity in force up to t (clipped to `to`),
 * moving through buckets and ending the planned activity at its end.
 */
static void
log_advance(AgentTimeLog *l, TimestampTz t)
{
	if (l->flags & AT_LOG_DONE)
		return;
	if (t > l->to)
		t = l->to;
	for (;;)
	{
		TimestampTz edge = l->be;

		if (l->plan >= 0 && l->plan_end < edge)
			edge = l->plan_end;
		if (t < edge)
		{
			if (t > l->t0)
			{
				LOG_CELL(l, l->k, l->plan, l->status) += t - l->t0;
				l->t0 = t;
			}
			return;
		}
		LOG_CELL(l, l->k, l->plan, l->status) += edge - l->t0;
		l->t0 = edge;
		if (l->plan >= 0 && l->plan_end <= l->t0)
		{
			/* no stale end: the text and binary forms round-trip exactly */
			l->plan = -1;
			l->plan_end = 0;
		}
		if (l->t0 >= l->be)
		{
			if (l->k + 1 >= l->nbuckets)
			{
				l->flags |= AT_LOG_DONE;
				return;
			}
			l->k++;
			l->bs = l->be;
			l->be = log_edge(l, l->k + 1);
		}
	}
}

static AgentTimeLog *
log_new(FunctionCallInfo fcinfo, int a)
{
	Interval	w;
	TimestampTz from,
				to;
	int32		nbuckets;
	const char *zone = skpi_bucket_args(fcinfo, a, "agent_time", &w, &from, &to, &nbuckets);
	AgentTimeLog *l;

	l = log_alloc(zone, nbuckets, 4, 64);
	l->width = w;
	l->from = from;
	l->to = to;
	l->bs = l->t0 = from;
	l->be = log_edge(l, 1);
	return l;
}

/*
 * One row: a status change (status not NULL) and, in the form with a
 * schedule, the start of a planned activity lasting until planned_until.
 */
static Datum
agent_time_row(FunctionCallInfo fcinfo, bool with_plan)
{
	AgentTimeLog *l;
	TimestampTz at;
	int			a = with_plan ? 5 : 3;

	skpi_state_require_aggregate(fcinfo, &skpi_agent_time_log_type);
	if (PG_ARGISNULL(0))
		l = log_new(fcinfo, a);
	else
		l = skpi_state_for_update(fcinfo, 0, &skpi_agent_time_log_type);
	if (PG_ARGISNULL(1) || (PG_ARGISNULL(2) && (!with_plan || PG_ARGISNULL(3))))
		PG_RETURN_POINTER(l);
	at = PG_GETARG_TIMESTAMPTZ(1);
	if (TIMESTAMP_NOT_FINITE(at))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("agent_time needs finite event times")));
	if ((l->flags & AT_LOG_SEEN) && at < l->last_at)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("agent_time rows out of time order"),
				 errdetail("A row at an earlier time follows one at a later time."),
				 errhint("Write agent_time(... ORDER BY at), or feed rows sorted by operator and time.")));
	l->flags |= AT_LOG_SEEN;
	l->last_at = at;
	if ((l->flags & AT_LOG_DONE) || at >= l->to)
	{
		log_advance(l, l->to);
		PG_RETURN_POINTER(l);
	}
	if (at > l->t0)
		log_advance(l, at);
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
		if (until > at && until > l->t0)
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

/* bucket b of a log (advanced to its end) as a state */
static AgentTimeState *
log_bucket(const AgentTimeLog *l, int b, TimestampTz bs, TimestampTz be, AtItem *items)
{
	SkpiBucketBounds bounds = skpi_bucket_bounds(bs, be, be - bs);
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
	return skpi_agent_time_build(items, n, &bounds, true);
}

PG_FUNCTION_INFO_V1(skpi_agent_time_final);
Datum
skpi_agent_time_final(PG_FUNCTION_ARGS)
{
	AgentTimeLog *l;
	Datum	   *states;
	AtItem	   *items;
	TimestampTz bs;
	int			b;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	/* run the log to its end on a copy: the final function leaves the state as it is */
	{
		const AgentTimeLog *stored = skpi_state_getarg(fcinfo, 0, &skpi_agent_time_log_type);

		l = palloc(VARSIZE(stored));
		memcpy(l, stored, VARSIZE(stored));
	}
	log_advance(l, l->to);
	states = palloc(sizeof(Datum) * l->nbuckets);
	items = palloc(sizeof(AtItem) * (l->nnames + 1) * (l->nnames + 1));
	bs = l->from;
	for (b = 0; b < l->nbuckets; b++)
	{
		TimestampTz be = log_edge(l, b + 1);

		states[b] = PointerGetDatum(log_bucket(l, b, bs, be, items));
		bs = be;
		if ((b & 0xFF) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	PG_RETURN_ARRAYTYPE_P(skpi_bucket_states_array(fcinfo, states, l->nbuckets, "agent_time"));
}

/* ---- checks, text and binary forms of agent_time_log_state ---- */

static const char *
log_problem(const AgentTimeLog *l)
{
	Size		size = VARSIZE(l);
	int			b,
				p,
				s,
				i;

	if (size < offsetof(AgentTimeLog, var) || l->nbuckets < 1 || l->nbuckets > AT_MAX_BUCKETS ||
		l->capnames < 1 || l->capnames > AT_MAX_NAMES || l->nnames < 0 || l->nnames > l->capnames ||
		l->pool_cap < 0 || l->pool_len < 0 || l->pool_len > l->pool_cap ||
		l->k < 0 || l->k >= l->nbuckets || l->status < -1 || l->status >= l->nnames ||
		l->plan < -1 || l->plan >= l->nnames ||
		(int64) l->nbuckets * (l->capnames + 1) * (l->capnames + 1) > AT_MAX_CELLS)
		return "Its header is inconsistent.";
	if (size != log_size(l->zone_len, l->nbuckets, l->capnames, l->pool_cap))
		return "Its size does not match its counts.";
	if (LOG_ZONE(l)[l->zone_len] != '\0' || strlen(LOG_ZONE(l)) != l->zone_len)
		return "Its time zone is not terminated.";
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
	if (!(l->from < l->to) || !IS_VALID_TIMESTAMP(l->from) || !IS_VALID_TIMESTAMP(l->to) ||
		!(l->bs <= l->t0 && l->t0 <= l->be && l->bs < l->be && l->be <= l->to && l->bs >= l->from) ||
		((l->flags & AT_LOG_SEEN) && !IS_VALID_TIMESTAMP(l->last_at)) ||
		(l->plan >= 0 && (!IS_VALID_TIMESTAMP(l->plan_end) || l->plan_end <= l->t0)))
		return "Its position is inconsistent.";
	/* every cell non-negative, none past the position */
	for (b = 0; b < l->nbuckets; b++)
		for (p = -1; p < l->capnames; p++)
			for (s = -1; s < l->capnames; s++)
			{
				int64		us = LOG_CELL(l, b, p, s);

				if (us < 0 || (us > 0 && (b > l->k || s >= l->nnames || p >= l->nnames)))
					return "A bucket holds time it cannot hold.";
			}
	return NULL;
}

static bool
log_stored_ok(const SkpiStateHeader *h)
{
	const AgentTimeLog *l = (const AgentTimeLog *) h;
	Size		size = VARSIZE(l);

	/* constant work: the header and the size (readers index by them) */
	return size >= offsetof(AgentTimeLog, var) && l->nbuckets >= 1 && l->nbuckets <= AT_MAX_BUCKETS &&
		l->capnames >= 1 && l->capnames <= AT_MAX_NAMES && l->nnames >= 0 && l->nnames <= l->capnames &&
		l->pool_cap >= 0 && l->pool_len >= 0 && l->pool_len <= l->pool_cap &&
		l->k >= 0 && l->k < l->nbuckets && l->status >= -1 && l->status < l->nnames &&
		l->plan >= -1 && l->plan < l->nnames &&
		size == log_size(l->zone_len, l->nbuckets, l->capnames, l->pool_cap);
}

static bool
log_valid(const SkpiStateHeader *h, Node *escontext)
{
	const AgentTimeLog *l = (const AgentTimeLog *) h;
	const char *problem = log_problem(l);
	int64		b;
	TimestampTz bs,
				be;

	/* the buckets' sums: closed ones full, the current one up to t0 */
	if (problem == NULL && count_buckets(&l->width, l->from, l->to, LOG_ZONE(l)) != l->nbuckets)
		problem = "Its number of buckets does not match its width and period.";
	for (b = 0, bs = l->from; problem == NULL && b <= l->k; b++, bs = be)
	{
		int64		sum = 0;
		int			p,
					s;

		be = log_edge(l, b + 1);
		for (p = -1; p < l->nnames; p++)
			for (s = -1; s < l->nnames; s++)
				sum += LOG_CELL(l, b, p, s);
		if (b == l->k && (bs != l->bs || be != l->be))
			problem = "Its current bucket is not where its width puts it.";
		else if (sum != (b < l->k || (l->flags & AT_LOG_DONE) ? be - bs : l->t0 - bs))
			problem = "A bucket's times do not add up to its length.";
	}
	if (problem)
		ereturn(escontext, false,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid agent_time_log_state value"),
				 errdetail("%s", problem)));
	return true;
}

/*
 * {"version":1,"kind":"agent_time_log","width_months":0,"width_days":0,"width_us":3600000000,
 *  "from":"...","to":"...","time_zone":"UTC","bucket":2,"credited_to":"...","last_at":"..."|null,
 *  "done":false,"status":1|null,"plan":0|null,"plan_until":"..."|null,"statuses":["off","running"],
 *  "times":[[0,null,0,1500000000],...]}
 * statuses: the names of the statuses and planned activities; times: [bucket, planned activity index or
 * null (unscheduled), status index or null (unknown), microseconds], the non-zero cells.
 */
static const char *const log_keys[] = {
	"width_months", "width_days", "width_us", "from", "to", "time_zone", "bucket",
	"credited_to", "last_at", "done", "status", "plan", "plan_until", "statuses", "times"
};

typedef struct LogTextIn
{
	int64		v[3];
	TimestampTz from,
				to,
				t0,
				last_at;
	bool		last_null,
				done,
				status_null,
				plan_null,
				until_null;
	int64		bucket,
				status,
				plan;
	TimestampTz plan_end;
	StringInfoData zone;
	StringInfoData buf;
	List	   *names;
	List	   *cells;			/* int64[4] each */
} LogTextIn;

static void *
log_text_begin(const SkpiStateType *t)
{
	LogTextIn  *in = palloc0(sizeof(LogTextIn));

	initStringInfo(&in->zone);
	initStringInfo(&in->buf);
	return in;
}

static bool
log_text_name(TextParser *tp, void *arg)
{
	LogTextIn  *in = (LogTextIn *) arg;

	if (!skpi_text_string(tp, &in->buf, AT_MAX_NAME_LEN, "A status name"))
		return false;
	if (list_length(in->names) >= AT_MAX_NAMES)
		return skpi_text_error(tp, "Too many statuses.");
	in->names = lappend(in->names, pstrdup(in->buf.data));
	return true;
}

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
	int64	   *c = palloc(sizeof(int64) * 4);

	if (!skpi_text_expect(tp, '[') || !skpi_text_int64(tp, &c[0]) || !skpi_text_expect(tp, ',') ||
		!log_text_index(tp, &c[1]) || !skpi_text_expect(tp, ',') ||
		!log_text_index(tp, &c[2]) || !skpi_text_expect(tp, ',') ||
		!skpi_text_int64(tp, &c[3]) || !skpi_text_expect(tp, ']'))
		return false;
	if (list_length(in->cells) >= AT_MAX_CELLS)
		return skpi_text_error(tp, "Too many cells.");
	in->cells = lappend(in->cells, c);
	return true;
}

static bool
log_text_field(TextParser *tp, int key, void *ctx)
{
	LogTextIn  *in = (LogTextIn *) ctx;

	switch (key)
	{
		case 0:
		case 1:
		case 2:
			return skpi_text_int64(tp, &in->v[key]);
		case 3:
			return skpi_text_timestamp(tp, &in->from, "from must be finite.");
		case 4:
			return skpi_text_timestamp(tp, &in->to, "to must be finite.");
		case 5:
			return skpi_text_string(tp, &in->zone, 255, "A time zone");
		case 6:
			return skpi_text_int64(tp, &in->bucket);
		case 7:
			return skpi_text_timestamp(tp, &in->t0, "credited_to must be finite.");
		case 8:
			in->last_null = skpi_text_null(tp);
			return in->last_null || skpi_text_timestamp(tp, &in->last_at, "last_at must be finite.");
		case 9:
			return skpi_text_bool(tp, &in->done);
		case 10:
			in->status_null = skpi_text_null(tp);
			return in->status_null || skpi_text_int64(tp, &in->status);
		case 11:
			in->plan_null = skpi_text_null(tp);
			return in->plan_null || skpi_text_int64(tp, &in->plan);
		case 12:
			in->until_null = skpi_text_null(tp);
			return in->until_null || skpi_text_timestamp(tp, &in->plan_end, "plan_until must be finite.");
		case 13:
			return skpi_text_list(tp, log_text_name, in);
		default:
			return skpi_text_list(tp, log_text_cell, in);
	}
}

static SkpiStateHeader *
log_text_end(TextParser *tp, void *ctx)
{
	LogTextIn  *in = (LogTextIn *) ctx;
	Interval	w;
	pg_tz	   *tz;
	AgentTimeLog *l;
	int			nbuckets,
				nnames = list_length(in->names),
				pool = 0;
	ListCell   *lc;

	if (in->v[0] < 0 || in->v[0] > INT_MAX || in->v[1] < 0 || in->v[1] > INT_MAX || in->v[2] < 0 ||
		in->v[0] + in->v[1] + in->v[2] == 0)
	{
		skpi_text_error(tp, "The width must be positive.");
		return NULL;
	}
	w.month = (int32) in->v[0];
	w.day = (int32) in->v[1];
	w.time = in->v[2];
	tz = pg_tzset(in->zone.data);
	if (tz == NULL || strcmp(pg_get_timezone_name(tz), in->zone.data) != 0)
	{
		skpi_text_error(tp, "The time zone is not a known zone name.");
		return NULL;
	}
	if (!(in->from < in->to))
	{
		skpi_text_error(tp, "from must be before to.");
		return NULL;
	}
	nbuckets = count_buckets(&w, in->from, in->to, in->zone.data);
	if (in->bucket < 0 || in->bucket >= nbuckets || (!in->status_null && (in->status < 0 || in->status >= nnames)) ||
		(!in->plan_null && (in->plan < 0 || in->plan >= nnames)) || in->plan_null != in->until_null)
	{
		skpi_text_error(tp, "The bucket or the status is out of range.");
		return NULL;
	}
	foreach(lc, in->names)
		pool += strlen((char *) lfirst(lc)) + 1;
	l = log_alloc(in->zone.data, nbuckets, Max(nnames, 1), pool);
	l->width = w;
	l->from = in->from;
	l->to = in->to;
	l->k = (int32) in->bucket;
	l->bs = log_edge(l, l->k);
	l->be = log_edge(l, l->k + 1);
	l->t0 = in->t0;
	l->last_at = in->last_null ? 0 : in->last_at;
	l->flags = (in->last_null ? 0 : AT_LOG_SEEN) | (in->done ? AT_LOG_DONE : 0);
	l->status = in->status_null ? -1 : (int32) in->status;
	l->plan = in->plan_null ? -1 : (int32) in->plan;
	l->plan_end = in->plan_null ? 0 : in->plan_end;
	foreach(lc, in->names)
	{
		const char *name = lfirst(lc);
		int			len = (int) strlen(name),
					i;

		for (i = 0; i < l->nnames; i++)
			if (strcmp(LOG_NAME(l, i), name) == 0)
			{
				skpi_text_error(tp, "A status appears twice.");
				return NULL;
			}
		LOG_OFFS(l)[l->nnames++] = l->pool_len;
		memcpy(LOG_POOL(l) + l->pool_len, name, len + 1);
		l->pool_len += len + 1;
	}
	foreach(lc, in->cells)
	{
		int64	   *c = lfirst(lc);

		if (c[0] < 0 || c[0] >= nbuckets || c[1] < -1 || c[1] >= nnames || c[2] < -1 || c[2] >= nnames ||
			c[3] <= 0 || LOG_CELL(l, c[0], c[1], c[2]) != 0)
		{
			skpi_text_error(tp, "A cell is out of range, not positive, or repeated.");
			return NULL;
		}
		LOG_CELL(l, c[0], c[1], c[2]) = c[3];
	}
	return (SkpiStateHeader *) l;
}

static void
log_out(StringInfo buf, const SkpiStateHeader *h)
{
	const AgentTimeLog *l = (const AgentTimeLog *) h;
	int			b,
				p,
				s,
				n = 0;

	appendStringInfo(buf, ",\"width_months\":%d,\"width_days\":%d,\"width_us\":" INT64_FORMAT ",\"from\":",
					 l->width.month, l->width.day, l->width.time);
	tl_append_timestamp(buf, l->from);
	appendStringInfoString(buf, ",\"to\":");
	tl_append_timestamp(buf, l->to);
	appendStringInfoString(buf, ",\"time_zone\":");
	escape_json(buf, LOG_ZONE(l));
	appendStringInfo(buf, ",\"bucket\":%d,\"credited_to\":", l->k);
	tl_append_timestamp(buf, l->t0);
	appendStringInfoString(buf, ",\"last_at\":");
	if (l->flags & AT_LOG_SEEN)
		tl_append_timestamp(buf, l->last_at);
	else
		appendStringInfoString(buf, "null");
	appendStringInfo(buf, ",\"done\":%s,\"status\":", (l->flags & AT_LOG_DONE) ? "true" : "false");
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
	for (b = 0; b < l->nbuckets; b++)
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

/* binary: the text form's fields in order (cells as int32 bucket, plan, status, int64 us) */
static void
log_send(StringInfo buf, const SkpiStateHeader *h)
{
	const AgentTimeLog *l = (const AgentTimeLog *) h;
	int			b,
				p,
				s,
				n = 0;

	pq_sendbyte(buf, l->kind);
	pq_sendbyte(buf, l->flags);
	pq_sendint32(buf, l->width.month);
	pq_sendint32(buf, l->width.day);
	pq_sendint64(buf, l->width.time);
	pq_sendint64(buf, l->from);
	pq_sendint64(buf, l->to);
	pq_sendbyte(buf, l->zone_len);
	pq_sendbytes(buf, LOG_ZONE(l), l->zone_len);
	pq_sendint32(buf, l->k);
	pq_sendint64(buf, l->t0);
	pq_sendint64(buf, l->last_at);
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
	for (b = 0; b < l->nbuckets; b++)
		for (p = -1; p < l->nnames; p++)
			for (s = -1; s < l->nnames; s++)
				n += LOG_CELL(l, b, p, s) != 0;
	pq_sendint32(buf, n);
	for (b = 0; b < l->nbuckets; b++)
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
	int			kind = pq_getmsgbyte(buf),
				flags = pq_getmsgbyte(buf);
	Interval	w;
	TimestampTz from,
				to;
	char		zone[256];
	int			zone_len,
				nnames,
				ncells,
				nbuckets,
				pool = 0,
				i;
	int32		k,
				status,
				plan;
	TimestampTz t0,
				last_at,
				plan_end;
	char	  **names;
	AgentTimeLog *l;

	if (kind != AT_LOG_KIND || (flags & ~(AT_LOG_SEEN | AT_LOG_DONE)) != 0)
		skpi_state_recv_error(t, "Kind %d and flags %d do not make an agent_time_log_state.", kind, flags);
	w.month = pq_getmsgint(buf, 4);
	w.day = pq_getmsgint(buf, 4);
	w.time = pq_getmsgint64(buf);
	from = pq_getmsgint64(buf);
	to = pq_getmsgint64(buf);
	zone_len = pq_getmsgbyte(buf);
	pq_copymsgbytes(buf, zone, zone_len);
	zone[zone_len] = '\0';
	if ((int) strlen(zone) != zone_len || pg_tzset(zone) == NULL ||
		strcmp(pg_get_timezone_name(pg_tzset(zone)), zone) != 0)
		skpi_state_recv_error(t, "The time zone is not a known zone name.");
	if (w.month < 0 || w.day < 0 || w.time < 0 || (w.month == 0 && w.day == 0 && w.time == 0))
		skpi_state_recv_error(t, "The width must be positive.");
	if (!IS_VALID_TIMESTAMP(from) || !IS_VALID_TIMESTAMP(to) || !(from < to))
		skpi_state_recv_error(t, "from must be a finite time before to.");
	k = pq_getmsgint(buf, 4);
	t0 = pq_getmsgint64(buf);
	last_at = pq_getmsgint64(buf);
	status = pq_getmsgint(buf, 4);
	plan = pq_getmsgint(buf, 4);
	plan_end = pq_getmsgint64(buf);
	nnames = pq_getmsgint(buf, 4);
	if (nnames < 0 || nnames > AT_MAX_NAMES)
		skpi_state_recv_error(t, "%d statuses are not allowed.", nnames);
	names = palloc(sizeof(char *) * Max(nnames, 1));
	for (i = 0; i < nnames; i++)
	{
		int			len = pq_getmsgint(buf, 4);

		if (len < 0 || len > AT_MAX_NAME_LEN)
			skpi_state_recv_error(t, "A name of %d bytes is not allowed.", len);
		names[i] = palloc(len + 1);
		pq_copymsgbytes(buf, names[i], len);
		names[i][len] = '\0';
		if ((int) strlen(names[i]) != len || !pg_verifymbstr(names[i], len, true))
			skpi_state_recv_error(t, "A name is not valid text.");
		pool += len + 1;
	}
	nbuckets = count_buckets(&w, from, to, zone);
	if (k < 0 || k >= nbuckets || status < -1 || status >= nnames || plan < -1 || plan >= nnames)
		skpi_state_recv_error(t, "The bucket, the status or the planned activity is out of range.");
	l = log_alloc(zone, nbuckets, Max(nnames, 1), pool);
	l->width = w;
	l->from = from;
	l->to = to;
	l->k = k;
	l->bs = log_edge(l, k);
	l->be = log_edge(l, k + 1);
	l->t0 = t0;
	l->last_at = last_at;
	l->flags = (uint8) flags;
	l->status = status;
	l->plan = plan;
	l->plan_end = plan < 0 ? 0 : plan_end;
	for (i = 0; i < nnames; i++)
	{
		int			j;

		for (j = 0; j < i; j++)
			if (strcmp(names[i], names[j]) == 0)
				skpi_state_recv_error(t, "A status appears twice.");
		LOG_OFFS(l)[l->nnames++] = l->pool_len;
		memcpy(LOG_POOL(l) + l->pool_len, names[i], strlen(names[i]) + 1);
		l->pool_len += strlen(names[i]) + 1;
	}
	ncells = pq_getmsgint(buf, 4);
	if (ncells < 0 || ncells > (buf->len - buf->cursor) / 20)
		skpi_state_recv_error(t, "%d cells do not fit the value.", ncells);
	for (i = 0; i < ncells; i++)
	{
		int			b = pq_getmsgint(buf, 4),
					p = pq_getmsgint(buf, 4),
					s = pq_getmsgint(buf, 4);
		int64		us = pq_getmsgint64(buf);

		if (b < 0 || b >= nbuckets || p < -1 || p >= nnames || s < -1 || s >= nnames || us <= 0 ||
			LOG_CELL(l, b, p, s) != 0)
			skpi_state_recv_error(t, "A cell is out of range, not positive, or repeated.");
		LOG_CELL(l, b, p, s) = us;
	}
	return (SkpiStateHeader *) l;
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
