/* outfile.c: output files for reports and notices, written through
 * afile (a temporary file, synced and renamed into place); an existing
 * file is replaced when forced or when r57's signature is in its first
 * kilobyte (an HTML report's generator line is not on its first line). */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "r57/afile.h"
#include "r57/i18n.h"
#include "r57/outfile.h"
#include "r57/text.h"

/* Was the file at path written by r57? */
static bool ours(const char *path, const char *signature)
{
	if (!signature || !*signature)
		return false;
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	char head[1025];
	size_t n = fread(head, 1, sizeof head - 1, f);
	fclose(f);
	head[n] = '\0';
	return memmem(head, n, signature, strlen(signature)) != NULL;
}

int outfile_write(const char *path, bool force, const char *signature,
                  outfile_fill_fn fill, void *ctx, struct r57_err *err)
{
	char *safe = text_safe(path, false);
	struct stat sb;
	int rc = R57_OK;
	if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode) && !force && !ours(path, signature)) {
		rc = r57_fail(err, R57_EIO,
		              _("%s: already exists and was not written by r57; nothing written (--force replaces it)"),
		              safe);
		free(safe);
		return rc;
	}
	free(safe);
	/* The temporary file, the sync and the rename are afile's. */
	struct afile *af;
	if ((rc = afile_open(path, true, NULL, &af, err)))
		return rc;
	if (fill(afile_stream(af), ctx) != 0) {
		afile_abort(af);
		char *p = text_safe(path, false);
		rc = r57_fail(err, R57_EIO, _("%s: write failed; the old file is unchanged"), p);
		free(p);
		return rc;
	}
	return afile_commit(af, err);
}
