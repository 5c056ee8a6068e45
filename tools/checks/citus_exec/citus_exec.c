/*
 * citus_exec.c -- test-only module for tools/checks/citus_exec.sh: runs any
 * aggregate of the extension the way Citus 13 runs a custom aggregate across
 * shards (written from the contract, not from Citus's code):
 *
 *	 worker_partial_agg(aggregate oid, args...) -> text
 *		the aggregate's transition function, looked up with fmgr_info (no
 *		expression tree: get_fn_expr_argtype() gives InvalidOid), called in
 *		the context of this aggregate; the state leaves as text through the
 *		state type's output function;
 *	 coord_combine_agg(aggregate oid, partial text) -> text
 *		each partial read with the state type's input function, merged with
 *		the combine function (fmgr_info again); then the final function, and
 *		the result's output function, so that it compares with agg(...)::text.
 *
 * Strict functions follow nodeAgg's rules (NULL inputs skipped, the first
 * value taken as the state when there is no initial value); a returned state
 * is kept in the aggregate context, a read-write expanded object whose
 * context already lives there as it is, and the replaced state is freed.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_aggregate.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/expandeddatum.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/syscache.h"

PG_MODULE_MAGIC;

typedef struct SimState
{
	Oid			transtype;
	int16		typlen;
	bool		typbyval;
	Oid			finalfn;
	Oid			fn;				/* transition (worker) or combine (coordinator) */
	Datum		value;
	bool		isnull;
	bool		started;		/* holds a value or ran the function once */
} SimState;

static MemoryContext
agg_context(FunctionCallInfo fcinfo)
{
	MemoryContext cxt;

	if (!AggCheckCallContext(fcinfo, &cxt))
		elog(ERROR, "citus_exec: not called as an aggregate");
	return cxt;
}

static SimState *
sim_state(FunctionCallInfo fcinfo, bool combine)
{
	MemoryContext cxt = agg_context(fcinfo);
	Oid			agg = PG_GETARG_OID(1);
	HeapTuple	tup;
	Form_pg_aggregate form;
	SimState   *s;
	Datum		initval;
	bool		initnull;

	if (!PG_ARGISNULL(0))
		return (SimState *) PG_GETARG_POINTER(0);
	tup = SearchSysCache1(AGGFNOID, ObjectIdGetDatum(agg));
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "citus_exec: %u is not an aggregate", agg);
	form = (Form_pg_aggregate) GETSTRUCT(tup);
	if (!OidIsValid(form->aggcombinefn) || get_typtype(form->aggtranstype) == TYPTYPE_PSEUDO)
		elog(ERROR, "citus_exec: aggregate %u has no combine function or a pseudo-type state", agg);
	s = MemoryContextAllocZero(cxt, sizeof(SimState));
	s->transtype = form->aggtranstype;
	s->finalfn = form->aggfinalfn;
	get_typlenbyval(s->transtype, &s->typlen, &s->typbyval);
	s->fn = combine ? form->aggcombinefn : form->aggtransfn;
	s->isnull = true;
	initval = SysCacheGetAttr(AGGFNOID, tup, Anum_pg_aggregate_agginitval, &initnull);
	if (!initnull)
	{
		Oid			input,
					ioparam;
		MemoryContext old = MemoryContextSwitchTo(cxt);

		getTypeInputInfo(s->transtype, &input, &ioparam);
		s->value = OidInputFunctionCall(input, TextDatumGetCString(initval), ioparam, -1);
		s->isnull = false;
		s->started = true;
		MemoryContextSwitchTo(old);
	}
	ReleaseSysCache(tup);
	return s;
}

/* state = fn(state, args...) */
static void
sim_advance(FunctionCallInfo fcinfo, SimState *s, int nargs, const Datum *args, const bool *nulls)
{
	MemoryContext cxt = agg_context(fcinfo);
	LOCAL_FCINFO(inner, FUNC_MAX_ARGS);
	FmgrInfo	fn;
	Datum		result;
	int			i;

	/* looked up at each call, as Citus does: no fn_expr, no fn_extra kept */
	fmgr_info(s->fn, &fn);
	if (fn.fn_strict)
	{
		for (i = 0; i < nargs; i++)
			if (nulls[i])
				return;
		if (!s->started)
		{
			MemoryContext old = MemoryContextSwitchTo(cxt);

			s->value = datumCopy(args[0], s->typbyval, s->typlen);
			s->isnull = false;
			s->started = true;
			MemoryContextSwitchTo(old);
			return;
		}
		if (s->isnull)
			return;
	}
	InitFunctionCallInfoData(*inner, &fn, nargs + 1, fcinfo->fncollation, fcinfo->context, NULL);
	inner->args[0].value = s->value;
	inner->args[0].isnull = s->isnull;
	for (i = 0; i < nargs; i++)
	{
		inner->args[i + 1].value = args[i];
		inner->args[i + 1].isnull = nulls[i];
	}
	result = FunctionCallInvoke(inner);
	if (!s->typbyval && DatumGetPointer(result) != DatumGetPointer(s->value))
	{
		if (!inner->isnull &&
			!(DatumIsReadWriteExpandedObject(result, false, s->typlen) &&
			  MemoryContextGetParent(DatumGetEOHP(result)->eoh_context) == cxt))
		{
			MemoryContext old = MemoryContextSwitchTo(cxt);

			result = datumCopy(result, s->typbyval, s->typlen);
			MemoryContextSwitchTo(old);
		}
		/* the old state is freed, as nodeAgg and Citus free it */
		if (!s->isnull)
		{
			if (DatumIsReadWriteExpandedObject(s->value, false, s->typlen))
				DeleteExpandedObject(s->value);
			else
				pfree(DatumGetPointer(s->value));
		}
	}
	s->value = result;
	s->isnull = inner->isnull;
	s->started = true;
}

static text *
output_text(Oid type, Datum value)
{
	Oid			output;
	bool		varlena;

	getTypeOutputInfo(type, &output, &varlena);
	return cstring_to_text(OidOutputFunctionCall(output, value));
}

PG_FUNCTION_INFO_V1(citus_exec_partial_sfunc);
Datum
citus_exec_partial_sfunc(PG_FUNCTION_ARGS)
{
	SimState   *s = sim_state(fcinfo, false);
	Datum		args[FUNC_MAX_ARGS];
	bool		nulls[FUNC_MAX_ARGS];
	int			i;

	for (i = 2; i < PG_NARGS(); i++)
	{
		args[i - 2] = PG_GETARG_DATUM(i);
		nulls[i - 2] = PG_ARGISNULL(i);
	}
	sim_advance(fcinfo, s, PG_NARGS() - 2, args, nulls);
	PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(citus_exec_partial_ffunc);
Datum
citus_exec_partial_ffunc(PG_FUNCTION_ARGS)
{
	SimState   *s = PG_ARGISNULL(0) ? NULL : (SimState *) PG_GETARG_POINTER(0);

	if (s == NULL || s->isnull)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(output_text(s->transtype, s->value));
}

PG_FUNCTION_INFO_V1(citus_exec_combine_sfunc);
Datum
citus_exec_combine_sfunc(PG_FUNCTION_ARGS)
{
	SimState   *s = sim_state(fcinfo, true);
	Datum		value = (Datum) 0;
	bool		isnull = PG_ARGISNULL(2);

	if (!isnull)
	{
		Oid			input,
					ioparam;

		getTypeInputInfo(s->transtype, &input, &ioparam);
		value = OidInputFunctionCall(input, text_to_cstring(PG_GETARG_TEXT_PP(2)), ioparam, -1);
	}
	sim_advance(fcinfo, s, 1, &value, &isnull);
	PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(citus_exec_combine_ffunc);
Datum
citus_exec_combine_ffunc(PG_FUNCTION_ARGS)
{
	SimState   *s = PG_ARGISNULL(0) ? NULL : (SimState *) PG_GETARG_POINTER(0);
	FmgrInfo	final;
	LOCAL_FCINFO(inner, 1);
	Datum		result;

	if (s == NULL)
		PG_RETURN_NULL();
	if (!OidIsValid(s->finalfn))
	{
		if (s->isnull)
			PG_RETURN_NULL();
		PG_RETURN_TEXT_P(output_text(s->transtype, s->value));
	}
	fmgr_info(s->finalfn, &final);
	if (final.fn_strict && s->isnull)
		PG_RETURN_NULL();
	InitFunctionCallInfoData(*inner, &final, 1, fcinfo->fncollation, fcinfo->context, NULL);
	inner->args[0].value = s->value;
	inner->args[0].isnull = s->isnull;
	result = FunctionCallInvoke(inner);
	if (inner->isnull)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(output_text(get_func_rettype(s->finalfn), result));
}
