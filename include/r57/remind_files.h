/* remind_files.h: the notices of a remind set written as files in a
 * folder, one per notice under remind_file_name's name: the one writer
 * behind `r57 remind -o DIR` and the status screen's reminders (r, R). */
#ifndef R57_REMIND_FILES_H
#define R57_REMIND_FILES_H

#include <stdbool.h>
#include "r57/err.h"
#include "r57/remind.h"

/* dir/NAME for the notice n (remind_file_name); newly allocated, NULL
 * when out of memory. */
char *remind_file_path(const char *dir, const struct remind_notice *n);

/* Called with each file's path once it is written. */
typedef void (*remind_wrote_fn)(const char *path, void *ctx);

/* Write each notice of set, in lang (remind_write), to its file in dir,
 * each atomically (outfile.h): a file of that name already there is
 * replaced only with force. Stops at the first failure, which err names;
 * the notices before it stay written. wrote (may be NULL) hears of each
 * file written. */
int remind_files_write(const struct remind_set *set, const char *dir, enum report_lang lang,
                       bool force, remind_wrote_fn wrote, void *ctx, struct r57_err *err);

#endif
