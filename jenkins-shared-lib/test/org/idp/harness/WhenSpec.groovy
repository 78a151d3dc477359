package org.idp.harness

/** when { }: every expression must hold for the stage to run. */
class WhenSpec extends DirectiveSpec {
    final List<Closure> expressions = []

    String section() { 'when' }

    void expression(Closure condition) { expressions << condition }

    boolean holds() {
        for (Closure condition : expressions) {
            if (!Directives.runSteps(condition)) {
                return false
            }
        }
        return true
    }
}
