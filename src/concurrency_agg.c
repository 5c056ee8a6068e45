/*
 * concurrency_agg.c
 *		concurrency(started_at, ended_at, width, from, to [, time_zone]
 *		ORDER BY started_at): an operator's chats swept in start order, one
 *		concurrency_state per bucket of [from, to), as an array.
 *
 * Rules: bucket edges are agent_time's (buckets.c).  A chat counts in the
 * `chats` of the bucket where it starts; its time, clipped to [from, to),
 * goes to the level of the number of chats open at each instant.  A chat
 * that ends as another starts does not overlap it (ends are taken first).
 * A chat without an end (ended_at NULL) is still open: it counts up to `to`
 * (now() for a live view).  Chats that started before `from` and are still
 * open at `from` are carried in (their time counts from `from`; they count
 * in no bucket's `chats`); time after `to` is ignored, and so are chats
 * starting at or after `to`.  Rows must come in start order (ORDER BY
 * started_at in the call, or an input sorted by operator and start): a chat
 * that starts before the one before is an error; a row with a NULL
 * started_at is skipped; an end before the start is an error.
 *
 * The transition state is concurrency_log_state: a flat value updated in
 * place in the aggregate's memory: the parameters, the position (bucket,
 * time credited up to), a min-heap of the open chats' ends (clipped to
 * `to`) and a dense matrix per bucket of [chats started, µs at level 1..cap].
 * A row costs O(log open chats).  No combine function: a sweep split at
 * arbitrary rows cannot be merged without the chats open across the split
 * (the per-bucket results do merge, with rollup()).
 */
#include "postgres.h"

#include <limits.h>

#include "common/int.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "pgtime.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/timestamp.h"

#include "buckets.h"
#include "concurrency_state.h"
#include "timeline.h"

#define CONC_LOG_VERSION 1
#define CONC_LOG_KIND 1
#define CONC_MAX_CELLS (INT64CONST(1) << 24)	/* buckets x (open chats + 1) */

#define CONC_LOG_SEEN 0x01		/* a row was read (last_start valid) */
#define CONC_LOG_DONE 0x02		/* time credited up to `to` */

typedef struct ConcLog
{
	SKPI_STATE_HEADER;
	uint8		flags;
	uint8		zone_len;		/* bytes of the zone name (no NUL) */
	int32		nbuckets;		/* buckets of [from, to) */
	int32		k;				/* the current bucket */
	int32		nopen;			/* chats open (entries of the heap) */
	int32		cap;			/* heap entries allocated = levels per bucket */
	Interval	width;
	TimestampTz from,
				to,
				bs,				/* the current bucket's start */
				be,				/* its end, clipped to `to` */
				t0,				/* time credited up to */
				last_start;		/* the last row's start */
	char		var[FLEXIBLE_ARRAY_MEMBER];
	/* zone[zone_len + 1]; int64 heap[cap]; int64 acc[nbuckets][cap + 1]: chats, then µs at level 1..cap */
} ConcLog;

SKPI_STATE_LAYOUT(ConcLog);

#define LOG_ZONE(l) ((l)->var)
#define LOG_HEAP_OFFSET(zone_len) MAXALIGN(offsetof(ConcLog, var) + (zone_len) + 1)
#define LOG_HEAP(l) ((int64 *) ((char *) (l) + LOG_HEAP_OFFSET((l)->zone_len)))
#define LOG_ROW(l, b) (LOG_HEAP(l) + (l)->cap + (Size) (b) * ((l)->cap + 1))

static Size
log_size(int zone_len, int nbuckets, int cap)
{
	return LOG_HEAP_OFFSET(zone_len) + ((Size) cap + (Size) nbuckets * (cap + 1)) * sizeof(int64);
}

static const SkpiStateType skpi_concurrency_log_type;

static TimestampTz
log_edge(const ConcLog *l, int64 k)
{
	return skpi_bucket_edge(&l->width, l->from, l->to, LOG_ZONE(l), l->nbuckets, k);
}

#define count_buckets(width, from, to, zone) skpi_bucket_count("concurrency", width, from, to, zone)

/* ---- the state ---- */

static ConcLog *
log_alloc(const char *zone, int nbuckets, int cap)
{
	int			zone_len = (int) strlen(zone);
	Size		size;
	ConcLog    *l;

	if ((int64) nbuckets * (cap + 1) > CONC_MAX_CELLS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("concurrency would keep too many bucket and level pairs"),
				 errdetail("%d buckets by %d levels exceed the limit of " INT64_FORMAT " pairs.",
						   nbuckets, cap, CONC_MAX_CELLS),
				 errhint("Use a wider bucket or a shorter period.")));
	size = log_size(zone_len, nbuckets, cap);
	l = palloc0(size);
	SET_VARSIZE(l, size);
	l->version = CONC_LOG_VERSION;
	l->kind = CONC_LOG_KIND;
	l->zone_len = (uint8) zone_len;
	l->nbuckets = nbuckets;
	l->cap = cap;
	memcpy(LOG_ZONE(l), zone, zone_len + 1);
	return l;
}

/* a copy with room for cap open chats (the caller's context) */
static ConcLog *
log_grow(const ConcLog *l, int cap)
{
	ConcLog    *n = log_alloc(LOG_ZONE(l), l->nbuckets, cap);
	int			b;

	memcpy((char *) n + SKPI_STATE_HEADER_BYTES, (const char *) l + SKPI_STATE_HEADER_BYTES,
		   offsetof(ConcLog, var) - SKPI_STATE_HEADER_BYTES);
	n->cap = cap;
	memcpy(LOG_HEAP(n), LOG_HEAP(l), sizeof(int64) * l->nopen);
	for (b = 0; b < l->nbuckets; b++)
		memcpy(LOG_ROW(n, b), LOG_ROW(l, b), sizeof(int64) * (l->cap + 1));
	return n;
}

/* ---- the heap of open chats' ends ---- */

static void
heap_push(ConcLog *l, int64 end)
{
	int64	   *h = LOG_HEAP(l);
	int			i = l->nopen++;

	while (i > 0 && h[(i - 1) / 2] > end)
	{
		h[i] = h[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	h[i] = end;
}

static void
heap_pop(ConcLog *l)
{
	int64	   *h = LOG_HEAP(l);
	int64		last = h[--l->nopen];
	int			n = l->nopen,
				i = 0;

	for (;;)
	{
		int			c = 2 * i + 1;

		if (c >= n)
			break;
		if (c + 1 < n && h[c + 1] < h[c])
			c++;
		if (h[c] >= last)
			break;
		h[i] = h[c];
		i = c;
	}
	if (n > 0)
		h[i] = last;
}

/* credit the chats open up to t (> t0) to the current bucket */
static inline void
log_credit(ConcLog *l, TimestampTz t)
{
	if (l->nopen > 0 && t > l->t0)
		LOG_ROW(l, l->k)[l->nopen] += t - l->t0;
	l->t0 = t;
}

/*
 * Credit the chats open up to t (clipped to `to`), closing the chats that
 * end on the way and moving through buckets.
 */
static void
log_advance(ConcLog *l, TimestampTz t)
{
	if (l->flags & CONC_LOG_DONE)
		return;
	if (t > l->to)
		t = l->to;
	for (;;)
	{
		TimestampTz edge = l->be;

		if (l->nopen > 0 && LOG_HEAP(l)[0] < edge)
			edge = LOG_HEAP(l)[0];
		if (t < edge)
		{
			if (t > l->t0)
				log_credit(l, t);
			return;
		}
		log_credit(l, edge);
		while (l->nopen > 0 && LOG_HEAP(l)[0] <= l->t0)
			heap_pop(l);
		if (l->t0 >= l->be)
		{
			if (l->k + 1 >= l->nbuckets)
			{
				l->flags |= CONC_LOG_DONE;
				return;
			}
			l->k++;
			l->bs = l->be;
			l->be = log_edge(l, l->k + 1);
		}
	}
}

static ConcLog *
log_new(FunctionCallInfo fcinfo, int a)
{
	Interval	w;
	TimestampTz from,
				to;
	int32		nbuckets;
	const char *zone = skpi_bucket_args(fcinfo, a, "concurrency", &w, &from, &to, &nbuckets);
	ConcLog    *l;

	l = log_alloc(zone, nbuckets, 4);
	l->width = w;
	l->from = from;
	l->to = to;
	l->bs = l->t0 = from;
	l->be = log_edge(l, 1);
	return l;
}

/* one chat: started_at, ended_at (NULL: still open) */
PG_FUNCTION_INFO_V1(skpi_concurrency_accum);
Datum
skpi_concurrency_accum(PG_FUNCTION_ARGS)
{
	ConcLog    *l;
	TimestampTz s,
				e;

	skpi_state_require_aggregate(fcinfo, &skpi_concurrency_log_type);
	if (PG_ARGISNULL(0))
		l = log_new(fcinfo, 3);
	else
		l = skpi_state_for_update(fcinfo, 0, &skpi_concurrency_log_type);
	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(l);
	s = PG_GETARG_TIMESTAMPTZ(1);
	e = PG_ARGISNULL(2) ? DT_NOEND : PG_GETARG_TIMESTAMPTZ(2);
	if (TIMESTAMP_NOT_FINITE(s) || (!PG_ARGISNULL(2) && TIMESTAMP_NOT_FINITE(e)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("chat times must be finite"),
				 errhint("Give a NULL ended_at for a chat that is still open.")));
	if (e < s)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a chat ends before it starts")));
	if ((l->flags & CONC_LOG_SEEN) && s < l->last_start)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("concurrency rows out of start order"),
				 errdetail("A chat that starts earlier follows one that starts later."),
				 errhint("Write concurrency(... ORDER BY started_at), or feed rows sorted by operator and start.")));
	l->flags |= CONC_LOG_SEEN;
	l->last_start = s;
	if ((l->flags & CONC_LOG_DONE) || s >= l->to)
	{
		log_advance(l, l->to);
		PG_RETURN_POINTER(l);
	}
	if (s > l->t0)
		log_advance(l, s);
	if (s >= l->from)
		LOG_ROW(l, l->k)[0]++;
	e = Min(e, l->to);
	if (e > Max(s, l->from))
	{
		if (l->nopen == l->cap)
		{
			if (l->cap >= CONC_MAX_LEVELS)
				ereport(ERROR,
						(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
						 errmsg("concurrency would keep more than %d chats open at once", CONC_MAX_LEVELS),
						 errhint("Compute it per operator (GROUP BY the operator).")));
			l = log_grow(l, Min(2 * l->cap, CONC_MAX_LEVELS));
		}
		heap_push(l, e);
	}
	PG_RETURN_POINTER(l);
}

PG_FUNCTION_INFO_V1(skpi_concurrency_final);
Datum
skpi_concurrency_final(PG_FUNCTION_ARGS)
{
	ConcLog    *l;
	Datum	   *states;
	TimestampTz bs;
	int			b;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	/* run the sweep to its end on a copy: the final function leaves the state as it is */
	{
		const ConcLog *stored = skpi_state_getarg(fcinfo, 0, &skpi_concurrency_log_type);

		l = palloc(VARSIZE(stored));
		memcpy(l, stored, VARSIZE(stored));
	}
	log_advance(l, l->to);
	states = palloc(sizeof(Datum) * l->nbuckets);
	bs = l->from;
	for (b = 0; b < l->nbuckets; b++)
	{
		TimestampTz be = log_edge(l, b + 1);
		const int64 *row = LOG_ROW(l, b);
		SkpiBucketBounds bounds = skpi_bucket_bounds(bs, be, be - bs);

		states[b] = PointerGetDatum(skpi_concurrency_build(&bounds, row[0], row + 1, l->cap));
		bs = be;
		if ((b & 0xFF) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	PG_RETURN_ARRAYTYPE_P(skpi_bucket_states_array(fcinfo, states, l->nbuckets, "concurrency"));
}

/* ---- checks, text and binary forms of concurrency_log_state ---- */

/* the header and the size: constant work (readers index by them) */
static bool
log_header_ok(const ConcLog *l)
{
	Size		size = VARSIZE(l);

	return size >= offsetof(ConcLog, var) && l->nbuckets >= 1 && l->nbuckets <= SKPI_MAX_BUCKETS &&
		l->cap >= 1 && l->cap <= CONC_MAX_LEVELS && l->nopen >= 0 && l->nopen <= l->cap &&
		l->k >= 0 && l->k < l->nbuckets &&
		(l->flags & ~(CONC_LOG_SEEN | CONC_LOG_DONE)) == 0 &&
		(int64) l->nbuckets * (l->cap + 1) <= CONC_MAX_CELLS &&
		size == log_size(l->zone_len, l->nbuckets, l->cap);
}

static bool
log_stored_ok(const SkpiStateHeader *h)
{
	return log_header_ok((const ConcLog *) h);
}

static const char *
log_problem(const ConcLog *l)
{
	const int64 *h;
	int			b,
				i;

	if (!log_header_ok(l))
		return "Its header is inconsistent.";
	if (LOG_ZONE(l)[l->zone_len] != '\0' || strlen(LOG_ZONE(l)) != l->zone_len)
		return "Its time zone is not terminated.";
	if (!(l->from < l->to) || !IS_VALID_TIMESTAMP(l->from) || !IS_VALID_TIMESTAMP(l->to) ||
		!(l->bs <= l->t0 && l->t0 <= l->be && l->bs < l->be && l->be <= l->to && l->bs >= l->from) ||
		((l->flags & CONC_LOG_DONE) && (l->t0 != l->to || l->nopen != 0)) ||
		((l->flags & CONC_LOG_SEEN) && !IS_VALID_TIMESTAMP(l->last_start)))
		return "Its position is inconsistent.";
	h = LOG_HEAP(l);
	for (i = 0; i < l->nopen; i++)
		if (h[i] <= l->t0 || h[i] > l->to || (i > 0 && h[(i - 1) / 2] > h[i]))
			return "An open chat ends where it cannot.";
	for (b = 0; b < l->nbuckets; b++)
		for (i = 0; i <= l->cap; i++)
		{
			int64		v = LOG_ROW(l, b)[i];

			if (v < 0 || (v > 0 && b > l->k))
				return "A bucket holds figures it cannot hold.";
		}
	return NULL;
}

static bool
log_valid(const SkpiStateHeader *hd, Node *escontext)
{
	const ConcLog *l = (const ConcLog *) hd;
	const char *problem = log_problem(l);
	int64		b;
	TimestampTz bs,
				be;

	/* the buckets' times: within the bucket (the current one up to t0) */
	if (problem == NULL && count_buckets(&l->width, l->from, l->to, LOG_ZONE(l)) != l->nbuckets)
		problem = "Its number of buckets does not match its width and period.";
	for (b = 0, bs = l->from; problem == NULL && b <= l->k; b++, bs = be)
	{
		int64		sum = 0;
		int			i;

		be = log_edge(l, b + 1);
		for (i = 1; i <= l->cap; i++)
			if (pg_add_s64_overflow(sum, LOG_ROW(l, b)[i], &sum))
				sum = PG_INT64_MAX;
		if (b == l->k && (bs != l->bs || be != l->be))
			problem = "Its current bucket is not where its width puts it.";
		else if (sum > (b < l->k ? be - bs : l->t0 - bs))
			problem = "A bucket's times exceed its length.";
	}
	if (problem)
		ereturn(escontext, false,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid concurrency_log_state value"),
				 errdetail("%s", problem)));
	return true;
}

/*
 * A log from its parts (text and binary input): nbuckets from the width and
 * the period; room for the open chats and the highest level given; the
 * open chats' ends sorted (a sorted array is a heap).  The checks are
 * log_valid's.
 */
typedef struct LogParts
{
	Interval	width;
	TimestampTz from,
				to,
				t0,
				last_start;
	bool		seen,
				done;
	int64		bucket;
	char		zone[256];
	int			nopen;
	int64	   *open;
	int			ncells;
	int64	   *cells;			/* [bucket, level (0: chats), value] each */
} LogParts;

static int
cmp_int64(const void *a, const void *b)
{
	int64		x = *(const int64 *) a,
				y = *(const int64 *) b;

	return x < y ? -1 : x > y;
}

/* the log, or NULL with *problem set */
static ConcLog *
log_from_parts(LogParts *p, const char **problem)
{
	pg_tz	   *tz = pg_tzset(p->zone);
	int			nbuckets,
				cap,
				i;
	ConcLog    *l;

	*problem = NULL;
	if (tz == NULL || strcmp(pg_get_timezone_name(tz), p->zone) != 0)
		*problem = "The time zone is not a known zone name.";
	else if (p->width.month < 0 || p->width.day < 0 || p->width.time < 0 ||
			 (p->width.month == 0 && p->width.day == 0 && p->width.time == 0))
		*problem = "The width must be positive.";
	else if (!IS_VALID_TIMESTAMP(p->from) || !IS_VALID_TIMESTAMP(p->to) || !(p->from < p->to))
		*problem = "from must be a finite time before to.";
	else if (p->nopen > CONC_MAX_LEVELS)
		*problem = "Too many open chats.";
	if (*problem)
		return NULL;
	nbuckets = count_buckets(&p->width, p->from, p->to, p->zone);
	if (p->bucket < 0 || p->bucket >= nbuckets)
	{
		*problem = "The bucket is out of range.";
		return NULL;
	}
	cap = Max(p->nopen, 1);
	for (i = 0; i < p->ncells; i++)
	{
		int64	   *c = &p->cells[3 * i];

		if (c[0] < 0 || c[0] >= nbuckets || c[1] < 0 || c[1] > CONC_MAX_LEVELS || c[2] <= 0)
		{
			*problem = "A cell is out of range or not positive.";
			return NULL;
		}
		cap = Max(cap, (int) c[1]);
	}
	l = log_alloc(p->zone, nbuckets, cap);
	l->width = p->width;
	l->from = p->from;
	l->to = p->to;
	l->k = (int32) p->bucket;
	l->bs = log_edge(l, l->k);
	l->be = log_edge(l, l->k + 1);
	l->t0 = p->t0;
	l->last_start = p->seen ? p->last_start : 0;
	l->flags = (p->seen ? CONC_LOG_SEEN : 0) | (p->done ? CONC_LOG_DONE : 0);
	qsort(p->open, p->nopen, sizeof(int64), cmp_int64);
	memcpy(LOG_HEAP(l), p->open, sizeof(int64) * p->nopen);
	l->nopen = p->nopen;
	for (i = 0; i < p->ncells; i++)
	{
		int64	   *c = &p->cells[3 * i];

		if (LOG_ROW(l, c[0])[c[1]] != 0)
		{
			*problem = "A cell is repeated.";
			return NULL;
		}
		LOG_ROW(l, c[0])[c[1]] = c[2];
	}
	return l;
}

/*
 * {"version":1,"kind":"concurrency_log","width_months":0,"width_days":0,"width_us":900000000,
 *  "from":"...","to":"...","time_zone":"UTC","bucket":1,"credited_to":"...","last_start":"..."|null,
 *  "done":false,"open":["...",...],"chats":[[0,3],...],"levels":[[0,1,300000000],...]}
 * open: the open chats' ends (clipped to `to`), ascending; chats: [bucket, chats started], levels:
 * [bucket, level, microseconds], the non-zero ones.
 */
static const char *const log_keys[] = {
	"width_months", "width_days", "width_us", "from", "to", "time_zone", "bucket",
	"credited_to", "last_start", "done", "open", "chats", "levels"
};

typedef struct LogTextIn
{
	LogParts	p;
	int64		v[3];
	StringInfoData zone;
	int			capopen,
				capcells;
} LogTextIn;

static void *
log_text_begin(const SkpiStateType *t)
{
	LogTextIn  *in = palloc0(sizeof(LogTextIn));

	initStringInfo(&in->zone);
	in->capopen = in->capcells = 16;
	in->p.open = palloc(sizeof(int64) * in->capopen);
	in->p.cells = palloc(sizeof(int64) * 3 * in->capcells);
	return in;
}

static bool
log_text_open(TextParser *tp, void *arg)
{
	LogTextIn  *in = (LogTextIn *) arg;

	if (in->p.nopen >= CONC_MAX_LEVELS)
		return skpi_text_error(tp, "Too many open chats.");
	if (in->p.nopen == in->capopen)
	{
		in->capopen *= 2;
		in->p.open = repalloc(in->p.open, sizeof(int64) * in->capopen);
	}
	return skpi_text_timestamp(tp, &in->p.open[in->p.nopen++], "An open chat's end must be finite.");
}

/* [bucket, value] (chats, level 0) or [bucket, level, value] */
static bool
log_text_cell(TextParser *tp, void *arg, bool with_level)
{
	LogTextIn  *in = (LogTextIn *) arg;
	int64	   *c;

	if (in->p.ncells >= CONC_MAX_CELLS)
		return skpi_text_error(tp, "Too many cells.");
	if (in->p.ncells == in->capcells)
	{
		in->capcells *= 2;
		in->p.cells = repalloc_huge(in->p.cells, sizeof(int64) * 3 * in->capcells);
	}
	c = &in->p.cells[3 * in->p.ncells++];
	c[1] = 0;
	if (!skpi_text_expect(tp, '[') || !skpi_text_int64(tp, &c[0]) || !skpi_text_expect(tp, ','))
		return false;
	if (with_level)
	{
		if (!skpi_text_int64(tp, &c[1]) || !skpi_text_expect(tp, ','))
			return false;
		if (c[1] < 1)
			return skpi_text_error(tp, "A level must be positive.");
	}
	return skpi_text_int64(tp, &c[2]) && skpi_text_expect(tp, ']');
}

static bool
log_text_chats(TextParser *tp, void *arg)
{
	return log_text_cell(tp, arg, false);
}

static bool
log_text_level(TextParser *tp, void *arg)
{
	return log_text_cell(tp, arg, true);
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
			return skpi_text_timestamp(tp, &in->p.from, "from must be finite.");
		case 4:
			return skpi_text_timestamp(tp, &in->p.to, "to must be finite.");
		case 5:
			return skpi_text_string(tp, &in->zone, 255, "A time zone");
		case 6:
			return skpi_text_int64(tp, &in->p.bucket);
		case 7:
			return skpi_text_timestamp(tp, &in->p.t0, "credited_to must be finite.");
		case 8:
			in->p.seen = !skpi_text_null(tp);
			return !in->p.seen || skpi_text_timestamp(tp, &in->p.last_start, "last_start must be finite.");
		case 9:
			return skpi_text_bool(tp, &in->p.done);
		case 10:
			return skpi_text_list(tp, log_text_open, in);
		case 11:
			return skpi_text_list(tp, log_text_chats, in);
		default:
			return skpi_text_list(tp, log_text_level, in);
	}
}

static SkpiStateHeader *
log_text_end(TextParser *tp, void *ctx)
{
	LogTextIn  *in = (LogTextIn *) ctx;
	const char *problem;
	ConcLog    *l;

	if (in->v[0] < 0 || in->v[0] > INT_MAX || in->v[1] < 0 || in->v[1] > INT_MAX || in->v[2] < 0 ||
		in->v[0] + in->v[1] + in->v[2] == 0)
	{
		skpi_text_error(tp, "The width must be positive.");
		return NULL;
	}
	in->p.width.month = (int32) in->v[0];
	in->p.width.day = (int32) in->v[1];
	in->p.width.time = in->v[2];
	strlcpy(in->p.zone, in->zone.data, sizeof(in->p.zone));
	l = log_from_parts(&in->p, &problem);
	if (l == NULL)
	{
		skpi_text_error(tp, problem);
		return NULL;
	}
	return (SkpiStateHeader *) l;
}

/* the open chats' ends, ascending (a copy) */
static int64 *
sorted_open(const ConcLog *l)
{
	int64	   *open = palloc(sizeof(int64) * Max(l->nopen, 1));

	memcpy(open, LOG_HEAP(l), sizeof(int64) * l->nopen);
	qsort(open, l->nopen, sizeof(int64), cmp_int64);
	return open;
}

static void
log_out(StringInfo buf, const SkpiStateHeader *h)
{
	const ConcLog *l = (const ConcLog *) h;
	int64	   *open = sorted_open(l);
	int			b,
				i,
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
	appendStringInfoString(buf, ",\"last_start\":");
	if (l->flags & CONC_LOG_SEEN)
		tl_append_timestamp(buf, l->last_start);
	else
		appendStringInfoString(buf, "null");
	appendStringInfo(buf, ",\"done\":%s,\"open\":[", (l->flags & CONC_LOG_DONE) ? "true" : "false");
	for (i = 0; i < l->nopen; i++)
	{
		if (i > 0)
			appendStringInfoChar(buf, ',');
		tl_append_timestamp(buf, open[i]);
	}
	appendStringInfoString(buf, "],\"chats\":[");
	for (b = 0; b < l->nbuckets; b++)
		if (LOG_ROW(l, b)[0] != 0)
			appendStringInfo(buf, "%s[%d," INT64_FORMAT "]", n++ > 0 ? "," : "", b, LOG_ROW(l, b)[0]);
	appendStringInfoString(buf, "],\"levels\":[");
	n = 0;
	for (b = 0; b < l->nbuckets; b++)
		for (i = 1; i <= l->cap; i++)
			if (LOG_ROW(l, b)[i] != 0)
				appendStringInfo(buf, "%s[%d,%d," INT64_FORMAT "]", n++ > 0 ? "," : "", b, i, LOG_ROW(l, b)[i]);
	appendStringInfoChar(buf, ']');
}

/*
 * binary: uint8 kind, flags; int32 width months, days, int64 width µs; int64
 * from, to; uint8 zone length and its bytes; int32 bucket; int64
 * credited_to, last_start; int32 open chats, each int64 end (ascending);
 * int32 cells, each int32 bucket, int32 level (0: chats started), int64
 * value.
 */
static void
log_send(StringInfo buf, const SkpiStateHeader *h)
{
	const ConcLog *l = (const ConcLog *) h;
	int64	   *open = sorted_open(l);
	int			b,
				i,
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
	pq_sendint64(buf, l->last_start);
	pq_sendint32(buf, l->nopen);
	skpi_send_int64s(buf, open, l->nopen);
	for (b = 0; b < l->nbuckets; b++)
		for (i = 0; i <= l->cap; i++)
			n += LOG_ROW(l, b)[i] != 0;
	pq_sendint32(buf, n);
	for (b = 0; b < l->nbuckets; b++)
		for (i = 0; i <= l->cap; i++)
			if (LOG_ROW(l, b)[i] != 0)
			{
				pq_sendint32(buf, b);
				pq_sendint32(buf, i);
				pq_sendint64(buf, LOG_ROW(l, b)[i]);
			}
}

static SkpiStateHeader *
log_recv(StringInfo buf, const SkpiStateType *t)
{
	int			kind = pq_getmsgbyte(buf),
				flags = pq_getmsgbyte(buf),
				zone_len,
				i;
	LogParts	p;
	const char *problem;
	ConcLog    *l;

	memset(&p, 0, sizeof(p));
	if (kind != CONC_LOG_KIND || (flags & ~(CONC_LOG_SEEN | CONC_LOG_DONE)) != 0)
		skpi_state_recv_error(t, "Kind %d and flags %d do not make a concurrency_log_state.", kind, flags);
	p.seen = (flags & CONC_LOG_SEEN) != 0;
	p.done = (flags & CONC_LOG_DONE) != 0;
	p.width.month = pq_getmsgint(buf, 4);
	p.width.day = pq_getmsgint(buf, 4);
	p.width.time = pq_getmsgint64(buf);
	p.from = pq_getmsgint64(buf);
	p.to = pq_getmsgint64(buf);
	zone_len = pq_getmsgbyte(buf);
	pq_copymsgbytes(buf, p.zone, zone_len);
	p.zone[zone_len] = '\0';
	if ((int) strlen(p.zone) != zone_len)
		skpi_state_recv_error(t, "The time zone is not a known zone name.");
	p.bucket = pq_getmsgint(buf, 4);
	p.t0 = pq_getmsgint64(buf);
	p.last_start = pq_getmsgint64(buf);
	if (!p.seen && p.last_start != 0)
		skpi_state_recv_error(t, "A start without a row read.");
	p.nopen = pq_getmsgint(buf, 4);
	if (p.nopen < 0 || p.nopen > CONC_MAX_LEVELS || p.nopen > (buf->len - buf->cursor) / 8)
		skpi_state_recv_error(t, "%d open chats do not fit the value.", p.nopen);
	p.open = palloc(sizeof(int64) * Max(p.nopen, 1));
	skpi_recv_int64s(buf, p.open, p.nopen);
	p.ncells = pq_getmsgint(buf, 4);
	if (p.ncells < 0 || p.ncells > (buf->len - buf->cursor) / 16)
		skpi_state_recv_error(t, "%d cells do not fit the value.", p.ncells);
	p.cells = palloc(sizeof(int64) * 3 * Max(p.ncells, 1));
	for (i = 0; i < p.ncells; i++)
	{
		p.cells[3 * i] = pq_getmsgint(buf, 4);
		p.cells[3 * i + 1] = pq_getmsgint(buf, 4);
		p.cells[3 * i + 2] = pq_getmsgint64(buf);
	}
	l = log_from_parts(&p, &problem);
	if (l == NULL)
		skpi_state_recv_error(t, "%s", problem);
	return (SkpiStateHeader *) l;
}

static const SkpiStateType skpi_concurrency_log_type = {
	.typname = "concurrency_log_state",
	.version = CONC_LOG_VERSION,
	.kind = CONC_LOG_KIND,
	.kindname = "concurrency_log",
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

SKPI_STATE_IO(skpi_concurrency_log_state, skpi_concurrency_log_type)
