/* outfile.h: writing a file so that an interrupted write never leaves
 * half of one: a temporary file in the same folder, flushed, synced and
 * renamed over the target. An existing file is replaced only when asked
 * (force) or when it was written by r57 (it holds the given signature in
 * its first kilobyte). */
#ifndef R57_OUTFILE_H
#define R57_OUTFILE_H

#include <stdbool.h>
#include <stdio.h>
#include "r57/err.h"

typedef int (*outfile_fill_fn)(FILE *f, void *ctx); /* 0, or -1 on failure */

int outfile_write(const char *path, bool force, const char *signature,
                  outfile_fill_fn fill, void *ctx, struct r57_err *err);

#endif
