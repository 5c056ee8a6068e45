/*
 * support_kpi.c
 *		Module entry point of the support_kpi extension: the module magic
 *		block, _PG_init (defines the setting support_kpi.exact_max_values of
 *		values_state.c and reserves the support_kpi. prefix), and
 *		skpi_test_recv, the binary-input entry point of the hostile-input tests;
 *		skpi_test_raw, the corrupted-state entry point of the stored-state tests.
 *
 * The KPIs and their states live in one file per family or state type under
 * src/; README.md ("Layout") says which file holds what.
 */
#include "postgres.h"
#include "fmgr.h"

#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"

#include "compat.h"
#include "values_state.h"

#if PG_VERSION_NUM >= 180000
/* SKPI_VERSION: the Makefile's EXTVERSION */
PG_MODULE_MAGIC_EXT(.name = "support_kpi", .version = SKPI_VERSION);
#else
PG_MODULE_MAGIC;
#endif

void		_PG_init(void);

void
_PG_init(void)
{
	skpi_values_define_guc();
	MarkGUCPrefixReserved("support_kpi");
}

/*
 * skpi_test_recv(type oid, bytes bytea) returns text: the text form of the
 * value the type's binary receive function makes of the bytes, checked as
 * binary COPY and the bind message check them (every byte consumed, 22P03
 * otherwise).  Not part of the extension's SQL: the hostile-input tests
 * (test/hostile_input.sql) declare it in their own schema, as a superuser
 * can declare any C symbol, to feed thousands of byte strings to every recv
 * function without a COPY file per case.  It does nothing a binary COPY of
 * the same bytes does not.
 */
PG_FUNCTION_INFO_V1(skpi_test_recv);
Datum		skpi_test_recv(PG_FUNCTION_ARGS);

Datum
skpi_test_recv(PG_FUNCTION_ARGS)
{
	Oid			typid = PG_GETARG_OID(0);
	bytea	   *bytes = PG_GETARG_BYTEA_PP(1);
	Oid			recv,
				ioparam,
				out;
	bool		varlena;
	StringInfoData buf;
	Datum		value;

	getTypeBinaryInputInfo(typid, &recv, &ioparam);
	initStringInfo(&buf);
	appendBinaryStringInfo(&buf, VARDATA_ANY(bytes), VARSIZE_ANY_EXHDR(bytes));
	value = OidReceiveFunctionCall(recv, &buf, ioparam, -1);
	if (buf.cursor != buf.len)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("incorrect binary data format")));
	getTypeOutputInfo(typid, &out, &varlena);
	PG_RETURN_TEXT_P(cstring_to_text(OidOutputFunctionCall(out, value)));
}

/*
 * skpi_test_raw(varlena) returns varlena: a copy of its argument's bytes
 * under another type.  Not part of the extension's SQL: the stored-state
 * tests (test/stored_corruption.sql) declare it, as a superuser can declare
 * any C symbol, once from each state type to bytea and once back, to give
 * every function stored values with corrupted bytes, as a damaged disk or a
 * superuser's hand could; every such value must be refused cleanly.
 */
PG_FUNCTION_INFO_V1(skpi_test_raw);
Datum		skpi_test_raw(PG_FUNCTION_ARGS);

Datum
skpi_test_raw(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(0)));
}
