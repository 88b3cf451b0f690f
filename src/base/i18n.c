/* i18n.c: picking the language and finding the message catalogue, both from
 * the build tree (./build/locale beside the binary) and once installed. */
#include <limits.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "r57/i18n.h"

#ifndef R57_LOCALEDIR
#define R57_LOCALEDIR "/usr/local/share/locale"
#endif

static enum r57_lang current = R57_LANG_EN;

bool i18n_parse(const char *s, enum r57_lang *out)
{
	if (!s)
		return false;
	if (strcmp(s, "vi") == 0)
		*out = R57_LANG_VI;
	else if (strcmp(s, "en") == 0)
		*out = R57_LANG_EN;
	else
		return false;
	return true;
}

/* A locale or LANGUAGE value names Vietnamese when it starts with "vi"
 * (vi, vi_VN, vi_VN.UTF-8, or "vi:en" as a list). */
static bool names_vi(const char *v)
{
	return v && strncmp(v, "vi", 2) == 0 && (v[2] == '\0' || strchr("_.:@", v[2]));
}

/* The first of the variables glibc itself reads for messages that is set,
 * in its order. Unlike glibc, LANGUAGE=vi counts even when the locale is C,
 * since r57 falls back to C.UTF-8 for its messages anyway. */
static enum r57_lang from_environment(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	const char *language = getenv("LANGUAGE");
	if (language && *language)
		return names_vi(language) ? R57_LANG_VI : R57_LANG_EN;
	for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return names_vi(v) ? R57_LANG_VI : R57_LANG_EN;
	}
	return R57_LANG_EN;
}

/* The catalogue of a build tree sits in build/locale beside ./r57; an
 * installed r57 uses the folder it was built for. */
static void bind_catalogue(void)
{
	char exe[PATH_MAX], dir[PATH_MAX + 32];

	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			/* ./r57 and, for the unit tests, build/tests/test_x */
			static const char *const trees[] = { "build/locale", "../locale" };
			for (size_t i = 0; i < sizeof trees / sizeof *trees; i++) {
				char mo[PATH_MAX + 64];
				snprintf(dir, sizeof dir, "%s/%s", exe, trees[i]);
				snprintf(mo, sizeof mo, "%s/vi/LC_MESSAGES/r57.mo", dir);
				if (access(mo, R_OK) == 0) {
					bindtextdomain("r57", dir);
					return;
				}
			}
		}
	}
	bindtextdomain("r57", R57_LOCALEDIR);
}

void i18n_set(enum r57_lang lang)
{
	current = lang;
	/* LANGUAGE decides the catalogue for gettext; messages need a locale
	 * other than C for glibc to read it, and C.UTF-8 is on every Debian. */
	setenv("LANGUAGE", lang == R57_LANG_VI ? "vi" : "en", 1);
	const char *m = setlocale(LC_MESSAGES, NULL);
	if (!m || strcmp(m, "C") == 0 || strcmp(m, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	/* Tell gettext its cache is stale. */
	textdomain("r57");
}

enum r57_lang i18n_lang(void)
{
	return current;
}

void i18n_init(int argc, char **argv)
{
	enum r57_lang lang = from_environment();
	enum r57_lang chosen;
	if (i18n_parse(getenv("R57_LANG"), &chosen))
		lang = chosen;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc && i18n_parse(argv[i + 1], &chosen))
			lang = chosen;
		else if (strncmp(argv[i], "--lang=", 7) == 0 && i18n_parse(argv[i] + 7, &chosen))
			lang = chosen;
	}
	if (!setlocale(LC_ALL, ""))
		setlocale(LC_ALL, "C.UTF-8");
	/* r57 reads and writes UTF-8 whatever the locale; wide-character
	 * drawing needs a UTF-8 character type. */
	const char *ctype = setlocale(LC_CTYPE, NULL);
	if (ctype && (strcmp(ctype, "C") == 0 || strcmp(ctype, "POSIX") == 0))
		setlocale(LC_CTYPE, "C.UTF-8");
	bind_catalogue();
	bind_textdomain_codeset("r57", "UTF-8");
	textdomain("r57");
	i18n_set(lang);
}
