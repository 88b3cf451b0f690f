/* i18n.h: the language r57 speaks. Messages go through GNU gettext (domain
 * "r57"); Vietnamese when asked (--lang vi, R57_LANG=vi) or when the locale
 * says so (LANGUAGE, LC_ALL, LC_MESSAGES, LANG beginning with "vi"),
 * English otherwise. */
#ifndef R57_I18N_H
#define R57_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
/* Marks a string for the catalogue where it is translated later, at use. */
#define N_(s) (s)

enum r57_lang { R57_LANG_EN, R57_LANG_VI };

/* The language of a report or a notice: its words come from the message
 * catalogue, switched to this language while it is written (and switched
 * back), and it decides what differs beyond words: Vietnamese numbers take
 * a decimal comma (53,66%), dates are dd/mm/yyyy in both. The values are
 * those of enum r57_lang. */
enum report_lang { LANG_EN = R57_LANG_EN, LANG_VI = R57_LANG_VI };

/* Choose the language and bind the catalogue. Reads --lang from argv (the
 * command line still validates it), then R57_LANG, then the locale.
 * Call once, first thing in main. */
void i18n_init(int argc, char **argv);

/* Switch the language later (the screen's own setting, tests). */
void i18n_set(enum r57_lang lang);

/* The language chosen. */
enum r57_lang i18n_lang(void);

/* "vi" or "en" as written after --lang; false for anything else. */
_Bool i18n_parse(const char *s, enum r57_lang *out);

#endif
