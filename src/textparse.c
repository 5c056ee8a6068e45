/*
 * textparse.c
 *		A small strict reader for the JSON-like text form of the state types
 *		(see textparse.h).
 */
#include "postgres.h"

#include <math.h>

#include "compat.h"
#include "mb/pg_wchar.h"
#include "utils/datetime.h"
#include "textparse.h"
#include "utils/float.h"

/*
 * A rejected input in an error message: the input itself when it has at most
 * SKPI_EXCERPT_BYTES (256) bytes, else its first SKPI_EXCERPT_BYTES bytes
 * (cut on a character boundary) followed by "... (N bytes)".  States can be hundreds of megabytes: echoing
 * one whole would copy it into the server log and back to the client.
 */
const char *
skpi_input_excerpt(const char *input)
{
	size_t		len = strnlen(input, SKPI_EXCERPT_BYTES + 1);
	int			cut;

	if (len <= SKPI_EXCERPT_BYTES)
		return input;
	len = strlen(input);
	cut = pg_mbcliplen(input, SKPI_EXCERPT_BYTES + 1, SKPI_EXCERPT_BYTES);
	return psprintf("%.*s... (%zu bytes)", cut, input, len);
}

void
skpi_text_init(TextParser *tp, const char *input, const char *typname,
			   Node *escontext)
{
	tp->input = input;
	tp->p = input;
	tp->typname = typname;
	tp->escontext = escontext;
}

bool
skpi_text_accept(TextParser *tp, char c)
{
	skpi_text_skip_ws(tp);
	if (*tp->p != c)
		return false;
	tp->p++;
	return true;
}

/*
 * Every helper returns false after reporting an error: with a soft-error
 * context (pg_input_is_valid, COPY ... ON_ERROR) the error is saved and the
 * input function returns; otherwise ereturn throws as ereport does.
 */
bool
skpi_text_error(TextParser *tp, const char *detail)
{
	ereturn(tp->escontext, false,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s: \"%s\"",
					tp->typname, skpi_input_excerpt(tp->input)),
			 errdetail("%s", detail)));
}

void
skpi_text_skip_ws(TextParser *tp)
{
	while (*tp->p == ' ' || *tp->p == '\t' || *tp->p == '\n' || *tp->p == '\r')
		tp->p++;
}

bool
skpi_text_expect(TextParser *tp, char c)
{
	char		detail[64];

	skpi_text_skip_ws(tp);
	if (*tp->p == c)
	{
		tp->p++;
		return true;
	}
	if (c == '"')
		snprintf(detail, sizeof(detail), "Expected a double quote at offset %d.",
				 (int) (tp->p - tp->input));
	else
		snprintf(detail, sizeof(detail), "Expected \"%c\" at offset %d.",
				 c, (int) (tp->p - tp->input));
	return skpi_text_error(tp, detail);
}

/* a JSON string of [a-z_] characters, at most len - 1 long */
bool
skpi_text_word(TextParser *tp, char *buf, int len)
{
	int			n = 0;

	if (!skpi_text_expect(tp, '"'))
		return false;
	while ((*tp->p >= 'a' && *tp->p <= 'z') || *tp->p == '_')
	{
		if (n >= len - 1)
			return skpi_text_error(tp, "A key or kind name is too long.");
		buf[n++] = *tp->p++;
	}
	buf[n] = '\0';
	if (*tp->p != '"')
		return skpi_text_error(tp, "Key and kind names are lower-case words in double quotes.");
	tp->p++;
	return true;
}

bool
skpi_text_int64(TextParser *tp, int64 *result)
{
	bool		neg = false;
	uint64		v = 0;
	int			digits = 0;		/* significant digits: leading zeros don't count */
	bool		any = false;

	skpi_text_skip_ws(tp);
	if (*tp->p == '-')
	{
		neg = true;
		tp->p++;
	}
	while (*tp->p >= '0' && *tp->p <= '9')
	{
		v = v * 10 + (uint64) (*tp->p - '0');
		tp->p++;
		any = true;
		if (v != 0)
			digits++;
		/* checked after every digit, so v never wraps */
		if (digits > 19 || v > (uint64) PG_INT64_MAX + (neg ? 1 : 0))
			ereturn(tp->escontext, false,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("value in %s input is out of range for type bigint",
							tp->typname),
					 errdetail("Input: \"%s\".", skpi_input_excerpt(tp->input))));
	}
	if (!any)
		return skpi_text_error(tp, "Expected an integer.");
	if (neg)
		*result = (v == (uint64) PG_INT64_MAX + 1) ? PG_INT64_MIN : -(int64) v;
	else
		*result = (int64) v;
	return true;
}

/*
 * A plain decimal number: -?digits[.digits][e[+-]digits], as float8out
 * prints finite values; no NaN or Infinity, no hex.  "null" gives NaN when
 * allow_null.
 */
bool
skpi_text_float8(TextParser *tp, double *result, bool allow_null)
{
	const char *s;
	char	   *end;
	char		num[64];
	int			len;

	skpi_text_skip_ws(tp);
	s = tp->p;
	if (allow_null && strncmp(s, "null", 4) == 0)
	{
		tp->p += 4;
		*result = get_float8_nan();
		return true;
	}
	if (*tp->p == '-')
		tp->p++;
	if (!(*tp->p >= '0' && *tp->p <= '9'))
		return skpi_text_error(tp, "Expected a number.");
	while ((*tp->p >= '0' && *tp->p <= '9') || *tp->p == '.' || *tp->p == 'e' ||
		   *tp->p == 'E' ||
		   ((*tp->p == '+' || *tp->p == '-') && (tp->p[-1] == 'e' || tp->p[-1] == 'E')))
		tp->p++;
	len = (int) (tp->p - s);
	if (len >= (int) sizeof(num))
		return skpi_text_error(tp, "A number is too long.");
	memcpy(num, s, len);
	num[len] = '\0';
	errno = 0;
	*result = strtod(num, &end);
	/* as float8in: ERANGE is fine for a subnormal, not for 0 or infinity */
	if (*end != '\0' || isnan(*result) || isinf(*result) ||
		(errno != 0 && !(errno == ERANGE && *result != 0.0)))
		return skpi_text_error(tp, "Expected a finite number.");
	return true;
}

/* [e, e, ...], possibly empty: element reads each element */
bool
skpi_text_list(TextParser *tp, SkpiTextElement element, void *arg)
{
	if (!skpi_text_expect(tp, '['))
		return false;
	if (skpi_text_accept(tp, ']'))
		return true;
	do
	{
		if (!element(tp, arg))
			return false;
	} while (skpi_text_accept(tp, ','));
	return skpi_text_expect(tp, ']');
}

/* an integer that must fit a small range (version, scale bounds) */
bool
skpi_text_small_int(TextParser *tp, const char *what, int *result)
{
	int64		v;
	char		detail[96];

	if (!skpi_text_int64(tp, &v))
		return false;
	if (v < -32768 || v > 32767)
	{
		snprintf(detail, sizeof(detail), "The %s " INT64_FORMAT " is out of range.",
				 what, v);
		return skpi_text_error(tp, detail);
	}
	*result = (int) v;
	return true;
}

/* [n, n, ...] into counts[], at most maxcounts values */
bool
skpi_text_int_array(TextParser *tp, int64 *counts, int maxcounts, int *ncounts)
{
	*ncounts = 0;
	if (!skpi_text_expect(tp, '['))
		return false;
	for (;;)
	{
		if (*ncounts >= maxcounts)
			return skpi_text_error(tp, "Too many counts.");
		if (!skpi_text_int64(tp, &counts[(*ncounts)++]))
			return false;
		skpi_text_skip_ws(tp);
		if (*tp->p != ',')
			return skpi_text_expect(tp, ']');
		tp->p++;
	}
}


bool
skpi_text_bool(TextParser *tp, bool *result)
{
	skpi_text_skip_ws(tp);
	if (strncmp(tp->p, "true", 4) == 0)
	{
		tp->p += 4;
		*result = true;
		return true;
	}
	if (strncmp(tp->p, "false", 5) == 0)
	{
		tp->p += 5;
		*result = false;
		return true;
	}
	return skpi_text_error(tp, "Expected true or false.");
}

bool
skpi_text_end(TextParser *tp)
{
	if (!skpi_text_expect(tp, '}'))
		return false;
	skpi_text_skip_ws(tp);
	if (*tp->p != '\0')
		return skpi_text_error(tp, "Unexpected characters after the closing brace.");
	return true;
}

bool
skpi_text_version(TextParser *tp, int version, int expected)
{
	if (version == expected)
		return true;
	ereturn(tp->escontext, false,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("unsupported %s format version %d", tp->typname, version),
			 errdetail("This version of support_kpi reads format version %d.", expected)));
}

bool
skpi_text_kind(TextParser *tp, const char *kind)
{
	char		word[32];
	char		detail[96];

	if (!skpi_text_word(tp, word, sizeof(word)))
		return false;
	if (strcmp(word, kind) == 0)
		return true;
	snprintf(detail, sizeof(detail), "Expected kind \"%s\", found \"%s\".", kind, word);
	return skpi_text_error(tp, detail);
}

bool
skpi_text_bad_key(TextParser *tp, const char *key)
{
	char		detail[96];

	snprintf(detail, sizeof(detail), "Unexpected or repeated key \"%s\".", key);
	return skpi_text_error(tp, detail);
}

bool
skpi_text_object(TextParser *tp, const char *const *keys, int nkeys,
				 uint64 required, SkpiTextField field, void *arg)
{
	uint64		seen = 0;

	Assert(nkeys <= 64);
	if (!skpi_text_expect(tp, '{'))
		return false;
	do
	{
		char		key[32];
		int			i;

		if (!skpi_text_word(tp, key, sizeof(key)) || !skpi_text_expect(tp, ':'))
			return false;
		for (i = 0; i < nkeys; i++)
			if (strcmp(keys[i], key) == 0)
				break;
		if (i == nkeys || (seen & (UINT64CONST(1) << i)))
			return skpi_text_bad_key(tp, key);
		seen |= UINT64CONST(1) << i;
		if (!field(tp, i, arg))
			return false;
	} while (skpi_text_accept(tp, ','));
	if (!skpi_text_end(tp))
		return false;
	required &= nkeys == 64 ? ~UINT64CONST(0) : (UINT64CONST(1) << nkeys) - 1;
	if ((seen & required) != required)
		return skpi_text_error(tp, "Every key of the state is required: see the output of the type.");
	return true;
}

/* ---- null, strings with escapes, timestamps ---- */

bool
skpi_text_null(TextParser *tp)
{
	skpi_text_skip_ws(tp);
	if (strncmp(tp->p, "null", 4) != 0)
		return false;
	tp->p += 4;
	return true;
}

/* the value of hex digit h, or -1 */
static int
hex_digit(char h)
{
	if (h >= '0' && h <= '9')
		return h - '0';
	if (h >= 'a' && h <= 'f')
		return h - 'a' + 10;
	if (h >= 'A' && h <= 'F')
		return h - 'A' + 10;
	return -1;
}

bool
skpi_text_string(TextParser *tp, StringInfo buf, int maxlen, const char *what)
{
	/* pairs: the character after the backslash, the one it stands for */
	static const char escapes[] = "\"\"\\\\//b\bf\fn\nr\rt\t";
	char		detail[128];

	resetStringInfo(buf);
	if (!skpi_text_expect(tp, '"'))
		return false;
	for (;;)
	{
		char		ch = *tp->p;
		const char *e;

		if (ch == '\0')
			return skpi_text_error(tp, "An unterminated string.");
		tp->p++;
		if (ch == '"')
			break;
		if ((unsigned char) ch < 0x20)
			return skpi_text_error(tp, "A control character in a string.");
		if (ch != '\\')
		{
			appendStringInfoChar(buf, ch);
			continue;
		}
		ch = *tp->p++;
		if (ch == 'u')
		{
			int			v = 0,
						k;

			for (k = 0; k < 4; k++)
			{
				int			h = hex_digit(*tp->p);

				if (h < 0)
					return skpi_text_error(tp, "A \\u escape needs 4 hex digits.");
				v = v * 16 + h;
				tp->p++;
			}
			if (v == 0 || v >= 0x80)
				return skpi_text_error(tp, "Only \\u0001 to \\u007f escapes are accepted.");
			appendStringInfoChar(buf, (char) v);
		}
		else
		{
			for (e = escapes; *e != '\0' && *e != ch; e += 2)
				;
			if (*e == '\0')
			{
				tp->p--;
				return skpi_text_error(tp, "An unknown escape in a string.");
			}
			appendStringInfoChar(buf, e[1]);
		}
		if (buf->len > maxlen)
			break;
	}
	if (buf->len > maxlen)
	{
		snprintf(detail, sizeof(detail), "%s is longer than %d bytes.", what, maxlen);
		return skpi_text_error(tp, detail);
	}
	if (!pg_verifymbstr(buf->data, buf->len, true))
	{
		snprintf(detail, sizeof(detail), "%s is not valid in the database encoding.", what);
		return skpi_text_error(tp, detail);
	}
	return true;
}

bool
skpi_text_timestamp(TextParser *tp, TimestampTz *at, const char *infinite_detail)
{
	const char *start;
	char		s[MAXDATELEN + 1];
	int			len;

	if (!skpi_text_expect(tp, '"'))
		return false;
	start = tp->p;
	while (*tp->p != '"' && *tp->p != '\0')
		tp->p++;
	len = tp->p - start;
	if (*tp->p != '"' || len == 0 || len > MAXDATELEN)
		return skpi_text_error(tp, "Expected a timestamp in double quotes.");
	memcpy(s, start, len);
	s[len] = '\0';
	tp->p++;
	if (!skpi_timestamptz_in(s, tp->escontext, at))
		return false;
	if (infinite_detail != NULL && TIMESTAMP_NOT_FINITE(*at))
		return skpi_text_error(tp, infinite_detail);
	return true;
}
