const OLD = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const NEW = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
for (const [name, s] of [['digits+x', '1'.repeat(40000) + 'x'], ['digits+e', '1'.repeat(40000) + 'e'], ['digits.digits+x', '1'.repeat(20000) + '.' + '1'.repeat(20000) + 'x'], ['1e+digits x', '1e' + '1'.repeat(40000) + 'x']] as const) {
  for (const [rn, re] of [['old', OLD], ['new', NEW]] as const) { const t = performance.now(); re.test(s); console.log(name, rn, Math.round(performance.now() - t), 'ms'); }
}
