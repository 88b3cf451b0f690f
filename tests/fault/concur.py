#!/usr/bin/env python3
"""concur.py: r57's concurrency test (issue 13 part 4, docs/reliability.md).

  concur.py [--procs N] [--actions M] [--seed S] [--tasks T]

N processes at once (threads, each running r57 after r57), each its own
actor (--actor wN), do M random actions each on the same few tasks of one
file: add, edit, assign, due, close, reopen, cancel, undo and redo, with a
read (list, show, status) between them. Afterwards:

- every action acknowledged with a change (exit 0, not "Nothing changed")
  is exactly one journal entry of its actor, in the actor's order, of the
  action's kind and on its task (an undo or redo on the entry it named);
  no entry of an actor that no action of it acknowledged, and none for an
  action that failed;
- an action acknowledged before another began has the earlier entry;
- the file is sound and every row equals its newest after-image
  (fault.problems: integrity_check, foreign_key_check, the journal against
  the rows, r57 check);
- no "locked" or "busy" error, nor any other error but a refusal of the
  action itself (a task already closed, "cannot undo ... changed it since",
  nothing to undo), reached a user; reads never fail (but show of a task an
  undo removed).

Prints its figures on one line; exits 0 when every check held, 1 with the
failures named.
"""
import argparse
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fault  # noqa: E402

# What reached the user and must not have: the store's lock message and
# anything that says the file, the disk or SQLite failed.
LOCK = re.compile(r"locked|busy", re.I)
BROKEN = re.compile(r"damaged|cannot read or write|database error|disk is full|read-only", re.I)

# The journal summary each action writes, by kind: the task it names.
SUMMARY = {"edit": "edit #%s", "assign": "assign #%s", "due": "deadline of #%s",
           "close": "close #%s", "reopen": "reopen #%s", "cancel": "cancel #%s"}


class Act:
    """One r57 run of one worker."""
    __slots__ = ("actor", "n", "kind", "args", "task", "t0", "t1", "rc", "out", "err")


def pick(rng, worker, n, ntasks):
    """The nth action of a worker: (kind, args, task id or None). Most
    actions fall on the first few tasks, so that workers collide."""
    tid = str(1 + rng.randrange(ntasks + 2))  # now and then a task an add made
    kind = rng.choice(["add", "edit", "edit", "assign", "due", "close", "close", "reopen",
                       "cancel", "undo", "undo", "redo", "list", "show", "status"])
    if kind == "add":
        a = ["add", "Task of w%d, %d" % (worker, n), "--group", "Hạ tầng"]
        if rng.random() < 0.5:
            a += ["--due", "2026-%02d-%02d" % (1 + rng.randrange(12), 1 + rng.randrange(28))]
        return kind, a, None
    if kind == "edit":
        return kind, ["edit", tid, "--title", "Edited by w%d, %d" % (worker, n), "--notes",
                      "note %d" % n], tid
    if kind == "assign":
        return kind, ["assign", tid, "--leader", "Leader %d" % rng.randrange(3), "--unit",
                      "Unit %d" % rng.randrange(3), "--new"], tid
    if kind == "due":
        return kind, ["due", tid, "2027-%02d-%02d" % (1 + rng.randrange(12), 1 + rng.randrange(28))], tid
    if kind == "close":
        return kind, ["close", tid, "--result", "done by w%d" % worker], tid
    if kind == "reopen":
        return kind, ["reopen", tid], tid
    if kind == "cancel":
        return kind, ["cancel", tid, "--reason", "w%d, %d" % (worker, n)], tid
    if kind in ("undo", "redo"):
        return kind, [kind], None
    if kind == "list":
        return kind, ["list", "status:all", rng.choice(["", "edited", "task"])], None
    if kind == "show":
        return kind, ["show", tid], tid
    return kind, ["status", "--breakdowns"], None


def bounded(args, db, timeout):
    """r57 args on db, killed after timeout seconds: (rc or "hang", out,
    err). A signal or a sanitizer's exit is recorded as fault.run does."""
    try:
        p = subprocess.run([fault.R57, "--db", db] + args, stdin=subprocess.DEVNULL,
                           capture_output=True, env=fault.env_for(), timeout=timeout)
    except subprocess.TimeoutExpired:
        return "hang", "", "no answer in %d s" % timeout
    out, err = p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    if p.returncode in (86, 87) or p.returncode < 0:
        fault.SANITIZER.append("r57 %s: exit %d: %s" % (" ".join(args), p.returncode, err[-2000:]))
    return p.returncode, out, err


def worker(i, db, seed, actions, ntasks, log, lock, timeout):
    rng = random.Random(seed * 1000 + i)
    actor = "w%d" % i
    for n in range(actions):
        kind, a, tid = pick(rng, i, n, ntasks)
        a = [x for x in a if x != ""]
        act = Act()
        act.actor, act.n, act.kind, act.args, act.task = actor, n, kind, a, tid
        act.t0 = time.monotonic()
        act.rc, act.out, act.err = bounded(["--actor", actor] + a, db, timeout)
        act.t1 = time.monotonic()
        with lock:
            log.append(act)


def entries(db):
    c = sqlite3.connect(db)
    rows = c.execute("SELECT seq, actor, kind, target, summary FROM entry WHERE kind <> 'init'"
                     " ORDER BY seq").fetchall()
    c.close()
    return rows


def judge_entry(act, e, actor_of):
    """Whether journal entry e = (seq, actor, kind, target, summary) is the
    one act wrote: a reason it is not, or None."""
    seq, actor, kind, target, summary = e
    if actor != act.actor:
        return "entry #%d is by %s" % (seq, actor)
    if act.kind in ("undo", "redo"):
        m = re.match(r"(Undid|Redid) #(\d+):", act.out)
        want = "undo" if act.kind == "undo" else "redo"
        if kind != want or not m or int(m.group(2)) != target:
            return "entry #%d (%s of #%s) for %r" % (seq, kind, target, act.out.strip())
        if actor_of.get(target) != act.actor:
            return "entry #%d: %s of #%s, a change by %s" % (seq, kind, target, actor_of.get(target))
        return None
    if kind != "do":
        return "entry #%d is a %s" % (seq, kind)
    if act.kind == "add":
        m = re.match(r"Added task #(\d+)", act.out)
        if not m or not summary.startswith("add #%s: " % m.group(1)):
            return "entry #%d %r for %r" % (seq, summary, act.out.strip())
        return None
    if not re.match(re.escape(SUMMARY[act.kind] % act.task) + r"(\D|$)", summary):
        return "entry #%d %r" % (seq, summary)
    return None


def judge_journal(log, changed, ents, fig):
    """Each actor's acknowledged changes against its journal entries ents,
    in order, and real time against the entries' order: the failures."""
    failures = []
    actor_of = {e[0]: e[1] for e in ents}
    seq_of = {}
    for actor in sorted({a.actor for a in log}):
        mine = sorted((a for a in changed if a.actor == actor), key=lambda a: a.n)
        theirs = [e for e in ents if e[1] == actor]
        for k, act in enumerate(mine):
            if k >= len(theirs):
                fig["lost"] += len(mine) - k
                failures.append("%s: %d acknowledged actions have no journal entry, from r57 %s"
                                % (actor, len(mine) - k, " ".join(act.args)))
                break
            why = judge_entry(act, theirs[k], actor_of)
            if why:
                fig["lost"] += 1
                failures.append("%s: r57 %s (its change %d) is not its entry: %s" % (
                    actor, " ".join(act.args), k + 1, why))
                break
            seq_of[id(act)] = theirs[k][0]
        if len(theirs) > len(mine):
            fig["extra"] += len(theirs) - len(mine)
            failures.append("%s: %d journal entries that no acknowledged action of it made (%r)"
                            % (actor, len(theirs) - len(mine), theirs[len(mine)][4]))
    # real time: an action acknowledged before another began came first
    done = sorted((a for a in changed if id(a) in seq_of), key=lambda a: a.t1)
    for b in changed:
        if id(b) not in seq_of:
            continue
        for a in done:
            if a.t1 >= b.t0:
                break
            if seq_of[id(a)] > seq_of[id(b)]:
                fig["out_of_order"] += 1
                failures.append("r57 %s (%s) ended before r57 %s (%s) began, and has the later entry"
                                % (" ".join(a.args), a.actor, " ".join(b.args), b.actor))
                break
    return failures


def classify(log, fig, failures, refusals, broken=BROKEN):
    """Count the runs of log into fig, the failures a user must not have
    seen into failures (broken: what says the store itself failed), the
    refusals by their words; returns the runs acknowledged with a change,
    which the journal must hold."""
    changed = []
    for act in log:
        read = act.kind in ("list", "show", "status")
        fig["reads" if read else "writes"] += 1
        if act.rc == "hang":
            fig["hangs"] += 1
            failures.append("%s: r57 %s: %s" % (act.actor, " ".join(act.args), act.err))
            continue
        if LOCK.search(act.err) or LOCK.search(act.out):
            fig["lock_errors"] += 1
            failures.append("%s: r57 %s: a lock error reached the user after %.2f s: %s" % (
                act.actor, " ".join(act.args), act.t1 - act.t0, act.err.strip()))
            continue
        if act.rc != 0 and (broken.search(act.err) or act.rc not in (1, 2)):
            fig["other_errors"] += 1
            failures.append("%s: r57 %s: exit %s: %s" % (act.actor, " ".join(act.args), act.rc,
                                                           act.err.strip()))
            continue
        if read:
            if act.rc != 0:
                if act.kind == "show" and "does not exist" in act.err:
                    fig["read_refused"] += 1
                else:
                    fig["other_errors"] += 1
                    failures.append("%s: read r57 %s failed: %s" % (act.actor, " ".join(act.args),
                                                                     act.err.strip()))
            continue
        if act.rc != 0:
            fig["refused"] += 1
            key = re.sub(r"#\d+|\b\d+\b|w\d+", "N", act.err.strip())
            refusals[key] = refusals.get(key, 0) + 1
            continue
        if act.out.startswith("Nothing changed"):
            fig["unchanged"] += 1
            continue
        fig["acknowledged"] += 1
        changed.append(act)
    return changed


def timings(log, fig, seconds):
    """The runs' times into fig: median, 99th percentile, slowest."""
    took = sorted(a.t1 - a.t0 for a in log if a.rc != "hang")
    if took:
        fig["run_ms_median"] = int(1000 * took[len(took) // 2])
        fig["run_ms_p99"] = int(1000 * took[min(len(took) - 1, len(took) * 99 // 100)])
        fig["run_ms_max"] = int(1000 * took[-1])
    fig["seconds"] = round(seconds, 1)


def report(name, fig, refusals):
    print(name + ": " + " ".join("%s=%s" % kv for kv in fig.items()))
    for k, v in sorted(refusals.items(), key=lambda kv: -kv[1])[:6]:
        print("  refused %d: %s" % (v, k))


def concur(args):
    work = tempfile.mkdtemp(prefix="r57-concur-")
    db = os.path.join(work, "r57.db")
    fault.base_db(db, tasks=args.tasks)
    first = max(e[0] for e in entries(db)) if entries(db) else 0
    log, lock = [], threading.Lock()
    started = time.time()
    threads = [threading.Thread(target=worker, args=(i, db, args.seed, args.actions, args.tasks,
                                                     log, lock, args.timeout))
               for i in range(args.procs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.time() - started
    failures = []
    fig = dict(procs=args.procs, actions=len(log), writes=0, acknowledged=0, unchanged=0,
               refused=0, reads=0, read_refused=0, lost=0, extra=0, out_of_order=0,
               lock_errors=0, other_errors=0, hangs=0)
    refusals = {}
    changed = classify(log, fig, failures, refusals)
    ents = [e for e in entries(db) if e[0] > first]
    failures += judge_journal(log, changed, ents, fig)
    # the judge's own test: the same run with one acknowledged entry gone
    # from the journal, and with two entries of an actor swapped, must fail
    mute = dict(fig)
    if changed:
        drop = ents[:len(ents) // 2] + ents[len(ents) // 2 + 1:]
        k = next((i for i in range(len(ents) - 1) if ents[i][1] == ents[i + 1][1]
                  and ents[i][2:] != ents[i + 1][2:]), None)
        swap = list(ents)
        if k is not None:
            swap[k], swap[k + 1] = swap[k + 1], swap[k]
        caught = bool(judge_journal(log, changed, drop, mute)) and (
            k is None or bool(judge_journal(log, changed, swap, mute)))
        fig["selftest"] = "ok" if caught else "FAILED"
        if not caught:
            failures.append("self-test: a journal with an entry gone or two swapped passed the judge")
    bad = fault.problems(db)
    if bad:
        failures.append("the file after the run: " + "; ".join(bad))
    fig["bad_file"] = int(bool(bad))
    timings(log, fig, seconds)
    report("concur", fig, refusals)
    if not failures:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print("the file is kept: " + db)
    return fault.finish(failures)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--procs", type=int, default=2)
    p.add_argument("--actions", type=int, default=40, help="actions of each process")
    p.add_argument("--seed", type=int, default=int(os.environ.get("R57_FAULT_SEED", "57")))
    p.add_argument("--tasks", type=int, default=4, help="the few tasks they share")
    p.add_argument("--timeout", type=int, default=60, help="seconds before a run is a hang")
    args = p.parse_args()
    if not os.path.exists(fault.R57):
        print("concur.py: %s is not built (make)" % fault.R57)
        return 1
    return concur(args)


if __name__ == "__main__":
    sys.exit(main())
