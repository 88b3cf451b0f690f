-- r57 history --limit 50
SELECT seq, at, actor, summary, kind, target, undone FROM entry ORDER BY seq DESC LIMIT 50;
