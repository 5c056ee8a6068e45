/*
 * concurrency_state.h
 *		Chat concurrency: concurrency_state, how many chats of an operator
 *		were open at once over one or more buckets.
 *
 * A state holds, for the buckets it covers: span_us (the sum of the bucket
 * lengths, operator-time), chats (the chats that started inside them),
 * chat_us (every chat's time clipped to them) and level_us[k - 1] for
 * k = 1..nlevels: the microseconds during which exactly k chats were open.
 * Idle time is span_us - sum(level_us); chat_us = sum(k * level_us[k - 1]).
 * Merging states adds every figure (commutative and associative: rollup(),
 * combine, window frames; states of different operators merge into the
 * team's operator-time, as agent_time_state).
 *
 * Layout (varlena, format version 1): the header; uint16 zero; int32
 * nlevels; bucket_start, bucket_end (the earliest start and the latest end
 * of the buckets it covers; 0 when empty); span_us; chats; chat_us; then
 * int64 level_us[nlevels], the last one positive (no trailing zeros), so
 * equal states are byte-equal however they were merged.
 */
#ifndef SKPI_CONCURRENCY_STATE_H
#define SKPI_CONCURRENCY_STATE_H

#include "postgres.h"
#include "datatype/timestamp.h"

#include "buckets.h"
#include "state.h"

#define SKPI_CONCURRENCY_VERSION 1
#define SKPI_CONCURRENCY_KIND 1

/* the most chats open at once (levels of a state) */
#define CONC_MAX_LEVELS 10000

typedef struct ConcurrencyState
{
	SKPI_STATE_HEADER;
	uint16		zero;			/* always 0 (padding, kept zero) */
	int32		nlevels;
	SkpiBucketBounds bounds;	/* bucket_start, bucket_end, span_us */
	int64		chats;
	int64		chat_us;
	int64		level_us[FLEXIBLE_ARRAY_MEMBER];
} ConcurrencyState;

#define CONC_HDRSZ offsetof(ConcurrencyState, level_us)
#define CONC_SIZE(nlevels) (CONC_HDRSZ + (Size) (nlevels) * sizeof(int64))

extern const SkpiStateType skpi_concurrency_type;

/*
 * A canonical state: levels[0..n-1] copied without trailing zeros, chat_us
 * computed (22003 on overflow).  The caller's figures are checked by the
 * caller (the descriptor's valid hook for input).
 */
extern ConcurrencyState *skpi_concurrency_build(const SkpiBucketBounds *bounds, int64 chats,
												const int64 *levels, int n);

/* why a state breaks an invariant, or NULL */
extern const char *skpi_concurrency_problem(const ConcurrencyState *st);

#endif							/* SKPI_CONCURRENCY_STATE_H */
