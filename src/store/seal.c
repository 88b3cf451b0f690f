/* seal.c: the bytes of an entry's seal and their SHA-256 (seal.h), by
 * nettle. The encoding is docs/undo.md's ("The seal"); the server's
 * r57.seal_of (pg_migrate_5.sql) writes the same bytes in SQL, and
 * tests/unit/test_seal.c holds a fixed entry and its seal. */
#include <stdio.h>
#include <string.h>

#include "seal.h"

/* Names the encoding, so that another one can never give the same seal. */
static const char seal_magic[] = "r57-seal-1";

/* A field: its length in 4 bytes, most significant first, then its bytes;
 * none is the length ff ff ff ff and no bytes. */
static void field(struct seal *s, const char *b, size_t len)
{
	uint8_t n[4];
	uint32_t l = b ? (uint32_t)len : 0xffffffffu;
	n[0] = (uint8_t)(l >> 24);
	n[1] = (uint8_t)(l >> 16);
	n[2] = (uint8_t)(l >> 8);
	n[3] = (uint8_t)l;
	sha256_update(&s->sha, sizeof n, n);
	if (b && len)
		sha256_update(&s->sha, len, (const uint8_t *)b);
}

static void text(struct seal *s, const char *t)
{
	field(s, t, t ? strlen(t) : 0);
}

/* Integers in decimal, as SQLite and PostgreSQL write them as text. */
static void integer(struct seal *s, int64_t v)
{
	char b[24];
	int n = snprintf(b, sizeof b, "%lld", (long long)v);
	field(s, b, (size_t)n);
}

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

bool seal_begin(struct seal *s, const char *prev, const struct seal_entry *e)
{
	uint8_t p[SEAL_BYTES] = { 0 };
	bool ok = true;
	if (prev) {
		ok = strlen(prev) == 2 * SEAL_BYTES;
		for (size_t i = 0; ok && i < SEAL_BYTES; i++) {
			int hi = hexval(prev[2 * i]), lo = hexval(prev[2 * i + 1]);
			ok = hi >= 0 && lo >= 0;
			p[i] = (uint8_t)(ok ? hi << 4 | lo : 0);
		}
	}
	sha256_init(&s->sha);
	sha256_update(&s->sha, sizeof p, p);
	text(s, seal_magic);
	integer(s, e->seq);
	text(s, e->at);
	text(s, e->day);
	text(s, e->actor);
	text(s, e->summary);
	text(s, e->kind);
	if (e->target > 0)
		integer(s, e->target);
	else
		field(s, NULL, 0);
	return ok;
}

void seal_change(struct seal *s, int64_t tbl, int64_t row_id, int64_t op, int64_t cols,
                 const char *const v[SEAL_VALUES], const size_t len[SEAL_VALUES])
{
	integer(s, tbl);
	integer(s, row_id);
	integer(s, op);
	integer(s, cols);
	for (int i = 0; i < SEAL_VALUES; i++)
		field(s, v[i], len[i]);
}

void seal_end(struct seal *s, char hex[SEAL_HEX])
{
	static const char digits[] = "0123456789abcdef";
	uint8_t d[SEAL_BYTES];
	sha256_digest(&s->sha, sizeof d, d);
	for (int i = 0; i < SEAL_BYTES; i++) {
		hex[2 * i] = digits[d[i] >> 4];
		hex[2 * i + 1] = digits[d[i] & 15];
	}
	hex[2 * SEAL_BYTES] = '\0';
}
