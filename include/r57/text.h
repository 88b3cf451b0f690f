/* text.h: UTF-8 text as r57 stores and shows it: validation, NFC, safe
 * display of user text, widths in terminal columns, cutting to a width. */
#ifndef R57_TEXT_H
#define R57_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* True if s (len bytes) is valid UTF-8 without NUL. On failure *bad_at
 * (if not NULL) is the byte offset of the first bad byte. */
bool text_valid_utf8(const char *s, size_t len, size_t *bad_at);

/* A newly allocated NFC copy of valid UTF-8 s with leading and trailing
 * white space removed and line ends made LF (CRLF, CR); NULL if s is not valid UTF-8 or out of memory. */
char *text_normalize(const char *s);

/* A newly allocated copy of s safe to write to a terminal: every control
 * character (C0, DEL, C1), bidi control (U+200E/F, U+202A-202E,
 * U+2066-2069, U+061C) and invalid byte becomes a visible placeholder:
 * C0 controls as the Control Pictures (U+2400 + c, e.g. ESC -> U+241B),
 * DEL as U+2421, everything else as U+FFFD. With keep_newlines, '\n' stays.
 * Never NULL (aborts on out of memory). */
char *text_safe(const char *s, bool keep_newlines);

/* Columns s takes on a terminal once made safe (wide 2, combining 0). */
int text_width(const char *s);

/* A newly allocated copy of s made safe and cut to at most width columns
 * at a grapheme boundary; when cut, the last column is the mark U+2026 (…).
 * With pad, spaces fill the result up to exactly width columns. */
char *text_fit(const char *s, int width, bool pad);

/* Lower-case, diacritic-free fold of s for matching ("Nguyễn" -> "nguyen",
 * "đ" -> "d"). Newly allocated; NULL only if s is not valid UTF-8. */
char *text_fold(const char *s);

/* Lower-case NFC copy of s that keeps its diacritics ("NÂNG" -> "nâng"),
 * for a search the user typed with diacritics. NULL if not valid UTF-8. */
char *text_casefold(const char *s);

/* True if s has diacritics (or đ) that text_fold would remove. */
bool text_has_marks(const char *s);

/* True if needle occurs in haystack, both compared folded. */
bool text_contains_folded(const char *haystack, const char *needle);

/* Vietnamese alphabetical order (a ă â b c d đ e ê g h i ... u ư v x y):
 * a newly allocated sort key of s, bytes 0x01..0x7F that compare with
 * strcmp (SQLite BINARY) as the collation does. The letters without
 * tones and case over the whole string first, then the tones (ngang,
 * huyền, hỏi, ngã, sắc, nặng), then the case (lower first); numbers by
 * value; spaces and punctuation as one separator below any letter, so
 * "An" < "An Bình" < "Anh" < "Ân". Never NULL; invalid UTF-8 sorts as "". */
char *text_sort_key(const char *s);
/* The key of a person's name: the given name (the last word) first, then
 * the family and middle names, each by text_sort_key. */
char *text_person_key(const char *name);
/* strcmp-like comparisons by those keys (for qsort of names). */
int text_collate(const char *a, const char *b);
int text_person_collate(const char *a, const char *b);

/* Search text: the words of s folded (or, with marks, only case-folded:
 * "Nâng" stays "nâng"), every run of letters and digits one word, one
 * space between words. text_search_body() also puts a space before and
 * after (" nang cap he thong "); text_search_word() only before
 * (" nang cap"), so a typed word is found where a word of the text begins
 * with it: instr(body, word). "" when s has no letter or digit; NULL if s
 * is not valid UTF-8. */
char *text_search_body(const char *s, bool marks);
char *text_search_word(const char *s, bool marks);

#endif
