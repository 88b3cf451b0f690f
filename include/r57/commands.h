/* commands.h: every command of r57, declared once. The dispatcher, `r57
 * --help`, the man page's COMMANDS section and the README's command table
 * are all made from this list (tools/gendoc writes the last two, and
 * `make check` fails when they are stale).
 *
 * Each command, and each subcommand of group, leader, unit and source,
 * declares its options (name, argument, whether it may be repeated, what
 * it does) and its handler. The synopsis help prints ("TITLE [--group G]
 * [--with U]..."), the options the parser accepts and the function the
 * dispatcher calls all come from here. The descriptions are marked N_()
 * for the catalogue and translated where they are shown; names and
 * arguments are what people type and stay as they are. */
#ifndef R57_COMMANDS_H
#define R57_COMMANDS_H

#include "r57/i18n.h"

/* The commands: CMD(id, name, arguments, handler, what it does).
 * arguments: the words that are not options (the options are the
 * command's R57_OPTS_<id>); handler: its function, int (struct session *,
 * struct r57_err *), or NULL for a command made of subcommands. */
#define R57_COMMANDS(CMD) \
	CMD(add, "add", "TITLE", cmd_add, \
	    N_("Add a task. The plan year defaults to the deadline's year. --new creates a leader, unit, group or source that does not exist yet. At most: a title 1000 characters; notes, product, result 20000; a name 500, on one line; 100 coordinating units (here, in edit, assign and import alike).")) \
	CMD(edit, "edit", "ID...", cmd_edit, \
	    N_("Change fields of one or more tasks; an empty value clears a field. --due here corrects a mistyped deadline; it is not an extension (see due).")) \
	CMD(assign, "assign", "ID...", cmd_assign, \
	    N_("Set the lead person and lead unit, add or remove coordinating units.")) \
	CMD(due, "due", "ID... DATE", cmd_due, \
	    N_("Extend the deadline. The first deadline stays on record and the task counts as extended.")) \
	CMD(close, "close", "ID...", cmd_close, \
	    N_("Mark tasks done on DATE (today by default; not a future date). On time means closed on or before the deadline.")) \
	CMD(reopen, "reopen", "ID...", cmd_reopen, \
	    N_("Open done or cancelled tasks again.")) \
	CMD(cancel, "cancel", "ID...", cmd_cancel, \
	    N_("Cancel tasks: they leave the figures but stay on record.")) \
	CMD(delete, "delete", "ID...", cmd_delete, \
	    N_("Delete tasks (undo brings them back).")) \
	CMD(undo, "undo", "", cmd_undo, \
	    N_("Undo your own newest change. Refused, with who and what, if someone changed those rows since.")) \
	CMD(redo, "redo", "", cmd_redo, \
	    N_("Apply again the change your last undo reverted, under the same check.")) \
	CMD(history, "history", "[ID]", cmd_history, \
	    N_("The journal, newest first: who changed what, when.")) \
	CMD(list, "list", "[FILTER...]", cmd_list, \
	    N_("List tasks. Filters: group:G leader:L unit:U source:S year:Y status:open|within|overdue|done|cancelled|all due.before:DATE due.after:DATE, and words to find in title and notes, each matching the beginning of a word (ten finds Tên mới): typed without diacritics they ignore case and diacritics (nang finds Nâng and Năng, d finds Đ), typed with them they match exactly. A table longer than 200 rows takes its column widths from the first 200 and writes the rest as they are read: a longer text further on is cut with … on a terminal (or with COLUMNS) and written whole into a pipe.")) \
	CMD(show, "show", "ID", cmd_show, \
	    N_("Every field of one task, its coordinating units, first deadline and history.")) \
	CMD(status, "status", "[FILTER...]", cmd_report_status, \
	    N_("The status report of the tasks `r57 list FILTER...` shows (the same filter words; the options --group, --leader, --unit, --source, --year choose by the task as it was on --as-of): total, completed on time and late, not completed within deadline and overdue, completion rate, added and extended since the previous report (--since, by default the end of the month before; read from the journal), and extended in all; one row per key task group. With --breakdowns, and in every format but text: a summary paragraph to paste into a report, and one row per lead unit (ranked by completion rate, ties by fewer overdue, with the reminders received) and per lead person. -o writes a file (atomically; an existing file only with --force or when r57 wrote it); --title names the committee on the HTML page; --lang vi|en: the report's language, by default r57's (Vietnamese with decimal commas); CSV cells that a spreadsheet would run as formulas are made inert.")) \
	CMD(remind, "remind", "", cmd_remind, \
	    N_("For each unit (or person) with overdue tasks or tasks due within N days (default 7), a notice listing them with deadlines and days late, ready to paste: in Vietnamese, even when r57 speaks English; --lang en writes it in English. -o DIR writes one file each; a file of that name already in DIR is replaced only with --force (without it nothing is issued). Issuing is recorded (one journal entry; undo removes it); --dry-run records nothing.")) \
	CMD(reminders, "reminders", "", cmd_reminders, \
	    N_("The reminders received, newest first: when, who issued them, and the tasks they named.")) \
	CMD(export, "export", "", cmd_export, \
	    N_("Write every task with every field (uuid, the names of its group, leader, units and source, ISO dates) as CSV (the default) or JSON, to standard output or to FILE. The file is replaced in one step, never half written; a file r57 did not write is replaced only with --force. A CSV cell that a spreadsheet would take for a formula (= + - @) begins with a quote. --bom starts the CSV with a byte order mark for spreadsheet programs that need it.")) \
	CMD(check, "check", "", cmd_check, \
	    N_("Read the whole database and say what is wrong with it, one line per problem, or ok: SQLite's integrity and foreign key checks, every row against the journal (each accounted for, none it keeps missing, every change one r57 writes), every entry against its seal (the journal's hash chain: the first entry changed, removed or written behind r57's back is named, with its number, actor and time), and the search index against the tasks. On a PostgreSQL server: the seals, the rows against the journal and the changes. It changes nothing; exit 1 when it finds a problem. r57 itself refuses to write into a file it sees is damaged.")) \
	CMD(backup, "backup", "FILE", cmd_backup, \
	    N_("Copy the database to FILE with SQLite's online backup: one consistent state even while others write, readable by you alone (mode 0600). An existing FILE is replaced only with --force.")) \
	CMD(init, "init", "", cmd_init, \
	    N_("Make the database: on a PostgreSQL server (--db postgresql://... or a libpq string), as a login that may create roles and schemas, the schema r57 with its journal and the roles r57_viewer, r57_editor and r57_admin that an administrator grants to officials' logins; a database file is made at its path. Says what it found; a database already there is left as it is.")) \
	CMD(import, "import", "FILE", cmd_import, \
	    N_("Bring in tasks from a CSV file as kept in spreadsheets (a header row in Vietnamese or English) or from r57's own export (CSV or JSON). Every row is checked first: one bad row and nothing is imported, with the line, column and value named. Rows match tasks by uuid, else by title and group, so a second import of the same file changes nothing; missing leaders, units, groups and sources are created. One import is one change: r57 undo removes it whole. --dry-run shows what would be added, changed and created.")) \
	CMD(group, "group", "", NULL, \
	    N_("Key task groups, numbered in order. Removal is refused while tasks use the group.")) \
	CMD(leader, "leader", "", NULL, \
	    N_("Leaders (people tasks are assigned to).")) \
	CMD(unit, "unit", "", NULL, \
	    N_("Units (departments, agencies, communes).")) \
	CMD(source, "source", "", NULL, \
	    N_("Source documents that assign tasks, such as 97-CTr/TU.")) \
	CMD(copy, "copy", "", cmd_copy, \
	    N_("Copy the whole database, its journal with its actors and times, into a new one: --from SRC into the database of --db, --to DST from it; each a file or a PostgreSQL server (a new file is made; a server must have had r57 init and nothing since, and the copy into it is made by the login that ran r57 init). The copy is the same database: what export, history and undo find in one they find in the other.")) \
	CMD(role, "role", "", NULL, \
	    N_("On a PostgreSQL server, who may do what (an r57 admin gives and takes the roles): viewer reads; editor also changes tasks and issues reminders; admin also changes groups, leaders, units, sources and roles. --unit makes an editor the focal point of a unit, who may change only the tasks whose lead unit is that one (the server enforces it). The login itself is made by the server's administrator (CREATE ROLE name LOGIN).")) \
	CMD(demo, "demo", "FILE", cmd_demo, \
	    N_("Create a new database at FILE filled with example tasks in every state.")) \
	CMD(help, "help", "[COMMAND]", cmd_help, \
	    N_("Show this help."))

/* The subcommands of group, leader, unit and source, in the order help
 * shows them: SUB(command, id, name, arguments, handler); the options of
 * each are R57_OPTS_<command>_<id>. */
#define R57_SUBCOMMANDS(SUB) \
	SUB(group, list, "list", "", cmd_ref_list) \
	SUB(group, add, "add", "NAME", cmd_ref_add) \
	SUB(group, rename, "rename", "G NAME", cmd_ref_rename) \
	SUB(group, remove, "remove", "G", cmd_ref_remove) \
	SUB(group, move, "move", "G POSITION", cmd_group_move) \
	SUB(leader, list, "list", "", cmd_ref_list) \
	SUB(leader, add, "add", "NAME", cmd_ref_add) \
	SUB(leader, rename, "rename", "L NAME", cmd_ref_rename) \
	SUB(leader, remove, "remove", "L", cmd_ref_remove) \
	SUB(unit, list, "list", "", cmd_ref_list) \
	SUB(unit, add, "add", "NAME", cmd_ref_add) \
	SUB(unit, rename, "rename", "U NAME", cmd_ref_rename) \
	SUB(unit, remove, "remove", "U", cmd_ref_remove) \
	SUB(source, list, "list", "", cmd_ref_list) \
	SUB(source, add, "add", "CODE", cmd_ref_add) \
	SUB(source, rename, "rename", "S CODE", cmd_ref_rename) \
	SUB(source, remove, "remove", "S", cmd_ref_remove) \
	SUB(role, list, "list", "", cmd_role_list) \
	SUB(role, add, "add", "LOGIN", cmd_role_add) \
	SUB(role, remove, "remove", "LOGIN", cmd_role_remove)

/* The options of each command and subcommand, in the order help shows
 * them: OPT(name, short name or "", argument or "", flags, what it does).
 * The parser takes these and the global options below, nothing else: an
 * option a command does not declare is a usage error. */
#define OPT_ARG  1u /* takes a value, the argument */
#define OPT_MANY 2u /* may be given more than once */
#define OPT_ALT  4u /* an alternative to the option before it: [--unit U | --leader L] */

#define R57_O_GROUP(OPT)   OPT("--group", "", "G", OPT_ARG, N_("the key task group, by number or name"))
#define R57_O_LEADER(OPT)  OPT("--leader", "", "L", OPT_ARG, N_("the lead person"))
#define R57_O_UNIT(OPT)    OPT("--unit", "", "U", OPT_ARG, N_("the lead unit"))
#define R57_O_WITH(OPT)    OPT("--with", "", "U", OPT_ARG | OPT_MANY, N_("a coordinating unit; once for each"))
#define R57_O_PRODUCT(OPT) OPT("--product", "", "P", OPT_ARG, N_("the expected product"))
#define R57_O_SOURCE(OPT)  OPT("--source", "", "S", OPT_ARG, N_("the source document that assigns the task"))
#define R57_O_YEAR(OPT)    OPT("--year", "", "Y", OPT_ARG, N_("the plan year"))
#define R57_O_NOTES(OPT)   OPT("--notes", "", "TEXT", OPT_ARG, N_("notes"))
#define R57_O_NEW(OPT)     OPT("--new", "", "", 0, N_("create a leader, unit, group or source named that does not exist yet"))
#define R57_O_LIMIT(OPT)   OPT("--limit", "", "N", OPT_ARG, N_("at most N of them"))
#define R57_O_FORCE(OPT)   OPT("--force", "", "", 0, N_("replace a file r57 did not write"))
#define R57_O_BOM(OPT)     OPT("--bom", "", "", 0, N_("begin the CSV with a byte order mark"))
#define R57_O_ASOF(OPT)    OPT("--as-of", "", "DATE", OPT_ARG, N_("the day it is made for (default today)"))

#define R57_OPTS_add(OPT) \
	R57_O_GROUP(OPT) R57_O_LEADER(OPT) R57_O_UNIT(OPT) R57_O_WITH(OPT) \
	OPT("--due", "", "DATE", OPT_ARG, N_("the deadline")) \
	R57_O_PRODUCT(OPT) R57_O_SOURCE(OPT) R57_O_YEAR(OPT) R57_O_NOTES(OPT) R57_O_NEW(OPT)
#define R57_OPTS_edit(OPT) \
	OPT("--title", "", "T", OPT_ARG, N_("the title")) \
	R57_O_NOTES(OPT) R57_O_PRODUCT(OPT) \
	OPT("--result", "", "R", OPT_ARG, N_("the result achieved")) \
	R57_O_GROUP(OPT) R57_O_SOURCE(OPT) R57_O_YEAR(OPT) \
	OPT("--due", "", "DATE", OPT_ARG, N_("the deadline corrected (to extend it: due)")) \
	R57_O_NEW(OPT)
#define R57_OPTS_assign(OPT) \
	R57_O_LEADER(OPT) R57_O_UNIT(OPT) R57_O_WITH(OPT) \
	OPT("--without", "", "U", OPT_ARG | OPT_MANY, N_("a coordinating unit to take off; once for each")) \
	R57_O_NEW(OPT)
#define R57_OPTS_due(OPT)
#define R57_OPTS_close(OPT) \
	OPT("--on", "", "DATE", OPT_ARG, N_("the day it was done (default today)")) \
	OPT("--result", "", "TEXT", OPT_ARG, N_("the result achieved"))
#define R57_OPTS_reopen(OPT)
#define R57_OPTS_cancel(OPT) \
	OPT("--reason", "", "TEXT", OPT_ARG, N_("why it is cancelled"))
#define R57_OPTS_delete(OPT)
#define R57_OPTS_undo(OPT) \
	OPT("--dry-run", "", "", 0, N_("say what it would do; change nothing"))
#define R57_OPTS_redo(OPT) R57_OPTS_undo(OPT)
#define R57_OPTS_history(OPT) \
	OPT("--actor", "", "A", OPT_ARG, N_("only the changes of this person")) \
	OPT("--since", "", "DATE", OPT_ARG, N_("only the changes from DATE on")) \
	R57_O_LIMIT(OPT) \
	OPT("--format", "", "table|tsv|json", OPT_ARG, N_("the format of the output"))
#define R57_OPTS_list(OPT) \
	OPT("--format", "", "table|tsv|json", OPT_ARG, N_("the format of the output")) \
	R57_O_LIMIT(OPT) \
	OPT("--sort", "", "due|id|title", OPT_ARG, N_("the order of the tasks"))
#define R57_OPTS_show(OPT) \
	OPT("--format", "", "text|json", OPT_ARG, N_("the format of the output"))
#define R57_OPTS_status(OPT) \
	OPT("--group", "", "G", OPT_ARG, N_("only the tasks of this group")) \
	OPT("--leader", "", "L", OPT_ARG, N_("only the tasks of this lead person")) \
	OPT("--unit", "", "U", OPT_ARG, N_("only the tasks of this lead unit")) \
	OPT("--source", "", "S", OPT_ARG, N_("only the tasks of this source document")) \
	OPT("--year", "", "Y", OPT_ARG, N_("only the tasks of this plan year")) \
	R57_O_ASOF(OPT) \
	OPT("--since", "", "DATE", OPT_ARG, N_("the day of the previous report, for what was added and extended since")) \
	OPT("--format", "", "text|csv|json|html|md", OPT_ARG, N_("the format of the output")) \
	OPT("--breakdowns", "", "", 0, N_("the summary, lead units and lead persons in the text format too")) \
	OPT("--output", "-o", "FILE", OPT_ARG, N_("write the report to FILE")) \
	R57_O_FORCE(OPT) R57_O_BOM(OPT) \
	OPT("--width", "", "N", OPT_ARG, N_("the width of the text in columns")) \
	OPT("--lang", "", "en|vi", OPT_ARG, N_("the language of the report")) \
	OPT("--title", "", "TEXT", OPT_ARG, N_("the committee's name on the HTML page"))
#define R57_OPTS_remind(OPT) \
	OPT("--unit", "", "U", OPT_ARG, N_("only the notice to this unit")) \
	OPT("--leader", "", "L", OPT_ARG | OPT_ALT, N_("notices to lead persons, only to this one")) \
	OPT("--within", "", "N", OPT_ARG, N_("also the tasks due within N days")) \
	R57_O_ASOF(OPT) \
	OPT("--lang", "", "vi|en", OPT_ARG, N_("the language of the notices")) \
	OPT("--output", "-o", "DIR", OPT_ARG, N_("write one file per notice in DIR")) \
	OPT("--force", "", "", 0, N_("replace notice files already in DIR")) \
	OPT("--dry-run", "", "", 0, N_("show the notices; record nothing"))
#define R57_OPTS_reminders(OPT) \
	OPT("--unit", "", "U", OPT_ARG, N_("only those sent to this unit")) \
	OPT("--leader", "", "L", OPT_ARG | OPT_ALT, N_("only those sent to this person")) \
	OPT("--task", "", "ID", OPT_ARG | OPT_ALT, N_("only those that name this task")) \
	R57_O_LIMIT(OPT)
#define R57_OPTS_export(OPT) \
	OPT("--format", "", "csv|json", OPT_ARG, N_("the format of the output")) \
	OPT("--output", "-o", "FILE", OPT_ARG, N_("write to FILE, not to standard output")) \
	R57_O_FORCE(OPT) R57_O_BOM(OPT)
#define R57_OPTS_check(OPT)
#define R57_OPTS_backup(OPT) \
	OPT("--force", "", "", 0, N_("replace an existing FILE"))
#define R57_OPTS_init(OPT)
#define R57_OPTS_import(OPT) \
	OPT("--dry-run", "", "", 0, N_("say what it would do; change nothing"))
#define R57_OPTS_group(OPT)
#define R57_OPTS_group_list(OPT)
#define R57_OPTS_group_add(OPT)
#define R57_OPTS_group_rename(OPT)
#define R57_OPTS_group_remove(OPT)
#define R57_OPTS_group_move(OPT)
#define R57_OPTS_leader(OPT)
#define R57_OPTS_leader_list(OPT)
#define R57_OPTS_leader_add(OPT) \
	OPT("--title", "", "T", OPT_ARG, N_("the person's job title")) \
	OPT("--unit", "", "U", OPT_ARG, N_("the person's unit"))
#define R57_OPTS_leader_rename(OPT)
#define R57_OPTS_leader_remove(OPT)
#define R57_OPTS_unit(OPT)
#define R57_OPTS_unit_list(OPT)
#define R57_OPTS_unit_add(OPT)
#define R57_OPTS_unit_rename(OPT)
#define R57_OPTS_unit_remove(OPT)
#define R57_OPTS_source(OPT)
#define R57_OPTS_source_list(OPT)
#define R57_OPTS_source_add(OPT) \
	OPT("--title", "", "T", OPT_ARG, N_("what the document is about")) \
	OPT("--date", "", "DATE", OPT_ARG, N_("the day it was issued"))
#define R57_OPTS_source_rename(OPT)
#define R57_OPTS_source_remove(OPT)
#define R57_OPTS_copy(OPT) \
	OPT("--from", "", "SRC", OPT_ARG, N_("the database to copy into --db")) \
	OPT("--to", "", "DST", OPT_ARG | OPT_ALT, N_("the new database to copy --db into"))
#define R57_OPTS_role(OPT)
#define R57_OPTS_role_list(OPT)
#define R57_OPTS_role_add(OPT) \
	OPT("--viewer", "", "", 0, N_("reads everything")) \
	OPT("--editor", "", "", OPT_ALT, N_("also changes tasks and issues reminders")) \
	OPT("--admin", "", "", OPT_ALT, N_("also changes groups, leaders, units, sources and roles")) \
	OPT("--unit", "", "U", OPT_ARG | OPT_MANY, N_("an editor's unit, whose tasks alone it may change; once for each"))
#define R57_OPTS_role_remove(OPT)
#define R57_OPTS_demo(OPT)
#define R57_OPTS_help(OPT)

/* Options every command takes. OPT(name, argument, what it does) */
#define R57_GLOBAL_OPTIONS(OPT) \
	OPT("--db", "FILE", N_("The database: a file, or a PostgreSQL server named by a postgresql:// or postgres:// URI or a libpq string with dbname= (libpq's PG* variables, ~/.pgpass and sslmode apply). Default $R57_DB, else $XDG_DATA_HOME/r57/r57.db, else ~/.local/share/r57/r57.db.")) \
	OPT("--actor", "NAME", N_("Who is acting, for the journal (default $R57_ACTOR, else the login name). Refused on a PostgreSQL server, where the actor is the login r57 connects as.")) \
	OPT("--today", "DATE", N_("Take DATE as today (default $R57_TODAY, else the clock); reports and tests are reproducible.")) \
	OPT("--lang", "vi|en", N_("The language of messages, the screen and reports (default $R57_LANG, else Vietnamese when LANGUAGE, LC_ALL, LC_MESSAGES or LANG begins with vi, else English).")) \
	OPT("--help", "", N_("Show the help.")) \
	OPT("--version", "", N_("Show the version."))

/* The date forms every DATE argument accepts. */
#define R57_DATE_HELP \
	N_("Dates: dd/mm/yyyy, yyyy-mm-dd, today, tomorrow, yesterday, +Nd, +Nw, +Nm, +Ny (from today), eom, eoq, eoy (end of this month, quarter, year); in Vietnamese also hôm nay, ngày mai, hôm qua, cuối tháng, cuối quý, cuối năm, typed with or without diacritics (hom nay, cuoi thang).")

/* Names: how a leader, unit, group or source is picked. */
#define R57_NAMES_HELP \
	N_("Leaders, units and sources are given by id or by name, groups by number or name; a name matches ignoring case: the exact name first (Nguyễn Văn Ân is not Nguyễn Văn An), then ignoring diacritics too, then as a unique part. An unknown name is an error unless --new is given (with --new, a name typed with diacritics that matches none exactly is created); an ambiguous one lists the candidates. A new name that differs from an existing one only in case or diacritics is kept, with a warning.")

#endif
