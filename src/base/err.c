/* err.c: filling in the error a call hands back up. */
#include <stdarg.h>
#include <stdio.h>
#include "r57/err.h"

int r57_fail(struct r57_err *err, enum r57_code code, const char *fmt, ...)
{
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
		va_end(ap);
		err->code = code;
	}
	return code;
}

int r57_exit_status(enum r57_code code)
{
	switch (code) {
	case R57_OK:
		return 0;
	case R57_EUSAGE:
		return 2;
	default:
		return 1;
	}
}
