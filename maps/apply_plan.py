#!/usr/bin/env python3
"""Applies the machine-applicable YAML blocks of a maps plan to the essay maps.

    python3 maps/apply_plan.py PLAN.md [--parts contradicts,groups,implicit,schemes]
                                       [--scheme PLAN-NAME=CATALOGUE-NAME ...]

The plan has fenced ```yaml blocks; inside each, a `# MAP-ID` comment line starts the part
for that map (`maps/MAP-ID.yaml`). A part may hold `groups:` (the map's groups),
`node_groups:` (node -> group), `contradicts:` (node -> [map:node]), `implicit:` (ids made
`implicit: true`, their quote dropped), `new_implicit_nodes:` (claims added) and `schemes:`
(link -> scheme; `--scheme a=b` renames the plan's scheme `a` to the catalogue's `b`,
`--scheme a=` drops the links that name `a`). The maps are edited as text, so their layout and comments stay; a field
a node already has is left as it is, so running the script twice changes nothing.
"""
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = ("claims", "evidence", "rebuttals")


def plan_parts(text):
    parts = {}
    for block in re.findall(r"```yaml\n(.*?)```", text, re.S):
        current, lines = None, []
        for line in block.splitlines():
            m = re.fullmatch(r"# ([a-z0-9][a-z0-9-]*)", line.strip())
            if m and not line.startswith(" "):
                if current:
                    merge(parts.setdefault(current, {}), yaml.safe_load("\n".join(lines)) or {})
                current, lines = m.group(1), []
            else:
                lines.append(line)
        if current:
            merge(parts.setdefault(current, {}), yaml.safe_load("\n".join(lines)) or {})
    return parts


def merge(into, new):
    for k, v in new.items():
        if isinstance(v, dict) and isinstance(into.get(k), dict):
            into[k].update(v)
        else:
            into[k] = v


def flow(value):
    """A YAML scalar or flow list, quoted as JSON when needed (JSON is YAML)."""
    if isinstance(value, list):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    s = str(value)
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._:-]*", s) and s not in ("true", "false", "null"):
        return s
    return json.dumps(s, ensure_ascii=False)


class MapText:
    def __init__(self, path):
        self.path = path
        self.lines = path.read_text().splitlines()

    def section_of(self, i):
        for j in range(i, -1, -1):
            m = re.match(r"^([a-z_]+):", self.lines[j])
            if m:
                return m.group(1)
        return None

    def node(self, nid):
        """(start, end) of the node's lines: its key line to its last field line."""
        for i, line in enumerate(self.lines):
            if line == f"  {nid}:" and self.section_of(i) in SECTIONS:
                end = i + 1
                while end < len(self.lines) and (
                    self.lines[end].startswith("    ") or self.lines[end].strip() == ""
                ):
                    end += 1
                while self.lines[end - 1].strip() == "":
                    end -= 1
                return i, end
        raise SystemExit(f"{self.path.name}: no node {nid}")

    def has_field(self, nid, field):
        s, e = self.node(nid)
        return any(l.startswith(f"    {field}:") for l in self.lines[s + 1 : e])

    def add_field(self, nid, field, value):
        if self.has_field(nid, field):
            return False
        _, e = self.node(nid)
        self.lines.insert(e, f"    {field}: {flow(value)}")
        return True

    def drop_field(self, nid, field):
        s, e = self.node(nid)
        for i in range(s + 1, e):
            if self.lines[i].startswith(f"    {field}:"):
                j = i + 1
                while j < e and self.lines[j].startswith("      "):
                    j += 1
                del self.lines[i:j]
                return True
        return False

    def top_level(self, key):
        return any(l.startswith(f"{key}:") for l in self.lines)

    def insert_top_level(self, before, block):
        for i, line in enumerate(self.lines):
            if line.startswith(f"{before}:"):
                self.lines[i:i] = block + [""]
                return
        self.lines += [""] + block

    def end_of_section(self, section):
        start = next(i for i, l in enumerate(self.lines) if l.startswith(f"{section}:"))
        end = start + 1
        while end < len(self.lines) and not re.match(r"^[a-z_]+:", self.lines[end]):
            end += 1
        while self.lines[end - 1].strip() == "":
            end -= 1
        return end

    def save(self):
        self.path.write_text("\n".join(self.lines) + "\n")


def dump_block(key, value):
    return yaml.safe_dump({key: value}, allow_unicode=True, sort_keys=False, width=90).rstrip().splitlines()


RENAME = {}


def apply(map_id, part, parts, log):
    m = MapText(ROOT / "maps" / f"{map_id}.yaml")
    if "contradicts" in parts:
        for nid, targets in (part.get("contradicts") or {}).items():
            if m.add_field(nid, "contradicts", targets):
                log.append(f"{map_id}: {nid} contradicts {', '.join(targets)}")
    if "groups" in parts:
        if part.get("groups") and not m.top_level("groups"):
            m.insert_top_level("sources" if m.top_level("sources") else "claims", dump_block("groups", part["groups"]))
            log.append(f"{map_id}: {len(part['groups'])} groups")
        placed = sum(m.add_field(nid, "group", g) for nid, g in (part.get("node_groups") or {}).items())
        if placed:
            log.append(f"{map_id}: {placed} nodes placed in groups")
    if "implicit" in parts:
        for nid in part.get("implicit") or []:
            if m.add_field(nid, "implicit", True):
                m.drop_field(nid, "quote")
                log.append(f"{map_id}: {nid} implicit")
        new = part.get("new_implicit_nodes") or {}
        existing = set()
        for nid in new:
            try:
                m.node(nid)
                existing.add(nid)
            except SystemExit:
                pass
        lines = []
        for nid, fields in new.items():
            if nid in existing:
                continue
            lines.append("")
            lines.append(f"  {nid}:")
            for k, v in fields.items():
                if k == "text":
                    lines.append(f"    text: {json.dumps(' '.join(str(v).split()), ensure_ascii=False)}")
                else:
                    lines.append(f"    {k}: {flow(v)}")
            log.append(f"{map_id}: new implicit premise {nid}")
        if lines:
            e = m.end_of_section("claims")
            m.lines[e:e] = lines
    if "schemes" in parts and part.get("schemes") and not m.top_level("schemes"):
        schemes = {}
        for link, name in part["schemes"].items():
            name = RENAME.get(name, name)
            if name:
                schemes[link] = name
            else:
                log.append(f"{map_id}: scheme of {link} dropped (not in the catalogue)")
        m.lines += [""] + dump_block("schemes", schemes)
        log.append(f"{map_id}: {len(schemes)} schemes")
    m.save()


def main():
    args = sys.argv[1:]
    if not args:
        raise SystemExit(__doc__)
    wanted = {"contradicts", "groups", "implicit", "schemes"}
    if "--parts" in args:
        i = args.index("--parts")
        wanted = set(args[i + 1].split(","))
        del args[i : i + 2]
    while "--scheme" in args:
        i = args.index("--scheme")
        a, _, b = args[i + 1].partition("=")
        RENAME[a] = b
        del args[i : i + 2]
    parts = plan_parts(Path(args[0]).read_text())
    log = []
    for map_id, part in parts.items():
        apply(map_id, part, wanted, log)
    print("\n".join(log) or "nothing to change")


if __name__ == "__main__":
    main()
