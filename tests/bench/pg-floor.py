#!/usr/bin/env python3
"""pg-floor.py: the psql floor of one r57 command on a server, from the
statements r57 sent (make bench-pg, docs/bench.md).

  pg-floor.py LOG [--new-id ID] > FLOOR.sql

LOG is the slice of the server's log (log_statement = all, log_line_prefix
'%p ') that one run of r57 left. The output is a psql script that sends
the same statements, one at a time as r57 does, in the same transactions,
with the values r57 gave as parameters written as literals (untyped, as
r57 sends them). A few values are the server's own answers to an earlier
statement of the same run, and differ from run to run: they are read
again with \\gset and used as psql variables:

- the entry that r57.entry_start() opens, which r57.entry_set_summary()
  names (every write);
- the id of a new task (INSERT ... RETURNING id; --new-id says which value
  it had in the log, as r57's output printed it);
- for redo, the newest undo of the entry (SELECT max(seq) ...) and the
  range of its changes (SELECT min(id), max(id) ...), which the statements
  after them name;
- a new task's uuid, which must be new each time: gen_random_uuid().
"""
import re
import sys

HEAD = re.compile(r"^\d+ (LOG|DETAIL|ERROR|STATEMENT|HINT|CONTEXT|WARNING|NOTICE|FATAL):  (.*)$")
STMT = re.compile(r"^(?:execute [^:]*|statement): (.*)$", re.S)
PARAM = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')")
UUID = re.compile(r"^'[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'$")


def parse(path):
    """[(sql, {n: literal})] in the order sent."""
    out, cur = [], None
    kind = None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            m = HEAD.match(line)
            if not m:
                if kind == "LOG" and cur is not None:
                    cur[0] += "\n" + line
                continue
            kind, text = m.group(1), m.group(2)
            if kind == "LOG":
                s = STMT.match(text)
                if s:
                    cur = [s.group(1), {}]
                    out.append(cur)
                else:
                    cur = None
            elif kind == "DETAIL" and cur is not None and text.startswith("parameters: "):
                cur[1] = {int(n): v for n, v in PARAM.findall(text)}
    return out


def main():
    args = sys.argv[1:]
    new_id = None
    if "--new-id" in args:
        i = args.index("--new-id")
        new_id = "'%s'" % args[i + 1]
        del args[i:i + 2]
    stmts = parse(args[0])
    subst = {}  # literal of the log -> the psql variable holding today's value
    lines = []
    for k, (sql, params) in enumerate(stmts):
        nxt = stmts[k + 1][1] if k + 1 < len(stmts) else {}
        vals = {}
        for n, v in params.items():
            if "r57.entry_set_summary(" in sql and n == 1:
                vals[n] = ":'e_entry_start'"
            elif sql.startswith("INSERT INTO r57.task(") and UUID.match(v):
                vals[n] = "gen_random_uuid()::text"
            elif v in subst:
                vals[n] = subst[v]
            else:
                vals[n] = v
        text = re.sub(r"\$(\d+)\b", lambda m: vals.get(int(m.group(1)), m.group(0)), sql)
        end = ";"
        if sql.startswith("SELECT r57.entry_start("):
            end = " \\gset e_"
        elif "RETURNING id" in sql and new_id:
            end = " \\gset n_"
            subst[new_id] = ":'n_id'"
        elif sql.startswith("SELECT max(seq) FROM r57.entry WHERE kind = 'undo'") and 1 in nxt:
            end = " \\gset u_"
            subst[nxt[1]] = ":'u_max'"
        elif sql.startswith("SELECT min(id), max(id), string_agg(DISTINCT tbl::text") and 2 in nxt and 3 in nxt:
            end = " \\gset r_"
            subst[nxt[2]] = ":'r_min'"
            subst[nxt[3]] = ":'r_max'"
        lines.append(text.rstrip().rstrip(";") + end)
    print("\\set ON_ERROR_STOP 1")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
