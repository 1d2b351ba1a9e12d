"""Split annotators' gold files by document into two sets, copying an
entity's declaration into a set that uses it but lacks its declaring
document."""
import json, sys
split = json.load(open(sys.argv[1]))
which = {d: k for k in split for d in split[k]}
for path in sys.argv[2:]:
    blocks = []  # (doc, lines)
    decl = {}
    for raw in open(path, encoding='utf-8'):
        line = raw.rstrip('\n')
        f = line.split('\t')
        if f[0] == 'doc':
            blocks.append((f[1].removesuffix('.txt'), [line]))
            continue
        if not blocks:
            continue
        blocks[-1][1].append(line)
        if f[0] in ('E', 'E?') and len(f) >= 3:
            decl[f[2]] = line
    for k in split:
        out = []
        have = set()
        for doc, lines in blocks:
            if which.get(doc) != k:
                continue
            for line in lines:
                f = line.split('\t')
                if f[0] in ('E', 'E?'):
                    have.add(f[2])
                elif f[0] in ('R', 'R?'):
                    for end in (f[1], f[3]):
                        if end in decl and end not in have:
                            out.append(decl[end] + '\t'[:0])
                            out.append('# (declared in another document of the annotator\'s file)')
                            have.add(end)
                out.append(line)
        open(path.replace('.tsv', f'.{k}.tsv'), 'w').write('\n'.join(out) + '\n')
