/*
 * compat.h
 *		PostgreSQL version differences, in one place (and one fmgr shorthand).
 *
 * The extension targets PostgreSQL 15 and must build on newer majors.  Only
 * public fmgr / utility APIs are used; anything whose signature moved between
 * majors is wrapped here behind PG_VERSION_NUM.
 */
#ifndef SKPI_COMPAT_H
#define SKPI_COMPAT_H

#include "postgres.h"

#if PG_VERSION_NUM < 150000
#error "support_kpi requires PostgreSQL 15 or later"
#endif

/* varatt.h was split out of postgres.h in PostgreSQL 16 */
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

/*
 * PostgreSQL 18 replaced the pg_attribute_noreturn() suffix by the
 * pg_noreturn prefix; the code keeps the suffix, spelled for the compilers
 * PostgreSQL's own suffix supported.
 */
#ifndef pg_attribute_noreturn
#if defined(__GNUC__) || defined(__SUNPRO_C)
#define pg_attribute_noreturn() __attribute__((noreturn))
#else
#define pg_attribute_noreturn()
#endif
#endif

/*
 * Soft errors in type input functions (pg_input_is_valid, COPY ... ON_ERROR)
 * arrived in PostgreSQL 16.  Before that, ereturn() throws, as ereport() does.
 */
#if PG_VERSION_NUM >= 160000
#include "nodes/miscnodes.h"
#else
#define ereturn(context, dummy_value, ...) \
	do { \
		(void) (context); \
		ereport(ERROR, __VA_ARGS__); \
		return dummy_value; \
	} while (0)
#endif

/*
 * timestamptz_in for the text form of a state: on PostgreSQL 16+ a bad
 * timestamp is a soft error when the caller asked for one (escontext), as
 * every other error of that input; before 16 it throws.  Returns false
 * after a soft error.
 */
#include "fmgr.h"
#include "nodes/nodes.h"
#include "utils/fmgrprotos.h"
#include "utils/timestamp.h"

static inline bool
skpi_timestamptz_in(char *str, Node *escontext, TimestampTz *result)
{
#if PG_VERSION_NUM >= 160000
	Datum		d;

	if (!DirectInputFunctionCallSafe(timestamptz_in, str, InvalidOid, -1, escontext, &d))
		return false;
	*result = DatumGetTimestampTz(d);
#else
	(void) escontext;
	*result = DatumGetTimestampTz(DirectFunctionCall3(timestamptz_in, CStringGetDatum(str),
													  ObjectIdGetDatum(InvalidOid),
													  Int32GetDatum(-1)));
#endif
	return true;
}

/* an SQL-callable C function whose whole body is "return expr" (of fcinfo) */
#define SKPI_ENTRY(name, expr) \
PG_FUNCTION_INFO_V1(name); \
Datum name(PG_FUNCTION_ARGS) { return (expr); }

#endif							/* SKPI_COMPAT_H */
