"""Fictional terms histories for the reanalyse and Dask tests: a git repository in the Open Terms
Archive layout (``<Service>/<Document>.md``, one commit per change), and the index rows that the
analysis of its versions produces, keyed so that two stores of the same history compare equal."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

SERVICES = ("Pebble Cloud", "Quill Notes", "Lantern Maps")
DOCUMENTS = ("Terms of Service", "Privacy Policy")

CLAUSES = [
    ("Credits", "Credits expire {months} months after purchase and are not refundable."),
    ("Disputes", "Disputes are settled by the courts of {city}; you waive any class action."),
    ("Data", "We keep your uploads for {days} days and may share them with {partners}."),
    ("Fees", "The monthly fee is {fee} euros, billed in advance."),
    ("Termination", "We may suspend your account {notice}."),
    ("Changes", "We tell you about changes to these terms {warning}."),
]
CHOICES: dict[str, list[str]] = {
    "months": ["12", "6", "24", "3"],
    "city": ["Lyon", "Dublin", "Zurich"],
    "days": ["30", "90", "365"],
    "partners": ["no one", "our advertising partners", "our affiliates"],
    "fee": ["5", "7", "9"],
    "notice": ["with 30 days' notice", "at any time without notice", "after a warning"],
    "warning": ["30 days in advance", "by email", "when they take effect"],
}


def git(repo: Path, *args: str, date: str | None = None) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="Bot", GIT_AUTHOR_EMAIL="bot@example.org",
               GIT_COMMITTER_NAME="Bot", GIT_COMMITTER_EMAIL="bot@example.org")
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def render(service: str, document: str, values: dict[str, str], extra: int) -> str:
    lines = [f"# {document} of {service}", ""]
    for n, (title, clause) in enumerate(CLAUSES, 1):
        lines += [f"## {n}. {title}", "", clause.format(**values), ""]
    for i in range(extra):
        lines += [f"## {len(CLAUSES) + i + 1}. Section {i}", "", f"Section {i} of {service} applies to every plan.", ""]
    return "\n".join(lines)


def make_history(repo: Path, commits: int = 40, seed: int = 7) -> Path:
    """A versions repository with ``commits`` commits after the first texts: clause edits (facts,
    new sections), reverts to an earlier text, and whitespace-only edits."""
    rng = random.Random(seed)
    repo.mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    state = {(s, d): ({k: v[0] for k, v in CHOICES.items()}, 0) for s in SERVICES for d in DOCUMENTS}
    seen: dict[tuple[str, str], list[tuple[dict[str, str], int]]] = {key: [value] for key, value in state.items()}
    for (service, document), (values, extra) in state.items():
        path = repo / service / f"{document}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(service, document, values, extra), encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "First texts", date="2022-01-01T10:00:00Z")
    for n in range(commits):
        key = rng.choice(sorted(state))
        values, extra = state[key]
        roll = rng.random()
        if roll < 0.15 and len(seen[key]) > 1:  # back to an earlier text
            values, extra = rng.choice(seen[key][:-1])
        elif roll < 0.25:
            extra += 1
        else:
            values = dict(values)
            name = rng.choice(sorted(CHOICES))
            values[name] = rng.choice([c for c in CHOICES[name] if c != values[name]])
        state[key] = (values, extra)
        seen[key].append((values, extra))
        text = render(*key, values, extra)
        if roll > 0.95:
            text = text.replace("\n\n", "\n\n\n", 1)  # formatting only: not a new version
        (repo / key[0] / f"{key[1]}.md").write_text(text, encoding="utf-8")
        git(repo, "add", "-A")
        day = f"2022-{1 + (n * 11) // commits + 1:02d}-{1 + n % 27:02d}T10:00:00Z"
        git(repo, "commit", "-q", "--allow-empty", "-m", f"Change {n}", date=day)
    return repo


def analysis_rows(index_path: Path) -> dict[str, Any]:
    """What the analysis put in an index, keyed by (document, seq) instead of archive commits
    (two imports of one history make different archive commits): each version's analysis
    columns and its clause changes."""
    conn = sqlite3.connect(index_path)
    try:
        shas = dict(conn.execute("SELECT commit_sha, document_key || '#' || seq FROM versions"))
        versions = {shas[r[0]]: r[1:] for r in conn.execute(
            "SELECT commit_sha, kind, revert_of, changes, material, severity, categories, summary, unchanged, "
            "analysis_version FROM versions")}
        changes: dict[str, list[tuple]] = {}
        for row in conn.execute("SELECT commit_sha, n, kind, clause_id, heading, before, after, material, severity, "
                                "categories, explanation, cosmetic FROM changes ORDER BY commit_sha, n"):
            changes.setdefault(shas[row[0]], []).append(row[1:])
        return {"versions": versions, "changes": changes}
    finally:
        conn.close()


def make_stale(index_path: Path, share: float = 1.0, seed: int = 1) -> int:
    """Make ``share`` of the versions look analysed by older code: labels, summary and clause
    changes wiped, ``analysis_version`` old (or empty, as before schema 5). Returns how many."""
    rng = random.Random(seed)
    conn = sqlite3.connect(index_path)
    try:
        shas = [r[0] for r in conn.execute("SELECT commit_sha FROM versions ORDER BY commit_sha")]
        chosen = [sha for sha in shas if rng.random() < share]
        with conn:
            for n, sha in enumerate(chosen):
                conn.execute("DELETE FROM changes WHERE commit_sha = ?", (sha,))
                conn.execute("UPDATE versions SET changes = 0, material = 0, severity = 'none', categories = '[]', "
                             "summary = 'stale', analysis_version = ? WHERE commit_sha = ?",
                             (None if n % 3 == 0 else "0-old", sha))
        return len(chosen)
    finally:
        conn.close()
