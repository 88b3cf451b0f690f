/* fuzz_csv.c: libFuzzer harness for the CSV reader (r57/csv.h). The input
 * is a file; it is read to the end twice, as import reads it (delimiter
 * guessed, the default record limit) and with ';' and a 64-byte limit, so
 * the limit's path is fuzzed too. Beyond no crash and no sanitizer report,
 * every cell is checked against the bytes it came from: an unquoted cell
 * is exactly the bytes at its position, a quoted one those between its
 * quotes with each doubled quote made one; its line and column are
 * recounted from the start of the file. */
#include <stdbool.h>

#include "r57/csv.h"
#include "fuzz.h"

/* The cell's text against the file's bytes at its position. */
static void check_cell(const uint8_t *data, size_t size, const struct csv_cell *c, char delim)
{
	fuzz_utf8(c->text, c->len, "cell text");
	size_t off = (size_t)c->at.offset;
	FUZZ_REQUIRE(c->at.offset >= 0 && off <= size, "cell offset %zu of %zu", off, size);
	if (!c->quoted) {
		FUZZ_REQUIRE(off + c->len <= size && memcmp(data + off, c->text, c->len) == 0,
		             "unquoted cell at %zu is not the file's bytes", off);
		size_t end = off + c->len;
		FUZZ_REQUIRE(end == size || data[end] == (uint8_t)delim || data[end] == '\n' ||
		             data[end] == '\r', "unquoted cell at %zu ends at byte 0x%02x", off, data[end]);
		return;
	}
	FUZZ_REQUIRE(off < size && data[off] == '"', "quoted cell at %zu has no quote there", off);
	size_t i = off + 1;
	for (size_t k = 0; k < c->len; k++) {
		FUZZ_REQUIRE(i < size, "quoted cell at %zu runs past the end", off);
		if (c->text[k] == '"') {
			FUZZ_REQUIRE(i + 1 < size && data[i] == '"' && data[i + 1] == '"',
			             "a quote in the cell at %zu is not doubled in the file", off);
			i += 2;
		} else {
			FUZZ_REQUIRE(data[i] == (uint8_t)c->text[k], "quoted cell at %zu differs at %zu", off, i);
			i++;
		}
	}
	FUZZ_REQUIRE(i < size && data[i] == '"', "quoted cell at %zu not closed where it ends", off);
}

static void read_all(const uint8_t *data, size_t size, char delim, size_t max_record)
{
	FILE *f = fuzz_stream(data, size);
	struct csv_reader *r = csv_open(f, delim, max_record);
	FUZZ_REQUIRE(r != NULL, "csv_open");
	bool bom = size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0;
	struct recount rc = { data, size, bom ? 3 : 0, 1, 1, false };
	int64_t last = -1;
	for (int records = 0;; records++) {
		const struct csv_cell *cells;
		size_t n = 0;
		struct csv_error e;
		int got = csv_next(r, &cells, &n, &e);
		if (got == 0) {
			FUZZ_REQUIRE(csv_next(r, &cells, &n, &e) == 0, "a record after the end");
			break;
		}
		if (got < 0) {
			FUZZ_REQUIRE(e.what != NULL, "an error without a message");
			fuzz_safe_msg(e.what, "csv error");
			FUZZ_REQUIRE(e.at.offset >= 0 && (size_t)e.at.offset <= size && e.at.line >= 1 &&
			             e.at.col >= 1, "error position %lld %ld:%ld", (long long)e.at.offset,
			             e.at.line, e.at.col);
			/* what import shows of the cell: text, so valid UTF-8 */
			FUZZ_REQUIRE(e.partial != NULL, "an error without its partial cell");
			fuzz_utf8(e.partial, strlen(e.partial), "the cell so far");
			struct csv_error again;
			FUZZ_REQUIRE(csv_next(r, &cells, &n, &again) == -1 && again.what == e.what,
			             "the reader is not stuck after an error");
			break;
		}
		FUZZ_REQUIRE(got == 1 && n >= 1, "csv_next gave %d with %zu cells", got, n);
		FUZZ_REQUIRE(csv_had_bom(r) == bom, "the byte order mark");
		char d = csv_delim(r);
		FUZZ_REQUIRE(d == ',' || d == ';', "delimiter 0x%02x", (unsigned char)d);
		for (size_t i = 0; i < n; i++) {
			check_cell(data, size, &cells[i], d);
			FUZZ_REQUIRE(cells[i].at.offset > last || (last < 0 && cells[i].at.offset >= 0),
			             "cell %zu of record %d does not come after the one before", i, records);
			last = cells[i].at.offset;
			recount_to(&rc, (size_t)cells[i].at.offset);
			FUZZ_REQUIRE(cells[i].at.line == rc.line && cells[i].at.col == rc.col,
			             "cell at %lld: line %ld col %ld, counted %ld:%ld",
			             (long long)cells[i].at.offset, cells[i].at.line, cells[i].at.col,
			             rc.line, rc.col);
		}
	}
	csv_free(r);
	fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	read_all(data, size, 0, 0);
	read_all(data, size, ';', 64);
	return 0;
}
