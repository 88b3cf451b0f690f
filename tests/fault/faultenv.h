/* faultenv.h: how the fault tools (crashvfs.c, failshim.c) read what to do
 * from the environment, in one place so that both take the same forms:
 *
 *   VAR=OP:N:CODE   fail the Nth OP with CODE (faultenv_spec)
 *   VAR=N           a number (faultenv_long)
 *   VAR=1           a switch (faultenv_flag)
 *
 * A malformed value ends the process with status 97 and a message naming
 * the variable: a test that asked for a fault must never run without it.
 * Header-only (static inline) because the two tools are built apart, one
 * of them as a preload with no library beside it. */
#ifndef R57_TESTS_FAULTENV_H
#define R57_TESTS_FAULTENV_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { FAULTENV_BAD = 97 };

/* A fault asked for: the indexes of OP and CODE in the caller's name
 * lists, and N (at least 1). */
struct faultenv_fault {
	int op;
	int code;
	long n;
};

/* The index of name in the NULL-terminated list, or -1. */
static inline int faultenv_index(const char *const *names, const char *name)
{
	for (int i = 0; names[i]; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}

/* Say what var should hold (its OPs and CODEs) and end the process. */
static inline void faultenv_refuse(const char *who, const char *var, const char *val,
                                   const char *const *ops, const char *const *codes)
{
	fprintf(stderr, "%s: %s=%s: want OP:N:CODE, OP one of", who, var, val);
	for (int i = 0; ops[i]; i++)
		fprintf(stderr, " %s", ops[i]);
	fprintf(stderr, ", CODE one of");
	for (int i = 0; codes[i]; i++)
		fprintf(stderr, " %s", codes[i]);
	fprintf(stderr, ", N >= 1\n");
	_exit(FAULTENV_BAD);
}

/* var as OP:N:CODE into *out: 1 when set, 0 when unset or empty; a value
 * of another form ends the process (faultenv_refuse). */
static inline int faultenv_spec(const char *who, const char *var, const char *const *ops,
                                const char *const *codes, struct faultenv_fault *out)
{
	const char *s = getenv(var);
	char op[16] = "", code[16] = "";
	long n = 0;
	if (!s || !*s)
		return 0;
	if (sscanf(s, "%15[a-z]:%ld:%15[a-z]", op, &n, code) != 3 || n < 1)
		faultenv_refuse(who, var, s, ops, codes);
	out->op = faultenv_index(ops, op);
	out->code = faultenv_index(codes, code);
	out->n = n;
	if (out->op < 0 || out->code < 0)
		faultenv_refuse(who, var, s, ops, codes);
	return 1;
}

/* var as a whole decimal number; dflt when unset or empty. */
static inline long faultenv_long(const char *who, const char *var, long dflt)
{
	const char *s = getenv(var);
	char *end;
	if (!s || !*s)
		return dflt;
	long v = strtol(s, &end, 10);
	if (*end) {
		fprintf(stderr, "%s: %s=%s: want a number\n", who, var, s);
		_exit(FAULTENV_BAD);
	}
	return v;
}

/* var is "1". */
static inline int faultenv_flag(const char *var)
{
	const char *s = getenv(var);
	return s && strcmp(s, "1") == 0;
}

#endif
