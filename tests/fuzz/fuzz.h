/* fuzz.h: what the libFuzzer harnesses of tests/fuzz share: the entry
 * point's prototype, a NUL-terminated copy of the input, and checks that
 * abort (so libFuzzer records the input as a crash) when a promise of a
 * header is broken: text that must be valid UTF-8, a message that must be
 * safe to print. Only static functions: each harness is built on its own. */
#ifndef R57_FUZZ_H
#define R57_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/err.h"
#include "r57/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A broken promise: say which and abort, which libFuzzer reports as a
 * crash and saves the input of. */
#define FUZZ_REQUIRE(cond, ...)                                               \
	do {                                                                  \
		if (!(cond)) {                                                \
			fprintf(stderr, "fuzz: %s:%d: %s: ", __FILE__,        \
			        __LINE__, #cond);                             \
			fprintf(stderr, __VA_ARGS__);                         \
			fputc('\n', stderr);                                  \
			abort();                                              \
		}                                                             \
	} while (0)

/* The input as a C string (cut at its first NUL, as argv would be). */
static inline char *fuzz_cstr(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* A stream over the input, as the readers get a file. fmemopen refuses
 * an empty buffer on older C libraries: /dev/null is the empty file. */
static inline FILE *fuzz_stream(const uint8_t *data, size_t size)
{
	FILE *f = size ? fmemopen((void *)(uintptr_t)data, size, "rb") : fopen("/dev/null", "rb");
	if (!f)
		abort();
	return f;
}

/* Text a header promises to be valid UTF-8 without NUL, len bytes. */
static inline void fuzz_utf8(const char *s, size_t len, const char *what)
{
	FUZZ_REQUIRE(s != NULL, "%s is NULL", what);
	FUZZ_REQUIRE(strlen(s) == len, "%s: strlen %zu, len %zu", what, strlen(s), len);
	size_t bad = 0;
	FUZZ_REQUIRE(text_valid_utf8(s, len, &bad), "%s: invalid UTF-8 at byte %zu", what, bad);
}

/* A message for the user (err.h: "already made safe to print"): valid
 * UTF-8, one line, no control character, no bidi control; text_safe()
 * leaves such text as it is. */
static inline void fuzz_safe_msg(const char *msg, const char *what)
{
	fuzz_utf8(msg, strlen(msg), what);
	char *safe = text_safe(msg, false);
	FUZZ_REQUIRE(strcmp(safe, msg) == 0, "%s is not safe to print: \"%s\"", what, safe);
	free(safe);
}

/* A failed call's error: a known code and a safe, non-empty message. */
static inline void fuzz_error(int rc, const struct r57_err *err, const char *what)
{
	FUZZ_REQUIRE(rc > R57_OK && rc <= R57_ENOMEM, "%s: code %d", what, rc);
	FUZZ_REQUIRE(err->code == (enum r57_code)rc, "%s: returned %d, err.code %d", what, rc, (int)err->code);
	FUZZ_REQUIRE(err->msg[0] != '\0', "%s: an empty message", what);
	fuzz_safe_msg(err->msg, what);
}

/* Line and column counted again, independently of the readers, moving
 * forward only: a line ends at LF, CRLF or a lone CR; a column is a
 * character (a byte that is not a UTF-8 continuation byte). */
struct recount {
	const uint8_t *data;
	size_t size, at;
	long line, col;
	bool after_cr;
};

static inline void recount_to(struct recount *rc, size_t offset)
{
	FUZZ_REQUIRE(offset >= rc->at, "positions go back: %zu after %zu", offset, rc->at);
	for (; rc->at < offset; rc->at++) {
		uint8_t b = rc->data[rc->at];
		if (b == '\n') {
			if (!rc->after_cr) {
				rc->line++;
				rc->col = 1;
			}
			rc->after_cr = false;
		} else if (b == '\r') {
			rc->line++;
			rc->col = 1;
			rc->after_cr = true;
		} else {
			if ((b & 0xC0) != 0x80)
				rc->col++; /* a character begins */
			rc->after_cr = false;
		}
	}
}

#endif
