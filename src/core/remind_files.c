/* remind_files.c: the notices of a remind set written as files, one per
 * notice, each atomically (outfile.c): the one writer of `r57 remind -o
 * DIR` and of the status screen's reminders, so that both write the same
 * files under the same names. Which folder, and whether a file already
 * there may be replaced, is the caller's to say. */
#include <stdio.h>
#include <stdlib.h>

#include "r57/i18n.h"
#include "r57/outfile.h"
#include "r57/remind_files.h"

char *remind_file_path(const char *dir, const struct remind_notice *n)
{
	char *name = remind_file_name(n), *path = NULL;
	if (name && asprintf(&path, "%s/%s", dir, name) < 0)
		path = NULL;
	free(name);
	return path;
}

/* What outfile_write's fill hears: one notice and its language. */
struct notice_out {
	const struct remind_notice *n;
	enum report_lang lang;
};

static int fill_notice(FILE *f, void *ctx)
{
	const struct notice_out *o = ctx;
	return remind_write(f, o->n, o->lang);
}

int remind_files_write(const struct remind_set *set, const char *dir, enum report_lang lang,
                       bool force, remind_wrote_fn wrote, void *ctx, struct r57_err *err)
{
	for (int i = 0; i < set->n; i++) {
		char *path = remind_file_path(dir, &set->notices[i]);
		if (!path)
			return r57_fail(err, R57_ENOMEM, "%s", _("out of memory"));
		struct notice_out o = { &set->notices[i], lang };
		int rc = outfile_write(path, force, NULL, fill_notice, &o, err);
		if (!rc && wrote)
			wrote(path, ctx);
		free(path);
		if (rc)
			return rc;
	}
	return R57_OK;
}
