"""Merge gold files written apart into one: an entity declared in several is
kept at its first declaration with the union of the aliases; an alias that
two different entities claim stays only on the first; repeated relations are
commented out."""
import sys, unicodedata, re

def norm(s):
    s = unicodedata.normalize('NFKD', s)
    s = ''.join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r'\s+', ' ', s).strip()
    return s[4:] if s.startswith('the ') else s

files = sys.argv[1:]
lines_out = []
decl = {}        # canonical -> index in lines_out
owner = {}       # normalised alias -> canonical
seen_rel = set()
for path in files:
    rename = {}
    for raw in open(path, encoding='utf-8'):
        line = raw.rstrip('\n')
        f = line.split('\t')
        if f[0] in ('E', 'E?') and len(f) >= 3:
            kind, typ, canon = f[0], f[1], f[2]
            aliases = [a for a in (f[3].split('|') if len(f) > 3 and f[3] else []) if a]
            if canon in decl:
                i = decl[canon]
                old = lines_out[i].split('\t')
                if old[1] != typ:
                    print(f'type clash for {canon}: {old[1]} vs {typ}', file=sys.stderr)
                have = old[3].split('|') if len(old) > 3 and old[3] else []
                for a in aliases:
                    k = norm(a.lstrip('~'))
                    if a not in have and owner.get(k, canon) == canon:
                        have.append(a); owner[k] = canon
                # E wins over E?
                kk = 'E' if 'E' in (old[0], kind) else 'E?'
                lines_out[i] = '\t'.join([kk, old[1], old[2], '|'.join(have)])
                lines_out.append(f'# {canon}: declared earlier')
                continue
            # The same entity: the new canonical name is an existing
            # entity's name or alias, or an existing canonical name is
            # among the new aliases. A shared alias alone ("Communist
            # Party") does not make two entities one.
            same = [owner[norm(canon)]] if norm(canon) in owner else []
            same += [c for c in decl if norm(c) in {norm(a) for a in aliases if not a.startswith('~')}]
            same = [c for c in same if lines_out[decl[c]].split('\t')[1] == typ]
            if same:
                target = same[0]
                rename[canon] = target
                i = decl[target]
                old = lines_out[i].split('\t')
                have = old[3].split('|') if len(old) > 3 and old[3] else []
                for a in [canon] + aliases:
                    k = norm(a.lstrip('~'))
                    if a not in have and a != target and owner.get(k, target) == target:
                        have.append(a); owner[k] = target
                kk = 'E' if 'E' in (old[0], kind) else 'E?'
                lines_out[i] = '\t'.join([kk, old[1], old[2], '|'.join(have)])
                lines_out.append(f'# {canon}: declared earlier as {target}')
                print(f'merged {canon} into {target}', file=sys.stderr)
                continue
            keep = []
            for a in [canon] + aliases:
                k = norm(a.lstrip('~'))
                if owner.get(k, canon) != canon:
                    print(f'alias {a!r} of {canon} already names {owner[k]}: dropped', file=sys.stderr)
                    if a == canon:
                        keep.append(a)
                    continue
                owner[k] = canon
                if a != canon:
                    keep.append(a)
            decl[canon] = len(lines_out)
            lines_out.append('\t'.join([kind, typ, canon, '|'.join(keep)]))
        elif f[0] in ('R', 'R?') and len(f) >= 4:
            f[1] = rename.get(f[1], f[1]); f[3] = rename.get(f[3], f[3])
            line = '\t'.join(f)
            key = (f[1], f[2], f[3])
            if key in seen_rel:
                lines_out.append('# repeated: ' + line)
                continue
            seen_rel.add(key)
            lines_out.append(line)
        else:
            lines_out.append(line)
print('\n'.join(lines_out))
