/* afile.h: writing an output file (-o FILE) so that nobody ever sees it
 * half written. The text goes to a temporary file in the same folder
 * (an unnamed O_TMPFILE where the file system has them, so that even a
 * kill -9 leaves nothing behind; else a hidden ".NAME.r57-XXXXXX" removed
 * on SIGINT, SIGTERM and SIGHUP), is flushed to disk, and is renamed over
 * FILE in one step; the folder is flushed too. An existing FILE is
 * replaced only when asked to (force) or when it was written by r57: its
 * first bytes (after a UTF-8 byte order mark) begin with one of the
 * signatures the caller gives, such as the header line of r57's CSV. */
#ifndef R57_AFILE_H
#define R57_AFILE_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>
#include "r57/err.h"

struct afile;

/* Check path and open the temporary file. sigs: NULL-terminated. The
 * error names the path; nothing has been written anywhere. */
int afile_open(const char *path, bool force, const char *const *sigs,
               struct afile **out, struct r57_err *err);
/* The same, the file's permissions kept within allow (0600: only the
 * owner reads it, as for a copy of the whole database); a replaced file
 * keeps its own where they are narrower. */
int afile_open_mode(const char *path, bool force, const char *const *sigs, mode_t allow,
                    struct afile **out, struct r57_err *err);
/* Where to write. */
FILE *afile_stream(struct afile *a);
/* Flush, sync, rename over the path, sync the folder; frees a. On an
 * error the old file (if any) is left as it was, and no temporary file. */
int afile_commit(struct afile *a, struct r57_err *err);
/* Drop what was written; the path is left as it was. Frees a. */
void afile_abort(struct afile *a);

#endif
