/*
 * textparse.h
 *		A small strict reader for the JSON-like text form of the state types.
 *
 * States print as one flat JSON object ({"version":1,"kind":"nps",...}) whose
 * values are integers, plain decimal numbers (float8), lower-case words,
 * true / false, null, timestamps and JSON strings in double quotes, or
 * arrays of those (a contact_timeline_state's events are arrays of such
 * arrays).  This reader accepts exactly that (whitespace between tokens
 * allowed; escapes only in strings, no NaN or Infinity), so every state type
 * parses its text form the same strict way.
 * Each function returns false after reporting an error through the
 * soft-error context (PostgreSQL 16+), or throws without one.
 */
#ifndef SKPI_TEXTPARSE_H
#define SKPI_TEXTPARSE_H

#include "postgres.h"
#include "datatype/timestamp.h"
#include "lib/stringinfo.h"
#include "nodes/nodes.h"

typedef struct TextParser
{
	const char *input;			/* whole input, for messages */
	const char *p;				/* cursor */
	const char *typname;		/* SQL type name, for messages */
	Node	   *escontext;		/* soft-error context (PostgreSQL 16+) */
} TextParser;

/* how much of a rejected input an error message echoes */
#define SKPI_EXCERPT_BYTES 256
extern const char *skpi_input_excerpt(const char *input);

extern void skpi_text_init(TextParser *tp, const char *input, const char *typname,
						   Node *escontext);
extern bool skpi_text_error(TextParser *tp, const char *detail);
extern void skpi_text_skip_ws(TextParser *tp);
extern bool skpi_text_expect(TextParser *tp, char c);
extern bool skpi_text_word(TextParser *tp, char *buf, int len);
extern bool skpi_text_int64(TextParser *tp, int64 *result);
/* a finite decimal number as float8out prints it; "null" gives NaN when allow_null */
extern bool skpi_text_float8(TextParser *tp, double *result, bool allow_null);
/* [e, e, ...], possibly empty: element reads each element */
typedef bool (*SkpiTextElement) (TextParser *tp, void *arg);
extern bool skpi_text_list(TextParser *tp, SkpiTextElement element, void *arg);
extern bool skpi_text_small_int(TextParser *tp, const char *what, int *result);
extern bool skpi_text_int_array(TextParser *tp, int64 *counts, int maxcounts, int *ncounts);
/* true, and the cursor moved past it, if the next token is c */
extern bool skpi_text_accept(TextParser *tp, char c);
/* the value of "kind": the word kind (22P02 otherwise) */
extern bool skpi_text_kind(TextParser *tp, const char *kind);
/* 22P02 for a key that is unknown or seen before */
extern bool skpi_text_bad_key(TextParser *tp, const char *key);
/* a JSON true or false */
extern bool skpi_text_bool(TextParser *tp, bool *result);
/* the object's closing brace, then nothing but whitespace */
extern bool skpi_text_end(TextParser *tp);
/* the format version read is the one this release reads (22P02 otherwise) */
extern bool skpi_text_version(TextParser *tp, int version, int expected);

/*
 * One JSON object {"key":value,...} whose keys are keys[0..nkeys-1] (at most
 * 64): each at most once, in any order, and every key of the bitmask
 * required present (bit i for keys[i]); field reads the value of keys[i].
 * Then nothing but whitespace.
 */
typedef bool (*SkpiTextField) (TextParser *tp, int key, void *arg);
extern bool skpi_text_object(TextParser *tp, const char *const *keys, int nkeys,
							 uint64 required, SkpiTextField field, void *arg);

/* true, and the cursor moved past it, if the next token is null */
extern bool skpi_text_null(TextParser *tp);

/*
 * A JSON string into buf (reset first): escapes \" \\ \/ \b \f \n \r \t and
 * \uXXXX below 0x80 (not \u0000); any other character as is, the whole at
 * most maxlen bytes and valid in the database encoding.  what names the value
 * in those two errors ("An operator id").
 */
extern bool skpi_text_string(TextParser *tp, StringInfo buf, int maxlen, const char *what);

/*
 * A timestamp with time zone in double quotes, read by timestamptz_in (a bad
 * one is a soft error on PostgreSQL 16+, see compat.h); infinite_detail NULL
 * accepts infinity, else refuses it with that detail.
 */
extern bool skpi_text_timestamp(TextParser *tp, TimestampTz *at, const char *infinite_detail);

#endif							/* SKPI_TEXTPARSE_H */
