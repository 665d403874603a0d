/**
 * `$(VAR)` expansion as the kubelet applies it to env values, command and args (kubernetes
 * third_party/forked/golang/expansion/expand.go): a defined name is replaced, an undefined one is
 * left as written, `$$` is a literal `$`, and a `$` before anything else stays as it is.
 */
export function expand(input: string, lookup: (name: string) => string | undefined): string {
  let out = '';
  let i = 0;
  while (i < input.length) {
    const char = input[i];
    if (char !== '$' || i + 1 >= input.length) {
      out += char;
      i += 1;
      continue;
    }
    const next = input[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next === '(') {
      const close = input.indexOf(')', i + 2);
      if (close === -1) {
        out += input.slice(i);
        break;
      }
      const name = input.slice(i + 2, close);
      const value = lookup(name);
      out += value ?? `$(${name})`;
      i = close + 1;
      continue;
    }
    out += char;
    i += 1;
  }
  return out;
}
