/*
 * timeline.h
 *		Contact timelines: what the event-list state (timeline_state.c) and
 *		the summary type with its accessors (timeline_summary.c) share.
 *
 * Event order: by at, then kind (in the order of contact_event_kind), then
 * party, then operator_id (NULL first, then bytewise), so the result never
 * depends on the order the rows arrive in nor on how they were split between
 * workers.
 */
#ifndef SKPI_TIMELINE_H
#define SKPI_TIMELINE_H

#include "postgres.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/memutils.h"

#include "state.h"

/* ---- kinds and parties, in the order of the SQL enums ---- */

#define TL_NKINDS 14
#define TL_NPARTIES 4

enum
{
	K_OFFERED, K_CUSTOMER_MESSAGE, K_OPERATOR_MESSAGE, K_BOT_MESSAGE, K_ASSIGNED,
	K_TRANSFERRED, K_HOLD_START, K_HOLD_END, K_ANSWERED, K_ABANDONED, K_ENDED,
	K_WRAPUP_END, K_RESOLVED, K_REOPENED
};
enum
{
	P_CUSTOMER, P_OPERATOR, P_BOT, P_SYSTEM
};

extern const char *const tl_kind_names[TL_NKINDS];
extern const char *const tl_party_names[TL_NPARTIES];

/* the index of s (len bytes) among names, -1 if none */
extern int	tl_lookup_name(const char *const *names, int n, const char *s, int len);

/* per call site: enum OIDs already mapped to codes */
typedef struct TlCache
{
	int			nentries;
	Oid			oids[TL_NKINDS + TL_NPARTIES + 4];
	int8		codes[TL_NKINDS + TL_NPARTIES + 4];
	bool		kind_is_text;
	bool		is_composite;
	bool		composite_checked;	/* its attribute types were verified */
	/* the same, direct-mapped by the OID's low bits (slot_oid 0: empty) */
	Oid			slot_oid[32];
	int8		slot_code[32];
} TlCache;

/* the code of an enum value (kind or party) by its label */
extern int	tl_enum_code(TlCache *c, Datum d, bool party);

/* ---- the state: events of one contact ---- */

#define TL_STATE_VERSION 1
#define TL_NO_OPERATOR	0xFFFFFFFFu
#define TL_MAX_OPERATOR_LEN 65535

typedef struct TlEvent
{
	int64		at;				/* timestamptz, finite */
	uint32		opoff;			/* operator_id's offset in the pool, or TL_NO_OPERATOR */
	uint16		oplen;			/* its length in bytes */
	uint8		kind;
	uint8		party;
} TlEvent;

typedef struct TlState
{
	SKPI_STATE_HEADER;			/* version TL_STATE_VERSION, kind 0 */
	uint16		reserved2;		/* zero */
	int32		count;			/* events */
	int32		pool_len;		/* bytes of operator ids after the events */
	TlEvent		ev[FLEXIBLE_ARRAY_MEMBER];	/* then the pool */
} TlState;

#define TL_STATE_HDRSZ offsetof(TlState, ev)
#define TL_POOL(st) ((char *) ((st)->ev + (st)->count))

/*
 * The two limits of one contact's state.  Its flat form (header, 16 bytes
 * an event, then the operator ids) must fit a PostgreSQL value, at most
 * MaxAllocSize (1 GB): half of that for the events (33 554 431 of them) and
 * half for the bytes of their operator ids (each event keeps its own copy,
 * so 10 000 events with 60 kB ids are 600 MB of them).  The aggregate, the
 * merge, the text input and the binary input apply the same two limits, and
 * each error names the one that was hit.
 */
#define TL_MAX_EVENTS ((int64) ((MaxAllocSize - TL_STATE_HDRSZ) / sizeof(TlEvent)) / 2)
#define TL_MAX_POOL ((int64) (MaxAllocSize / 2))

/* what the text forms say of an infinite event time */
#define TL_INFINITE_DETAIL "Event times must be finite."

/* ---- the summary (timeline_summary.c) ---- */

typedef struct TlSummary TlSummary;

/* the summary of n events (n >= 1), sorted in a private copy */
extern TlSummary *tl_summarize(const TlEvent *events, int64 n, const char *pool);

/* n events sorted in place (one pass when they already are) */
extern void tl_sort_if_needed(TlEvent *ev, int64 n, const char *pool);

/* the summary of n sorted events (n >= 1) */
extern TlSummary *tl_summarize_sorted(const TlEvent *ev, int64 n, const char *pool);

/* an instant as ISO text in UTC, in double quotes: "2026-03-02 09:00:00+00" */
extern void tl_append_timestamp(StringInfo buf, int64 at);

#endif							/* SKPI_TIMELINE_H */
