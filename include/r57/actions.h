/* actions.h: every key of the screen, declared once. The screen's key
 * dispatcher, its help (?), the key table of r57.1 and the README's are all
 * made from this list.
 *
 * ACTION(id, where, keys, what it does)
 *   where: the view it works in: "all", "list", "detail", "status",
 *          "history" or "lists" (groups, leaders, units, sources)
 *   keys:  space-separated key names: a character, or Up Down Left Right
 *          PgUp PgDn Home End Enter Esc Tab Space Backspace, or C-x for
 *          Control-x
 *   what:  N_("..."): translated where it is shown, with _(). */
#ifndef R57_ACTIONS_H
#define R57_ACTIONS_H

#include "r57/i18n.h"

#define R57_ACTIONS(ACTION) \
	ACTION(down,        "all",     "j Down",        N_("Move down")) \
	ACTION(up,          "all",     "k Up",          N_("Move up")) \
	ACTION(page_down,   "all",     "PgDn C-f",      N_("Next page")) \
	ACTION(page_up,     "all",     "PgUp C-b",      N_("Previous page")) \
	ACTION(first,       "all",     "Home g",        N_("First row")) \
	ACTION(last,        "all",     "End G",         N_("Last row")) \
	ACTION(back,        "all",     "q",             N_("Back to the task list; on the task list, quit")) \
	ACTION(escape,      "all",     "Esc",           N_("Back to the task list; on the task list, clear the marks and the filter (never quits)")) \
	ACTION(help,        "all",     "?",             N_("This help: every key")) \
	ACTION(undo,        "all",     "u",             N_("Undo your newest change (says what first; y confirms)")) \
	ACTION(redo,        "all",     "C-r",           N_("Redo what your last undo reverted")) \
	ACTION(open,        "list",    "Enter l Right", N_("Open the task; on a group heading, fold or unfold it")) \
	ACTION(fold,        "list",    "z h Left",      N_("Fold or unfold the group under the cursor")) \
	ACTION(fold_all,    "list",    "Z",             N_("Fold or unfold every group")) \
	ACTION(filter,      "list",    "/",             N_("Filter: the words of r57 list (group:1 status:overdue nguyen ...); the rows follow each key, the headings' figures a pause in typing; empty clears")) \
	ACTION(mark,        "list",    "Space",         N_("Mark or unmark the task; assign, close and cancel act on all marked tasks")) \
	ACTION(unmark_all,  "list",    "M",             N_("Clear every mark")) \
	ACTION(add,         "list",    "a",             N_("Add a task in the group under the cursor")) \
	ACTION(edit,        "list detail", "e",         N_("Edit the title, product, notes of the task")) \
	ACTION(assign,      "list detail", "A",         N_("Assign: pick the lead person and lead unit (type any part of a name)")) \
	ACTION(deadline,    "list detail", "d",         N_("Change the deadline (an extension; the first deadline stays on record)")) \
	ACTION(close,       "list detail", "c",         N_("Close as done: asks for the result and the date (today by default)")) \
	ACTION(reopen,      "list detail", "o",         N_("Reopen a done or cancelled task")) \
	ACTION(cancel,      "list detail", "x",         N_("Cancel the task (asks for a reason)")) \
	ACTION(delete,      "list detail", "D",         N_("Delete the task (asks to confirm; undo brings it back)")) \
	ACTION(group_by,    "list",    "b",             N_("Group by key task group, leader, unit, source or deadline month")) \
	ACTION(sort_by,     "list",    "s",             N_("Sort by deadline, id or title")) \
	ACTION(status,      "list",    "S",             N_("Status screen: the figures of the tasks shown, a bar per group")) \
	ACTION(history,     "list",    "H",             N_("History screen: who changed what, newest first")) \
	ACTION(lists,       "list",    "L",             N_("Groups, leaders, units and sources")) \
	ACTION(status_export, "status", "e",            N_("Export what the status screen shows as an HTML report in the current folder, under a new name (no file is replaced), and say where")) \
	ACTION(remind_units, "status", "r",             N_("Reminders to the lead units with overdue tasks or tasks due within 7 days, among the tasks shown: says how many, y records them (one undo) and writes the notices (in Vietnamese) to a new folder")) \
	ACTION(remind_leaders, "status", "R",           N_("The same reminders, to the lead persons instead of the units")) \
	ACTION(hist_filter, "history", "/",             N_("Filter the history: actor:NAME task:ID")) \
	ACTION(next_list,   "lists",   "Tab",           N_("Next list: groups, leaders, units, sources")) \
	ACTION(ref_add,     "lists",   "a",             N_("Add to the list")) \
	ACTION(ref_rename,  "lists",   "r",             N_("Rename")) \
	ACTION(ref_remove,  "lists",   "D",             N_("Remove (refused while tasks use it)")) \
	ACTION(ref_up,      "lists",   "K",             N_("Move the group up")) \
	ACTION(ref_down,    "lists",   "J",             N_("Move the group down")) \
	ACTION(quit,        "all",     "Q",             N_("Quit r57"))

#endif
