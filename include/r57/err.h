/* err.h: the error a call hands back up: a code for the exit status and one
 * line for the user, already made safe to print. */
#ifndef R57_ERR_H
#define R57_ERR_H

#include <stddef.h>

enum r57_code {
	R57_OK = 0,
	R57_EUSAGE,     /* unknown command, option or malformed argument */
	R57_EINPUT,     /* a value that is well formed but not acceptable */
	R57_ENOTFOUND,  /* an id or name that does not exist */
	R57_EAMBIGUOUS, /* a name that matches more than one thing */
	R57_EINUSE,     /* removal refused while something uses it */
	R57_ECONFLICT,  /* undo/redo refused: someone changed the rows since */
	R57_ENOTHING,   /* nothing to undo or redo */
	R57_EDB,        /* the database refused: read-only, damaged */
	R57_EBUSY,      /* the database is locked by another program for now */
	R57_EIO,        /* a file could not be read or written */
	R57_ENOMEM,
};

struct r57_err {
	enum r57_code code;
	char msg[1024];
};

/* Set err (if not NULL) and return code. The message is formatted with
 * printf rules; arguments that carry user text must be made safe by the
 * caller with text_safe(). */
int r57_fail(struct r57_err *err, enum r57_code code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The exit status for a code: 0 for R57_OK, 2 for usage, 1 otherwise. */
int r57_exit_status(enum r57_code code);

#endif
