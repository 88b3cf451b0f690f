/* fuzz_filter.c: libFuzzer harness for the filter words of `r57 list`
 * (r57/filter.h). The input is a command line, one word a line, read with
 * today fixed at 30/06/2025. Beyond no crash, no sanitizer report and no
 * leak: an error is R57_EUSAGE or R57_EINPUT with a message safe to print;
 * a filter holds at most FILTER_MAX_WORDS words, each non-empty, valid
 * UTF-8 and the fold of what was typed; dates read are within the years
 * r57 accepts. */
#include <stdbool.h>

#include "r57/filter.h"
#include "fuzz.h"

static void check_filter(const struct task_filter *f)
{
	FUZZ_REQUIRE(f->n_words >= 0 && f->n_words <= FILTER_MAX_WORDS, "%d words", f->n_words);
	for (int i = 0; i < f->n_words; i++) {
		fuzz_utf8(f->words[i], strlen(f->words[i]), "filter word");
		FUZZ_REQUIRE(f->words[i][0] != '\0', "an empty word %d", i);
		char *want = f->word_marks[i] ? text_casefold(f->typed[i]) : text_fold(f->typed[i]);
		FUZZ_REQUIRE(want && strcmp(want, f->words[i]) == 0, "word %d is not the fold of what was typed", i);
		free(want);
	}
	const r57_day days[] = { f->due_before, f->due_after };
	for (size_t i = 0; i < 2; i++) {
		if (days[i] == R57_NO_DATE)
			continue;
		int y;
		date_to_ymd(days[i], &y, NULL, NULL);
		FUZZ_REQUIRE(y >= 1900 && y <= 9999, "a due date in year %d", y);
	}
	FUZZ_REQUIRE(f->year == 0 || (f->year >= 1900 && f->year <= 9999), "year %d", f->year);
	FUZZ_REQUIRE(f->status >= FILTER_NOT_CANCELLED && f->status <= FILTER_CANCELLED, "status %d", (int)f->status);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *line = fuzz_cstr(data, size);
	r57_day today;
	FUZZ_REQUIRE(date_from_ymd(2025, 6, 30, &today), "today");
	struct task_filter f;
	filter_init(&f);
	char *save = NULL;
	for (char *w = strtok_r(line, "\n", &save); w; w = strtok_r(NULL, "\n", &save)) {
		struct r57_err err = { 0 };
		int rc = filter_add_word(&f, w, today, &err);
		if (rc != R57_OK) {
			FUZZ_REQUIRE(rc == R57_EUSAGE || rc == R57_EINPUT, "filter_add_word returned %d", rc);
			fuzz_error(rc, &err, "filter_add_word");
		}
		check_filter(&f);
	}
	filter_clear(&f);
	FUZZ_REQUIRE(f.n_words == 0 && f.status == FILTER_NOT_CANCELLED, "filter_clear");
	free(line);
	return 0;
}
