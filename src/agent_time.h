/*
 * agent_time.h
 *		Operator time: agent_time_state, the time of one or more operators in
 *		each status (and planned activity) over one or more buckets.
 *
 * A state is a small matrix: microseconds per (planned activity, status),
 * where a NULL activity is unscheduled time and a NULL status is time before
 * any known status.  Never per event.  The entries of a state that covers
 * whole buckets add up to span_us, the sum of the bucket lengths it covers
 * (operator-time), so merging states is adding entries: commutative and
 * associative (rollup(), combine, window frames), and states of different
 * operators of one day merge into the team's.
 *
 * Layout (varlena, format version 1): the header; uint16 nnames; int32
 * nentries; int32 pool_len; bucket_start, bucket_end (the earliest start and
 * the latest end of the buckets it covers; 0 when empty); span_us; then
 * nentries AgentTimeEntry sorted by (plan, status) with -1 (NULL) first;
 * nnames int32 offsets into the pool; the pool: the names, NUL-terminated,
 * sorted by strcmp, each used by an entry.  The canonical form makes equal
 * states byte-equal however they were merged.
 */
#ifndef SKPI_AGENT_TIME_H
#define SKPI_AGENT_TIME_H

#include "postgres.h"
#include "datatype/timestamp.h"

#include "buckets.h"
#include "state.h"

#define SKPI_AGENT_TIME_VERSION 1
#define SKPI_AGENT_TIME_KIND 1

/* limits: names per state, bytes per name */
#define AT_MAX_NAMES 1000
#define AT_MAX_NAME_LEN 200

typedef struct AgentTimeEntry
{
	int64		us;				/* microseconds, > 0 */
	int32		plan;			/* name index, -1: unscheduled */
	int32		status;			/* name index, -1: unknown */
} AgentTimeEntry;

typedef struct AgentTimeState
{
	SKPI_STATE_HEADER;
	uint16		nnames;
	int32		nentries;
	int32		pool_len;
	SkpiBucketBounds bounds;	/* bucket_start, bucket_end, span_us */
	AgentTimeEntry entries[FLEXIBLE_ARRAY_MEMBER];
	/* then int32 name_off[nnames], then char pool[pool_len] */
} AgentTimeState;

#define AT_HDRSZ offsetof(AgentTimeState, entries)
#define AT_NAME_OFFS(st) ((int32 *) ((char *) (st)->entries + (Size) (st)->nentries * sizeof(AgentTimeEntry)))
#define AT_POOL(st) ((char *) (AT_NAME_OFFS(st) + (st)->nnames))
#define AT_NAME_AT(st, i) (AT_POOL(st) + AT_NAME_OFFS(st)[i])
#define AT_NAME(st, i) ((i) < 0 ? NULL : AT_NAME_AT(st, i))

/* one entry by name, for building states */
typedef struct AtItem
{
	const char *plan;			/* NULL: unscheduled */
	const char *status;			/* NULL: unknown */
	int64		us;
} AtItem;

extern const SkpiStateType skpi_agent_time_type;

/*
 * A canonical state from items (names copied): duplicate keys are summed
 * when sum is true (else an error), zero entries dropped; a negative sum is
 * an error (the caller's message: "not part of the other").
 */
extern AgentTimeState *skpi_agent_time_build(AtItem *items, int n, const SkpiBucketBounds *bounds,
											 bool sum);

#endif							/* SKPI_AGENT_TIME_H */
