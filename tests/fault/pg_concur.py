#!/usr/bin/env python3
"""pg_concur.py: many officials at once on one PostgreSQL server (issue 15,
docs/postgresql.md), judged as concur.py judges a file.

  pg_concur.py --uri URI --su LOGIN [--procs N] [--actions M] [--seed S] [--tasks T]

URI names a database of a running server (tests/pg/cluster.bash starts
one) without a user; --su is a login that may run r57 init there. The
database gets the schema and N logins w0 .. wN-1, each an r57 admin (so
that assign --new may make leaders and units), and T tasks. Then N
processes at once, each its own login (user= in --db: no --actor), do M
random actions each on the same few tasks: add, edit, assign, due, close,
reopen, cancel, undo and redo, with a read (list, show) between. Afterwards:

- every action acknowledged with a change is exactly one journal entry of
  its login, in the login's order, of the action's kind and on its task
  (concur.judge_journal); none for an action that failed;
- an action acknowledged before another began has the earlier entry;
- the journal is sound: every change is one the triggers write and
  follows from the one before it to the same row, and every row of every
  table has, as its newest change, one that leaves it there; and it is
  one unbroken chain of seals in commit order (r57 check on the server);
- no lost update: each action changed only the task columns of its kind
  (a write over a stale read would carry other columns back with it);
- no "locked" or "busy" error, nor any other error but a refusal of the
  action itself, reached a user.

Prints its figures on one line; exits 0 when every check held, 1 with the
failures named.
"""
import argparse
import os
import random
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import concur  # noqa: E402
import fault  # noqa: E402


# What says the store itself failed: concur's words, and the server's.
BROKEN = concur.re.compile(concur.BROKEN.pattern + r"|server refused|connection to the server", concur.re.I)


def psql(uri, su, sql):
    """Rows of sql, run as su: lists of fields."""
    p = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-F", "\x1f", "-v", "ON_ERROR_STOP=1",
                        "-d", uri + "&user=" + su if "?" in uri else uri + "?user=" + su, "-c", sql],
                       capture_output=True, text=True, env=dict(os.environ, PGOPTIONS="-c client_min_messages=warning"))
    if p.returncode != 0:
        raise RuntimeError("psql: %s: %s" % (sql[:80], p.stderr.strip()))
    return [line.split("\x1f") for line in p.stdout.splitlines() if line]


def at(uri, login):
    return uri + ("&" if "?" in uri else "?") + "user=" + login


def run(uri, login, args, timeout):
    env = fault.env_for()
    env.pop("R57_ACTOR", None)
    try:
        p = subprocess.run([fault.R57, "--db", at(uri, login)] + args, stdin=subprocess.DEVNULL,
                           capture_output=True, env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "hang", "", "no answer in %d s" % timeout
    out, err = p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    if p.returncode in (86, 87) or p.returncode < 0:
        fault.SANITIZER.append("r57 %s: exit %d: %s" % (" ".join(args), p.returncode, err[-2000:]))
    return p.returncode, out, err


def pick(rng, worker, n, ntasks):
    """concur.pick, without the status report (not yet on a server)."""
    while True:
        kind, a, tid = concur.pick(rng, worker, n, ntasks)
        if kind != "status":
            return kind, a, tid


def worker(i, uri, seed, actions, ntasks, log, lock, timeout):
    rng = random.Random(seed * 1000 + i)
    login = "w%d" % i
    for n in range(actions):
        kind, a, tid = pick(rng, i, n, ntasks)
        a = [x for x in a if x != ""]
        act = concur.Act()
        act.actor, act.n, act.kind, act.args, act.task = login, n, kind, a, tid
        act.t0 = time.monotonic()
        act.rc, act.out, act.err = run(uri, login, a, timeout)
        act.t1 = time.monotonic()
        with lock:
            log.append(act)


# The journal's soundness, in SQL: the first change that does not follow
# from the one before it to its row, and the first row whose newest change
# does not leave it there.
BROKEN_CHAIN = """
SELECT c.id FROM r57.change_log c WHERE CASE c.op WHEN 1 THEN coalesce((SELECT p.op FROM r57.change_log p
  WHERE p.tbl = c.tbl AND p.row_id = c.row_id AND p.id < c.id ORDER BY p.id DESC LIMIT 1), 3) <> 3
 ELSE coalesce((SELECT p.op FROM r57.change_log p WHERE p.tbl = c.tbl AND p.row_id = c.row_id
  AND p.id < c.id ORDER BY p.id DESC LIMIT 1), 3) = 3 END ORDER BY c.id LIMIT 1"""
# The task columns (bits of cols, journal.c's order) each kind of action
# may change: its own, and the time of the change.
_UPDATED = 1 << 16
ALLOWED = [("edit #", (1 << 1) | (1 << 2) | _UPDATED),
           ("assign #", (1 << 6) | (1 << 7) | _UPDATED),
           ("deadline of #", (1 << 10) | (1 << 11) | (1 << 12) | _UPDATED),
           ("close #", (1 << 4) | (1 << 13) | (1 << 14) | _UPDATED),
           ("reopen #", (1 << 4) | (1 << 13) | (1 << 14) | _UPDATED),
           ("cancel #", (1 << 4) | (1 << 13) | (1 << 14) | _UPDATED)]
TABLES = [(1, "task_group"), (2, "unit"), (3, "leader"), (4, "source"), (5, "task"), (6, "task_unit"),
          (7, "reminder"), (8, "reminder_task")]


def unaccounted(uri, su):
    bad = []
    for code, table in TABLES:
        rows = psql(uri, su, "SELECT r.id FROM r57.%s r WHERE coalesce((SELECT c.op FROM r57.change_log c"
                             " WHERE c.tbl = %d AND c.row_id = r.id ORDER BY c.id DESC LIMIT 1), 3) = 3 LIMIT 1"
                    % (table, code))
        if rows:
            bad.append("%s #%s has no change that leaves it there" % (table, rows[0][0]))
        rows = psql(uri, su, "SELECT c.row_id FROM r57.change_log c WHERE c.tbl = %d AND c.op <> 3 AND c.id ="
                             " (SELECT max(id) FROM r57.change_log m WHERE m.tbl = c.tbl AND m.row_id = c.row_id)"
                             " AND NOT EXISTS (SELECT 1 FROM r57.%s r WHERE r.id = c.row_id) LIMIT 1"
                    % (code, table))
        if rows:
            bad.append("%s #%s is gone, yet its newest change leaves it there" % (table, rows[0][0]))
    return bad


def pg_concur(args):
    uri, su = args.uri, args.su
    subprocess.run([fault.R57, "--db", at(uri, su), "init"], check=True, capture_output=True,
                   env=dict(fault.env_for(), R57_ACTOR=""))
    psql(uri, su, "; ".join("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'w%d')"
                            " THEN CREATE ROLE w%d LOGIN; END IF; END $$; GRANT r57_admin TO w%d" % (i, i, i)
                            for i in range(args.procs)))
    rc, out, err = run(uri, "w0", ["unit", "add", "Unit 0"], 60)
    for t in range(args.tasks):
        rc, out, err = run(uri, "w0", ["add", "Task %d" % (t + 1), "--group", "Hạ tầng", "--due", "2026-06-30"], 60)
        if rc != 0:
            return fault.finish(["the base tasks: r57 add: %s" % err.strip()])
    first = int(psql(uri, su, "SELECT max(seq) FROM r57.entry")[0][0])
    log, lock = [], threading.Lock()
    started = time.time()
    threads = [threading.Thread(target=worker, args=(i, uri, args.seed, args.actions, args.tasks, log, lock,
                                                     args.timeout)) for i in range(args.procs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.time() - started
    failures = []
    fig = dict(procs=args.procs, actions=len(log), writes=0, acknowledged=0, unchanged=0, refused=0,
               reads=0, read_refused=0, lost=0, extra=0, out_of_order=0, lock_errors=0, other_errors=0,
               hangs=0)
    refusals = {}
    # (a lost connection, or the server's own words, are failures too)
    changed = concur.classify(log, fig, failures, refusals, BROKEN)
    ents = [(int(s), a, k, int(t) if t else None, m)
            for s, a, k, t, m in psql(uri, su, "SELECT seq, actor, kind, coalesce(target::text, ''), summary"
                                               " FROM r57.entry WHERE seq > %d ORDER BY seq" % first)]
    failures += concur.judge_journal(log, changed, ents, fig)
    broken = psql(uri, su, BROKEN_CHAIN)
    if broken:
        failures.append("change #%s does not follow from the one before it to its row" % broken[0][0])
    failures += unaccounted(uri, su)
    # the journal one unbroken chain in commit order: every seal the
    # server wrote is the one r57 computes again (r57 check)
    rc, out, err = run(uri, su, ["check"], 600)
    if rc != 0:
        failures.append("r57 check on the server after the run: %s" % (out + err).strip()[:500])
    # no lost update: each action changed only the columns of its kind
    # (a write over a stale read would carry other columns back: an edit
    # that reopens what a close closed)
    rows = psql(uri, su, "SELECT e.seq, e.summary, c.row_id, c.cols FROM r57.entry e JOIN r57.change_log c"
                         " ON c.entry = e.seq WHERE e.kind = 'do' AND e.seq > %d AND c.tbl = 5 AND c.op = 2" % first)
    fig["task_changes"] = len(rows)
    for seq, summary, row, cols in rows:
        for prefix, allowed in ALLOWED:
            if summary.startswith(prefix) and int(cols) & ~allowed:
                fig["lost"] += 1
                failures.append("entry #%s (%s) changed task #%s columns %#x beyond its own"
                                % (seq, summary, row, int(cols) & ~allowed))
    concur.timings(log, fig, seconds)
    concur.report("pg_concur", fig, refusals)
    return fault.finish(failures)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--uri", required=True)
    p.add_argument("--su", required=True)
    p.add_argument("--procs", type=int, default=20)
    p.add_argument("--actions", type=int, default=200, help="actions of each process")
    p.add_argument("--seed", type=int, default=int(os.environ.get("R57_FAULT_SEED", "57")))
    p.add_argument("--tasks", type=int, default=4)
    p.add_argument("--timeout", type=int, default=120)
    args = p.parse_args()
    if not os.path.exists(fault.R57):
        print("pg_concur.py: %s is not built (make)" % fault.R57)
        return 1
    return pg_concur(args)


if __name__ == "__main__":
    sys.exit(main())
