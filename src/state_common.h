/*
 * state_common.h
 *		What every aggregate state type of the extension shares.
 *
 * Every state is a varlena that starts with a format version byte and a kind
 * byte (score_state.h, counter_state.h).  Inside an aggregate a transition or
 * merge function updates the state in place; these helpers decide when that
 * is allowed.
 */
#ifndef SKPI_STATE_COMMON_H
#define SKPI_STATE_COMMON_H

#include "postgres.h"
#include "fmgr.h"

#include "compat.h"

typedef struct SkpiStateHeader
{
	int32		vl_len_;		/* varlena header */
	uint8		version;		/* format version */
	uint8		kind;			/* which state */
} SkpiStateHeader;

/*
 * ERROR (0A000) unless called as an aggregate's transition or combine
 * function: only then may the state argument be updated in place.  kindname
 * is the state's kind ("nps"), the SQL type being kindname_state.
 */
extern void skpi_require_aggregate(FunctionCallInfo fcinfo, const char *kindname);

/*
 * The aggregate's own state (argument argno), to be updated in place.  A
 * state the executor hands us is our own allocation, or the executor's copy
 * of a value that passed the type's input validation; should it ever be in a
 * packed or toasted form, a plain copy in the current (per-call) context is
 * returned instead, which the executor then copies into the aggregate context
 * itself (as it does with every new state we allocate).  *check is set when
 * the caller must verify the header: always for a copy, and when the kind
 * byte is not the expected one.
 */
static inline void *
skpi_state_for_update(FunctionCallInfo fcinfo, int argno, uint8 kind, bool *check)
{
	struct varlena *raw = (struct varlena *) PG_GETARG_POINTER(argno);

	if (likely(!VARATT_IS_EXTENDED(raw)))
	{
		*check = ((SkpiStateHeader *) raw)->kind != kind;
		return raw;
	}
	*check = true;
	return PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(argno));
}

#endif							/* SKPI_STATE_COMMON_H */
