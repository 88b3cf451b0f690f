/* csv_out.c: the CSV cell writer of csv_out.h, shared by export.c and the
 * report's CSV (report_out.c), and the formula characters import.c's
 * reader checks when it takes a guard away. */
#include <stdlib.h>
#include <string.h>

#include "r57/alloc.h"
#include "r57/csv_out.h"
#include "r57/text.h"

bool csv_out_formula(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/* Does text, as written, take the guard? */
static bool guarded(const char *text, enum csv_guard g)
{
	if (g == CSV_GUARD_ROUNDTRIP)
		while (*text == '\'')
			text++;
	return *text && csv_out_formula(*text);
}

void csv_out_cell(FILE *f, const char *s, bool last, bool safe, enum csv_guard g)
{
	if (s && *s) {
		char *text = safe ? text_safe(s, true) : r57_xstrdup(s);
		if (!text)
			abort();
		bool guard = guarded(text, g);
		bool quote = (guard && g == CSV_GUARD_DOCUMENT) || strpbrk(text, ",\"\n\r") != NULL;
		if (quote)
			fputc('"', f);
		if (guard)
			fputc('\'', f);
		for (const char *p = text; *p; p++) {
			if (*p == '"')
				fputc('"', f);
			fputc(*p, f);
		}
		if (quote)
			fputc('"', f);
		free(text);
	}
	/* fputc for the comma: a cell's end is written 20 times a task, and
	 * fputs costs a tenth of an export more (callgrind). */
	if (last)
		fputs("\r\n", f);
	else
		fputc(',', f);
}
