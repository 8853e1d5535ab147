"""How well the guide's app labels and rules are supported, as the build computes it (guide/evidence.py):
``python -m scripts.evidence`` prints, for the labels and for every record that cites sources, how many are at each
level (an official page; two or more independent guides from 2025 or later; one source; none), and which labels
are weak, so an editor sees what a phone check or one more source would settle.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from guide import evidence, ids, paths
from guide.load import load_guide
from guide.model import Flow, Guide


def label_levels(guide: Guide) -> dict[str, str]:
    return {key: label.evidence for key, label in guide.labels.items()}


def rule_levels(guide: Guide) -> dict[str, str]:
    """Every record that cites sources (a rule, a time limit, an amount), by element id, with its level."""
    found: dict[str, str] = {}
    for flow in guide.flows:
        sources = {s.id: s for s in flow.sources}
        for ident, cite in cited(flow):
            found[ident] = evidence.level(sources[c] for c in cite)
    return found


def cited(flow: Flow) -> list[tuple[str, tuple[str, ...]]]:
    out = [(ident, step.cite) for ident, step in flow.all_steps() if step.cite]
    out += [(ids.group(flow.id, g.id), g.cite) for g in flow.groups if g.cite]
    out += [(ids.status(flow.id, s.id), s.cite) for s in flow.statuses if s.cite]
    out += [(ids.tip(flow.id, t.id), t.cite) for t in flow.tips if t.cite]
    out += [(ids.fact(flow.id, x.id), x.cite) for x in flow.facts if x.cite]
    if flow.helper:
        out += [(ids.answer(flow.helper.id, a.id), a.cite) for a in flow.helper.answers if a.cite]
    return out


def table(title: str, levels: dict[str, str]) -> str:
    counts = Counter(levels.values())
    cells = "  ".join(f"{level} {counts.get(level, 0)}" for level in evidence.LEVELS)
    return f"{title:<8} {len(levels):>4}: {cells}"


def main() -> None:
    guide = load_guide(paths.GUIDE_DATA, dt.date.today())
    labels = label_levels(guide)
    print(table("labels", labels))
    print(table("rules", rule_levels(guide)))
    weak = sorted(key for key, level in labels.items() if level in evidence.WEAK)
    print(f"weak labels ({len(weak)}): {', '.join(weak)}")


if __name__ == "__main__":
    main()
