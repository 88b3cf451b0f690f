/* json_in.h: a strict, streaming JSON tokenizer (RFC 8259) for reading
 * r57's own export back: one token at a time, strings decoded to UTF-8
 * (escapes undone, surrogate pairs joined), every token with its line and
 * column. Refused: invalid UTF-8, raw control characters in strings, lone
 * surrogates, \u0000, numbers or literals that are not JSON, anything but
 * white space outside tokens. A leading UTF-8 byte order mark is skipped.
 * Lines count from 1; columns count characters from 1. */
#ifndef R57_JSON_IN_H
#define R57_JSON_IN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct json_pos {
	int64_t offset;
	long line, col;
};

enum json_type {
	JSON_END,       /* end of the input */
	JSON_OBJ_START, JSON_OBJ_END, JSON_ARR_START, JSON_ARR_END,
	JSON_COLON, JSON_COMMA,
	JSON_STRING, JSON_NUMBER, JSON_TRUE, JSON_FALSE, JSON_NULL,
};

struct json_token {
	enum json_type type;
	const char *text;   /* STRING: decoded, NUL-terminated; NUMBER: as written */
	size_t len;
	struct json_pos at;
};

struct json_error {
	struct json_pos at;
	const char *what;   /* a constant English message: show it with _() */
};

struct json_in;
/* max_string bounds one string's bytes (0: 1 MiB). NULL if out of memory. */
struct json_in *json_open(FILE *f, size_t max_string);
void json_free(struct json_in *j);

/* The next token (its text valid until the next call): 0, or -1 and the
 * error; after an error every call fails the same way. */
int json_next(struct json_in *j, struct json_token *t, struct json_error *e);

/* A name for a token type in messages, in the chosen language: "a string",
 * "'}'", ... */
const char *json_type_name(enum json_type t);

#endif
