/*
 * state.h
 *		The one framework behind every aggregate state type of the extension.
 *
 * Every state (and the contact_timeline summary) is a varlena that starts
 * with the same header: the varlena length, a format version byte and a kind
 * byte (SKPI_STATE_HEADER).  A state type is described once, by an
 * SkpiStateType descriptor: its SQL name, format version and kind, how a
 * stored value is sanity-checked, the invariants a value read from outside
 * must satisfy, its text fields, its binary body, how two states merge and
 * un-merge, and when it is empty.  One driver (state.c) does the rest the
 * same way for every type:
 *
 *	- reading a state argument (detoast, header check: 22P... never a crash);
 *	- the state of a transition or combine call, updated in place inside the
 *	  aggregate ("called in non-aggregate context" otherwise, 0A000);
 *	- combine / uncombine through the merge hook;
 *	- text input and output: {"version":1,"kind":"nps",...} with the type's
 *	  own keys read by textparse.c's object reader, soft errors on 16+;
 *	- binary send and receive: version byte, then the type's body, nothing
 *	  after it; the same version error for text and binary;
 *	- the transition triple (forward, moving, inverse) of each aggregate,
 *	  spelled once by SKPI_TRANSITIONS.
 *
 * Adding a KPI family on an existing state type is its transition and its
 * accessors; adding a state type is one descriptor and its own algorithm.
 *
 * The header is declared field by field (SKPI_STATE_HEADER) rather than as
 * an embedded struct: an embedded SkpiStateHeader would be padded to 8
 * bytes and move every later field of the released on-disk formats, which
 * put their first own field at offset 6.  SKPI_STATE_LAYOUT asserts at
 * compile time that a struct's header fields sit where SkpiStateHeader's do.
 */
#ifndef SKPI_STATE_H
#define SKPI_STATE_H

#include "postgres.h"
#include "fmgr.h"
#include "lib/stringinfo.h"

#include "compat.h"
#include "textparse.h"

/* the first fields of every state struct */
#define SKPI_STATE_HEADER \
	int32		vl_len_;		/* varlena header (never touched directly) */ \
	uint8		version;		/* format version */ \
	uint8		kind			/* which state of a shared layout */

typedef struct SkpiStateHeader
{
	SKPI_STATE_HEADER;
} SkpiStateHeader;

#define SKPI_STATE_LAYOUT(type) \
	StaticAssertDecl(offsetof(type, vl_len_) == offsetof(SkpiStateHeader, vl_len_) && \
					 offsetof(type, version) == offsetof(SkpiStateHeader, version) && \
					 offsetof(type, kind) == offsetof(SkpiStateHeader, kind), \
					 #type " starts with SKPI_STATE_HEADER")

/* size of the header fields themselves (without padding) */
#define SKPI_STATE_HEADER_BYTES (offsetof(SkpiStateHeader, kind) + 1)

/* kind of a type whose kind byte is its own field (not checked by the driver) */
#define SKPI_NO_KIND (-1)

/*
 * The three transitions of an aggregate: forward (plain aggregate), moving
 * (forward transition of the moving aggregate: never returns NULL) and
 * inverse (takes a row out of a window frame; returns NULL when it cannot,
 * and the executor then recomputes the frame).
 */
typedef enum SkpiStep
{
	SKPI_FORWARD,
	SKPI_MOVING,
	SKPI_INVERSE
} SkpiStep;

#define SKPI_STEP_SIGN(step) ((step) == SKPI_INVERSE ? -1 : 1)

/*
 * Defines prefix_accum##suffix, prefix_maccum##suffix, prefix_retract##suffix,
 * each calling fn(fcinfo, step) [with any further arguments].
 */
#define SKPI_TRANSITIONS(prefix, suffix, fn, ...) \
SKPI_ENTRY(prefix##_accum##suffix, fn(fcinfo, SKPI_FORWARD, ##__VA_ARGS__)) \
SKPI_ENTRY(prefix##_maccum##suffix, fn(fcinfo, SKPI_MOVING, ##__VA_ARGS__)) \
SKPI_ENTRY(prefix##_retract##suffix, fn(fcinfo, SKPI_INVERSE, ##__VA_ARGS__))

typedef struct SkpiStateType SkpiStateType;

struct SkpiStateType
{
	const char *typname;		/* SQL type, for messages: "nps_state" */
	uint8		version;		/* format version written and read */
	int			kind;			/* kind byte, or SKPI_NO_KIND */
	const char *kindname;		/* the text form's "kind" value; NULL: no such key */

	/*
	 * A stored value (header already matched): are its own header fields and
	 * its size consistent?  false reports "corrupted <typname> value".
	 */
	bool		(*stored_ok) (const SkpiStateHeader *st);

	/*
	 * Invariants of a value read from outside (text or binary input): false
	 * after ereturn(escontext, ...).  NULL if stored_ok says it all.
	 */
	bool		(*valid) (const SkpiStateHeader *st, Node *escontext);

	/*
	 * Text form: after "version" and "kind" come keys[0..nkeys-1], each once,
	 * in any order (those of the bitmask optional may be absent).  The reader
	 * calls text_begin once, text_field for each key, text_end to build the
	 * state (NULL after a soft error); out appends ,"key":value... .
	 */
	const char *const *keys;
	int			nkeys;
	uint64		optional;
	void	   *(*text_begin) (const SkpiStateType *t);
	bool		(*text_field) (TextParser *tp, int key, void *ctx);
	SkpiStateHeader *(*text_end) (TextParser *tp, void *ctx);
	void		(*out) (StringInfo buf, const SkpiStateHeader *st);

	/* binary form: after the version byte (the body reads its kind itself) */
	void		(*send) (StringInfo buf, const SkpiStateHeader *st);
	SkpiStateHeader *(*recv) (StringInfo buf, const SkpiStateType *t);

	/*
	 * Merge b into a (sign +1) or take b out of a (sign -1, ERROR if b is not
	 * part of a).  a is the caller's to modify (in place in an aggregate);
	 * returns a, or a replacement when a must grow, or NULL for an SQL NULL
	 * (an un-merge in an aggregate that cannot be done exactly: the executor
	 * then recomputes the frame).  NULL: no merge.
	 */
	SkpiStateHeader *(*merge) (SkpiStateHeader *a, const SkpiStateHeader *b,
							   int sign, bool in_aggregate);

	/* true when the state holds nothing (read as NULL by *_nonempty) */
	bool		(*empty) (const SkpiStateHeader *st);

	/*
	 * Optional, for a type whose state inside an aggregate is not always a
	 * plain varlena (duration_values keeps an expanded object that grows in
	 * place): the whole merge call, given b (argument 1, read and checked);
	 * argument 0 is the aggregate's state in whatever form the type keeps
	 * it.  Used instead of merge when set.
	 */
	Datum		(*merge_call) (FunctionCallInfo fcinfo, const SkpiStateHeader *b, int sign);
};

/* ERROR 0A000 unless called as an aggregate's transition or combine function */
extern void skpi_state_require_aggregate(FunctionCallInfo fcinfo, const SkpiStateType *t);

/*
 * Are a transition function's arguments from a on constants of the query
 * (the Aggref's arguments)?  false outside an Agg node (a window aggregate).
 */
extern bool skpi_agg_args_constant(FunctionCallInfo fcinfo, int a);

/* ERROR XX001 "corrupted <typname> value" */
extern void skpi_state_corrupted(const SkpiStateType *t) pg_attribute_noreturn();

/* a stored state: detoasted, header and size checked */
extern SkpiStateHeader *skpi_state_check(const SkpiStateType *t, SkpiStateHeader *st);
extern void *skpi_state_getarg(FunctionCallInfo fcinfo, int argno, const SkpiStateType *t);

/*
 * The aggregate's own state (argument argno) to update in place: the value
 * the executor hands us when it is our plain state of the kind, else a
 * checked copy (which the executor copies into the aggregate context, as it
 * does with every new state).  Call only inside an aggregate.
 */
static inline void *
skpi_state_for_update(FunctionCallInfo fcinfo, int argno, const SkpiStateType *t)
{
	struct varlena *raw = (struct varlena *) PG_GETARG_POINTER(argno);

	if (likely(!VARATT_IS_EXTENDED(raw) &&
			   (t->kind == SKPI_NO_KIND || ((SkpiStateHeader *) raw)->kind == t->kind)))
		return raw;
	return skpi_state_check(t, (SkpiStateHeader *) PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(argno)));
}

/* entry points: type I/O, combine / uncombine, nonempty */
extern Datum skpi_state_in(FunctionCallInfo fcinfo, const SkpiStateType *t);
extern Datum skpi_state_out(FunctionCallInfo fcinfo, const SkpiStateType *t);
extern Datum skpi_state_recv(FunctionCallInfo fcinfo, const SkpiStateType *t);
extern Datum skpi_state_send(FunctionCallInfo fcinfo, const SkpiStateType *t);
extern Datum skpi_state_merge(FunctionCallInfo fcinfo, const SkpiStateType *t, int sign);
extern Datum skpi_state_nonempty(FunctionCallInfo fcinfo, const SkpiStateType *t);

/*
 * Constructors (share_state(hits, total), nps_state(counts), ...): ERROR
 * 22004 "<name> must not be null" when argument argno is NULL.  A NULL state
 * would drop out of rollup() unseen, so a missing figure is refused.
 */
extern void skpi_state_arg_not_null(FunctionCallInfo fcinfo, int argno, const char *name);
#define SKPI_NULL_FIGURE_HINT \
	"A NULL state would drop out of rollup() unseen: leave out the rows without figures, or give 0 where a missing figure means none."

/* text of a state without the fmgr call (states printed inside others) */
extern char *skpi_state_to_text(const SkpiStateType *t, const SkpiStateHeader *st);

/* n int64 values of a binary body, sent or read in order */
extern void skpi_send_int64s(StringInfo buf, const int64 *v, int n);
extern void skpi_recv_int64s(StringInfo buf, int64 *v, int n);

/* ERROR 22P03 for a binary body that does not match its type */
extern void skpi_recv_error(const char *typname, const char *fmt,...) pg_attribute_printf(2, 3) pg_attribute_noreturn();
#define skpi_state_recv_error(t, ...) skpi_recv_error((t)->typname, __VA_ARGS__)

/* SQL-callable type I/O of a descriptor: name_in, name_out, name_recv, name_send */
#define SKPI_STATE_IO(name, type) \
SKPI_ENTRY(name##_in, skpi_state_in(fcinfo, &(type))) \
SKPI_ENTRY(name##_out, skpi_state_out(fcinfo, &(type))) \
SKPI_ENTRY(name##_recv, skpi_state_recv(fcinfo, &(type))) \
SKPI_ENTRY(name##_send, skpi_state_send(fcinfo, &(type)))

/* ... and name_combine, name_uncombine */
#define SKPI_STATE_MERGE(name, type) \
SKPI_ENTRY(name##_combine, skpi_state_merge(fcinfo, &(type), 1)) \
SKPI_ENTRY(name##_uncombine, skpi_state_merge(fcinfo, &(type), -1))

/*
 * A type of kind SKPI_NO_KIND whose second byte is a field of its own: the
 * same header, that byte under the type's name for it.
 */
#define SKPI_STATE_HEADER_OWN(field) \
	int32		vl_len_;		/* varlena header (never touched directly) */ \
	uint8		version;		/* format version */ \
	uint8		field

#define SKPI_STATE_LAYOUT_OWN(type, field) \
	StaticAssertDecl(offsetof(type, vl_len_) == offsetof(SkpiStateHeader, vl_len_) && \
					 offsetof(type, version) == offsetof(SkpiStateHeader, version) && \
					 offsetof(type, field) == offsetof(SkpiStateHeader, kind), \
					 #type " starts with SKPI_STATE_HEADER_OWN")

/*
 * A state that an aggregate keeps as an expanded object (its own algorithm)
 * and flattens into the descriptor's varlena: the object behind datum d when
 * it is one of methods (read-write only, with rw), else NULL.
 */
#include "utils/expandeddatum.h"

static inline ExpandedObjectHeader *
skpi_state_expanded(Datum d, const ExpandedObjectMethods *methods, bool rw)
{
	if (rw ? VARATT_IS_EXTERNAL_EXPANDED_RW(DatumGetPointer(d)) :
		VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(d)))
	{
		ExpandedObjectHeader *eoh = DatumGetEOHP(d);

		if (eoh->eoh_methods == methods)
			return eoh;
	}
	return NULL;
}

#endif							/* SKPI_STATE_H */
