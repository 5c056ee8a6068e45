/*
 * buckets.h
 *		What the splitting aggregates (agent_time, concurrency) share: their
 *		bucket edges, the bounds of their per-bucket states (agent_time_state,
 *		concurrency_state) and the cursor of their transition states
 *		(agent_time_log_state, concurrency_log_state).
 *
 * Buckets of [from, to) have edges from + k * width, computed in a time zone
 * when width has days or months (as timestamptz + interval): a day bucket
 * across a DST change is 23 or 25 hours; month k of a start on the 31st is
 * the month's last day.  The last bucket ends at `to`.
 */
#ifndef SKPI_BUCKETS_H
#define SKPI_BUCKETS_H

#include "postgres.h"
#include "fmgr.h"
#include "datatype/timestamp.h"
#include "lib/stringinfo.h"
#include "utils/array.h"

#include "state.h"
#include "textparse.h"

/* the most buckets one call may split [from, to) into */
#define SKPI_MAX_BUCKETS 100000

/* from + k * width (not clipped), in zone when width has days or months */
extern TimestampTz skpi_bucket_edge_at(const Interval *width, TimestampTz from, const char *zone, int64 k);

/* the end of bucket k - 1 (k = 0: from): the edge, clipped to `to`; k >= nbuckets: to */
extern TimestampTz skpi_bucket_edge(const Interval *width, TimestampTz from, TimestampTz to,
									const char *zone, int32 nbuckets, int64 k);

/*
 * The number of buckets of [from, to); ERROR past SKPI_MAX_BUCKETS, or when
 * the width does not move time forward.  what names the aggregate in the
 * messages ("agent_time").
 */
extern int32 skpi_bucket_count(const char *what, const Interval *width, TimestampTz from,
							   TimestampTz to, const char *zone);

/* ---- the bounds of the per-bucket states ---- */

/*
 * The per-bucket states (agent_time_state, concurrency_state) keep the
 * bounds of the buckets they cover, at the same place in both layouts
 * (offset 16): the earliest start and the latest end of the buckets, both 0
 * when the state covers no time (span_us = 0), and span_us, the sum of the
 * buckets' lengths (operator-time).
 */
typedef struct SkpiBucketBounds
{
	TimestampTz start;			/* bucket_start */
	TimestampTz end;			/* bucket_end */
	int64		span_us;
} SkpiBucketBounds;

/* bounds as a state keeps them: 0 when span_us is 0 */
static inline SkpiBucketBounds
skpi_bucket_bounds(TimestampTz start, TimestampTz end, int64 span_us)
{
	SkpiBucketBounds b;

	b.start = span_us == 0 ? 0 : start;
	b.end = span_us == 0 ? 0 : end;
	b.span_us = span_us;
	return b;
}

/* bounds null (0) exactly when span_us is 0, else finite with start before end */
extern bool skpi_bucket_bounds_ok(const SkpiBucketBounds *b);

/* the first keys of a per-bucket state's text form */
#define SKPI_BOUNDS_KEYS "bucket_start", "bucket_end", "span_us"
#define SKPI_BOUNDS_NKEYS 3

typedef struct SkpiBoundsIn
{
	SkpiBucketBounds b;
	bool		start_null,
				end_null;
} SkpiBoundsIn;

/* the value of key (< SKPI_BOUNDS_NKEYS): a finite timestamp or null, or span_us */
extern bool skpi_bucket_bounds_field(TextParser *tp, int key, SkpiBoundsIn *in);

/* after every key: the bounds are null exactly when span_us is 0 (then read as 0) */
extern bool skpi_bucket_bounds_in_end(TextParser *tp, SkpiBoundsIn *in);

/* ,"bucket_start":...,"bucket_end":...,"span_us":... of the text form (null bounds when span_us is 0) */
extern void skpi_bucket_bounds_out(StringInfo buf, const SkpiBucketBounds *b);

/* binary form: int64 bucket_start, bucket_end, span_us */
extern void skpi_bucket_bounds_send(StringInfo buf, const SkpiBucketBounds *b);
extern void skpi_bucket_bounds_recv(StringInfo buf, SkpiBucketBounds *b);

/*
 * The bounds after merging b into a (sign +1) or taking b out of a (sign
 * -1) into *r.  Merging: ERROR 22003 "<typname> out of range" when the
 * spans overflow.  Taking out: ERROR 22023 (skpi_bucket_not_part) when b's
 * span exceeds a's or its bounds lie outside a's; when b touches an edge of
 * a and time remains, the bounds are unknown: false inside an aggregate
 * (the window recomputes its frame), else ERROR.
 */
extern bool skpi_bucket_bounds_merge(const SkpiStateType *t, const SkpiBucketBounds *a,
									 const SkpiBucketBounds *b, int sign, bool in_aggregate,
									 SkpiBucketBounds *r);

/* ERROR 22003 "<typname> out of range" */
extern void skpi_bucket_out_of_range(const SkpiStateType *t) pg_attribute_noreturn();

/* ERROR 22023 "cannot remove a(n) <typname> that is not part of the other" */
extern void skpi_bucket_not_part(const SkpiStateType *t) pg_attribute_noreturn();

/* bucket_start(state) or bucket_end(state) (end): NULL when the state covers no time */
extern Datum skpi_bucket_bound_datum(FunctionCallInfo fcinfo, const SkpiBucketBounds *b, bool end);

static inline double
skpi_us_seconds(int64 us)
{
	return (double) us / USECS_PER_SEC;
}

/*
 * The end of a type's valid hook: true without a problem, else false after
 * ereturn 22023 "invalid <typname> value" with the problem as its detail.
 */
extern bool skpi_bucket_state_valid(const SkpiStateType *t, const char *problem, Node *escontext);

/* ---- the cursor of a splitting aggregate's log ---- */

/*
 * Where the transition state of a splitting aggregate (agent_time_log_state,
 * concurrency_log_state) stands: its parameters (width, from, to, the time
 * zone), its number of buckets, the current bucket k and its bounds [bs,
 * be), the time credited up to (t0, within the current bucket) and the last
 * row's time.  The zone's name and its NUL follow the cursor directly: a log
 * keeps its cursor last among its fixed fields, its flexible part starting
 * with the zone (SKPI_CURSOR_LAYOUT), so the whole moves with the flat
 * value.  The zone is the text the first row passed as time_zone (a name
 * pg_tzset knows, as given), or the session's zone name without that
 * argument: later rows compare their time_zone with it as text.
 */
#define SKPI_CURSOR_SEEN 0x01	/* a row was read (last_at valid; else 0) */
#define SKPI_CURSOR_DONE 0x02	/* time credited up to `to` */

/* the longest zone name (pg_tzset's TZ_STRLEN_MAX) */
#define SKPI_MAX_ZONE_LEN 255

typedef struct SkpiBucketCursor
{
	Interval	width;
	TimestampTz from,
				to,
				bs,				/* the current bucket's start */
				be,				/* its end, clipped to `to` */
				t0,				/* time credited up to */
				last_at;		/* the last row's time (SEEN), else 0 */
	int32		nbuckets;		/* buckets of [from, to) */
	int32		k;				/* the current bucket */
	uint8		flags;			/* SKPI_CURSOR_SEEN, SKPI_CURSOR_DONE */
	uint8		zone_len;		/* bytes of the zone name (no NUL) */
} SkpiBucketCursor;

/* the zone name that follows a cursor */
#define SKPI_CURSOR_ZONE(c) ((const char *) ((c) + 1))

/* the bytes of a cursor with a zone name of zone_len bytes and its NUL */
#define SKPI_CURSOR_SIZE(zone_len) (sizeof(SkpiBucketCursor) + (zone_len) + 1)

/* a log type keeps its cursor (field cur) right before its flexible part (field var) */
#define SKPI_CURSOR_LAYOUT(type, cur, var) \
	StaticAssertDecl(offsetof(type, var) == offsetof(type, cur) + sizeof(SkpiBucketCursor), \
					 #type " keeps its cursor right before " #var)

/* a cursor with room for its zone, outside a log (arguments, input) */
typedef struct SkpiBucketCursorBuf
{
	SkpiBucketCursor cur;
	char		zone[SKPI_MAX_ZONE_LEN + 1];
} SkpiBucketCursorBuf;

/* the end of bucket k - 1 (k = 0: from), clipped to `to` */
static inline TimestampTz
skpi_cursor_edge(const SkpiBucketCursor *c, int64 k)
{
	return skpi_bucket_edge(&c->width, c->from, c->to, SKPI_CURSOR_ZONE(c), c->nbuckets, k);
}

/*
 * A row at `at` (finite): false when it comes before the last row (out of
 * order: the caller's error), else remembered as the last.
 */
static inline bool
skpi_cursor_take(SkpiBucketCursor *c, TimestampTz at)
{
	if ((c->flags & SKPI_CURSOR_SEEN) && at < c->last_at)
		return false;
	c->flags |= SKPI_CURSOR_SEEN;
	c->last_at = at;
	return true;
}

/*
 * Time is credited up to the current bucket's end: on to the next bucket
 * (true), or, after the last, DONE (false).
 */
static inline bool
skpi_cursor_next(SkpiBucketCursor *c)
{
	if (c->k + 1 >= c->nbuckets)
	{
		c->flags |= SKPI_CURSOR_DONE;
		return false;
	}
	c->k++;
	c->bs = c->be;
	c->be = skpi_cursor_edge(c, c->k + 1);
	return true;
}

/*
 * The arguments width, from, to [, time_zone] of a splitting aggregate, from
 * argument a on, checked (22023: NULL, a width that is not positive, from
 * not before to, an unknown zone), as a cursor at the start of the first
 * bucket.  what names the aggregate in the messages ("agent_time").
 */
extern void skpi_cursor_start(FunctionCallInfo fcinfo, int a, const char *what, SkpiBucketCursorBuf *cb);

/*
 * ERROR 22023 unless the arguments width, from, to [, time_zone] from
 * argument a on are those c started from: the same width (months, days
 * and microseconds), from and to, and the time zone's text byte for byte.
 */
extern void skpi_cursor_same_args(const SkpiBucketCursor *c, FunctionCallInfo fcinfo, int a,
								  const char *what);

/*
 * The transition state of a splitting aggregate for a row: on the first
 * row, make's new log from the cursor of the row's arguments (from argument
 * a on); on the others the aggregate's own log (updated in place), its
 * cursor at cur_off, after skpi_cursor_same_args (skipped where those
 * arguments are constants of the query).
 */
typedef void *(*SkpiLogMake) (const SkpiBucketCursor *c);
extern void *skpi_log_for_row(FunctionCallInfo fcinfo, const SkpiStateType *t, int a, const char *what,
							  Size cur_off, SkpiLogMake make);

/* a log of size bytes, zeroed: t's header, c and its zone at cur_off */
extern void *skpi_log_alloc(const SkpiStateType *t, Size size, Size cur_off, const SkpiBucketCursor *c);

/* a copy of argument argno, a log, to run to its end (a final function leaves its state as it is) */
extern void *skpi_log_copy(FunctionCallInfo fcinfo, int argno, const SkpiStateType *t);

/*
 * A final function's result: state builds the state of each bucket b with
 * its bounds (from log and arg), as an array of the return type's element.
 */
typedef Datum (*SkpiBucketState) (const void *log, int b, const SkpiBucketBounds *bounds, void *arg);
extern ArrayType *skpi_cursor_states(FunctionCallInfo fcinfo, const SkpiBucketCursor *c, const char *what,
									 SkpiBucketState state, const void *log, void *arg);

/* what a reader indexes by, in constant time: the counts and the flags */
extern bool skpi_cursor_header_ok(const SkpiBucketCursor *c);

/*
 * Why a cursor is inconsistent, or NULL: its zone name not terminated where
 * zone_len says, its period or its position (t0 within the current bucket,
 * DONE only at `to`, last_at finite exactly when SEEN).  After
 * skpi_cursor_header_ok and the log's size check.
 */
extern const char *skpi_cursor_problem(const SkpiBucketCursor *c);

/*
 * Why the buckets of a log are inconsistent, or NULL: their number does not
 * match the width and the period, the current one is not where the width
 * puts it, or check finds a problem in a bucket b <= k, given its start and
 * the end of the time credited in it (its end, or t0 in the current one).
 */
typedef const char *(*SkpiBucketCheck) (const void *log, int b, TimestampTz bs, TimestampTz credited);
extern const char *skpi_cursor_buckets_problem(const SkpiBucketCursor *c, const char *what,
											   SkpiBucketCheck check, const void *log);

/*
 * Text form: the cursor's keys come first in a log's keys; last_key names
 * the last row's time ("last_at").
 * "width_months":0,"width_days":1,"width_us":0,"from":"...","to":"...",
 * "time_zone":"UTC","bucket":2,"credited_to":"...","last_at":"..."|null,
 * "done":false
 */
#define SKPI_CURSOR_KEYS(last_key) \
	"width_months", "width_days", "width_us", "from", "to", "time_zone", "bucket", "credited_to", \
	last_key, "done"
#define SKPI_CURSOR_NKEYS 10

typedef struct SkpiCursorTextIn
{
	SkpiBucketCursorBuf *cb;	/* the result (skpi_cursor_text_end) */
	int64		width[3];		/* months, days, microseconds */
	int64		bucket;
	bool		seen,
				done;
	StringInfoData zone;
	const char *last_key;
} SkpiCursorTextIn;

/* the cursor's fields will be read into cb */
extern void skpi_cursor_text_begin(SkpiCursorTextIn *in, const char *last_key, SkpiBucketCursorBuf *cb);

/* the value of the cursor's key (< SKPI_CURSOR_NKEYS) */
extern bool skpi_cursor_text_field(TextParser *tp, int key, SkpiCursorTextIn *in);

/* after every key: *in->cb checked and completed (nbuckets, bs, be), else false after a soft error */
extern bool skpi_cursor_text_end(TextParser *tp, const char *what, SkpiCursorTextIn *in);

extern void skpi_cursor_out(StringInfo buf, const SkpiBucketCursor *c, const char *last_key);

/*
 * Binary form, the start of a log's body: uint8 kind, flags; int32 width
 * months, days, int64 width microseconds; int64 from, to; uint8 zone
 * length and its bytes; int32 bucket; int64 credited_to, last_at.  recv
 * checks the kind (t's), the flags, the parameters and the bucket (22P03)
 * and completes the cursor (nbuckets, bs, be); the log's valid hook checks
 * the rest (skpi_cursor_problem).
 */
extern void skpi_cursor_send(StringInfo buf, uint8 kind, const SkpiBucketCursor *c);
extern void skpi_cursor_recv(StringInfo buf, const SkpiStateType *t, const char *what,
							 SkpiBucketCursorBuf *cb);

/*
 * A problem of a log read from its text form (tp: a soft error, 22P02) or
 * from its binary form (tp NULL: ERROR 22P03); returns NULL.
 */
extern void *skpi_log_input_error(TextParser *tp, const SkpiStateType *t, const char *problem);

/*
 * The cells of a log's text and binary input, before the log is built:
 * cells of width int64 each (the indexes, then the value), as read.
 */
typedef struct SkpiCells
{
	int64	   *v;				/* cell i at v[i * width] */
	int			n,
				cap,
				width;
} SkpiCells;

extern void skpi_cells_init(SkpiCells *cells, int width);

/* room for one more cell (text input), or NULL after the soft error "Too many cells." past max */
extern int64 *skpi_cells_add(TextParser *tp, SkpiCells *cells, int64 max);

/*
 * Binary input: int32 count, then each cell's width - 1 int32 indexes and
 * its int64 value (22P03 when the count does not fit the value).
 */
extern void skpi_cells_recv(StringInfo buf, const SkpiStateType *t, int width, SkpiCells *cells);

#endif							/* SKPI_BUCKETS_H */
