/*
 * state_common.c
 *		Helpers shared by every aggregate state type (see state_common.h).
 */
#include "postgres.h"

#include "state_common.h"

void
skpi_require_aggregate(FunctionCallInfo fcinfo, const char *kindname)
{
	if (!AggCheckCallContext(fcinfo, NULL))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s_state transition function called in non-aggregate context",
						kindname)));
}
