/* actions.h: every key of the screen, declared once. The screen's key
 * dispatcher, its help (?), the key table of r57.1 and the README's are all
 * made from this list.
 *
 * ACTION(id, where, keys, what it does)
 *   where: the view it works in: "all", "list", "detail", "status",
 *          "history" or "lists" (groups, leaders, units, sources)
 *   keys:  space-separated key names: a character, or Up Down Left Right
 *          PgUp PgDn Home End Enter Esc Tab Space Backspace, or C-x for
 *          Control-x */
#ifndef R57_ACTIONS_H
#define R57_ACTIONS_H

#define R57_ACTIONS(ACTION) \
	ACTION(down,        "all",     "j Down",        "Move down") \
	ACTION(up,          "all",     "k Up",          "Move up") \
	ACTION(page_down,   "all",     "PgDn C-f",      "Next page") \
	ACTION(page_up,     "all",     "PgUp C-b",      "Previous page") \
	ACTION(first,       "all",     "Home g",        "First row") \
	ACTION(last,        "all",     "End G",         "Last row") \
	ACTION(back,        "all",     "q",             "Back to the task list; on the task list, quit") \
	ACTION(escape,      "all",     "Esc",           "Back to the task list; on the task list, clear the marks and the filter (never quits)") \
	ACTION(help,        "all",     "?",             "This help: every key") \
	ACTION(undo,        "all",     "u",             "Undo your newest change (says what first; y confirms)") \
	ACTION(redo,        "all",     "C-r",           "Redo what your last undo reverted") \
	ACTION(open,        "list",    "Enter l Right", "Open the task; on a group heading, fold or unfold it") \
	ACTION(fold,        "list",    "z h Left",      "Fold or unfold the group under the cursor") \
	ACTION(fold_all,    "list",    "Z",             "Fold or unfold every group") \
	ACTION(filter,      "list",    "/",             "Filter: the words of r57 list (group:1 status:overdue nguyen ...); empty clears") \
	ACTION(mark,        "list",    "Space",         "Mark or unmark the task; assign, close and cancel act on all marked tasks") \
	ACTION(unmark_all,  "list",    "M",             "Clear every mark") \
	ACTION(add,         "list",    "a",             "Add a task in the group under the cursor") \
	ACTION(edit,        "list detail", "e",         "Edit the title, product, notes of the task") \
	ACTION(assign,      "list detail", "A",         "Assign: pick the lead person and lead unit (type any part of a name)") \
	ACTION(deadline,    "list detail", "d",         "Change the deadline (an extension; the first deadline stays on record)") \
	ACTION(close,       "list detail", "c",         "Close as done: asks for the result and the date (today by default)") \
	ACTION(reopen,      "list detail", "o",         "Reopen a done or cancelled task") \
	ACTION(cancel,      "list detail", "x",         "Cancel the task (asks for a reason)") \
	ACTION(delete,      "list detail", "D",         "Delete the task (asks to confirm; undo brings it back)") \
	ACTION(group_by,    "list",    "b",             "Group by key task group, leader, unit, source or deadline month") \
	ACTION(sort_by,     "list",    "s",             "Sort by deadline, id or title") \
	ACTION(status,      "list",    "S",             "Status screen: the figures of the tasks shown, a bar per group") \
	ACTION(history,     "list",    "H",             "History screen: who changed what, newest first") \
	ACTION(lists,       "list",    "L",             "Groups, leaders, units and sources") \
	ACTION(status_export, "status", "e",            "Export what the status screen shows (same selection, same date) as an HTML report in the current folder, and say where") \
	ACTION(hist_filter, "history", "/",             "Filter the history: actor:NAME task:ID") \
	ACTION(next_list,   "lists",   "Tab",           "Next list: groups, leaders, units, sources") \
	ACTION(ref_add,     "lists",   "a",             "Add to the list") \
	ACTION(ref_rename,  "lists",   "r",             "Rename") \
	ACTION(ref_remove,  "lists",   "D",             "Remove (refused while tasks use it)") \
	ACTION(ref_up,      "lists",   "K",             "Move the group up") \
	ACTION(ref_down,    "lists",   "J",             "Move the group down") \
	ACTION(quit,        "all",     "Q",             "Quit r57")

#endif
