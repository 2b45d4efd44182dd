// The error parseRuleSet throws: where in the rule set (`rules[2].label`) and why.

export class RuleSetError extends Error {
  constructor(readonly path: string, readonly reason: string) {
    super(`${path}: ${reason}`);
    this.name = 'RuleSetError';
  }
}
