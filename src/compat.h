/*
 * compat.h
 *		PostgreSQL version differences, in one place.
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

#endif							/* SKPI_COMPAT_H */
