/* commands.h: every command of r57, declared once. The dispatcher, `r57
 * --help`, the man page's COMMANDS section and the README's command table
 * are all made from this list (tools/gendoc writes the last two, and
 * `make check` fails when they are stale).
 *
 * CMD(id, name, arguments, what it does). The descriptions are marked
 * N_() for the catalogue and translated where they are shown; names and
 * arguments are what people type and stay as they are. */
#ifndef R57_COMMANDS_H
#define R57_COMMANDS_H

#include "r57/i18n.h"

#define R57_COMMANDS(CMD) \
	CMD(add, "add", "TITLE [--group G] [--leader L] [--unit U] [--with U]... [--due DATE] [--product P] [--source S] [--year Y] [--notes TEXT] [--new]", \
	    N_("Add a task. The plan year defaults to the deadline's year. --new creates a leader, unit, group or source that does not exist yet. At most: a title 1000 characters; notes, product, result 20000; a name 500, on one line; 100 coordinating units (here, in edit, assign and import alike).")) \
	CMD(edit, "edit", "ID... [--title T] [--notes TEXT] [--product P] [--result R] [--group G] [--source S] [--year Y] [--due DATE] [--new]", \
	    N_("Change fields of one or more tasks; an empty value clears a field. --due here corrects a mistyped deadline; it is not an extension (see due).")) \
	CMD(assign, "assign", "ID... [--leader L] [--unit U] [--with U]... [--without U]... [--new]", \
	    N_("Set the lead person and lead unit, add or remove coordinating units.")) \
	CMD(due, "due", "ID... DATE", \
	    N_("Extend the deadline. The first deadline stays on record and the task counts as extended.")) \
	CMD(close, "close", "ID... [--on DATE] [--result TEXT]", \
	    N_("Mark tasks done on DATE (today by default; not a future date). On time means closed on or before the deadline.")) \
	CMD(reopen, "reopen", "ID...", \
	    N_("Open done or cancelled tasks again.")) \
	CMD(cancel, "cancel", "ID... [--reason TEXT]", \
	    N_("Cancel tasks: they leave the figures but stay on record.")) \
	CMD(delete, "delete", "ID...", \
	    N_("Delete tasks (undo brings them back).")) \
	CMD(undo, "undo", "[--dry-run]", \
	    N_("Undo your own newest change. Refused, with who and what, if someone changed those rows since.")) \
	CMD(redo, "redo", "[--dry-run]", \
	    N_("Apply again the change your last undo reverted, under the same check.")) \
	CMD(history, "history", "[ID] [--actor A] [--since DATE] [--limit N] [--format table|tsv|json]", \
	    N_("The journal, newest first: who changed what, when.")) \
	CMD(list, "list", "[FILTER...] [--format table|tsv|json] [--limit N] [--sort due|id|title]", \
	    N_("List tasks. Filters: group:G leader:L unit:U source:S year:Y status:open|within|overdue|done|cancelled|all due.before:DATE due.after:DATE, and words to find in title and notes, each matching the beginning of a word (ten finds Tên mới): typed without diacritics they ignore case and diacritics (nang finds Nâng and Năng, d finds Đ), typed with them they match exactly.")) \
	CMD(show, "show", "ID [--format text|json]", \
	    N_("Every field of one task, its coordinating units, first deadline and history.")) \
	CMD(status, "status", "[--group G] [--leader L] [--unit U] [--source S] [--year Y] [--as-of DATE] [--since DATE] [--format text|csv|json|html|md] [--breakdowns] [-o FILE] [--force] [--bom] [--width N] [--lang en|vi] [--title TEXT]", \
	    N_("The status report: total, completed on time and late, not completed within deadline and overdue, completion rate, added and extended since the previous report (--since, by default the end of the month before; read from the journal), and extended in all; one row per key task group. With --breakdowns, and in every format but text: a summary paragraph to paste into a report, and one row per lead unit (ranked by completion rate, ties by fewer overdue, with the reminders received) and per lead person. -o writes a file (atomically; an existing file only with --force or when r57 wrote it); --title names the committee on the HTML page; --lang vi|en: the report's language, by default r57's (Vietnamese with decimal commas); CSV cells that a spreadsheet would run as formulas are made inert.")) \
	CMD(remind, "remind", "[--unit U | --leader L] [--within N] [--as-of DATE] [--lang vi|en] [-o DIR] [--dry-run]", \
	    N_("For each unit (or person) with overdue tasks or tasks due within N days (default 7), a notice listing them with deadlines and days late, ready to paste: in Vietnamese, even when r57 speaks English; --lang en writes it in English. -o DIR writes one file each. Issuing is recorded (one journal entry; undo removes it); --dry-run records nothing.")) \
	CMD(reminders, "reminders", "[--unit U | --leader L | --task ID] [--limit N]", \
	    N_("The reminders received, newest first: when, who issued them, and the tasks they named.")) \
	CMD(export, "export", "[--format csv|json] [-o FILE] [--force] [--bom]", \
	    N_("Write every task with every field (uuid, the names of its group, leader, units and source, ISO dates) as CSV (the default) or JSON, to standard output or to FILE. The file is replaced in one step, never half written; a file r57 did not write is replaced only with --force. A CSV cell that a spreadsheet would take for a formula (= + - @) begins with a quote. --bom starts the CSV with a byte order mark for spreadsheet programs that need it.")) \
	CMD(import, "import", "FILE [--dry-run]", \
	    N_("Bring in tasks from a CSV file as kept in spreadsheets (a header row in Vietnamese or English) or from r57's own export (CSV or JSON). Every row is checked first: one bad row and nothing is imported, with the line, column and value named. Rows match tasks by uuid, else by title and group, so a second import of the same file changes nothing; missing leaders, units, groups and sources are created. One import is one change: r57 undo removes it whole. --dry-run shows what would be added, changed and created.")) \
	CMD(group, "group", "list | add NAME | rename G NAME | remove G | move G POSITION", \
	    N_("Key task groups, numbered in order. Removal is refused while tasks use the group.")) \
	CMD(leader, "leader", "list | add NAME [--title T] [--unit U] | rename L NAME | remove L", \
	    N_("Leaders (people tasks are assigned to).")) \
	CMD(unit, "unit", "list | add NAME | rename U NAME | remove U", \
	    N_("Units (departments, agencies, communes).")) \
	CMD(source, "source", "list | add CODE [--title T] [--date DATE] | rename S CODE | remove S", \
	    N_("Source documents that assign tasks, such as 97-CTr/TU.")) \
	CMD(demo, "demo", "FILE", \
	    N_("Create a new database at FILE filled with example tasks in every state.")) \
	CMD(help, "help", "", \
	    N_("Show this help."))

/* Options every command takes. OPT(name, argument, what it does) */
#define R57_GLOBAL_OPTIONS(OPT) \
	OPT("--db", "FILE", N_("The database (default $R57_DB, else $XDG_DATA_HOME/r57/r57.db, else ~/.local/share/r57/r57.db).")) \
	OPT("--actor", "NAME", N_("Who is acting, for the journal (default $R57_ACTOR, else the login name).")) \
	OPT("--today", "DATE", N_("Take DATE as today (default $R57_TODAY, else the clock); reports and tests are reproducible.")) \
	OPT("--lang", "vi|en", N_("The language of messages, the screen and reports (default $R57_LANG, else Vietnamese when LANGUAGE, LC_ALL, LC_MESSAGES or LANG begins with vi, else English).")) \
	OPT("--help", "", N_("Show the help.")) \
	OPT("--version", "", N_("Show the version."))

/* The date forms every DATE argument accepts. */
#define R57_DATE_HELP \
	N_("Dates: dd/mm/yyyy, yyyy-mm-dd, today, tomorrow, yesterday, +Nd, +Nw, +Nm, +Ny (from today), eom, eoq, eoy (end of this month, quarter, year); in Vietnamese also hôm nay, ngày mai, hôm qua, cuối tháng, cuối quý, cuối năm, typed with or without diacritics (hom nay, cuoi thang).")

/* Names: how a leader, unit, group or source is picked. */
#define R57_NAMES_HELP \
	N_("Leaders, units and sources are given by id or by name, groups by number or name; a name matches ignoring case and diacritics, first whole, then as a unique part. An unknown name is an error unless --new is given; an ambiguous one lists the candidates.")

#endif
